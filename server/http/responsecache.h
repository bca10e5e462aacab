#pragma once

#include "http/response.h"
#include "storage/datageneration.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace spgl::server {

/**
 * Answers of read routes kept until the database moves on (WriteWatcher's generation): a desk
 * that polls its case list every few seconds, or sixty of them, cost one query per change
 * instead of one per request. An entry is stored with the generation read *before* its answer
 * was computed, and is served only while the generation's writes are still those; so a change
 * that committed before the answer was read, or while it was being read, makes the next request
 * compute it again. The key names everything the answer depends on besides the data (the route,
 * the caller as their token describes them, the query). Least recently used entries go first
 * once the bodies exceed the byte budget.
 *
 * When the data changes while sixty desks ask for the same list, one request computes the new
 * answer and the others wait for it (answer()), instead of sixty identical queries at once.
 * When only the tick moved (no write seen, but edits outside spgl-server would not be seen),
 * the answer is due to be read again: one request reads it, and the others are served the
 * answer kept meanwhile instead of all waiting.
 */
class ResponseCache
{
public:
    explicit ResponseCache(std::size_t maxBytes = 64u << 20);

    /// The answer kept under @p key for @p generation; else the one a request computing it right
    /// now gets (waiting for it, or, when the answer kept is only due, not waiting: that one);
    /// else @p compute's, kept. @p hit tells which (true: not computed by this call). An answer
    /// that cannot be kept (an error, a stream) is computed by each.
    Response answer(const std::string &key, DataGeneration generation, const std::function<Response()> &compute,
                    bool *hit = nullptr);
    /// The answer kept under @p key for @p generation (not due), if any.
    std::optional<Response> find(const std::string &key, DataGeneration generation);
    /// Keeps @p response (a 200 with a body, no writer, at most half the budget) under @p key
    /// for @p generation, unless an answer of a later generation is kept already.
    void store(const std::string &key, DataGeneration generation, const Response &response);

    std::size_t bytes() const;
    std::size_t size() const;

private:
    struct Entry
    {
        std::string key;
        DataGeneration generation;
        std::shared_ptr<const Response> response; ///< shared with the requests it is being copied for
    };
    /// What is kept under a key for a request at some generation.
    struct Kept
    {
        std::shared_ptr<const Response> response; ///< nothing usable
        bool due = false;                         ///< right as far as anyone knows, due to be read again
    };
    void evict();
    /// Drops an entry of older writes (wrong for good); moves a usable one to the front.
    Kept lookUpLocked(const std::string &key, DataGeneration generation);
    void storeLocked(const std::string &key, DataGeneration generation,
                     const std::shared_ptr<const Response> &response);

    /// An answer being computed, for the requests that wait for it.
    struct Flight
    {
        DataGeneration generation;
        bool done = false;
        std::shared_ptr<const Response> response; ///< set when it could be kept
    };
    /// @p flight is done (with its response, if it could be kept): its waiters go on.
    void landLocked(const std::string &key, const std::shared_ptr<Flight> &flight);

    std::size_t m_maxBytes;
    std::size_t m_bytes = 0;
    mutable std::mutex m_mutex;
    std::list<Entry> m_entries; ///< most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> m_index;
    std::unordered_map<std::string, std::shared_ptr<Flight>> m_flights;
    std::condition_variable m_landed;
};

} // namespace spgl::server
