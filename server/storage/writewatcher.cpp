#include "storage/writewatcher.h"

#include "storage/connection.h"

#include <Poco/Logger.h>

#include <exception>

namespace spgl::server {

WriteWatcher::WriteWatcher(std::function<std::unique_ptr<Connection>()> connect, std::chrono::milliseconds interval)
    : m_connect(std::move(connect))
    , m_interval(interval)
{}

WriteWatcher::~WriteWatcher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::optional<std::uint64_t> WriteWatcher::generation()
{
    std::call_once(m_started, [this] { m_thread = std::thread([this] { run(); }); });
    // Read the number before the flag: a poll that fails bumps the number after clearing the
    // flag, so a reader that still sees the flag set holds a number that is about to go stale.
    const std::uint64_t g = m_generation.load(std::memory_order_acquire);
    if (!m_watching.load(std::memory_order_acquire))
        return std::nullopt;
    return g;
}

std::string WriteWatcher::marker(Connection &c)
{
    if (c.backend() == Backend::PostgreSql) {
        const auto row = c.queryOne(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM audit_log), (SELECT COALESCE(MAX(seq), 0) FROM changes)");
        return std::to_string(row->integer(0)) + "/" + std::to_string(row->integer(1));
    }
    return std::to_string(c.queryOne("PRAGMA data_version")->integer(0));
}

void WriteWatcher::run()
{
    std::unique_ptr<Connection> connection;
    std::string last;
    bool failedBefore = false;
    auto lastMove = std::chrono::steady_clock::now();
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        lock.unlock();
        try {
            if (!connection)
                connection = m_connect();
            const std::string now = marker(*connection);
            const auto at = std::chrono::steady_clock::now();
            if (now != last || (connection->backend() == Backend::PostgreSql && at - lastMove >= kOutsideEdits)) {
                m_generation.fetch_add(1, std::memory_order_acq_rel);
                last = now;
                lastMove = at;
            }
            m_watching.store(true, std::memory_order_release);
            failedBefore = false;
        } catch (const std::exception &e) {
            m_watching.store(false, std::memory_order_release);
            m_generation.fetch_add(1, std::memory_order_acq_rel);
            connection.reset();
            last.clear();
            if (!failedBefore)
                Poco::Logger::get("spgl").warning("cannot watch the database for changes, answers are not kept: %s",
                                                  std::string(e.what()));
            failedBefore = true;
        }
        lock.lock();
        m_wake.wait_for(lock, failedBefore ? std::chrono::milliseconds(1000) : m_interval, [this] { return m_stop; });
    }
}

} // namespace spgl::server
