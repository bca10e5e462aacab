#pragma once

#include "auth/principal.h"
#include "storage/database.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace spgl::server {

class ApprovalService;

/**
 * @brief Planning generation (项目策划生成, guideline 5.2 d): before an application, departments add
 *        conditions and required assessments to a project on the map (text + optional geometry);
 *        the coordinator merges them into a versioned planning opinion that the applicant reads on
 *        the portal and is notified of.
 *
 * Staff of the project's region see every condition; the project's applicant sees only the
 * merged opinions. Errors are ApiError (404 outside the caller's scope).
 */
class PlanningService
{
public:
    PlanningService(Database &db, ApprovalService &approvals);

    /// GET /projects/{id}/planning → {conditions (staff only), opinions, current}.
    nlohmann::json planning(const Principal &who, const std::string &projectId);
    /// POST /projects/{id}/planning/conditions {kind: condition|assessment, text, assessment?, geometry?}.
    nlohmann::json addCondition(const Principal &who, const std::string &projectId, const nlohmann::json &body,
                                std::int64_t now);
    /// The same inside the caller's transaction @p c (a desktop's queued op, pushed by sync).
    nlohmann::json addCondition(Connection &c, const Principal &who, const std::string &projectId,
                                const nlohmann::json &body, std::int64_t now);
    /// POST /planning/conditions/{id}/withdraw: by the department that added it (or the coordinator).
    nlohmann::json withdrawCondition(const Principal &who, const std::string &conditionId, std::int64_t now);
    /// The same inside the caller's transaction @p c.
    nlohmann::json withdrawCondition(Connection &c, const Principal &who, const std::string &conditionId,
                                     std::int64_t now);
    /// POST /projects/{id}/planning/opinion {text, condition_ids?}: the coordinator merges.
    nlohmann::json mergeOpinion(const Principal &who, const std::string &projectId, const nlohmann::json &body,
                                std::int64_t now);

private:
    struct ProjectRef
    {
        std::int64_t id = 0;
        std::string region;
        std::int64_t owner = 0;
    };
    ProjectRef checkProject(Connection &c, const Principal &who, const std::string &projectId);
    static nlohmann::json conditionFromRow(const SqlRow &r);

    Database &m_db;
    ApprovalService &m_approvals;
};

} // namespace spgl::server
