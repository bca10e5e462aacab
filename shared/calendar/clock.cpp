#include "calendar/clock.h"

#include "calendar/dates.h"

#include <algorithm>

namespace spgl {

using std::chrono::sys_days;

namespace {

constexpr int kMaxLimit = 36500;

int dayNumber(std::int64_t epochMs)
{
    return int(beijingDay(epochMs).time_since_epoch().count());
}

sys_days toDays(int day)
{
    return sys_days{std::chrono::days{day}};
}

int dayNumber(Clock::Date date)
{
    return int(sys_days{date}.time_since_epoch().count());
}

/// Counting in the clock's unit on a calendar and region.
class Counter
{
public:
    Counter(const WorkCalendar &calendar, const std::string &region, Clock::Unit unit)
        : m_calendar(calendar)
        , m_region(region)
        , m_workdays(unit == Clock::Unit::Workday)
    {}

    /// Unit days in (a, b], negative when b < a.
    int between(int a, int b) const
    {
        if (!m_workdays)
            return b - a;
        return m_calendar.workdaysBetweenOn(toDays(a), toDays(b), m_region);
    }

    /// The n-th unit day after day @p a.
    int advance(int a, int n) const
    {
        if (!m_workdays)
            return a + n;
        return int(m_calendar.addWorkdaysOn(toDays(a), n, m_region).time_since_epoch().count());
    }

private:
    const WorkCalendar &m_calendar;
    const std::string &m_region;
    bool m_workdays;
};

} // namespace

Result<Clock> Clock::create(std::int64_t startMs, int limit, Unit unit, std::string regionCode)
{
    if (limit < 0 || limit > kMaxLimit)
        return Error{"clock.limit", "办理时限应为0至" + std::to_string(kMaxLimit) + "天", "limit"};
    Clock clock;
    clock.m_start = startMs;
    clock.m_limit = limit;
    clock.m_unit = unit;
    clock.m_region = std::move(regionCode);
    return clock;
}

Status Clock::setWarningDays(int days)
{
    if (days < 0 || days > kMaxLimit)
        return Error{"clock.warning_days", "预警天数应为不小于0的整数", "warningDays"};
    m_warningDays = days;
    return {};
}

bool Clock::paused() const
{
    return !m_pauses.empty() && !m_pauses.back().end;
}

Status Clock::pause(std::int64_t atMs)
{
    return addPause(Pause{atMs, std::nullopt});
}

Status Clock::resume(std::int64_t atMs)
{
    if (!paused())
        return Error{"clock.not_paused", "计时未暂停，无法恢复", {}};
    if (atMs < m_pauses.back().start)
        return Error{"clock.pause_order", "恢复计时的时间早于暂停开始的时间", {}};
    m_pauses.back().end = atMs;
    return {};
}

Status Clock::addPause(Pause pause)
{
    if (paused())
        return Error{"clock.already_paused", "计时已处于暂停状态，须先恢复", {}};
    if (pause.start < m_start)
        return Error{"clock.pause_order", "暂停开始的时间早于计时开始的时间", {}};
    if (!m_pauses.empty() && pause.start < *m_pauses.back().end)
        return Error{"clock.pause_order", "暂停开始的时间早于上一次暂停结束的时间", {}};
    if (pause.end && *pause.end < pause.start)
        return Error{"clock.pause_order", "暂停结束的时间早于暂停开始的时间", {}};
    m_pauses.push_back(pause);
    return {};
}

namespace {

struct Deadline
{
    int day = 0;        // the deadline, before a natural-day postponement
    int pausedDays = 0; // unit days taken out before it
};

// The pauses as seen at nowMs, as day spans (a, b] in order; f(a, b) is called for each span
// that takes out at least one day.
template<typename F>
void forEachSpan(const std::vector<Clock::Pause> &pauses, std::int64_t startMs, std::int64_t nowMs, F &&f)
{
    for (const Clock::Pause &p : pauses) {
        if (p.start > nowMs)
            break; // pauses are in order; later ones did not exist yet
        const std::int64_t to = p.end && *p.end <= nowMs ? *p.end : nowMs;
        const int a = dayNumber(std::max(p.start, startMs));
        const int b = dayNumber(to);
        if (b > a)
            f(a, b);
    }
}

Deadline computeDeadline(const Clock &clock, const Counter &counter, std::int64_t nowMs)
{
    int cursor = dayNumber(clock.start());
    int need = clock.limit();
    int paused = 0;
    bool done = false;
    Deadline result;
    forEachSpan(clock.pauses(), clock.start(), nowMs, [&](int a, int b) {
        if (done)
            return;
        // A pause that begins on the deadline day still pushes it (need == available): with no
        // day left, the deadline becomes the day the pause ends.
        const int available = counter.between(cursor, a);
        if (need < available) {
            result.day = counter.advance(cursor, need);
            done = true;
            return;
        }
        need -= available;
        paused += counter.between(a, b);
        cursor = b;
    });
    if (!done)
        result.day = counter.advance(cursor, need);
    result.pausedDays = paused;
    return result;
}

} // namespace

Clock::Date Clock::deadline(const WorkCalendar &calendar, std::int64_t nowMs) const
{
    const Counter counter(calendar, m_region, m_unit);
    const Deadline d = computeDeadline(*this, counter, nowMs);
    if (m_unit == Unit::Day)
        return calendar.addDays(Date{toDays(d.day)}, 0, m_region, m_dayRule);
    return Date{toDays(d.day)};
}

Clock::State Clock::state(const WorkCalendar &calendar, std::int64_t nowMs) const
{
    const Counter counter(calendar, m_region, m_unit);
    const Deadline d = computeDeadline(*this, counter, nowMs);
    State state;
    state.deadline
        = m_unit == Unit::Day ? calendar.addDays(Date{toDays(d.day)}, 0, m_region, m_dayRule) : Date{toDays(d.day)};
    state.pausedDays = d.pausedDays;

    const int start = dayNumber(m_start);
    const int today = std::max(dayNumber(nowMs), start);
    int used = counter.between(start, today);
    forEachSpan(m_pauses, m_start, nowMs, [&](int a, int b) { used -= counter.between(a, b); });
    state.used = used;

    const int deadline = dayNumber(state.deadline);
    state.remaining = counter.between(today, deadline);
    state.paused = std::any_of(m_pauses.begin(), m_pauses.end(),
                               [nowMs](const Pause &p) { return p.start <= nowMs && (!p.end || *p.end > nowMs); });
    if (dayNumber(nowMs) > deadline) {
        state.level = Level::Overdue;
        state.firstOverdue = Date{toDays(deadline + 1)};
    } else if (state.remaining <= m_warningDays) {
        state.level = Level::Warning;
    }
    return state;
}

} // namespace spgl
