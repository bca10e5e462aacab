// Lengths and areas: geodesic on the CGCS2000 ellipsoid and planar in the Gauss–Krüger zone.
#include "core/map/measurement.h"
#include "geo/gdalsession.h"

#include <ogr_spatialref.h>

#include <QTest>

#include <memory>

using namespace spgl::desk;

class TestMeasurement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gaussKrugerSquareKilometre()
    {
        // A 1 km × 1 km square laid out in EPSG:4538 (CM 87°E) near 乌鲁木齐, taken to lon/lat.
        spgl::geo::ensureGdal();
        OGRSpatialReference gk, ll;
        QCOMPARE(gk.importFromEPSG(4538), OGRERR_NONE);
        QCOMPARE(ll.importFromEPSG(4490), OGRERR_NONE);
        gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        ll.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> t(OGRCreateCoordinateTransformation(&gk, &ll));
        QVERIFY(t);
        double x[] = {550000, 551000, 551000, 550000, 550000};
        double y[] = {4850000, 4850000, 4851000, 4851000, 4850000};
        QVERIFY(t->Transform(5, x, y));
        QList<QPointF> ring;
        for (int k = 0; k < 5; ++k)
            ring.append(QPointF(x[k], y[k]));
        QCOMPARE(Measurement::zoneFor(ring), 4538);
        const auto area = Measurement::gaussKrugerArea(ring);
        QVERIFY(area);
        QVERIFY2(qAbs(*area - 1e6) < 1e3, qPrintable(QString::number(*area))); // 0.1 %
        const auto length = Measurement::gaussKrugerLength(ring);
        QVERIFY(length);
        QVERIFY2(qAbs(*length - 4000) < 4, qPrintable(QString::number(*length)));
        // On the ellipsoid the same square is within 0.1 % too (GK scale near the CM is ~1).
        const double geodesic = Measurement::geodesicArea(ring);
        QVERIFY2(qAbs(geodesic - 1e6) < 1e3, qPrintable(QString::number(geodesic)));
    }

    void geodesicMeridianArc()
    {
        // Equator to pole on the CGCS2000 (= GRS80) ellipsoid: 10 001 965.729 m.
        const double quarter = Measurement::geodesicLength({QPointF(87, 0), QPointF(87, 90)});
        QVERIFY2(qAbs(quarter - 10001965.729) < 0.01, qPrintable(QString::number(quarter, 'f', 4)));
        // One degree of latitude from 43° to 44° N: 111 102.486 m (the meridian arc integral
        // ∫ a(1−e²)/(1−e² sin²φ)^1.5 dφ, computed independently).
        const double degree = Measurement::geodesicLength({QPointF(87, 43), QPointF(87, 44)});
        QVERIFY2(qAbs(degree - 111102.486) < 0.01, qPrintable(QString::number(degree, 'f', 3)));
        // A polyline adds its segments.
        const double twice = Measurement::geodesicLength({QPointF(87, 43), QPointF(87, 44), QPointF(87, 43)});
        QVERIFY(qAbs(twice - 2 * degree) < 1e-6);
    }

    void degenerateInputs()
    {
        QCOMPARE(Measurement::geodesicLength({}), 0.0);
        QCOMPARE(Measurement::geodesicArea({QPointF(87, 43), QPointF(87.1, 43)}), 0.0);
        QCOMPARE(*Measurement::gaussKrugerArea({QPointF(87, 43)}), 0.0);
    }

    void formatting()
    {
        QCOMPARE(Measurement::formatLength(12.34), QStringLiteral("12.3 米"));
        QCOMPARE(Measurement::formatLength(12345), QStringLiteral("12.345 千米"));
        QCOMPARE(Measurement::formatArea(500), QStringLiteral("500.0 平方米"));
        QCOMPARE(Measurement::formatArea(25000), QStringLiteral("2.50 公顷"));
        QCOMPARE(Measurement::formatArea(3.1e6), QStringLiteral("3.100 平方千米"));
    }
};

QTEST_GUILESS_MAIN(TestMeasurement)
#include "tst_measurement.moc"
