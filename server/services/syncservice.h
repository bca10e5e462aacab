#pragma once

#include "auth/principal.h"
#include "services/approvalservice.h"
#include "storage/database.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace spgl::server {

class AnnotationService;
class PlanningService;

/**
 * @brief The sync protocol of the offline desktop (ARCHITECTURE §6, API.md `/sync/…`).
 *
 * Down: the change feed in server sequence, filtered by the caller's scope and role (a reviewer
 * gets the cases of their department and the applications and projects those cases belong to;
 * window clerks, coordinators and supervisors everything in their region; applicants their own),
 * each change with the entity's current data. Up: a batch of ops, each run through the same
 * engine and permissions as an online request. The whole batch is one transaction, with the
 * push's audit row (a storage failure applies none of the ops; the client sends them again);
 * inside it each op runs to completion or leaves nothing (a savepoint), and its answer is stored
 * under the op's id: an op sent twice is applied once and gets the same answer. A `submit` op
 * (窗口代办 filed offline; target: the project id, args: the body of POST /applications) runs the
 * same submission as the online request; its answer carries the new application's `id`.
 */
class SyncService
{
public:
    SyncService(Database &db, ApprovalService &approvals, AnnotationService &annotations, PlanningService &planning)
        : m_db(db)
        , m_approvals(approvals)
        , m_annotations(&annotations)
        , m_planning(&planning)
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
    /// Runs @p apply for op @p opId once, on @p c inside a savepoint, and stores the answer under
    /// the op id (an op sent again gets the stored answer, marked "duplicate"). An ApiError from
    /// @p apply undoes what it wrote and becomes the answer: 409 "conflict" (with the current
    /// state), anything else "rejected" with the reason.
    nlohmann::json once(Connection &c, const std::string &opId, const std::string &commandName,
                        const std::string &target, const std::string &device, const Principal &who, std::int64_t now,
                        const std::function<nlohmann::json()> &apply);
    /// The additive map ops, which never conflict (no expected version): `annotate` (target:
    /// project id), `annotation_status` (target: annotation id), `plan_condition` (target:
    /// project id; a department's planning condition) and `plan_withdraw` (target: condition id).
    nlohmann::json pushAdditive(Connection &c, const nlohmann::json &op, const std::string &opId,
                                const std::string &commandName, const std::string &device, const Principal &who,
                                std::int64_t now);
    /// The audit detail of a push: the device, how many ops ended how, the applied op ids.
    static std::string pushSummary(const std::string &device, const nlohmann::json &results);

    Database &m_db;
    ApprovalService &m_approvals;
    AnnotationService *m_annotations;
    PlanningService *m_planning;
};

} // namespace spgl::server
