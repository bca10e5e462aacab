#include "app/demolayers.h"

#include "auth/tokenservice.h"
#include "geo/layerkind.h"
#include "services/blueprintservice.h"

#include <filesystem>
#include <stdexcept>

namespace spgl::server {

namespace fs = std::filesystem;

namespace {
/// The layer ids DemoLayerGenerator writes.
const char *const kDemoIds[] = {"demo_admin_division", "demo_land_use",   "demo_eco_redline", "demo_basic_farmland",
                                "demo_urban_boundary", "demo_assessment", "demo_imagery"};
} // namespace

DemoLayers::DemoLayers(BlueprintService &blueprint)
    : m_blueprint(blueprint)
{}

std::string DemoLayers::sizeText(geo::DemoLayerSize size)
{
    switch (size) {
    case geo::DemoLayerSize::Small:
        return "small";
    case geo::DemoLayerSize::Large100k:
        return "100k";
    case geo::DemoLayerSize::Large1m:
        return "1m";
    }
    return "small";
}

std::string DemoLayers::load(geo::DemoLayerSize size, std::int64_t now, bool onlyMissing)
{
    const std::string source = "demo-layers --size " + sizeText(size);
    const auto wanted = [&](const std::string &id) {
        return onlyMissing ? !m_blueprint.layer(id).has_value() : m_blueprint.currentSource(id) != source;
    };
    bool missing = false;
    for (const char *id : kDemoIds)
        missing = missing || wanted(id);
    if (!missing)
        return "demo layers already loaded";

    const fs::path dir = m_blueprint.incomingDir() / ("demo-" + TokenService::randomToken(12));
    struct Cleanup
    {
        fs::path dir;
        ~Cleanup()
        {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    } cleanup{dir};
    auto files = geo::DemoLayerGenerator(size).generate(dir.string());
    if (!files)
        throw std::runtime_error("demo layers: " + files.error().message);
    int loaded = 0;
    std::int64_t features = 0;
    for (const auto &f : *files) {
        if (!wanted(f.id))
            continue;
        const std::string note = "合成演示数据（DemoLayerGenerator，--size " + sizeText(size)
                                 + "）：虚构的乌鲁木齐周边蓝图，非真实规划或管控数据";
        m_blueprint.adopt(f.id, f.name, std::string(geo::layerKindCode(f.kind)),
                          nlohmann::json::parse(f.styleJson, nullptr, false), f.path, source, note, true, "system",
                          now);
        ++loaded;
        features += f.featureCount;
    }
    return "demo layers (" + sizeText(size) + "): " + std::to_string(loaded) + " layers loaded, "
           + std::to_string(features) + " features (synthetic)";
}

} // namespace spgl::server
