#include "core/map/mapsettings.h"

#include <algorithm>

namespace spgl::desk {

namespace {
constexpr double kMetresPerDegreeLat = 111132.95; // mean meridian degree on the CGCS2000 ellipsoid
constexpr double kMetresPerLogicalPixel = 0.0254 / 96.0;
} // namespace

bool MapSettings::isValid() const
{
    return !m_outputSize.isEmpty() && m_extent.width() > 0 && m_extent.height() > 0;
}

double MapSettings::mapUnitsPerPixel() const
{
    if (!isValid())
        return 1.0;
    return std::max(m_extent.width() / m_outputSize.width(), m_extent.height() / m_outputSize.height());
}

QRectF MapSettings::visibleExtent() const
{
    const double mupp = mapUnitsPerPixel();
    const double w = mupp * m_outputSize.width(), h = mupp * m_outputSize.height();
    const QPointF c = m_extent.center();
    return QRectF(c.x() - w / 2, c.y() - h / 2, w, h);
}

QPointF MapSettings::toPixel(const QPointF &map) const
{
    const QRectF v = visibleExtent();
    const double mupp = mapUnitsPerPixel();
    return QPointF((map.x() - v.left()) / mupp, (v.bottom() - map.y()) / mupp);
}

QPointF MapSettings::toMap(const QPointF &pixel) const
{
    const QRectF v = visibleExtent();
    const double mupp = mapUnitsPerPixel();
    return QPointF(v.left() + pixel.x() * mupp, v.bottom() - pixel.y() * mupp);
}

QTransform MapSettings::mapToPixel() const
{
    const QRectF v = visibleExtent();
    const double k = 1.0 / mapUnitsPerPixel();
    // x' = (x - left) * k ; y' = (bottom - y) * k
    return QTransform(k, 0, 0, -k, -v.left() * k, v.bottom() * k);
}

double MapSettings::metresPerPixel() const
{
    return mapUnitsPerPixel() * kMetresPerDegreeLat;
}

double MapSettings::scaleDenominator() const
{
    return metresPerPixel() / kMetresPerLogicalPixel;
}

} // namespace spgl::desk
