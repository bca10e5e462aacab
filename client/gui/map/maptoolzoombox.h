#pragma once

#include "gui/map/maptool.h"

#include <QRectF>

namespace spgl::desk {

/// Drag a rubber band to zoom into it; a click zooms in by 2 around the point.
class MapToolZoomBox : public MapTool
{
    Q_OBJECT

public:
    explicit MapToolZoomBox(MapCanvas *canvas);

    QString label() const override { return tr("拉框放大"); }
    QCursor cursor() const override { return QCursor(Qt::CrossCursor); }
    void mousePress(QMouseEvent *event) override;
    void mouseMove(QMouseEvent *event) override;
    void mouseRelease(QMouseEvent *event) override;
    void paint(QPainter &painter) override;

private:
    QPointF m_start;
    QRectF m_band;
    bool m_dragging = false;
};

} // namespace spgl::desk
