#include "services/auditlog.h"

#include "auth/tokenservice.h"

#include <algorithm>

namespace spgl::server {

namespace {
constexpr std::int64_t kAuditLock = 0x41554454; // "AUDT"
const std::string kGenesis(64, '0');
} // namespace

std::string AuditLog::rowHash(std::int64_t id, const AuditEntry &e, const std::string &prevHash)
{
    std::string canonical;
    const auto field = [&canonical](const std::string &v) {
        canonical += std::to_string(v.size());
        canonical += ':';
        canonical += v;
        canonical += '|';
    };
    field(std::to_string(id));
    field(std::to_string(e.at));
    field(e.requestId);
    field(e.actorId ? std::to_string(*e.actorId) : std::string("-"));
    field(e.actor);
    field(e.action);
    field(e.target);
    field(e.ip);
    field(std::to_string(e.result));
    field(e.detail);
    field(prevHash);
    return TokenService::sha256Hex(canonical);
}

void AuditLog::append(Connection &c, const AuditEntry &e)
{
    if (c.backend() == Backend::PostgreSql) {
        // Linked into the chain once committed (chainWaiting()): no writer holds the chain's end
        // until its commit.
        c.execute("INSERT INTO audit_waiting (at, request_id, actor_id, actor, action, target, ip, result, detail) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {e.at, e.requestId, sqlOptional(e.actorId), e.actor, e.action, e.target, e.ip, std::int64_t(e.result),
                   e.detail});
        c.placeAfterCommit(&AuditLog::chainWaiting);
        return;
    }
    chain(c, {e}); // SQLite: one writer, the chain's end is this transaction's
}

void AuditLog::chain(Connection &c, const std::vector<AuditEntry> &entries)
{
    c.lockChain(kAuditLock);
    const auto last = c.queryOne("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    std::int64_t id = last ? last->integer(0) : 0;
    std::string prev = last ? last->text(1) : kGenesis;
    for (const AuditEntry &e : entries) {
        ++id;
        std::string hash = rowHash(id, e, prev);
        c.execute("INSERT INTO audit_log (id, at, request_id, actor_id, actor, action, target, ip, result, detail, "
                  "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {id, e.at, e.requestId, sqlOptional(e.actorId), e.actor, e.action, e.target, e.ip,
                   std::int64_t(e.result), e.detail, prev, hash});
        prev = std::move(hash);
    }
}

void AuditLog::chainWaiting(Connection &c)
{
    c.lockChain(kAuditLock);
    const SqlRows rows = c.query("SELECT seq, at, request_id, actor_id, actor, action, target, ip, result, detail "
                                 "FROM audit_waiting ORDER BY seq");
    if (rows.empty())
        return;
    std::vector<AuditEntry> entries;
    entries.reserve(rows.size());
    for (const auto &r : rows)
        entries.push_back(AuditEntry{r.integer(1), r.text(2), r.optionalInteger(3), r.text(4), r.text(5), r.text(6),
                                     r.text(7), int(r.integer(8)), r.text(9)});
    chain(c, entries);
    // Exactly the rows read: one committed since (with a lower seq, written earlier) waits for the
    // next linking instead of vanishing unlinked.
    for (std::size_t i = 0; i < rows.size(); i += 500) {
        const std::size_t n = std::min<std::size_t>(500, rows.size() - i);
        std::string sql = "DELETE FROM audit_waiting WHERE seq IN (";
        SqlParams seqs;
        for (std::size_t k = 0; k < n; ++k) {
            sql += k ? ",?" : "?";
            seqs.push_back(rows[i + k].integer(0));
        }
        c.execute(sql + ")", seqs);
    }
}

void AuditLog::append(Database &db, const AuditEntry &entry)
{
    db.write([&](Connection &c) { append(c, entry); });
}

AuditLog::Verification AuditLog::verify(Database &db)
{
    Verification v;
    std::string prev = kGenesis;
    std::int64_t expectedId = 1;
    constexpr std::int64_t page = 5000;
    for (;;) {
        const SqlRows rows = db.read([&](Connection &c) {
            return c.query(
                "SELECT id, at, request_id, actor_id, actor, action, target, ip, result, detail, prev_hash, hash "
                "FROM audit_log WHERE id >= ? ORDER BY id LIMIT ?",
                {expectedId, page});
        });
        for (const auto &r : rows) {
            const std::int64_t id = r.integer(0);
            const auto broken = [&](std::string reason) {
                v.ok = false;
                v.firstBrokenId = id;
                v.reason = std::move(reason);
            };
            AuditEntry e{r.integer(1), r.text(2), r.optionalInteger(3), r.text(4), r.text(5),
                         r.text(6),    r.text(7), int(r.integer(8)),    r.text(9)};
            if (id != expectedId)
                broken("rows " + std::to_string(expectedId) + " to " + std::to_string(id - 1) + " are missing");
            else if (r.text(10) != prev)
                broken("the link to the previous row does not match (a row before it was changed or removed)");
            else if (rowHash(id, e, prev) != r.text(11))
                broken("the row's content does not match its hash (the row was changed)");
            if (!v.ok)
                return v;
            prev = r.text(11);
            ++expectedId;
            ++v.rows;
            v.headId = id;
            v.headHash = prev;
        }
        if (std::int64_t(rows.size()) < page)
            break;
    }
    return v;
}

} // namespace spgl::server
