// The map render job on the small demo blueprint: pictures compared with committed references,
// cancellation, the raster overview chosen for the output resolution, bad layer files.
// SPGL_UPDATE_REFERENCES=1 rewrites the reference pictures in tests/client/data/.
#include "core/map/maplayerstore.h"
#include "core/map/maprenderercache.h"
#include "core/map/maprendererjob.h"
#include "core/map/memoryvectorlayer.h"
#include "core/map/rasterlayerrenderer.h"
#include "core/map/rastermaplayer.h"
#include "core/map/vectorlayerrenderer.h"
#include "core/map/vectormaplayer.h"
#include "geo/gdalsession.h"
#include "support/demomapfixture.h"
#include "support/imagecompare.h"

#include <gdal_priv.h>

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace spgl::desk;

namespace {

QString referencePath(const QString &name)
{
    return QStringLiteral(SPGL_SOURCE_DIR "/tests/client/data/") + name;
}

std::shared_ptr<MapLayer> byKind(const QList<std::shared_ptr<MapLayer>> &layers, const QString &kind)
{
    for (const auto &l : layers)
        if (l->kind() == kind)
            return l;
    return nullptr;
}

QRectF unionExtent(const QList<std::shared_ptr<MapLayer>> &layers)
{
    QRectF e;
    for (const auto &l : layers)
        e = e.isNull() ? l->extent() : e.united(l->extent());
    return e;
}

} // namespace

class TestMapRendererJob : public QObject
{
    Q_OBJECT

private:
    QList<std::shared_ptr<MapLayer>> m_layers;

    MapSettings settings(const QRectF &extent, QSize size = QSize(640, 480)) const
    {
        MapSettings s;
        s.setExtent(extent);
        s.setOutputSize(size);
        s.setLayers(m_layers);
        s.setBackground(Qt::white);
        return s;
    }

    /// Renders @p s asynchronously, as the canvas does.
    QImage render(const MapSettings &s)
    {
        MapRendererJob job(s);
        QSignalSpy finished(&job, &MapRendererJob::finished);
        job.start();
        if (!finished.wait(60000))
            return {};
        return job.image();
    }

    void checkReference(const QImage &image, const QString &name)
    {
        const QString path = referencePath(name);
        if (qEnvironmentVariableIsSet("SPGL_UPDATE_REFERENCES")) {
            QVERIFY(image.save(path));
            qWarning("reference written: %s", qPrintable(path));
        }
        const QImage reference(path);
        QVERIFY2(!reference.isNull(), qPrintable(QStringLiteral("reference missing: ") + path));
        const ImageDiff diff = compareImages(image, reference);
        if (!diff.matches()) {
            const QString actual = QDir::tempPath() + QStringLiteral("/actual_") + name;
            image.save(actual);
            QFAIL(qPrintable(QStringLiteral("%1: %2 of %3 pixels differ (render saved as %4)")
                                 .arg(name)
                                 .arg(diff.differing)
                                 .arg(diff.total)
                                 .arg(actual)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto &fixture = DemoMapFixture::instance();
        QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
        m_layers = fixture.layers();
        QCOMPARE(m_layers.size(), qsizetype(fixture.files().size()));
        QCOMPARE(m_layers.front()->type(), MapLayer::Type::Raster); // imagery at the bottom
    }

    void storeReadsSidecars()
    {
        const auto landUse = byKind(m_layers, QStringLiteral("land_use"));
        QVERIFY(landUse);
        QCOMPARE(landUse->name(), QStringLiteral("国土空间规划·用地分类（合成）"));
        QCOMPARE(landUse->style().categoryField(), QStringLiteral("dlbm"));
        const auto legend = landUse->legend();
        QVERIFY(legend.size() > 10);
        QVERIFY(legend.front().label.startsWith(landUse->style().categoryValues().front()));
        auto *vector = dynamic_cast<VectorMapLayer *>(landUse.get());
        QVERIFY(vector);
        QCOMPARE(qint64(vector->featureCount()), qint64(64 * 64));
    }

    void fullExtentMatchesReference()
    {
        const QImage image = render(settings(unionExtent(m_layers)));
        QCOMPARE(image.size(), QSize(640, 480));
        checkReference(image, QStringLiteral("map_full_extent.png"));
    }

    void zoomedVectorsMatchReference()
    {
        // Vectors only, around the centre of the plan: features drawn as polygons with strokes.
        const auto landUse = byKind(m_layers, QStringLiteral("land_use"));
        const QPointF c = landUse->extent().center();
        MapSettings s = settings(QRectF(c.x() - 0.02, c.y() - 0.015, 0.04, 0.03));
        auto layers = m_layers;
        layers.removeFirst();
        s.setLayers(layers);
        checkReference(render(s), QStringLiteral("map_zoomed_vectors.png"));
    }

    void missingLayerIsDetected()
    {
        // The comparison is strict enough to notice a layer that is not drawn.
        const auto landUse = byKind(m_layers, QStringLiteral("land_use"));
        landUse->setVisible(false);
        const QImage image = render(settings(unionExtent(m_layers)));
        landUse->setVisible(true);
        const QImage reference(referencePath(QStringLiteral("map_full_extent.png")));
        QVERIFY(!reference.isNull());
        const ImageDiff diff = compareImages(image, reference);
        QVERIFY(diff.sameSize);
        QVERIFY2(!diff.matches(), qPrintable(QString::number(diff.fraction())));
        QVERIFY(diff.fraction() > 0.05);
    }

    void opacityChangesPicture()
    {
        const auto imagery = byKind(m_layers, QStringLiteral("imagery"));
        QVERIFY(imagery);
        imagery->setOpacity(0.3);
        const QImage faded = render(settings(unionExtent(m_layers)));
        imagery->setOpacity(1.0);
        const ImageDiff diff = compareImages(faded, QImage(referencePath(QStringLiteral("map_full_extent.png"))));
        QVERIFY(!diff.matches());
    }

    void cancelStopsTheJob()
    {
        // The land use 30 times over: the job stops after at most the layer it was drawing.
        const auto landUse = byKind(m_layers, QStringLiteral("land_use"));
        QList<std::shared_ptr<MapLayer>> many;
        for (int k = 0; k < 30; ++k)
            many.append(landUse);
        const auto *vector = dynamic_cast<VectorMapLayer *>(landUse.get());
        const QPointF c = vector->extent().center();
        MapSettings s = settings(QRectF(c.x() - 0.05, c.y() - 0.04, 0.1, 0.08), QSize(1200, 900));
        s.setLayers(many);
        MapRendererJob job(s);
        QSignalSpy finished(&job, &MapRendererJob::finished);
        job.start();
        QVERIFY(job.isActive());
        job.cancel();
        QVERIFY(finished.wait(60000));
        QVERIFY(job.cancelled());
        QVERIFY(!job.isActive());
        QCOMPARE(int(job.renderers().size()), 30);
        QVERIFY2(job.layersRendered() < 30, qPrintable(QString::number(job.layersRendered())));
        // The same job started again runs to the end.
        job.start();
        QVERIFY(finished.wait(60000));
        QVERIFY(!job.cancelled());
        QCOMPARE(job.layersRendered(), 30);
    }

    void rasterOverviewMatchesResolution()
    {
        const auto imagery = std::dynamic_pointer_cast<RasterMapLayer>(byKind(m_layers, QStringLiteral("imagery")));
        QVERIFY(imagery);
        const RasterInfo &info = imagery->info();
        QCOMPARE(info.size, QSize(2048, 2048));
        QCOMPARE(info.overviews.size(), qsizetype(5)); // 2, 4, 8, 16, 32
        const QRectF full = imagery->extent();
        // 2048 source pixels into 512: every fourth → the ÷4 overview (index 1).
        MapSettings s = settings(full, QSize(512, 512));
        QCOMPARE(RasterMapLayer::overviewFor(info, s), 1);
        s.setDevicePixelRatio(2.0); // 1024 device pixels → ÷2
        QCOMPARE(RasterMapLayer::overviewFor(info, s), 0);
        s = settings(full, QSize(64, 64)); // ÷32
        QCOMPARE(RasterMapLayer::overviewFor(info, s), 4);
        s = settings(QRectF(full.center(), full.size() / 16), QSize(512, 512)); // zoomed in: full resolution
        QCOMPARE(RasterMapLayer::overviewFor(info, s), -1);

        s = settings(full, QSize(200, 200)); // 2048/200 ≈ 10 → ÷8 (index 2)
        s.setLayers({imagery});
        MapRendererJob job(s);
        const QImage image = job.renderSynchronously();
        QVERIFY(job.errors().isEmpty());
        const auto *r = dynamic_cast<const RasterLayerRenderer *>(job.renderers().front().get());
        QVERIFY(r);
        QCOMPARE(r->usedOverview(), 2);
        // The synthetic imagery is not white anywhere in its extent.
        QVERIFY(image.pixelColor(100, 100) != QColor(Qt::white));
    }

    void greyAndRgbaRasters_data()
    {
        QTest::addColumn<int>("bands");
        QTest::newRow("grey") << 1;
        QTest::newRow("rgba") << 4;
    }

    void greyAndRgbaRasters()
    {
        // A 64×64 8-bit GeoTIFF over 87–88°E, 43–44°N: grey 200, or RGBA (10, 20, 30, 255).
        QFETCH(int, bands);
        spgl::geo::ensureGdal();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.tif"));
        {
            auto *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
            std::unique_ptr<GDALDataset> ds(
                driver->Create(path.toUtf8().constData(), 64, 64, bands, GDT_Byte, nullptr));
            QVERIFY(ds);
            double transform[6] = {87.0, 1.0 / 64, 0, 44.0, 0, -1.0 / 64};
            ds->SetGeoTransform(transform);
            const uint8_t values[4] = {10, 20, 30, 255};
            std::vector<uint8_t> buffer(64 * 64);
            for (int b = 1; b <= bands; ++b) {
                std::fill(buffer.begin(), buffer.end(), bands == 1 ? uint8_t(200) : values[b - 1]);
                QCOMPARE(ds->GetRasterBand(b)->RasterIO(GF_Write, 0, 0, 64, 64, buffer.data(), 64, 64, GDT_Byte, 0, 0),
                         CE_None);
            }
        }
        auto layer = RasterMapLayer::open(path);
        QVERIFY2(layer, layer ? "" : layer.error().message.c_str());
        QCOMPARE((*layer)->info().bands, bands);
        MapSettings s = settings(QRectF(86.5, 42.5, 2.0, 2.0), QSize(100, 100));
        s.setLayers({*layer});
        MapRendererJob job(s);
        const QImage image = job.renderSynchronously();
        QVERIFY(job.errors().isEmpty());
        const QColor inside = image.pixelColor(50, 50), outside = image.pixelColor(5, 5);
        QCOMPARE(outside, QColor(Qt::white));
        if (bands == 1)
            QCOMPARE(inside, QColor(200, 200, 200));
        else
            QCOMPARE(inside, QColor(10, 20, 30));
    }

    void fullExtentOfALargeLayerDrawsDots()
    {
        const auto landUse = byKind(m_layers, QStringLiteral("land_use"));
        MapSettings s = settings(landUse->extent(), QSize(80, 60));
        s.setLayers({landUse});
        MapRendererJob job(s);
        job.renderSynchronously();
        const auto *r = dynamic_cast<const VectorLayerRenderer *>(job.renderers().front().get());
        QVERIFY(r);
        QVERIFY(r->drawnDots() > 3000); // 4096 parcels on 80×60 pixels: nearly all one pixel
    }

    void levelsOfDetailDropVertices()
    {
        // A circle of 2,000 vertices (0.1° radius): coarser levels keep fewer vertices.
        QJsonArray ring;
        for (int k = 0; k <= 2000; ++k) {
            const double t = 2 * M_PI * (k % 2000) / 2000;
            ring.append(QJsonArray{87.6 + 0.1 * std::cos(t), 43.8 + 0.1 * std::sin(t)});
        }
        MemoryVectorLayer circle(QStringLiteral("circle"), QStringLiteral("circle"));
        QVERIFY(circle.setFeatures({QJsonObject{
            {QStringLiteral("type"), QStringLiteral("Feature")},
            {QStringLiteral("properties"), QJsonObject{}},
            {QStringLiteral("geometry"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Polygon")},
                                                     {QStringLiteral("coordinates"), QJsonArray{ring}}}}}}));
        const auto store = circle.store();
        QCOMPARE(store->levelCount(), 4);
        QCOMPARE(store->levelFor(0), 0);
        QCOMPARE(store->levelFor(1e9), 3);
        size_t previous = store->level(0).xy.size();
        for (int k = 1; k < store->levelCount(); ++k) {
            QVERIFY(store->level(k).tolerance > store->level(k - 1).tolerance);
            QVERIFY(store->level(k).xy.size() <= previous);
            previous = store->level(k).xy.size();
        }
        QVERIFY(store->level(3).xy.size() < store->level(0).xy.size() / 2);
        // Every ring keeps its first and last vertex, so rings stay closed.
        const auto &l = store->level(3);
        for (size_t r = 0; r + 1 < l.ringPoints.size(); ++r) {
            const uint32_t a = l.ringPoints[r], b = l.ringPoints[r + 1] - 1;
            QVERIFY(l.xy[2 * a] == l.xy[2 * b] && l.xy[2 * a + 1] == l.xy[2 * b + 1]);
        }
    }

    void cacheTranslatesThePicture()
    {
        MapSettings a = settings(QRectF(87.0, 43.0, 1.0, 1.0), QSize(100, 100));
        MapRendererCache cache;
        cache.setImage(a, QImage(100, 100, QImage::Format_ARGB32_Premultiplied));
        QVERIFY(cache.matches(a));
        MapSettings b = a;
        b.setExtent(a.extent().translated(0.1, 0)); // the map moved 10 px to the left
        QVERIFY(!cache.matches(b));
        const QRectF r = cache.targetRect(b);
        QVERIFY(qAbs(r.left() + 10) < 1e-6);
        QVERIFY(qAbs(r.width() - 100) < 1e-6);
    }

    void identifyFindsAttributes()
    {
        auto landUse = std::dynamic_pointer_cast<VectorMapLayer>(byKind(m_layers, QStringLiteral("land_use")));
        const auto store = landUse->store();
        // The centre of the first parcel's box is inside it (parcels are convex-ish quads).
        const auto rings = store->rings(100);
        QPointF c;
        for (int k = 0; k + 1 < rings.front().size(); ++k)
            c += rings.front()[k];
        c /= double(rings.front().size() - 1);
        const auto found = landUse->identify(c, 1e-7);
        QCOMPARE(found.size(), qsizetype(1));
        QCOMPARE(found.front().fid, store->fid(100));
        QCOMPARE(found.front().attributes.front().first, QStringLiteral("ghbh"));
        QVERIFY(found.front().attributes.front().second.startsWith(QStringLiteral("GH-")));
        QVERIFY(landUse->identify(QPointF(10, 10), 1e-6).isEmpty());
    }

    void badFilesGiveClearErrors()
    {
        auto missing = VectorMapLayer::open(QStringLiteral("/nonexistent/layer.gpkg"));
        QVERIFY(!missing);
        QVERIFY(QString::fromStdString(missing.error().message).contains(QStringLiteral("无法打开")));
        QTemporaryDir dir;
        const QString junk = dir.filePath(QStringLiteral("junk.tif"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a tiff");
        f.close();
        auto raster = RasterMapLayer::open(junk);
        QVERIFY(!raster);
        QCOMPARE(raster.error().code, std::string("map.raster.open"));
        // A store over a directory with a broken file: the good ones load, the bad one is reported.
        QVERIFY(QFile::copy(QString::fromStdString(DemoMapFixture::instance().files().front().path),
                            dir.filePath(QStringLiteral("good.gpkg"))));
        QStringList errors;
        const auto layers = MapLayerStore(dir.path()).loadAll(&errors);
        QCOMPARE(layers.size(), qsizetype(1));
        QCOMPARE(errors.size(), qsizetype(1));
        QVERIFY(errors.front().contains(QStringLiteral("junk.tif")));
    }

    void memoryLayerTakesGeoJson()
    {
        MemoryVectorLayer layer(QStringLiteral("annotations"), QStringLiteral("批注"));
        QSignalSpy changed(&layer, &MapLayer::changed);
        const QByteArray good = R"({"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"text":"此处需退让","author":"张三"},
             "geometry":{"type":"Polygon","coordinates":[[[87.6,43.8],[87.61,43.8],[87.61,43.81],[87.6,43.8]]]}},
            {"type":"Feature","properties":{"text":"入口"},"geometry":{"type":"Point","coordinates":[87.62,43.82]}}]})";
        QVERIFY(layer.setGeoJson(good));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(qint64(layer.featureCount()), qint64(2));
        const auto hit = layer.identify(QPointF(87.608, 43.802), 1e-5);
        QCOMPARE(hit.size(), qsizetype(1));
        QCOMPARE(hit.front().attributes.size(), qsizetype(2)); // author, text
        QCOMPARE(hit.front().attributes.at(1).first, QStringLiteral("text"));
        QCOMPARE(hit.front().attributes.at(1).second, QStringLiteral("此处需退让"));
        const QByteArray bad = R"({"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":"x"}}]})";
        const auto status = layer.setGeoJson(bad);
        QVERIFY(!status);
        QCOMPARE(qint64(layer.featureCount()), qint64(2)); // unchanged
        QVERIFY(!layer.setGeoJson("{not json"));
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    TestMapRendererJob t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_maprendererjob.moc"
