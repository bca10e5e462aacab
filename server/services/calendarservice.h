#pragma once

#include "calendar/calendarlayer.h"
#include "calendar/workcalendar.h"
#include "jobs/periodicthread.h"
#include "storage/database.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spgl::server {

/**
 * The server's working-day calendar (工作日历) and its administration.
 *
 * At start the shipped layers (national and Xinjiang, resources/calendar, compiled into the
 * binary) are overlaid by the layer-years administrators edited, stored in `calendar_years`
 * with every version kept in `calendar_year_versions` (migration 0004). calendar() returns the
 * current calendar: a cheap copy of an immutable snapshot swapped under a mutex after an edit.
 * Each edit bumps the `calendar_revision` setting; a background thread compares it every few
 * seconds and reloads, so that several server instances on one PostgreSQL agree.
 *
 * Layers are named in the API by a key: `national` (the State Council's notices) and `xj`
 * (Xinjiang's 肉孜节 and 古尔邦节); their ids (`cn-national`, `xj-regional`) are accepted too.
 * Version 1 of a year that ships with the binary is the shipped data; edits count up from it.
 *
 * An edit never changes a deadline that has already been reached: a change of any day on or
 * before today (Beijing time) — a holiday added or removed, an adjusted working day added,
 * removed or moved — is refused with 422 naming the dates. Names, notes, source and the
 * confirmed flag of past days may still be corrected.
 *
 * All checks are here; they throw ApiError (400/422 with field errors, 404, 409).
 */
class CalendarService
{
public:
    using Date = std::chrono::year_month_day;

    /// The longest limit a deadline query may ask for.
    static constexpr int kMaxDays = 3650;

    /// The answer to a deadline query.
    struct Deadline
    {
        Date start{};     ///< the start day (Beijing), not counted
        Date deadline{};  ///< the last day of the limit
        std::string unit; ///< "workday" or "day"
        int days = 0;
        std::string region;       ///< "" = national calendar only
        std::vector<Date> counts; ///< the days counted: working days, or natural days
        bool covered = false;     ///< whether the national layer knows every year touched
        bool postponed = false;   ///< unit=day: the end fell on a day off and was moved
    };

    /// One layer's entry of one year, as the year listing shows it.
    struct LayerYear
    {
        std::string key; ///< "national", "xj"
        std::string id;
        std::string name;
        std::string regionPrefix;
        std::optional<CalendarLayer::Year> entry; ///< empty when the layer does not know the year
        int version = 0;                          ///< 0 when unknown
    };

    struct YearView
    {
        int year = 0;
        std::string region;
        bool covered = false;
        std::vector<LayerYear> layers; ///< national first, then the regional layers that apply
    };

    /// The result of an edit (PUT, import, revert).
    struct Edit
    {
        std::string key;
        std::string id;
        int year = 0;
        int version = 0;
        bool changed = false; ///< false when the data was already the same (no new version)
        nlohmann::json data;  ///< the layer-year JSON now in force
        std::string updatedBy;
        std::int64_t updatedAt = 0;
    };

    /// One version of a layer-year.
    struct Version
    {
        int version = 0;
        bool builtin = false; ///< the shipped data (version 1 of shipped years)
        std::string action;   ///< "builtin", "edit", "import", "revert"
        std::optional<int> basedOn;
        std::string updatedBy;
        std::int64_t updatedAt = 0;
        nlohmann::json data;
    };

    struct Versions
    {
        std::string key;
        std::string id;
        int year = 0;
        int current = 0;
        std::vector<Version> items; ///< newest first
    };

    /// Loads the shipped layers and the edits in @p db; starts polling for other instances' edits
    /// every @p pollInterval (0 = never). Throws std::runtime_error when the shipped data is bad.
    explicit CalendarService(Database &db, std::chrono::milliseconds pollInterval = std::chrono::seconds(2));
    ~CalendarService();
    CalendarService(const CalendarService &) = delete;
    CalendarService &operator=(const CalendarService &) = delete;

    /// The current calendar (a cheap copy; safe to use from any thread).
    WorkCalendar calendar() const;
    /// Rereads the edits from the database now and swaps the calendar.
    void reload();

    /// GET /calendar/deadline: parameters as received (query text); throws 400/422 naming them.
    Deadline deadline(const std::optional<std::string> &start, const std::optional<std::string> &days,
                      const std::optional<std::string> &unit, const std::optional<std::string> &region) const;
    /// GET /calendar/{year}.
    YearView year(const std::string &yearText, const std::optional<std::string> &region) const;
    /// GET /calendar/{year}.ics: the iCalendar text of one layer's year; @p fileName receives a
    /// file name for Content-Disposition.
    std::string exportIcs(const std::string &yearText, const std::optional<std::string> &layer,
                          std::string &fileName) const;

    /// PUT /admin/calendar/{layer}/{year}: @p body is the layer-year JSON plus `expected_version`.
    Edit putYear(const std::string &layer, const std::string &yearText, const nlohmann::json &body,
                 const std::string &actor);
    /// POST /admin/calendar/{layer}/{year}/import: replaces the year with the .ics text's days.
    Edit importIcs(const std::string &layer, const std::string &yearText, std::string_view ics,
                   const std::optional<std::string> &expectedVersion, const std::string &actor);
    /// GET /admin/calendar/{layer}/{year}/versions.
    Versions versions(const std::string &layer, const std::string &yearText) const;
    /// POST /admin/calendar/{layer}/{year}/revert: `{"version": n, "expected_version"?: m}`.
    Edit revert(const std::string &layer, const std::string &yearText, const nlohmann::json &body,
                const std::string &actor);

    /// The API key of a layer: "national" for the national layer, else its id up to the first '-'.
    static std::string layerKey(const CalendarLayer &layer);

private:
    struct Snapshot
    {
        WorkCalendar calendar;
        std::map<std::pair<std::string, int>, int> versions; ///< (layer id, year) → version
        std::int64_t revision = -1;
    };

    const CalendarLayer &baseLayer(const std::string &keyOrId) const;
    Edit apply(const CalendarLayer &layer, int year, CalendarLayer::Year entry, std::optional<std::int64_t> expected,
               const std::string &action, std::optional<int> basedOn, const std::string &actor);
    std::shared_ptr<const Snapshot> snapshot() const;
    std::int64_t storedRevision() const;
    /// Reloads when another instance changed the calendar (its stored revision moved).
    void reloadIfChanged();

    Database &m_db;
    std::vector<CalendarLayer> m_base; ///< the shipped layers, national first
    mutable std::mutex m_mutex;
    std::shared_ptr<const Snapshot> m_snapshot;
    std::mutex m_reloadMutex;

    PeriodicThread m_poller;
};

} // namespace spgl::server
