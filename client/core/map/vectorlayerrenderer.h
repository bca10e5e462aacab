#pragma once

#include "core/map/layerstyle.h"
#include "core/map/maplayerrenderer.h"
#include "core/map/vectorfeaturestore.h"

#include <QRgb>
#include <QVector>

#include <memory>
#include <vector>

namespace spgl::desk {

/**
 * @brief Draws a VectorFeatureStore: R-tree query of the visible extent, the level of detail
 *        that matches the pixel size, and features smaller than about a device pixel blended
 *        straight into the image as one pixel instead of being rasterized as polygons.
 *
 * Holds only shared immutable data and a copy of the style, so it can run on a worker thread.
 */
class VectorLayerRenderer : public MapLayerRenderer
{
public:
    VectorLayerRenderer(std::shared_ptr<const VectorFeatureStore> store,
                        std::shared_ptr<const std::vector<uint16_t>> categories, QVector<QRgb> palette,
                        const LayerStyle &style);

    bool render(RenderContext &context) override;
    /// Features drawn as polygons/lines and as single pixels in the last render (for tests).
    size_t drawnShapes() const { return m_drawnShapes; }
    size_t drawnDots() const { return m_drawnDots; }

private:
    std::shared_ptr<const VectorFeatureStore> m_store;
    std::shared_ptr<const std::vector<uint16_t>> m_categories;
    QVector<QRgb> m_palette;
    LayerStyle m_style;
    size_t m_drawnShapes = 0;
    size_t m_drawnDots = 0;
};

} // namespace spgl::desk
