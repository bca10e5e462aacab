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

std::optional<Response> ResponseCache::find(const std::string &key, DataGeneration generation)
{
    std::unique_lock lock(m_mutex);
    const Kept kept = lookUpLocked(key, generation);
    lock.unlock();
    if (!kept.response || kept.due)
        return std::nullopt;
    return *kept.response;
}

Response ResponseCache::answer(const std::string &key, DataGeneration generation,
                               const std::function<Response()> &compute, bool *hit)
{
    // The lock is held only to decide; an answer is copied after (bodies are tens of KB, and
    // sixty request threads may be asking).
    std::unique_lock lock(m_mutex);
    const Kept kept = lookUpLocked(key, generation);
    std::shared_ptr<const Response> served;
    if (kept.response && !kept.due) {
        served = kept.response;
    } else if (const auto it = m_flights.find(key);
               it != m_flights.end() && it->second->generation.writes == generation.writes) {
        // Someone reads it already: an answer kept that is only due serves meanwhile; else wait.
        if (kept.response) {
            served = kept.response;
        } else {
            const std::shared_ptr<Flight> flight = it->second;
            m_landed.wait(lock, [&] { return flight->done; });
            served = flight->response;
            if (!served) {
                // It could not be kept (an error): this request finds out for itself.
                lock.unlock();
                if (hit)
                    *hit = false;
                return compute();
            }
        }
    }
    if (served) {
        lock.unlock();
        if (hit)
            *hit = true;
        return *served;
    }
    auto flight = std::make_shared<Flight>();
    flight->generation = generation;
    m_flights[key] = flight;
    lock.unlock();
    if (hit)
        *hit = false;
    Response computed;
    try {
        computed = compute();
    } catch (...) {
        lock.lock();
        landLocked(key, flight);
        throw;
    }
    std::shared_ptr<const Response> keep;
    if (keepable(computed))
        keep = std::make_shared<const Response>(computed);
    lock.lock();
    if (keep) {
        storeLocked(key, generation, keep);
        flight->response = keep;
    }
    landLocked(key, flight);
    lock.unlock();
    return computed;
}

void ResponseCache::landLocked(const std::string &key, const std::shared_ptr<Flight> &flight)
{
    flight->done = true;
    if (const auto it = m_flights.find(key); it != m_flights.end() && it->second == flight)
        m_flights.erase(it);
    m_landed.notify_all();
}

ResponseCache::Kept ResponseCache::lookUpLocked(const std::string &key, DataGeneration generation)
{
    const auto it = m_index.find(key);
    if (it == m_index.end())
        return {};
    const DataGeneration &stored = it->second->generation;
    if (stored.writes > generation.writes)
        return {}; // kept by a request that started later; this one is older
    if (stored.writes < generation.writes) {
        // Wrong for good: generations only move forward.
        m_bytes -= cost(key, *it->second->response);
        m_entries.erase(it->second);
        m_index.erase(it);
        return {};
    }
    m_entries.splice(m_entries.begin(), m_entries, it->second);
    return {it->second->response, stored.tick < generation.tick};
}

void ResponseCache::store(const std::string &key, DataGeneration generation, const Response &response)
{
    if (!keepable(response))
        return;
    auto kept = std::make_shared<const Response>(response);
    std::lock_guard lock(m_mutex);
    storeLocked(key, generation, kept);
}

void ResponseCache::storeLocked(const std::string &key, DataGeneration generation,
                                const std::shared_ptr<const Response> &response)
{
    if (cost(key, *response) > m_maxBytes / 2)
        return;
    if (const auto it = m_index.find(key); it != m_index.end()) {
        const DataGeneration &stored = it->second->generation;
        if (stored.writes > generation.writes || (stored.writes == generation.writes && stored.tick > generation.tick))
            return; // a newer answer is already kept
        m_bytes -= cost(key, *it->second->response);
        m_entries.erase(it->second);
        m_index.erase(it);
    }
    m_entries.push_front(Entry{key, generation, response});
    m_index.emplace(key, m_entries.begin());
    m_bytes += cost(key, *response);
    evict();
}

void ResponseCache::evict()
{
    while (m_bytes > m_maxBytes && !m_entries.empty()) {
        m_bytes -= cost(m_entries.back().key, *m_entries.back().response);
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
