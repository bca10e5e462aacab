#include "core/map/rasterlayerrenderer.h"

#include "geo/gdalsession.h"

#include <gdal_priv.h>

#include <QPainter>

#include <cmath>
#include <vector>

namespace spgl::desk {

RasterLayerRenderer::RasterLayerRenderer(const RasterInfo &info)
    : m_info(info)
{}

bool RasterLayerRenderer::render(RenderContext &context)
{
    const MapSettings &s = context.settings;
    const QRectF view = s.visibleExtent();
    const auto &g = m_info.geoTransform;
    // Visible window in full-resolution source pixels (fractional).
    const double sx0 = std::max(0.0, (view.left() - g[0]) / g[1]);
    const double sx1 = std::min(double(m_info.size.width()), (view.right() - g[0]) / g[1]);
    const double sy0 = std::max(0.0, (view.bottom() - g[3]) / g[5]);
    const double sy1 = std::min(double(m_info.size.height()), (view.top() - g[3]) / g[5]);
    if (sx1 <= sx0 || sy1 <= sy0)
        return true;
    const int level = RasterMapLayer::overviewFor(m_info, s);
    m_usedOverview = level;
    const QSize levelSize = level < 0 ? m_info.size : m_info.overviews[level];
    const double fx = double(levelSize.width()) / m_info.size.width();
    const double fy = double(levelSize.height()) / m_info.size.height();
    const int x0 = int(std::floor(sx0 * fx)), y0 = int(std::floor(sy0 * fy));
    const int x1 = std::min(levelSize.width(), int(std::ceil(sx1 * fx)));
    const int y1 = std::min(levelSize.height(), int(std::ceil(sy1 * fy)));
    const int w = x1 - x0, h = y1 - y0;
    if (w <= 0 || h <= 0 || context.isCancelled())
        return false;

    geo::ensureGdal();
    geo::GdalErrorCapture capture;
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(m_info.path.toUtf8().constData(),
                                                      GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds) {
        m_error = QString::fromStdString(capture.joinedErrors());
        return false;
    }
    // Read straight into an ARGB32 image: bytes B, G, R, A on little-endian.
    QImage tile(w, h, QImage::Format_ARGB32);
    tile.fill(0xff000000);
    const int bands = m_info.bands;
    const int order[4] = {2, 1, 0, 3}; // R→byte 2, G→1, B→0, A→3
    for (int b = 1; b <= std::min(bands, 4); ++b) {
        if (context.isCancelled())
            return false;
        GDALRasterBand *band = ds->GetRasterBand(b);
        if (level >= 0)
            band = band->GetOverview(level);
        if (!band) {
            m_error = QStringLiteral("overview missing");
            return false;
        }
        const int targets = bands == 1 ? 3 : 1;
        for (int t = 0; t < targets; ++t) {
            const int byte = bands == 1 ? t : order[b - 1];
            if (band->RasterIO(GF_Read, x0, y0, w, h, tile.bits() + byte, w, h, GDT_Byte, 4, tile.bytesPerLine(),
                               nullptr)
                != CE_None) {
                m_error = QString::fromStdString(capture.joinedErrors());
                return false;
            }
        }
    }
    // Where the window lies on the map, then on the screen.
    const double mx0 = g[0] + (x0 / fx) * g[1], mx1 = g[0] + (x1 / fx) * g[1];
    const double my0 = g[3] + (y0 / fy) * g[5], my1 = g[3] + (y1 / fy) * g[5];
    const QPointF tl = s.toPixel(QPointF(mx0, my0)), br = s.toPixel(QPointF(mx1, my1));
    QPainter &p = *context.painter;
    p.save();
    p.setOpacity(opacity());
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    p.drawImage(QRectF(tl, br), tile);
    p.restore();
    return true;
}

} // namespace spgl::desk
