#include "calendar/icalendar.h"

#include "calendar/dates.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace spgl {

using std::chrono::days;
using std::chrono::sys_days;
using Date = CalendarLayer::Date;

namespace {

constexpr std::string_view kWorkdaySuffix = "（调休上班）";
constexpr std::size_t kFoldOctets = 75;

// ---------------------------------------------------------------------------------------------
// Writing

std::string escapeText(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ';':
            out += "\\;";
            break;
        case ',':
            out += "\\,";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// Appends one content line, folded so that no physical line exceeds 75 octets, and CRLF.
void appendLine(std::string &out, std::string_view line)
{
    std::size_t pos = 0;
    std::size_t limit = kFoldOctets;
    while (line.size() - pos > limit) {
        std::size_t cut = pos + limit;
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut; // do not split a UTF-8 sequence
        out.append(line.substr(pos, cut - pos));
        out += "\r\n ";
        pos = cut;
        limit = kFoldOctets - 1; // the leading space counts
    }
    out.append(line.substr(pos));
    out += "\r\n";
}

std::string utcStamp(std::int64_t epochMs)
{
    std::int64_t seconds = epochMs / 1000;
    if (epochMs % 1000 < 0)
        --seconds;
    std::int64_t dayCount = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --dayCount;
    }
    const std::chrono::year_month_day date{sys_days{days{dayCount}}};
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%sT%02d%02d%02dZ", basicDate(date).c_str(), int(rest / 3600),
                  int(rest / 60 % 60), int(rest % 60));
    return buffer;
}

// ---------------------------------------------------------------------------------------------
// Reading

struct ContentLine
{
    int line = 0;                              ///< physical line number where it starts (1-based)
    std::string name;                          ///< upper case
    std::map<std::string, std::string> params; ///< upper-case keys, unquoted values
    std::string value;
};

Error syntaxError(int line, const std::string &message)
{
    return Error{"ics.syntax", "iCalendar文件第" + std::to_string(line) + "行：" + message, {}};
}

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
    }
    return out;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::string unescapeText(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            const char next = text[++i];
            out += (next == 'n' || next == 'N') ? '\n' : next;
        } else {
            out += text[i];
        }
    }
    return out;
}

/// Splits a TEXT list on unescaped commas, unescaping each item.
std::vector<std::string> splitList(std::string_view text)
{
    std::vector<std::string> items;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ',') {
            items.push_back(unescapeText(trim(text.substr(begin, i - begin))));
            begin = i + 1;
        } else if (text[i] == '\\') {
            ++i;
        }
    }
    return items;
}

/// Unfolds @p text into logical lines and parses each: name, parameters, value.
Result<std::vector<ContentLine>> contentLines(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::vector<std::pair<int, std::string>> logical;
    int number = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
            if (logical.empty())
                return syntaxError(number, "续行之前没有内容行");
            logical.back().second.append(line.substr(1));
            continue;
        }
        if (line.empty())
            continue;
        logical.emplace_back(number, std::string(line));
    }

    std::vector<ContentLine> lines;
    lines.reserve(logical.size());
    for (const auto &[lineNumber, raw] : logical) {
        ContentLine cl;
        cl.line = lineNumber;
        bool quoted = false;
        std::size_t colon = std::string::npos;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '"')
                quoted = !quoted;
            else if (raw[i] == ':' && !quoted) {
                colon = i;
                break;
            }
        }
        if (colon == std::string::npos)
            return syntaxError(lineNumber, "不是有效的内容行（缺少“:”）：" + raw.substr(0, 40));
        const std::string_view head = std::string_view(raw).substr(0, colon);
        cl.value = raw.substr(colon + 1);
        // name;param=value;param="quoted;value"
        std::size_t i = 0;
        std::vector<std::string_view> parts;
        std::size_t begin = 0;
        quoted = false;
        for (i = 0; i <= head.size(); ++i) {
            if (i < head.size() && head[i] == '"')
                quoted = !quoted;
            if (i == head.size() || (head[i] == ';' && !quoted)) {
                parts.push_back(head.substr(begin, i - begin));
                begin = i + 1;
            }
        }
        cl.name = upper(trim(parts.front()));
        if (cl.name.empty())
            return syntaxError(lineNumber, "内容行缺少属性名");
        for (std::size_t p = 1; p < parts.size(); ++p) {
            const std::size_t eq = parts[p].find('=');
            if (eq == std::string_view::npos)
                return syntaxError(lineNumber, "参数“" + std::string(parts[p]) + "”缺少“=”");
            std::string value(parts[p].substr(eq + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.substr(1, value.size() - 2);
            cl.params[upper(trim(parts[p].substr(0, eq)))] = value;
        }
        lines.push_back(std::move(cl));
    }
    return lines;
}

enum class Kind { Unknown, Holiday, Workday };

struct Event
{
    int line = 0;
    std::optional<ContentLine> dtstart, dtend, duration, summary, description, appleDay;
    std::vector<std::string> categories;
};

struct ParsedEvent
{
    int line = 0;
    Kind kind = Kind::Unknown;
    std::string name;
    std::string note;
    Date from;
    Date to; ///< inclusive
};

Result<Date> eventDate(const ContentLine &cl)
{
    const std::string value(trim(cl.value));
    const auto valueType = cl.params.find("VALUE");
    if (value.find('T') != std::string::npos
        || (valueType != cl.params.end() && upper(valueType->second) == "DATE-TIME"))
        return syntaxError(cl.line, cl.name + "应为全天日期（VALUE=DATE，如20240210），而不是日期时间“" + value + "”");
    const auto date = parseBasicDate(value);
    if (!date)
        return syntaxError(cl.line, cl.name + "的日期“" + value + "”无效，应为YYYYMMDD");
    return *date;
}

/// "P3D", "P1W" → days; nullopt otherwise.
std::optional<int> durationDays(std::string_view value)
{
    value = trim(value);
    if (value.size() < 3 || (value.front() != 'P' && value.front() != 'p'))
        return std::nullopt;
    const char unit = value.back();
    int n = 0;
    for (char c : value.substr(1, value.size() - 2)) {
        if (c < '0' || c > '9' || n > 10000)
            return std::nullopt;
        n = n * 10 + (c - '0');
    }
    if (unit == 'D' || unit == 'd')
        return n;
    if (unit == 'W' || unit == 'w')
        return n * 7;
    return std::nullopt;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

Kind kindOfCategory(const std::string &category)
{
    const std::string c = upper(category);
    if (c == "HOLIDAY" || c == "放假" || c == "休" || c == "休息")
        return Kind::Holiday;
    if (c == "WORKDAY" || c == "调休上班" || c == "上班" || c == "补班" || c == "班")
        return Kind::Workday;
    return Kind::Unknown;
}

/// Removes a kind suffix such as "(休)" or "（调休上班）" from a summary; returns its kind.
Kind stripSuffix(std::string &name)
{
    static const std::pair<std::string_view, Kind> suffixes[] = {
        {"（调休上班）", Kind::Workday}, {"(调休上班)", Kind::Workday}, {"调休上班", Kind::Workday},
        {"（补班）", Kind::Workday},     {"(补班)", Kind::Workday},     {"补班", Kind::Workday},
        {"（班）", Kind::Workday},       {"(班)", Kind::Workday},       {"（放假）", Kind::Holiday},
        {"(放假)", Kind::Holiday},       {"（休）", Kind::Holiday},     {"(休)", Kind::Holiday},
    };
    for (const auto &[suffix, kind] : suffixes) {
        if (endsWith(name, suffix) && name.size() > suffix.size()) {
            name.resize(name.size() - suffix.size());
            name = std::string(trim(name));
            return kind;
        }
    }
    return Kind::Unknown;
}

Result<ParsedEvent> convert(const Event &event, bool ownFormat)
{
    ParsedEvent out;
    out.line = event.line;
    const std::string where = "第" + std::to_string(event.line) + "行开始的事件";
    if (!event.dtstart)
        return Error{"ics.event", "iCalendar文件" + where + "缺少DTSTART（开始日期）", {}};
    auto start = eventDate(*event.dtstart);
    if (!start)
        return start.error();
    sys_days endExclusive = sys_days{*start} + days{1};
    if (event.dtend) {
        auto end = eventDate(*event.dtend);
        if (!end)
            return end.error();
        if (sys_days{*end} <= sys_days{*start})
            return syntaxError(event.dtend->line, "DTEND（结束日期，不含当日）应晚于DTSTART");
        endExclusive = sys_days{*end};
    } else if (event.duration) {
        const auto n = durationDays(event.duration->value);
        if (!n || *n <= 0)
            return syntaxError(event.duration->line, "DURATION“" + event.duration->value + "”无效，应为整天数，如P3D");
        endExclusive = sys_days{*start} + days{*n};
    }
    if ((endExclusive - sys_days{*start}).count() > 31)
        return Error{"ics.event", "iCalendar文件" + where + "超过31天，不像是一次放假安排", {}};
    out.from = *start;
    out.to = Date{endExclusive - days{1}};

    if (!event.summary || trim(unescapeText(event.summary->value)).empty())
        return Error{"ics.event", "iCalendar文件" + where + "缺少SUMMARY（节日名称）", {}};
    out.name = std::string(trim(unescapeText(event.summary->value)));
    if (event.description)
        out.note = unescapeText(event.description->value);

    for (const std::string &category : event.categories) {
        if (const Kind k = kindOfCategory(category); k != Kind::Unknown) {
            out.kind = k;
            break;
        }
    }
    if (out.kind == Kind::Unknown && event.appleDay) {
        const std::string v = upper(trim(event.appleDay->value));
        if (v == "WORK-HOLIDAY")
            out.kind = Kind::Holiday;
        else if (v == "ALTERNATE-WORKDAY")
            out.kind = Kind::Workday;
    }
    if (ownFormat) {
        // Exactly the suffix this program writes, so that names round-trip unchanged.
        if (out.kind == Kind::Workday && endsWith(out.name, kWorkdaySuffix))
            out.name.resize(out.name.size() - kWorkdaySuffix.size());
    } else {
        const Kind bySuffix = stripSuffix(out.name);
        if (out.kind == Kind::Unknown)
            out.kind = bySuffix;
    }
    if (out.kind == Kind::Unknown)
        return Error{"ics.kind",
                     "iCalendar文件" + where + "（" + out.name
                         + "）无法判断是放假还是调休上班：CATEGORIES应为HOLIDAY或WORKDAY",
                     {}};
    return out;
}

} // namespace

Result<std::string> ICalendar::exportYear(const CalendarLayer &layer, int year, std::int64_t stampMs)
{
    const CalendarLayer::Year *entry = layer.year(year);
    if (!entry)
        return Error{"ics.year", "日历图层“" + layer.name() + "”没有" + std::to_string(year) + "年的数据", {}};
    const std::string stamp = utcStamp(stampMs);
    std::string out;
    const auto line = [&out](std::string_view text) { appendLine(out, text); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//SPGL//Work Calendar//ZH");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + escapeText(layer.name() + " " + std::to_string(year) + "年"));
    line("X-WR-TIMEZONE:Asia/Shanghai");
    line("X-SPGL-FORMAT:" + std::to_string(CalendarLayer::kFormat));
    line("X-SPGL-LAYER:" + escapeText(layer.id()));
    line("X-SPGL-NAME:" + escapeText(layer.name()));
    if (!layer.regionPrefix().empty())
        line("X-SPGL-REGION:" + layer.regionPrefix());
    line("X-SPGL-YEAR:" + std::to_string(year));
    line("X-SPGL-SOURCE:" + escapeText(entry->source));
    line(std::string("X-SPGL-CONFIRMED:") + (entry->confirmed ? "TRUE" : "FALSE"));
    const std::string uidBase = layer.id() + "-" + std::to_string(year);
    for (std::size_t i = 0; i < entry->holidays.size(); ++i) {
        const CalendarLayer::Holiday &h = entry->holidays[i];
        line("BEGIN:VEVENT");
        line("UID:" + escapeText(uidBase + "-h" + std::to_string(i + 1) + "@spgl"));
        line("DTSTAMP:" + stamp);
        line("DTSTART;VALUE=DATE:" + basicDate(h.from));
        line("DTEND;VALUE=DATE:" + basicDate(Date{sys_days{h.to} + days{1}}));
        line("SUMMARY:" + escapeText(h.name));
        if (!h.note.empty())
            line("DESCRIPTION:" + escapeText(h.note));
        line("CATEGORIES:HOLIDAY");
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    for (std::size_t i = 0; i < entry->workdays.size(); ++i) {
        const CalendarLayer::Workday &w = entry->workdays[i];
        line("BEGIN:VEVENT");
        line("UID:" + escapeText(uidBase + "-w" + std::to_string(i + 1) + "@spgl"));
        line("DTSTAMP:" + stamp);
        line("DTSTART;VALUE=DATE:" + basicDate(w.date));
        line("DTEND;VALUE=DATE:" + basicDate(Date{sys_days{w.date} + days{1}}));
        line("SUMMARY:" + escapeText(w.name + std::string(kWorkdaySuffix)));
        if (!w.note.empty())
            line("DESCRIPTION:" + escapeText(w.note));
        line("CATEGORIES:WORKDAY");
        line("TRANSP:OPAQUE");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    return out;
}

Result<CalendarLayer> ICalendar::parse(std::string_view text)
{
    auto lines = contentLines(text);
    if (!lines)
        return lines.error();
    if (lines->empty() || lines->front().name != "BEGIN" || upper(trim(lines->front().value)) != "VCALENDAR")
        return Error{"ics.syntax", "不是iCalendar文件：应以BEGIN:VCALENDAR开头", {}};

    std::map<std::string, std::string> calendarProps; // calendar-level properties (first wins)
    std::vector<Event> events;
    std::vector<std::string> stack;
    bool finished = false;
    for (const ContentLine &cl : *lines) {
        if (finished)
            break;
        if (cl.name == "BEGIN") {
            const std::string component = upper(trim(cl.value));
            if (stack.size() == 1 && component == "VEVENT") {
                events.emplace_back();
                events.back().line = cl.line;
            }
            stack.push_back(component);
            continue;
        }
        if (cl.name == "END") {
            const std::string component = upper(trim(cl.value));
            if (stack.empty() || stack.back() != component)
                return syntaxError(cl.line, "END:" + component + "与"
                                                + (stack.empty() ? std::string("（无）") : "BEGIN:" + stack.back())
                                                + "不匹配");
            stack.pop_back();
            finished = stack.empty();
            continue;
        }
        if (stack.size() == 1) {
            calendarProps.emplace(cl.name, cl.value);
        } else if (stack.size() == 2 && stack.back() == "VEVENT") {
            Event &event = events.back();
            if (cl.name == "DTSTART")
                event.dtstart = cl;
            else if (cl.name == "DTEND")
                event.dtend = cl;
            else if (cl.name == "DURATION")
                event.duration = cl;
            else if (cl.name == "SUMMARY")
                event.summary = cl;
            else if (cl.name == "DESCRIPTION")
                event.description = cl;
            else if (cl.name == "X-APPLE-SPECIAL-DAY")
                event.appleDay = cl;
            else if (cl.name == "CATEGORIES") {
                for (std::string &c : splitList(cl.value))
                    event.categories.push_back(std::move(c));
            }
        }
    }
    if (!finished)
        return Error{"ics.syntax", "iCalendar文件不完整：缺少END:VCALENDAR", {}};

    const auto prop = [&](const char *name) -> std::optional<std::string> {
        const auto it = calendarProps.find(name);
        if (it == calendarProps.end())
            return std::nullopt;
        return unescapeText(it->second);
    };
    const bool ownFormat = prop("X-SPGL-FORMAT").has_value();
    std::optional<int> fixedYear;
    if (const auto y = prop("X-SPGL-YEAR")) {
        const std::string v(trim(*y));
        if (v.size() != 4 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return Error{"ics.year", "iCalendar文件的X-SPGL-YEAR“" + v + "”不是年份", {}};
        fixedYear = std::stoi(v);
    }

    std::vector<ParsedEvent> parsed;
    for (const Event &event : events) {
        auto p = convert(event, ownFormat);
        if (!p)
            return p.error();
        parsed.push_back(std::move(p).value());
    }
    if (parsed.empty() && !fixedYear)
        return Error{"ics.empty", "iCalendar文件中没有放假或调休上班事件", {}};

    std::string name = prop("X-SPGL-NAME").value_or(prop("X-WR-CALNAME").value_or("导入的日历"));
    auto layer = CalendarLayer::create(prop("X-SPGL-LAYER").value_or("imported"), std::move(name),
                                       std::string(trim(prop("X-SPGL-REGION").value_or(""))));
    if (!layer)
        return layer.error();

    // The year of each event's notice.
    const auto yearOf = [&](const ParsedEvent &e) {
        if (fixedYear)
            return *fixedYear;
        if (e.kind == Kind::Holiday)
            return int(e.to.year());
        int best = int(e.from.year());
        long bestDistance = std::numeric_limits<long>::max();
        const long day = long(sys_days{e.from}.time_since_epoch().count());
        for (const ParsedEvent &h : parsed) {
            if (h.kind != Kind::Holiday || h.name != e.name)
                continue;
            const long from = long(sys_days{h.from}.time_since_epoch().count());
            const long to = long(sys_days{h.to}.time_since_epoch().count());
            const long distance = day < from ? from - day : (day > to ? day - to : 0);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = int(h.to.year());
            }
        }
        return best;
    };

    std::map<int, CalendarLayer::Year> years;
    if (fixedYear)
        years[*fixedYear].year = *fixedYear;
    for (const ParsedEvent &e : parsed) {
        const int y = yearOf(e);
        CalendarLayer::Year &entry = years[y];
        entry.year = y;
        if (e.kind == Kind::Holiday) {
            entry.holidays.push_back({e.name, e.from, e.to, e.note});
        } else {
            for (sys_days d{e.from}; d <= sys_days{e.to}; d += days{1})
                entry.workdays.push_back({e.name, Date{d}, e.note});
        }
    }
    const std::optional<std::string> source = prop("X-SPGL-SOURCE");
    const std::optional<std::string> prodid = prop("PRODID");
    const bool confirmed = upper(trim(prop("X-SPGL-CONFIRMED").value_or(""))) == "TRUE";
    for (auto &[y, entry] : years) {
        entry.source = source ? *source : "iCalendar导入" + (prodid ? "（" + *prodid + "）" : std::string());
        entry.confirmed = confirmed;
        if (Status status = layer.value().setYear(std::move(entry)); !status) {
            Error e = status.error();
            e.message = "iCalendar文件的内容无效：" + e.message;
            return e;
        }
    }
    return layer;
}

} // namespace spgl
