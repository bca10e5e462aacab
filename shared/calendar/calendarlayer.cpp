#include "calendar/calendarlayer.h"

#include "calendar/dates.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

namespace spgl {

using std::chrono::sys_days;

namespace {

Error formatError(std::string message, std::string field = {})
{
    return Error{"calendar.format", std::move(message), std::move(field)};
}

/// Reads a required string member; sets @p error when missing or not a string.
bool readString(const nlohmann::json &object, const char *key, const std::string &path, std::string &out, Error &error,
                bool required = true)
{
    const auto it = object.find(key);
    if (it == object.end()) {
        if (!required)
            return true;
        error = formatError(path + "：缺少字段“" + key + "”", path + "." + key);
        return false;
    }
    if (!it->is_string()) {
        error = formatError(path + "." + key + "：应为字符串", path + "." + key);
        return false;
    }
    out = it->get<std::string>();
    return true;
}

bool readDate(const nlohmann::json &object, const char *key, const std::string &path, CalendarLayer::Date &out,
              Error &error)
{
    std::string text;
    if (!readString(object, key, path, text, error))
        return false;
    const auto date = parseIsoDate(text);
    if (!date) {
        error = Error{"calendar.date", path + "." + key + "：日期“" + text + "”无效，应为YYYY-MM-DD", path + "." + key};
        return false;
    }
    out = *date;
    return true;
}

bool validPrefix(std::string_view prefix)
{
    if (prefix.size() > 6)
        return false;
    return std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<CalendarLayer::Year> readYear(const nlohmann::json &node, const std::string &path)
{
    Error error;
    if (!node.is_object())
        return formatError(path + "：应为对象", path);
    CalendarLayer::Year entry;
    const auto year = node.find("year");
    if (year == node.end() || !year->is_number_integer())
        return formatError(path + "：缺少整数字段“year”", path + ".year");
    entry.year = year->get<int>();
    if (!readString(node, "source", path, entry.source, error, false))
        return error;
    const auto confirmed = node.find("confirmed");
    if (confirmed != node.end()) {
        if (!confirmed->is_boolean())
            return formatError(path + ".confirmed：应为true或false", path + ".confirmed");
        entry.confirmed = confirmed->get<bool>();
    }
    for (const char *list : {"holidays", "workdays"}) {
        const auto items = node.find(list);
        if (items == node.end())
            continue;
        if (!items->is_array())
            return formatError(path + "." + list + "：应为数组", path + "." + list);
        for (std::size_t i = 0; i < items->size(); ++i) {
            const auto &item = (*items)[i];
            const std::string itemPath = path + "." + list + "[" + std::to_string(i) + "]";
            if (!item.is_object())
                return formatError(itemPath + "：应为对象", itemPath);
            if (std::string(list) == "holidays") {
                CalendarLayer::Holiday holiday;
                if (!readString(item, "name", itemPath, holiday.name, error)
                    || !readDate(item, "from", itemPath, holiday.from, error)
                    || !readDate(item, "to", itemPath, holiday.to, error)
                    || !readString(item, "note", itemPath, holiday.note, error, false))
                    return error;
                entry.holidays.push_back(std::move(holiday));
            } else {
                CalendarLayer::Workday workday;
                if (!readString(item, "name", itemPath, workday.name, error)
                    || !readDate(item, "date", itemPath, workday.date, error)
                    || !readString(item, "note", itemPath, workday.note, error, false))
                    return error;
                entry.workdays.push_back(std::move(workday));
            }
        }
    }
    return entry;
}

} // namespace

Result<CalendarLayer> CalendarLayer::create(std::string id, std::string name, std::string regionPrefix)
{
    if (id.empty())
        return formatError("日历图层缺少标识（id）", "id");
    if (!validPrefix(regionPrefix))
        return formatError("日历图层的区域前缀“" + regionPrefix + "”无效，应为空（全国）或1至6位数字", "regionPrefix");
    CalendarLayer layer;
    layer.m_id = std::move(id);
    layer.m_name = std::move(name);
    layer.m_regionPrefix = std::move(regionPrefix);
    return layer;
}

Result<CalendarLayer> CalendarLayer::fromJson(const nlohmann::json &document)
{
    // nlohmann's accessors are only used after type checks; the try is a last guard so that no
    // exception crosses this API.
    try {
        if (!document.is_object())
            return formatError("日历文件的顶层应为JSON对象");
        const auto format = document.find("format");
        if (format == document.end() || !format->is_number_integer())
            return formatError("日历文件缺少“format”字段", "format");
        if (format->get<int>() != kFormat)
            return Error{"calendar.version",
                         "不支持的日历文件格式版本" + std::to_string(format->get<int>()) + "（本程序读取格式1）",
                         "format"};
        Error error;
        std::string id, name, prefix;
        if (!readString(document, "id", "日历文件", id, error)
            || !readString(document, "name", "日历文件", name, error, false)
            || !readString(document, "regionPrefix", "日历文件", prefix, error, false))
            return error;
        auto layer = create(std::move(id), std::move(name), std::move(prefix));
        if (!layer)
            return layer.error();
        const auto years = document.find("years");
        if (years == document.end() || !years->is_array())
            return formatError("日历文件缺少数组字段“years”", "years");
        for (std::size_t i = 0; i < years->size(); ++i) {
            const std::string path = "years[" + std::to_string(i) + "]";
            auto entry = readYear((*years)[i], path);
            if (!entry)
                return entry.error();
            if (layer->year(entry->year))
                return Error{"calendar.duplicate", path + "：年份" + std::to_string(entry->year) + "重复", path};
            if (Status status = layer.value().setYear(std::move(entry).value()); !status) {
                Error e = status.error();
                e.message = path + "：" + e.message;
                e.field = e.field.empty() ? path : path + "." + e.field;
                return e;
            }
        }
        return layer;
    } catch (const std::exception &e) {
        return formatError(std::string("日历文件无法读取：") + e.what());
    }
}

Result<CalendarLayer> CalendarLayer::fromJsonText(std::string_view text)
{
    const auto document = nlohmann::json::parse(text, nullptr, false);
    if (document.is_discarded())
        return Error{"calendar.json", "日历文件不是有效的JSON", {}};
    return fromJson(document);
}

Result<CalendarLayer> CalendarLayer::fromFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"calendar.file", "无法读取日历文件：" + path, {}};
    std::ostringstream text;
    text << in.rdbuf();
    auto layer = fromJsonText(text.str());
    if (!layer) {
        Error e = layer.error();
        e.message = path + "：" + e.message;
        return e;
    }
    return layer;
}

nlohmann::json CalendarLayer::toJson() const
{
    nlohmann::json years = nlohmann::json::array();
    for (const Year &entry : m_years) {
        nlohmann::json holidays = nlohmann::json::array();
        for (const Holiday &h : entry.holidays) {
            nlohmann::json item = {{"name", h.name}, {"from", isoDate(h.from)}, {"to", isoDate(h.to)}};
            if (!h.note.empty())
                item["note"] = h.note;
            holidays.push_back(std::move(item));
        }
        nlohmann::json workdays = nlohmann::json::array();
        for (const Workday &w : entry.workdays) {
            nlohmann::json item = {{"name", w.name}, {"date", isoDate(w.date)}};
            if (!w.note.empty())
                item["note"] = w.note;
            workdays.push_back(std::move(item));
        }
        years.push_back({{"year", entry.year},
                         {"source", entry.source},
                         {"confirmed", entry.confirmed},
                         {"holidays", std::move(holidays)},
                         {"workdays", std::move(workdays)}});
    }
    return {{"format", kFormat},
            {"id", m_id},
            {"name", m_name},
            {"regionPrefix", m_regionPrefix},
            {"years", std::move(years)}};
}

bool CalendarLayer::appliesTo(std::string_view regionCode) const
{
    return regionCode.substr(0, m_regionPrefix.size()) == m_regionPrefix && regionCode.size() >= m_regionPrefix.size();
}

const CalendarLayer::Year *CalendarLayer::year(int year) const
{
    const auto it
        = std::lower_bound(m_years.begin(), m_years.end(), year, [](const Year &e, int y) { return e.year < y; });
    return it != m_years.end() && it->year == year ? &*it : nullptr;
}

Status CalendarLayer::setYear(Year entry)
{
    if (Status status = validate(entry); !status)
        return status;
    const auto it
        = std::lower_bound(m_years.begin(), m_years.end(), entry.year, [](const Year &e, int y) { return e.year < y; });
    if (it != m_years.end() && it->year == entry.year)
        *it = std::move(entry);
    else
        m_years.insert(it, std::move(entry));
    return {};
}

bool CalendarLayer::removeYear(int year)
{
    const auto it = std::find_if(m_years.begin(), m_years.end(), [year](const Year &e) { return e.year == year; });
    if (it == m_years.end())
        return false;
    m_years.erase(it);
    return true;
}

Status CalendarLayer::validate(const Year &entry)
{
    using namespace std::chrono;
    const std::string y = std::to_string(entry.year);
    if (entry.year < 1949 || entry.year > 2200)
        return Error{"calendar.year", "年份" + y + "超出范围（1949–2200）", "year"};
    // A notice covers its year and may reach into the neighbouring months (元旦 periods).
    const sys_days first{std::chrono::year{entry.year - 1} / December / 1};
    const sys_days last{std::chrono::year{entry.year + 1} / January / 31};
    const auto near = [&](Date d) { return sys_days{d} >= first && sys_days{d} <= last; };

    std::map<int, std::string> off; // day number → holiday name
    for (const Holiday &h : entry.holidays) {
        const std::string what = y + "年“" + h.name + "”";
        if (h.name.empty())
            return Error{"calendar.name", y + "年有放假安排缺少名称", "holidays"};
        if (!h.from.ok() || !h.to.ok() || sys_days{h.to} < sys_days{h.from})
            return Error{"calendar.range", what + "的放假结束日期早于开始日期", "holidays"};
        if (!near(h.from) || !near(h.to))
            return Error{"calendar.range",
                         what + "的放假日期" + isoDate(h.from) + "至" + isoDate(h.to) + "不在该年份内", "holidays"};
        if ((sys_days{h.to} - sys_days{h.from}).count() > 30)
            return Error{"calendar.range", what + "的放假期间超过31天", "holidays"};
        for (sys_days d{h.from}; d <= sys_days{h.to}; d += days{1})
            off.emplace(int(d.time_since_epoch().count()), h.name);
    }
    std::map<int, std::string> worked;
    for (const Workday &w : entry.workdays) {
        const std::string what = y + "年“" + w.name + "”的调休上班日" + isoDate(w.date);
        if (w.name.empty())
            return Error{"calendar.name", y + "年有调休上班日缺少所属节日名称", "workdays"};
        if (!w.date.ok() || !near(w.date))
            return Error{"calendar.range", what + "不在该年份内", "workdays"};
        const int day = int(sys_days{w.date}.time_since_epoch().count());
        if (off.count(day))
            return Error{"calendar.conflict", what + "同时是“" + off[day] + "”的放假日", "workdays"};
        if (!worked.emplace(day, w.name).second)
            return Error{"calendar.duplicate", what + "重复", "workdays"};
    }
    return {};
}

} // namespace spgl
