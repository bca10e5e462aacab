#pragma once

#include "jobs/periodicthread.h"
#include "storage/datageneration.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace spgl::server {

class Connection;

/**
 * Where the database stands (DataGeneration), so that answers computed from it can be kept until
 * it moves on (ResponseCache, AuthService's open sessions).
 *
 * The number of writes moves at once when this server commits a write transaction (Database
 * tells it: a server reads its own writes), and within one poll interval when anything else
 * writes. A thread of its own polls a cheap marker on a connection of its own:
 * - SQLite: `PRAGMA data_version`, which moves when any other connection commits (another
 *   process, an operator's command, a hand edit);
 * - PostgreSQL: the newest audit row and the newest change-feed row of this database. Every
 *   state-changing request of every spgl-server instance commits its audit row with its change
 *   (RequestAudit), and the background jobs write the change feed; both are appended in commit
 *   order. Changes made outside spgl-server (SQL by hand) write neither, so on PostgreSQL the
 *   tick moves every two seconds: an answer of an older tick is read again, and such edits
 *   show within that time (and the time that reading takes).
 * While the marker cannot be read (the database is down) there is no generation and nothing may
 * be served from what was kept.
 */
class WriteWatcher
{
public:
    /// @p connect opens the watcher's own connection (called on the watcher's thread).
    explicit WriteWatcher(std::function<std::unique_ptr<Connection>()> connect,
                          std::chrono::milliseconds interval = std::chrono::milliseconds(25));
    /// How often the tick moves on PostgreSQL: how long an answer stays unread at most there,
    /// whatever the marker says.
    static constexpr std::chrono::milliseconds kOutsideEdits{2000};
    ~WriteWatcher();
    WriteWatcher(const WriteWatcher &) = delete;
    WriteWatcher &operator=(const WriteWatcher &) = delete;

    /// The current generation, or nothing while outside writes cannot be seen. Starts the
    /// polling thread on first use (operator commands that never ask never poll).
    std::optional<DataGeneration> generation();
    /// A write transaction of this server committed.
    void committed() { m_writes.fetch_add(1, std::memory_order_acq_rel); }

private:
    /// One poll; returns the pause before the next.
    std::chrono::milliseconds poll();
    /// The marker, read on @p c, as text.
    static std::string marker(Connection &c);

    std::function<std::unique_ptr<Connection>()> m_connect;
    std::chrono::milliseconds m_interval;
    std::atomic<std::uint64_t> m_writes{1};
    std::atomic<std::uint64_t> m_tick{0};
    std::atomic<bool> m_watching{false}; ///< the last poll succeeded
    std::once_flag m_started;
    // The poller's own state (only its thread touches it).
    std::unique_ptr<Connection> m_connection;
    std::string m_last;
    bool m_failing = false;
    std::chrono::steady_clock::time_point m_lastTick = std::chrono::steady_clock::now();
    PeriodicThread m_thread; // last: stopped before the state above goes
};

} // namespace spgl::server
