#pragma once

#include "core/map/maplayer.h"
#include "core/result.h"

#include <QList>
#include <QSize>

#include <array>

namespace spgl::desk {

/// What a raster renderer needs to know about a GeoTIFF (copied into each renderer).
struct RasterInfo
{
    QString path;
    QSize size;                           ///< full-resolution size in pixels
    std::array<double, 6> geoTransform{}; ///< GDAL geotransform (north-up, EPSG:4490)
    int bands = 0;                        ///< 1 (grey), 3 (RGB) or 4 (RGBA)
    QList<QSize> overviews;               ///< sizes of the overview levels, finest first
};

/**
 * @brief A raster layer (GeoTIFF or any raster GDAL reads, 8-bit grey, RGB or RGBA, north-up in
 *        EPSG:4490). Each render reads only the visible window from the overview level whose
 *        resolution matches the output, through its own GDAL handle on the worker thread.
 */
class RasterMapLayer : public MapLayer
{
    Q_OBJECT

public:
    /// Opens @p path and reads its size, georeferencing and overview sizes.
    static Result<std::shared_ptr<RasterMapLayer>> open(const QString &path);

    RasterMapLayer(const QString &id, const QString &name, const RasterInfo &info, QObject *parent = nullptr);

    const RasterInfo &info() const { return m_info; }
    QRectF extent() const override;
    QList<LegendEntry> legend() const override;
    std::unique_ptr<MapLayerRenderer> createRenderer(const MapSettings &settings) const override;
    /**
     * The overview level for @p settings: -1 for full resolution, else the index into
     * info().overviews of the coarsest overview still at least as fine as one device pixel.
     */
    static int overviewFor(const RasterInfo &info, const MapSettings &settings);

private:
    RasterInfo m_info;
};

} // namespace spgl::desk
