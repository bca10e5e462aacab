#pragma once

#include "core/beijingtime.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

/**
 * @file
 * @brief Calendar-day helpers of the working-day calendar: Beijing days of instants and the
 *        text forms of dates.
 *
 * Beijing time is UTC+8 with no daylight saving since 1991, so the calendar day of an instant
 * is computed with a fixed offset and never depends on the machine's time zone.
 */

namespace spgl {

/// Offset of Beijing time from UTC, in milliseconds (the one definition is in core/beijingtime.h).
inline constexpr std::int64_t kBeijingOffsetMs = beijing::kOffsetMs;
inline constexpr std::int64_t kMsPerDay = 24LL * 3600 * 1000;

/// The calendar day, in Beijing time, of an instant given in milliseconds since the Unix epoch.
inline std::chrono::sys_days beijingDay(std::int64_t epochMs)
{
    std::int64_t local = epochMs + kBeijingOffsetMs;
    std::int64_t days = local / kMsPerDay;
    if (local % kMsPerDay < 0)
        --days; // floor for instants before 1970
    return std::chrono::sys_days{std::chrono::days{days}};
}

/// The instant (epoch milliseconds) of 00:00 Beijing time on @p date, plus @p hour hours.
inline std::int64_t beijingMs(std::chrono::year_month_day date, int hour = 0)
{
    return std::int64_t(std::chrono::sys_days{date}.time_since_epoch().count()) * kMsPerDay - kBeijingOffsetMs
           + std::int64_t(hour) * 3600 * 1000;
}

/// Parses "YYYY-MM-DD" (exactly that shape); nullopt when malformed or not a real date.
std::optional<std::chrono::year_month_day> parseIsoDate(std::string_view text);
/**
 * Parses an RFC 3339 timestamp ("2025-09-30T23:30:00+06:00"; a fraction optional; Z or an
 * offset) into epoch milliseconds; nullopt when malformed. A '+' that a form encoder turned into
 * a space is accepted as '+', and a space for the 'T' too.
 */
std::optional<std::int64_t> parseRfc3339(std::string_view text);
/// Formats as "YYYY-MM-DD".
std::string isoDate(std::chrono::year_month_day date);
/// Parses the iCalendar DATE form "YYYYMMDD"; nullopt when malformed or not a real date.
std::optional<std::chrono::year_month_day> parseBasicDate(std::string_view text);
/// Formats as the iCalendar DATE form "YYYYMMDD".
std::string basicDate(std::chrono::year_month_day date);

} // namespace spgl
