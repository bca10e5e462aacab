#pragma once

#include "geo/demolayergenerator.h"

#include <string>

namespace spgl::server {

class BlueprintService;

/**
 * @brief Loads the synthetic demo blueprint (spgl::geo::DemoLayerGenerator: districts, a
 *        land-use plan, the three control lines, assessment zones, imagery around 乌鲁木齐) into
 *        the layer catalog: `spgl-server demo-layers --size small|100k|1m`, and the small set
 *        with `--demo`.
 *
 * Idempotent: a layer whose current version already came from the same size is left alone, so
 * a second run does nothing. Every layer is marked synthetic (合成) in its name, its version
 * note and the catalog's synthetic flag.
 */
class DemoLayers
{
public:
    explicit DemoLayers(BlueprintService &blueprint);

    /**
     * Generates and registers the layers of @p size not loaded yet; returns a one-line report.
     * With @p onlyMissing (the `--demo` start), a layer that exists in any form (another size, an
     * administrator's import) is left alone; otherwise one whose current version came from
     * elsewhere gets the generated file as a new version.
     */
    std::string load(geo::DemoLayerSize size, std::int64_t now, bool onlyMissing = false);

    /// "small", "100k" or "1m".
    static std::string sizeText(geo::DemoLayerSize size);

private:
    BlueprintService &m_blueprint;
};

} // namespace spgl::server
