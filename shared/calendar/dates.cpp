#include "calendar/dates.h"

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
