#include "workflow/command.h"

#include <array>
#include <utility>

namespace spgl {

namespace {
constexpr std::array<std::pair<CommandKind, std::string_view>, 14> kCommands = {{
    {CommandKind::Submit, "submit"},
    {CommandKind::Withdraw, "withdraw"},
    {CommandKind::Accept, "accept"},
    {CommandKind::Refuse, "refuse"},
    {CommandKind::RequestSupplement, "request_supplement"},
    {CommandKind::ProvideSupplement, "provide_supplement"},
    {CommandKind::Claim, "claim"},
    {CommandKind::AddOpinion, "add_opinion"},
    {CommandKind::RequestConsultation, "request_consultation"},
    {CommandKind::ReplyConsultation, "reply_consultation"},
    {CommandKind::StartSpecialProcedure, "start_special_procedure"},
    {CommandKind::EndSpecialProcedure, "end_special_procedure"},
    {CommandKind::Decide, "decide"},
    {CommandKind::Deliver, "deliver"},
}};
constexpr std::array<std::pair<Outcome, std::string_view>, 3> kOutcomes = {{
    {Outcome::Approved, "approved"},
    {Outcome::ApprovedTolerated, "approved_tolerated"},
    {Outcome::Disapproved, "disapproved"},
}};
} // namespace

std::string_view toString(CommandKind kind)
{
    for (const auto &[k, name] : kCommands)
        if (k == kind)
            return name;
    return "submit";
}

std::optional<CommandKind> commandKindFromString(std::string_view text)
{
    for (const auto &[k, name] : kCommands)
        if (name == text)
            return k;
    return std::nullopt;
}

std::string_view toString(Outcome outcome)
{
    for (const auto &[o, name] : kOutcomes)
        if (o == outcome)
            return name;
    return "approved";
}

std::optional<Outcome> outcomeFromString(std::string_view text)
{
    for (const auto &[o, name] : kOutcomes)
        if (name == text)
            return o;
    return std::nullopt;
}

} // namespace spgl
