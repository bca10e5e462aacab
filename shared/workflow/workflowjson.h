#pragma once

#include "calendar/clock.h"
#include "calendar/workcalendar.h"
#include "core/result.h"
#include "workflow/application.h"
#include "workflow/command.h"
#include "workflow/event.h"

#include <nlohmann/json.hpp>

#include <cstdint>

/**
 * @file
 * @brief The JSON forms of the engine's values: applications with their cases (stored state and
 *        the desktop cache), events (the timeline and the change feed) and commands (REST bodies
 *        and sync ops). snake_case keys; instants as epoch milliseconds in stored forms.
 */

namespace spgl::workflowjson {

nlohmann::json toJson(const Clock &clock);
Result<Clock> clockFromJson(const nlohmann::json &json);

/// The clock as API.md shows it: {limit, unit, deadline, used_workdays, remaining, paused,
/// level, first_overdue}, read at @p nowMs.
nlohmann::json clockView(const Clock &clock, const WorkCalendar &calendar, std::int64_t nowMs);
std::string_view levelName(Clock::Level level);

nlohmann::json toJson(const ResultDocument &document);
nlohmann::json toJson(const ApprovalCase &c);
Result<ApprovalCase> caseFromJson(const nlohmann::json &json);
nlohmann::json toJson(const Application &application);
Result<Application> applicationFromJson(const nlohmann::json &json);

/// An event with kind, blzt and blzt_name.
nlohmann::json toJson(const Event &event);
Result<Event> eventFromJson(const nlohmann::json &json);

/**
 * @brief A command from its arguments as the API and the sync protocol carry them:
 *        {opinion|reason|question|answer|result, missing_materials, tolerated, commitment,
 *        consultation_id, department, kind, outcome, document:{number,title,date,valid_until,
 *        file_id}, method, tracking_no, recipient, delivered_at (RFC 3339)}. Type errors name the
 *        field. Submit is built by the server instead.
 */
Result<Command> commandFromJson(CommandKind kind, const std::string &caseId, const nlohmann::json &args);
/// The arguments of a command in the form commandFromJson reads.
nlohmann::json argsToJson(const Command &command);

} // namespace spgl::workflowjson
