#include "workflow/processdefinition.h"

namespace spgl {

const StageDefinition *ProcessDefinition::stage(int seq) const
{
    for (const auto &s : stages)
        if (s.seq == seq)
            return &s;
    return nullptr;
}

} // namespace spgl
