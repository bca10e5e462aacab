#include "geo/layerkind.h"

#include <array>

namespace spgl::geo {

namespace {

struct KindInfo
{
    LayerKind kind;
    std::string_view code;
    std::string_view name;
};

constexpr std::array<KindInfo, 9> kKinds{{
    {LayerKind::AdminDivision, "admin_division", "行政区划"},
    {LayerKind::Imagery, "imagery", "遥感影像"},
    {LayerKind::LandUsePlan, "land_use", "国土空间规划"},
    {LayerKind::EcologicalRedLine, "eco_redline", "生态保护红线"},
    {LayerKind::BasicFarmland, "basic_farmland", "永久基本农田"},
    {LayerKind::UrbanBoundary, "urban_boundary", "城镇开发边界"},
    {LayerKind::ProjectSite, "project_site", "项目选址"},
    {LayerKind::RegionalAssessment, "assessment", "区域评估"},
    {LayerKind::Annotation, "annotation", "审查批注"},
}};

} // namespace

std::string_view layerKindCode(LayerKind kind)
{
    return kKinds[static_cast<size_t>(kind)].code;
}

std::string_view layerKindName(LayerKind kind)
{
    return kKinds[static_cast<size_t>(kind)].name;
}

std::optional<LayerKind> layerKindFromCode(std::string_view code)
{
    for (const auto &k : kKinds)
        if (k.code == code)
            return k.kind;
    return std::nullopt;
}

const std::vector<LayerKind> &allLayerKinds()
{
    static const std::vector<LayerKind> all = [] {
        std::vector<LayerKind> v;
        for (const auto &k : kKinds)
            v.push_back(k.kind);
        return v;
    }();
    return all;
}

bool isRasterKind(LayerKind kind)
{
    return kind == LayerKind::Imagery;
}

} // namespace spgl::geo
