#pragma once

#include <QWidget>

namespace spgl::desk {

class MapCanvas;

/// A scale bar over the lower left corner of the canvas: a round ground length (1, 2 or 5 × 10ⁿ m).
class ScaleBar : public QWidget
{
    Q_OBJECT

public:
    explicit ScaleBar(MapCanvas *canvas);

    /// The ground length the bar shows, in metres.
    double barMetres() const { return m_metres; }
    /// Its length in pixels.
    double barPixels() const { return m_pixels; }
    /// The label, e.g. "500 米".
    QString text() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void recompute();

    MapCanvas *m_canvas;
    double m_metres = 0;
    double m_pixels = 0;
};

} // namespace spgl::desk
