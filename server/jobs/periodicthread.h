#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace spgl::server {

/**
 * A background thread that runs one piece of work again and again until it is stopped: after
 * the first pause, then after the pause each run returns (so a failing run can wait longer).
 * stop() — and the destructor — wake a pause at once and join; a run in progress finishes first.
 * The deadline scan, the calendar's reload check and the database's write watcher use it.
 */
class PeriodicThread
{
public:
    using Work = std::function<std::chrono::milliseconds()>;

    PeriodicThread() = default;
    ~PeriodicThread();
    PeriodicThread(const PeriodicThread &) = delete;
    PeriodicThread &operator=(const PeriodicThread &) = delete;

    /// Starts the thread unless it runs already: waits @p first, then calls @p work and waits
    /// what it returns, and so on.
    void start(Work work, std::chrono::milliseconds first = std::chrono::milliseconds(0));
    /// Stops and joins the thread (nothing when it does not run).
    void stop();
    bool running() const { return m_thread.joinable(); }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace spgl::server
