#include "demolayersfixture.h"
#include "geo/geoscontext.h"
#include "geo/landuseclass.h"
#include "geo/packedrtree.h"
#include "geo/polygonlayerindex.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>

using namespace spgl::geo;

namespace {

std::unique_ptr<GDALDataset> openVector(const std::string &path)
{
    return std::unique_ptr<GDALDataset>(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

QByteArray layerDigest(const std::string &path)
{
    auto ds = openVector(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (auto &f : *ds->GetLayer(0)) {
        hash.addData(QByteArray::number(qint64(f->GetFID())));
        for (int i = 0; i < f->GetFieldCount(); ++i)
            hash.addData(QByteArray(f->GetFieldAsString(i)));
        char *wkt = nullptr;
        f->GetGeometryRef()->exportToWkt(&wkt);
        hash.addData(QByteArray(wkt));
        CPLFree(wkt);
    }
    return hash.result().toHex();
}

} // namespace

class TestDemoLayerGenerator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const auto &fixture = DemoLayersFixture::instance();
        QVERIFY2(fixture.ok(), fixture.error().c_str());
    }

    void sizesParse()
    {
        QVERIFY(demoLayerSizeFromText("small") == DemoLayerSize::Small);
        QVERIFY(demoLayerSizeFromText("100k") == DemoLayerSize::Large100k);
        QVERIFY(demoLayerSizeFromText("1m") == DemoLayerSize::Large1m);
        QVERIFY(!demoLayerSizeFromText("huge"));
        QCOMPARE(DemoLayerGenerator(DemoLayerSize::Large100k).parcelCount(), qint64(100000));
        QCOMPARE(DemoLayerGenerator(DemoLayerSize::Large1m).parcelCount(), qint64(1000000));
    }

    void everyKindOnceWithExpectedCounts()
    {
        const auto &fx = DemoLayersFixture::instance();
        QCOMPARE(fx.files().size(), size_t(7));
        QCOMPARE(fx.file(LayerKind::AdminDivision).featureCount, qint64(8));
        QCOMPARE(fx.file(LayerKind::LandUsePlan).featureCount, qint64(64 * 64));
        QCOMPARE(fx.file(LayerKind::EcologicalRedLine).featureCount, qint64(5));
        QCOMPARE(fx.file(LayerKind::UrbanBoundary).featureCount, qint64(1));
        QCOMPARE(fx.file(LayerKind::RegionalAssessment).featureCount, qint64(4));
        QVERIFY(fx.file(LayerKind::BasicFarmland).featureCount >= 20);
    }

    // Every vector layer: CGCS2000, valid geometries, marked synthetic, counts as reported.
    void vectorLayersAreValidCgcs2000AndMarkedSynthetic()
    {
        for (const auto &file : DemoLayersFixture::instance().files()) {
            if (file.kind == LayerKind::Imagery)
                continue;
            auto ds = openVector(file.path);
            QVERIFY2(ds, file.path.c_str());
            OGRLayer *layer = ds->GetLayerByName(file.layerName.c_str());
            QVERIFY(layer);
            QCOMPARE(QByteArray(layer->GetSpatialRef()->GetAuthorityCode(nullptr)), QByteArray("4490"));
            QCOMPARE(qint64(layer->GetFeatureCount()), file.featureCount);
            QVERIFY(QString::fromUtf8(layer->GetMetadataItem("DESCRIPTION")).contains(u"合成"));
            QVERIFY(QString::fromStdString(file.name).contains(u"合成"));
            for (auto &f : *layer) {
                QVERIFY2(f->GetGeometryRef()->IsValid(), (file.id + " fid " + std::to_string(f->GetFID())).c_str());
                OGREnvelope e;
                f->GetGeometryRef()->getEnvelope(&e);
                QVERIFY(e.MinX > 87.2 && e.MaxX < 88.0 && e.MinY > 43.5 && e.MaxY < 44.2);
            }
        }
    }

    // Land-use parcels never overlap each other (the plan is a partition), all classes are
    // national codes, and the plan has the mix of a city.
    void landUseParcelsArePlausible()
    {
        const auto &file = DemoLayersFixture::instance().file(LayerKind::LandUsePlan);
        auto index = PolygonLayerIndex::load(file.path, {"dlbm"});
        QVERIFY(index.ok());
        const auto &layer = **index;
        std::set<std::string> classes;
        GeosContext geos;
        std::vector<uint32_t> candidates;
        for (uint32_t i = 0; i < layer.size(); ++i) {
            classes.insert(layer.attribute(i, 0));
            QVERIFY2(landUseClass(layer.attribute(i, 0)).has_value(), layer.attribute(i, 0).c_str());
            candidates.clear();
            layer.tree().query(layer.box(i), candidates);
            const auto a = layer.wkb(i);
            auto ga = geos.fromWkb(reinterpret_cast<const unsigned char *>(a.data()), a.size());
            for (uint32_t j : candidates) {
                if (j <= i)
                    continue;
                const auto b = layer.wkb(j);
                auto gb = geos.fromWkb(reinterpret_cast<const unsigned char *>(b.data()), b.size());
                auto overlap = geos.own(GEOSIntersection_r(geos.handle(), ga.get(), gb.get()));
                double area = 0;
                GEOSArea_r(geos.handle(), overlap.get(), &area);
                QVERIFY2(area < 1e-12, ("parcels overlap: " + std::to_string(i) + " " + std::to_string(j)).c_str());
            }
        }
        for (const char *expected : {"0701", "0901", "1001", "1207", "1401", "1701", "0102"})
            QVERIFY2(classes.count(expected), expected);
    }

    void sameSeedSameLayersDifferentSeedDiffers()
    {
        QTemporaryDir dir;
        const std::string a = dir.filePath(QStringLiteral("a.gpkg")).toStdString();
        const std::string b = dir.filePath(QStringLiteral("b.gpkg")).toStdString();
        const std::string c = dir.filePath(QStringLiteral("c.gpkg")).toStdString();
        QVERIFY(DemoLayerGenerator(DemoLayerSize::Small).generateLandUse(a).ok());
        QVERIFY(DemoLayerGenerator(DemoLayerSize::Small).generateLandUse(b).ok());
        QVERIFY(DemoLayerGenerator(DemoLayerSize::Small, 7).generateLandUse(c).ok());
        QCOMPARE(layerDigest(a), layerDigest(b));
        QVERIFY(layerDigest(a) != layerDigest(c));
        QCOMPARE(layerDigest(a), layerDigest(DemoLayersFixture::instance().file(LayerKind::LandUsePlan).path));
    }

    void imageryHasOverviewsAndGeoreference()
    {
        const auto &file = DemoLayersFixture::instance().file(LayerKind::Imagery);
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(file.path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        QVERIFY(ds);
        QCOMPARE(ds->GetRasterCount(), 3);
        QCOMPARE(ds->GetRasterXSize(), 2048);
        QCOMPARE(ds->GetRasterBand(1)->GetOverviewCount(), 5);
        double t[6];
        QCOMPARE(ds->GetGeoTransform(t), CE_None);
        QCOMPARE(t[0], 87.30);
        QCOMPARE(t[3], 44.10);
        QCOMPARE(QByteArray(ds->GetSpatialRef()->GetAuthorityCode(nullptr)), QByteArray("4490"));
        QCOMPARE(QByteArray(ds->GetMetadataItem("SYNTHETIC")), QByteArray("YES"));
    }
};

QTEST_GUILESS_MAIN(TestDemoLayerGenerator)
#include "tst_demolayergenerator.moc"
