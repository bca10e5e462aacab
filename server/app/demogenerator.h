#pragma once

#include "auth/principal.h"
#include "calendar/workcalendar.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <random>
#include <string>

namespace spgl {
class FormDefinition;
}

namespace spgl::server {

class Connection;
class ServerContext;

/**
 * @brief Generates realistic demo projects (`spgl-server demo --projects=N --seed=S`, and
 *        `--demo --demo-projects=N` on an empty database).
 *
 * Each project of the demo prefecture (its districts, the three seeded process types) is filed
 * by the demo applicant and walked through the real engine by the demo staff, stage after
 * stage, with supplements, consultations, special procedures and the occasional refusal, from a
 * start some weeks or months ago up to today. Where a project stands today (which stage, which
 * state, which clock level) follows from its simulated history, so stages, states and levels
 * are spread out. The same seed gives the same projects and histories relative to the anchor
 * day (`--anchor=YYYY-MM-DD`, or today, Beijing time). Histories end at 17:00 of a past anchor
 * day, or at the start of today: nothing is dated in the future. The window and the departments
 * act in office hours; the applicant at any hour.
 */
class DemoGenerator
{
public:
    explicit DemoGenerator(ServerContext &context);

    /// Generates @p projects projects; returns a one-line report.
    std::string generate(int projects, std::uint64_t seed, std::int64_t anchorMs = 0);
    /// Generates only when there is no project yet (the run command's demo data).
    void generateIfEmpty(int projects, std::uint64_t seed);

private:
    struct Stats;
    void project(Connection &c, int index, std::int64_t anchorMs, Stats &stats);
    nlohmann::json sampleForm(const FormDefinition &form, const nlohmann::json &project);
    Principal staffFor(const std::string &departmentCode) const;
    /// The first instant from @p ms (epoch ms) within office hours of a working day in @p region.
    static std::int64_t officeHour(const WorkCalendar &calendar, const std::string &region, std::int64_t ms);
    bool chance(double p);
    int uniform(int lo, int hi);

    ServerContext &m_ctx;
    std::mt19937_64 m_rng;
    std::uint64_t m_seed = 1;
    Principal m_applicant;
    Principal m_clerk;
    std::map<std::string, Principal> m_reviewers; ///< department code → reviewer
    std::int64_t m_serialBase = 0;
};

} // namespace spgl::server
