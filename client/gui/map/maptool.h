#pragma once

#include <QCursor>
#include <QObject>
#include <QString>

class QKeyEvent;
class QMouseEvent;
class QPainter;

namespace spgl::desk {

class MapCanvas;

/**
 * @brief An interaction mode of the canvas (pan, zoom box, identify, measure, draw). The canvas
 *        forwards mouse and key events to the active tool and lets it paint over the map.
 */
class MapTool : public QObject
{
    Q_OBJECT

public:
    explicit MapTool(MapCanvas *canvas);

    MapCanvas *canvas() const { return m_canvas; }
    /// Shown on the tool bar and in tool tips.
    virtual QString label() const = 0;
    virtual QCursor cursor() const { return QCursor(Qt::CrossCursor); }

    virtual void activate() {}
    virtual void deactivate() {}
    virtual void mousePress(QMouseEvent *event) {}
    virtual void mouseMove(QMouseEvent *event) {}
    virtual void mouseRelease(QMouseEvent *event) {}
    virtual void mouseDoubleClick(QMouseEvent *event) {}
    /// Returns true when the key was used.
    virtual bool keyPress(QKeyEvent *event) { return false; }
    /// Paints over the map in logical widget pixels.
    virtual void paint(QPainter &painter) {}

private:
    MapCanvas *m_canvas;
};

} // namespace spgl::desk
