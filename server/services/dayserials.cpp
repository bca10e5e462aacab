#include "services/dayserials.h"

#include "core/beijingtime.h"

namespace spgl::server {

std::int64_t DaySerials::take(Connection &c, std::int64_t nowMs, std::int64_t count)
{
    // One statement: the day's first submissions may come concurrently (PostgreSQL), and an
    // UPDATE-then-INSERT lets all but one of them fail on the counter's key.
    return c
        .queryOne("INSERT INTO counters (name, value) VALUES (?, ?) "
                  "ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value RETURNING value",
                  {"application:" + beijing::dateText(nowMs), count})
        ->integer(0);
}

std::int64_t DaySerials::next(std::int64_t nowMs)
{
    const std::string day = beijing::dateText(nowMs);
    std::lock_guard lock(m_mutex);
    if (day != m_day || m_next >= m_end) {
        // Under the mutex: the other submissions of this server wait for the block (one short
        // statement) rather than each reserving one of their own.
        const std::int64_t last = m_db.writeOne([&](Connection &c) { return take(c, nowMs, m_block); });
        m_day = day;
        m_next = last - m_block + 1;
        m_end = last + 1;
    }
    return m_next++;
}

} // namespace spgl::server
