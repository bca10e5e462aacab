#include "services/syncservice.h"

#include "services/annotationservice.h"
#include "services/planningservice.h"

#include "auth/datascope.h"
#include "core/beijingtime.h"
#include "http/apierror.h"
#include "services/requestaudit.h"
#include "workflow/workflowjson.h"

#include <algorithm>
#include <map>
#include <set>

namespace spgl::server {

using nlohmann::json;

namespace {

std::string placeholders(std::size_t n)
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += i ? ",?" : "?";
    return out;
}

bool broadStaff(const Principal &who)
{
    return who.hasRole(role::WindowClerk) || who.hasRole(role::Coordinator) || who.hasRole(role::Supervisor)
           || who.hasRole(role::Admin);
}

bool validOpId(const std::string &id)
{
    return id.size() >= 8 && id.size() <= 64
           && std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isxdigit(c) || c == '-'; });
}

json rejectedOp(const std::string &opId, const std::string &code, const std::string &message,
                const std::string &field = {})
{
    return json{
        {"op_id", opId}, {"status", "rejected"}, {"error", {{"code", code}, {"message", message}, {"field", field}}}};
}

/// An op refused by the engine's rules (other than a version conflict), with the status online would get.
json rejectedBy(const std::string &opId, const ApiError &e)
{
    const Error first = e.errors().empty() ? Error{e.type(), e.detail(), {}} : e.errors().front();
    json result
        = rejectedOp(opId, first.code, e.detail() + (e.errors().empty() ? "" : "：" + first.message), first.field);
    result["http_status"] = e.status();
    return result;
}

/// The stored answer of an op sent before (marked duplicate), a refusal when the id is another
/// user's, or nothing when the op is new.
std::optional<json> earlierAnswer(Connection &c, const std::string &opId, std::int64_t userId)
{
    const auto seen = c.queryOne("SELECT user_id, result FROM sync_ops WHERE op_id = ?", {opId});
    if (!seen)
        return std::nullopt;
    if (seen->integer(0) != userId)
        return rejectedOp(opId, "sync.op_id", "op_id 已被其他用户使用", "op_id");
    json again = json::parse(seen->text(1), nullptr, false);
    again["duplicate"] = true;
    return again;
}

/// Stores an op's answer under its id (a resend gets it back).
void storeAnswer(Connection &c, const std::string &opId, std::int64_t userId, const std::string &device,
                 const std::string &command, const std::string &target, const json &result, std::int64_t now)
{
    c.execute("INSERT INTO sync_ops (op_id, user_id, device_id, command, target, status, result, at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {opId, userId, device, command, target, result["status"].get<std::string>(), result.dump(), now});
}
} // namespace

std::string SyncService::changes(const Principal &who, const std::optional<std::string> &sinceText,
                                 const std::optional<std::string> &limitText, std::int64_t now)
{
    (void)now;
    auto number
        = [](const std::optional<std::string> &text, const char *field, std::int64_t fallback, std::int64_t max) {
              if (!text || text->empty())
                  return fallback;
              if (text->size() > 18 || !std::all_of(text->begin(), text->end(), ::isdigit))
                  throw ApiError::validation({{"query.integer", std::string(field) + " 应为非负整数", field}});
              const std::int64_t v = std::stoll(*text);
              if (v > max)
                  throw ApiError::validation(
                      {{"query.range", std::string(field) + " 不能大于 " + std::to_string(max), field}});
              return v;
          };
    const std::int64_t since = number(sinceText, "since", 0, INT64_MAX / 2);
    const std::int64_t limit = std::max<std::int64_t>(1, number(limitText, "limit", 500, 2000));

    // Only an entity's latest change is sent: its data is the entity's current state, so an
    // earlier change of it (in this page or a later one) would carry the same data again. A first
    // sync then moves each entity once, however long its history.
    // The cursor is a change's place in the feed (pos): a change without one yet (its transaction
    // committed a moment ago, ChangeFeed::place) is not read, and no place is filled after a
    // later one was read.
    std::string sql = "SELECT pos, entity, entity_id, version, op FROM changes ch WHERE pos > ? AND region_code LIKE ? "
                      "AND NOT EXISTS (SELECT 1 FROM changes later WHERE later.entity = ch.entity AND "
                      "later.entity_id = ch.entity_id AND later.seq > ch.seq)";
    SqlParams params{since, DataScope::of(who).regionPattern()};
    if (!who.isStaff()) {
        sql += " AND owner_id = ?";
        params.push_back(who.userId);
    } else if (!broadStaff(who)) {
        const std::string dept = m_approvals.departmentCode(who.departmentId);
        // Their department's cases, the cases that consult them, and the applications and
        // projects those belong to.
        sql += " AND ((entity = 'case' AND (department = ? OR entity_id IN (SELECT case_id FROM case_consultations "
               "WHERE department = ?)))"
               " OR (entity = 'application' AND (entity_id IN (SELECT application_id FROM cases WHERE department = ?)"
               " OR entity_id IN (SELECT c.application_id FROM cases c JOIN case_consultations k ON k.case_id = c.id "
               "WHERE k.department = ?)))"
               " OR (entity = 'project' AND entity_id IN (SELECT CAST(project_id AS TEXT) FROM cases WHERE department "
               "= ?))"
               // Annotations on the map of a project the department has a case of (any department's).
               " OR (entity = 'annotation' AND entity_id IN (SELECT a.id FROM annotations a JOIN cases k ON "
               "k.project_id = a.project_id WHERE k.department = ? OR k.id IN (SELECT case_id FROM case_consultations "
               "WHERE department = ?))))";
        params.insert(params.end(), {dept, dept, dept, dept, dept, dept, dept});
    }
    sql += " ORDER BY pos LIMIT ?";
    params.push_back(limit + 1);

    return m_db.read([&](Connection &c) -> std::string {
        auto rows = c.query(sql, params);
        const bool hasMore = std::int64_t(rows.size()) > limit;
        if (hasMore)
            rows.pop_back();
        // The latest change of each entity in the page is enough: its data is the current state.
        std::map<std::pair<std::string, std::string>, std::size_t> last;
        for (std::size_t i = 0; i < rows.size(); ++i)
            last[{rows[i].text(1), rows[i].text(2)}] = i;
        std::map<std::string, std::vector<std::string>> ids;
        for (const auto &[key, index] : last)
            ids[key.first].push_back(key.second);

        std::map<std::pair<std::string, std::string>, json> data;
        std::map<std::pair<std::string, std::string>, std::int64_t> versions;
        auto fetch = [&](const std::string &entity, const std::string &select, auto &&build) {
            const auto &list = ids[entity];
            for (std::size_t i = 0; i < list.size(); i += 400) {
                const std::size_t n = std::min<std::size_t>(400, list.size() - i);
                SqlParams p(list.begin() + std::ptrdiff_t(i), list.begin() + std::ptrdiff_t(i + n));
                for (const auto &r : c.query(select + " IN (" + placeholders(n) + ")", p))
                    data[{entity, r.text(0)}] = build(r);
            }
        };
        // Applications are sent as stored text (state, form, event views) spliced into the page:
        // no parsing of what the server wrote itself.
        std::map<std::pair<std::string, std::string>, std::string> raw;
        std::map<std::string, std::vector<std::string>> timelines;
        {
            const auto &list = ids["application"];
            for (std::size_t i = 0; i < list.size(); i += 400) {
                const std::size_t n = std::min<std::size_t>(400, list.size() - i);
                SqlParams p(list.begin() + std::ptrdiff_t(i), list.begin() + std::ptrdiff_t(i + n));
                for (const auto &r : c.query("SELECT application_id, view, data FROM events WHERE application_id IN ("
                                                 + placeholders(n) + ") ORDER BY application_id, seq",
                                             p)) {
                    if (!r.isNull(1)) {
                        timelines[r.text(0)].push_back(r.text(1));
                        continue;
                    }
                    json e = json::parse(r.text(2), nullptr, false); // rows from before views existed
                    if (!e.is_object())
                        continue;
                    e.erase("application");
                    e.erase("case");
                    timelines[r.text(0)].push_back(e.dump());
                }
                for (const auto &r : c.query("SELECT id, state, form, project_id, applicant_id, stage, status, version "
                                             "FROM applications WHERE id IN ("
                                                 + placeholders(n) + ")",
                                             p)) {
                    std::string text = "{\"id\":" + json(r.text(0)).dump() + ",\"state\":" + r.text(1)
                                       + ",\"form\":" + r.text(2) + ",\"project_id\":\"" + std::to_string(r.integer(3))
                                       + "\",\"applicant_id\":\"" + std::to_string(r.integer(4)) + "\",\"stage\":"
                                       + std::to_string(r.integer(5)) + ",\"status\":" + json(r.text(6)).dump()
                                       + ",\"version\":" + std::to_string(r.integer(7)) + ",\"timeline\":[";
                    const auto &events = timelines[r.text(0)];
                    for (std::size_t k = 0; k < events.size(); ++k)
                        text += (k ? "," : "") + events[k];
                    text += "]}";
                    versions[{"application", r.text(0)}] = r.integer(7);
                    raw[{"application", r.text(0)}] = std::move(text);
                }
            }
        }
        fetch("case",
              "SELECT c.id, c.application_id, c.project_id, c.department, c.item_code, c.item_name, c.status, "
              "c.assignee_id, c.version, c.deadline, c.level, c.first_overdue, c.paused, c.accepted_at, "
              "p.project_code, p.name, c.clock FROM cases c JOIN projects p ON p.id = c.project_id WHERE c.id",
              [](const SqlRow &r) {
                  return json{{"id", r.text(0)},
                              {"application_id", r.text(1)},
                              {"project_id", std::to_string(r.integer(2))},
                              {"department", r.text(3)},
                              {"item_code", r.text(4)},
                              {"item_name", r.text(5)},
                              {"status", r.text(6)},
                              {"assignee_id", r.text(7)},
                              {"version", r.integer(8)},
                              {"deadline", r.text(9)},
                              {"level", r.text(10)},
                              {"first_overdue", r.isNull(11) ? json(nullptr) : json(r.text(11))},
                              {"paused", r.integer(12) != 0},
                              {"accepted_at", beijing::rfc3339(r.integer(13))},
                              {"project_code", r.text(14)},
                              {"project_name", r.text(15)},
                              {"clock", json::parse(r.text(16), nullptr, false)}};
              });
        fetch("project",
              "SELECT CAST(id AS TEXT), project_code, name, region_code, process_type, approval_type, owner_id, "
              "builder_name, builder_credit_code, investment, land_area, building_area, address, current_stage, "
              "version, site, data FROM projects WHERE CAST(id AS TEXT)",
              [](const SqlRow &r) {
                  // The process the project pinned at its first application (窗口代办 offline
                  // files with that version's guide, as the server does).
                  const json data = json::parse(r.text(16), nullptr, false);
                  const auto pinned = [&data](const char *key) {
                      return data.is_object() && data.contains(key) && data[key].is_string() ? data[key]
                                                                                             : json(nullptr);
                  };
                  return json{{"id", r.text(0)},
                              {"project_code", r.text(1)},
                              {"name", r.text(2)},
                              {"region_code", r.text(3)},
                              {"process_type", r.integer(4)},
                              {"approval_type", r.integer(5)},
                              {"owner_id", std::to_string(r.integer(6))},
                              {"builder_name", r.text(7)},
                              {"builder_credit_code", r.text(8)},
                              {"investment", r.text(9)},
                              {"land_area", r.real(10)},
                              {"building_area", r.real(11)},
                              {"address", r.text(12)},
                              {"current_stage", r.integer(13)},
                              {"version", r.integer(14)},
                              {"site", r.isNull(15) ? json(nullptr) : json::parse(r.text(15), nullptr, false)},
                              {"process_code", pinned("process_code")},
                              {"process_version", pinned("process_version")}};
              });

        fetch("annotation", std::string("SELECT ") + AnnotationService::columns() + " FROM annotations WHERE id",
              [](const SqlRow &r) { return AnnotationService::fromRow(r); });

        std::string page = "{\"changes\":[";
        bool firstChange = true;
        std::int64_t next = since;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto &r = rows[i];
            next = r.integer(0);
            const std::pair<std::string, std::string> key{r.text(1), r.text(2)};
            if (last[key] != i)
                continue; // a later change of the same entity in this page carries its state
            std::string dataText;
            std::int64_t version = r.integer(3);
            if (auto it = raw.find(key); it != raw.end()) {
                dataText = it->second;
                version = versions[key];
            } else if (auto jt = data.find(key); jt != data.end()) {
                version = jt->second.value("version", version);
                dataText = jt->second.dump();
            }
            page += firstChange ? "" : ",";
            firstChange = false;
            page += "{\"seq\":" + std::to_string(r.integer(0)) + ",\"entity\":" + json(r.text(1)).dump()
                    + ",\"id\":" + json(r.text(2)).dump() + ",\"version\":" + std::to_string(version) + ",\"op\":\""
                    + (dataText.empty() ? std::string("delete") : r.text(4))
                    + "\",\"data\":" + (dataText.empty() ? std::string("null") : dataText) + "}";
        }
        page += "],\"next\":\"" + std::to_string(next) + "\",\"has_more\":" + (hasMore ? "true" : "false") + "}";
        return page;
    });
}

json SyncService::push(const json &body, const Principal &who, std::int64_t now)
{
    if (!body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    if (!body.contains("device_id") || !body["device_id"].is_string() || body["device_id"].get<std::string>().empty()
        || body["device_id"].get<std::string>().size() > 64)
        throw ApiError::validation({{"sync.device", "device_id 应为 1–64 个字符的字符串", "device_id"}});
    if (!body.contains("ops") || !body["ops"].is_array())
        throw ApiError::validation({{"sync.ops", "ops 应为数组", "ops"}});
    if (body["ops"].size() > kMaxOps)
        throw ApiError::payloadTooLarge("一次最多推送 " + std::to_string(kMaxOps) + " 个操作");
    const std::string device = body["device_id"];
    // One transaction for the batch, with the request's audit row: the ops and their audit commit
    // together (a storage failure applies none of them; the client sends them again).
    return m_db.write([&](Connection &c) {
        json results = json::array();
        for (const auto &op : body["ops"])
            results.push_back(pushOne(c, op, device, who, now));
        RequestAudit::record(c, "sync:push", pushSummary(device, results));
        return json{{"results", results}};
    });
}

std::string SyncService::pushSummary(const std::string &device, const json &results)
{
    std::map<std::string, int> counts;
    std::string applied;
    int listed = 0;
    for (const auto &r : results) {
        const std::string status = r.value("duplicate", false) ? "duplicate" : r.value("status", "");
        ++counts[status];
        if (status == "applied" && listed < 20) {
            applied += (listed++ ? ", " : "") + r.value("op_id", "");
        }
    }
    std::string text = "device " + device + ": " + std::to_string(results.size()) + " ops";
    for (const auto &[status, n] : counts)
        text += ", " + std::to_string(n) + " " + status;
    if (!applied.empty())
        text += "; applied " + applied + (counts["applied"] > listed ? ", …" : "");
    return text;
}

json SyncService::pushOne(Connection &c, const json &op, const std::string &device, const Principal &who,
                          std::int64_t now)
{
    if (!op.is_object() || !op.contains("op_id") || !op["op_id"].is_string())
        return rejectedOp(op.is_object() && op.contains("op_id") ? op["op_id"].dump() : "", "sync.op_id",
                          "每个操作需要 op_id（UUID）", "op_id");
    const std::string opId = op["op_id"];
    if (!validOpId(opId))
        return rejectedOp(opId, "sync.op_id", "op_id 应为 UUID", "op_id");
    const std::string commandName = op.value("command", json()).is_string() ? op["command"].get<std::string>() : "";
    if (commandName == "annotate" || commandName == "annotation_status" || commandName == "plan_condition"
        || commandName == "plan_withdraw")
        return pushAdditive(c, op, opId, commandName, device, who, now);
    const auto kind = commandKindFromString(commandName);
    if (!kind)
        return rejectedOp(opId, "sync.command", "不支持的操作：" + commandName, "command");
    const std::string target = op.value("target", json()).is_string() ? op["target"].get<std::string>() : "";
    if (target.empty() || target.size() > 48)
        return rejectedOp(opId, "sync.target",
                          *kind == CommandKind::Submit ? "target 应为项目编号" : "target 应为申报或办件编号", "target");
    json args = op.contains("args") && !op["args"].is_null() ? op["args"] : json::object();
    if (!args.is_object())
        return rejectedOp(opId, "sync.args", "args 应为 JSON 对象", "args");
    if (*kind == CommandKind::Submit) {
        // 窗口代办 filed offline: the same submission as POST /applications, for project `target`.
        if (args.contains("project_id") && args["project_id"] != json(target))
            return rejectedOp(opId, "sync.args", "args.project_id 与 target 不一致", "project_id");
        args["project_id"] = target;
        return once(c, opId, commandName, target, device, who, now, [&] {
            const Application filed = m_approvals.submit(c, args, who, now).after.app;
            return json{{"op_id", opId}, {"status", "applied"}, {"version", filed.version}, {"id", filed.id}};
        });
    }
    if (op.contains("expected_version") && !op["expected_version"].is_null())
        args["expected_version"] = op["expected_version"];

    const bool caseCommand = *kind != CommandKind::Accept && *kind != CommandKind::Refuse
                             && *kind != CommandKind::Withdraw && *kind != CommandKind::Deliver
                             && !((*kind == CommandKind::RequestSupplement || *kind == CommandKind::ProvideSupplement)
                                  && target.find('-') == std::string::npos);
    const std::string applicationId = caseCommand ? target.substr(0, target.rfind('-')) : target;
    auto command = workflowjson::commandFromJson(*kind, caseCommand ? target : std::string(), args);
    if (!command.ok())
        return rejectedOp(opId, command.error().code, command.error().message, command.error().field);

    return once(c, opId, commandName, target, device, who, now, [&] {
        const ApprovalService::Outcome done = m_approvals.execute(c, applicationId, command.value(), who, now);
        const ApprovalCase *k = caseCommand ? done.after.app.findCase(target) : nullptr;
        return json{{"op_id", opId}, {"status", "applied"}, {"version", k ? k->version : done.after.app.version}};
    });
}

json SyncService::once(Connection &c, const std::string &opId, const std::string &commandName,
                       const std::string &target, const std::string &device, const Principal &who, std::int64_t now,
                       const std::function<json()> &apply)
{
    if (auto earlier = earlierAnswer(c, opId, who.userId))
        return *earlier;
    json result;
    // A refused op leaves nothing behind (a submission may have written before it was refused);
    // the ops before and after it in the batch stand.
    c.execute("SAVEPOINT sync_op");
    try {
        result = apply();
        c.execute("RELEASE SAVEPOINT sync_op");
    } catch (const ApiError &e) {
        c.execute("ROLLBACK TO SAVEPOINT sync_op");
        c.execute("RELEASE SAVEPOINT sync_op");
        if (e.status() == 409)
            result = {{"op_id", opId},
                      {"status", "conflict"},
                      {"error", {{"code", e.type()}, {"message", e.detail()}}},
                      {"current", e.extra().value("current", json())}};
        else
            result = rejectedBy(opId, e);
    }
    storeAnswer(c, opId, who.userId, device, commandName, target, result, now);
    return result;
}

json SyncService::pushAdditive(Connection &c, const json &op, const std::string &opId, const std::string &commandName,
                               const std::string &device, const Principal &who, std::int64_t now)
{
    const std::string target = op.value("target", json()).is_string() ? op["target"].get<std::string>() : "";
    json args = op.contains("args") && !op["args"].is_null() ? op["args"] : json::object();
    if (target.empty() || target.size() > 64)
        return rejectedOp(opId, "sync.target", "target 应为项目、批注或策划条件编号", "target");
    if (!args.is_object())
        return rejectedOp(opId, "sync.args", "args 应为 JSON 对象", "args");
    // Additive: no expected version; what different people add never conflicts.
    return once(c, opId, commandName, target, device, who, now, [&] {
        if (commandName == "plan_condition" || commandName == "plan_withdraw") {
            const json condition = commandName == "plan_condition" ? m_planning->addCondition(c, who, target, args, now)
                                                                   : m_planning->withdrawCondition(c, who, target, now);
            return json{{"op_id", opId}, {"status", "applied"}, {"version", 1}, {"condition", condition}};
        }
        const json annotation = commandName == "annotate" ? m_annotations->add(c, who, target, args, now)
                                                          : m_annotations->setStatus(c, who, target, args, now);
        return json{
            {"op_id", opId}, {"status", "applied"}, {"version", annotation["version"]}, {"annotation", annotation}};
    });
}

} // namespace spgl::server
