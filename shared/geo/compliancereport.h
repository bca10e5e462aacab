#pragma once

#include "geo/layerkind.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace spgl::geo {

/// How much a finding weighs: block stops the application, warn needs a reviewer's look.
enum class ComplianceSeverity { Info, Warn, Block };

/// "info", "warn", "block".
const char *complianceSeverityCode(ComplianceSeverity severity);

/// One finding of a compliance check: the site against one layer (and class, for plans).
struct ComplianceCheck
{
    std::string layer;     ///< catalog id of the layer
    std::string layerName; ///< its display name
    LayerKind kind = LayerKind::LandUsePlan;
    int layerVersion = 0;
    std::string cls;     ///< land-use class code, or empty
    std::string clsName; ///< its name, or the overlapped features' names for control lines
    std::string rule;    ///< stable rule code, e.g. "eco_redline.overlap"
    ComplianceSeverity severity = ComplianceSeverity::Info;
    double overlapAreaM2 = 0;
    double overlapRatio = 0;       ///< overlap / site area
    std::string message;           ///< Chinese explanation
    std::vector<int64_t> features; ///< fids of the overlapped features (at most 50)
};

/// A regional assessment zone (区域评估) that touches the site.
struct AssessmentHit
{
    std::string layer;
    std::string zone;
    std::vector<std::string> assessments; ///< environmental, energy, geological_hazard, seismic, water, mineral
    std::string completed;
    std::string approvedBy;
    std::string validUntil;
    bool containsSite = false; ///< the whole site lies in the zone: its assessments apply
    double overlapRatio = 0;
};

/// The layer versions a report was computed on.
struct ComplianceLayerVersion
{
    std::string layer;
    LayerKind kind = LayerKind::LandUsePlan;
    int version = 0;
};

/// Result of overlaying a site on the blueprint (API.md `POST /api/v1/blueprint/compliance`).
struct ComplianceReport
{
    bool compliant = true;
    double siteAreaM2 = 0;
    int gkEpsg = 0;
    std::string districtCode; ///< 行政区划 containing the site's centroid, when known
    std::string districtName;
    std::vector<ComplianceCheck> checks;
    std::vector<AssessmentHit> assessments;
    std::vector<ComplianceLayerVersion> layers;
};

void to_json(nlohmann::json &j, const ComplianceReport &report);

} // namespace spgl::geo
