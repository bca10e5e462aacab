#include "services/approvalservice.h"

#include "auth/datascope.h"
#include "calendar/dates.h"
#include "core/beijingtime.h"
#include "domain/creditcode.h"
#include "domain/projectcode.h"
#include "domain/regioncode.h"
#include "http/apierror.h"
#include "http/jsonfields.h"
#include "rules/jsonlogic.h"
#include "services/requestaudit.h"
#include "storage/rowsinsert.h"
#include "workflow/stageclock.h"
#include "workflow/workflowjson.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace spgl::server {

using nlohmann::json;

namespace {

/// {"items": …, "next_cursor": …} of a list. Built in place: an initializer list would copy the
/// whole items array (a deep copy of every row object).
json page(json items, json next)
{
    json out = json::object();
    out["items"] = std::move(items);
    out["next_cursor"] = std::move(next);
    return out;
}

bool isApplicantSide(const Principal &p)
{
    return !p.isStaff();
}

/// Whether @p who may see a record of @p region owned by @p ownerId.
bool inScope(const Principal &who, const std::string &region, std::int64_t ownerId)
{
    if (isApplicantSide(who))
        return ownerId == who.userId;
    return DataScope::of(who).coversRegion(region);
}

/// The error of the engine as an HTTP problem; conflicts carry the current state.
ApiError engineError(const Error &e, const json &current)
{
    if (e.code == "workflow.forbidden")
        return ApiError::forbidden(e.message);
    if (e.code == "workflow.not_found")
        return ApiError::notFound(e.message);
    if (e.code == "workflow.state" || e.code == "workflow.version") {
        ApiError error(409, e.code == "workflow.version" ? "version-conflict" : "state-conflict",
                       e.code == "workflow.version" ? "版本冲突" : "当前状态不允许此操作", e.message, {},
                       json{{"current", current}});
        return error;
    }
    Error field = e;
    if (field.field.empty())
        field.field = "body";
    return ApiError(422, "validation", "提交的数据未通过检查", e.message, {field});
}

std::string stageName(int seq)
{
    static const char *names[] = {"", "立项用地规划许可", "工程建设许可", "施工许可", "竣工验收", "并行推进"};
    return seq >= 1 && seq <= 5 ? names[seq] : "";
}

/// A decimal amount of money: digits with at most two decimals.
bool isMoney(const std::string &text)
{
    if (text.empty() || text.size() > 20)
        return false;
    const auto dot = text.find('.');
    const std::string whole = text.substr(0, dot);
    if (whole.empty() || !std::all_of(whole.begin(), whole.end(), ::isdigit))
        return false;
    if (dot == std::string::npos)
        return true;
    const std::string frac = text.substr(dot + 1);
    return !frac.empty() && frac.size() <= 2 && std::all_of(frac.begin(), frac.end(), ::isdigit);
}

/// Checks a GeoJSON geometry in EPSG:4490 (longitude, latitude within China); "" when fine.
std::string checkGeometry(const json &g)
{
    if (!g.is_object() || !g.contains("type") || !g["type"].is_string() || !g.contains("coordinates"))
        return "site 应为 GeoJSON 几何对象（含 type 与 coordinates）";
    const std::string type = g["type"];
    int depth = 0;
    if (type == "Point")
        depth = 1;
    else if (type == "LineString" || type == "MultiPoint")
        depth = 2;
    else if (type == "Polygon" || type == "MultiLineString")
        depth = 3;
    else if (type == "MultiPolygon")
        depth = 4;
    else
        return "不支持的几何类型：" + type;
    std::string problem;
    int positions = 0;
    std::function<void(const json &, int)> walk = [&](const json &node, int level) {
        if (!problem.empty())
            return;
        if (level == 1) {
            if (!node.is_array() || node.size() < 2 || !node[0].is_number() || !node[1].is_number()) {
                problem = "坐标应为 [经度, 纬度]";
                return;
            }
            const double lon = node[0], lat = node[1];
            if (!std::isfinite(lon) || !std::isfinite(lat) || lon < 73 || lon > 136 || lat < 3 || lat > 54)
                problem = "坐标超出中国范围（应为 CGCS2000 经纬度，EPSG:4490）";
            ++positions;
            return;
        }
        if (!node.is_array() || node.empty()) {
            problem = "坐标数组为空或结构不符合 " + type;
            return;
        }
        for (const auto &child : node)
            walk(child, level - 1);
    };
    walk(g["coordinates"], depth);
    if (!problem.empty())
        return problem;
    if (type == "Polygon" || type == "MultiPolygon") {
        const auto &polys = type == "Polygon" ? json::array({g["coordinates"]}) : g["coordinates"];
        for (const auto &poly : polys)
            for (const auto &ring : poly)
                if (ring.size() < 4 || ring.front() != ring.back())
                    return "多边形的环至少 4 个点且首尾相同";
    }
    if (positions > 100000)
        return "几何过于复杂（超过 100000 个点）";
    return {};
}

std::string materialKeyName(const Catalog &catalog, const Application &app, const std::string &key)
{
    const auto slash = key.find('/');
    if (slash == std::string::npos)
        return key;
    for (const auto &ref : app.items)
        if (ref.code == key.substr(0, slash))
            if (const ItemDefinition *item = catalog.item(ref.code, ref.version))
                if (const MaterialDefinition *m = item->material(key.substr(slash + 1)))
                    return m->name;
    return key;
}

json timeText(std::int64_t ms)
{
    return ms ? json(beijing::rfc3339(ms)) : json(nullptr);
}

/// The events a command added, as its answer lists them.
json eventList(const std::vector<Event> &events)
{
    json list = json::array();
    for (const auto &e : events)
        list.push_back(workflowjson::toJson(e));
    return list;
}

/// GET /cases/{id} out of its application's detail: the case, its part of the timeline, and the
/// application without its timeline.
json caseOf(json app, const std::string &caseId)
{
    for (const auto &k : app["cases"])
        if (k["id"] == caseId) {
            json out = k;
            json timeline = json::array();
            for (const auto &e : app["timeline"])
                if (e["case_id"] == caseId || e["case_id"].is_null())
                    timeline.push_back(e);
            out["timeline"] = std::move(timeline);
            app.erase("timeline");
            out["application"] = std::move(app);
            return out;
        }
    throw ApiError::notFound("办件不存在");
}

} // namespace

ApprovalService::ApprovalService(Database &db, CatalogService &catalog, CalendarService &calendar)
    : m_db(db)
    , m_catalog(catalog)
    , m_calendar(calendar)
    , m_serials(db)
{}

// ---------------------------------------------------------------------------------------------
// departments

void ApprovalService::loadDepartments(Connection &c)
{
    std::lock_guard lock(m_departmentsMutex);
    if (!m_departmentCodes.empty())
        return;
    for (const auto &row : c.query("SELECT id, code, short_name, kind, region_code FROM departments")) {
        m_departmentCodes[row.integer(0)] = row.text(1);
        m_departmentNames[row.text(1)] = row.text(2);
        if (row.text(3) == "window")
            m_windows[row.text(4)] = row.text(1);
    }
}

std::string ApprovalService::departmentCode(std::optional<std::int64_t> id)
{
    if (!id)
        return {};
    {
        // Loaded once: no transaction (a pooled connection, BEGIN, COMMIT) once the cache is full.
        std::lock_guard lock(m_departmentsMutex);
        if (!m_departmentCodes.empty()) {
            auto it = m_departmentCodes.find(*id);
            return it == m_departmentCodes.end() ? std::string() : it->second;
        }
    }
    m_db.read([&](Connection &c) { loadDepartments(c); });
    std::lock_guard lock(m_departmentsMutex);
    auto it = m_departmentCodes.find(*id);
    return it == m_departmentCodes.end() ? std::string() : it->second;
}

std::string ApprovalService::departmentName(const std::string &code)
{
    std::lock_guard lock(m_departmentsMutex);
    auto it = m_departmentNames.find(code);
    return it == m_departmentNames.end() ? code : it->second;
}

Actor ApprovalService::actorOf(const Principal &who)
{
    Actor a;
    a.id = std::to_string(who.userId);
    a.name = who.displayName;
    a.roles = who.roles;
    a.department = departmentCode(who.departmentId);
    return a;
}

// ---------------------------------------------------------------------------------------------
// projects

std::int64_t ApprovalService::createProject(Connection &c, const json &body, const Principal &who, std::int64_t now)
{
    if (!body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    JsonFields f(body);
    const std::string code = f.string("project_code", true, 24);
    const std::string name = f.string("name", true, 200);
    const std::string region = f.string("region_code", true, 6);
    const auto processType = f.integer("process_type", true, 1, 10);
    const auto approvalType = f.integer("approval_type", true, 1, 3);
    const std::string builderName = f.string("builder_name", false, 200);
    const std::string builderCredit = f.string("builder_credit_code", false, 18);
    const std::string address = f.string("address", false, 300);
    std::string investment = "0";
    if (body.contains("investment") && !body["investment"].is_null()) {
        if (!body["investment"].is_string() || !isMoney(body["investment"].get<std::string>()))
            f.addFor("investment",
                     {"money.format", "投资额应为以元为单位的十进制字符串，最多两位小数，如 \"12000000.00\"", {}});
        else
            investment = body["investment"].get<std::string>();
    }
    auto area = [&](const char *key) {
        if (!body.contains(key) || body[key].is_null())
            return 0.0;
        if (!body[key].is_number() || !std::isfinite(body[key].get<double>()) || body[key].get<double>() < 0
            || body[key].get<double>() > 1e10) {
            f.addFor(key, {"area.range", std::string(key) + " 应为不小于 0 的面积（平方米）", {}});
            return 0.0;
        }
        return body[key].get<double>();
    };
    const double landArea = area("land_area");
    const double buildingArea = area("building_area");
    if (!code.empty()) {
        auto parsed = ProjectCode::parse(code);
        if (!parsed.ok())
            f.addFor("project_code", parsed.error());
    }
    if (!region.empty()) {
        auto parsed = RegionCode::parse(region);
        if (!parsed.ok())
            f.addFor("region_code", parsed.error());
        else if (!c.queryOne("SELECT 1 FROM regions WHERE code = ?", {region}))
            f.addFor("region_code", {"region.unknown", "未知的行政区划代码 " + region, {}});
        else if (!isApplicantSide(who) && !DataScope::of(who).coversRegion(region))
            f.addFor("region_code", {"region.scope", "只能在本级及下级行政区划登记项目", {}});
    }
    if (!builderCredit.empty()) {
        auto parsed = CreditCode::parse(builderCredit);
        if (!parsed.ok())
            f.addFor("builder_credit_code", parsed.error());
    }
    std::optional<std::string> site;
    if (body.contains("site") && !body["site"].is_null()) {
        const std::string problem = checkGeometry(body["site"]);
        if (!problem.empty())
            f.addFor("site", {"geometry.invalid", problem, {}});
        else
            site = body["site"].dump();
    }
    f.check();

    // The owner: the applicant filing it, or the applicant a window clerk files for (窗口代办).
    std::int64_t owner = who.userId;
    if (!isApplicantSide(who)) {
        JsonFields o(body);
        const auto ownerId = o.integer("owner_id", true, 1, INT64_MAX);
        o.check();
        const auto row = c.queryOne("SELECT kind FROM users WHERE id = ?", {*ownerId});
        if (!row || row->text(0) == "staff")
            throw ApiError::validation({{"owner.unknown", "owner_id 应为已注册的申请人账号", "owner_id"}});
        owner = *ownerId;
    }
    if (c.queryOne("SELECT 1 FROM projects WHERE project_code = ?", {code}))
        throw ApiError::conflict("项目代码 " + code + " 已登记");
    json extra = json::object();
    for (const char *key : {"industry", "construction_nature", "planned_start", "planned_completion", "funding_source",
                            "land_acquisition", "scale", "land_use"})
        if (body.contains(key) && body[key].is_string() && body[key].get<std::string>().size() <= 2000)
            extra[key] = body[key];
    const auto row = c.queryOne(
        "INSERT INTO projects (project_code, name, region_code, process_type, approval_type, owner_id, builder_name, "
        "builder_credit_code, investment, land_area, building_area, address, site, data, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {code, name, region, *processType, *approvalType, owner, builderName, builderCredit, investment, landArea,
         buildingArea, address, sqlOptional(site), extra.dump(), now, now});
    const std::int64_t id = row->integer(0);
    ChangeFeed::record(c, {{"project", std::to_string(id), 1, region, "", owner}}, now);
    return id;
}

json ApprovalService::createProject(const json &body, const Principal &who, std::int64_t now)
{
    if (!isApplicantSide(who) && !who.hasRole(role::WindowClerk))
        throw ApiError::forbidden("只有申请人或综合窗口可以登记项目");
    const std::int64_t id = m_db.write([&](Connection &c) {
        const std::int64_t created = createProject(c, body, who, now);
        RequestAudit::record(c, "project:" + std::to_string(created));
        return created;
    });
    return project(std::to_string(id), who, now);
}

namespace {
json projectRow(const SqlRow &r)
{
    json site = r.isNull(12) ? json(nullptr) : json::parse(r.text(12), nullptr, false);
    return {{"id", std::to_string(r.integer(0))},
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
            {"site", site},
            {"address", r.text(13)},
            {"current_stage", r.integer(14)},
            {"version", r.integer(15)},
            {"created_at", beijing::rfc3339(r.integer(16))},
            {"data", json::parse(r.text(17), nullptr, false)}};
}
constexpr const char *kProjectColumns
    = "id, project_code, name, region_code, process_type, approval_type, owner_id, builder_name, builder_credit_code, "
      "investment, land_area, building_area, site, address, current_stage, version, created_at, data";

/// @p columns ("a, b, c") each prefixed with the table alias @p alias ("t.a, t.b, t.c").
std::string columnsOf(const char *alias, std::string_view columns)
{
    std::string out;
    for (std::size_t start = 0; start < columns.size();) {
        const std::size_t comma = std::min(columns.find(", ", start), columns.size());
        if (!out.empty())
            out += ", ";
        out += alias;
        out += '.';
        out += columns.substr(start, comma - start);
        start = comma + 2;
    }
    return out;
}

std::int64_t numericId(const std::string &text, const char *what)
{
    if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), ::isdigit))
        throw ApiError::notFound(std::string(what) + "不存在");
    return std::stoll(text);
}
} // namespace

json ApprovalService::listProjects(const Principal &who, const std::map<std::string, std::string> &query)
{
    auto get = [&](const char *k) -> std::optional<std::string> {
        auto it = query.find(k);
        return it == query.end() || it->second.empty() ? std::nullopt : std::optional(it->second);
    };
    int limit = 50;
    if (auto l = get("limit")) {
        if (l->size() > 3 || !std::all_of(l->begin(), l->end(), ::isdigit) || std::stoi(*l) < 1 || std::stoi(*l) > 500)
            throw ApiError::validation({{"query.range", "limit 应为 1–500", "limit"}});
        limit = std::stoi(*l);
    }
    std::string sql = std::string("SELECT ") + kProjectColumns + " FROM projects WHERE region_code LIKE ?";
    SqlParams params{DataScope::of(who).regionPattern()};
    if (isApplicantSide(who)) {
        sql += " AND owner_id = ?";
        params.push_back(who.userId);
    }
    if (auto region = get("region")) {
        sql += " AND region_code LIKE ?";
        params.push_back(RegionCode::parse(*region).ok() ? RegionCode::parse(*region).value().scopePrefix() + "%"
                                                         : *region);
    }
    if (auto q = get("q")) {
        if (q->size() > 100)
            throw ApiError::validation({{"query.length", "q 最多 100 字节", "q"}});
        sql += " AND (name LIKE ? OR project_code LIKE ?)";
        params.push_back("%" + *q + "%");
        params.push_back("%" + *q + "%");
    }
    if (auto stage = get("stage")) {
        if (stage->size() != 1 || !std::isdigit((unsigned char)(*stage)[0]))
            throw ApiError::validation({{"query.range", "stage 应为 0–5", "stage"}});
        sql += " AND current_stage = ?";
        params.push_back(std::int64_t(std::stoi(*stage)));
    }
    if (auto cursor = get("cursor")) {
        sql += " AND id < ?";
        params.push_back(numericId(*cursor, "游标"));
    }
    sql += " ORDER BY id DESC LIMIT ?";
    params.push_back(std::int64_t(limit));
    json items = json::array();
    m_db.read([&](Connection &c) {
        for (const auto &row : c.query(sql, params))
            items.push_back(projectRow(row));
    });
    json next = items.size() == std::size_t(limit) ? json(items.back()["id"]) : json(nullptr);
    return page(std::move(items), std::move(next));
}

json ApprovalService::project(const std::string &idText, const Principal &who, std::int64_t now)
{
    const std::int64_t id = numericId(idText, "项目");
    return m_db.read([&](Connection &c) {
        const auto row = c.queryOne(std::string("SELECT ") + kProjectColumns + " FROM projects WHERE id = ?", {id});
        if (!row || !inScope(who, row->text(3), row->integer(6)))
            throw ApiError::notFound("项目不存在");
        json p = projectRow(*row);
        json apps = json::array();
        for (const auto &a :
             c.query("SELECT state, form FROM applications WHERE project_id = ? ORDER BY submitted_at", {id})) {
            auto parsed = workflowjson::applicationFromJson(json::parse(a.text(0), nullptr, false));
            if (parsed.ok())
                apps.push_back(applicationView(c, parsed.value(), json::parse(a.text(1), nullptr, false), now, false));
        }
        p["applications"] = apps;
        // What the blueprint says of the site now: the portal evaluates material rules with it.
        p["blueprint_facts"] = projectFacts(p);
        return p;
    });
}

// ---------------------------------------------------------------------------------------------
// applications

ApprovalService::Stored ApprovalService::load(Connection &c, const std::string &id, const Principal &who,
                                              bool forUpdate)
{
    if (id.empty() || id.size() > 40)
        throw ApiError::notFound("申报不存在");
    // The project's code and name come along: a command's answer names the project. On
    // PostgreSQL so do the application's events, for the timeline (SQLite reads them apart: no
    // round trip to save, and its group_concat() does not promise an order).
    const bool pg = c.backend() == Backend::PostgreSql;
    const auto row = c.queryOne(
        std::string("SELECT a.state, a.form, a.applicant_id, a.project_id, a.region_code, p.project_code, p.name")
            + (pg ? ", (SELECT '[' || string_agg(COALESCE(e.view, e.data), ',' ORDER BY e.seq) || ']' FROM events e "
                    "WHERE e.application_id = a.id)"
                  : "")
            + " FROM applications a JOIN projects p ON p.id = a.project_id WHERE a.id = ?"
            + (forUpdate && pg ? " FOR UPDATE OF a" : ""),
        {id});
    if (!row || !inScope(who, row->text(4), row->integer(2)))
        throw ApiError::notFound("申报不存在");
    auto parsed = workflowjson::applicationFromJson(json::parse(row->text(0), nullptr, false));
    if (!parsed.ok())
        throw std::runtime_error("stored application " + id + " is unreadable: " + parsed.error().message);
    Stored s;
    s.app = std::move(parsed).value();
    s.form = json::parse(row->text(1), nullptr, false);
    s.applicantId = row->integer(2);
    s.projectId = row->integer(3);
    s.projectCode = row->text(5);
    s.projectName = row->text(6);
    if (pg)
        s.storedEvents = row->isNull(7) ? std::string("[]") : row->text(7);
    return s;
}

ApprovalService::Outcome ApprovalService::submit(Connection &c, const json &body, const Principal &who,
                                                 std::int64_t now, std::optional<std::int64_t> reserved)
{
    if (!body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    JsonFields f(body);
    const std::string projectText = f.string("project_id", true, 18);
    const auto stage = f.integer("stage", true, 1, 5);
    const std::string channel = f.enumeration("channel", false, {"online", "window"});
    if (body.contains("form") && !body["form"].is_object())
        f.addFor("form", {"json.type", "form 应为 JSON 对象", {}});
    if (body.contains("materials") && !body["materials"].is_array())
        f.addFor("materials", {"json.type", "materials 应为数组", {}});
    f.check();
    if (!isApplicantSide(who) && !who.hasRole(role::WindowClerk))
        throw ApiError::forbidden("只有申请人或综合窗口（代办）可以申报");

    // In one statement: the project (locked on PostgreSQL: its next version is this transaction's)
    // and, a row each, the stage and status of its applications, and whether one that was
    // delivered did not pass its stage (stage_not_passed, BLZT 13).
    const SqlRows projectRows = c.query(
        "SELECT " + columnsOf("p", kProjectColumns)
            + ", a.stage, a.status, CASE WHEN EXISTS (SELECT 1 FROM events e WHERE e.application_id = a.id AND "
              "e.kind = 'stage_not_passed') THEN 1 ELSE 0 END "
              "FROM projects p LEFT JOIN applications a ON a.project_id = p.id WHERE p.id = ?"
            + (c.backend() == Backend::PostgreSql ? " FOR UPDATE OF p" : ""),
        {numericId(projectText, "项目")});
    const SqlRow *projectRowOpt = projectRows.empty() ? nullptr : &projectRows.front();
    if (!projectRowOpt || !inScope(who, projectRowOpt->text(3), projectRowOpt->integer(6)))
        throw ApiError::notFound("项目不存在");
    json project = projectRow(*projectRowOpt);
    const std::int64_t projectId = projectRowOpt->integer(0);
    const std::int64_t owner = projectRowOpt->integer(6);
    const std::string region = projectRowOpt->text(3);

    // The process: the one the project pinned at its first application, else the latest
    // published one for its process type that applies to its region.
    auto catalog = m_catalog.catalog();
    const ProcessDefinition *process = nullptr;
    json data = project["data"].is_object() ? project["data"] : json::object();
    if (data.contains("process_code"))
        process = catalog->process(data.value("process_code", ""), data.value("process_version", ""));
    if (!process)
        for (const ProcessDefinition *p : catalog->publishedProcesses())
            if (p->processType == project["process_type"].get<std::int64_t>() && RegionCode::parse(p->regionCode).ok()
                && RegionCode::parse(p->regionCode).value().covers(region)) {
                process = p;
                break;
            }
    if (!process)
        throw ApiError::validation({{"process.none", "没有适用于该项目类型和行政区划的审批流程", "project_id"}});
    const StageDefinition *stageDef = process->stage(int(*stage));
    if (!stageDef)
        throw ApiError::validation(
            {{"stage.none", "审批流程「" + process->name + "」没有第 " + std::to_string(*stage) + " 阶段", "stage"}});

    // One open application per stage; a stage passed is not filed again; stages go in order
    // (the parallel track 5 aside).
    std::set<int> passed;
    const std::size_t kStage = projectRowOpt->size() - 3; // the application's, after the project's columns
    for (const auto &r : projectRows) {
        if (r.isNull(kStage))
            continue; // the project has no application yet
        const std::string st = r.text(kStage + 1);
        const int s = int(r.integer(kStage));
        // A delivered application passed unless its stage did not (stage_not_passed, BLZT 13);
        // one application that did not pass must not hide another of the same stage that did.
        if (st == "concluded" || (st == "delivered" && r.integer(kStage + 2) == 0))
            passed.insert(s);
        if (s == *stage && (st == "submitted" || st == "supplement_requested" || st == "in_review"))
            throw ApiError::conflict("该项目本阶段已有办理中的申报");
    }
    if (passed.count(int(*stage)))
        throw ApiError::conflict("该项目本阶段已办结，无需重复申报");
    if (*stage >= 2 && *stage <= 4 && !passed.count(int(*stage) - 1))
        throw ApiError::validation(
            {{"stage.order", "请先办结第 " + std::to_string(*stage - 1) + " 阶段（" + stageName(int(*stage) - 1) + "）",
              "stage"}});

    // The unified form of the stage.
    const FormDefinition *form = catalog->form(stageDef->formCode, stageDef->formVersion);
    if (!form)
        throw std::runtime_error("stage form missing from catalog: " + stageDef->formCode);
    const json context = {{"project", project}};
    const FormValidation checked = form->validate(body.value("form", json::object()), context);
    if (!checked.ok()) {
        Errors errors = checked.errors;
        for (auto &e : errors)
            e.field = "form." + e.field;
        throw ApiError::validation(errors);
    }

    // The items that apply (JSON Logic over the form and the project).
    Application a;
    const json facts = {{"form", checked.data}, {"project", project}};
    JsonLogic logic;
    for (const auto &ref : stageDef->items) {
        const ItemDefinition *item = catalog->item(ref.code, ref.version);
        if (!item)
            continue;
        if (!item->appliesIf.is_null()) {
            auto applies = logic.apply(item->appliesIf, facts);
            if (!applies.ok() || !JsonLogic::truthy(applies.value()))
                continue;
        }
        a.items.push_back(ref);
    }

    // Materials: files that exist, of items that apply.
    std::set<std::string> seen;
    for (std::size_t i = 0; i < body.value("materials", json::array()).size(); ++i) {
        const json &m = body["materials"][i];
        const std::string path = "materials[" + std::to_string(i) + "]";
        if (!m.is_object() || !m.contains("material_code") || !m["material_code"].is_string()
            || (m.contains("file_id") && !m["file_id"].is_string() && !m["file_id"].is_null())
            || (m.contains("item_code") && !m["item_code"].is_string()))
            throw ApiError::validation({{"material.shape", "材料应为 {item_code, material_code, file_id}", path}});
        MaterialRef ref;
        ref.code = m["material_code"];
        ref.itemCode = m.value("item_code", "");
        ref.fileId = m.contains("file_id") && m["file_id"].is_string() ? m["file_id"].get<std::string>() : "";
        std::vector<std::string> owners;
        for (const auto &item : a.items)
            if (const ItemDefinition *def = catalog->item(item.code, item.version))
                if (def->material(ref.code) && (ref.itemCode.empty() || ref.itemCode == item.code))
                    owners.push_back(item.code);
        if (owners.empty())
            throw ApiError::validation({{"material.unknown", "材料 " + ref.code + " 不属于本阶段适用的事项", path}});
        if (owners.size() > 1 && ref.itemCode.empty())
            throw ApiError::validation(
                {{"material.ambiguous", "材料 " + ref.code + " 属于多个事项，请给出 item_code", path}});
        ref.itemCode = owners.front();
        if (!ref.fileId.empty() && !c.queryOne("SELECT 1 FROM files WHERE sha256 = ?", {ref.fileId}))
            throw ApiError::validation({{"material.file", "文件 " + ref.fileId + " 不存在，请先上传", path}});
        if (!seen.insert(ref.key()).second)
            throw ApiError::validation({{"material.duplicate", "材料 " + ref.key() + " 重复", path}});
        a.materials.push_back(std::move(ref));
    }

    // The id: date and a daily serial, e.g. 20251128000042.
    const std::string day = beijing::dateText(now);
    const std::int64_t serial = reserved ? *reserved : DaySerials::take(c, now);
    char id[32];
    std::snprintf(id, sizeof id, "%s%02u%02u%06lld", day.substr(0, 4).c_str(), unsigned(std::stoi(day.substr(5, 2))),
                  unsigned(std::stoi(day.substr(8, 2))), static_cast<long long>(serial));
    a.id = id;
    a.projectId = std::to_string(projectId);
    a.applicantId = std::to_string(owner);
    a.regionCode = region;
    a.processCode = process->code;
    a.processVersion = process->version;
    a.stage = int(*stage);
    a.completion = stageDef->completion;
    a.stageLimit = stageDef->limit;
    a.stageUnit = stageDef->unit;
    a.channel = channel.empty() ? (isApplicantSide(who) ? "online" : "window") : channel;
    a.form = checked.data;
    a.projectFacts = projectFacts(project);

    Command cmd;
    cmd.kind = CommandKind::Submit;
    cmd.submission = a;
    Principal actor = who;
    EngineContext ctx;
    ctx.nowMs = now;
    ctx.actor = actorOf(who);
    ctx.calendar = nullptr;
    auto events = Engine::decide(Application{}, cmd, ctx);
    if (!events.ok())
        throw engineError(events.error(), nullptr);
    Application after;
    for (const auto &e : events.value())
        Engine::apply(after, e);

    if (!data.contains("process_code")) {
        data["process_code"] = process->code;
        data["process_version"] = process->version;
    }
    // The row is this transaction's (locked above on PostgreSQL; SQLite has one writer): its next
    // version is known, and the update need not be waited for.
    const std::int64_t projectVersion = project["version"].get<std::int64_t>() + 1;
    c.executeLater("UPDATE projects SET data = ?, current_stage = ?, version = ?, updated_at = ? WHERE id = ?",
                   {data.dump(),
                    std::int64_t(std::max<std::int64_t>(*stage, project["current_stage"].get<std::int64_t>())),
                    projectVersion, now, projectId});
    // The stage is filed: its draft (保存草稿) is done with.
    c.executeLater("DELETE FROM application_drafts WHERE project_id = ? AND stage = ?",
                   {projectId, std::int64_t(*stage)});
    Stored stored;
    stored.form = checked.data;
    stored.applicantId = owner;
    stored.projectId = projectId;
    stored.projectCode = project.value("project_code", "");
    stored.projectName = project.value("name", "");
    // The project changed too (its stage, the process it pinned): caches that hold it hear of it.
    save(c, stored, after, events.value(), now, true,
         {{"project", std::to_string(projectId), projectVersion, region, "", owner}});
    stored.app = std::move(after);
    return Outcome{std::move(stored), std::move(events).value()};
}

json ApprovalService::projectFacts(const json &project) const
{
    if (!m_projectFacts || !project.contains("site") || !project["site"].is_object())
        return json::object();
    try {
        return m_projectFacts(project["site"]);
    } catch (const std::exception &) {
        return json::object(); // a broken blueprint layer must not stop applications
    }
}

json ApprovalService::submit(const json &body, const Principal &who, std::int64_t now)
{
    // On PostgreSQL the day's serial comes from the block this server reserved (DaySerials): the
    // counter row is not locked until the submission commits (concurrent submissions would queue
    // on it). SQLite has one writer anyway: there the serial is taken inside, without a gap.
    std::optional<std::int64_t> serial;
    if (m_db.backend() == Backend::PostgreSql)
        serial = m_serials.next(now);
    return m_db.write([&](Connection &c) {
        const Outcome submitted = submit(c, body, who, now, serial);
        RequestAudit::record(c, "application:" + submitted.after.app.id);
        return applicationDetail(c, submitted.after, now, &submitted.events);
    });
}

ApprovalService::Outcome ApprovalService::execute(Connection &c, const std::string &applicationId,
                                                  const Command &command, const Principal &who, std::int64_t now)
{
    loadDepartments(c);
    Stored stored = load(c, applicationId, who, true);
    auto catalog = m_catalog.catalog();
    const WorkCalendar calendar = m_calendar.calendar();
    EngineContext ctx;
    ctx.nowMs = now;
    ctx.actor = actorOf(who);
    ctx.calendar = &calendar;
    ctx.items = CatalogService::resolver(catalog);
    if (command.kind == CommandKind::Accept && (!command.materials.empty() || !command.commitmentItems.empty())) {
        const auto credit = c.queryOne("SELECT builder_credit_code FROM projects WHERE id = ?", {stored.projectId});
        const std::string today = beijing::dateText(now);
        ctx.applicantBlacklisted
            = credit && !credit->text(0).empty()
              && c.queryOne("SELECT 1 FROM credit_blacklist WHERE credit_code = ? AND listed_on <= ? AND "
                            "(until IS NULL OR until >= ?)",
                            {credit->text(0), today, today})
                     .has_value();
    }
    auto events = Engine::decide(stored.app, command, ctx);
    if (!events.ok()) {
        json current = command.caseId.empty() || !stored.app.findCase(command.caseId)
                           ? json{{"id", stored.app.id},
                                  {"status", toString(stored.app.status)},
                                  {"version", stored.app.version}}
                           : workflowjson::toJson(*stored.app.findCase(command.caseId));
        if (!command.caseId.empty() && stored.app.findCase(command.caseId)) {
            const ApprovalCase &k = *stored.app.findCase(command.caseId);
            current = {{"id", k.id},
                       {"status", toString(k.status)},
                       {"version", k.version},
                       {"assignee_name", k.assigneeName},
                       {"decided_at", timeText(k.decidedAt)}};
        }
        throw engineError(events.error(), current);
    }
    Application after = stored.app;
    for (const auto &e : events.value())
        Engine::apply(after, e);
    save(c, stored, after, events.value(), now, false);
    Outcome outcome{std::move(stored), std::move(events).value()};
    outcome.after.app = std::move(after);
    return outcome;
}

void ApprovalService::save(Connection &c, const Stored &before, const Application &app,
                           const std::vector<Event> &events, std::int64_t now, bool created,
                           std::vector<ChangeFeed::Change> alsoChanged)
{
    loadDepartments(c); // the window to notify (the first submission after a start may be the first look-up)
    const std::string state = workflowjson::toJson(app).dump();
    if (created)
        c.executeLater(
            "INSERT INTO applications (id, project_id, stage, status, region_code, applicant_id, process_code, "
            "process_version, channel, form, state, version, submitted_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {app.id, before.projectId, std::int64_t(app.stage), std::string(toString(app.status)), app.regionCode,
             before.applicantId, app.processCode, app.processVersion, app.channel, before.form.dump(), state,
             app.version, app.submittedAt, now});
    else
        c.executeLater("UPDATE applications SET status = ?, state = ?, version = ?, updated_at = ? WHERE id = ?",
                       {std::string(toString(app.status)), state, app.version, now, app.id});

    // Events: one row each (the handling detail).
    RowsInsert eventRows("INSERT INTO events (application_id, seq, case_id, kind, blzt, actor_id, actor_name, "
                         "department, text, at, data, view)",
                         12);
    for (const auto &e : events) {
        json data = workflowjson::toJson(e);
        std::string full = data.dump();
        data.erase("application");
        data.erase("case");
        eventRows.add({app.id, e.seq, e.caseId.empty() ? SqlValue(nullptr) : SqlValue(e.caseId),
                       std::string(toString(e.kind)), std::int64_t(blzt(e.kind)), e.actorId, e.actorName, e.department,
                       e.text, e.at, std::move(full), data.dump()});
    }
    eventRows.runLater(c);

    // Case rows of the cases the events touched, with their clocks read now.
    std::set<std::string> touched;
    for (const auto &e : events)
        if (!e.caseId.empty())
            touched.insert(e.caseId);
    const WorkCalendar calendar = m_calendar.calendar();
    RowsInsert caseRows(
        "INSERT INTO cases (id, application_id, project_id, region_code, department, item_code, item_name, "
        "status, assignee_id, version, deadline, level, first_overdue, paused, clock, accepted_at, updated_at, "
        "tolerance_due)",
        18,
        "ON CONFLICT (id) DO UPDATE SET status = excluded.status, assignee_id = excluded.assignee_id, "
        "version = excluded.version, deadline = excluded.deadline, level = excluded.level, "
        "first_overdue = excluded.first_overdue, paused = excluded.paused, clock = excluded.clock, "
        "updated_at = excluded.updated_at, tolerance_due = excluded.tolerance_due");
    for (const auto &k : app.cases) {
        if (!touched.count(k.id) || !k.clock)
            continue;
        const json view = workflowjson::clockView(*k.clock, calendar, now);
        caseRows.add(
            {k.id, app.id, before.projectId, app.regionCode, k.department, k.itemCode, k.itemName,
             std::string(toString(k.status)), k.assignee, k.version, view["deadline"].get<std::string>(),
             isDecided(k.status) ? std::string("done") : view["level"].get<std::string>(),
             view["first_overdue"].is_null() ? SqlValue(nullptr) : SqlValue(view["first_overdue"].get<std::string>()),
             std::int64_t(view["paused"].get<bool>() ? 1 : 0), workflowjson::toJson(*k.clock).dump(), k.clock->start(),
             now,
             k.toleratedMaterials.empty() || k.status == CaseStatus::Disapproved ? SqlValue(nullptr)
                                                                                 : SqlValue(k.toleranceDeadline)});
    }
    caseRows.runLater(c);

    // Departments consulted receive the case through their change feed.
    for (const auto &e : events)
        if (e.kind == EventKind::ConsultationRequested && e.consultation)
            c.executeLater("INSERT INTO case_consultations (case_id, department) VALUES (?, ?) ON CONFLICT DO NOTHING",
                           {e.caseId, e.consultation->toDepartment});

    // Notifications for whoever must act now.
    RowsInsert notificationRows(
        "INSERT INTO notifications (user_id, department, application_id, case_id, kind, message, created_at)", 7);
    auto notify = [&](std::optional<std::int64_t> user, const std::string &department, const std::string &caseId,
                      const char *kind, const std::string &message) {
        notificationRows.add({sqlOptional(user), department.empty() ? SqlValue(nullptr) : SqlValue(department), app.id,
                              caseId.empty() ? SqlValue(nullptr) : SqlValue(caseId), std::string(kind), message, now});
    };
    std::string window;
    {
        std::lock_guard lock(m_departmentsMutex);
        for (const auto &[region, code] : m_windows)
            if (app.regionCode.rfind(region.substr(0, 4), 0) == 0)
                window = code;
    }
    const std::optional<std::int64_t> applicant = before.applicantId;
    auto catalog = m_catalog.catalog();
    for (const auto &e : events) {
        const ApprovalCase *k = app.findCase(e.caseId);
        const std::string item = k ? "「" + k->itemName + "」" : std::string();
        switch (e.kind) {
        case EventKind::Received:
            notify(std::nullopt, window, {}, "to_accept", "新申报 " + app.id + " 待受理");
            break;
        case EventKind::SupplementRequested: {
            std::string list;
            for (const auto &m : e.materials)
                list += (list.empty() ? "" : "、") + materialKeyName(*catalog, app, m);
            notify(applicant, {}, e.caseId, "supplement", "申报 " + app.id + item + " 需要补正材料：" + list);
            break;
        }
        case EventKind::SupplementProvided:
            if (k)
                notify(std::nullopt, k->department, k->id, "supplemented",
                       "办件 " + k->id + item + " 已补正，计时恢复");
            else
                notify(std::nullopt, window, {}, "supplemented", "申报 " + app.id + " 已补正，待受理");
            break;
        case EventKind::Accepted:
            if (k)
                notify(std::nullopt, k->department, k->id, "new_case", "新办件 " + k->id + item + " 待签收");
            break;
        case EventKind::Refused:
            notify(applicant, {}, {}, "refused", "申报 " + app.id + " 不予受理：" + e.text);
            break;
        case EventKind::ConsultationRequested:
            if (e.consultation)
                notify(std::nullopt, e.consultation->toDepartment, e.caseId, "consultation",
                       "办件 " + e.caseId + item + " 征求贵部门意见：" + e.consultation->question);
            break;
        case EventKind::ConsultationReplied:
            if (k)
                notify(std::nullopt, k->department, k->id, "consultation_reply",
                       "办件 " + k->id + item + " 收到征求意见回复");
            break;
        case EventKind::StageConcluded:
            notify(applicant, {}, {}, "concluded", "申报 " + app.id + " 本阶段审批已办结，待统一出件");
            notify(std::nullopt, window, {}, "to_deliver", "申报 " + app.id + " 已办结，待统一出件");
            break;
        case EventKind::StageNotPassed:
            notify(applicant, {}, {}, "not_passed", "申报 " + app.id + " 本阶段审批未通过，可修改后重新申报");
            notify(std::nullopt, window, {}, "to_deliver", "申报 " + app.id + " 审批未通过，待出件告知");
            break;
        case EventKind::Delivered: {
            const Delivery d = e.delivery ? *e.delivery : Delivery{e.ref, {}, {}, e.at};
            const std::string how = d.method == "post"        ? "邮寄送达，邮件单号 " + d.trackingNo
                                    : d.method == "in_person" ? std::string("现场领取")
                                                              : std::string("网上送达");
            notify(applicant, {}, {}, "delivered", "申报 " + app.id + " 的审批结果已出件（" + how + "）");
            break;
        }
        default:
            break;
        }
    }

    notificationRows.runLater(c);

    // The change feed, in commit order.
    std::vector<ChangeFeed::Change> changes = std::move(alsoChanged);
    changes.push_back({"application", app.id, app.version, app.regionCode, "", before.applicantId});
    for (const auto &k : app.cases)
        if (touched.count(k.id))
            changes.push_back({"case", k.id, k.version, app.regionCode, k.department, before.applicantId});
    ChangeFeed::record(c, changes, now);
}

json ApprovalService::applicationCommand(const std::string &id, CommandKind kind, const json &body,
                                         const Principal &who, std::int64_t now)
{
    if (!body.is_null() && !body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    auto command = workflowjson::commandFromJson(kind, {}, body);
    if (!command.ok())
        throw ApiError::validation({command.error()});
    if (kind == CommandKind::ProvideSupplement && body.is_object() && body.contains("case_id")) {
        if (!body["case_id"].is_string())
            throw ApiError::validation({{"json.type", "case_id 应为字符串", "case_id"}});
        command.value().caseId = body["case_id"];
    }
    return m_db.write([&](Connection &c) {
        const Outcome done = execute(c, id, command.value(), who, now);
        RequestAudit::record(c);
        json out = applicationDetail(c, done.after, now, &done.events);
        out["events"] = eventList(done.events);
        return out;
    });
}

json ApprovalService::caseCommand(const std::string &caseId, CommandKind kind, const json &body, const Principal &who,
                                  std::int64_t now)
{
    if (!body.is_null() && !body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    auto command = workflowjson::commandFromJson(kind, caseId, body);
    if (!command.ok())
        throw ApiError::validation({command.error()});
    const auto dash = caseId.rfind('-');
    if (dash == std::string::npos || caseId.size() > 48)
        throw ApiError::notFound("办件不存在");
    const std::string applicationId = caseId.substr(0, dash);
    return m_db.write([&](Connection &c) {
        const Outcome done = execute(c, applicationId, command.value(), who, now);
        RequestAudit::record(c);
        json out = caseOf(applicationDetail(c, done.after, now, &done.events), caseId);
        out["events"] = eventList(done.events);
        return out;
    });
}

json ApprovalService::applicationView(Connection &c, const Application &app, const json &form, std::int64_t now,
                                      bool withTimeline, const std::string *storedEvents,
                                      const std::vector<Event> *newEvents)
{
    loadDepartments(c);
    const WorkCalendar calendar = m_calendar.calendar();
    // The stored form of the application, its cases dressed for reading in place.
    json out = workflowjson::toJson(app);
    json &cases = out["cases"];
    for (std::size_t n = 0; n < app.cases.size() && n < cases.size(); ++n) {
        const ApprovalCase &k = app.cases[n];
        json &v = cases[n];
        v["department_name"] = departmentName(k.department);
        if (!k.clock) {
            v["clock"] = nullptr;
        } else if (isDecided(k.status)) {
            // A decided case's clock stops at the decision.
            v["clock"] = workflowjson::clockView(*k.clock, calendar, k.decidedAt);
            v["clock"]["level"] = "done";
        } else {
            v["clock"] = workflowjson::clockView(*k.clock, calendar, now);
        }
        v["decided_at"] = timeText(k.decidedAt);
        // Each special procedure has its own limit: its deadline, and whether it ran over.
        for (std::size_t i = 0; i < k.specialProcedures.size() && i < v["special_procedures"].size(); ++i) {
            const SpecialProcedure &p = k.specialProcedures[i];
            const auto started = beijing::date(p.startedAt);
            const auto due = p.unit == Clock::Unit::Day ? calendar.addDays(started, p.limit, app.regionCode)
                                                        : calendar.addWorkdays(started, p.limit, app.regionCode);
            const auto last = beijing::date(p.endedAt ? p.endedAt : now);
            json &pv = v["special_procedures"][i];
            pv["deadline"] = isoDate(due);
            pv["overdue"] = std::chrono::sys_days{last} > std::chrono::sys_days{due};
            pv["started_at"] = timeText(p.startedAt);
            pv["ended_at"] = timeText(p.endedAt);
        }
    }
    out["stage_name"] = stageName(app.stage);
    out["submitted_at"] = timeText(app.submittedAt);
    out["accepted_at"] = timeText(app.acceptedAt);
    out["concluded_at"] = timeText(app.concludedAt);
    out["form"] = form;
    out.erase("events");
    // Who holds the file now, and since when (the applicant's first question).
    json holders = json::array();
    switch (app.status) {
    case ApplicationStatus::Submitted:
        holders.push_back({{"who", "综合窗口"}, {"since", timeText(app.submittedAt)}, {"action", "待受理"}});
        break;
    case ApplicationStatus::SupplementRequested:
    case ApplicationStatus::Concluded:
    case ApplicationStatus::NotPassed:
        holders.push_back({{"who", app.status == ApplicationStatus::SupplementRequested ? "申请人" : "综合窗口"},
                           {"action", app.status == ApplicationStatus::SupplementRequested ? "待补正" : "待出件"}});
        break;
    case ApplicationStatus::InReview:
        for (const auto &k : app.cases)
            if (!isDecided(k.status))
                holders.push_back({{"who", departmentName(k.department)},
                                   {"person", k.assigneeName},
                                   {"case_id", k.id},
                                   {"action", k.status == CaseStatus::Supplement         ? "等待申请人补正"
                                              : k.status == CaseStatus::SpecialProcedure ? "特别程序中"
                                              : k.status == CaseStatus::Accepted         ? "待签收"
                                                                                         : "审查中"}});
        break;
    default:
        break;
    }
    out["holders"] = holders;
    // The stage clock (阶段时限): paused while every open case is paused; stops at the conclusion.
    if (const auto stage = StageClock::of(app)) {
        const bool done = app.concludedAt != 0;
        json v = workflowjson::clockView(*stage, calendar, done ? app.concludedAt : now);
        if (done)
            v["level"] = "done";
        out["stage_clock"] = v;
    } else {
        out["stage_clock"] = nullptr;
    }
    if (withTimeline) {
        json timeline = json::array();
        const auto add = [&](json e) {
            e.erase("application");
            e.erase("case");
            if (e.contains("department"))
                e["department_name"] = departmentName(e["department"].get<std::string>());
            timeline.push_back(std::move(e));
        };
        // What is in hand, when it is all of it: no need to read back what was just written.
        const std::size_t added = newEvents ? newEvents->size() : 0;
        json stored = storedEvents ? json::parse(*storedEvents, nullptr, false) : json::array();
        if (stored.is_array() && std::int64_t(stored.size() + added) == app.events) {
            for (auto &e : stored)
                add(std::move(e));
            for (std::size_t i = 0; i < added; ++i)
                add(workflowjson::toJson((*newEvents)[i]));
        } else {
            for (const auto &row :
                 c.query("SELECT COALESCE(view, data) FROM events WHERE application_id = ? ORDER BY seq", {app.id}))
                add(json::parse(row.text(0), nullptr, false));
        }
        out["timeline"] = std::move(timeline);
    }
    return out;
}

json ApprovalService::applicationDetail(Connection &c, const Stored &s, std::int64_t now,
                                        const std::vector<Event> *newEvents)
{
    json out = applicationView(c, s.app, s.form, now, true, s.storedEvents ? &*s.storedEvents : nullptr, newEvents);
    out["project"] = {{"id", std::to_string(s.projectId)}, {"project_code", s.projectCode}, {"name", s.projectName}};
    return out;
}

json ApprovalService::application(const std::string &id, const Principal &who, std::int64_t now)
{
    return m_db.read([&](Connection &c) { return applicationDetail(c, load(c, id, who, false), now); });
}

json ApprovalService::caseDetail(const std::string &caseId, const Principal &who, std::int64_t now)
{
    const auto dash = caseId.rfind('-');
    if (dash == std::string::npos || caseId.size() > 48)
        throw ApiError::notFound("办件不存在");
    return caseOf(application(caseId.substr(0, dash), who, now), caseId);
}

json ApprovalService::listApplications(const Principal &who, const std::map<std::string, std::string> &query)
{
    auto get = [&](const char *k) -> std::optional<std::string> {
        auto it = query.find(k);
        return it == query.end() || it->second.empty() ? std::nullopt : std::optional(it->second);
    };
    int limit = 50;
    if (auto l = get("limit")) {
        if (l->size() > 3 || !std::all_of(l->begin(), l->end(), ::isdigit) || std::stoi(*l) < 1 || std::stoi(*l) > 500)
            throw ApiError::validation({{"query.range", "limit 应为 1–500", "limit"}});
        limit = std::stoi(*l);
    }
    std::string sql = "SELECT a.id, a.project_id, a.stage, a.status, a.channel, a.version, a.submitted_at, "
                      "a.updated_at, p.project_code, p.name FROM applications a JOIN projects p ON p.id = a.project_id "
                      "WHERE substr(a.region_code, 1, ?) = ?";
    // The scope as a prefix comparison, not LIKE: SQLite re-prepares a statement whose LIKE
    // pattern is a bound parameter on every execution (region codes are ASCII digits, so the
    // two are the same test).
    const std::string scope = DataScope::of(who).regionPrefix();
    SqlParams params{std::int64_t(scope.size()), scope};
    if (isApplicantSide(who)) {
        sql += " AND a.applicant_id = ?";
        params.push_back(who.userId);
    }
    if (auto status = get("status")) {
        if (!applicationStatusFromString(*status))
            throw ApiError::validation({{"query.enum", "未知的申报状态 " + *status, "status"}});
        sql += " AND a.status = ?";
        params.push_back(*status);
    }
    if (auto stage = get("stage")) {
        if (stage->size() != 1 || (*stage)[0] < '1' || (*stage)[0] > '5')
            throw ApiError::validation({{"query.range", "stage 应为 1–5", "stage"}});
        sql += " AND a.stage = ?";
        params.push_back(std::int64_t((*stage)[0] - '0'));
    }
    if (auto channel = get("channel")) {
        if (*channel != "online" && *channel != "window")
            throw ApiError::validation({{"query.enum", "channel 应为 online 或 window", "channel"}});
        sql += " AND a.channel = ?";
        params.push_back(*channel);
    }
    if (auto project = get("project_id")) {
        sql += " AND a.project_id = ?";
        params.push_back(numericId(*project, "项目"));
    }
    if (auto q = get("q")) {
        if (q->size() > 100)
            throw ApiError::validation({{"query.length", "q 最多 100 字节", "q"}});
        sql += " AND (p.name LIKE ? OR p.project_code LIKE ? OR a.id LIKE ?)";
        for (int i = 0; i < 3; ++i)
            params.push_back("%" + *q + "%");
    }
    if (auto cursor = get("cursor")) {
        if (cursor->size() > 40)
            throw ApiError::validation({{"query.cursor", "游标无效", "cursor"}});
        sql += " AND a.id < ?";
        params.push_back(*cursor);
    }
    sql += " ORDER BY a.id DESC LIMIT ?";
    params.push_back(std::int64_t(limit));
    json items = json::array();
    m_db.read([&](Connection &c) {
        for (const auto &r : c.query(sql, params))
            items.push_back({{"id", r.text(0)},
                             {"project_id", std::to_string(r.integer(1))},
                             {"stage", r.integer(2)},
                             {"stage_name", stageName(int(r.integer(2)))},
                             {"status", r.text(3)},
                             {"channel", r.text(4)},
                             {"version", r.integer(5)},
                             {"submitted_at", beijing::rfc3339(r.integer(6))},
                             {"updated_at", beijing::rfc3339(r.integer(7))},
                             {"project_code", r.text(8)},
                             {"project_name", r.text(9)}});
    });
    json next = items.size() == std::size_t(limit) ? json(items.back()["id"]) : json(nullptr);
    return page(std::move(items), std::move(next));
}

json ApprovalService::listCases(const Principal &who, const std::map<std::string, std::string> &query)
{
    auto get = [&](const char *k) -> std::optional<std::string> {
        auto it = query.find(k);
        return it == query.end() || it->second.empty() ? std::nullopt : std::optional(it->second);
    };
    if (isApplicantSide(who))
        throw ApiError::forbidden("办件列表仅供工作人员使用；请查看申报详情");
    int limit = 50;
    if (auto l = get("limit")) {
        if (l->size() > 3 || !std::all_of(l->begin(), l->end(), ::isdigit) || std::stoi(*l) < 1 || std::stoi(*l) > 500)
            throw ApiError::validation({{"query.range", "limit 应为 1–500", "limit"}});
        limit = std::stoi(*l);
    }
    std::string sql = "SELECT c.id, c.application_id, c.project_id, c.department, c.item_code, c.item_name, c.status, "
                      "c.assignee_id, c.version, c.deadline, c.level, c.first_overdue, c.paused, c.accepted_at, "
                      "p.project_code, p.name FROM cases c JOIN projects p ON p.id = c.project_id "
                      "WHERE substr(c.region_code, 1, ?) = ?";
    // The scope as a prefix comparison, not LIKE: SQLite re-prepares a statement whose LIKE
    // pattern is a bound parameter on every execution (region codes are ASCII digits, so the
    // two are the same test).
    const std::string scope = DataScope::of(who).regionPrefix();
    SqlParams params{std::int64_t(scope.size()), scope};
    // Reviewers see their department's cases; supervisors, coordinators and the window may ask for any.
    const std::string own = departmentCode(who.departmentId);
    const bool broad = who.hasRole(role::Supervisor) || who.hasRole(role::Coordinator) || who.hasRole(role::WindowClerk)
                       || who.hasRole(role::Admin);
    if (auto dept = get("department")) {
        if (!broad && *dept != own)
            throw ApiError::forbidden("只能查看本部门的办件");
        sql += " AND c.department = ?";
        params.push_back(*dept);
    } else if (!broad) {
        sql += " AND c.department = ?";
        params.push_back(own);
    }
    if (auto state = get("state")) {
        if (*state == "open") {
            sql += " AND c.level <> 'done'";
        } else {
            if (!caseStatusFromString(*state))
                throw ApiError::validation({{"query.enum", "未知的办件状态 " + *state, "state"}});
            sql += " AND c.status = ?";
            params.push_back(*state);
        }
    }
    if (auto level = get("level")) {
        if (*level != "normal" && *level != "warning" && *level != "overdue" && *level != "done")
            throw ApiError::validation({{"query.enum", "level 应为 normal、warning、overdue 或 done", "level"}});
        sql += " AND c.level = ?";
        params.push_back(*level);
    }
    if (auto assignee = get("assignee")) {
        if (*assignee != "me")
            throw ApiError::validation({{"query.enum", "assignee 只支持 me", "assignee"}});
        sql += " AND c.assignee_id = ?";
        params.push_back(std::to_string(who.userId));
    }
    // Ordered by deadline (the reviewer's first question), then id; the cursor is "deadline|id".
    if (auto cursor = get("cursor")) {
        const auto bar = cursor->find('|');
        if (bar != 10 || cursor->size() > 60)
            throw ApiError::validation({{"query.cursor", "游标无效", "cursor"}});
        sql += " AND (c.deadline > ? OR (c.deadline = ? AND c.id > ?))";
        params.push_back(cursor->substr(0, bar));
        params.push_back(cursor->substr(0, bar));
        params.push_back(cursor->substr(bar + 1));
    }
    sql += " ORDER BY c.deadline, c.id LIMIT ?";
    params.push_back(std::int64_t(limit));
    json items = json::array();
    m_db.read([&](Connection &c) {
        loadDepartments(c);
        for (const auto &r : c.query(sql, params))
            items.push_back({{"id", r.text(0)},
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
                             {"project_name", r.text(15)}});
    });
    json next = items.size() == std::size_t(limit)
                    ? json(items.back()["deadline"].get<std::string>() + "|" + items.back()["id"].get<std::string>())
                    : json(nullptr);
    return page(std::move(items), std::move(next));
}

json ApprovalService::notifications(const Principal &who, const std::map<std::string, std::string> &query)
{
    auto it = query.find("cursor");
    std::int64_t before = INT64_MAX;
    if (it != query.end() && !it->second.empty())
        before = numericId(it->second, "游标");
    const std::string dept = departmentCode(who.departmentId);
    json items = json::array();
    m_db.read([&](Connection &c) {
        for (const auto &r : c.query("SELECT id, application_id, case_id, kind, message, created_at, read_at "
                                     "FROM notifications WHERE (user_id = ? OR department = ?) AND id < ? "
                                     "ORDER BY id DESC LIMIT 50",
                                     {who.userId, dept.empty() ? std::string("-") : dept, before}))
            items.push_back({{"id", std::to_string(r.integer(0))},
                             {"application_id", r.isNull(1) ? json(nullptr) : json(r.text(1))},
                             {"case_id", r.isNull(2) ? json(nullptr) : json(r.text(2))},
                             {"kind", r.text(3)},
                             {"message", r.text(4)},
                             {"created_at", beijing::rfc3339(r.integer(5))},
                             {"read", !r.isNull(6)}});
    });
    json next = items.size() == 50 ? json(items.back()["id"]) : json(nullptr);
    return page(std::move(items), std::move(next));
}

// ---------------------------------------------------------------------------------------------
// clocks

int ApprovalService::scanClocks(std::int64_t now)
{
    const WorkCalendar calendar = m_calendar.calendar();
    struct Change
    {
        std::string id, application, region, department, level, previous, deadline;
        std::optional<std::string> firstOverdue;
        std::int64_t version;
    };
    std::vector<Change> changes;
    m_db.read([&](Connection &c) {
        for (const auto &r : c.query("SELECT id, clock, level, deadline, application_id, region_code, department, "
                                     "version FROM cases WHERE level <> 'done'")) {
            auto clock = workflowjson::clockFromJson(json::parse(r.text(1), nullptr, false));
            if (!clock.ok())
                continue;
            const Clock::State s = clock.value().state(calendar, now);
            const std::string level(workflowjson::levelName(s.level));
            const std::string deadline = isoDate(s.deadline);
            if (level != r.text(2) || deadline != r.text(3))
                changes.push_back({r.text(0), r.text(4), r.text(5), r.text(6), level, r.text(2), deadline,
                                   s.firstOverdue ? std::optional(isoDate(*s.firstOverdue)) : std::nullopt,
                                   r.integer(7)});
        }
    });
    for (std::size_t i = 0; i < changes.size(); i += 200) {
        m_db.write([&](Connection &c) {
            for (std::size_t j = i; j < std::min(changes.size(), i + 200); ++j) {
                const Change &ch = changes[j];
                // Only if nothing moved the case meanwhile (a command rewrites the row itself).
                if (c.execute("UPDATE cases SET level = ?, deadline = ?, first_overdue = COALESCE(first_overdue, ?), "
                              "updated_at = ? WHERE id = ? AND version = ? AND level <> 'done'",
                              {ch.level, ch.deadline, sqlOptional(ch.firstOverdue), now, ch.id, ch.version})
                    == 0)
                    continue;
                if (ch.level == ch.previous)
                    continue;
                c.execute("INSERT INTO clock_alerts (case_id, level, previous, deadline, at) VALUES (?, ?, ?, ?, ?)",
                          {ch.id, ch.level, ch.previous, ch.deadline, now});
                if (ch.level != "normal")
                    c.execute("INSERT INTO notifications (department, application_id, case_id, kind, message, "
                              "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                              {ch.department, ch.application, ch.id, ch.level,
                               std::string("办件 ") + ch.id
                                   + (ch.level == "overdue" ? " 已超期（期限 " : " 临近办结期限（期限 ") + ch.deadline
                                   + "）",
                               now});
                ChangeFeed::record(c, {{"case", ch.id, ch.version, ch.region, ch.department, std::nullopt}}, now);
            }
        });
    }
    int alerts = 0;
    for (const auto &ch : changes)
        alerts += ch.level != ch.previous ? 1 : 0;
    return alerts + scanTolerance(now);
}

int ApprovalService::scanTolerance(std::int64_t now)
{
    // 容缺: the day after the due day, with materials still outstanding, the applicant and the
    // department are told once (tolerance_overdue_at), and the desks get the case again.
    const std::string today = beijing::dateText(now);
    return m_db.write([&](Connection &c) {
        int notified = 0;
        for (const auto &r : c.query("SELECT k.id, k.application_id, k.region_code, k.department, k.tolerance_due, "
                                     "k.version, a.applicant_id FROM cases k JOIN applications a ON a.id = "
                                     "k.application_id WHERE k.tolerance_due IS NOT NULL AND k.tolerance_due < ? "
                                     "AND k.tolerance_overdue_at IS NULL",
                                     {today})) {
            if (c.execute("UPDATE cases SET tolerance_overdue_at = ? WHERE id = ? AND tolerance_overdue_at IS NULL",
                          {now, r.text(0)})
                == 0)
                continue;
            const std::string message
                = "办件 " + r.text(0) + " 容缺受理的材料已过补齐期限（" + r.text(4) + "），请尽快补齐";
            c.execute("INSERT INTO notifications (department, application_id, case_id, kind, message, created_at) "
                      "VALUES (?, ?, ?, 'tolerance_overdue', ?, ?)",
                      {r.text(3), r.text(1), r.text(0), message, now});
            if (!r.isNull(6))
                c.execute("INSERT INTO notifications (user_id, application_id, case_id, kind, message, created_at) "
                          "VALUES (?, ?, ?, 'tolerance_overdue', ?, ?)",
                          {r.integer(6), r.text(1), r.text(0), message, now});
            ChangeFeed::record(c, {{"case", r.text(0), r.integer(5), r.text(2), r.text(3), std::nullopt}}, now);
            ++notified;
        }
        return notified;
    });
}

} // namespace spgl::server
