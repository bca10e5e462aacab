#pragma once

#include "gui/map/maptool.h"

#include <QList>
#include <QPointF>
#include <QPointer>

class QLabel;

namespace spgl::desk {

/**
 * @brief Measures a length (polyline) or an area (polygon): click the vertices, double-click or
 *        right-click to finish, Esc to start over. The result label on the canvas shows the
 *        geodesic value on the CGCS2000 ellipsoid and the planar value in the site's
 *        Gauss–Krüger zone.
 */
class MapToolMeasure : public MapTool
{
    Q_OBJECT

public:
    enum class Mode { Length, Area };

    MapToolMeasure(MapCanvas *canvas, Mode mode);

    QString label() const override { return m_mode == Mode::Length ? tr("测量长度") : tr("测量面积"); }
    Mode mode() const { return m_mode; }
    void mousePress(QMouseEvent *event) override;
    void mouseMove(QMouseEvent *event) override;
    void mouseDoubleClick(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;
    void paint(QPainter &painter) override;
    void deactivate() override;

    /// Vertices so far (lon, lat).
    QList<QPointF> points() const { return m_points; }
    /// Adds a vertex at @p lonLat (what a click does).
    void addPoint(const QPointF &lonLat);
    void finish();
    void clear();
    /// The text of the result label.
    QString resultText() const;
    /// Last values: geodesic and Gauss–Krüger (metres or square metres).
    double geodesicValue() const { return m_geodesic; }
    double gaussKrugerValue() const { return m_gk; }

Q_SIGNALS:
    void measured(double geodesic, double gaussKruger);

private:
    void update(const QList<QPointF> &points);

    Mode m_mode;
    QList<QPointF> m_points;
    QPointF m_hover;
    bool m_hasHover = false;
    bool m_finished = false;
    double m_geodesic = 0;
    double m_gk = 0;
    int m_zone = 0;
    QPointer<QLabel> m_label;
};

} // namespace spgl::desk
