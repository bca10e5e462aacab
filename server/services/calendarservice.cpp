#include "services/calendarservice.h"

#include "calendar/dates.h"
#include "calendar/icalendar.h"
#include "core/beijingtime.h"
#include "http/apierror.h"
#include "services/requestaudit.h"
#include "storage/embeddedfile.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace spgl::server {

using std::chrono::days;
using std::chrono::sys_days;

namespace {

using Date = CalendarService::Date;

int dayNumber(Date d)
{
    return int(sys_days{d}.time_since_epoch().count());
}

Date fromDayNumber(int n)
{
    return Date{sys_days{days{n}}};
}

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s)
{
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

/// A year path parameter: four digits within the range CalendarLayer accepts.
int parseYear(const std::string &text)
{
    if (text.size() != 4 || !allDigits(text) || number(text) < 1949 || number(text) > 2200)
        throw ApiError::validation({{"calendar.year", "年份应为1949至2200之间的四位数字，收到“" + text + "”", "year"}});
    return number(text);
}

void checkRegion(const std::optional<std::string> &region, Errors &errors)
{
    if (region && !(region->size() == 6 && allDigits(*region)))
        errors.push_back({"calendar.region", "行政区划代码应为6位数字（GB/T 2260），收到“" + *region + "”", "region"});
}

/// What a layer-year says about each day it names: 'h' off (放假), 'w' worked (调休上班).
std::map<int, char> dayStates(const std::optional<CalendarLayer::Year> &entry)
{
    std::map<int, char> states;
    if (!entry)
        return states;
    for (const auto &h : entry->holidays)
        for (int d = dayNumber(h.from); d <= dayNumber(h.to); ++d)
            states[d] = 'h';
    for (const auto &w : entry->workdays)
        states[dayNumber(w.date)] = 'w';
    return states;
}

std::string describe(char state)
{
    return state == 'h' ? "放假" : state == 'w' ? "调休上班" : "无安排";
}

std::string joinDates(const std::vector<std::string> &items)
{
    std::string out;
    const std::size_t shown = std::min<std::size_t>(items.size(), 15);
    for (std::size_t i = 0; i < shown; ++i)
        out += (i ? "、" : "") + items[i];
    if (items.size() > shown)
        out += "等" + std::to_string(items.size()) + "天";
    return out;
}

/// Refuses a change of any day on or before today: deadlines already reached must not move.
void checkPastDays(const std::optional<CalendarLayer::Year> &before, const CalendarLayer::Year &after)
{
    const Date today = beijing::date(beijing::nowMs());
    const int last = dayNumber(today);
    const auto old = dayStates(before);
    const auto now = dayStates(after);
    std::map<int, std::pair<char, char>> changed;
    for (const auto &[d, s] : old)
        if (d <= last && (!now.count(d) || now.at(d) != s))
            changed[d] = {s, now.count(d) ? now.at(d) : 0};
    for (const auto &[d, s] : now)
        if (d <= last && !old.count(d))
            changed[d] = {0, s};
    if (changed.empty())
        return;
    std::vector<std::string> holidayDays, workdayDays;
    nlohmann::json dates = nlohmann::json::array();
    for (const auto &[d, change] : changed) {
        const std::string date = isoDate(fromDayNumber(d));
        const std::string text = date + "（" + describe(change.first) + "→" + describe(change.second) + "）";
        (change.first == 'h' || change.second == 'h' ? holidayDays : workdayDays).push_back(text);
        dates.push_back(date);
    }
    const std::string why = "不能更改今天（" + isoDate(today) + "）及以前的日期：已到达的期限不能因修改日历而改变。";
    Errors errors;
    if (!holidayDays.empty())
        errors.push_back({"calendar.past", why + "涉及的放假日：" + joinDates(holidayDays), "holidays"});
    if (!workdayDays.empty())
        errors.push_back({"calendar.past", why + "涉及的调休上班日：" + joinDates(workdayDays), "workdays"});
    throw ApiError(422, "validation", "提交的数据未通过校验", why + "只能修改今天以后的日期。", std::move(errors),
                   {{"past_dates", dates}});
}

/// Removes the "years[0]" path that reading one year through a layer document adds.
std::string stripYearPath(std::string text)
{
    for (const std::string prefix : {"years[0].", "years[0]：", "years[0]"}) {
        for (std::size_t pos; (pos = text.find(prefix)) != std::string::npos;)
            text.erase(pos, prefix.size());
    }
    return text;
}

/// Reads a layer-year JSON object (one element of a layer's "years") for @p layer.
Result<CalendarLayer::Year> readYear(const CalendarLayer &layer, const nlohmann::json &yearJson)
{
    const nlohmann::json document = {{"format", CalendarLayer::kFormat},
                                     {"id", layer.id()},
                                     {"name", layer.name()},
                                     {"regionPrefix", layer.regionPrefix()},
                                     {"years", nlohmann::json::array({yearJson})}};
    auto parsed = CalendarLayer::fromJson(document);
    if (!parsed) {
        Error e = parsed.error();
        e.message = stripYearPath(e.message);
        e.field = stripYearPath(e.field);
        return e;
    }
    return parsed->years().front();
}

nlohmann::json yearJson(const CalendarLayer &layer, const CalendarLayer::Year &entry)
{
    auto copy = CalendarLayer::create(layer.id(), layer.name(), layer.regionPrefix());
    if (!copy || !copy.value().setYear(entry))
        return nlohmann::json::object();
    return copy->toJson()["years"][0];
}

} // namespace

CalendarService::CalendarService(Database &db, std::chrono::milliseconds pollInterval)
    : m_db(db)
{
    for (const EmbeddedFile &file : calendarFiles()) {
        auto layer = CalendarLayer::fromJsonText(file.content);
        if (!layer)
            throw std::runtime_error("shipped calendar " + std::string(file.name) + ": " + layer.error().message);
        m_base.push_back(std::move(layer).value());
    }
    std::stable_sort(m_base.begin(), m_base.end(), [](const CalendarLayer &a, const CalendarLayer &b) {
        return a.regionPrefix().size() < b.regionPrefix().size();
    });
    if (m_base.empty() || !m_base.front().national())
        throw std::runtime_error("the shipped calendar has no national layer");
    reload();
    if (pollInterval.count() > 0)
        m_poller.start(
            [this, pollInterval] {
                reloadIfChanged();
                return pollInterval;
            },
            pollInterval);
}

CalendarService::~CalendarService()
{
    m_poller.stop();
}

WorkCalendar CalendarService::calendar() const
{
    return snapshot()->calendar;
}

std::shared_ptr<const CalendarService::Snapshot> CalendarService::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

std::int64_t CalendarService::storedRevision() const
{
    return m_db.read([](Connection &c) -> std::int64_t {
        const auto row = c.queryOne("SELECT value FROM settings WHERE key = 'calendar_revision'");
        if (!row)
            return 0;
        std::int64_t value = 0;
        const std::string &text = row->text(0);
        std::from_chars(text.data(), text.data() + text.size(), value);
        return value;
    });
}

void CalendarService::reload()
{
    std::lock_guard reloading(m_reloadMutex);
    struct Row
    {
        std::string layer;
        int year;
        std::string data;
        int version;
    };
    std::int64_t revision = 0;
    std::vector<Row> rows;
    m_db.read([&](Connection &c) {
        if (const auto r = c.queryOne("SELECT value FROM settings WHERE key = 'calendar_revision'")) {
            const std::string &text = r->text(0);
            std::from_chars(text.data(), text.data() + text.size(), revision);
        }
        for (const SqlRow &r : c.query("SELECT layer, year, data, version FROM calendar_years ORDER BY layer, year"))
            rows.push_back({r.text(0), int(r.integer(1)), r.text(2), int(r.integer(3))});
    });

    auto next = std::make_shared<Snapshot>();
    next->revision = revision;
    std::vector<CalendarLayer> layers = m_base;
    for (const CalendarLayer &layer : m_base)
        for (const auto &entry : layer.years())
            next->versions[{layer.id(), entry.year}] = 1;
    for (const Row &row : rows) {
        const auto layer
            = std::find_if(layers.begin(), layers.end(), [&](const CalendarLayer &l) { return l.id() == row.layer; });
        if (layer == layers.end())
            continue;
        const auto json = nlohmann::json::parse(row.data, nullptr, false);
        auto entry = readYear(*layer, json);
        if (!entry || entry->year != row.year) {
            Poco::Logger::get("spgl").error("calendar %s/%d version %d is unreadable and was skipped: %s", row.layer,
                                            row.year, row.version, entry ? std::string() : entry.error().message);
            continue;
        }
        if (Status status = layer->setYear(std::move(entry).value()); !status)
            continue;
        next->versions[{row.layer, row.year}] = row.version;
    }
    auto calendar = WorkCalendar::fromLayers(std::move(layers));
    if (!calendar)
        throw std::runtime_error("working-day calendar: " + calendar.error().message);
    next->calendar = std::move(calendar).value();
    std::lock_guard lock(m_mutex);
    m_snapshot = std::move(next);
}

void CalendarService::reloadIfChanged()
{
    try {
        if (storedRevision() != snapshot()->revision)
            reload();
    } catch (const std::exception &e) {
        Poco::Logger::get("spgl").warning("calendar reload failed: %s", std::string(e.what()));
    }
}

std::string CalendarService::layerKey(const CalendarLayer &layer)
{
    if (layer.national())
        return "national";
    return layer.id().substr(0, layer.id().find('-'));
}

const CalendarLayer &CalendarService::baseLayer(const std::string &keyOrId) const
{
    for (const CalendarLayer &layer : m_base)
        if (layerKey(layer) == keyOrId || layer.id() == keyOrId)
            return layer;
    std::string known;
    for (const CalendarLayer &layer : m_base)
        known += (known.empty() ? "" : "、") + layerKey(layer);
    throw ApiError::notFound("没有日历图层“" + keyOrId + "”（可用：" + known + "）");
}

CalendarService::Deadline CalendarService::deadline(const std::optional<std::string> &start,
                                                    const std::optional<std::string> &daysText,
                                                    const std::optional<std::string> &unit,
                                                    const std::optional<std::string> &region) const
{
    Errors errors;
    bool malformed = false;
    Deadline result;

    if (!start || start->empty()) {
        errors.push_back({"query.required", "缺少起算日 start（YYYY-MM-DD 或 RFC 3339 时间）", "start"});
        malformed = true;
    } else if (start->size() == 10) {
        if (const auto d = parseIsoDate(*start))
            result.start = *d;
        else
            errors.push_back({"calendar.date", "起算日“" + *start + "”不是有效日期，应为YYYY-MM-DD", "start"});
    } else if (const auto ms = parseRfc3339(*start)) {
        result.start = Date{beijingDay(*ms)};
    } else {
        errors.push_back(
            {"calendar.date",
             "起算日“" + *start + "”既不是日期（YYYY-MM-DD）也不是RFC 3339时间（如2025-09-30T10:00:00+08:00）",
             "start"});
        malformed = true;
    }
    if (result.start.ok() && (int(result.start.year()) < 1949 || int(result.start.year()) > 2200))
        errors.push_back({"calendar.date", "起算日应在1949至2200年之间", "start"});

    if (!daysText || daysText->empty()) {
        errors.push_back({"query.required", "缺少期限天数 days", "days"});
        malformed = true;
    } else {
        long long value = 0;
        const auto [ptr, ec] = std::from_chars(daysText->data(), daysText->data() + daysText->size(), value);
        if (ec == std::errc::result_out_of_range) {
            errors.push_back({"query.range", "期限天数 days 应在0至" + std::to_string(kMaxDays) + "之间", "days"});
        } else if (ec != std::errc() || ptr != daysText->data() + daysText->size()) {
            errors.push_back({"query.type", "期限天数 days 应为整数，收到“" + *daysText + "”", "days"});
            malformed = true;
        } else if (value < 0 || value > kMaxDays) {
            errors.push_back({"query.range", "期限天数 days 应在0至" + std::to_string(kMaxDays) + "之间", "days"});
        } else {
            result.days = int(value);
        }
    }

    result.unit = unit.value_or("workday");
    if (result.unit != "workday" && result.unit != "day")
        errors.push_back(
            {"query.enum", "单位 unit 应为 workday（工作日）或 day（自然日），收到“" + result.unit + "”", "unit"});
    checkRegion(region, errors);
    if (!errors.empty()) {
        if (malformed) {
            const std::string detail = "查询参数无效：" + errors.front().message;
            throw ApiError::badRequest(detail, std::move(errors));
        }
        throw ApiError::validation(std::move(errors));
    }

    result.region = region.value_or("");
    const WorkCalendar cal = calendar();
    const int s = dayNumber(result.start);
    if (result.unit == "workday") {
        result.deadline = cal.addWorkdays(result.start, result.days, result.region);
        for (int d = s + 1; int(result.counts.size()) < result.days; ++d)
            if (cal.isWorkday(fromDayNumber(d), result.region))
                result.counts.push_back(fromDayNumber(d));
    } else {
        result.deadline = cal.addDays(result.start, result.days, result.region);
        for (int d = s + 1; d <= s + result.days; ++d)
            result.counts.push_back(fromDayNumber(d));
        result.postponed = dayNumber(result.deadline) != s + result.days;
    }
    result.covered = true;
    for (int y = int(result.start.year()); y <= int(result.deadline.year()); ++y)
        result.covered = result.covered && cal.covers(y);
    return result;
}

CalendarService::YearView CalendarService::year(const std::string &yearText,
                                                const std::optional<std::string> &region) const
{
    Errors errors;
    checkRegion(region, errors);
    if (!errors.empty())
        throw ApiError::validation(std::move(errors));
    YearView view;
    view.year = parseYear(yearText);
    view.region = region.value_or("");
    const auto snap = snapshot();
    view.covered = snap->calendar.covers(view.year);
    for (const CalendarLayer &layer : snap->calendar.layers()) {
        if (!layer.appliesTo(view.region))
            continue;
        LayerYear item;
        item.key = layerKey(layer);
        item.id = layer.id();
        item.name = layer.name();
        item.regionPrefix = layer.regionPrefix();
        if (const CalendarLayer::Year *entry = layer.year(view.year)) {
            item.entry = *entry;
            const auto v = snap->versions.find({layer.id(), view.year});
            item.version = v == snap->versions.end() ? 1 : v->second;
        }
        view.layers.push_back(std::move(item));
    }
    return view;
}

std::string CalendarService::exportIcs(const std::string &yearText, const std::optional<std::string> &layerName,
                                       std::string &fileName) const
{
    const int y = parseYear(yearText);
    const std::string wanted = layerName.value_or("national");
    const auto snap = snapshot();
    const auto &layers = snap->calendar.layers();
    const auto layer = std::find_if(layers.begin(), layers.end(),
                                    [&](const CalendarLayer &l) { return layerKey(l) == wanted || l.id() == wanted; });
    if (layer == layers.end())
        throw ApiError::validation({{"query.enum", "没有日历图层“" + wanted + "”，应为 national 或 xj", "layer"}});
    if (!layer->year(y))
        throw ApiError::notFound("日历图层“" + layer->name() + "”没有" + std::to_string(y) + "年的数据");
    auto text = ICalendar::exportYear(*layer, y, beijing::nowMs());
    if (!text)
        throw ApiError::notFound(text.error().message);
    fileName = layer->id() + "-" + std::to_string(y) + ".ics";
    return std::move(text).value();
}

CalendarService::Edit CalendarService::putYear(const std::string &layerName, const std::string &yearText,
                                               const nlohmann::json &body, const std::string &actor)
{
    const CalendarLayer &layer = baseLayer(layerName);
    const int y = parseYear(yearText);
    Errors errors;
    std::optional<std::int64_t> expected;
    if (const auto it = body.find("expected_version"); it != body.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 0)
            errors.push_back({"field.type", "expected_version 应为非负整数", "expected_version"});
        else
            expected = it->get<std::int64_t>();
    }
    nlohmann::json data = body;
    data.erase("expected_version");
    if (const auto it = data.find("year"); it != data.end()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() != y)
            errors.push_back({"calendar.year", "请求体中的年份应与地址中的年份" + std::to_string(y) + "一致", "year"});
    }
    data["year"] = y;
    auto entry = readYear(layer, data);
    if (!entry)
        errors.push_back({entry.error().code, entry.error().message,
                          entry.error().field.empty() ? std::string("holidays") : entry.error().field});
    if (!errors.empty())
        throw ApiError::validation(std::move(errors));
    return apply(layer, y, std::move(entry).value(), expected, "edit", std::nullopt, actor);
}

CalendarService::Edit CalendarService::importIcs(const std::string &layerName, const std::string &yearText,
                                                 std::string_view ics, const std::optional<std::string> &expectedText,
                                                 const std::string &actor)
{
    const CalendarLayer &layer = baseLayer(layerName);
    const int y = parseYear(yearText);
    std::optional<std::int64_t> expected;
    if (expectedText) {
        std::int64_t value = -1;
        const auto [ptr, ec]
            = std::from_chars(expectedText->data(), expectedText->data() + expectedText->size(), value);
        if (ec != std::errc() || ptr != expectedText->data() + expectedText->size() || value < 0)
            throw ApiError::validation({{"query.type", "expected_version 应为非负整数", "expected_version"}});
        expected = value;
    }
    auto parsed = ICalendar::parse(ics);
    if (!parsed)
        throw ApiError::validation({{parsed.error().code, parsed.error().message, "body"}});
    const std::string fileLayer = parsed->id();
    const bool known = std::any_of(m_base.begin(), m_base.end(),
                                   [&](const CalendarLayer &l) { return l.id() == fileLayer && l.id() != layer.id(); });
    if (known)
        throw ApiError::validation(
            {{"calendar.layer", "该iCalendar文件属于日历图层“" + fileLayer + "”，不能导入到“" + layer.id() + "”",
              "body"}});
    const CalendarLayer::Year *entry = parsed->year(y);
    if (!entry) {
        std::string found;
        for (const auto &e : parsed->years())
            found += (found.empty() ? "" : "、") + std::to_string(e.year);
        throw ApiError::validation(
            {{"calendar.year", "iCalendar文件中没有" + std::to_string(y) + "年的安排（文件中的年份：" + found + "）",
              "body"}});
    }
    return apply(layer, y, *entry, expected, "import", std::nullopt, actor);
}

CalendarService::Edit CalendarService::revert(const std::string &layerName, const std::string &yearText,
                                              const nlohmann::json &body, const std::string &actor)
{
    const CalendarLayer &layer = baseLayer(layerName);
    const int y = parseYear(yearText);
    Errors errors;
    const auto readInt = [&](const char *name, bool required) -> std::optional<std::int64_t> {
        const auto it = body.find(name);
        if (it == body.end() || it->is_null()) {
            if (required)
                errors.push_back({"field.required", std::string("缺少字段 ") + name + "（要恢复的版本号）", name});
            return std::nullopt;
        }
        if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 1000000) {
            errors.push_back({"field.type", std::string(name) + " 应为非负整数", name});
            return std::nullopt;
        }
        return it->get<std::int64_t>();
    };
    const auto version = readInt("version", true);
    const auto expected = readInt("expected_version", false);
    if (!errors.empty())
        throw ApiError::validation(std::move(errors));

    std::optional<CalendarLayer::Year> data;
    const auto row = m_db.read([&](Connection &c) {
        return c.queryOne("SELECT data FROM calendar_year_versions WHERE layer = ? AND year = ? AND version = ?",
                          {layer.id(), std::int64_t(y), *version});
    });
    if (row) {
        auto entry = readYear(layer, nlohmann::json::parse(row->text(0), nullptr, false));
        if (!entry)
            throw ApiError(409, "conflict", "无法恢复",
                           "第" + std::to_string(*version) + "版的数据无法读取：" + entry.error().message);
        data = std::move(entry).value();
    } else if (*version == 1 && layer.year(y)) {
        data = *layer.year(y);
    }
    if (!data)
        throw ApiError::notFound(layerKey(layer) + "图层" + std::to_string(y) + "年没有第" + std::to_string(*version)
                                 + "版");
    return apply(layer, y, std::move(*data), expected, "revert", int(*version), actor);
}

CalendarService::Versions CalendarService::versions(const std::string &layerName, const std::string &yearText) const
{
    const CalendarLayer &layer = baseLayer(layerName);
    const int y = parseYear(yearText);
    Versions result;
    result.key = layerKey(layer);
    result.id = layer.id();
    result.year = y;
    const auto rows = m_db.read([&](Connection &c) {
        return c.query("SELECT version, action, based_on, updated_by, updated_at, data FROM calendar_year_versions "
                       "WHERE layer = ? AND year = ? ORDER BY version DESC",
                       {layer.id(), std::int64_t(y)});
    });
    bool hasOne = false;
    for (const SqlRow &r : rows) {
        Version v;
        v.version = int(r.integer(0));
        v.action = r.text(1);
        if (const auto b = r.optionalInteger(2))
            v.basedOn = int(*b);
        v.updatedBy = r.text(3);
        v.updatedAt = r.integer(4);
        v.data = nlohmann::json::parse(r.text(5), nullptr, false);
        hasOne = hasOne || v.version == 1;
        result.items.push_back(std::move(v));
    }
    if (const CalendarLayer::Year *shipped = layer.year(y); shipped && !hasOne) {
        Version v;
        v.version = 1;
        v.builtin = true;
        v.action = "builtin";
        v.updatedBy = "system";
        v.data = yearJson(layer, *shipped);
        result.items.push_back(std::move(v));
    }
    result.current = result.items.empty() ? 0 : result.items.front().version;
    if (result.items.empty())
        throw ApiError::notFound(result.key + "图层没有" + std::to_string(y) + "年的数据");
    return result;
}

CalendarService::Edit CalendarService::apply(const CalendarLayer &layer, int y, CalendarLayer::Year entry,
                                             std::optional<std::int64_t> expected, const std::string &action,
                                             std::optional<int> basedOn, const std::string &actor)
{
    if (Status status = CalendarLayer::validate(entry); !status)
        throw ApiError::validation({{status.error().code, status.error().message,
                                     status.error().field.empty() ? std::string("holidays") : status.error().field}});
    const nlohmann::json data = yearJson(layer, entry);
    const std::int64_t now = beijing::nowMs();
    Edit edit;
    edit.key = layerKey(layer);
    edit.id = layer.id();
    edit.year = y;
    edit.data = data;
    const auto audited = [&](Connection &c) {
        RequestAudit::record(c, {},
                             (action == "edit" ? std::string() : action + ", ") + "version "
                                 + std::to_string(edit.version) + (edit.changed ? "" : " (unchanged)"));
    };
    m_db.write([&](Connection &c) {
        // First: the revision row's lock serialises calendar edits across server instances.
        c.execute("UPDATE settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
                  "WHERE key = 'calendar_revision'");
        const auto row = c.queryOne(
            "SELECT data, version, updated_by, updated_at FROM calendar_years WHERE layer = ? AND year = ?",
            {layer.id(), std::int64_t(y)});
        std::optional<CalendarLayer::Year> current;
        int currentVersion = 0;
        if (row) {
            auto stored = readYear(layer, nlohmann::json::parse(row->text(0), nullptr, false));
            if (stored)
                current = std::move(stored).value();
            currentVersion = int(row->integer(1));
        } else if (const CalendarLayer::Year *shipped = layer.year(y)) {
            current = *shipped;
            currentVersion = 1;
        }
        if (expected && *expected != currentVersion) {
            throw ApiError::conflict("日历已被他人修改：当前为第" + std::to_string(currentVersion) + "版，提交基于第"
                                         + std::to_string(*expected) + "版，请刷新后重试",
                                     {{"layer", edit.key},
                                      {"year", y},
                                      {"version", currentVersion},
                                      {"data", current ? yearJson(layer, *current) : nlohmann::json(nullptr)}});
        }
        if (current && *current == entry) {
            edit.version = currentVersion;
            edit.changed = false;
            edit.updatedBy = row ? row->text(2) : std::string("system");
            edit.updatedAt = row ? row->integer(3) : 0;
            audited(c);
            return;
        }
        checkPastDays(current, entry);
        edit.version = currentVersion + 1;
        edit.changed = true;
        edit.updatedBy = actor;
        edit.updatedAt = now;
        const std::string text = data.dump();
        if (row) {
            const auto n = c.execute("UPDATE calendar_years SET data = ?, version = ?, updated_by = ?, updated_at = ? "
                                     "WHERE layer = ? AND year = ? AND version = ?",
                                     {text, std::int64_t(edit.version), actor, now, layer.id(), std::int64_t(y),
                                      std::int64_t(currentVersion)});
            if (n != 1)
                throw ApiError::conflict("日历已被他人同时修改，请刷新后重试");
        } else {
            c.execute("INSERT INTO calendar_years (layer, year, data, version, updated_by, updated_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)",
                      {layer.id(), std::int64_t(y), text, std::int64_t(edit.version), actor, now});
        }
        c.execute("INSERT INTO calendar_year_versions (layer, year, version, data, action, based_on, updated_by, "
                  "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  {layer.id(), std::int64_t(y), std::int64_t(edit.version), text, action,
                   basedOn ? SqlValue(std::int64_t(*basedOn)) : SqlValue(nullptr), actor, now});
        audited(c);
    });
    reload(); // also after a no-op: the revision was bumped either way
    return edit;
}

} // namespace spgl::server
