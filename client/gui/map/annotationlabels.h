#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <nlohmann/json.hpp>

namespace spgl::desk {

class MapCanvas;

/// One label on the map: where (lon/lat), what, in which colour, and whether it waits for sync.
struct MapLabel
{
    QPointF anchor;
    QString text;
    QColor color;
    bool pending = false;
};

/**
 * @brief Draws text labels over a MapCanvas (the annotations' text and author), following the
 *        canvas's extent. A transparent child of the canvas: mouse events go to the map.
 *
 * Pending labels (drawn here, not yet confirmed by the server) get a dashed frame.
 */
class AnnotationLabels : public QWidget
{
    Q_OBJECT

public:
    explicit AnnotationLabels(MapCanvas *canvas);

    void setLabels(const QList<MapLabel> &labels);
    /// Where a GeoJSON geometry's label goes: a point itself, a line's middle vertex, the centre
    /// of a polygon's outer ring (the first part of a multi-geometry); null when there is none.
    static QPointF anchorOf(const nlohmann::json &geometry);
    QList<MapLabel> labels() const { return m_labels; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    MapCanvas *m_canvas;
    QList<MapLabel> m_labels;
};

} // namespace spgl::desk
