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
    c.lockChain(kFeedLock);
    for (const Change &ch : changes)
        c.execute("INSERT INTO changes (entity, entity_id, version, op, region_code, department, owner_id, at) "
                  "VALUES (?, ?, ?, 'upsert', ?, ?, ?, ?)",
                  {ch.entity, ch.id, ch.version, ch.region, ch.department, sqlOptional(ch.owner), now});
}

} // namespace spgl::server
