#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spgl::server {

class Connection;

/**
 * @brief The sync change feed (`changes`, pulled by the desks, ARCHITECTURE §6): every change to
 *        an entity a desk caches, in commit order.
 *
 * A change's place in the feed (`pos`, the readers' cursor) is never taken by a transaction that
 * has not committed yet, so a reader cannot pass a place that is filled later. On SQLite (one
 * writer) record() gives it at once; on PostgreSQL the rows wait without a place until their
 * transaction has committed, and place() then gives every waiting row a place past all given
 * before, in a short transaction of its own (Connection::placeAfterCommit); places may skip
 * numbers. Concurrent writers thus share no lock until commit.
 */
class ChangeFeed
{
public:
    /// One entity's change.
    struct Change
    {
        std::string entity; ///< "project", "application", "case" or "annotation"
        std::string id;
        std::int64_t version = 0;
        std::string region;
        std::string department;            ///< the case's or annotation's department; "" otherwise
        std::optional<std::int64_t> owner; ///< the applicant whose feed carries it, if any
    };

    /// Appends @p changes (an upsert each) in the write transaction on @p c.
    static void record(Connection &c, const std::vector<Change> &changes, std::int64_t now);
    /// Gives every committed change still without a place a place past all given before, in the
    /// order written (places may skip numbers).
    static void place(Connection &c);
};

} // namespace spgl::server
