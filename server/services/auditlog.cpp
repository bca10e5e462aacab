#include "services/auditlog.h"

#include "auth/tokenservice.h"
#include "storage/rowsinsert.h"

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
        // until its commit. Should the row fail once sent, its error's origin says "audit".
        c.executeLater(
            "INSERT INTO audit_waiting (at, request_id, actor_id, actor, action, target, ip, result, detail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {e.at, e.requestId, sqlOptional(e.actorId), e.actor, e.action, e.target, e.ip, std::int64_t(e.result),
             e.detail},
            kOrigin);
        c.placeAfterCommit(&AuditLog::chainWaiting);
        return;
    }
    // SQLite: one writer, the chain's end is this transaction's.
    const auto last = c.queryOne("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    chain(c, {e}, last ? last->integer(0) : 0, last ? last->text(1) : kGenesis);
}

void AuditLog::chain(Connection &c, const std::vector<AuditEntry> &entries, std::int64_t lastId, std::string lastHash)
{
    RowsInsert rows("INSERT INTO audit_log (id, at, request_id, actor_id, actor, action, target, ip, result, detail, "
                    "prev_hash, hash)",
                    12);
    std::int64_t id = lastId;
    std::string prev = std::move(lastHash);
    for (const AuditEntry &e : entries) {
        ++id;
        std::string hash = rowHash(id, e, prev);
        rows.add({id, e.at, e.requestId, sqlOptional(e.actorId), e.actor, e.action, e.target, e.ip,
                  std::int64_t(e.result), e.detail, prev, hash});
        prev = std::move(hash);
    }
    rows.runLater(c);
}

void AuditLog::chainWaiting(Connection &c)
{
    c.lockChain(kAuditLock);
    // PostgreSQL only (SQLite chains at once). In one statement: the waiting rows taken out and
    // read — exactly those committed by now: one committed meanwhile (with a lower seq, written
    // earlier) waits for the next linking instead of vanishing unlinked; a rollback of this
    // transaction puts them back — and the chain's end, read after the lock above was granted.
    const SqlRows rows = c.query(
        "WITH taken AS (DELETE FROM audit_waiting RETURNING seq, at, request_id, actor_id, actor, action, target, ip, "
        "result, detail), tip AS (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) "
        "SELECT taken.*, tip.id, tip.hash FROM taken LEFT JOIN tip ON true ORDER BY taken.seq");
    if (rows.empty())
        return;
    std::vector<AuditEntry> entries;
    entries.reserve(rows.size());
    for (const auto &r : rows)
        entries.push_back(AuditEntry{r.integer(1), r.text(2), r.optionalInteger(3), r.text(4), r.text(5), r.text(6),
                                     r.text(7), int(r.integer(8)), r.text(9)});
    const SqlRow &first = rows.front();
    chain(c, entries, first.isNull(10) ? 0 : first.integer(10), first.isNull(11) ? kGenesis : first.text(11));
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
