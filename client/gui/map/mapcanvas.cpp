#include "gui/map/mapcanvas.h"

#include "core/map/maplayer.h"
#include "core/map/maprendererjob.h"
#include "gui/map/maptool.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <cmath>

namespace spgl::desk {

MapCanvas::MapCanvas(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mapCanvas"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(30);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MapCanvas::startRender);
}

MapCanvas::~MapCanvas()
{
    if (m_job) {
        m_job->cancel();
        delete m_job; // waits for the worker
    }
}

void MapCanvas::watchLayer(const std::shared_ptr<MapLayer> &layer)
{
    connect(layer.get(), &MapLayer::changed, this, &MapCanvas::refresh, Qt::UniqueConnection);
}

void MapCanvas::setLayers(const QList<std::shared_ptr<MapLayer>> &layers)
{
    for (const auto &l : std::as_const(m_layers))
        disconnect(l.get(), nullptr, this, nullptr);
    m_layers = layers;
    for (const auto &l : layers)
        watchLayer(l);
    if (!m_zoomedOnce && !fullExtent().isEmpty())
        zoomToFullExtent();
    Q_EMIT layersChanged();
    refresh();
}

void MapCanvas::addLayer(const std::shared_ptr<MapLayer> &layer, bool onTop)
{
    if (!layer)
        return;
    if (onTop)
        m_layers.append(layer);
    else
        m_layers.prepend(layer);
    watchLayer(layer);
    if (!m_zoomedOnce && !fullExtent().isEmpty())
        zoomToFullExtent();
    Q_EMIT layersChanged();
    refresh();
}

void MapCanvas::removeLayer(const std::shared_ptr<MapLayer> &layer)
{
    if (m_layers.removeAll(layer) > 0) {
        disconnect(layer.get(), nullptr, this, nullptr);
        Q_EMIT layersChanged();
        refresh();
    }
}

MapSettings MapCanvas::settings() const
{
    MapSettings s;
    s.setExtent(m_extent.isEmpty() ? QRectF(87.0, 43.5, 1.0, 0.6) : m_extent);
    s.setOutputSize(size());
    s.setDevicePixelRatio(devicePixelRatioF());
    s.setLayers(m_layers);
    s.setBackground(Qt::white);
    return s;
}

void MapCanvas::setExtent(const QRectF &extent)
{
    if (extent.isEmpty())
        return;
    MapSettings s;
    s.setExtent(extent);
    s.setOutputSize(size());
    m_extent = s.visibleExtent(); // keep the aspect ratio of the widget
    m_zoomedOnce = true;
    Q_EMIT extentChanged();
    Q_EMIT scaleChanged(scaleDenominator());
    update();
    refresh();
}

QRectF MapCanvas::fullExtent() const
{
    QRectF e;
    for (const auto &l : m_layers) {
        const QRectF le = l->extent();
        if (le.isEmpty())
            continue;
        e = e.isNull() ? le : e.united(le);
    }
    return e;
}

void MapCanvas::zoomToFullExtent()
{
    const QRectF e = fullExtent();
    if (e.isEmpty())
        return;
    // A small margin so that boundaries are not on the widget's edge.
    setExtent(e.adjusted(-e.width() * 0.02, -e.height() * 0.02, e.width() * 0.02, e.height() * 0.02));
}

void MapCanvas::zoomByFactor(double factor, const QPointF &anchor)
{
    const MapSettings s = settings();
    const QPointF m = s.toMap(anchor);
    const double mupp = s.mapUnitsPerPixel() * factor;
    const double w = mupp * width(), h = mupp * height();
    const double left = m.x() - anchor.x() * mupp;
    const double top = m.y() + anchor.y() * mupp; // max latitude
    setExtent(QRectF(left, top - h, w, h));
}

void MapCanvas::panByPixels(const QPointF &delta)
{
    const double mupp = mapUnitsPerPixel();
    setExtent(m_extent.translated(-delta.x() * mupp, delta.y() * mupp));
}

void MapCanvas::setPanPreviewOffset(const QPointF &offset)
{
    m_panOffset = offset;
    update();
}

void MapCanvas::setMapTool(MapTool *tool)
{
    if (m_tool == tool)
        return;
    if (m_tool)
        m_tool->deactivate();
    m_tool = tool;
    if (m_tool) {
        setCursor(m_tool->cursor());
        m_tool->activate();
    } else {
        unsetCursor();
    }
    Q_EMIT mapToolChanged(tool);
    update();
}

void MapCanvas::refresh()
{
    m_refreshTimer.start();
}

bool MapCanvas::isRendering() const
{
    return m_refreshTimer.isActive() || (m_job && m_job->isActive());
}

void MapCanvas::startRender()
{
    if (m_job) {
        // The running job is dropped: it deletes itself when its worker has stopped.
        m_job->cancel();
        disconnect(m_job, nullptr, this, nullptr);
        connect(m_job, &MapRendererJob::finished, m_job, &QObject::deleteLater);
        m_job = nullptr;
    }
    const MapSettings s = settings();
    if (!s.isValid())
        return;
    m_job = new MapRendererJob(s, this);
    connect(m_job, &MapRendererJob::finished, this, &MapCanvas::jobFinished);
    m_job->start();
}

void MapCanvas::jobFinished()
{
    MapRendererJob *job = m_job;
    if (!job)
        return;
    m_job = nullptr;
    if (!job->cancelled()) {
        m_cache.setImage(job->settings(), job->image());
        m_lastRenderMs = job->renderTimeMs();
        const QStringList errors = job->errors();
        for (const QString &e : errors)
            Q_EMIT renderError(e);
    }
    job->deleteLater();
    update();
    Q_EMIT renderFinished();
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    const MapSettings s = settings();
    if (m_cache.hasImage()) {
        const QImage image = m_cache.image();
        if (m_cache.matches(s)) {
            p.drawImage(m_panOffset, image);
        } else {
            p.setRenderHint(QPainter::SmoothPixmapTransform, true);
            p.drawImage(m_cache.targetRect(s).translated(m_panOffset), image);
        }
    }
    if (m_tool) {
        p.setRenderHint(QPainter::Antialiasing, true);
        m_tool->paint(p);
    }
}

void MapCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_extent.isEmpty()) {
        if (!fullExtent().isEmpty())
            zoomToFullExtent();
        return;
    }
    // Keep the centre and the scale; show more or less of the map.
    const QSize old = event->oldSize().isValid() ? event->oldSize() : size();
    const double mupp
        = std::max(m_extent.width() / std::max(1, old.width()), m_extent.height() / std::max(1, old.height()));
    const QPointF c = m_extent.center();
    const double w = mupp * width(), h = mupp * height();
    setExtent(QRectF(c.x() - w / 2, c.y() - h / 2, w, h));
}

void MapCanvas::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomByFactor(std::pow(1.25, -steps), event->position());
    event->accept();
}

void MapCanvas::mousePressEvent(QMouseEvent *event)
{
    if (m_tool)
        m_tool->mousePress(event);
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    Q_EMIT coordinatesChanged(toMap(event->position()));
    if (m_tool)
        m_tool->mouseMove(event);
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_tool)
        m_tool->mouseRelease(event);
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_tool)
        m_tool->mouseDoubleClick(event);
}

void MapCanvas::keyPressEvent(QKeyEvent *event)
{
    if (m_tool && m_tool->keyPress(event))
        return;
    const QPointF c(width() / 2.0, height() / 2.0);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomByFactor(0.8, c);
        return;
    case Qt::Key_Minus:
        zoomByFactor(1.25, c);
        return;
    case Qt::Key_Left:
        panByPixels(QPointF(width() / 4.0, 0));
        return;
    case Qt::Key_Right:
        panByPixels(QPointF(-width() / 4.0, 0));
        return;
    case Qt::Key_Up:
        panByPixels(QPointF(0, height() / 4.0));
        return;
    case Qt::Key_Down:
        panByPixels(QPointF(0, -height() / 4.0));
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace spgl::desk
