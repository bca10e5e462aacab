#include "jobs/clockjob.h"

#include "core/beijingtime.h"
#include "services/approvalservice.h"

#include <Poco/Logger.h>

namespace spgl::server {

ClockJob::ClockJob(ApprovalService &approvals, std::chrono::seconds interval)
    : m_approvals(approvals)
    , m_interval(interval)
{}

ClockJob::~ClockJob()
{
    stop();
}

void ClockJob::start()
{
    if (m_thread.joinable() || m_interval.count() <= 0)
        return;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void ClockJob::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ClockJob::run()
{
    auto &log = Poco::Logger::get("spgl.clock");
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        try {
            const auto started = std::chrono::steady_clock::now();
            const int changes = m_approvals.scanClocks(beijing::nowMs());
            const auto ms
                = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                      .count();
            if (changes > 0)
                log.information("deadline scan: %d level changes (%Ld ms)", changes, static_cast<long long>(ms));
        } catch (const std::exception &e) {
            log.error("deadline scan failed: %s", std::string(e.what()));
        }
        lock.lock();
        m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
    }
}

} // namespace spgl::server
