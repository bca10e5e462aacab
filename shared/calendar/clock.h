#pragma once

#include "calendar/workcalendar.h"
#include "core/result.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spgl {

/**
 * @brief The clock of a case (办件计时): a limit counted from acceptance, paused by 补正 and
 *        特别程序, with its deadline, remaining days and warning level.
 *
 * A pure value: the start instant, the limit and its unit, the region and the pauses. Every
 * computation takes the WorkCalendar and the instant "now" (epoch milliseconds) and reads the
 * clock as it stood at that instant: pauses that begin later are ignored and a pause still open
 * then (or ending later) counts as lasting until then. Instants are turned into days in Beijing
 * time (UTC+8), whatever the machine's time zone.
 *
 * ## Day rules (S = start day, the day of acceptance)
 * - The start day is not counted: with a limit of n working days the deadline is the n-th
 *   working day after S (see WorkCalendar::addWorkdays); with n natural days it is S + n,
 *   postponed to the next working day when that is a day off (WorkCalendar::addDays;
 *   setNaturalDayRule(Fixed) keeps S + n).
 * - A pause from instant A to instant B takes out the days after A's day up to and including
 *   B's day: the day a pause begins still counts as used, the day it ends does not (counting
 *   resumes the next day, as after acceptance). A pause that begins and ends on the same day
 *   takes out nothing.
 * - The deadline is the n-th counted (not paused) unit day after S: the paused working days
 *   (natural days for the day unit) push it back. A pause that begins on the deadline day
 *   itself still pushes it: with no day left, the deadline becomes the day the pause ends. A
 *   pause that begins after the deadline does not move it, so a case once overdue stays
 *   overdue and its first overdue date does not change.
 * - used: counted unit days in (S, today]; it does not advance while paused.
 * - remaining: the unit days in (today, deadline]; after the deadline, minus the unit days in
 *   (deadline, today]. With the working-day unit it equals limit − used up to the deadline.
 *   It is 0 on the deadline day, and stays 0 on the days off right after it.
 * - level: Overdue when today is after the deadline (the first overdue date is the day after
 *   the deadline, and does not change afterwards); otherwise Warning when remaining ≤
 *   warningDays (default 2); otherwise Normal. So the deadline day itself is a Warning day
 *   with 0 remaining, and a Saturday after a Friday deadline is Overdue with 0 remaining.
 */
class Clock
{
public:
    using Date = std::chrono::year_month_day;

    /// The unit of the limit.
    enum class Unit {
        Workday, ///< 工作日
        Day,     ///< 自然日
    };

    /// Warning level, as in the supervision systems: 1 normal, 2 预警, 3 超期.
    enum class Level {
        Normal = 1,
        Warning = 2,
        Overdue = 3,
    };

    /// A pause (补正, 特别程序): from @c start to @c end, open while @c end is empty.
    struct Pause
    {
        std::int64_t start = 0;          ///< epoch milliseconds
        std::optional<std::int64_t> end; ///< epoch milliseconds; empty: still paused

        bool operator==(const Pause &) const = default;
    };

    /// The clock read at one instant.
    struct State
    {
        Date deadline;       ///< the last day of the limit
        int used = 0;        ///< unit days used, pauses excluded
        int remaining = 0;   ///< see the class description
        int pausedDays = 0;  ///< unit days taken out by the pauses that moved the deadline
        bool paused = false; ///< a pause is open at the instant
        Level level = Level::Normal;
        std::optional<Date> firstOverdue; ///< the day after the deadline, when overdue

        bool operator==(const State &) const = default;
    };

    /// Default warning threshold, in unit days remaining.
    static constexpr int kDefaultWarningDays = 2;

    /**
     * @brief A running clock.
     * @param startMs the instant of acceptance (epoch milliseconds)
     * @param limit the limit, 0–36500 unit days
     * @param regionCode the region whose calendar applies ("" = national only)
     */
    static Result<Clock> create(std::int64_t startMs, int limit, Unit unit, std::string regionCode = {});

    std::int64_t start() const { return m_start; }
    int limit() const { return m_limit; }
    Unit unit() const { return m_unit; }
    const std::string &regionCode() const { return m_region; }
    const std::vector<Pause> &pauses() const { return m_pauses; }
    int warningDays() const { return m_warningDays; }
    /// Sets the warning threshold (≥ 0).
    Status setWarningDays(int days);
    /// For the natural-day unit: whether a deadline on a day off is postponed (default).
    WorkCalendar::NaturalDayRule naturalDayRule() const { return m_dayRule; }
    void setNaturalDayRule(WorkCalendar::NaturalDayRule rule) { m_dayRule = rule; }

    /// Whether the last pause is still open.
    bool paused() const;
    /// Opens a pause at @p atMs: not before the start nor before the end of the last pause,
    /// and not while already paused.
    Status pause(std::int64_t atMs);
    /// Closes the open pause at @p atMs (not before it began).
    Status resume(std::int64_t atMs);
    /// Appends a recorded pause (e.g. loaded from storage): same checks as pause() + resume().
    Status addPause(Pause pause);

    /// The deadline as of @p nowMs (an open pause counts until then).
    Date deadline(const WorkCalendar &calendar, std::int64_t nowMs) const;
    /// Everything at @p nowMs: deadline, used, remaining, paused, level, first overdue date.
    State state(const WorkCalendar &calendar, std::int64_t nowMs) const;
    /// Unit days used as of @p nowMs.
    int used(const WorkCalendar &calendar, std::int64_t nowMs) const { return state(calendar, nowMs).used; }
    /// Unit days remaining as of @p nowMs.
    int remaining(const WorkCalendar &calendar, std::int64_t nowMs) const { return state(calendar, nowMs).remaining; }
    /// The level as of @p nowMs.
    Level level(const WorkCalendar &calendar, std::int64_t nowMs) const { return state(calendar, nowMs).level; }
    /// The first overdue day, when overdue as of @p nowMs.
    std::optional<Date> firstOverdueDate(const WorkCalendar &calendar, std::int64_t nowMs) const
    {
        return state(calendar, nowMs).firstOverdue;
    }

    bool operator==(const Clock &) const = default;

private:
    Clock() = default;

    std::int64_t m_start = 0;
    int m_limit = 0;
    Unit m_unit = Unit::Workday;
    int m_warningDays = kDefaultWarningDays;
    WorkCalendar::NaturalDayRule m_dayRule = WorkCalendar::NaturalDayRule::Postpone;
    std::string m_region;
    std::vector<Pause> m_pauses;
};

} // namespace spgl
