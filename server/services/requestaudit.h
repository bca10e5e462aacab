#pragma once

#include "http/apierror.h"
#include "services/auditlog.h"
#include "storage/transactionobserver.h"

#include <cstdint>
#include <optional>
#include <string>

namespace spgl::server {

class Connection;
class Database;

/**
 * The audit row of one state-changing request (or operator command), written exactly once and,
 * when the request changes state, in the same transaction as the change:
 *
 * - Success: the service whose write transaction makes the change calls
 *   RequestAudit::record(c, target, detail) inside it, as its last database step (before
 *   anything that cannot be rolled back, such as moving a file into place). The row is appended
 *   there, so the change and its row commit, or roll back, together (an append that fails rolls
 *   the change back and the client gets a 503). Its result is the status a success answers
 *   (the route's).
 * - Anything else (refused or failed before a change, an idempotent replay, a success that
 *   changed nothing): finish() appends the row afterwards with the status the client got. A
 *   refusal may have committed its own bookkeeping first (a failed login counts the failure,
 *   then answers 401): such a transaction does not call record(), so it never gets a success
 *   row; its request gets the after-the-fact row with the failure status.
 *
 * The dispatcher opens the audit of each audited request and makes it the thread's current one
 * for the handler's call (Scope); record() finds it through the thread, so services need no
 * extra parameter. Without a current audit (jobs, the demo generator, code outside requests)
 * record() does nothing.
 */
class RequestAudit final : public TransactionObserver
{
public:
    /// @p entry names the request (time, request id, actor, action, default target, address);
    /// its result is the status a success answers.
    explicit RequestAudit(AuditEntry entry);

    /// Who the request is about, before any change (the logged-in user, the name a login tried).
    void setActor(std::optional<std::int64_t> id, std::string name);
    /// What the request is about, when known before the change (refusals are audited with it).
    void setTarget(std::string target);
    void setDetail(std::string detail);
    const AuditEntry &entry() const { return m_entry; }

    /**
     * Inside the write transaction on @p c that makes the current request's change: appends the
     * request's audit row in that transaction (on SQLite it holds the audit chain's end until the
     * commit: call it last; on PostgreSQL the row is linked after the commit, and a failure to
     * write it may surface only at the commit, see writeFailed()). @p target, @p detail and
     * @p actor (a name), when not empty, replace what was set before (a created id is known only
     * here). Once per request.
     */
    static void record(Connection &c, const std::string &target = {}, const std::string &detail = {},
                       const std::string &actor = {});

    /// The answer to a request whose audit row could not be written (@p e; logged): 503, nothing
    /// changed. Also for a row that failed after it was sent (DbError::origin() AuditLog::kOrigin).
    ApiError writeFailed(const DbError &e) const;

    /// Whether the row committed together with a change.
    bool recorded() const { return m_recorded; }
    /// When the answer is known: appends the row with @p status unless it committed with the
    /// change. False when that append failed (logged). A success that committed a write
    /// transaction without the row is logged as an error (and throws std::logic_error when the
    /// environment sets SPGL_AUDIT_STRICT, as the test suites do).
    bool finish(Database &db, int status);

    /// Makes an audit the thread's current one (and its transaction observer) for a scope.
    class Scope
    {
    public:
        explicit Scope(RequestAudit &audit);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        TransactionObserver::Installed m_observer;
        RequestAudit *m_previous;
    };

private:
    void committed(Connection &c) override;
    void rolledBack(Connection &c) override;
    void checkOpen(const char *what) const;

    AuditEntry m_entry;
    Connection *m_pending = nullptr; ///< the transaction record() chose, until it ends
    bool m_recorded = false;
    int m_otherWrites = 0; ///< write transactions of the request that did not carry the row
};

} // namespace spgl::server
