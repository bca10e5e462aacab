#include "services/annotationservice.h"

#include "auth/datascope.h"
#include "core/beijingtime.h"
#include "geo/geojsoninput.h"
#include "http/apierror.h"
#include "http/jsonfields.h"
#include "services/approvalservice.h"
#include "services/changefeed.h"
#include "services/requestaudit.h"

#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <cctype>

namespace spgl::server {

using nlohmann::json;

namespace {

bool broadStaff(const Principal &who)
{
    return who.hasRole(role::WindowClerk) || who.hasRole(role::Coordinator) || who.hasRole(role::Supervisor)
           || who.hasRole(role::Admin);
}

bool validUuid(const std::string &id)
{
    return id.size() >= 8 && id.size() <= 64
           && std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isxdigit(c) || c == '-'; });
}

std::int64_t projectNumber(const std::string &projectId)
{
    if (projectId.empty() || projectId.size() > 18
        || !std::all_of(projectId.begin(), projectId.end(), [](unsigned char c) { return std::isdigit(c); }))
        throw ApiError::notFound("项目不存在");
    return std::stoll(projectId);
}

} // namespace

AnnotationService::AnnotationService(Database &db, ApprovalService &approvals)
    : m_db(db)
    , m_approvals(approvals)
{}

const char *AnnotationService::columns()
{
    return "id, CAST(project_id AS TEXT), case_id, geometry, text, status, author_id, author_name, department, "
           "created_at, updated_at, version";
}

json AnnotationService::fromRow(const SqlRow &r)
{
    return {{"id", r.text(0)},
            {"project_id", r.text(1)},
            {"case_id", r.isNull(2) ? json(nullptr) : json(r.text(2))},
            {"geometry", json::parse(r.text(3), nullptr, false)},
            {"text", r.text(4)},
            {"status", r.text(5)},
            {"author_id", std::to_string(r.integer(6))},
            {"author_name", r.text(7)},
            {"department", r.text(8)},
            {"created_at", beijing::rfc3339(r.integer(9))},
            {"updated_at", beijing::rfc3339(r.integer(10))},
            {"version", r.integer(11)}};
}

std::string AnnotationService::checkProject(Connection &c, const Principal &who, const std::string &projectId)
{
    const std::int64_t pid = projectNumber(projectId);
    auto row = c.queryOne("SELECT region_code FROM projects WHERE id = ? AND region_code LIKE ?",
                          {pid, DataScope::of(who).regionPattern()});
    if (!row || !who.isStaff())
        throw ApiError::notFound("项目不存在");
    if (!broadStaff(who)) {
        const std::string dept = m_approvals.departmentCode(who.departmentId);
        if (!c.queryOne("SELECT 1 FROM cases WHERE project_id = ? AND (department = ? OR id IN (SELECT case_id FROM "
                        "case_consultations WHERE department = ?)) LIMIT 1",
                        {pid, dept, dept}))
            throw ApiError::notFound("项目不存在");
    }
    return row->text(0);
}

json AnnotationService::list(const Principal &who, const std::string &projectId)
{
    return m_db.read([&](Connection &c) {
        checkProject(c, who, projectId);
        json items = json::array();
        for (const auto &r : c.query(std::string("SELECT ") + columns()
                                         + " FROM annotations WHERE project_id = ? ORDER BY created_at, id",
                                     {projectNumber(projectId)}))
            items.push_back(fromRow(r));
        return json{{"project_id", projectId}, {"items", items}};
    });
}

json AnnotationService::add(const Principal &who, const std::string &projectId, const json &body, std::int64_t now)
{
    return m_db.write([&](Connection &c) {
        json added = add(c, who, projectId, body, now);
        RequestAudit::record(c, "annotation:" + added["id"].get<std::string>());
        return added;
    });
}

json AnnotationService::add(Connection &c, const Principal &who, const std::string &projectId, const json &body,
                            std::int64_t now)
{
    if (!body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    const std::string region = checkProject(c, who, projectId);
    JsonFields f(body);
    const std::string text = f.string("text", true, 2000);
    const auto caseId = f.optionalString("case_id", 48);
    const auto id = f.optionalString("id", 64);
    std::string geometry;
    if (!body.contains("geometry") || !body["geometry"].is_object()) {
        f.addFor("geometry", {"geo.geometry.json", "geometry 应为 GeoJSON 几何对象（EPSG:4490）", {}});
    } else if (auto g = geo::checkGeoJsonGeometry(body["geometry"].dump(), geo::GeometryInput::Any, "geometry"); !g) {
        f.addFor("geometry", g.error());
    } else {
        geometry = *g;
    }
    if (id && !validUuid(*id))
        f.addFor("id", {"annotation.id", "id 应为 UUID", {}});
    f.check();
    const std::int64_t pid = projectNumber(projectId);
    if (caseId && !c.queryOne("SELECT 1 FROM cases WHERE id = ? AND project_id = ?", {*caseId, pid}))
        throw ApiError::validation({{"annotation.case", "办件不属于该项目", "case_id"}});
    const std::string annotationId = id ? *id : Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    if (auto existing
        = c.queryOne(std::string("SELECT ") + columns() + " FROM annotations WHERE id = ?", {annotationId})) {
        // The same op again (a retry): additive, so the stored one is the answer.
        if (existing->integer(6) != who.userId)
            throw ApiError::conflict("批注编号已被占用");
        return fromRow(*existing);
    }
    const std::string dept = m_approvals.departmentCode(who.departmentId);
    c.execute(
        "INSERT INTO annotations (id, project_id, case_id, geometry, text, status, author_id, author_name, "
        "department, region_code, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, 1)",
        {annotationId, pid, caseId ? SqlValue(*caseId) : SqlValue(nullptr), geometry, text, who.userId,
         who.displayName.empty() ? who.username : who.displayName, dept, region, now, now});
    ChangeFeed::record(c, {{"annotation", annotationId, 1, region, dept, std::nullopt}}, now);
    return fromRow(*c.queryOne(std::string("SELECT ") + columns() + " FROM annotations WHERE id = ?", {annotationId}));
}

json AnnotationService::setStatus(const Principal &who, const std::string &id, const json &body, std::int64_t now)
{
    return m_db.write([&](Connection &c) {
        json changed = setStatus(c, who, id, body, now);
        RequestAudit::record(c);
        return changed;
    });
}

json AnnotationService::setStatus(Connection &c, const Principal &who, const std::string &id, const json &body,
                                  std::int64_t now)
{
    auto row = c.queryOne("SELECT CAST(project_id AS TEXT), author_id, department, region_code, status, version "
                          "FROM annotations WHERE id = ?",
                          {id});
    if (!row)
        throw ApiError::notFound("批注不存在");
    checkProject(c, who, row->text(0));
    JsonFields f(body.is_object() ? body : json::object());
    const std::string status = f.enumeration("status", true, {"open", "resolved", "withdrawn"});
    f.check();
    const bool own = row->integer(1) == who.userId
                     || (!row->text(2).empty() && row->text(2) == m_approvals.departmentCode(who.departmentId));
    if (status == "withdrawn" && row->integer(1) != who.userId)
        throw ApiError::forbidden("只有批注作者可以撤回批注");
    if (!own && !who.hasRole(role::Coordinator))
        throw ApiError::forbidden("只有批注所在部门或牵头部门可以改变批注状态");
    if (status != row->text(4)) {
        const std::int64_t version = row->integer(5) + 1;
        c.execute("UPDATE annotations SET status = ?, updated_at = ?, version = ? WHERE id = ?",
                  {status, now, version, id});
        ChangeFeed::record(c, {{"annotation", id, version, row->text(3), row->text(2), std::nullopt}}, now);
    }
    return fromRow(*c.queryOne(std::string("SELECT ") + columns() + " FROM annotations WHERE id = ?", {id}));
}

} // namespace spgl::server
