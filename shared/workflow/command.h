#pragma once

#include "workflow/application.h"
#include "workflow/approvalcase.h"
#include "workflow/delivery.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spgl {

/// What a command asks for. The text forms (toString) are the command names of the API and
/// of the sync protocol (`"command":"accept"`).
enum class CommandKind {
    Submit,                ///< "submit": file an application (申报)
    Withdraw,              ///< "withdraw": the applicant takes it back before acceptance (撤件)
    Accept,                ///< "accept": the window accepts (受理); cases open, clocks start
    Refuse,                ///< "refuse": 不予受理 with a reason
    RequestSupplement,     ///< "request_supplement": 补正 (application before acceptance, or a case)
    ProvideSupplement,     ///< "provide_supplement": the applicant hands in what was asked
    Claim,                 ///< "claim": a reviewer takes a case
    AddOpinion,            ///< "add_opinion": a review opinion on a case
    RequestConsultation,   ///< "request_consultation": ask another department (征求意见)
    ReplyConsultation,     ///< "reply_consultation": that department answers
    StartSpecialProcedure, ///< "start_special_procedure": 特别程序 begins; the clock pauses
    EndSpecialProcedure,   ///< "end_special_procedure": it ends; the clock resumes
    Decide,                ///< "decide": 办结 with an outcome and a result document
    Deliver,               ///< "deliver": unified delivery of the stage's results (统一出件)
};

/// The outcome of a decision.
enum class Outcome {
    Approved,          ///< "approved" 通过
    ApprovedTolerated, ///< "approved_tolerated" 容缺通过
    Disapproved,       ///< "disapproved" 不通过
};

std::string_view toString(CommandKind kind);
std::optional<CommandKind> commandKindFromString(std::string_view text);
std::string_view toString(Outcome outcome);
std::optional<Outcome> outcomeFromString(std::string_view text);

/**
 * @brief One command to the engine. Which fields matter depends on the kind; the rest stay
 *        empty. Built by the server from a REST body or a sync op, and by the desktop offline.
 */
struct Command
{
    CommandKind kind = CommandKind::Submit;
    std::string caseId;                          ///< the case a case command targets
    std::optional<std::int64_t> expectedVersion; ///< of the case (case commands) or the application
    std::string text;                            ///< opinion, reason, question, answer or procedure result
    std::vector<std::string> materials;       ///< material keys "item/material": to supplement, or tolerated (容缺)
    std::vector<std::string> commitmentItems; ///< items accepted under 告知承诺
    std::string consultationId;               ///< request (new id) / reply
    std::string department;                   ///< the department consulted
    std::string procedure;                    ///< special procedure kind
    Outcome outcome = Outcome::Approved;
    std::optional<ResultDocument> document;
    Delivery delivery;                     ///< Deliver: method, tracking number, recipient, time
    std::optional<Application> submission; ///< Submit: the application as filed (status None)
};

} // namespace spgl
