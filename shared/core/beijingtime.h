#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace spgl::beijing {

/// Beijing time is UTC+8 all year (China has had no daylight saving time since 1991), so a fixed
/// offset converts instants exactly, whatever the machine's time zone.
inline constexpr std::int64_t kOffsetMs = 8LL * 3600 * 1000;

namespace detail {
/// How far nowMs() is set off the system clock (startClockAt).
inline std::atomic<std::int64_t> clockShiftMs{0};

inline std::int64_t systemMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}
} // namespace detail

/// Milliseconds since the Unix epoch, now (as set by startClockAt, else the system clock).
inline std::int64_t nowMs()
{
    return detail::systemMs() + detail::clockShiftMs.load(std::memory_order_relaxed);
}

/// Makes nowMs() read @p epochMs at once and run on from there, for tests and demonstrations of a
/// given day (spgl-server --now). Never in production: every deadline follows this clock.
inline void startClockAt(std::int64_t epochMs)
{
    detail::clockShiftMs.store(epochMs - detail::systemMs(), std::memory_order_relaxed);
}

/// The calendar date in Beijing of an instant.
inline std::chrono::year_month_day date(std::int64_t epochMs)
{
    using namespace std::chrono;
    const auto local = sys_days{} + floor<days>(milliseconds(epochMs + kOffsetMs));
    return year_month_day{local};
}

/// `YYYY-MM-DD` in Beijing.
inline std::string dateText(std::int64_t epochMs)
{
    const auto d = date(epochMs);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
    return buffer;
}

/// RFC 3339 with the +08:00 offset, to the second: `2025-09-30T10:00:00+08:00`.
inline std::string rfc3339(std::int64_t epochMs)
{
    using namespace std::chrono;
    const std::int64_t local = epochMs + kOffsetMs;
    const auto day = floor<days>(milliseconds(local));
    const year_month_day d{sys_days{} + day};
    const std::int64_t secondsOfDay = (local - duration_cast<milliseconds>(day).count()) / 1000;
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d+08:00", int(d.year()), unsigned(d.month()),
                  unsigned(d.day()), int(secondsOfDay / 3600), int(secondsOfDay / 60 % 60), int(secondsOfDay % 60));
    return buffer;
}

} // namespace spgl::beijing
