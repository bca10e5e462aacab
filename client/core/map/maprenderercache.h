#pragma once

#include "core/map/mapsettings.h"

#include <QImage>

namespace spgl::desk {

/**
 * @brief The last finished map picture and the settings it was drawn for, so that a pan or zoom
 *        repaints at once by drawing the cached picture where its extent now lies, while the new
 *        render job runs.
 */
class MapRendererCache
{
public:
    /// Stores @p image as the picture of @p settings.
    void setImage(const MapSettings &settings, const QImage &image);
    void clear() { m_image = QImage(); }
    bool hasImage() const { return !m_image.isNull(); }
    /// True when the cached picture is exactly the one for @p settings.
    bool matches(const MapSettings &settings) const { return hasImage() && m_settings.sameView(settings); }
    QImage image() const { return m_image; }
    const MapSettings &settings() const { return m_settings; }
    /// Where the cached picture lies (logical pixels) in a view of @p settings.
    QRectF targetRect(const MapSettings &settings) const;

private:
    MapSettings m_settings;
    QImage m_image;
};

} // namespace spgl::desk
