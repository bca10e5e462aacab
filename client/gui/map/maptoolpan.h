#pragma once

#include "gui/map/maptool.h"

#include <QPointF>

namespace spgl::desk {

/// Drag to move the map: the cached picture follows the mouse; the release renders the new view.
class MapToolPan : public MapTool
{
    Q_OBJECT

public:
    explicit MapToolPan(MapCanvas *canvas);

    QString label() const override { return tr("平移"); }
    QCursor cursor() const override { return QCursor(Qt::OpenHandCursor); }
    void mousePress(QMouseEvent *event) override;
    void mouseMove(QMouseEvent *event) override;
    void mouseRelease(QMouseEvent *event) override;

private:
    QPointF m_start;
    bool m_dragging = false;
};

} // namespace spgl::desk
