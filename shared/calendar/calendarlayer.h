#pragma once

#include "core/result.h"

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace spgl {

/**
 * @brief One layer of the working-day calendar: the holidays (放假) and adjusted working days
 *        (调休上班) that one authority announces each year, for the regions it governs.
 *
 * The national layer holds the State Council's yearly notice (国务院办公厅关于XXXX年部分节假日
 * 安排的通知); a regional layer holds a region's own holidays, e.g. Xinjiang's 肉孜节 and
 * 古尔邦节, and applies to the region codes that start with its prefix ("65").
 *
 * ## JSON form (format 1), as in resources/calendar/cn-national.json
 *
 * @code{.json}
 * {
 *   "format": 1,                       // required, must be 1
 *   "comment": "…",                    // optional, ignored
 *   "id": "cn-national",               // required, non-empty
 *   "name": "全国节假日安排",            // required
 *   "regionPrefix": "",                // "" = national; else 1–6 digits of GB/T 2260 codes
 *   "years": [{
 *     "year": 2024,                    // the year of the notice
 *     "source": "国务院办公厅关于…的通知（国办发明电〔2023〕7号）",
 *     "confirmed": true,               // false: entered from custom, not yet checked
 *     "holidays": [{"name": "春节", "from": "2024-02-10", "to": "2024-02-17", "note": "…"}],
 *     "workdays": [{"name": "春节", "date": "2024-02-04", "note": "…"}]
 *   }]
 * }
 * @endcode
 *
 * Dates are calendar days "YYYY-MM-DD" (Beijing time). Every day from `from` to `to` inclusive
 * is off, weekends included (a notice's 放假调休 period is listed whole). A notice may reach into
 * the neighbouring year (the 2019 notice's 元旦 starts 2018-12-30 with 2018-12-29 worked), so
 * dates may lie from December 1 of the year before to January 31 of the year after. `note` is
 * optional. Within one year of a layer no day may be both off and worked.
 */
class CalendarLayer
{
public:
    using Date = std::chrono::year_month_day;

    /// A holiday period: every day from @c from to @c to (inclusive) is off.
    struct Holiday
    {
        std::string name; ///< e.g. "春节", "国庆节、中秋节"
        Date from;
        Date to;
        std::string note; ///< optional remark, e.g. "5月3日是肉孜节"

        bool operator==(const Holiday &) const = default;
    };

    /// An adjusted working day (调休上班): a weekend day that is worked.
    struct Workday
    {
        std::string name; ///< the holiday the day is swapped for, e.g. "春节"
        Date date;
        std::string note;

        bool operator==(const Workday &) const = default;
    };

    /// The arrangements of one year's notice.
    struct Year
    {
        int year = 0;
        std::string source;     ///< the notice the entries come from
        bool confirmed = false; ///< whether checked against the published notice
        std::vector<Holiday> holidays;
        std::vector<Workday> workdays;

        bool operator==(const Year &) const = default;
    };

    /// The only format of the JSON form this version reads and writes.
    static constexpr int kFormat = 1;

    /**
     * @brief A layer without years.
     * @param regionPrefix "" for the national layer, else 1–6 digits.
     */
    static Result<CalendarLayer> create(std::string id, std::string name, std::string regionPrefix);
    /// Reads the JSON form (see the class description); every entry is validated.
    static Result<CalendarLayer> fromJson(const nlohmann::json &document);
    /// Parses and reads JSON text.
    static Result<CalendarLayer> fromJsonText(std::string_view text);
    /// Reads a JSON file (UTF-8).
    static Result<CalendarLayer> fromFile(const std::string &path);
    /// The JSON form; fromJson(toJson()) gives back an equal layer.
    nlohmann::json toJson() const;

    const std::string &id() const { return m_id; }
    const std::string &name() const { return m_name; }
    const std::string &regionPrefix() const { return m_regionPrefix; }
    bool national() const { return m_regionPrefix.empty(); }
    /// Whether the layer applies to @p regionCode: national layers to every code (even ""),
    /// regional ones to the codes starting with their prefix.
    bool appliesTo(std::string_view regionCode) const;

    /// The years, in ascending order.
    const std::vector<Year> &years() const { return m_years; }
    /// The entry of year @p year, or nullptr.
    const Year *year(int year) const;
    /// Adds the entry of a year, or replaces the existing one, after validate().
    Status setYear(Year entry);
    /// Removes the entry of a year; false when there was none.
    bool removeYear(int year);

    /// Checks one year's entries: names, date ranges, dates near the year, no day both off and
    /// worked.
    static Status validate(const Year &entry);

    bool operator==(const CalendarLayer &) const = default;

private:
    CalendarLayer() = default;

    std::string m_id;
    std::string m_name;
    std::string m_regionPrefix;
    std::vector<Year> m_years;
};

} // namespace spgl
