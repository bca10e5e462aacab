#pragma once

#include "calendar/clock.h"

#include <string>
#include <vector>

namespace spgl {

/// An item's place in a stage: which version, and whether it is a milestone (SFLCBSX).
struct StageItemRef
{
    std::string code;
    std::string version;
    bool milestone = true;

    bool operator==(const StageItemRef &) const = default;
};

/// One stage (审批阶段) of a process: a lead department, items in parallel, one form.
struct StageDefinition
{
    /// How the stage completes (LCBSXLX).
    enum class Completion {
        AllMilestones = 1, ///< every milestone item done
        AnyMilestone = 2,  ///< any milestone item done
    };

    int seq = 0; ///< 1..5 within the process (SPJDXH)
    int nationalSeq = 0; ///< the national stage (DYBZSPJDXH): 1 立项用地规划许可, 2 工程建设许可, 3 施工许可, 4
                         ///< 竣工验收, 5 并行推进
    std::string code;           ///< SPJDBM
    std::string name;           ///< SPJDMC
    std::string leadDepartment; ///< department code of the lead department (牵头部门)
    int limit = 0;              ///< stage limit (SPJDSX)
    Clock::Unit unit = Clock::Unit::Workday;
    Completion completion = Completion::AllMilestones;
    std::string formCode; ///< the unified form (一张表单) of the stage
    std::string formVersion;
    std::vector<StageItemRef> items;

    bool operator==(const StageDefinition &) const = default;
};

} // namespace spgl
