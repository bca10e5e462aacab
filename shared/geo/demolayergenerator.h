#pragma once

#include "core/result.h"
#include "geo/layerkind.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spgl::geo {

/// How big a demo blueprint to make: the size of its land-use plan layer.
enum class DemoLayerSize {
    Small,     ///< about 4,000 plan parcels: the README's run command
    Large100k, ///< 100,000 parcels
    Large1m,   ///< 1,000,000 parcels: the compliance and rendering benchmarks
};

/// "small", "100k", "1m" → size; nullopt otherwise.
std::optional<DemoLayerSize> demoLayerSizeFromText(std::string_view text);

/// One file the generator wrote.
struct DemoLayerFile
{
    LayerKind kind;
    std::string id;        ///< layer id for the catalog ("demo_land_use")
    std::string name;      ///< Chinese display name, marked 合成 (synthetic)
    std::string path;      ///< GeoPackage (vector) or GeoTIFF (imagery)
    std::string styleJson; ///< style in the catalog's style shape
    std::string layerName; ///< the layer inside the GeoPackage
    int64_t featureCount = 0;
};

/**
 * @brief Writes a deterministic, clearly synthetic blueprint of a city around 乌鲁木齐: districts,
 *        a land-use plan in the 2020 national classes, the three control lines (生态保护红线,
 *        永久基本农田, 城镇开发边界), regional assessment zones and a synthetic imagery GeoTIFF with
 *        overviews. All in EPSG:4490 (lon, lat).
 *
 * The same size and seed give byte-identical attribute values and coordinates on every machine
 * (own random generator, no std distributions). Every layer's description says 合成演示数据.
 */
class DemoLayerGenerator
{
public:
    explicit DemoLayerGenerator(DemoLayerSize size, uint64_t seed = 20261128);

    /// Number of parcels the land-use plan gets for this size.
    int64_t parcelCount() const;

    /// Writes every layer into @p directory (created when missing; existing files replaced).
    Result<std::vector<DemoLayerFile>> generate(const std::string &directory) const;

    /// Only the land-use plan (the big layer), into @p path.
    Result<DemoLayerFile> generateLandUse(const std::string &path) const;

private:
    DemoLayerSize m_size;
    uint64_t m_seed;
};

} // namespace spgl::geo
