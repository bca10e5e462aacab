#include "core/map/maprenderercache.h"

namespace spgl::desk {

void MapRendererCache::setImage(const MapSettings &settings, const QImage &image)
{
    m_settings = settings;
    m_settings.setLayers({});
    m_image = image;
}

QRectF MapRendererCache::targetRect(const MapSettings &settings) const
{
    const QRectF cached = m_settings.visibleExtent();
    const QPointF a = settings.toPixel(QPointF(cached.left(), cached.bottom()));
    const QPointF b = settings.toPixel(QPointF(cached.right(), cached.top()));
    return QRectF(a, b).normalized();
}

} // namespace spgl::desk
