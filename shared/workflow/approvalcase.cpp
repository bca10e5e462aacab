#include "workflow/approvalcase.h"

namespace spgl {

const Consultation *ApprovalCase::consultation(const std::string &consultationId) const
{
    for (const auto &c : consultations)
        if (c.id == consultationId)
            return &c;
    return nullptr;
}

const SpecialProcedure *ApprovalCase::openSpecialProcedure() const
{
    for (const auto &p : specialProcedures)
        if (p.endedAt == 0)
            return &p;
    return nullptr;
}

} // namespace spgl
