// Map rendering into 1920×1080 (issue 6, desktop): the demo land-use plan of 100,000 and
// 1,000,000 parcels, full extent and zoomed to 1/100 of the extent, and the canvas repaint from
// the cached picture during a pan. Synchronous renders on one thread (what a job's worker does).
//
//   bench_render [--dir=build/bench-data] [--only=100k|1m] [--runs=N]
//
// The GeoPackages are generated once into --dir (1m takes about 12 s) and reused.
#include "core/map/layerstyle.h"
#include "core/map/maprendererjob.h"
#include "core/map/vectorlayerrenderer.h"
#include "core/map/vectormaplayer.h"
#include "geo/demolayergenerator.h"
#include "gui/map/mapcanvas.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace spgl::desk;

namespace {

struct Stats
{
    double p50, p95, max;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))]; };
    return {at(0.5), at(0.95), v.back()};
}

void print(const char *what, const std::vector<double> &ms, const char *goal)
{
    const Stats s = stats(ms);
    std::printf("%-40s p50 %8.2f ms  p95 %8.2f ms  max %8.2f ms  (n=%zu, goal %s)\n", what, s.p50, s.p95, s.max,
                ms.size(), goal);
    std::fflush(stdout);
}

/// The land-use GeoPackage of @p size in @p dir (generated when missing) with its style.
std::shared_ptr<VectorMapLayer> landUse(const QString &dir, spgl::geo::DemoLayerSize size, const char *tag)
{
    const QString path = dir + QStringLiteral("/land_use_%1.gpkg").arg(QLatin1String(tag));
    const QString stylePath = path + QStringLiteral(".style.json");
    if (!QFileInfo::exists(path) || !QFileInfo::exists(stylePath)) {
        std::printf("generating %s …\n", qPrintable(path));
        std::fflush(stdout);
        QElapsedTimer t;
        t.start();
        auto file = spgl::geo::DemoLayerGenerator(size).generateLandUse(path.toStdString());
        if (!file) {
            std::fprintf(stderr, "generation failed: %s\n", file.error().message.c_str());
            return nullptr;
        }
        QFile style(stylePath);
        style.open(QIODevice::WriteOnly);
        style.write(QByteArray::fromStdString(file->styleJson));
        std::printf("  %lld parcels in %.1f s\n", static_cast<long long>(file->featureCount), t.elapsed() / 1000.0);
    }
    QElapsedTimer t;
    t.start();
    auto layer = VectorMapLayer::open(path);
    if (!layer) {
        std::fprintf(stderr, "%s\n", layer.error().message.c_str());
        return nullptr;
    }
    QFile style(stylePath);
    style.open(QIODevice::ReadOnly);
    (*layer)->setStyle(LayerStyle::fromJsonText(style.readAll()));
    std::printf("%s: %zu polygons loaded (index, levels of detail, categories) in %.2f s\n", tag,
                (*layer)->featureCount(), t.elapsed() / 1000.0);
    return *layer;
}

std::vector<double> timeRenders(const MapSettings &s, int runs, size_t *dots = nullptr)
{
    std::vector<double> ms;
    for (int k = 0; k < runs + 1; ++k) {
        MapRendererJob job(s);
        QElapsedTimer t;
        t.start();
        job.renderSynchronously();
        const double elapsed = t.nsecsElapsed() / 1e6;
        if (k > 0) // the first run warms the caches
            ms.push_back(elapsed);
        if (dots)
            if (const auto *r = dynamic_cast<const VectorLayerRenderer *>(job.renderers().front().get()))
                *dots = r->drawnDots();
    }
    return ms;
}

void bench(const std::shared_ptr<VectorMapLayer> &layer, const char *tag, int runs, const char *fullGoal,
           const QString &saveDir)
{
    MapSettings s;
    s.setOutputSize(QSize(1920, 1080));
    s.setLayers({layer});
    s.setExtent(layer->extent());
    size_t dots = 0;
    print(qPrintable(QStringLiteral("%1 full extent").arg(QLatin1String(tag))), timeRenders(s, runs, &dots), fullGoal);
    std::printf("  (%zu of %zu features drawn as single pixels)\n", dots, layer->featureCount());
    if (!saveDir.isEmpty())
        MapRendererJob(s).renderSynchronously().save(saveDir
                                                     + QStringLiteral("/render_%1_full.png").arg(QLatin1String(tag)));
    // 1/100 of the extent's area: a tenth of its width and height, at several places.
    std::vector<double> zoomed;
    const QRectF e = layer->extent();
    for (int k = 0; k < 5; ++k) {
        const QPointF c(e.left() + e.width() * (0.3 + 0.1 * k), e.top() + e.height() * (0.35 + 0.08 * k));
        MapSettings z = s;
        z.setExtent(QRectF(c.x() - e.width() / 20, c.y() - e.height() / 20, e.width() / 10, e.height() / 10));
        const auto ms = timeRenders(z, std::max(4, runs * 2));
        zoomed.insert(zoomed.end(), ms.begin(), ms.end());
        if (k == 2 && !saveDir.isEmpty())
            MapRendererJob(z).renderSynchronously().save(
                saveDir + QStringLiteral("/render_%1_zoom.png").arg(QLatin1String(tag)));
    }
    print(qPrintable(QStringLiteral("%1 zoomed to 1/100").arg(QLatin1String(tag))), zoomed, "<= 40 ms");
}

/// The canvas repaint while panning: the cached picture drawn at an offset (what paintEvent does).
void benchPan(const std::shared_ptr<VectorMapLayer> &layer, int runs)
{
    MapCanvas canvas;
    canvas.resize(1920, 1080);
    canvas.setAttribute(Qt::WA_DontShowOnScreen);
    canvas.show();
    canvas.setLayers({layer});
    canvas.zoomToFullExtent();
    if (!QTest::qWaitFor([&] { return !canvas.isRendering(); }, 120000)) {
        std::fprintf(stderr, "canvas render did not finish\n");
        return;
    }
    QImage target(canvas.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms;
    for (int k = 0; k < runs * 10; ++k) {
        canvas.setPanPreviewOffset(QPointF(3.0 * k, 2.0 * k));
        QElapsedTimer t;
        t.start();
        canvas.render(&target);
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    canvas.setPanPreviewOffset({});
    // After the release: the extent moved, the picture is drawn translated until the new render.
    canvas.panByPixels(QPointF(120, -40));
    for (int k = 0; k < runs * 10; ++k) {
        QElapsedTimer t;
        t.start();
        canvas.render(&target);
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    print("pan repaint from cache (1920x1080)", ms, "<= 16 ms");
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QString dir = QStringLiteral("bench-data"), only, saveDir;
    int runs = 9;
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a.startsWith(QLatin1String("--dir=")))
            dir = a.mid(6);
        else if (a.startsWith(QLatin1String("--only=")))
            only = a.mid(7);
        else if (a.startsWith(QLatin1String("--runs=")))
            runs = a.mid(7).toInt();
        else if (a.startsWith(QLatin1String("--save=")))
            saveDir = a.mid(7);
    }
    QDir().mkpath(dir);
    if (only.isEmpty() || only == QLatin1String("100k")) {
        auto layer = landUse(dir, spgl::geo::DemoLayerSize::Large100k, "100k");
        if (!layer)
            return 1;
        bench(layer, "100k", runs, "<= 300 ms", saveDir);
        benchPan(layer, runs);
    }
    if (only.isEmpty() || only == QLatin1String("1m")) {
        auto layer = landUse(dir, spgl::geo::DemoLayerSize::Large1m, "1m");
        if (!layer)
            return 1;
        bench(layer, "1m", std::max(3, runs / 2), "<= 1500 ms", saveDir);
        benchPan(layer, runs);
    }
    return 0;
}
