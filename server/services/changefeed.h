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
 * record() takes the feed's order lock first and holds it until the transaction ends, so that a
 * row's sequence number never lands behind one that commits later: call it as late in the write
 * transaction as possible, once, with every change the transaction makes.
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
};

} // namespace spgl::server
