#include "gui/map/maptoolzoombox.h"

#include "gui/map/mapcanvas.h"

#include <QMouseEvent>
#include <QPainter>

namespace spgl::desk {

MapToolZoomBox::MapToolZoomBox(MapCanvas *canvas)
    : MapTool(canvas)
{}

void MapToolZoomBox::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_start = event->position();
    m_band = QRectF(m_start, m_start);
    m_dragging = true;
}

void MapToolZoomBox::mouseMove(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    m_band = QRectF(m_start, event->position()).normalized();
    canvas()->update();
}

void MapToolZoomBox::mouseRelease(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return;
    m_dragging = false;
    const QRectF band = QRectF(m_start, event->position()).normalized();
    m_band = QRectF();
    if (band.width() < 4 || band.height() < 4) {
        canvas()->zoomByFactor(0.5, event->position());
        return;
    }
    const QPointF a = canvas()->toMap(band.topLeft()), b = canvas()->toMap(band.bottomRight());
    canvas()->setExtent(QRectF(a, b).normalized());
}

void MapToolZoomBox::paint(QPainter &painter)
{
    if (!m_dragging || m_band.isEmpty())
        return;
    painter.setPen(QPen(QColor(30, 90, 200), 1.5, Qt::DashLine));
    painter.setBrush(QColor(30, 90, 200, 40));
    painter.drawRect(m_band);
}

} // namespace spgl::desk
