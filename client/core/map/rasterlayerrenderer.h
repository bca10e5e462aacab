#pragma once

#include "core/map/maplayerrenderer.h"
#include "core/map/rastermaplayer.h"

namespace spgl::desk {

/// Reads the visible window of a raster from the matching overview and draws it.
class RasterLayerRenderer : public MapLayerRenderer
{
public:
    explicit RasterLayerRenderer(const RasterInfo &info);

    bool render(RenderContext &context) override;
    /// The overview level the last render read (-1 = full resolution).
    int usedOverview() const { return m_usedOverview; }

private:
    RasterInfo m_info;
    int m_usedOverview = -2;
};

} // namespace spgl::desk
