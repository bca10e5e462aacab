#pragma once

#include "calendar/workcalendar.h"
#include "core/result.h"
#include "workflow/actor.h"
#include "workflow/application.h"
#include "workflow/command.h"
#include "workflow/event.h"
#include "workflow/itemdefinition.h"

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace spgl {

/// Finds an item definition by code and version (nullptr when unknown).
using ItemResolver = std::function<const ItemDefinition *(std::string_view code, std::string_view version)>;

/// What the engine needs besides the application and the command: the instant, who acts, the
/// calendar and the catalog. The server and the offline desktop fill it the same way.
struct EngineContext
{
    std::int64_t nowMs = 0;
    Actor actor;
    const WorkCalendar *calendar = nullptr; ///< required for accept (tolerance deadlines)
    ItemResolver items;                     ///< required for accept and special procedures
    bool applicantBlacklisted = false;      ///< 失信: 容缺 and 告知承诺 are refused
};

/**
 * @brief The approval engine: (application, command) → events | error, and events → state.
 *
 * Pure functions: no clock reading, no storage, no I/O. decide() checks the command against
 * the state, the actor's roles and department, the expected version and the catalog, and returns
 * the events it causes; apply() folds one event into the state. The same code decides in the
 * server and, optimistically, in the offline desktop.
 *
 * ## Transition table
 * Application: None →submit→ Submitted; Submitted →request_supplement→ SupplementRequested
 * →provide_supplement→ Submitted; Submitted|SupplementRequested →withdraw→ Withdrawn;
 * Submitted →refuse→ Refused; Submitted →accept→ InReview (one case per item, clocks start);
 * InReview →(last case decided)→ Concluded | NotPassed; Concluded|NotPassed →deliver→ Delivered
 * (method online / in_person / post; a post needs its tracking number; the handover time, default
 * now, lies between the conclusion and now).
 *
 * Case: Accepted →claim→ InProgress; InProgress →request_supplement→ Supplement
 * →provide_supplement→ InProgress; InProgress →start_special_procedure→ SpecialProcedure
 * →end_special_procedure→ InProgress; InProgress →decide→ Approved | ApprovedTolerated |
 * Disapproved. Opinions and consultations keep the status (Accepted, InProgress, Supplement or
 * SpecialProcedure); replies are allowed until the case is decided.
 *
 * ## Error codes
 * "workflow.forbidden" (the actor may not), "workflow.state" (not in this state),
 * "workflow.version" (expected_version differs), "workflow.not_found" (no such case or
 * consultation), "workflow.invalid" (bad arguments; field names the argument).
 */
class Engine
{
public:
    /// The events @p command causes on @p application, or why it cannot be done.
    static Result<std::vector<Event>> decide(const Application &application, const Command &command,
                                             const EngineContext &context);
    /// Folds one event (as returned by decide, or loaded) into @p application.
    static void apply(Application &application, const Event &event);
    /// decide() then apply() of every event; @p application is unchanged on error.
    static Result<std::vector<Event>> execute(Application &application, const Command &command,
                                              const EngineContext &context);
};

} // namespace spgl
