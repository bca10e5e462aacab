#include "services/changefeed.h"

#include "storage/connection.h"

namespace spgl::server {

namespace {
constexpr std::int64_t kFeedLock = 0x5350474C4348; // "SPGLCH"
} // namespace

void ChangeFeed::record(Connection &c, const std::vector<Change> &changes, std::int64_t now)
{
    if (changes.empty())
        return;
    // SQLite has one writer: a row's place is the next one. On PostgreSQL the row waits for its
    // place until its transaction has committed (place()), so that no writer holds the feed's
    // order until its commit and a reader never passes a place that is filled later.
    const bool placedNow = c.backend() == Backend::Sqlite;
    for (const Change &ch : changes)
        c.execute(placedNow ? "INSERT INTO changes (entity, entity_id, version, op, region_code, department, owner_id, "
                              "at, pos) VALUES (?, ?, ?, 'upsert', ?, ?, ?, ?, (SELECT COALESCE(MAX(pos), 0) + 1 FROM "
                              "changes))"
                            : "INSERT INTO changes (entity, entity_id, version, op, region_code, department, owner_id, "
                              "at) VALUES (?, ?, ?, 'upsert', ?, ?, ?, ?)",
                  {ch.entity, ch.id, ch.version, ch.region, ch.department, sqlOptional(ch.owner), now});
    if (!placedNow)
        c.placeAfterCommit(&ChangeFeed::place);
}

void ChangeFeed::place(Connection &c)
{
    c.lockChain(kFeedLock);
    // In the order they were written; often the rows of several transactions at once. Row by row
    // on the primary key: a batch is a few rows, and one UPDATE … FROM joined against the whole
    // feed when the planner misjudged it.
    const SqlRows waiting = c.query("SELECT seq FROM changes WHERE pos IS NULL ORDER BY seq");
    if (waiting.empty())
        return;
    std::int64_t pos = c.queryOne("SELECT COALESCE(MAX(pos), 0) FROM changes")->integer(0);
    for (const auto &row : waiting)
        c.execute("UPDATE changes SET pos = ? WHERE seq = ?", {++pos, row.integer(0)});
}

} // namespace spgl::server
