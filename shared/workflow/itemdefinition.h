#pragma once

#include "calendar/clock.h"
#include "workflow/definitionstatus.h"
#include "workflow/materialdefinition.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace spgl {

/// A kind of special procedure (特别程序) an item may enter, with its own limit.
struct SpecialProcedureDefinition
{
    std::string kind; ///< e.g. "expert_review" (专家评审), "hearing" (现场听证), "site_survey" (现场勘察), "bidding"
                      ///< (招投标), "eia_publicity" (环评公示)
    std::string name; ///< Chinese name
    int limit = 0;    ///< days allowed for it
    Clock::Unit unit = Clock::Unit::Workday;

    bool operator==(const SpecialProcedureDefinition &) const = default;
};

/**
 * @brief An approval item (审批事项), one version of it.
 *
 * The clock of a case uses the promised limit (承诺办结时限); the statutory limit (法定办结时限)
 * is kept for the record and for the exchange tables.
 */
struct ItemDefinition
{
    std::string code;    ///< e.g. "650100-ZRZY-001"
    std::string version; ///< decimal version, e.g. "1.0"
    DefinitionStatus status = DefinitionStatus::Published;
    std::string name;         ///< 事项名称
    std::string nationalCode; ///< 对应标准审批事项编码 (DYBZSPSXBM), may be empty
    std::string department;   ///< department code, e.g. "11650100ZRZY"
    int statutoryLimit = 0;   ///< 法定办结时限
    Clock::Unit statutoryUnit = Clock::Unit::Workday;
    int promisedLimit = 0; ///< 承诺办结时限 (the clock uses this)
    Clock::Unit promisedUnit = Clock::Unit::Workday;
    int warningDays = Clock::kDefaultWarningDays; ///< 预警: days left at or below which a case warns
    bool toleranceAllowed = false;                ///< 容缺受理 allowed
    int toleranceDays = 0;                        ///< days the applicant has to supply tolerated materials
    bool commitmentAllowed = false;               ///< 告知承诺制 allowed (SFSXGZCNZ)
    std::string resultType; ///< 结果类型: "批复" | "许可证" | "意见书" | "备案证明" | …
    std::string resultName; ///< e.g. "建设用地规划许可证"
    std::string legalBasis; ///< 设定依据
    std::vector<MaterialDefinition> materials;
    std::vector<SpecialProcedureDefinition> specialProcedures;
    /// JSON Logic over {"form": {...}, "project": {...}}: whether the item applies to an
    /// application; null = always.
    nlohmann::json appliesIf;

    bool operator==(const ItemDefinition &) const = default;

    const MaterialDefinition *material(const std::string &code) const;
    const SpecialProcedureDefinition *specialProcedure(const std::string &kind) const;
};

} // namespace spgl
