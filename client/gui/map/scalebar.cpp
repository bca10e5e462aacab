#include "gui/map/scalebar.h"

#include "gui/map/mapcanvas.h"

#include <QPainter>

#include <cmath>

namespace spgl::desk {

ScaleBar::ScaleBar(MapCanvas *canvas)
    : QWidget(canvas)
    , m_canvas(canvas)
{
    setObjectName(QStringLiteral("scaleBar"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    resize(180, 34);
    connect(canvas, &MapCanvas::extentChanged, this, &ScaleBar::recompute);
    recompute();
}

void ScaleBar::recompute()
{
    const double metresPerPixel = m_canvas->settings().metresPerPixel();
    const double target = 120 * metresPerPixel;
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(target, 1e-3))));
    double nice = magnitude;
    for (double f : {1.0, 2.0, 5.0})
        if (f * magnitude <= target)
            nice = f * magnitude;
    m_metres = nice;
    m_pixels = metresPerPixel > 0 ? nice / metresPerPixel : 0;
    move(8, m_canvas->height() - height() - 8);
    update();
}

QString ScaleBar::text() const
{
    if (m_metres >= 1000)
        return tr("%1 千米").arg(m_metres / 1000);
    return tr("%1 米").arg(m_metres);
}

void ScaleBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const double y = height() - 8;
    p.setPen(QPen(Qt::white, 4));
    p.drawLine(QPointF(4, y), QPointF(4 + m_pixels, y));
    p.setPen(QPen(Qt::black, 2));
    p.drawLine(QPointF(4, y), QPointF(4 + m_pixels, y));
    p.drawLine(QPointF(4, y - 5), QPointF(4, y));
    p.drawLine(QPointF(4 + m_pixels, y - 5), QPointF(4 + m_pixels, y));
    p.drawText(QPointF(8, y - 8), text());
}

} // namespace spgl::desk
