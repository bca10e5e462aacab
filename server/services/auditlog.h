#pragma once

#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spgl::server {

/// One audit row before it is chained.
struct AuditEntry
{
    std::int64_t at = 0;
    std::string requestId;
    std::optional<std::int64_t> actorId;
    std::string actor;
    std::string action; ///< e.g. "POST /api/v1/auth/login"
    std::string target;
    std::string ip;
    int result = 0; ///< the HTTP status, or 0 for operator actions that succeeded
    std::string detail;
};

/**
 * The append-only, hash-chained audit log (guideline 7.4): each row stores the hash of the row
 * before it and its own hash over its fields and that link, so an edited, inserted or removed
 * row breaks the chain at that point.
 */
class AuditLog
{
public:
    /// The origin (DbError::origin) of a failure to write an audit row.
    static constexpr const char *kOrigin = "audit";

    struct Verification
    {
        bool ok = true;
        std::int64_t rows = 0;
        std::int64_t firstBrokenId = 0; ///< the first row that does not verify
        std::string reason;
        std::int64_t headId = 0; ///< the last row (record it outside to detect truncation)
        std::string headHash;
    };

    /// Appends within the caller's write transaction. On PostgreSQL the row is linked into the
    /// chain right after the transaction commits (chainWaiting()), so concurrent writers do not
    /// queue on the chain's end until their commits.
    static void append(Connection &c, const AuditEntry &entry);
    /// Links every committed row waiting in `audit_waiting` into the chain, in the order written.
    static void chainWaiting(Connection &c);
    /// Appends in a transaction of its own.
    static void append(Database &db, const AuditEntry &entry);
    static Verification verify(Database &db);
    /// The chained hash of a row's fields.
    static std::string rowHash(std::int64_t id, const AuditEntry &e, const std::string &prevHash);

private:
    /// Appends @p entries after the chain's end, row @p lastId with @p lastHash (the caller holds
    /// the chain's end: SQLite's one writer, or the chain's lock).
    static void chain(Connection &c, const std::vector<AuditEntry> &entries, std::int64_t lastId, std::string lastHash);
};

} // namespace spgl::server
