#include "calendar/dates.h"

#include <algorithm>
#include <cstdio>

namespace spgl {

namespace {

bool digits(std::string_view text, std::size_t from, std::size_t count, int &out)
{
    out = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

std::optional<std::chrono::year_month_day> make(int y, int m, int d)
{
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                           std::chrono::day{unsigned(d)}};
    if (!date.ok())
        return std::nullopt;
    return date;
}

std::string format(std::chrono::year_month_day date, const char *pattern)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, pattern, int(date.year()), unsigned(date.month()), unsigned(date.day()));
    return buffer;
}

} // namespace

std::optional<std::chrono::year_month_day> parseIsoDate(std::string_view text)
{
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4, y) || !digits(text, 5, 2, m)
        || !digits(text, 8, 2, d))
        return std::nullopt;
    return make(y, m, d);
}

std::optional<std::int64_t> parseRfc3339(std::string_view s)
{
    if (s.size() < 20)
        return std::nullopt;
    const auto date = parseIsoDate(s.substr(0, 10));
    if (!date || (s[10] != 'T' && s[10] != 't' && s[10] != ' '))
        return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    if (s[13] != ':' || s[16] != ':' || !digits(s, 11, 2, hour) || !digits(s, 14, 2, minute)
        || !digits(s, 17, 2, second))
        return std::nullopt;
    if (hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    std::size_t i = 19;
    if (i < s.size() && s[i] == '.') {
        const std::size_t from = ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        if (i == from)
            return std::nullopt;
    }
    std::int64_t offsetMs = 0;
    const std::string_view zone = s.substr(i);
    if (zone == "Z" || zone == "z") {
        offsetMs = 0;
    } else if (int oh = 0, om = 0; zone.size() == 6 && (zone[0] == '+' || zone[0] == '-' || zone[0] == ' ')
                                   && zone[3] == ':' && digits(zone, 1, 2, oh) && digits(zone, 4, 2, om)) {
        if (oh > 23 || om > 59)
            return std::nullopt;
        offsetMs = (std::int64_t(oh) * 60 + om) * 60 * 1000 * (zone[0] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    const std::int64_t dayMs = std::int64_t(std::chrono::sys_days{*date}.time_since_epoch().count()) * kMsPerDay;
    return dayMs + ((std::int64_t(hour) * 60 + minute) * 60 + std::min(second, 59)) * 1000 - offsetMs;
}

std::string isoDate(std::chrono::year_month_day date)
{
    return format(date, "%04d-%02u-%02u");
}

std::optional<std::chrono::year_month_day> parseBasicDate(std::string_view text)
{
    int y = 0, m = 0, d = 0;
    if (text.size() != 8 || !digits(text, 0, 4, y) || !digits(text, 4, 2, m) || !digits(text, 6, 2, d))
        return std::nullopt;
    return make(y, m, d);
}

std::string basicDate(std::chrono::year_month_day date)
{
    return format(date, "%04d%02u%02u");
}

} // namespace spgl
