#pragma once

#include "gui/map/maptool.h"

#include <QList>
#include <QPointF>

namespace spgl::desk {

/**
 * @brief Draws and edits a polygon (a site, an annotation area): click to add vertices, drag a
 *        vertex to move it, double-click or Enter to finish, Backspace removes the last vertex,
 *        Esc discards. A finished polygon stays editable (dragging a vertex emits it again).
 *
 * The polygon is checked with shared/geo's GeoJSON input check (CGCS2000 coordinates in China,
 * a valid polygon) before it is emitted; a self-intersecting ring gives drawError().
 */
class MapToolDrawPolygon : public MapTool
{
    Q_OBJECT

public:
    explicit MapToolDrawPolygon(MapCanvas *canvas);

    QString label() const override { return tr("绘制多边形"); }
    void mousePress(QMouseEvent *event) override;
    void mouseMove(QMouseEvent *event) override;
    void mouseRelease(QMouseEvent *event) override;
    void mouseDoubleClick(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;
    void paint(QPainter &painter) override;

    QList<QPointF> vertices() const { return m_vertices; }
    void setVertices(const QList<QPointF> &vertices);
    bool isFinished() const { return m_finished; }
    /// Finishes the polygon: emits polygonFinished() (or drawError()); false when not valid.
    bool finish();
    void clear();
    /// The polygon as a GeoJSON geometry (closed ring, lon/lat).
    QByteArray geoJson() const;

Q_SIGNALS:
    void polygonFinished(const QByteArray &geoJson);
    void drawError(const QString &message);

private:
    int vertexAt(const QPointF &pixel) const;
    bool emitIfValid();

    QList<QPointF> m_vertices;
    QPointF m_hover;
    bool m_hasHover = false;
    bool m_finished = false;
    int m_dragged = -1;
    bool m_moved = false;
};

} // namespace spgl::desk
