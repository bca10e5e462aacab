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
 * The same tool draws the other annotation shapes (setShape()): a point (one click finishes it)
 * and a line (two vertices or more). The geometry is checked with shared/geo's GeoJSON input
 * check (CGCS2000 coordinates in China, a valid geometry) before it is emitted; a
 * self-intersecting ring gives drawError().
 */
class MapToolDrawPolygon : public MapTool
{
    Q_OBJECT

public:
    /// What the tool draws.
    enum class Shape { Point, Line, Polygon };

    explicit MapToolDrawPolygon(MapCanvas *canvas);

    QString label() const override;
    Shape shape() const { return m_shape; }
    /// Switches the shape (discards what is being drawn).
    void setShape(Shape shape);
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
    /// The drawn geometry as GeoJSON (lon/lat; a polygon's ring closed).
    QByteArray geoJson() const;
    /// Who asked for the drawing (a panel beside the map): several panels share the one tool,
    /// and only the one that started a drawing takes the finished geometry.
    void setOwner(const QObject *owner) { m_owner = owner; }
    const QObject *owner() const { return m_owner; }

Q_SIGNALS:
    /// A polygon was finished (only in the Polygon shape).
    void polygonFinished(const QByteArray &geoJson);
    /// A geometry of any shape was finished (checked GeoJSON, EPSG:4490).
    void geometryFinished(const QByteArray &geoJson);
    void drawError(const QString &message);

private:
    int vertexAt(const QPointF &pixel) const;
    bool emitIfValid();

    Shape m_shape = Shape::Polygon;
    QList<QPointF> m_vertices;
    QPointF m_hover;
    bool m_hasHover = false;
    bool m_finished = false;
    int m_dragged = -1;
    bool m_moved = false;
    const QObject *m_owner = nullptr;
};

} // namespace spgl::desk
