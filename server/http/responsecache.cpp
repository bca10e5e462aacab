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

/// Only plain successes are kept (an error or a streamed file is answered afresh).
bool keepable(const Response &r)
{
    return r.status == 200 && !r.writer;
}
} // namespace

ResponseCache::ResponseCache(std::size_t maxBytes)
    : m_maxBytes(maxBytes)
{}

std::optional<Response> ResponseCache::find(const std::string &key, std::uint64_t generation)
{
    std::lock_guard lock(m_mutex);
    return findLocked(key, generation);
}

Response ResponseCache::answer(const std::string &key, std::uint64_t generation,
                               const std::function<Response()> &compute, bool *hit)
{
    std::unique_lock lock(m_mutex);
    if (auto kept = findLocked(key, generation)) {
        if (hit)
            *hit = true;
        return std::move(*kept);
    }
    if (const auto it = m_flights.find(key); it != m_flights.end() && it->second->generation == generation) {
        const std::shared_ptr<Flight> flight = it->second;
        m_landed.wait(lock, [&] { return flight->done; });
        if (flight->response) {
            if (hit)
                *hit = true;
            return *flight->response;
        }
        // It could not be kept (an error): this request finds out for itself.
        lock.unlock();
        if (hit)
            *hit = false;
        return compute();
    }
    auto flight = std::make_shared<Flight>();
    flight->generation = generation;
    m_flights[key] = flight;
    lock.unlock();
    if (hit)
        *hit = false;
    std::optional<Response> computed;
    try {
        computed = compute();
    } catch (...) {
        lock.lock();
        flight->done = true;
        if (const auto it = m_flights.find(key); it != m_flights.end() && it->second == flight)
            m_flights.erase(it);
        m_landed.notify_all();
        throw;
    }
    lock.lock();
    if (keepable(*computed)) {
        storeLocked(key, generation, *computed);
        flight->response = *computed;
    }
    flight->done = true;
    if (const auto it = m_flights.find(key); it != m_flights.end() && it->second == flight)
        m_flights.erase(it);
    m_landed.notify_all();
    return std::move(*computed);
}

std::optional<Response> ResponseCache::findLocked(const std::string &key, std::uint64_t generation)
{
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
    std::lock_guard lock(m_mutex);
    storeLocked(key, generation, response);
}

void ResponseCache::storeLocked(const std::string &key, std::uint64_t generation, const Response &response)
{
    if (!keepable(response) || cost(key, response) > m_maxBytes / 2)
        return;
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
