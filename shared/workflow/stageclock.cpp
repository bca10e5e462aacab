#include "workflow/stageclock.h"

#include <algorithm>
#include <limits>

namespace spgl {

namespace {
/// Whether @p c's own clock is paused at instant @p t.
bool pausedAt(const ApprovalCase &c, std::int64_t t)
{
    if (!c.clock)
        return false;
    for (const auto &p : c.clock->pauses())
        if (p.start <= t && (!p.end || t < *p.end))
            return true;
    return false;
}

bool undecidedAt(const ApprovalCase &c, std::int64_t t)
{
    return c.decidedAt == 0 || t < c.decidedAt;
}

/// Whether the stage waits at instant @p t: some case is open then, and every open case is paused.
bool stageWaits(const Application &app, std::int64_t t)
{
    bool anyOpen = false;
    for (const auto &c : app.cases) {
        if (!undecidedAt(c, t))
            continue;
        anyOpen = true;
        if (!pausedAt(c, t))
            return false;
    }
    return anyOpen;
}
} // namespace

std::optional<Clock> StageClock::of(const Application &app)
{
    if (app.acceptedAt == 0 || app.stageLimit <= 0)
        return std::nullopt;
    auto clock = Clock::create(app.acceptedAt, app.stageLimit, app.stageUnit, app.regionCode);
    if (!clock.ok())
        return std::nullopt;

    // Instants where the answer can change: pause starts and ends, decisions, the conclusion.
    std::vector<std::int64_t> points{app.acceptedAt};
    for (const auto &c : app.cases) {
        if (c.clock)
            for (const auto &p : c.clock->pauses()) {
                points.push_back(p.start);
                if (p.end)
                    points.push_back(*p.end);
            }
        if (c.decidedAt)
            points.push_back(c.decidedAt);
    }
    const std::int64_t end = app.concludedAt ? app.concludedAt : std::numeric_limits<std::int64_t>::max();
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());

    std::optional<std::int64_t> waitingSince;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const std::int64_t a = points[i];
        if (a < app.acceptedAt || a >= end)
            continue;
        // The state holds on [a, next point): read it at a itself (pauses are [start, end)).
        const bool waits = stageWaits(app, a);
        if (waits && !waitingSince) {
            waitingSince = a;
        } else if (!waits && waitingSince) {
            (void)clock.value().addPause({*waitingSince, a});
            waitingSince.reset();
        }
    }
    if (waitingSince) {
        if (app.concludedAt)
            (void)clock.value().addPause({*waitingSince, app.concludedAt});
        else
            (void)clock.value().addPause({*waitingSince, std::nullopt});
    }
    return std::move(clock).value();
}

} // namespace spgl
