#include "core/map/maplayer.h"

#include <algorithm>

namespace spgl::desk {

MapLayer::MapLayer(Type type, const QString &id, const QString &name, QObject *parent)
    : QObject(parent)
    , m_type(type)
    , m_id(id)
    , m_name(name)
{}

void MapLayer::setName(const QString &name)
{
    m_name = name;
    Q_EMIT changed();
}

void MapLayer::setVisible(bool visible)
{
    if (m_visible == visible)
        return;
    m_visible = visible;
    Q_EMIT changed();
}

void MapLayer::setOpacity(double opacity)
{
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (m_opacity == opacity)
        return;
    m_opacity = opacity;
    Q_EMIT changed();
}

void MapLayer::setStyle(const LayerStyle &style)
{
    m_style = style;
    m_opacity = style.opacity();
    Q_EMIT changed();
}

} // namespace spgl::desk
