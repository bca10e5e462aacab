#include "workflow/application.h"

namespace spgl {

ApprovalCase *Application::findCase(std::string_view caseId)
{
    for (auto &c : cases)
        if (c.id == caseId)
            return &c;
    return nullptr;
}

const ApprovalCase *Application::findCase(std::string_view caseId) const
{
    for (const auto &c : cases)
        if (c.id == caseId)
            return &c;
    return nullptr;
}

bool Application::hasMaterial(std::string_view itemCode, std::string_view code) const
{
    for (const auto &m : materials)
        if (m.itemCode == itemCode && m.code == code)
            return true;
    return false;
}

} // namespace spgl
