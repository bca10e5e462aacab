#pragma once
// What a portal or a desk does over the REST API, for the lifecycle suites: fill a stage form from
// the 办事指南, list materials, upload files, log in with the user's id, and describe failures.

#include "testserver.h"

#include <QCryptographicHash>
#include <QString>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace spgl::test {

/// "status 409: {…}" for failure messages.
inline QString describe(const HttpReply &r)
{
    return QStringLiteral("status %1: %2%3")
        .arg(r.status)
        .arg(QString::fromUtf8(r.body.substr(0, 600).c_str()))
        .arg(r.error.empty() ? QString()
                             : QStringLiteral(" (") + QString::fromStdString(r.error) + QStringLiteral(")"));
}

#define QCOMPARE_STATUS(reply, expected)                                                                               \
    do {                                                                                                               \
        const auto &r_ = (reply);                                                                                      \
        QVERIFY2(r_.status == (expected),                                                                              \
                 qPrintable(QStringLiteral("expected %1, got ").arg(expected) + spgl::test::describe(r_)));            \
    } while (false)

/// A logged-in demo user.
struct Session
{
    std::string token;
    std::string id;
    std::string displayName;
    std::string department; ///< department code ("" for applicants)
};

inline Session loginAs(const TestServer &server, const std::string &username, const std::string &password = "Demo@2026")
{
    const auto reply = server.postJson("/api/v1/auth/login", {{"username", username}, {"password", password}});
    Session s;
    if (reply.status != 200)
        return s;
    const nlohmann::json body = reply.json();
    s.token = body.value("access_token", std::string());
    s.id = body["user"].value("id", std::string());
    s.displayName = body["user"].value("display_name", std::string());
    return s;
}

/// "%PDF-1.7\n" and deterministic bytes: something the upload sniffer takes for a PDF.
inline std::string pdfBytes(std::size_t size, std::uint32_t seed)
{
    std::string s = "%PDF-1.7\n";
    std::uint32_t x = seed | 1u;
    while (s.size() < size) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        s.push_back(char(x & 0xff));
    }
    s.resize(size);
    return s;
}

inline std::string sha256Hex(const std::string &data)
{
    return QCryptographicHash::hash(QByteArrayView(data.data(), qsizetype(data.size())), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

/// Uploads @p content through the resumable upload API (create, then one PATCH); returns the
/// file's sha256 as the server reports it, or "" on failure.
inline std::string uploadFile(const TestServer &server, const std::string &token, const std::string &filename,
                              const std::string &content)
{
    const auto created = server.request(
        "POST", "/api/v1/uploads", nlohmann::json{{"filename", filename}}.dump(),
        {{"Content-Type", "application/json"}, {"Upload-Length", std::to_string(content.size())}}, token);
    if (created.status != 201)
        return {};
    const std::string id = created.json().value("id", std::string());
    const auto done
        = server.request("PATCH", "/api/v1/uploads/" + id, content,
                         {{"Content-Type", "application/offset+octet-stream"}, {"Upload-Offset", "0"}}, token);
    if (done.status != 200 || done.json().value("status", std::string()) != "complete")
        return {};
    return done.json()["file"].value("sha256", std::string());
}

/// A 天山区 project (政府投资) of the applicant with 项目代码 2023-650102-47-01-<number>, named
/// "<name> <code>", created through the API; null when the server refused it.
inline nlohmann::json tianshanProject(const TestServer &server, const std::string &applicantToken, int number,
                                      const std::string &name)
{
    char code[32];
    std::snprintf(code, sizeof code, "2023-650102-47-01-%06d", number);
    const auto project = server.postJson("/api/v1/projects",
                                         {{"project_code", code},
                                          {"name", name + " " + code},
                                          {"region_code", "650102"},
                                          {"process_type", 1},
                                          {"approval_type", 1},
                                          {"investment", "36000000.00"},
                                          {"builder_credit_code", "91350100M000100Y43"}},
                                         applicantToken);
    return project.status == 201 ? project.json() : nlohmann::json();
}

/// The guide of one stage of 650100-ZFTZFW (process type 1): form definition and items.
inline nlohmann::json stageGuide(const TestServer &server, int stage, const std::string &process = "650100-ZFTZFW",
                                 int processType = 1)
{
    const auto reply
        = server.get("/api/v1/guides?stage=" + std::to_string(stage) + "&process_type=" + std::to_string(processType));
    if (reply.status != 200)
        return nullptr;
    const nlohmann::json body = reply.json();
    for (const auto &g : body["items"])
        if (g.value("process_code", std::string()) == process)
            return g;
    return nullptr;
}

/// Realistic values by field name, as an applicant of 天山区 would type them.
inline nlohmann::json realisticValue(const std::string &name, const nlohmann::json &project)
{
    static const std::map<std::string, nlohmann::json> byName = {
        {"site_address", "乌鲁木齐市天山区解放南路 88 号"},
        {"builder_name", "乌鲁木齐城市建设投资（集团）有限公司"},
        {"builder_credit_code", "91350100M000100Y43"},
        {"legal_representative", "王建国"},
        {"contact_person", "李娜"},
        {"contact_phone", "13899912345"},
        {"contact_id_number", "650102199003071235"},
        {"contact_email", "lina@urumqi-ct.example.cn"},
        {"construction_nature", "new"},
        {"funding_source", "municipal"},
        {"total_investment", "12800.50"},
        {"land_supply", "allocation"},
        {"land_area", 15200.5},
        {"building_area", 32150.0},
        {"above_ground_area", 28000.0},
        {"construction_content", "新建教学楼、实验楼及附属用房，总建筑面积约 3.2 万平方米，配套室外工程。"},
        {"planned_start_date", "2027-04-01"},
        {"planned_completion_date", "2029-10-31"},
        {"land_use_permit_no", "地字第650102202600012号"},
        {"has_basement", false},
        {"building_height", 23.9},
        {"floors_above", 6},
        {"structure_type", "frame_shear"},
        {"plot_ratio", 2.1},
        {"green_ratio", 35.0},
        {"design_unit_name", "新疆建筑设计研究院有限公司"},
        {"design_unit_credit_code", "91350100M000100Y43"},
        {"planning_permit_no", "建字第650102202600034号"},
        {"bid_notice_no", "WLMQ-ZB-2027-0156"},
        {"drawing_review_no", "XJ-SCTS-2027-0891"},
        {"contract_price", "9860.00"},
        {"construction_unit_name", "新疆天山建工（集团）有限责任公司"},
        {"construction_unit_credit_code", "91350100M000100Y43"},
        {"needs_water_intake", false},
        {"needs_road_occupation", false},
        {"needs_highway_occupation", false},
        {"needs_night_work", false},
        {"construction_permit_no", "650102202704010101"},
        {"actual_start_date", "2027-04-10"},
        {"completion_date", "2029-09-30"},
        {"acceptance_date", "2029-10-20"},
        {"acceptance_contact", "马强"},
        {"acceptance_contact_phone", "0991-4567890"},
        {"public_gathering", false},
        {"final_cost", "12650.00"},
    };
    if (name == "project_code")
        return project["project_code"];
    if (name == "project_name")
        return project["name"];
    if (name == "region_code")
        return project["region_code"];
    auto it = byName.find(name);
    return it == byName.end() ? nlohmann::json() : it->second;
}

/// A fallback value by field type.
inline nlohmann::json valueOfType(const nlohmann::json &field)
{
    const std::string type = field.value("type", std::string("string"));
    if (type == "boolean")
        return false;
    if (type == "integer")
        return field.contains("min") ? field["min"] : nlohmann::json(1);
    if (type == "number" || type == "area")
        return field.contains("min") ? nlohmann::json(std::max(1.0, field["min"].get<double>())) : nlohmann::json(1.0);
    if (type == "money")
        return "100.00";
    if (type == "date")
        return "2027-06-01";
    if (type == "enum")
        return field["options"].at(0)["value"];
    if (type == "multi_enum")
        return nlohmann::json::array({field["options"].at(0)["value"]});
    if (type == "phone")
        return "0991-2345678";
    if (type == "email")
        return "office@example.cn";
    if (type == "credit_code")
        return "91350100M000100Y43";
    if (type == "id_number")
        return "650102199003071235";
    if (type == "region_code")
        return "650102";
    if (type == "text")
        return "情况说明：无。";
    return "测试填写";
}

/// A tiny JSON Logic for the rules the seed catalog uses: var, ==, !, !!.
inline nlohmann::json evalLogic(const nlohmann::json &rule, const nlohmann::json &facts)
{
    if (!rule.is_object() || rule.empty())
        return rule;
    const auto &[op, arg] = *rule.items().begin();
    if (op == "var") {
        const std::string path = arg.is_array() ? arg.at(0).get<std::string>() : arg.get<std::string>();
        nlohmann::json node = facts;
        std::size_t from = 0;
        while (from <= path.size()) {
            const auto dot = path.find('.', from);
            const std::string key = path.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
            if (!node.is_object() || !node.contains(key))
                return nullptr;
            node = node[key];
            if (dot == std::string::npos)
                break;
            from = dot + 1;
        }
        return node;
    }
    auto truthy = [](const nlohmann::json &v) {
        return !(v.is_null() || (v.is_boolean() && !v.get<bool>()) || (v.is_number() && v.get<double>() == 0)
                 || (v.is_string() && v.get<std::string>().empty()));
    };
    const nlohmann::json args = arg.is_array() ? arg : nlohmann::json::array({arg});
    if (op == "==")
        return evalLogic(args.at(0), facts) == evalLogic(args.at(1), facts);
    if (op == "!")
        return !truthy(evalLogic(args.at(0), facts));
    if (op == "!!")
        return truthy(evalLogic(args.at(0), facts));
    return nullptr;
}

/// The form a portal would send: every field whose visible_if holds, from the realistic table or
/// by type; @p overrides win.
inline nlohmann::json fillForm(const nlohmann::json &formDefinition, const nlohmann::json &project,
                               const nlohmann::json &overrides = nlohmann::json::object())
{
    nlohmann::json form = nlohmann::json::object();
    // Two passes: visibility depends on values filled in the first.
    for (int pass = 0; pass < 2; ++pass)
        for (const auto &field : formDefinition["fields"]) {
            const std::string name = field["name"];
            if (field.contains("visible_if") && !field["visible_if"].is_null()) {
                const nlohmann::json facts = {{"form", form}, {"project", project}};
                if (evalLogic(field["visible_if"], facts) != true) {
                    form.erase(name);
                    continue;
                }
            }
            if (overrides.contains(name)) {
                form[name] = overrides[name];
                continue;
            }
            nlohmann::json v = realisticValue(name, project);
            form[name] = v.is_null() ? valueOfType(field) : v;
        }
    return form;
}

/// The items of a guide that apply to @p form (applies_if over form and project).
inline std::vector<nlohmann::json> applyingItems(const nlohmann::json &guide, const nlohmann::json &form,
                                                 const nlohmann::json &project)
{
    std::vector<nlohmann::json> out;
    const nlohmann::json facts = {{"form", form}, {"project", project}};
    for (const auto &item : guide["items"])
        if (item["applies_if"].is_null() || evalLogic(item["applies_if"], facts) == true)
            out.push_back(item);
    return out;
}

/// The materials list: every required and tolerable material of @p items except the keys
/// ("item/material") in @p leaveOut; file ids from @p files by key (others are paper originals).
inline nlohmann::json materialsFor(const std::vector<nlohmann::json> &items, const std::set<std::string> &leaveOut,
                                   const std::map<std::string, std::string> &files = {})
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &item : items)
        for (const auto &m : item["materials"]) {
            const std::string requirement = m.value("requirement", std::string());
            if (requirement == "optional")
                continue;
            const std::string key = item["code"].get<std::string>() + "/" + m["code"].get<std::string>();
            if (leaveOut.count(key))
                continue;
            nlohmann::json entry = {{"item_code", item["code"]}, {"material_code", m["code"]}};
            if (auto it = files.find(key); it != files.end())
                entry["file_id"] = it->second;
            list.push_back(entry);
        }
    return list;
}

/// A result document for a decision.
inline nlohmann::json resultDocument(const std::string &number, const std::string &title, const std::string &date)
{
    return {{"number", number}, {"title", title}, {"date", date}};
}

/**
 * Files @p guide's stage of @p project online (POST /applications, as @p token) with the form
 * filled in realistically and every material of the items that apply, @p files attached by
 * "ITEM/MATERIAL" key.
 */
inline HttpReply fileOnline(const TestServer &server, const std::string &token, const nlohmann::json &project,
                            const nlohmann::json &guide, const std::map<std::string, std::string> &files = {})
{
    const nlohmann::json form = fillForm(guide["form"], project);
    return server.postJson("/api/v1/applications",
                           {{"project_id", project["id"]},
                            {"stage", guide["stage"]},
                            {"form", form},
                            {"materials", materialsFor(applyingItems(guide, form, project), {}, files)}},
                           token);
}

/// A required text field of a form's 项目基本信息 section (to add to a new form version).
inline nlohmann::json requiredTextField(const std::string &name, const std::string &label)
{
    return {{"name", name}, {"label", label}, {"type", "string"}, {"required", true}, {"section", "项目基本信息"}};
}

/**
 * Publishes, as the administrator (@p admin), version @p version of process @p code: a copy of its
 * latest published version whose stage 1 form is a new version @p version of that form with the
 * extra @p field (published first). Returns an empty string, or what the server refused.
 */
inline std::string publishProcessVersion(const TestServer &server, const std::string &admin, const std::string &code,
                                         const std::string &version, const nlohmann::json &field)
{
    nlohmann::json process;
    const nlohmann::json processes = server.get("/api/v1/catalog/processes").json();
    for (const auto &p : processes.value("items", nlohmann::json::array()))
        if (p.value("code", std::string()) == code)
            process = p;
    if (!process.is_object())
        return "no published process " + code;
    nlohmann::json &first = process["stages"][0];
    const std::string formCode = first["form"]["code"];
    nlohmann::json form = server.get("/api/v1/catalog/forms/" + formCode).json();
    form.erase("status");
    form["version"] = version;
    form["fields"].push_back(field);
    auto sent = server.postJson("/api/v1/admin/catalog/forms", form, admin);
    if (sent.status != 201)
        return "form draft: " + sent.body;
    sent = server.postJson("/api/v1/admin/catalog/forms/" + formCode + "/" + version + "/status",
                           {{"status", "published"}}, admin);
    if (sent.status != 200)
        return "form publication: " + sent.body;
    for (auto &stage : process["stages"]) {
        nlohmann::json refs = nlohmann::json::array();
        for (const auto &i : stage["items"])
            refs.push_back({{"code", i["code"]}, {"version", i["version"]}, {"milestone", i["milestone"]}});
        stage["items"] = refs;
    }
    first["form"]["version"] = version;
    process["version"] = version;
    for (const char *derived : {"status", "published_at"})
        process.erase(derived);
    sent = server.postJson("/api/v1/admin/catalog/processes", process, admin);
    if (sent.status != 201)
        return "process draft: " + sent.body;
    sent = server.postJson("/api/v1/admin/catalog/processes/" + code + "/" + version + "/status",
                           {{"status", "published"}}, admin);
    return sent.status == 200 ? std::string() : "process publication: " + sent.body;
}

/// Retires version @p version of process @p code (the undo of publishProcessVersion).
inline bool retireProcessVersion(const TestServer &server, const std::string &admin, const std::string &code,
                                 const std::string &version)
{
    return server
               .postJson("/api/v1/admin/catalog/processes/" + code + "/" + version + "/status", {{"status", "retired"}},
                         admin)
               .status
           == 200;
}

} // namespace spgl::test
