#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace spgl {

/// One material (申请材料) an item or a stage asks for.
struct MaterialDefinition
{
    /// How the window treats a missing material.
    enum class Requirement {
        Required,  ///< must be present at acceptance
        Optional,  ///< may be absent
        Tolerable, ///< required, but acceptance may go on without it under 容缺受理 (to be supplied later)
    };

    std::string code; ///< unique within the item, e.g. "M01"
    std::string name; ///< e.g. "建设项目用地预审与选址意见书申请表"
    Requirement requirement = Requirement::Required;
    std::string form = "electronic"; ///< "electronic" | "paper" | "both"
    int copies = 1;                  ///< paper copies (份数)
    std::string note;                ///< 填报须知
    /// JSON Logic over {"form": {...}} (the application's form): when set, the material is asked
    /// for (as its requirement says) only when the rule holds, and is optional otherwise.
    nlohmann::json requiredIf;

    bool operator==(const MaterialDefinition &) const = default;
};

} // namespace spgl
