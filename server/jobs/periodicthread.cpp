#include "jobs/periodicthread.h"

namespace spgl::server {

PeriodicThread::~PeriodicThread()
{
    stop();
}

void PeriodicThread::start(Work work, std::chrono::milliseconds first)
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this, work = std::move(work), first] {
        std::unique_lock lock(m_mutex);
        auto pause = first;
        while (!m_wake.wait_for(lock, pause, [this] { return m_stopping; })) {
            lock.unlock();
            pause = work();
            lock.lock();
        }
    });
}

void PeriodicThread::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace spgl::server
