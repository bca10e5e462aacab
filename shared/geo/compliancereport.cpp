#include "geo/compliancereport.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace spgl::geo {

namespace {

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

double round6(double v)
{
    return std::round(v * 1e6) / 1e6;
}

} // namespace

const char *complianceSeverityCode(ComplianceSeverity severity)
{
    switch (severity) {
    case ComplianceSeverity::Info:
        return "info";
    case ComplianceSeverity::Warn:
        return "warn";
    case ComplianceSeverity::Block:
        return "block";
    }
    return "info";
}

void to_json(nlohmann::json &j, const ComplianceReport &report)
{
    nlohmann::json checks = nlohmann::json::array();
    for (const auto &c : report.checks) {
        checks.push_back({{"layer", c.layer},
                          {"layer_name", c.layerName},
                          {"kind", layerKindCode(c.kind)},
                          {"layer_version", c.layerVersion},
                          {"class", c.cls},
                          {"class_name", c.clsName},
                          {"rule", c.rule},
                          {"severity", complianceSeverityCode(c.severity)},
                          {"overlap_area_m2", round2(c.overlapAreaM2)},
                          {"overlap_ratio", round6(c.overlapRatio)},
                          {"message", c.message},
                          {"features", c.features}});
    }
    nlohmann::json assessments = nlohmann::json::array();
    for (const auto &a : report.assessments) {
        assessments.push_back({{"layer", a.layer},
                               {"zone", a.zone},
                               {"assessments", a.assessments},
                               {"completed", a.completed},
                               {"approved_by", a.approvedBy},
                               {"valid_until", a.validUntil},
                               {"contains_site", a.containsSite},
                               {"overlap_ratio", round6(a.overlapRatio)}});
    }
    nlohmann::json layers = nlohmann::json::array();
    for (const auto &l : report.layers)
        layers.push_back({{"layer", l.layer}, {"kind", layerKindCode(l.kind)}, {"version", l.version}});
    j = {{"compliant", report.compliant},
         {"site_area_m2", round2(report.siteAreaM2)},
         {"crs_area", "EPSG:" + std::to_string(report.gkEpsg)},
         {"district", {{"code", report.districtCode}, {"name", report.districtName}}},
         {"checks", checks},
         {"assessments", assessments},
         {"layers", layers}};
}

} // namespace spgl::geo
