#include "gui/map/annotationlabels.h"

#include "gui/map/mapcanvas.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPainter>

namespace spgl::desk {

using nlohmann::json;

namespace {

QPointF lonLat(const json &position)
{
    if (!position.is_array() || position.size() < 2 || !position[0].is_number() || !position[1].is_number())
        return {};
    return {position[0].get<double>(), position[1].get<double>()};
}

} // namespace

QPointF AnnotationLabels::anchorOf(const json &geometry)
{
    if (!geometry.is_object())
        return {};
    const std::string type = geometry.value("type", std::string());
    const json &c = geometry.contains("coordinates") ? geometry["coordinates"] : json();
    if (type == "Point")
        return lonLat(c);
    if (type == "LineString" && c.is_array() && !c.empty())
        return lonLat(c[c.size() / 2]);
    if (type == "MultiPoint" && c.is_array() && !c.empty())
        return lonLat(c[0]);
    if (type == "MultiLineString" && c.is_array() && !c.empty())
        return anchorOf({{"type", "LineString"}, {"coordinates", c[0]}});
    if (type == "MultiPolygon" && c.is_array() && !c.empty())
        return anchorOf({{"type", "Polygon"}, {"coordinates", c[0]}});
    if (type == "Polygon" && c.is_array() && !c.empty() && c[0].is_array() && c[0].size() > 1) {
        const json &ring = c[0];
        QPointF sum;
        const size_t n = ring.size() - 1; // the closing position repeats the first
        for (size_t i = 0; i < n; ++i)
            sum += lonLat(ring[i]);
        return sum / double(n);
    }
    return {};
}

AnnotationLabels::AnnotationLabels(MapCanvas *canvas)
    : QWidget(canvas)
    , m_canvas(canvas)
{
    setObjectName(QStringLiteral("annotationLabels"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setGeometry(canvas->rect());
    canvas->installEventFilter(this);
    connect(canvas, &MapCanvas::extentChanged, this, qOverload<>(&QWidget::update));
    show();
}

void AnnotationLabels::setLabels(const QList<MapLabel> &labels)
{
    m_labels = labels;
    raise();
    update();
}

bool AnnotationLabels::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_canvas && event->type() == QEvent::Resize)
        setGeometry(m_canvas->rect());
    return QWidget::eventFilter(watched, event);
}

void AnnotationLabels::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    for (const MapLabel &label : std::as_const(m_labels)) {
        const QPointF at = m_canvas->toPixel(label.anchor);
        if (!rect().adjusted(-200, -40, 200, 40).contains(at.toPoint()))
            continue;
        const QString text = fm.elidedText(label.text, Qt::ElideRight, 260);
        QRectF box(at + QPointF(8, -fm.height() - 4), QSizeF(fm.horizontalAdvance(text) + 10, fm.height() + 4));
        painter.setPen(QPen(label.color, 1, label.pending ? Qt::DashLine : Qt::SolidLine));
        painter.setBrush(QColor(255, 255, 255, 220));
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(label.color.darker(130));
        painter.drawText(box, Qt::AlignCenter, text);
    }
}

} // namespace spgl::desk
