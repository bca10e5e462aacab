#include "core/map/maprendererjob.h"

#include "core/map/maplayer.h"

#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

namespace spgl::desk {

MapRendererJob::MapRendererJob(const MapSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    connect(&m_watcher, &QFutureWatcher<QImage>::finished, this, [this] {
        m_image = m_watcher.result();
        m_active = false;
        Q_EMIT finished();
    });
}

MapRendererJob::~MapRendererJob()
{
    m_cancelled = true;
    m_watcher.waitForFinished();
}

void MapRendererJob::prepare()
{
    m_renderers.clear();
    m_names.clear();
    m_errors.clear();
    const auto layers = m_settings.layers();
    for (const auto &layer : layers) {
        if (!layer || !layer->isVisible() || layer->opacity() <= 0)
            continue;
        if (auto r = layer->createRenderer(m_settings)) {
            m_renderers.push_back(std::move(r));
            m_names.append(layer->name());
        }
    }
}

QImage MapRendererJob::draw()
{
    QElapsedTimer timer;
    timer.start();
    const QSize device = (QSizeF(m_settings.outputSize()) * m_settings.devicePixelRatio()).toSize();
    QImage image(device, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m_settings.devicePixelRatio());
    image.fill(m_settings.background());
    QPainter painter(&image);
    RenderContext context{m_settings, &image, &painter, &m_cancelled};
    m_layersRendered = 0;
    for (size_t k = 0; k < m_renderers.size(); ++k) {
        if (m_cancelled)
            break;
        if (m_renderers[k]->render(context))
            ++m_layersRendered;
        else if (!m_renderers[k]->error().isEmpty())
            m_errors.append(m_names[qsizetype(k)] + QStringLiteral(": ") + m_renderers[k]->error());
    }
    painter.end();
    m_renderTime = timer.elapsed();
    return image;
}

void MapRendererJob::start()
{
    if (m_active)
        return;
    m_cancelled = false;
    m_active = true;
    prepare();
    m_watcher.setFuture(QtConcurrent::run([this] { return draw(); }));
}

void MapRendererJob::cancel()
{
    m_cancelled = true;
}

void MapRendererJob::waitForFinished()
{
    m_watcher.waitForFinished();
}

QImage MapRendererJob::renderSynchronously()
{
    m_cancelled = false;
    prepare();
    m_image = draw();
    return m_image;
}

} // namespace spgl::desk
