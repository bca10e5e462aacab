#pragma once

#include "auth/principal.h"
#include "storage/database.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace spgl::geo {
class ComplianceChecker;
class PolygonLayerIndex;
} // namespace spgl::geo

namespace spgl::server {

class ApprovalService;
class BlueprintService;

/**
 * @brief Compliance checks of project sites against the blueprint (guideline 5.2 c, 5.3) and the
 *        projects' site history.
 *
 * Keeps the control layers, plans, assessment zones and districts of the current blueprint
 * versions in memory (spgl::geo::PolygonLayerIndex, loaded on first use and reloaded when an
 * administrator imports or restores a layer). Checks on a project are stored with the layer
 * versions they used; the project's site is versioned (append-only history).
 */
class ComplianceService
{
public:
    ComplianceService(Database &db, BlueprintService &blueprint, ApprovalService &approvals);
    ~ComplianceService();

    /**
     * POST /blueprint/compliance: {"geometry"?, "project_id"?, "land_use"?}. With a project,
     * the geometry defaults to its current site, land_use to the project's, and the report is
     * stored with it. Throws ApiError (422 for a bad site, 404 for a project out of scope).
     */
    nlohmann::json check(const Principal &who, const nlohmann::json &body, std::int64_t now);
    /// GET /projects/{id}/compliance: the latest stored report (404 when never checked).
    nlohmann::json latest(const Principal &who, const std::string &projectId, std::int64_t now);
    /// PUT /projects/{id}/site: {"site": GeoJSON, "note"?} makes a new site version.
    nlohmann::json updateSite(const Principal &who, const std::string &projectId, const nlohmann::json &body,
                              std::int64_t now);
    /// GET /projects/{id}/site/versions: every version of the site, newest first.
    nlohmann::json siteVersions(const Principal &who, const std::string &projectId, std::int64_t now);

    /**
     * The blueprint facts of a site (GeoJSON) for the rules engine (ApprovalService's project
     * facts provider, guideline 5.3): {"assessments": [codes of the completed regional
     * assessments of the zones wholly containing the site], "assessment_zones": [{layer, zone,
     * assessments, completed, approved_by, valid_until}]}. {} for a site that cannot be read.
     */
    nlohmann::json facts(const nlohmann::json &site);

private:
    /// The checker of the current layers (@p assessmentsOnly: the assessment zones alone, for facts()).
    std::shared_ptr<const geo::ComplianceChecker> checker(bool assessmentsOnly = false);
    nlohmann::json runCheck(const std::string &siteGeoJson, const std::string &landUse);

    Database &m_db;
    BlueprintService &m_blueprint;
    ApprovalService &m_approvals;
    std::mutex m_mutex;
    std::string m_checkerKey; ///< the layer ids and versions m_checker was built from
    std::shared_ptr<const geo::ComplianceChecker> m_checker;
    std::shared_ptr<const geo::ComplianceChecker> m_assessmentChecker; ///< assessment zones only (facts)
    std::string m_assessmentKey;
    std::map<std::string, std::shared_ptr<const geo::PolygonLayerIndex>> m_indexes; ///< "<id>@<version>#<class column>"
};

} // namespace spgl::server
