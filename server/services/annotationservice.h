#pragma once

#include "auth/principal.h"
#include "storage/database.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace spgl::server {

class ApprovalService;

/**
 * @brief Reviewers' annotations on a project's blueprint map (审查批注): points, lines and polygons
 *        with text, author, department, time and status.
 *
 * Drawn offline on the desktop and sent as additive sync ops (`annotate`, `annotation_status`):
 * the id is the client's UUID, so annotations of different departments never conflict and the
 * same op sent twice adds one annotation. Every department with a case of the project (and the
 * window, coordinators and supervisors of the region) sees them through the change feed;
 * applicants do not. Errors are ApiError (404 outside the caller's scope).
 */
class AnnotationService
{
public:
    AnnotationService(Database &db, ApprovalService &approvals);

    /// GET /projects/{id}/annotations.
    nlohmann::json list(const Principal &who, const std::string &projectId);
    /// POST /projects/{id}/annotations {id?, geometry, text, case_id?}.
    nlohmann::json add(const Principal &who, const std::string &projectId, const nlohmann::json &body,
                       std::int64_t now);
    /// PATCH /annotations/{id} {status}.
    nlohmann::json setStatus(const Principal &who, const std::string &id, const nlohmann::json &body, std::int64_t now);

    /// The same inside a write transaction the caller holds (sync push).
    nlohmann::json add(Connection &c, const Principal &who, const std::string &projectId, const nlohmann::json &body,
                       std::int64_t now);
    nlohmann::json setStatus(Connection &c, const Principal &who, const std::string &id, const nlohmann::json &body,
                             std::int64_t now);

    /// The JSON of one stored annotation row (SELECT annotationColumns()).
    static nlohmann::json fromRow(const SqlRow &r);
    static const char *columns();

private:
    /// The project's region when @p who may see it; throws 404 otherwise.
    std::string checkProject(Connection &c, const Principal &who, const std::string &projectId);

    Database &m_db;
    ApprovalService &m_approvals;
};

} // namespace spgl::server
