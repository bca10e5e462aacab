#include "calendar/workcalendar.h"

#include "calendar/dates.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>

namespace spgl {

using std::chrono::sys_days;

namespace {

/// Day number (days since 1970-01-01) of a date.
int dayNumber(sys_days day)
{
    return int(day.time_since_epoch().count());
}

sys_days fromDayNumber(int day)
{
    return sys_days{std::chrono::days{day}};
}

constexpr int kMonday = 4; // 1970-01-05 was a Monday

int floorDiv(int a, int b)
{
    int q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0)))
        --q;
    return q;
}

/// Cumulative count of Monday–Friday days up to day @p x (relative to a fixed origin).
int weekdaysUpTo(int x)
{
    const int d = x - kMonday;
    const int w = floorDiv(d, 7);
    const int r = d - 7 * w;
    return 5 * w + std::min(r + 1, 5);
}

/// The day whose weekdaysUpTo() first reaches @p k: the k-th Monday–Friday day.
int nthWeekday(int k)
{
    const int k1 = k - 1;
    const int w = floorDiv(k1, 5);
    const int r = k1 - 5 * w;
    return kMonday + 7 * w + r;
}

bool isWeekday(int x)
{
    const int d = x - kMonday;
    return d - 7 * floorDiv(d, 7) < 5;
}

} // namespace

/**
 * Working days of one layer combination as a cumulative count over a range of days, with the
 * plain Monday–Friday rule before and after it. count(x) is the number of working days up to
 * and including day x (relative to an arbitrary origin, consistent over all days); nth(k) is
 * the day on which that count reaches k, i.e. the k-th working day.
 */
struct WorkCalendar::Index
{
    int base = 0;                  ///< first day of the range
    int last = -1;                 ///< last day of the range
    int before = 0;                ///< weekdaysUpTo(base - 1)
    int total = 0;                 ///< working days in the range
    int lastF = 0;                 ///< weekdaysUpTo(last)
    std::vector<std::int32_t> cum; ///< cum[i]: working days in [base, base + i]
    std::vector<std::int32_t> pos; ///< pos[j]: offset from base of the (j+1)-th working day

    int count(int x) const
    {
        if (cum.empty() || x < base)
            return weekdaysUpTo(x);
        if (x <= last)
            return before + cum[std::size_t(x - base)];
        return before + total + weekdaysUpTo(x) - lastF;
    }

    int nth(int k) const
    {
        if (cum.empty() || k <= before)
            return nthWeekday(k);
        if (k <= before + total)
            return base + pos[std::size_t(k - before - 1)];
        return nthWeekday(k - before - total + lastF);
    }

    /// The index of @p layers (applied in order) over days [base, last].
    static std::shared_ptr<const Index> build(const std::vector<const CalendarLayer *> &layers, int base, int last);

    bool isWorkday(int x) const
    {
        if (cum.empty() || x < base || x > last)
            return isWeekday(x);
        return x == base ? cum[0] == 1 : cum[std::size_t(x - base)] != cum[std::size_t(x - base - 1)];
    }
};

std::shared_ptr<const WorkCalendar::Index> WorkCalendar::Index::build(const std::vector<const CalendarLayer *> &layers,
                                                                      int base, int last)
{
    using namespace std::chrono;
    const std::size_t size = std::size_t(last - base + 1);
    std::vector<char> work(size);
    for (std::size_t i = 0; i < size; ++i)
        work[i] = isWeekday(base + int(i));
    const auto set = [&](sys_days day, bool worked) {
        const int x = dayNumber(day);
        if (x >= base && x <= last)
            work[std::size_t(x - base)] = worked;
    };
    for (const CalendarLayer *layer : layers) {
        for (const CalendarLayer::Year &entry : layer->years()) {
            for (const CalendarLayer::Holiday &h : entry.holidays) {
                for (sys_days d{h.from}; d <= sys_days{h.to}; d += days{1})
                    set(d, false);
            }
            for (const CalendarLayer::Workday &w : entry.workdays)
                set(sys_days{w.date}, true);
        }
    }
    auto index = std::make_shared<Index>();
    index->base = base;
    index->last = last;
    index->before = weekdaysUpTo(base - 1);
    index->lastF = weekdaysUpTo(last);
    index->cum.resize(size);
    std::int32_t running = 0;
    for (std::size_t i = 0; i < size; ++i) {
        if (work[i]) {
            ++running;
            index->pos.push_back(std::int32_t(i));
        }
        index->cum[i] = running;
    }
    index->total = running;
    return index;
}

struct WorkCalendar::View
{
    std::string prefix; ///< the longest layer prefix a region code must start with
    std::shared_ptr<const Index> index;
};

struct WorkCalendar::Data
{
    std::vector<CalendarLayer> layers;
    std::vector<View> views; ///< longest prefix first; the last one is the national view ("")
};

WorkCalendar::WorkCalendar()
{
    auto data = std::make_shared<Data>();
    data->views.push_back({std::string(), std::make_shared<Index>()});
    m_data = std::move(data);
}

Result<WorkCalendar> WorkCalendar::fromLayers(std::vector<CalendarLayer> layers)
{
    using namespace std::chrono;
    if (std::count_if(layers.begin(), layers.end(), [](const CalendarLayer &l) { return l.national(); }) > 1)
        return Error{"calendar.layers", "工作日历只能有一个全国图层", {}};
    std::stable_sort(layers.begin(), layers.end(), [](const CalendarLayer &a, const CalendarLayer &b) {
        return a.regionPrefix().size() < b.regionPrefix().size();
    });

    // One index range for all views: the years described, with a year of margin either side
    // (notices reach into the neighbouring months).
    int minYear = INT_MAX, maxYear = INT_MIN;
    for (const CalendarLayer &layer : layers) {
        if (!layer.years().empty()) {
            minYear = std::min(minYear, layer.years().front().year);
            maxYear = std::max(maxYear, layer.years().back().year);
        }
    }

    auto data = std::make_shared<Data>();
    data->layers = std::move(layers);
    std::vector<std::string> prefixes{std::string()};
    for (const CalendarLayer &layer : data->layers) {
        if (std::find(prefixes.begin(), prefixes.end(), layer.regionPrefix()) == prefixes.end())
            prefixes.push_back(layer.regionPrefix());
    }
    std::stable_sort(prefixes.begin(), prefixes.end(),
                     [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
    for (const std::string &prefix : prefixes) {
        std::vector<const CalendarLayer *> applying;
        for (const CalendarLayer &layer : data->layers) {
            if (layer.appliesTo(prefix))
                applying.push_back(&layer);
        }
        std::shared_ptr<const Index> index;
        if (minYear <= maxYear) {
            const int base = dayNumber(sys_days{std::chrono::year{minYear - 1} / January / 1});
            const int last = dayNumber(sys_days{std::chrono::year{maxYear + 1} / December / 31});
            index = Index::build(applying, base, last);
        } else {
            index = std::make_shared<Index>();
        }
        data->views.push_back({prefix, std::move(index)});
    }
    WorkCalendar calendar;
    calendar.m_data = std::move(data);
    return calendar;
}

Result<WorkCalendar> WorkCalendar::fromJson(const std::vector<nlohmann::json> &documents)
{
    std::vector<CalendarLayer> layers;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        auto layer = CalendarLayer::fromJson(documents[i]);
        if (!layer) {
            Error e = layer.error();
            e.message = "第" + std::to_string(i + 1) + "个日历图层：" + e.message;
            return e;
        }
        layers.push_back(std::move(layer).value());
    }
    return fromLayers(std::move(layers));
}

Result<WorkCalendar> WorkCalendar::fromFiles(const std::vector<std::string> &paths)
{
    std::vector<CalendarLayer> layers;
    for (const std::string &path : paths) {
        auto layer = CalendarLayer::fromFile(path);
        if (!layer)
            return layer.error();
        layers.push_back(std::move(layer).value());
    }
    return fromLayers(std::move(layers));
}

const std::vector<CalendarLayer> &WorkCalendar::layers() const
{
    return m_data->layers;
}

bool WorkCalendar::covers(int year) const
{
    return std::any_of(m_data->layers.begin(), m_data->layers.end(),
                       [year](const CalendarLayer &l) { return l.national() && l.year(year) != nullptr; });
}

const WorkCalendar::Index &WorkCalendar::indexFor(std::string_view regionCode) const
{
    for (const View &view : m_data->views) {
        if (regionCode.substr(0, view.prefix.size()) == view.prefix && regionCode.size() >= view.prefix.size())
            return *view.index;
    }
    return *m_data->views.back().index; // not reached: the national view matches every code
}

bool WorkCalendar::isWorkday(Date date, std::string_view regionCode) const
{
    return indexFor(regionCode).isWorkday(dayNumber(sys_days{date}));
}

WorkCalendar::Date WorkCalendar::addWorkdays(Date start, int n, std::string_view regionCode) const
{
    if (n == 0)
        return start;
    return addWorkdaysOn(sys_days{start}, n, regionCode);
}

sys_days WorkCalendar::addWorkdaysOn(sys_days start, int n, std::string_view regionCode) const
{
    if (n == 0)
        return start;
    const Index &index = indexFor(regionCode);
    const int s = dayNumber(start);
    const int k = n > 0 ? index.count(s) + n : index.count(s - 1) + n + 1;
    return fromDayNumber(index.nth(k));
}

WorkCalendar::Date WorkCalendar::addDays(Date start, int n, std::string_view regionCode, NaturalDayRule rule) const
{
    const int d = dayNumber(sys_days{start}) + n;
    if (rule == NaturalDayRule::Fixed)
        return fromDayNumber(d);
    const Index &index = indexFor(regionCode);
    return fromDayNumber(index.isWorkday(d) ? d : index.nth(index.count(d) + 1));
}

int WorkCalendar::workdaysBetween(Date from, Date to, std::string_view regionCode) const
{
    return workdaysBetweenOn(sys_days{from}, sys_days{to}, regionCode);
}

int WorkCalendar::workdaysBetweenOn(sys_days from, sys_days to, std::string_view regionCode) const
{
    const Index &index = indexFor(regionCode);
    return index.count(dayNumber(to)) - index.count(dayNumber(from));
}

int WorkCalendar::workdaysBetween(std::int64_t fromMs, std::int64_t toMs, std::string_view regionCode) const
{
    return workdaysBetween(Date{beijingDay(fromMs)}, Date{beijingDay(toMs)}, regionCode);
}

std::vector<CalendarLayer> WorkCalendar::year(int year) const
{
    std::vector<CalendarLayer> result;
    for (const CalendarLayer &layer : m_data->layers) {
        if (const CalendarLayer::Year *entry = layer.year(year)) {
            auto copy = CalendarLayer::create(layer.id(), layer.name(), layer.regionPrefix());
            if (copy && copy.value().setYear(*entry))
                result.push_back(std::move(copy).value());
        }
    }
    return result;
}

std::vector<CalendarLayer> WorkCalendar::year(int year, std::string_view regionCode) const
{
    std::vector<CalendarLayer> result = this->year(year);
    std::erase_if(result, [&](const CalendarLayer &l) { return !l.appliesTo(regionCode); });
    return result;
}

} // namespace spgl
