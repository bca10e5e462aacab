#include "gui/map/maptoolpan.h"

#include "gui/map/mapcanvas.h"

#include <QMouseEvent>

namespace spgl::desk {

MapToolPan::MapToolPan(MapCanvas *canvas)
    : MapTool(canvas)
{}

void MapToolPan::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_start = event->position();
    m_dragging = true;
    canvas()->setCursor(Qt::ClosedHandCursor);
}

void MapToolPan::mouseMove(QMouseEvent *event)
{
    if (m_dragging)
        canvas()->setPanPreviewOffset(event->position() - m_start);
}

void MapToolPan::mouseRelease(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return;
    m_dragging = false;
    const QPointF delta = event->position() - m_start;
    canvas()->setPanPreviewOffset({});
    canvas()->setCursor(cursor());
    if (!delta.isNull())
        canvas()->panByPixels(delta);
}

} // namespace spgl::desk
