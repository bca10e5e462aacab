#pragma once

#include "jobs/periodicthread.h"

#include <chrono>

namespace spgl::server {

class ApprovalService;

/**
 * @brief The deadline scan: a background thread that re-reads every open case's clock at a fixed
 *        interval (default every minute) and records level changes (normal → 预警 → 超期) with an
 *        alert, a notification and a change-feed row (ApprovalService::scanClocks).
 *
 * Several server instances may run it at once: a change is written only if the case row still
 * has the version that was read, so a level change is recorded once.
 */
class ClockJob
{
public:
    ClockJob(ApprovalService &approvals, std::chrono::seconds interval);
    ~ClockJob();
    ClockJob(const ClockJob &) = delete;
    ClockJob &operator=(const ClockJob &) = delete;

    /// Starts the thread (the first scan runs at once).
    void start();
    /// Stops and joins the thread; a scan in progress finishes first.
    void stop();

private:
    void scan();

    ApprovalService &m_approvals;
    std::chrono::seconds m_interval;
    PeriodicThread m_thread;
};

} // namespace spgl::server
