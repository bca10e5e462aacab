#include "workflow/definitionstatus.h"

namespace spgl {

std::string_view toString(DefinitionStatus status)
{
    switch (status) {
    case DefinitionStatus::Draft:
        return "draft";
    case DefinitionStatus::Published:
        return "published";
    case DefinitionStatus::Retired:
        return "retired";
    }
    return "draft";
}

std::optional<DefinitionStatus> definitionStatusFromString(std::string_view text)
{
    if (text == "draft")
        return DefinitionStatus::Draft;
    if (text == "published")
        return DefinitionStatus::Published;
    if (text == "retired")
        return DefinitionStatus::Retired;
    return std::nullopt;
}

} // namespace spgl
