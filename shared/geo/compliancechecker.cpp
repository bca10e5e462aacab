#include "geo/compliancechecker.h"

#include "geo/gausskruger.h"
#include "geo/gdalsession.h"
#include "geo/geoscontext.h"
#include "geo/gkprojector.h"
#include "geo/landuseclass.h"
#include "geo/polygonlayerindex.h"

#include <ogr_geometry.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

namespace spgl::geo {

namespace {

constexpr double kMinOverlapM2 = 0.01;   // touching boundaries are not overlaps
constexpr double kMaxSiteAreaM2 = 100e6; // 100 km²: larger is surely a mistake
constexpr size_t kMaxListedFeatures = 50;

GeosContext &threadGeos()
{
    thread_local GeosContext context;
    return context;
}

Result<std::shared_ptr<GkProjector>> threadProjector(int epsg)
{
    thread_local std::map<int, std::shared_ptr<GkProjector>> projectors;
    auto it = projectors.find(epsg);
    if (it != projectors.end())
        return it->second;
    auto created = GkProjector::create(epsg);
    if (!created)
        return created.error();
    projectors.emplace(epsg, created.value());
    return created.value();
}

std::string formatArea(double m2)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f 平方米（%.4f 公顷）", m2, m2 / 10000.0);
    return buf;
}

std::string formatRatio(double ratio)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f%%", ratio * 100.0);
    return buf;
}

std::vector<std::string> splitComma(const std::string &text)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = std::min(text.find(',', start), text.size());
        std::string part = text.substr(start, end - start);
        part.erase(0, part.find_first_not_of(' '));
        part.erase(part.find_last_not_of(' ') + 1);
        if (!part.empty())
            out.push_back(part);
        start = end + 1;
    }
    return out;
}

/// Overlap of the site with one candidate feature: the whole feature's cached area when the
/// site contains it, the intersection's area when they cross, 0 otherwise.
double overlapWith(const PolygonLayerIndex &index, uint32_t i, const GEOSPreparedGeometry *site,
                   const GEOSGeometry *siteGeom, const GkProjector &projector, GeosContext &geos)
{
    const auto bytes = index.wkb(i);
    auto feature = geos.fromWkb(reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
    if (!feature)
        return 0.0;
    auto h = geos.handle();
    if (!GEOSPreparedIntersects_r(h, site, feature.get()))
        return 0.0;
    if (GEOSPreparedContains_r(h, site, feature.get()))
        return index.area(i, projector, h);
    auto overlap = geos.own(GEOSIntersection_r(h, siteGeom, feature.get()));
    return overlap ? projector.area(h, overlap.get()) : 0.0;
}

} // namespace

std::vector<std::string> complianceFields(LayerKind kind, const std::string &classField)
{
    switch (kind) {
    case LayerKind::LandUsePlan:
        return {classField, "dlmc"};
    case LayerKind::EcologicalRedLine:
        return {"hxmc"};
    case LayerKind::BasicFarmland:
        return {"tbbh"};
    case LayerKind::UrbanBoundary:
        return {"bjmc"};
    case LayerKind::AdminDivision:
        return {"xzqdm", "xzqmc"};
    case LayerKind::RegionalAssessment:
        return {"pgqy", "assessments", "completed", "approved_by", "valid_until"};
    default:
        return {};
    }
}

void ComplianceChecker::addLayer(ComplianceLayer layer)
{
    m_layers.push_back(std::move(layer));
}

Result<std::string> ComplianceChecker::parseSite(std::string_view siteGeoJson)
{
    ensureGdal();
    GdalErrorCapture capture;
    std::string text(siteGeoJson);
    // A Feature is accepted too: take its geometry member.
    if (text.find("\"Feature\"") != std::string::npos) {
        const auto pos = text.find("\"geometry\"");
        if (pos == std::string::npos)
            return Error{"geo.site.json", "选址范围不是有效的 GeoJSON：Feature 缺少 geometry", "geometry"};
        const auto open = text.find('{', pos);
        if (open == std::string::npos)
            return Error{"geo.site.json", "选址范围不是有效的 GeoJSON：geometry 为空", "geometry"};
        int depth = 0;
        size_t close = open;
        for (; close < text.size(); ++close) {
            if (text[close] == '{')
                ++depth;
            else if (text[close] == '}' && --depth == 0)
                break;
        }
        text = text.substr(open, close - open + 1);
    }
    std::unique_ptr<OGRGeometry> g(OGRGeometryFactory::createFromGeoJson(text.c_str()));
    if (!g)
        return Error{"geo.site.json", "选址范围不是有效的 GeoJSON 几何：" + capture.joinedErrors(), "geometry"};
    const auto type = wkbFlatten(g->getGeometryType());
    if (type != wkbPolygon && type != wkbMultiPolygon)
        return Error{"geo.site.type",
                     "选址范围必须是面（Polygon 或 MultiPolygon），收到的是 "
                         + std::string(OGRGeometryTypeToName(g->getGeometryType())),
                     "geometry"};
    if (g->IsEmpty())
        return Error{"geo.site.empty", "选址范围为空", "geometry"};
    OGREnvelope env;
    g->getEnvelope(&env);
    if (env.MinX < 73.0 || env.MaxX > 136.0 || env.MinY < 3.0 || env.MaxY > 54.0)
        return Error{"geo.site.range",
                     "选址坐标超出中国范围：应为 CGCS2000 经纬度（EPSG:4490，经度在前），不是投影坐标", "geometry"};
    std::string wkb(size_t(g->WkbSize()), '\0');
    g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char *>(wkb.data()), wkbVariantIso);

    auto &geos = threadGeos();
    auto site = geos.fromWkb(reinterpret_cast<const unsigned char *>(wkb.data()), wkb.size());
    if (!site)
        return Error{"geo.site.json", "选址范围无法解析：" + geos.lastError(), "geometry"};
    if (GEOSisValid_r(geos.handle(), site.get()) != 1) {
        char *reason = GEOSisValidReason_r(geos.handle(), site.get());
        std::string why = reason ? reason : "";
        GEOSFree_r(geos.handle(), reason);
        return Error{"geo.site.invalid", "选址范围的边界自相交或无效（" + why + "），请修正后再检查", "geometry"};
    }
    double cx = 0, cy = 0;
    auto centroid = geos.own(GEOSGetCentroid_r(geos.handle(), site.get()));
    GEOSGeomGetX_r(geos.handle(), centroid.get(), &cx);
    GEOSGeomGetY_r(geos.handle(), centroid.get(), &cy);
    auto projector = threadProjector(gaussKrugerEpsg(cx));
    if (!projector)
        return projector.error();
    const double area = (*projector)->area(geos.handle(), site.get());
    if (area <= 0.0)
        return Error{"geo.site.empty", "选址范围面积为零", "geometry"};
    if (area > kMaxSiteAreaM2)
        return Error{"geo.site.size", "选址范围面积 " + formatArea(area) + " 超过 100 平方公里，请检查坐标",
                     "geometry"};
    return wkb;
}

Result<double> ComplianceChecker::siteAreaM2(std::string_view siteWkb)
{
    auto &geos = threadGeos();
    auto site = geos.fromWkb(reinterpret_cast<const unsigned char *>(siteWkb.data()), siteWkb.size());
    if (!site)
        return Error{"geo.site.json", "选址范围无法解析", "geometry"};
    double cx = 0, cy = 0;
    auto centroid = geos.own(GEOSGetCentroid_r(geos.handle(), site.get()));
    GEOSGeomGetX_r(geos.handle(), centroid.get(), &cx);
    GEOSGeomGetY_r(geos.handle(), centroid.get(), &cy);
    auto projector = threadProjector(gaussKrugerEpsg(cx));
    if (!projector)
        return projector.error();
    return (*projector)->area(geos.handle(), site.get());
}

Result<ComplianceReport> ComplianceChecker::check(std::string_view siteGeoJson, std::string_view projectLandUse) const
{
    auto wkb = parseSite(siteGeoJson);
    if (!wkb)
        return wkb.error();
    return checkWkb(*wkb, projectLandUse);
}

Result<ComplianceReport> ComplianceChecker::checkWkb(std::string_view siteWkb, std::string_view projectLandUse) const
{
    auto &geos = threadGeos();
    auto h = geos.handle();
    auto site = geos.fromWkb(reinterpret_cast<const unsigned char *>(siteWkb.data()), siteWkb.size());
    if (!site)
        return Error{"geo.site.json", "选址范围无法解析", "geometry"};
    double cx = 0, cy = 0;
    auto centroid = geos.own(GEOSGetCentroid_r(h, site.get()));
    GEOSGeomGetX_r(h, centroid.get(), &cx);
    GEOSGeomGetY_r(h, centroid.get(), &cy);
    auto projectorResult = threadProjector(gaussKrugerEpsg(cx));
    if (!projectorResult)
        return projectorResult.error();
    const GkProjector &projector = **projectorResult;
    auto prepared = geos.prepare(site.get());
    Box siteBox;
    GEOSGeom_getXMin_r(h, site.get(), &siteBox.minX);
    GEOSGeom_getYMin_r(h, site.get(), &siteBox.minY);
    GEOSGeom_getXMax_r(h, site.get(), &siteBox.maxX);
    GEOSGeom_getYMax_r(h, site.get(), &siteBox.maxY);

    ComplianceReport report;
    report.gkEpsg = projector.epsg();
    report.siteAreaM2 = projector.area(h, site.get());
    const double siteArea = report.siteAreaM2;
    std::vector<uint32_t> candidates;

    for (const auto &layer : m_layers) {
        if (!layer.index)
            continue;
        const auto &index = *layer.index;
        report.layers.push_back({layer.id, layer.kind, layer.version});
        candidates.clear();
        index.tree().query(siteBox, candidates);
        std::sort(candidates.begin(), candidates.end());
        auto baseCheck = [&] {
            ComplianceCheck c;
            c.layer = layer.id;
            c.layerName = layer.name;
            c.kind = layer.kind;
            c.layerVersion = layer.version;
            return c;
        };

        switch (layer.kind) {
        case LayerKind::EcologicalRedLine:
        case LayerKind::BasicFarmland: {
            ComplianceCheck c = baseCheck();
            std::string names;
            for (uint32_t i : candidates) {
                const double a = overlapWith(index, i, prepared.get(), site.get(), projector, geos);
                if (a < kMinOverlapM2)
                    continue;
                c.overlapAreaM2 += a;
                if (c.features.size() < kMaxListedFeatures) {
                    c.features.push_back(index.fid(i));
                    const auto &name = index.attribute(i, 0);
                    if (!name.empty() && names.find(name) == std::string::npos)
                        names += (names.empty() ? "" : "、") + name;
                }
            }
            if (c.overlapAreaM2 < kMinOverlapM2)
                break;
            const bool eco = layer.kind == LayerKind::EcologicalRedLine;
            c.rule = eco ? "eco_redline.overlap" : "basic_farmland.overlap";
            c.severity = ComplianceSeverity::Block;
            c.clsName = names;
            c.overlapRatio = c.overlapAreaM2 / siteArea;
            c.message = std::string(eco ? "选址与生态保护红线重叠 " : "选址占用永久基本农田 ")
                        + formatArea(c.overlapAreaM2) + "，占选址面积 " + formatRatio(c.overlapRatio)
                        + (names.empty() ? "" : "（" + names + "）");
            report.checks.push_back(std::move(c));
            break;
        }
        case LayerKind::UrbanBoundary: {
            ComplianceCheck c = baseCheck();
            double inside = 0;
            for (uint32_t i : candidates) {
                const double a = overlapWith(index, i, prepared.get(), site.get(), projector, geos);
                if (a >= kMinOverlapM2 && c.features.size() < kMaxListedFeatures)
                    c.features.push_back(index.fid(i));
                inside += a;
            }
            const double outside = std::max(0.0, siteArea - inside);
            if (outside > std::max(kMinOverlapM2, siteArea * 1e-6)) {
                c.rule = "urban_boundary.outside";
                c.severity = ComplianceSeverity::Warn;
                c.overlapAreaM2 = outside;
                c.overlapRatio = outside / siteArea;
                c.message
                    = "选址有 " + formatArea(outside) + "（" + formatRatio(c.overlapRatio) + "）位于城镇开发边界外";
            } else {
                c.rule = "urban_boundary.inside";
                c.severity = ComplianceSeverity::Info;
                c.overlapAreaM2 = inside;
                c.overlapRatio = std::min(1.0, inside / siteArea);
                c.message = "选址位于城镇开发边界内";
            }
            report.checks.push_back(std::move(c));
            break;
        }
        case LayerKind::LandUsePlan: {
            std::map<std::string, ComplianceCheck> byClass;
            double planned = 0;
            for (uint32_t i : candidates) {
                const double a = overlapWith(index, i, prepared.get(), site.get(), projector, geos);
                if (a < kMinOverlapM2)
                    continue;
                planned += a;
                const std::string &cls = index.attribute(i, 0);
                auto [it, fresh] = byClass.try_emplace(cls, baseCheck());
                ComplianceCheck &c = it->second;
                if (fresh) {
                    c.cls = cls;
                    const auto known = landUseClass(cls);
                    c.clsName = known ? std::string(known->name) : index.attribute(i, 1);
                }
                c.overlapAreaM2 += a;
                if (c.features.size() < kMaxListedFeatures)
                    c.features.push_back(index.fid(i));
            }
            const auto declared = landUseClass(projectLandUse);
            const std::string declaredText
                = std::string(projectLandUse) + (declared ? " " + std::string(declared->name) : std::string());
            for (auto &[cls, c] : byClass) {
                c.overlapRatio = c.overlapAreaM2 / siteArea;
                const std::string what = "规划用地 " + cls + " " + c.clsName + " " + formatArea(c.overlapAreaM2) + "（"
                                         + formatRatio(c.overlapRatio) + "）";
                if (projectLandUse.empty()) {
                    c.rule = "land_use.class";
                    c.severity = ComplianceSeverity::Info;
                    c.message = what;
                } else if (landUseCompatible(cls, projectLandUse)) {
                    c.rule = "land_use.match";
                    c.severity = ComplianceSeverity::Info;
                    c.message = what + "，与项目用途 " + declaredText + " 相符";
                } else {
                    c.rule = "land_use.mismatch";
                    c.severity = ComplianceSeverity::Warn;
                    c.message = what + "，与项目用途 " + declaredText + " 不符";
                }
                report.checks.push_back(std::move(c));
            }
            const double unplanned = siteArea - planned;
            if (unplanned > std::max(1.0, siteArea * 0.01)) {
                ComplianceCheck c = baseCheck();
                c.rule = "land_use.unplanned";
                c.severity = ComplianceSeverity::Info;
                c.overlapAreaM2 = unplanned;
                c.overlapRatio = unplanned / siteArea;
                c.message = "选址有 " + formatArea(unplanned) + " 未被规划图斑覆盖（道路间隙或规划范围外）";
                report.checks.push_back(std::move(c));
            }
            break;
        }
        case LayerKind::RegionalAssessment: {
            for (uint32_t i : candidates) {
                const double a = overlapWith(index, i, prepared.get(), site.get(), projector, geos);
                if (a < kMinOverlapM2)
                    continue;
                AssessmentHit hit;
                hit.layer = layer.id;
                hit.zone = index.attribute(i, 0);
                hit.assessments = splitComma(index.attribute(i, 1));
                hit.completed = index.attribute(i, 2);
                hit.approvedBy = index.attribute(i, 3);
                hit.validUntil = index.attribute(i, 4);
                hit.overlapRatio = std::min(1.0, a / siteArea);
                hit.containsSite = hit.overlapRatio >= 1.0 - 1e-9;
                report.assessments.push_back(std::move(hit));
            }
            break;
        }
        case LayerKind::AdminDivision: {
            for (uint32_t i : candidates) {
                const Box &b = index.box(i);
                if (cx < b.minX || cx > b.maxX || cy < b.minY || cy > b.maxY)
                    continue;
                const auto bytes = index.wkb(i);
                auto g = geos.fromWkb(reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
                if (g && GEOSIntersects_r(h, g.get(), centroid.get())) {
                    report.districtCode = index.attribute(i, 0);
                    report.districtName = index.attribute(i, 1);
                    break;
                }
            }
            break;
        }
        default:
            break;
        }
    }
    for (const auto &c : report.checks)
        if (c.severity == ComplianceSeverity::Block)
            report.compliant = false;
    std::stable_sort(report.checks.begin(), report.checks.end(),
                     [](const ComplianceCheck &a, const ComplianceCheck &b) {
                         if (a.severity != b.severity)
                             return a.severity > b.severity;
                         return a.overlapAreaM2 > b.overlapAreaM2;
                     });
    return report;
}

} // namespace spgl::geo
