#pragma once

#include "calendar/calendarlayer.h"
#include "core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace spgl {

/**
 * @brief iCalendar (RFC 5545) export and import of a calendar layer's year, so administrators
 *        can publish the calendar to calendar programs and load announced arrangements.
 *
 * ## Export
 * One VCALENDAR with one all-day VEVENT per holiday period (DTSTART;VALUE=DATE = first day,
 * DTEND;VALUE=DATE = the day after the last: DTEND is exclusive) and one per adjusted working
 * day. `CATEGORIES:HOLIDAY` marks a holiday, `CATEGORIES:WORKDAY` an adjusted working day; the
 * SUMMARY is the holiday's name, with "（调休上班）" appended for working days; DESCRIPTION holds
 * the note. The layer and year are carried in calendar properties X-SPGL-FORMAT, X-SPGL-LAYER,
 * X-SPGL-NAME, X-SPGL-REGION, X-SPGL-YEAR, X-SPGL-SOURCE and X-SPGL-CONFIRMED, so that an
 * import gives back exactly the exported year. Text is UTF-8 with RFC 5545 escaping, lines end
 * in CRLF and are folded at 75 octets (never inside a UTF-8 sequence).
 *
 * ## Import
 * Accepts CRLF or LF line ends, folded lines (space or tab continuation), a UTF-8 BOM, other
 * components (VTIMEZONE, VALARM) and unknown properties, which are skipped. Each VEVENT must be
 * all-day: DTSTART as a DATE and DTEND (exclusive), DURATION (PnD / PnW) or neither (one day).
 * Its kind comes from CATEGORIES (HOLIDAY / 放假 / 休 or WORKDAY / 调休上班 / 上班 / 补班 / 班),
 * else from X-APPLE-SPECIAL-DAY (WORK-HOLIDAY / ALTERNATE-WORKDAY), else from a SUMMARY suffix
 * such as "(休)" / "(班)" (the form of the chinese-days calendars); the suffix is removed from
 * the name. A multi-day working-day event gives one adjusted working day per day.
 *
 * Without X-SPGL-YEAR, a holiday belongs to the year of its last day, and an adjusted working
 * day to the year of the nearest holiday of the same name (else its own year), so that a file
 * of several years is split by notice (2018-12-29 worked for 元旦 2019 goes to 2019).
 *
 * Errors are returned with a Chinese message naming the line.
 */
class ICalendar
{
public:
    /**
     * @brief The .ics text of year @p year of @p layer.
     * @param stampMs the DTSTAMP of the events (epoch milliseconds), normally "now".
     */
    static Result<std::string> exportYear(const CalendarLayer &layer, int year, std::int64_t stampMs);

    /// Reads .ics text into a layer holding the years found (see the class description).
    static Result<CalendarLayer> parse(std::string_view text);
};

} // namespace spgl
