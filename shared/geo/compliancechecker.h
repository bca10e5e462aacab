#pragma once

#include "core/result.h"
#include "geo/compliancereport.h"
#include "geo/layerkind.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace spgl::geo {

class PolygonLayerIndex;

/// A blueprint layer taking part in compliance checks.
struct ComplianceLayer
{
    std::string id;
    std::string name;
    LayerKind kind = LayerKind::LandUsePlan;
    int version = 0;
    /// Loaded with the attribute columns complianceFields(kind, classField) names, in that order.
    std::shared_ptr<const PolygonLayerIndex> index;
};

/**
 * @brief The attribute columns a compliance check reads from a layer of @p kind.
 *
 * Land-use plans: the class column (@p classField, "dlbm" by default) and its name ("dlmc");
 * control lines: their name ("hxmc", "tbbh", "bjmc"); administrative divisions: "xzqdm", "xzqmc";
 * assessment zones: "pgqy", "assessments" (comma-separated codes), "completed",
 * "approved_by", "valid_until".
 */
std::vector<std::string> complianceFields(LayerKind kind, const std::string &classField = "dlbm");

/**
 * @brief Overlays a project site on the blueprint's control lines, plan and assessment zones
 *        (guideline 5.2 c, 5.3) and rates each finding block / warn / info.
 *
 * Rules: overlap with 生态保护红线 or 永久基本农田 blocks; any part outside 城镇开发边界 warns;
 * a plan class that does not fit the project's declared land use warns (fitting ones are info);
 * assessment zones touching the site are listed, those containing it wholly apply. Areas are
 * planar in the site's CGCS2000 Gauss–Krüger zone, as `ST_Area(ST_Transform(…, zone))`.
 *
 * check() is const and thread-safe; layers are shared, immutable indexes.
 */
class ComplianceChecker
{
public:
    void addLayer(ComplianceLayer layer);
    const std::vector<ComplianceLayer> &layers() const { return m_layers; }

    /**
     * Checks a site given as a GeoJSON geometry or Feature (Polygon / MultiPolygon, EPSG:4490
     * lon/lat). @p projectLandUse is the project's declared class ("07", "0701", … or empty).
     * Bad input (not GeoJSON, not a polygon, outside China, self-intersecting, empty or larger
     * than 100 km²) is an Error with a Chinese message.
     */
    Result<ComplianceReport> check(std::string_view siteGeoJson, std::string_view projectLandUse = {}) const;

    /**
     * Parses and validates a site like check() does; returns its ISO WKB.
     */
    static Result<std::string> parseSite(std::string_view siteGeoJson);

    /// Area in m² of a site validated by parseSite(), planar in its Gauss–Krüger zone.
    static Result<double> siteAreaM2(std::string_view siteWkb);

    /// Checks a site already validated by parseSite().
    Result<ComplianceReport> checkWkb(std::string_view siteWkb, std::string_view projectLandUse = {}) const;

private:
    std::vector<ComplianceLayer> m_layers;
};

} // namespace spgl::geo
