#include "services/complianceservice.h"

#include "geo/compliancechecker.h"
#include "geo/layerkind.h"
#include "geo/polygonlayerindex.h"
#include "http/apierror.h"
#include "services/approvalservice.h"
#include "services/blueprintservice.h"
#include "services/requestaudit.h"

#include <algorithm>

namespace spgl::server {

using nlohmann::json;

namespace {

bool takesPart(geo::LayerKind kind)
{
    switch (kind) {
    case geo::LayerKind::EcologicalRedLine:
    case geo::LayerKind::BasicFarmland:
    case geo::LayerKind::UrbanBoundary:
    case geo::LayerKind::LandUsePlan:
    case geo::LayerKind::RegionalAssessment:
    case geo::LayerKind::AdminDivision:
        return true;
    default:
        return false;
    }
}

ApiError siteError(const spgl::Error &e)
{
    return ApiError::validation({e});
}

/// The GK area of a site given at registration (0 when it cannot be read).
double registeredArea(const json &site)
{
    auto wkb = geo::ComplianceChecker::parseSite(site.dump());
    if (!wkb)
        return 0;
    auto area = geo::ComplianceChecker::siteAreaM2(*wkb);
    return area ? *area : 0;
}

std::string landUseOf(const json &project)
{
    const json data = project.value("data", json::object());
    if (data.is_object() && data.contains("land_use") && data["land_use"].is_string())
        return data["land_use"].get<std::string>();
    return {};
}

} // namespace

ComplianceService::ComplianceService(Database &db, BlueprintService &blueprint, ApprovalService &approvals)
    : m_db(db)
    , m_blueprint(blueprint)
    , m_approvals(approvals)
{}

ComplianceService::~ComplianceService() = default;

std::shared_ptr<const geo::ComplianceChecker> ComplianceService::checker(bool assessmentsOnly)
{
    struct Entry
    {
        BlueprintService::LayerFile file;
        geo::LayerKind kind;
        std::string classField, indexKey;
    };
    std::vector<Entry> layers;
    std::string key;
    for (auto &layer : m_blueprint.vectorLayers()) {
        const auto kind = geo::layerKindFromCode(layer.kind);
        if (!kind || !takesPart(*kind) || (assessmentsOnly && *kind != geo::LayerKind::RegionalAssessment))
            continue;
        std::string classField = "dlbm";
        if (layer.style.contains("categorized") && layer.style["categorized"].contains("field")
            && layer.style["categorized"]["field"].is_string())
            classField = layer.style["categorized"]["field"].get<std::string>();
        // The class column is part of the key: a style naming another column reloads the layer.
        std::string indexKey = layer.id + "@" + std::to_string(layer.version) + "#" + classField;
        key += indexKey + ";";
        layers.push_back({std::move(layer), *kind, std::move(classField), std::move(indexKey)});
    }
    std::lock_guard lock(m_mutex);
    auto &cached = assessmentsOnly ? m_assessmentChecker : m_checker;
    auto &cachedKey = assessmentsOnly ? m_assessmentKey : m_checkerKey;
    if (cached && key == cachedKey)
        return cached;
    auto checker = std::make_shared<geo::ComplianceChecker>();
    std::map<std::string, std::shared_ptr<const geo::PolygonLayerIndex>> indexes;
    for (const auto &layer : layers) {
        std::shared_ptr<const geo::PolygonLayerIndex> index;
        if (auto it = m_indexes.find(layer.indexKey); it != m_indexes.end()) {
            index = it->second;
        } else {
            auto loaded = geo::PolygonLayerIndex::load(layer.file.path.string(),
                                                       geo::complianceFields(layer.kind, layer.classField));
            if (!loaded)
                throw ApiError(500, "about:blank", "蓝图图层无法读取", layer.file.id + "：" + loaded.error().message);
            index = loaded.value();
        }
        indexes[layer.indexKey] = index;
        checker->addLayer({layer.file.id, layer.file.name, layer.kind, layer.file.version, index});
    }
    if (assessmentsOnly) {
        m_indexes.insert(indexes.begin(), indexes.end());
    } else {
        // Layers no longer current are released (the assessment zones are among these).
        m_indexes = std::move(indexes);
    }
    cached = checker;
    cachedKey = key;
    return checker;
}

json ComplianceService::runCheck(const std::string &siteGeoJson, const std::string &landUse)
{
    auto report = checker()->check(siteGeoJson, landUse);
    if (!report)
        throw siteError(report.error());
    json out = *report;
    out["land_use"] = landUse;
    return out;
}

json ComplianceService::facts(const json &site)
{
    // Only the assessment zones: reading a project must not wait for a million-parcel plan to load.
    const auto zones = checker(true);
    if (!zones || zones->layers().empty())
        return json::object();
    auto report = zones->check(site.dump());
    if (!report)
        return json::object();
    json codes = json::array();
    json list = json::array();
    for (const auto &hit : report->assessments) {
        if (!hit.containsSite)
            continue;
        for (const auto &code : hit.assessments)
            if (std::find(codes.begin(), codes.end(), code) == codes.end())
                codes.push_back(code);
        list.push_back({{"layer", hit.layer},
                        {"zone", hit.zone},
                        {"assessments", hit.assessments},
                        {"completed", hit.completed},
                        {"approved_by", hit.approvedBy},
                        {"valid_until", hit.validUntil}});
    }
    return {{"assessments", codes}, {"assessment_zones", list}};
}

json ComplianceService::check(const Principal &who, const json &body, std::int64_t now)
{
    if (!body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    std::string landUse;
    if (body.contains("land_use") && !body["land_use"].is_null()) {
        if (!body["land_use"].is_string())
            throw ApiError::validation({{"land_use.type", "land_use 应为国土空间用地分类代码（如 0701）", "land_use"}});
        landUse = body["land_use"].get<std::string>();
    }
    std::string projectId;
    if (body.contains("project_id") && !body["project_id"].is_null())
        projectId = body["project_id"].is_string() ? body["project_id"].get<std::string>() : body["project_id"].dump();
    std::string site;
    if (body.contains("geometry") && !body["geometry"].is_null()) {
        if (!body["geometry"].is_object())
            throw ApiError::validation({{"geo.site.json", "geometry 应为 GeoJSON 几何对象（EPSG:4490）", "geometry"}});
        site = body["geometry"].dump();
    }
    if (projectId.empty()) {
        if (site.empty())
            throw ApiError::validation({{"geo.site.missing", "缺少选址范围 geometry 或项目 project_id", "geometry"}});
        return runCheck(site, landUse);
    }

    const json project = m_approvals.project(projectId, who, now); // 404 out of scope
    if (landUse.empty())
        landUse = landUseOf(project);
    bool projectSite = false;
    if (site.empty()) {
        if (!project.contains("site") || project["site"].is_null())
            throw ApiError::validation(
                {{"geo.site.missing", "该项目尚未登记用地范围，请先在地图上标绘选址", "geometry"}});
        site = project["site"].dump();
        projectSite = true;
    }
    json report = runCheck(site, landUse);
    // Stored with the project when it checked the project's own site.
    if (projectSite) {
        m_db.write([&](Connection &c) {
            auto v = c.queryOne("SELECT MAX(version) FROM project_sites WHERE project_id = ?", {std::stoll(projectId)});
            const std::int64_t siteVersion = v && !v->isNull(0) ? v->integer(0) : 1;
            c.execute(
                "INSERT INTO project_compliance (project_id, site_version, land_use, compliant, report, checked_by, "
                "checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                {std::stoll(projectId), siteVersion, landUse, report["compliant"].get<bool>() ? 1 : 0, report.dump(),
                 who.username, now});
            report["site_version"] = siteVersion;
        });
        report["project_id"] = projectId;
        report["checked_at"] = now;
        report["checked_by"] = who.username;
    }
    return report;
}

json ComplianceService::latest(const Principal &who, const std::string &projectId, std::int64_t now)
{
    m_approvals.project(projectId, who, now); // 404 out of scope
    return m_db.read([&](Connection &c) {
        auto row = c.queryOne("SELECT report, site_version, checked_by, checked_at FROM project_compliance "
                              "WHERE project_id = ? ORDER BY id DESC LIMIT 1",
                              {std::stoll(projectId)});
        if (!row)
            throw ApiError::notFound("该项目尚未做过合规性检查");
        json report = json::parse(row->text(0));
        report["project_id"] = projectId;
        report["site_version"] = row->integer(1);
        report["checked_by"] = row->text(2);
        report["checked_at"] = row->integer(3);
        return report;
    });
}

json ComplianceService::updateSite(const Principal &who, const std::string &projectId, const json &body,
                                   std::int64_t now)
{
    const json project = m_approvals.project(projectId, who, now); // 404 out of scope
    if (!body.is_object() || !body.contains("site") || !body["site"].is_object())
        throw ApiError::validation({{"geo.site.missing", "site 应为 GeoJSON 几何对象（EPSG:4490）", "site"}});
    auto wkb = geo::ComplianceChecker::parseSite(body["site"].dump());
    if (!wkb) {
        spgl::Error e = wkb.error();
        e.field = "site";
        throw siteError(e);
    }
    // The area the history shows: planar in the site's Gauss–Krüger zone, as the checks use.
    auto siteArea = geo::ComplianceChecker::siteAreaM2(*wkb);
    const double area = siteArea ? *siteArea : 0.0;
    const std::string note = body.value("note", std::string());
    const std::int64_t pid = std::stoll(projectId);
    const std::int64_t version = m_db.write([&](Connection &c) {
        auto v = c.queryOne("SELECT MAX(version) FROM project_sites WHERE project_id = ?", {pid});
        std::int64_t last = v && !v->isNull(0) ? v->integer(0) : 0;
        if (last == 0 && project.contains("site") && !project["site"].is_null()) {
            // The site given at registration becomes version 1 of the history.
            auto registered = c.queryOne("SELECT created_at FROM projects WHERE id = ?", {pid});
            c.execute("INSERT INTO project_sites (project_id, version, site, area_m2, note, created_by, created_at) "
                      "VALUES (?, 1, ?, ?, '登记时的用地范围', '', ?)",
                      {pid, project["site"].dump(), registeredArea(project["site"]),
                       registered ? registered->integer(0) : now});
            last = 1;
        }
        c.execute("INSERT INTO project_sites (project_id, version, site, area_m2, note, created_by, created_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)",
                  {pid, last + 1, body["site"].dump(), area, note, who.username, now});
        c.execute("UPDATE projects SET site = ?, version = version + 1, updated_at = ? WHERE id = ?",
                  {body["site"].dump(), now, pid});
        RequestAudit::record(c, {}, "site version " + std::to_string(last + 1));
        return last + 1;
    });
    return {{"project_id", projectId}, {"version", version}, {"site", body["site"]},
            {"area_m2", area},         {"note", note},       {"created_by", who.username},
            {"created_at", now}};
}

json ComplianceService::siteVersions(const Principal &who, const std::string &projectId, std::int64_t now)
{
    const json project = m_approvals.project(projectId, who, now);
    json items = json::array();
    std::int64_t registeredAt = 0;
    m_db.read([&](Connection &c) {
        if (auto p = c.queryOne("SELECT created_at FROM projects WHERE id = ?", {std::stoll(projectId)}))
            registeredAt = p->integer(0);
        for (const auto &r : c.query("SELECT version, site, area_m2, note, created_by, created_at FROM project_sites "
                                     "WHERE project_id = ? ORDER BY version DESC",
                                     {std::stoll(projectId)})) {
            items.push_back({{"version", r.integer(0)},
                             {"site", json::parse(r.text(1), nullptr, false)},
                             {"area_m2", r.real(2)},
                             {"note", r.text(3)},
                             {"created_by", r.text(4)},
                             {"created_at", r.integer(5)}});
        }
        return 0;
    });
    if (items.empty() && project.contains("site") && !project["site"].is_null())
        items.push_back({{"version", 1},
                         {"site", project["site"]},
                         {"area_m2", registeredArea(project["site"])},
                         {"note", "登记时的用地范围"},
                         {"created_by", ""},
                         {"created_at", registeredAt}});
    return {{"project_id", projectId}, {"items", items}};
}

} // namespace spgl::server
