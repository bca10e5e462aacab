#pragma once

#include "core/map/maprenderercache.h"
#include "core/map/mapsettings.h"

#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace spgl::desk {

class MapLayer;
class MapRendererJob;
class MapTool;

/**
 * @brief The map widget (ARCHITECTURE §7): keeps the MapSettings, renders them with a
 *        MapRendererJob on a worker thread, shows the last picture from the MapRendererCache at
 *        once (translated and scaled while the new job runs), and hands input to the active
 *        MapTool.
 *
 * The wheel zooms around the cursor whatever the tool; the mouse position is reported in
 * longitude/latitude (coordinatesChanged).
 */
class MapCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit MapCanvas(QWidget *parent = nullptr);
    ~MapCanvas() override;

    /// Layers bottom to top; the first call with layers zooms to their full extent.
    void setLayers(const QList<std::shared_ptr<MapLayer>> &layers);
    QList<std::shared_ptr<MapLayer>> layers() const { return m_layers; }
    /// Adds @p layer on top (or at the bottom) and renders.
    void addLayer(const std::shared_ptr<MapLayer> &layer, bool onTop = true);
    void removeLayer(const std::shared_ptr<MapLayer> &layer);

    /// The settings of the current view (extent, widget size, device pixel ratio, layers).
    MapSettings settings() const;
    QRectF extent() const { return m_extent; }
    /// Shows @p extent (widened to the widget's aspect ratio).
    void setExtent(const QRectF &extent);
    /// The union of the layers' extents.
    QRectF fullExtent() const;
    void zoomToFullExtent();
    /// Zooms by @p factor (< 1 zooms in) keeping the map point under @p anchor (pixels) fixed.
    void zoomByFactor(double factor, const QPointF &anchor);
    /// Moves the map content by @p delta pixels (a drag of the map by that amount).
    void panByPixels(const QPointF &delta);
    /// While dragging: shows the current picture shifted by @p offset pixels without rendering.
    void setPanPreviewOffset(const QPointF &offset);
    double mapUnitsPerPixel() const { return settings().mapUnitsPerPixel(); }
    double scaleDenominator() const { return settings().scaleDenominator(); }
    QPointF toMap(const QPointF &pixel) const { return settings().toMap(pixel); }
    QPointF toPixel(const QPointF &map) const { return settings().toPixel(map); }

    void setMapTool(MapTool *tool);
    MapTool *mapTool() const { return m_tool; }

    /// Renders again soon (coalescing several requests).
    void refresh();
    bool isRendering() const;
    /// The last finished picture.
    QImage renderedImage() const { return m_cache.image(); }
    const MapRendererCache &cache() const { return m_cache; }
    /// Milliseconds the last finished render took.
    qint64 lastRenderTimeMs() const { return m_lastRenderMs; }

Q_SIGNALS:
    void extentChanged();
    void scaleChanged(double denominator);
    /// The mouse is over @p lonLat.
    void coordinatesChanged(const QPointF &lonLat);
    void renderFinished();
    void mapToolChanged(MapTool *tool);
    void layersChanged();
    /// A layer failed to draw.
    void renderError(const QString &message);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void startRender();
    void jobFinished();
    void watchLayer(const std::shared_ptr<MapLayer> &layer);

    QList<std::shared_ptr<MapLayer>> m_layers;
    QRectF m_extent;
    MapRendererCache m_cache;
    QPointer<MapRendererJob> m_job;
    QTimer m_refreshTimer;
    QPointF m_panOffset;
    MapTool *m_tool = nullptr;
    qint64 m_lastRenderMs = 0;
    bool m_zoomedOnce = false;
};

} // namespace spgl::desk
