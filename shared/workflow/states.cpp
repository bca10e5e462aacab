#include "workflow/states.h"

#include <array>
#include <utility>

namespace spgl {

namespace {
constexpr std::array<std::pair<ApplicationStatus, std::string_view>, 9> kApplication = {{
    {ApplicationStatus::None, "none"},
    {ApplicationStatus::Submitted, "submitted"},
    {ApplicationStatus::SupplementRequested, "supplement_requested"},
    {ApplicationStatus::Withdrawn, "withdrawn"},
    {ApplicationStatus::Refused, "refused"},
    {ApplicationStatus::InReview, "in_review"},
    {ApplicationStatus::Concluded, "concluded"},
    {ApplicationStatus::NotPassed, "not_passed"},
    {ApplicationStatus::Delivered, "delivered"},
}};
constexpr std::array<std::pair<CaseStatus, std::string_view>, 7> kCase = {{
    {CaseStatus::Accepted, "accepted"},
    {CaseStatus::InProgress, "in_progress"},
    {CaseStatus::Supplement, "supplement"},
    {CaseStatus::SpecialProcedure, "special_procedure"},
    {CaseStatus::Approved, "approved"},
    {CaseStatus::ApprovedTolerated, "approved_tolerated"},
    {CaseStatus::Disapproved, "disapproved"},
}};
} // namespace

std::string_view toString(ApplicationStatus status)
{
    for (const auto &[s, name] : kApplication)
        if (s == status)
            return name;
    return "none";
}

std::string_view toString(CaseStatus status)
{
    for (const auto &[s, name] : kCase)
        if (s == status)
            return name;
    return "accepted";
}

std::optional<ApplicationStatus> applicationStatusFromString(std::string_view text)
{
    for (const auto &[s, name] : kApplication)
        if (name == text)
            return s;
    return std::nullopt;
}

std::optional<CaseStatus> caseStatusFromString(std::string_view text)
{
    for (const auto &[s, name] : kCase)
        if (name == text)
            return s;
    return std::nullopt;
}

} // namespace spgl
