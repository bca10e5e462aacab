#include "http/responsecache.h"

namespace spgl::server {

namespace {
std::size_t cost(const std::string &key, const Response &r)
{
    std::size_t n = key.size() + r.body.size() + r.contentType.size() + 64;
    for (const auto &[name, value] : r.headers)
        n += name.size() + value.size();
    return n;
}
} // namespace

ResponseCache::ResponseCache(std::size_t maxBytes)
    : m_maxBytes(maxBytes)
{}

std::optional<Response> ResponseCache::find(const std::string &key, std::uint64_t generation)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_index.find(key);
    if (it == m_index.end())
        return std::nullopt;
    if (it->second->generation > generation)
        return std::nullopt; // kept by a request that started later; this one is older
    if (it->second->generation < generation) {
        // Stale for good: generations only move forward.
        m_bytes -= cost(key, it->second->response);
        m_entries.erase(it->second);
        m_index.erase(it);
        return std::nullopt;
    }
    m_entries.splice(m_entries.begin(), m_entries, it->second);
    return it->second->response;
}

void ResponseCache::store(const std::string &key, std::uint64_t generation, const Response &response)
{
    if (response.status != 200 || response.writer || cost(key, response) > m_maxBytes / 2)
        return;
    std::lock_guard lock(m_mutex);
    if (const auto it = m_index.find(key); it != m_index.end()) {
        if (it->second->generation > generation)
            return; // a newer answer is already kept
        m_bytes -= cost(key, it->second->response);
        m_entries.erase(it->second);
        m_index.erase(it);
    }
    m_entries.push_front(Entry{key, generation, response});
    m_index.emplace(key, m_entries.begin());
    m_bytes += cost(key, response);
    evict();
}

void ResponseCache::evict()
{
    while (m_bytes > m_maxBytes && !m_entries.empty()) {
        m_bytes -= cost(m_entries.back().key, m_entries.back().response);
        m_index.erase(m_entries.back().key);
        m_entries.pop_back();
    }
}

std::size_t ResponseCache::bytes() const
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

std::size_t ResponseCache::size() const
{
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

} // namespace spgl::server
