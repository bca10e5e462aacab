#pragma once

#include "calendar/calendarlayer.h"
#include "core/result.h"

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace spgl {

/**
 * @brief The working-day calendar (工作日历): which days are worked, and deadlines counted in
 *        working days or natural days.
 *
 * Built from layers (see CalendarLayer): Monday–Friday are working days and Saturday–Sunday are
 * not; the national layer's holidays make days off and its adjusted working days (调休上班) make
 * weekend days worked; then each regional layer whose prefix starts the region code does the
 * same on top, the shorter prefix first, so that a regional holiday falling on a national
 * adjusted working day is off. An empty region code means the national calendar only.
 *
 * Days outside the years the layers describe follow the plain Monday–Friday rule; covers() tells
 * whether the national layer knows a year, so that callers can flag deadlines in a year whose
 * notice is not yet entered.
 *
 * For every layer combination a cumulative working-day index is precomputed, so isWorkday,
 * addWorkdays and workdaysBetween take constant time (plus a look-up of the region among the
 * layer prefixes). The index is shared: copying a WorkCalendar is cheap and a calendar is safe
 * to read from several threads.
 *
 * ## Counting rules
 * - A limit of n working days starting on day S (受理日) ends on the n-th working day after S:
 *   the start day itself is not counted, whatever the time of day (期间开始之日不计入).
 * - A limit of n natural days ends on S + n days. When that day is not a working day (weekend,
 *   holiday or regional holiday of the region), the deadline is postponed by default to the next
 *   working day, following 《民法典》第二百零三条 (期间的最后一日是法定休假日的，以法定休假日结束的次日
 *   为期间的最后一日) and 《民事诉讼法》 on 期间, which administrative procedure applies when a
 *   limit is in natural days. NaturalDayRule::Fixed keeps S + n unchanged for promises that say so.
 */
class WorkCalendar
{
public:
    using Date = std::chrono::year_month_day;

    /// What happens when a natural-day deadline falls on a day off.
    enum class NaturalDayRule {
        Postpone, ///< moves to the next working day (default, 民法典 第二百零三条)
        Fixed,    ///< stays on start + n days
    };

    /// A calendar without layers: Monday–Friday are the working days.
    WorkCalendar();

    /**
     * @brief Builds a calendar from layers.
     *
     * At most one national layer (empty prefix); regional layers apply in order of prefix length,
     * layers of equal prefix in the given order.
     */
    static Result<WorkCalendar> fromLayers(std::vector<CalendarLayer> layers);
    /// Builds a calendar from layer documents in the JSON form of CalendarLayer (national and
    /// regional layers, e.g. resources/calendar/cn-national.json and xj-regional.json).
    static Result<WorkCalendar> fromJson(const std::vector<nlohmann::json> &documents);
    /// Builds a calendar from layer files in the JSON form.
    static Result<WorkCalendar> fromFiles(const std::vector<std::string> &paths);

    /// The layers, national first.
    const std::vector<CalendarLayer> &layers() const;
    /// Whether the national layer holds the notice of year @p year.
    bool covers(int year) const;

    /// Whether @p date is a working day in region @p regionCode ("" = national calendar).
    bool isWorkday(Date date, std::string_view regionCode = {}) const;

    /**
     * @brief The deadline of a limit of @p n working days started on @p start.
     *
     * The n-th working day after @p start (the first working day after the start day is day 1).
     * n = 0 gives @p start; a negative n counts back (-1 = the last working day before start).
     */
    Date addWorkdays(Date start, int n, std::string_view regionCode = {}) const;

    /**
     * @brief The deadline of a limit of @p n natural days started on @p start: start + n days,
     *        postponed to the next working day when @p rule is Postpone and that day is off.
     */
    Date addDays(Date start, int n, std::string_view regionCode = {},
                 NaturalDayRule rule = NaturalDayRule::Postpone) const;

    /// The working days in (from, to]: elapsed working days between the two days, negative when
    /// @p to is before @p from.
    int workdaysBetween(Date from, Date to, std::string_view regionCode = {}) const;
    /// addWorkdays() and workdaysBetween() on std::chrono::sys_days: the same results without the
    /// conversions to and from year_month_day (for Clock, which counts in days).
    std::chrono::sys_days addWorkdaysOn(std::chrono::sys_days start, int n, std::string_view regionCode = {}) const;
    int workdaysBetweenOn(std::chrono::sys_days from, std::chrono::sys_days to, std::string_view regionCode = {}) const;
    /// The working days elapsed between two instants (epoch milliseconds), counted on their
    /// Beijing-time days: the working days after the day of @p fromMs up to the day of @p toMs.
    int workdaysBetween(std::int64_t fromMs, std::int64_t toMs, std::string_view regionCode = {}) const;

    /// The holidays and adjusted working days of year @p year in every layer: one layer per
    /// layer that has the year, holding only that year (national first).
    std::vector<CalendarLayer> year(int year) const;
    /// Same, restricted to the layers that apply to @p regionCode ("" = national only).
    std::vector<CalendarLayer> year(int year, std::string_view regionCode) const;

private:
    struct Index;
    struct View;
    struct Data;

    const Index &indexFor(std::string_view regionCode) const;

    std::shared_ptr<const Data> m_data;
};

} // namespace spgl
