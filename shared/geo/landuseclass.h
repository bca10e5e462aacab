#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spgl::geo {

/**
 * @brief A class of the 2020 national land and sea use classification
 *        (《国土空间调查、规划、用途管制用地用海分类指南（试行）》), as used by land-use plans.
 */
struct LandUseClass
{
    std::string_view code;  ///< "07" (level 1) or "0701" (level 2)
    std::string_view name;  ///< "居住用地", "城镇住宅用地"
    std::string_view color; ///< map colour of the national plan symbology, "#RRGGBB"
    bool construction;      ///< a construction-land class (建设用地)
};

/// Every level-1 and level-2 class SPGL knows, level 1 first.
const std::vector<LandUseClass> &landUseClasses();

/// The class of @p code (level 1 or 2); nullopt when unknown.
std::optional<LandUseClass> landUseClass(std::string_view code);

/**
 * @brief Whether a plan class permits a project declared with @p projectUse.
 *
 * Both codes are compared on their common prefix: a project declared "07" (居住用地) fits plan
 * classes 0701 … 0703; a project declared "0701" fits plan class "07" and "0701" but not "0702".
 */
bool landUseCompatible(std::string_view planClass, std::string_view projectUse);

} // namespace spgl::geo
