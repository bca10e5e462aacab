#include "services/changefeed.h"

#include "storage/connection.h"
#include "storage/rowsinsert.h"

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
    std::int64_t pos = placedNow ? c.queryOne("SELECT COALESCE(MAX(pos), 0) FROM changes")->integer(0) : 0;
    RowsInsert rows(placedNow ? "INSERT INTO changes (entity, entity_id, version, op, region_code, department, "
                                "owner_id, at, pos)"
                              : "INSERT INTO changes (entity, entity_id, version, op, region_code, department, "
                                "owner_id, at)",
                    placedNow ? 9 : 8);
    for (const Change &ch : changes) {
        SqlParams row{ch.entity, ch.id, ch.version, "upsert", ch.region, ch.department, sqlOptional(ch.owner), now};
        if (placedNow)
            row.emplace_back(++pos);
        rows.add(std::move(row));
    }
    rows.runLater(c);
    if (!placedNow)
        c.placeAfterCommit(&ChangeFeed::place);
}

void ChangeFeed::place(Connection &c)
{
    c.lockChain(kFeedLock);
    // One statement for every committed row still waiting (often those of several transactions):
    // each goes to its seq shifted by one offset for the batch, so the batch keeps the order it
    // was written in and lands past every place given before. The offset is 0 unless a writer
    // committed after a later-numbered one was placed; places may then skip numbers, which a
    // reader's cursor (pos > cursor) does not mind.
    c.executeLater("UPDATE changes SET pos = seq + GREATEST(0, (SELECT COALESCE(MAX(pos), 0) FROM changes) "
                   "- (SELECT MIN(seq) FROM changes WHERE pos IS NULL) + 1) WHERE pos IS NULL");
}

} // namespace spgl::server
