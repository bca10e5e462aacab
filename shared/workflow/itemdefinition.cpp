#include "workflow/itemdefinition.h"

namespace spgl {

const MaterialDefinition *ItemDefinition::material(const std::string &materialCode) const
{
    for (const auto &m : materials)
        if (m.code == materialCode)
            return &m;
    return nullptr;
}

const SpecialProcedureDefinition *ItemDefinition::specialProcedure(const std::string &kindName) const
{
    for (const auto &p : specialProcedures)
        if (p.kind == kindName)
            return &p;
    return nullptr;
}

} // namespace spgl
