#pragma once

#include "core/map/maplayerrenderer.h"
#include "core/map/mapsettings.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

namespace spgl::desk {

/**
 * @brief Renders one MapSettings into a QImage asynchronously (the QGIS pattern).
 *
 * start() runs on the GUI thread: each visible layer makes its renderer, copying or sharing the
 * immutable data it needs. The drawing then runs on a worker thread of the global thread pool
 * (QtConcurrent); finished() delivers the image on the GUI thread. cancel() stops the drawing at
 * the next check; a cancelled job emits finished() with cancelled() true and a partial image.
 */
class MapRendererJob : public QObject
{
    Q_OBJECT

public:
    explicit MapRendererJob(const MapSettings &settings, QObject *parent = nullptr);
    ~MapRendererJob() override;

    /// Prepares the renderers (GUI thread) and starts drawing on a worker thread.
    void start();
    /// Asks the drawing to stop; returns at once (see waitForFinished()).
    void cancel();
    /// Blocks until the worker is done (finished() is still emitted through the event loop).
    void waitForFinished();
    /// Renders synchronously on the calling thread (benchmarks, exports); returns the image.
    QImage renderSynchronously();

    bool isActive() const { return m_active; }
    bool cancelled() const { return m_cancelled.load(); }
    const MapSettings &settings() const { return m_settings; }
    QImage image() const { return m_image; }
    /// Layer errors of the last run ("name: reason").
    QStringList errors() const { return m_errors; }
    /// Layers drawn to the end in the last run (fewer than renderers() when cancelled).
    int layersRendered() const { return m_layersRendered; }
    /// Wall time of the drawing in milliseconds.
    qint64 renderTimeMs() const { return m_renderTime; }
    /// Renderers of the last run, in layer order (for inspection in tests).
    const std::vector<std::unique_ptr<MapLayerRenderer>> &renderers() const { return m_renderers; }

Q_SIGNALS:
    void finished();

private:
    void prepare();
    QImage draw();

    MapSettings m_settings;
    std::vector<std::unique_ptr<MapLayerRenderer>> m_renderers;
    QStringList m_names;
    std::atomic<bool> m_cancelled{false};
    QFutureWatcher<QImage> m_watcher;
    QImage m_image;
    QStringList m_errors;
    qint64 m_renderTime = 0;
    std::atomic<int> m_layersRendered{0};
    bool m_active = false;
};

} // namespace spgl::desk
