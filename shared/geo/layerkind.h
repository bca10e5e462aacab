#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spgl::geo {

/// What a blueprint layer holds (ARCHITECTURE §7, guideline 5.2 / 6.1 b).
enum class LayerKind {
    AdminDivision,      ///< 行政区划
    Imagery,            ///< 遥感影像 (raster)
    LandUsePlan,        ///< 国土空间规划 land-use classes
    EcologicalRedLine,  ///< 生态保护红线
    BasicFarmland,      ///< 永久基本农田
    UrbanBoundary,      ///< 城镇开发边界
    ProjectSite,        ///< 项目选址
    RegionalAssessment, ///< 区域评估
    Annotation,         ///< 审查批注
};

/// Stable code used in the API, the database and the GeoPackage metadata ("eco_redline" …).
std::string_view layerKindCode(LayerKind kind);
/// Chinese name for people ("生态保护红线" …).
std::string_view layerKindName(LayerKind kind);
/// Inverse of layerKindCode(); nullopt for an unknown code.
std::optional<LayerKind> layerKindFromCode(std::string_view code);
/// Every kind, in the order of the enum.
const std::vector<LayerKind> &allLayerKinds();
/// True for the raster kind (imagery); every other kind is a vector layer.
bool isRasterKind(LayerKind kind);

} // namespace spgl::geo
