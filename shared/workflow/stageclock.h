#pragma once

#include "calendar/clock.h"
#include "workflow/application.h"

#include <optional>

namespace spgl {

/**
 * @brief The clock of a stage (阶段时限): the stage limit the application pinned at submission,
 *        counted from acceptance (受理) to the stage's conclusion.
 *
 * The stage waits while nobody can work on it: it is paused exactly while every case not yet
 * decided is paused (补正 by the applicant, 特别程序), and runs as soon as one of them runs again.
 * A case decided no longer holds the stage back. The pauses are derived from the cases' own
 * clocks, so the stage clock needs no state of its own.
 */
class StageClock
{
public:
    /// The stage clock of @p application, or nothing before acceptance or without a stage limit.
    static std::optional<Clock> of(const Application &application);
};

} // namespace spgl
