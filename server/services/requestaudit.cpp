#include "services/requestaudit.h"

#include "core/beijingtime.h"
#include "http/apierror.h"
#include "storage/database.h"

#include <Poco/Logger.h>

#include <cstdlib>
#include <stdexcept>

namespace spgl::server {

namespace {
thread_local RequestAudit *t_current = nullptr;
} // namespace

RequestAudit::RequestAudit(AuditEntry entry)
    : m_entry(std::move(entry))
{}

void RequestAudit::checkOpen(const char *what) const
{
    // The row is already written: a late change of it would be lost (set it before, or pass it to record()).
    if (m_recorded || m_pending)
        throw std::logic_error(std::string("audit: ") + what + " after the audit row was recorded");
}

void RequestAudit::setActor(std::optional<std::int64_t> id, std::string name)
{
    checkOpen("actor set");
    m_entry.actorId = id;
    m_entry.actor = std::move(name);
}

void RequestAudit::setTarget(std::string target)
{
    checkOpen("target set");
    m_entry.target = std::move(target);
}

void RequestAudit::setDetail(std::string detail)
{
    checkOpen("detail set");
    m_entry.detail = std::move(detail);
}

void RequestAudit::record(Connection &c, const std::string &target, const std::string &detail, const std::string &actor)
{
    RequestAudit *audit = t_current;
    if (!audit)
        return;
    if (audit->m_recorded || audit->m_pending)
        throw std::logic_error("audit: a request records its audit row once, in the transaction of its change");
    if (!target.empty())
        audit->m_entry.target = target;
    if (!detail.empty())
        audit->m_entry.detail = detail;
    if (!actor.empty())
        audit->m_entry.actor = actor;
    audit->m_entry.at = beijing::nowMs();
    try {
        AuditLog::append(c, audit->m_entry);
    } catch (const DbError &e) {
        if (e.kind() == DbError::Kind::Retryable)
            throw; // the transaction runs again, and records again
        throw audit->writeFailed(e);
    }
    audit->m_pending = &c;
}

ApiError RequestAudit::writeFailed(const DbError &e) const
{
    Poco::Logger::get("spgl").critical("%s audit write failed, the change is rolled back: %s", m_entry.requestId,
                                       std::string(e.what()));
    return ApiError(503, "audit", "审计日志写入失败",
                    "审计日志无法写入，操作未执行，请稍后重试；如仍失败请联系管理员（请求编号 " + m_entry.requestId
                        + "）");
}

void RequestAudit::committed(Connection &c)
{
    if (m_pending == &c) {
        m_pending = nullptr;
        m_recorded = true;
    } else {
        ++m_otherWrites;
    }
}

void RequestAudit::rolledBack(Connection &c)
{
    if (m_pending == &c)
        m_pending = nullptr;
}

bool RequestAudit::finish(Database &db, int status)
{
    auto &log = Poco::Logger::get("spgl");
    if (m_recorded) {
        // (The row's result is the route's success status; a 201 for a 200 route is no news.)
        if (status >= 400)
            log.warning("%s audit: the change committed with its row, then the request failed with %d",
                        m_entry.requestId, status);
        return true;
    }
    const bool unrecordedChange = status < 400 && m_otherWrites > 0;
    if (unrecordedChange)
        log.error("%s audit: %s committed %d write transaction(s) without its audit row (appended afterwards; the "
                  "service should call RequestAudit::record in the transaction of the change)",
                  m_entry.requestId, m_entry.action, m_otherWrites);
    AuditEntry entry = m_entry;
    entry.at = beijing::nowMs();
    entry.result = status;
    try {
        AuditLog::append(db, entry);
    } catch (const std::exception &e) {
        log.critical("%s audit write failed: %s", m_entry.requestId, std::string(e.what()));
        return false;
    }
    // The test suites run the server with SPGL_AUDIT_STRICT=1: there such a request fails loudly.
    static const bool strict = std::getenv("SPGL_AUDIT_STRICT") != nullptr;
    if (unrecordedChange && strict)
        throw std::logic_error("audit: " + m_entry.action + " committed a change without its audit row");
    return true;
}

RequestAudit::Scope::Scope(RequestAudit &audit)
    : m_observer(audit)
    , m_previous(t_current)
{
    t_current = &audit;
}

RequestAudit::Scope::~Scope()
{
    t_current = m_previous;
}

} // namespace spgl::server
