#pragma once

#include "http/response.h"

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
 * was computed, and is served only while the generation is still that one; so a change that
 * committed before the answer was read, or while it was being read, makes the next request
 * compute it again. The key names everything the answer depends on besides the data (the route,
 * the caller as their token describes them, the query). Least recently used entries go first
 * once the bodies exceed the byte budget.
 *
 * When the data changes while sixty desks ask for the same list, one request computes the new
 * answer and the others wait for it (answer()), instead of sixty identical queries at once.
 */
class ResponseCache
{
public:
    explicit ResponseCache(std::size_t maxBytes = 64u << 20);

    /// The answer kept under @p key for @p generation; else the one a request computing it right
    /// now gets (waiting for it); else @p compute's, kept. @p hit tells which (true: not computed
    /// by this call). An answer that cannot be kept (an error, a stream) is computed by each.
    Response answer(const std::string &key, std::uint64_t generation, const std::function<Response()> &compute,
                    bool *hit = nullptr);
    /// The answer kept under @p key for @p generation, if any.
    std::optional<Response> find(const std::string &key, std::uint64_t generation);
    /// Keeps @p response (a 200 with a body, no writer, at most half the budget) under @p key
    /// for @p generation, unless an answer of a later generation is kept already.
    void store(const std::string &key, std::uint64_t generation, const Response &response);

    std::size_t bytes() const;
    std::size_t size() const;

private:
    struct Entry
    {
        std::string key;
        std::uint64_t generation;
        Response response;
    };
    void evict();
    std::optional<Response> findLocked(const std::string &key, std::uint64_t generation);
    void storeLocked(const std::string &key, std::uint64_t generation, const Response &response);

    /// An answer being computed, for the requests that wait for it.
    struct Flight
    {
        std::uint64_t generation;
        bool done = false;
        std::optional<Response> response; ///< set when it could be kept
    };

    std::size_t m_maxBytes;
    std::size_t m_bytes = 0;
    mutable std::mutex m_mutex;
    std::list<Entry> m_entries; ///< most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> m_index;
    std::unordered_map<std::string, std::shared_ptr<Flight>> m_flights;
    std::condition_variable m_landed;
};

} // namespace spgl::server
