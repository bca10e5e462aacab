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
    if (m_interval.count() <= 0)
        return;
    m_thread.start([this] {
        scan();
        return std::chrono::duration_cast<std::chrono::milliseconds>(m_interval);
    });
}

void ClockJob::stop()
{
    m_thread.stop();
}

void ClockJob::scan()
{
    auto &log = Poco::Logger::get("spgl.clock");
    try {
        const auto started = std::chrono::steady_clock::now();
        const int changes = m_approvals.scanClocks(beijing::nowMs());
        const auto ms
            = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        if (changes > 0)
            log.information("deadline scan: %d level changes (%Ld ms)", changes, static_cast<long long>(ms));
    } catch (const std::exception &e) {
        log.error("deadline scan failed: %s", std::string(e.what()));
    }
}

} // namespace spgl::server
