#include "gui/map/maptooldrawpolygon.h"

#include "geo/geojsoninput.h"
#include "gui/map/mapcanvas.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <utility>

namespace spgl::desk {

MapToolDrawPolygon::MapToolDrawPolygon(MapCanvas *canvas)
    : MapTool(canvas)
{}

QString MapToolDrawPolygon::label() const
{
    switch (m_shape) {
    case Shape::Point:
        return tr("绘制点");
    case Shape::Line:
        return tr("绘制线");
    case Shape::Polygon:
        break;
    }
    return tr("绘制多边形");
}

void MapToolDrawPolygon::setShape(Shape shape)
{
    if (shape == m_shape)
        return;
    m_shape = shape;
    clear();
}

int MapToolDrawPolygon::vertexAt(const QPointF &pixel) const
{
    for (int k = 0; k < m_vertices.size(); ++k) {
        const QPointF d = canvas()->toPixel(m_vertices[k]) - pixel;
        if (d.manhattanLength() <= 8)
            return k;
    }
    return -1;
}

void MapToolDrawPolygon::setVertices(const QList<QPointF> &vertices)
{
    m_vertices = vertices;
    m_finished = false;
    canvas()->update();
}

void MapToolDrawPolygon::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragged = vertexAt(event->position());
    m_moved = false;
}

void MapToolDrawPolygon::mouseMove(QMouseEvent *event)
{
    if (m_dragged >= 0 && (event->buttons() & Qt::LeftButton)) {
        m_vertices[m_dragged] = canvas()->toMap(event->position());
        m_moved = true;
        canvas()->update();
        return;
    }
    m_hover = canvas()->toMap(event->position());
    m_hasHover = !m_finished && !m_vertices.isEmpty();
    if (m_hasHover)
        canvas()->update();
}

void MapToolDrawPolygon::mouseRelease(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const int dragged = std::exchange(m_dragged, -1);
    if (dragged >= 0 && m_moved) {
        if (m_finished)
            emitIfValid(); // an edit of a finished polygon
        return;
    }
    if (m_shape == Shape::Point) { // one click places (or moves) the point and finishes it
        m_vertices = {canvas()->toMap(event->position())};
        finish();
        return;
    }
    if (m_finished || dragged >= 0) // a click on an existing vertex adds none
        return;
    m_vertices.append(canvas()->toMap(event->position()));
    canvas()->update();
}

void MapToolDrawPolygon::mouseDoubleClick(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_finished)
        return;
    // The double-click's first click added a vertex already; the second one must not add one.
    finish();
}

bool MapToolDrawPolygon::keyPress(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        clear();
        return true;
    case Qt::Key_Backspace:
    case Qt::Key_Delete:
        if (!m_vertices.isEmpty() && !m_finished) {
            m_vertices.removeLast();
            canvas()->update();
        }
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        finish();
        return true;
    default:
        return false;
    }
}

void MapToolDrawPolygon::clear()
{
    m_vertices.clear();
    m_finished = false;
    m_hasHover = false;
    canvas()->update();
}

QByteArray MapToolDrawPolygon::geoJson() const
{
    if (m_shape != Shape::Polygon) {
        QJsonArray coordinates;
        for (const QPointF &p : m_vertices)
            coordinates.append(QJsonArray{p.x(), p.y()});
        const bool point = m_shape == Shape::Point;
        const QJsonObject geometry{
            {QStringLiteral("type"), point ? QStringLiteral("Point") : QStringLiteral("LineString")},
            {QStringLiteral("coordinates"), point && !coordinates.isEmpty() ? coordinates.first() : coordinates}};
        return QJsonDocument(geometry).toJson(QJsonDocument::Compact);
    }
    QJsonArray ring;
    for (const QPointF &p : m_vertices)
        ring.append(QJsonArray{p.x(), p.y()});
    if (!m_vertices.isEmpty())
        ring.append(QJsonArray{m_vertices.front().x(), m_vertices.front().y()});
    const QJsonObject geometry{{QStringLiteral("type"), QStringLiteral("Polygon")},
                               {QStringLiteral("coordinates"), QJsonArray{ring}}};
    return QJsonDocument(geometry).toJson(QJsonDocument::Compact);
}

bool MapToolDrawPolygon::emitIfValid()
{
    const auto checked = geo::checkGeoJsonGeometry(
        geoJson().toStdString(), m_shape == Shape::Polygon ? geo::GeometryInput::Polygonal : geo::GeometryInput::Any,
        "geometry");
    if (!checked) {
        Q_EMIT drawError(QString::fromStdString(checked.error().message));
        return false;
    }
    const QByteArray json = QByteArray::fromStdString(*checked);
    if (m_shape == Shape::Polygon)
        Q_EMIT polygonFinished(json);
    Q_EMIT geometryFinished(json);
    return true;
}

bool MapToolDrawPolygon::finish()
{
    const int needed = m_shape == Shape::Point ? 1 : m_shape == Shape::Line ? 2 : 3;
    if (m_vertices.size() < needed) {
        Q_EMIT drawError(m_shape == Shape::Point  ? tr("请在地图上点击放置点")
                         : m_shape == Shape::Line ? tr("线至少需要两个顶点")
                                                  : tr("多边形至少需要三个顶点"));
        return false;
    }
    m_finished = true;
    m_hasHover = false;
    canvas()->update();
    return emitIfValid();
}

void MapToolDrawPolygon::paint(QPainter &painter)
{
    if (m_vertices.isEmpty())
        return;
    QPolygonF poly;
    for (const QPointF &p : std::as_const(m_vertices))
        poly << canvas()->toPixel(p);
    if (m_hasHover)
        poly << canvas()->toPixel(m_hover);
    painter.setPen(QPen(QColor(0, 120, 215), 2));
    painter.setBrush(QColor(0, 120, 215, m_finished ? 70 : 40));
    if (m_shape == Shape::Point)
        painter.drawEllipse(poly.front(), 5, 5);
    else if (m_shape == Shape::Line)
        painter.drawPolyline(poly);
    else if (poly.size() >= 3)
        painter.drawPolygon(poly);
    else
        painter.drawPolyline(poly);
    painter.setBrush(Qt::white);
    for (const QPointF &p : std::as_const(m_vertices))
        painter.drawRect(QRectF(canvas()->toPixel(p) - QPointF(3.5, 3.5), QSizeF(7, 7)));
}

} // namespace spgl::desk
