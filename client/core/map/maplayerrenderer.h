#pragma once

#include "core/map/mapsettings.h"

#include <QImage>
#include <QString>

#include <atomic>

class QPainter;

namespace spgl::desk {

/// What a layer renderer gets on the worker thread.
struct RenderContext
{
    MapSettings settings;        ///< copy of the job's settings
    QImage *image = nullptr;     ///< the target (ARGB32 premultiplied, device pixels)
    QPainter *painter = nullptr; ///< painter on @ref image, logical pixel coordinates
    const std::atomic<bool> *cancelled = nullptr;

    bool isCancelled() const { return cancelled && cancelled->load(std::memory_order_relaxed); }
};

/**
 * @brief Draws one layer for one job. Created on the GUI thread by MapLayer::createRenderer(),
 *        copying (or sharing immutable data of) everything it needs; render() then runs on a
 *        worker thread and must not touch the layer.
 */
class MapLayerRenderer
{
public:
    virtual ~MapLayerRenderer() = default;
    /// Draws into @p context; returns false when cancelled or failed (see error()).
    virtual bool render(RenderContext &context) = 0;
    /// Why render() failed (empty when cancelled or fine).
    QString error() const { return m_error; }
    /// Opacity the job composites this layer with (0…1).
    double opacity() const { return m_opacity; }
    void setOpacity(double o) { m_opacity = o; }

protected:
    QString m_error;
    double m_opacity = 1.0;
};

} // namespace spgl::desk
