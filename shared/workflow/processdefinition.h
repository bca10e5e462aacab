#pragma once

#include "workflow/definitionstatus.h"
#include "workflow/stagedefinition.h"

#include <string>
#include <vector>

namespace spgl {

/// An approval process (审批流程), one version of it: the stages a kind of project goes through.
struct ProcessDefinition
{
    std::string code;    ///< SPLCBM, e.g. "650100-ZFTZFW"
    std::string version; ///< SPLCBBH, decimal, e.g. "1.0"
    DefinitionStatus status = DefinitionStatus::Published;
    std::string name;       ///< SPLCMC
    int processType = 0;    ///< SPLCLX: 1 政府投资(房屋建筑类) … 3 一般社会投资, 4 小型社会投资
    std::string regionCode; ///< where it applies, e.g. "650100"
    std::string effectiveDate; ///< SPLCSXSJ, YYYY-MM-DD
    std::string description;   ///< SPLCSM
    std::vector<StageDefinition> stages;

    bool operator==(const ProcessDefinition &) const = default;

    const StageDefinition *stage(int seq) const;
};

} // namespace spgl
