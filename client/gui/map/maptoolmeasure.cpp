#include "gui/map/maptoolmeasure.h"

#include "core/map/measurement.h"
#include "gui/map/mapcanvas.h"

#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>

namespace spgl::desk {

MapToolMeasure::MapToolMeasure(MapCanvas *canvas, Mode mode)
    : MapTool(canvas)
    , m_mode(mode)
{}

void MapToolMeasure::addPoint(const QPointF &lonLat)
{
    if (m_finished)
        clear();
    m_points.append(lonLat);
    update(m_points);
}

void MapToolMeasure::finish()
{
    m_finished = true;
    m_hasHover = false;
    update(m_points);
    Q_EMIT measured(m_geodesic, m_gk);
}

void MapToolMeasure::clear()
{
    m_points.clear();
    m_finished = false;
    m_hasHover = false;
    m_geodesic = m_gk = 0;
    if (m_label)
        m_label->hide();
    canvas()->update();
}

void MapToolMeasure::deactivate()
{
    clear();
}

void MapToolMeasure::mousePress(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        addPoint(canvas()->toMap(event->position()));
    else if (event->button() == Qt::RightButton && !m_points.isEmpty())
        finish();
}

void MapToolMeasure::mouseMove(QMouseEvent *event)
{
    if (m_points.isEmpty() || m_finished)
        return;
    m_hover = canvas()->toMap(event->position());
    m_hasHover = true;
    update(m_points + QList<QPointF>{m_hover});
}

void MapToolMeasure::mouseDoubleClick(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_points.isEmpty())
        finish();
}

bool MapToolMeasure::keyPress(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        clear();
        return true;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !m_points.isEmpty()) {
        finish();
        return true;
    }
    return false;
}

void MapToolMeasure::update(const QList<QPointF> &points)
{
    m_zone = Measurement::zoneFor(points);
    if (m_mode == Mode::Length) {
        m_geodesic = Measurement::geodesicLength(points);
        const auto gk = Measurement::gaussKrugerLength(points, m_zone);
        m_gk = gk ? *gk : 0;
    } else {
        m_geodesic = Measurement::geodesicArea(points);
        const auto gk = Measurement::gaussKrugerArea(points, m_zone);
        m_gk = gk ? *gk : 0;
    }
    if (!m_label) {
        m_label = new QLabel(canvas());
        m_label->setObjectName(QStringLiteral("measureResult"));
        m_label->setStyleSheet(
            QStringLiteral("QLabel { background: rgba(255,255,255,230); border: 1px solid #888; padding: 4px 8px; }"));
        m_label->setAttribute(Qt::WA_TransparentForMouseEvents);
    }
    m_label->setText(resultText());
    m_label->adjustSize();
    m_label->move(canvas()->width() - m_label->width() - 8, 8);
    m_label->setVisible(!points.isEmpty());
    canvas()->update();
}

QString MapToolMeasure::resultText() const
{
    if (m_mode == Mode::Length)
        return tr("长度：%1（椭球）　%2（高斯-克吕格 EPSG:%3）")
            .arg(Measurement::formatLength(m_geodesic), Measurement::formatLength(m_gk))
            .arg(m_zone);
    return tr("面积：%1（椭球）　%2（高斯-克吕格 EPSG:%3）")
        .arg(Measurement::formatArea(m_geodesic), Measurement::formatArea(m_gk))
        .arg(m_zone);
}

void MapToolMeasure::paint(QPainter &painter)
{
    if (m_points.isEmpty())
        return;
    QPolygonF poly;
    for (const QPointF &p : std::as_const(m_points))
        poly << canvas()->toPixel(p);
    if (m_hasHover && !m_finished)
        poly << canvas()->toPixel(m_hover);
    painter.setPen(QPen(QColor(220, 40, 40), 2));
    if (m_mode == Mode::Area && poly.size() >= 3) {
        painter.setBrush(QColor(220, 40, 40, 50));
        painter.drawPolygon(poly);
    } else {
        painter.drawPolyline(poly);
    }
    painter.setBrush(Qt::white);
    for (const QPointF &p : std::as_const(poly))
        painter.drawEllipse(p, 3, 3);
}

} // namespace spgl::desk
