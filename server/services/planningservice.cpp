#include "services/planningservice.h"

#include "auth/datascope.h"
#include "core/beijingtime.h"
#include "geo/geojsoninput.h"
#include "http/apierror.h"
#include "http/jsonfields.h"
#include "services/approvalservice.h"
#include "services/requestaudit.h"

#include <algorithm>
#include <cctype>

namespace spgl::server {

using nlohmann::json;

namespace {

constexpr const char *kConditionColumns
    = "id, CAST(project_id AS TEXT), department, kind, text, assessment, geometry, author, created_at, withdrawn";

std::int64_t number(const std::string &text, const char *what)
{
    if (text.empty() || text.size() > 18
        || !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
        throw ApiError::notFound(std::string(what) + "不存在");
    return std::stoll(text);
}

/// The departments' reviewers, heads and the coordinator put conditions forward (the REST routes
/// say so too; a desktop's queued op arrives through sync and is checked here).
void requirePlanner(const Principal &who)
{
    if (!who.hasRole(role::Reviewer) && !who.hasRole(role::DepartmentHead) && !who.hasRole(role::Coordinator))
        throw ApiError::forbidden("只有审批部门人员可以提出或撤回策划条件");
}

const std::vector<std::string> kAssessments
    = {"environmental", "energy", "geological_hazard", "seismic", "water", "mineral"};

} // namespace

PlanningService::PlanningService(Database &db, ApprovalService &approvals)
    : m_db(db)
    , m_approvals(approvals)
{}

json PlanningService::conditionFromRow(const SqlRow &r)
{
    return {{"id", std::to_string(r.integer(0))},
            {"project_id", r.text(1)},
            {"department", r.text(2)},
            {"kind", r.text(3)},
            {"text", r.text(4)},
            {"assessment", r.text(5)},
            {"geometry", r.isNull(6) ? json(nullptr) : json::parse(r.text(6), nullptr, false)},
            {"author", r.text(7)},
            {"created_at", beijing::rfc3339(r.integer(8))},
            {"withdrawn", r.integer(9) != 0}};
}

PlanningService::ProjectRef PlanningService::checkProject(Connection &c, const Principal &who,
                                                          const std::string &projectId)
{
    const std::int64_t pid = number(projectId, "项目");
    auto row = c.queryOne("SELECT region_code, owner_id FROM projects WHERE id = ? AND region_code LIKE ?",
                          {pid, DataScope::of(who).regionPattern()});
    if (!row || (!who.isStaff() && row->integer(1) != who.userId))
        throw ApiError::notFound("项目不存在");
    return {pid, row->text(0), row->integer(1)};
}

json PlanningService::planning(const Principal &who, const std::string &projectId)
{
    return m_db.read([&](Connection &c) {
        const ProjectRef p = checkProject(c, who, projectId);
        json out = {{"project_id", projectId}};
        if (who.isStaff()) {
            json conditions = json::array();
            for (const auto &r : c.query(std::string("SELECT ") + kConditionColumns
                                             + " FROM planning_conditions WHERE project_id = ? ORDER BY id",
                                         {p.id}))
                conditions.push_back(conditionFromRow(r));
            out["conditions"] = conditions;
        }
        json opinions = json::array();
        for (const auto &r : c.query("SELECT version, text, conditions, merged_by, merged_at FROM planning_opinions "
                                     "WHERE project_id = ? ORDER BY version DESC",
                                     {p.id}))
            opinions.push_back({{"version", r.integer(0)},
                                {"text", r.text(1)},
                                {"conditions", json::parse(r.text(2), nullptr, false)},
                                {"merged_by", r.text(3)},
                                {"merged_at", beijing::rfc3339(r.integer(4))}});
        out["current"] = opinions.empty() ? json(nullptr) : opinions.front();
        out["opinions"] = opinions;
        return out;
    });
}

json PlanningService::addCondition(const Principal &who, const std::string &projectId, const json &body,
                                   std::int64_t now)
{
    return m_db.write([&](Connection &c) {
        json added = addCondition(c, who, projectId, body, now);
        RequestAudit::record(c, "planning_condition:" + added["id"].get<std::string>());
        return added;
    });
}

json PlanningService::addCondition(Connection &c, const Principal &who, const std::string &projectId, const json &body,
                                   std::int64_t now)
{
    if (!body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    requirePlanner(who);
    const ProjectRef p = checkProject(c, who, projectId);
    JsonFields f(body);
    const std::string kind = f.enumeration("kind", true, {"condition", "assessment"});
    const std::string text = f.string("text", true, 2000);
    std::string assessment;
    if (kind == "assessment")
        assessment = f.enumeration("assessment", true, kAssessments);
    std::optional<std::string> geometry;
    if (body.contains("geometry") && !body["geometry"].is_null()) {
        auto g = geo::checkGeoJsonGeometry(body["geometry"].dump(), geo::GeometryInput::Any, "geometry");
        if (g)
            geometry = *g;
        else
            f.addFor("geometry", g.error());
    }
    f.check();
    const std::string dept = m_approvals.departmentCode(who.departmentId);
    auto row = c.queryOne("INSERT INTO planning_conditions (project_id, department, kind, text, assessment, geometry, "
                          "author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                          {p.id, dept, kind, text, assessment, geometry ? SqlValue(*geometry) : SqlValue(nullptr),
                           who.displayName.empty() ? who.username : who.displayName, now});
    return conditionFromRow(*c.queryOne(
        std::string("SELECT ") + kConditionColumns + " FROM planning_conditions WHERE id = ?", {row->integer(0)}));
}

json PlanningService::withdrawCondition(const Principal &who, const std::string &conditionId, std::int64_t now)
{
    return m_db.write([&](Connection &c) {
        json withdrawn = withdrawCondition(c, who, conditionId, now);
        RequestAudit::record(c);
        return withdrawn;
    });
}

json PlanningService::withdrawCondition(Connection &c, const Principal &who, const std::string &conditionId,
                                        std::int64_t)
{
    requirePlanner(who);
    const std::int64_t id = number(conditionId, "策划条件");
    auto row = c.queryOne("SELECT CAST(project_id AS TEXT), department FROM planning_conditions WHERE id = ?", {id});
    if (!row)
        throw ApiError::notFound("策划条件不存在");
    checkProject(c, who, row->text(0));
    if (row->text(1) != m_approvals.departmentCode(who.departmentId) && !who.hasRole(role::Coordinator))
        throw ApiError::forbidden("只能撤回本部门提出的策划条件");
    c.execute("UPDATE planning_conditions SET withdrawn = 1 WHERE id = ?", {id});
    return conditionFromRow(
        *c.queryOne(std::string("SELECT ") + kConditionColumns + " FROM planning_conditions WHERE id = ?", {id}));
}

json PlanningService::mergeOpinion(const Principal &who, const std::string &projectId, const json &body,
                                   std::int64_t now)
{
    if (!body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    return m_db.write([&](Connection &c) {
        const ProjectRef p = checkProject(c, who, projectId);
        JsonFields f(body);
        const std::string text = f.string("text", true, 5000);
        const std::vector<std::string> chosen = f.stringArray("condition_ids", false, 500);
        f.check();
        json conditions = json::array();
        for (const auto &r :
             c.query(std::string("SELECT ") + kConditionColumns
                         + " FROM planning_conditions WHERE project_id = ? AND withdrawn = 0 ORDER BY id",
                     {p.id})) {
            json condition = conditionFromRow(r);
            if (chosen.empty()
                || std::find(chosen.begin(), chosen.end(), condition["id"].get<std::string>()) != chosen.end())
                conditions.push_back(condition);
        }
        if (conditions.empty())
            throw ApiError::validation(
                {{"planning.empty", "没有可合并的策划条件：请先由各部门提出条件", "condition_ids"}});
        auto v = c.queryOne("SELECT MAX(version) FROM planning_opinions WHERE project_id = ?", {p.id});
        const std::int64_t version = (v && !v->isNull(0) ? v->integer(0) : 0) + 1;
        const std::string by = who.displayName.empty() ? who.username : who.displayName;
        c.execute("INSERT INTO planning_opinions (project_id, version, text, conditions, merged_by, merged_at) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  {p.id, version, text, conditions.dump(), by, now});
        c.execute("INSERT INTO notifications (user_id, kind, message, created_at) VALUES (?, 'planning_opinion', ?, ?)",
                  {p.owner, "项目策划意见（第 " + std::to_string(version) + " 版）已发布，请在项目页查看", now});
        RequestAudit::record(c, {}, "version " + std::to_string(version));
        return json{{"project_id", projectId},  {"version", version}, {"text", text},
                    {"conditions", conditions}, {"merged_by", by},    {"merged_at", beijing::rfc3339(now)}};
    });
}

} // namespace spgl::server
