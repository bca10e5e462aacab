#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QTransform>

#include <memory>

namespace spgl::desk {

class MapLayer;

/**
 * @brief What one map picture shows: the extent in EPSG:4490 (longitude, latitude; y up), the
 *        output size in logical pixels and the device pixel ratio, the layers bottom to top and
 *        the background. A value: the canvas hands a copy to each render job.
 *
 * The requested extent is widened to the output's aspect ratio around its centre
 * (visibleExtent()), so one map unit has the same size in x and y on screen.
 */
class MapSettings
{
public:
    /// EPSG code of the destination CRS (CGCS2000 geographic).
    static constexpr int kDestinationCrs = 4490;

    QRectF extent() const { return m_extent; }
    void setExtent(const QRectF &extent) { m_extent = extent.normalized(); }
    QSize outputSize() const { return m_outputSize; }
    void setOutputSize(const QSize &size) { m_outputSize = size; }
    qreal devicePixelRatio() const { return m_dpr; }
    void setDevicePixelRatio(qreal dpr) { m_dpr = dpr > 0 ? dpr : 1.0; }
    QColor background() const { return m_background; }
    void setBackground(const QColor &c) { m_background = c; }
    /// Layers bottom to top.
    QList<std::shared_ptr<MapLayer>> layers() const { return m_layers; }
    void setLayers(const QList<std::shared_ptr<MapLayer>> &layers) { m_layers = layers; }
    int destinationCrs() const { return kDestinationCrs; }

    /// True when the size is not empty and the extent has an area.
    bool isValid() const;
    /// Degrees per logical pixel (the same in x and y).
    double mapUnitsPerPixel() const;
    /// The extent actually shown: extent() widened to the output's aspect ratio.
    QRectF visibleExtent() const;
    /// Map (lon, lat) → logical pixel.
    QPointF toPixel(const QPointF &map) const;
    /// Logical pixel → map (lon, lat).
    QPointF toMap(const QPointF &pixel) const;
    /// The map→logical pixel transform.
    QTransform mapToPixel() const;
    /// Ground metres per logical pixel along the meridian (independent of latitude).
    double metresPerPixel() const;
    /// Scale denominator at 96 logical dpi (1:n), measured along the meridian.
    double scaleDenominator() const;

    /// Same extent, size, ratio (what the cache compares).
    bool sameView(const MapSettings &o) const
    {
        return m_extent == o.m_extent && m_outputSize == o.m_outputSize && m_dpr == o.m_dpr;
    }

private:
    QRectF m_extent{73.0, 35.0, 24.0, 15.0};
    QSize m_outputSize{800, 600};
    qreal m_dpr = 1.0;
    QColor m_background = Qt::white;
    QList<std::shared_ptr<MapLayer>> m_layers;
};

} // namespace spgl::desk
