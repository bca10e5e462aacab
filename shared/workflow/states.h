#pragma once

#include <optional>
#include <string_view>

namespace spgl {

/// Where an application (申报) stands.
enum class ApplicationStatus {
    None,                ///< not yet submitted
    Submitted,           ///< 已接件: waiting for the window
    SupplementRequested, ///< 补正 before acceptance (no clock runs)
    Withdrawn,           ///< 已撤件 by the applicant before acceptance
    Refused,             ///< 不予受理
    InReview,            ///< 受理: cases in parallel review
    Concluded,           ///< the stage passed (阶段办结)
    NotPassed,           ///< the stage did not pass (a milestone case disapproved)
    Delivered,           ///< results handed over (统一出件)
};

/// Where one case (办件, one item of an accepted application) stands.
enum class CaseStatus {
    Accepted,          ///< 受理, waiting for a reviewer to claim it
    InProgress,        ///< 部门办理 by the assignee
    Supplement,        ///< 补正 requested after acceptance: clock paused
    SpecialProcedure,  ///< 特别程序: clock paused
    Approved,          ///< 办结（通过）
    ApprovedTolerated, ///< 办结（容缺通过）
    Disapproved,       ///< 办结（不通过）
};

std::string_view toString(ApplicationStatus status);
std::string_view toString(CaseStatus status);
std::optional<ApplicationStatus> applicationStatusFromString(std::string_view text);
std::optional<CaseStatus> caseStatusFromString(std::string_view text);

/// Whether a case status is final (decided).
inline bool isDecided(CaseStatus s)
{
    return s == CaseStatus::Approved || s == CaseStatus::ApprovedTolerated || s == CaseStatus::Disapproved;
}
/// Whether the clock of a case in this status is paused.
inline bool isPaused(CaseStatus s)
{
    return s == CaseStatus::Supplement || s == CaseStatus::SpecialProcedure;
}
/// Whether the application can take no more handling commands (delivery aside).
inline bool isClosed(ApplicationStatus s)
{
    return s == ApplicationStatus::Withdrawn || s == ApplicationStatus::Refused || s == ApplicationStatus::Delivered;
}

} // namespace spgl
