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

/**
 * @brief What an event records. Each kind maps to exactly one national handling state code
 *        (BLZT, see blzt()), so every event becomes one row of handling detail
 *        (SPGL_XMSPSXBLXXXXB).
 */
enum class EventKind {
    Received,                ///< "received"                 1 已接件
    Withdrawn,               ///< "withdrawn"                2 已撤件
    Accepted,                ///< "accepted" (one per case)  3 受理
    Refused,                 ///< "refused"                  5 不予受理
    SupplementRequested,     ///< "supplement_requested"     6 补正（开始）
    SupplementProvided,      ///< "supplement_provided"      7 补正（结束）
    Claimed,                 ///< "claimed"                  8 部门（开始）办理
    OpinionAdded,            ///< "opinion_added"            8
    ConsultationRequested,   ///< "consultation_requested"   8
    ConsultationReplied,     ///< "consultation_replied"     8
    SpecialProcedureStarted, ///< "special_procedure_started" 9 特别程序（开始）
    SpecialProcedureEnded,   ///< "special_procedure_ended"  10 特别程序（结束）
    Approved,                ///< "approved"                 11 办结（通过）
    ApprovedTolerated,       ///< "approved_tolerated"       12 办结（容缺通过）
    Disapproved,             ///< "disapproved"              13 办结（不通过）
    StageConcluded,          ///< "stage_concluded"          11 (application: the stage passed)
    StageNotPassed,          ///< "stage_not_passed"         13 (application: the stage failed)
    Delivered,               ///< "delivered"                11 (application: results handed over)
};

std::string_view toString(EventKind kind);
std::optional<EventKind> eventKindFromString(std::string_view text);
/// The national handling state code (BLZT 1–15) of an event kind.
int blzt(EventKind kind);
/// The Chinese name of a BLZT code.
std::string_view blztName(int code);

/// An immutable record of one change: who, when, what (全程留痕).
struct Event
{
    EventKind kind = EventKind::Received;
    std::int64_t seq = 0; ///< 1, 2, … within its application
    std::int64_t at = 0;  ///< epoch milliseconds
    std::string caseId;   ///< empty for application events
    std::string actorId;
    std::string actorName;
    std::string department;                    ///< the actor's department (BLCS)
    std::string text;                          ///< opinion / reason / question / answer / result (BLYJ)
    std::vector<std::string> materials;        ///< supplement asked/provided, tolerated at acceptance
    std::string ref;                           ///< consultation id, procedure kind or delivery method
    std::optional<Application> application;    ///< Received: the application as filed
    std::optional<ApprovalCase> openedCase;    ///< Accepted: the case as opened
    std::optional<Consultation> consultation;  ///< ConsultationRequested
    std::optional<SpecialProcedure> procedure; ///< SpecialProcedureStarted
    std::optional<ResultDocument> document;    ///< decisions
    std::optional<Delivery> delivery;          ///< Delivered: method, tracking number, recipient, time

    bool operator==(const Event &) const = default;
};

} // namespace spgl
