#pragma once

#include "auth/principal.h"
#include "services/approvalservice.h"
#include "storage/database.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace spgl::server {

class AnnotationService;

/**
 * @brief The sync protocol of the offline desktop (ARCHITECTURE §6, API.md `/sync/…`).
 *
 * Down: the change feed in server sequence, filtered by the caller's scope and role (a reviewer
 * gets the cases of their department and the applications and projects those cases belong to;
 * window clerks, coordinators and supervisors everything in their region; applicants their own),
 * each change with the entity's current data. Up: a batch of ops, each run through the same
 * engine and permissions as an online request, all in one transaction (with the push's audit
 * row), which also stores each answer under the op's id: an op sent twice is applied once and
 * gets the same answer.
 */
class SyncService
{
public:
    SyncService(Database &db, ApprovalService &approvals, AnnotationService &annotations)
        : m_db(db)
        , m_approvals(approvals)
        , m_annotations(&annotations)
    {}

    /// GET /sync/changes?since=&limit= → {changes, next, has_more}, as JSON text (stored
    /// application states and event views are spliced in without being parsed again).
    std::string changes(const Principal &who, const std::optional<std::string> &since,
                        const std::optional<std::string> &limit, std::int64_t now);
    /// POST /sync/push {device_id, ops:[{op_id, command, target, expected_version, args}]} → {results}.
    nlohmann::json push(const nlohmann::json &body, const Principal &who, std::int64_t now);

    /// Most ops in one push.
    static constexpr std::size_t kMaxOps = 200;

private:
    nlohmann::json pushOne(Connection &c, const nlohmann::json &op, const std::string &device, const Principal &who,
                           std::int64_t now);
    /// The additive map ops: `annotate` (target: project id) and `annotation_status` (target: annotation id).
    nlohmann::json pushAnnotation(Connection &c, const nlohmann::json &op, const std::string &opId,
                                  const std::string &commandName, const std::string &device, const Principal &who,
                                  std::int64_t now);
    /// The audit detail of a push: the device, how many ops ended how, the applied op ids.
    static std::string pushSummary(const std::string &device, const nlohmann::json &results);

    Database &m_db;
    ApprovalService &m_approvals;
    AnnotationService *m_annotations;
};

} // namespace spgl::server
