#pragma once

#include "http/response.h"

#include <cstddef>
#include <cstdint>
#include <list>
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
 */
class ResponseCache
{
public:
    explicit ResponseCache(std::size_t maxBytes = 64u << 20);

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

    std::size_t m_maxBytes;
    std::size_t m_bytes = 0;
    mutable std::mutex m_mutex;
    std::list<Entry> m_entries; ///< most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> m_index;
};

} // namespace spgl::server
