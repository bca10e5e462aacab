#include "geo/gausskruger.h"
#include "geo/gdalsession.h"
#include "geo/layerkind.h"

#include <ogr_spatialref.h>

#include <QTest>

using namespace spgl::geo;

class TestGaussKruger : public QObject
{
    Q_OBJECT

private slots:
    void zoneOfXinjiangCities_data()
    {
        QTest::addColumn<double>("longitude");
        QTest::addColumn<int>("epsg");
        QTest::newRow("喀什 75.99") << 75.99 << 4534;
        QTest::newRow("阿克苏 80.26") << 80.26 << 4536;
        QTest::newRow("库尔勒 86.15") << 86.15 << 4538;
        QTest::newRow("乌鲁木齐 87.62") << 87.62 << 4538;
        QTest::newRow("吐鲁番 89.19") << 89.19 << 4539;
        QTest::newRow("哈密 93.51") << 93.51 << 4540;
        QTest::newRow("若羌 east 95.0") << 95.0 << 4541;
        QTest::newRow("border 88.5 rounds east") << 88.5 << 4539;
        QTest::newRow("west of China clamps") << 60.0 << 4534;
    }
    void zoneOfXinjiangCities()
    {
        QFETCH(double, longitude);
        QFETCH(int, epsg);
        QCOMPARE(gaussKrugerEpsg(longitude), epsg);
    }

    // The zone math agrees with the EPSG database PROJ ships: each code's central meridian.
    void centralMeridianMatchesEpsgDatabase()
    {
        ensureGdal();
        for (double lon = 74.0; lon <= 96.0; lon += 0.5) {
            OGRSpatialReference srs;
            QCOMPARE(srs.importFromEPSG(gaussKrugerEpsg(lon)), OGRERR_NONE);
            QCOMPARE(srs.GetProjParm(SRS_PP_CENTRAL_MERIDIAN), double(gaussKrugerCentralMeridian(lon)));
            QVERIFY(std::abs(lon - gaussKrugerCentralMeridian(lon)) <= 1.5);
            QVERIFY(QByteArray(srs.GetAttrValue("GEOGCS")).contains("2000"));
        }
    }

    void layerKindCodesRoundTrip()
    {
        for (auto kind : allLayerKinds()) {
            const auto back = layerKindFromCode(layerKindCode(kind));
            QVERIFY(back.has_value());
            QVERIFY(*back == kind);
        }
        QVERIFY(!layerKindFromCode("nonsense").has_value());
        QVERIFY(isRasterKind(LayerKind::Imagery));
        QVERIFY(!isRasterKind(LayerKind::EcologicalRedLine));
    }

    void errorCaptureCollectsGdalMessages()
    {
        ensureGdal();
        GdalErrorCapture capture;
        CPLError(CE_Failure, CPLE_AppDefined, "broken file %s", "a.shp");
        CPLError(CE_Warning, CPLE_AppDefined, "odd encoding");
        QCOMPARE(capture.errors().size(), size_t(1));
        QCOMPARE(capture.joinedErrors(), std::string("broken file a.shp"));
        QCOMPARE(capture.warnings().size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestGaussKruger)
#include "tst_gausskruger.moc"
