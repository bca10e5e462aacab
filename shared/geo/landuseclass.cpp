#include "geo/landuseclass.h"

#include <algorithm>

namespace spgl::geo {

const std::vector<LandUseClass> &landUseClasses()
{
    static const std::vector<LandUseClass> classes{
        {"01", "耕地", "#F5F5C8", false},
        {"02", "园地", "#BEE6A0", false},
        {"03", "林地", "#68B04E", false},
        {"04", "草地", "#C8E6A0", false},
        {"05", "湿地", "#7EC8D8", false},
        {"06", "农业设施建设用地", "#DCC88C", true},
        {"07", "居住用地", "#FFD37F", true},
        {"08", "公共管理与公共服务用地", "#FF7F9F", true},
        {"09", "商业服务业用地", "#FF3F3F", true},
        {"10", "工矿用地", "#A68A64", true},
        {"11", "仓储用地", "#9F7FFF", true},
        {"12", "交通运输用地", "#B4B4B4", true},
        {"13", "公用设施用地", "#3F9FBF", true},
        {"14", "绿地与开敞空间用地", "#3FBF3F", true},
        {"15", "特殊用地", "#5F7F3F", true},
        {"16", "留白用地", "#FFFFFF", true},
        {"17", "陆地水域", "#3F7FFF", false},
        {"23", "其他土地", "#D9D9D9", false},
        {"0101", "水田", "#F5F5C8", false},
        {"0102", "水浇地", "#F0F0B4", false},
        {"0103", "旱地", "#EBEBA0", false},
        {"0301", "乔木林地", "#68B04E", false},
        {"0401", "天然牧草地", "#C8E6A0", false},
        {"0701", "城镇住宅用地", "#FFD37F", true},
        {"0702", "城镇社区服务设施用地", "#FFC864", true},
        {"0703", "农村宅基地", "#FFE6A0", true},
        {"0801", "机关团体用地", "#FF7F9F", true},
        {"0803", "教育用地", "#FF9FBF", true},
        {"0805", "医疗卫生用地", "#FF6F8F", true},
        {"0901", "商业用地", "#FF3F3F", true},
        {"0902", "商务金融用地", "#FF5F5F", true},
        {"1001", "工业用地", "#A68A64", true},
        {"1101", "物流仓储用地", "#9F7FFF", true},
        {"1207", "城镇道路用地", "#B4B4B4", true},
        {"1301", "供水用地", "#3F9FBF", true},
        {"1401", "公园绿地", "#3FBF3F", true},
        {"1402", "防护绿地", "#5FAF5F", true},
        {"1701", "河流水面", "#3F7FFF", false},
    };
    return classes;
}

std::optional<LandUseClass> landUseClass(std::string_view code)
{
    const auto &all = landUseClasses();
    const auto it = std::find_if(all.begin(), all.end(), [&](const LandUseClass &c) { return c.code == code; });
    if (it == all.end())
        return std::nullopt;
    return *it;
}

bool landUseCompatible(std::string_view planClass, std::string_view projectUse)
{
    if (planClass.empty() || projectUse.empty())
        return false;
    const size_t n = std::min(planClass.size(), projectUse.size());
    return planClass.substr(0, n) == projectUse.substr(0, n);
}

} // namespace spgl::geo
