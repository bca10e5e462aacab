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
    m_thread.stop();
}

std::optional<DataGeneration> WriteWatcher::generation()
{
    std::call_once(m_started, [this] { m_thread.start([this] { return poll(); }); });
    // Read the numbers before the flag: a poll that fails bumps the writes after clearing the
    // flag, so a reader that still sees the flag set holds a number that is about to go stale.
    // (Each number is read before the data; one that moves in between only makes the answer
    // older than it is.)
    DataGeneration g;
    g.writes = m_writes.load(std::memory_order_acquire);
    g.tick = m_tick.load(std::memory_order_acquire);
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

std::chrono::milliseconds WriteWatcher::poll()
{
    try {
        if (!m_connection)
            m_connection = m_connect();
        const std::string now = marker(*m_connection);
        if (now != m_last) {
            m_writes.fetch_add(1, std::memory_order_acq_rel);
            m_last = now;
        }
        const auto at = std::chrono::steady_clock::now();
        if (m_connection->backend() == Backend::PostgreSql && at - m_lastTick >= kOutsideEdits) {
            m_tick.fetch_add(1, std::memory_order_acq_rel);
            m_lastTick = at;
        }
        m_watching.store(true, std::memory_order_release);
        m_failing = false;
        return m_interval;
    } catch (const std::exception &e) {
        m_watching.store(false, std::memory_order_release);
        m_writes.fetch_add(1, std::memory_order_acq_rel);
        m_connection.reset();
        m_last.clear();
        if (!m_failing)
            Poco::Logger::get("spgl").warning("cannot watch the database for changes, answers are not kept: %s",
                                              std::string(e.what()));
        m_failing = true;
        return std::chrono::milliseconds(1000);
    }
}

} // namespace spgl::server
