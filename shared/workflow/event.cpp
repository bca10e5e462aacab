#include "workflow/event.h"

#include <array>
#include <tuple>

namespace spgl {

namespace {
struct KindInfo
{
    EventKind kind;
    std::string_view name;
    int blzt;
};
constexpr std::array<KindInfo, 18> kKinds = {{
    {EventKind::Received, "received", 1},
    {EventKind::Withdrawn, "withdrawn", 2},
    {EventKind::Accepted, "accepted", 3},
    {EventKind::Refused, "refused", 5},
    {EventKind::SupplementRequested, "supplement_requested", 6},
    {EventKind::SupplementProvided, "supplement_provided", 7},
    {EventKind::Claimed, "claimed", 8},
    {EventKind::OpinionAdded, "opinion_added", 8},
    {EventKind::ConsultationRequested, "consultation_requested", 8},
    {EventKind::ConsultationReplied, "consultation_replied", 8},
    {EventKind::SpecialProcedureStarted, "special_procedure_started", 9},
    {EventKind::SpecialProcedureEnded, "special_procedure_ended", 10},
    {EventKind::Approved, "approved", 11},
    {EventKind::ApprovedTolerated, "approved_tolerated", 12},
    {EventKind::Disapproved, "disapproved", 13},
    {EventKind::StageConcluded, "stage_concluded", 11},
    {EventKind::StageNotPassed, "stage_not_passed", 13},
    {EventKind::Delivered, "delivered", 11},
}};
constexpr std::array<std::string_view, 16> kBlztNames = {
    "",
    "已接件",
    "已撤件",
    "受理",
    "不受理",
    "不予受理",
    "补正（开始）",
    "补正（结束）",
    "部门（开始）办理",
    "特别程序（开始）",
    "特别程序（结束）",
    "办结（通过）",
    "办结（容缺通过）",
    "办结（不通过）",
    "撤回",
    "撤销",
};
} // namespace

std::string_view toString(EventKind kind)
{
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return k.name;
    return "received";
}

std::optional<EventKind> eventKindFromString(std::string_view text)
{
    for (const auto &k : kKinds)
        if (k.name == text)
            return k.kind;
    return std::nullopt;
}

int blzt(EventKind kind)
{
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return k.blzt;
    return 0;
}

std::string_view blztName(int code)
{
    return code >= 1 && code < int(kBlztNames.size()) ? kBlztNames[std::size_t(code)] : std::string_view{};
}

} // namespace spgl
