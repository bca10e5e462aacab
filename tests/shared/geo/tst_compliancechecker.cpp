#include "demolayersfixture.h"
#include "geo/compliancechecker.h"
#include "geo/polygonlayerindex.h"
#include "sitegeometry.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <nlohmann/json.hpp>

#include <QTest>

#include <future>

using namespace spgl::geo;

namespace {

/// Overlap area in m² of @p siteJson with every feature of @p kind's layer (matching @p where
/// on attribute dlbm when given), computed independently with OGR in EPSG:4538.
double ogrOverlap(const std::string &siteJson, LayerKind kind, const std::string &dlbm = {})
{
    const auto &file = DemoLayersFixture::instance().file(kind);
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(file.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    std::unique_ptr<OGRGeometry> site(OGRGeometryFactory::createFromGeoJson(siteJson.c_str()));
    OGRSpatialReference from, to;
    from.importFromEPSG(4490);
    to.importFromEPSG(4538);
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&from, &to));
    double sum = 0;
    OGRLayer *layer = ds->GetLayer(0);
    layer->SetSpatialFilter(site.get());
    for (auto &f : *layer) {
        if (!dlbm.empty() && dlbm != f->GetFieldAsString("dlbm"))
            continue;
        std::unique_ptr<OGRGeometry> overlap(site->Intersection(f->GetGeometryRef()));
        if (!overlap || overlap->IsEmpty())
            continue;
        overlap->transform(ct.get());
        if (auto *surface = dynamic_cast<OGRSurface *>(overlap.get()))
            sum += surface->get_Area();
        else if (auto *multi = dynamic_cast<OGRMultiSurface *>(overlap.get()))
            sum += multi->get_Area();
        else if (auto *collection = dynamic_cast<OGRGeometryCollection *>(overlap.get()))
            sum += collection->get_Area();
    }
    return sum;
}

/// A vertex of the first feature of @p kind whose @p field contains @p text.
std::pair<double, double> vertexOf(LayerKind kind, const char *field, const char *text, int vertex = 0)
{
    const auto &file = DemoLayersFixture::instance().file(kind);
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(file.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    for (auto &f : *ds->GetLayer(0)) {
        if (!QString::fromUtf8(f->GetFieldAsString(field)).contains(QString::fromUtf8(text)))
            continue;
        const auto *multi = f->GetGeometryRef()->toMultiPolygon();
        const OGRLinearRing *ring = multi->getGeometryRef(0)->getExteriorRing();
        return {ring->getX(vertex), ring->getY(vertex)};
    }
    return {0, 0};
}

const ComplianceCheck *findRule(const ComplianceReport &r, const std::string &rule)
{
    for (const auto &c : r.checks)
        if (c.rule == rule)
            return &c;
    return nullptr;
}

} // namespace

class TestComplianceChecker : public QObject
{
    Q_OBJECT

private:
    ComplianceChecker m_checker;

private slots:
    void initTestCase()
    {
        const auto &fx = DemoLayersFixture::instance();
        QVERIFY2(fx.ok(), fx.error().c_str());
        int version = 1;
        for (const auto &file : fx.files()) {
            if (file.kind == LayerKind::Imagery)
                continue;
            auto index = PolygonLayerIndex::load(file.path, complianceFields(file.kind));
            QVERIFY2(index.ok(), file.path.c_str());
            m_checker.addLayer({file.id, file.name, file.kind, version++, index.value()});
        }
    }

    // A site straddling the 乌鲁木齐河 ecological corridor is blocked, with the overlap area
    // GDAL computes on its own.
    void siteOnEcologicalCorridorIsBlocked()
    {
        const auto [lon, lat] = vertexOf(LayerKind::EcologicalRedLine, "hxmc", "生态廊道", 60);
        const std::string site = squareSite(lon, lat, 200.0, 20.0);
        auto report = m_checker.check(site, "07");
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QVERIFY(!report->compliant);
        QCOMPARE(report->gkEpsg, 4538);
        QVERIFY2(std::abs(report->siteAreaM2 - 40000.0) < 40.0,
                 std::to_string(report->siteAreaM2).c_str()); // 4 ha within 0.1%
        const auto *eco = findRule(*report, "eco_redline.overlap");
        QVERIFY(eco);
        QVERIFY(eco->severity == ComplianceSeverity::Block);
        const double expected = ogrOverlap(site, LayerKind::EcologicalRedLine);
        QVERIFY(expected > 1000.0);
        QVERIFY2(std::abs(eco->overlapAreaM2 - expected) <= expected * 0.001,
                 (std::to_string(eco->overlapAreaM2) + " vs " + std::to_string(expected)).c_str());
        QVERIFY(QString::fromStdString(eco->message).contains(u"生态保护红线"));
        QVERIFY(QString::fromStdString(eco->clsName).contains(u"乌鲁木齐河"));
        QCOMPARE(report->checks.front().rule, std::string("eco_redline.overlap")); // blocks first
    }

    // A small site in the middle of one plan parcel: compliant, one plan class covering it all,
    // matching or not the declared use.
    void siteInsideOneParcel()
    {
        const auto &file = DemoLayersFixture::instance().file(LayerKind::LandUsePlan);
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(file.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        OGRLayer *layer = ds->GetLayer(0);
        layer->SetAttributeFilter("dlbm = '0701'");
        std::unique_ptr<OGRFeature> parcel(layer->GetNextFeature());
        QVERIFY(parcel);
        OGRPoint centroid;
        parcel->GetGeometryRef()->Centroid(&centroid);
        const std::string site = squareSite(centroid.getX(), centroid.getY(), 20.0);

        auto matching = m_checker.check(site, "07");
        QVERIFY(matching.ok());
        const auto *match = findRule(*matching, "land_use.match");
        QVERIFY(match);
        QCOMPARE(match->cls, std::string("0701"));
        QCOMPARE(match->clsName, std::string("城镇住宅用地"));
        QVERIFY(std::abs(match->overlapRatio - 1.0) < 1e-6);
        QCOMPARE(match->features, std::vector<int64_t>{parcel->GetFID()});
        QVERIFY(!findRule(*matching, "land_use.mismatch"));

        auto industrial = m_checker.check(site, "1001");
        QVERIFY(industrial.ok());
        const auto *mismatch = findRule(*industrial, "land_use.mismatch");
        QVERIFY(mismatch);
        QVERIFY(mismatch->severity == ComplianceSeverity::Warn);
        QVERIFY(QString::fromStdString(mismatch->message).contains(u"不符"));
        QVERIFY(industrial->compliant); // a warning does not block
    }

    // A site across the urban development boundary warns with the part outside.
    void siteAcrossUrbanBoundaryWarns()
    {
        const auto [lon, lat] = vertexOf(LayerKind::UrbanBoundary, "bjmc", "城镇开发边界", 10);
        const std::string site = squareSite(lon, lat, 300.0);
        auto report = m_checker.check(site);
        QVERIFY(report.ok());
        const auto *outside = findRule(*report, "urban_boundary.outside");
        QVERIFY(outside);
        QVERIFY(outside->severity == ComplianceSeverity::Warn);
        const double inside = ogrOverlap(site, LayerKind::UrbanBoundary);
        const double expected = report->siteAreaM2 - inside;
        QVERIFY(expected > 1000.0);
        QVERIFY(std::abs(outside->overlapAreaM2 - expected) <= expected * 0.001);
    }

    // Plan class areas add up per class as GDAL computes them, for a site over many parcels.
    void landUseAreasPerClassMatchGdal()
    {
        const std::string site = squareSite(87.60, 43.84, 450.0, 33.0); // about 20 ha downtown
        auto report = m_checker.check(site, "09");
        QVERIFY(report.ok());
        int classes = 0;
        for (const auto &c : report->checks) {
            if (c.rule != "land_use.match" && c.rule != "land_use.mismatch")
                continue;
            ++classes;
            const double expected = ogrOverlap(site, LayerKind::LandUsePlan, c.cls);
            QVERIFY2(std::abs(c.overlapAreaM2 - expected) <= expected * 0.001 + 0.01, c.cls.c_str());
        }
        QVERIFY(classes >= 2);
    }

    void assessmentZoneContainingTheSiteApplies()
    {
        auto report = m_checker.check(squareSite(87.505, 43.875, 300.0));
        QVERIFY(report.ok());
        QCOMPARE(report->assessments.size(), size_t(1));
        const auto &hit = report->assessments.front();
        QVERIFY(hit.containsSite);
        QVERIFY(QString::fromStdString(hit.zone).contains(u"经济技术开发区"));
        QVERIFY(std::find(hit.assessments.begin(), hit.assessments.end(), "seismic") != hit.assessments.end());
        QCOMPARE(hit.validUntil, std::string("2029-06-17"));
        QCOMPARE(report->districtCode, std::string("650104")); // nearest district seed: 新市区
    }

    void districtOfTheSite()
    {
        auto report = m_checker.check(squareSite(87.65, 43.78, 100.0));
        QVERIFY(report.ok());
        QCOMPARE(report->districtCode, std::string("650102"));
        QCOMPARE(report->districtName, std::string("天山区"));
    }

    void reportAsJson()
    {
        auto report = m_checker.check(squareSite(87.65, 43.78, 100.0), "07");
        QVERIFY(report.ok());
        const nlohmann::json j = *report;
        QVERIFY(j.at("compliant").is_boolean());
        QVERIFY(j.at("site_area_m2").get<double>() > 9990.0);
        QCOMPARE(j.at("crs_area").get<std::string>(), std::string("EPSG:4538"));
        QVERIFY(j.at("checks").is_array());
        QCOMPARE(j.at("layers").size(), size_t(6));
        for (const auto &c : j.at("checks")) {
            const auto severity = c.at("severity").get<std::string>();
            QVERIFY(severity == "block" || severity == "warn" || severity == "info");
        }
    }

    void featureWrapperIsAccepted()
    {
        auto report = m_checker.check(R"({"type":"Feature","properties":{"name":"x"},"geometry":)"
                                      + squareSite(87.65, 43.78, 100.0) + "}");
        QVERIFY(report.ok());
    }

    void badSitesGiveClearErrors_data()
    {
        QTest::addColumn<QString>("geojson");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QStringLiteral("{\"type\":\"Polygon\",\"coordinates\":[[[87.6,43.8],")
                                  << QStringLiteral("geo.site.json");
        QTest::newRow("point") << QStringLiteral(R"({"type":"Point","coordinates":[87.6,43.8]})")
                               << QStringLiteral("geo.site.type");
        QTest::newRow("projected metres") << QStringLiteral(
            R"({"type":"Polygon","coordinates":[[[500000,4850000],[500100,4850000],[500100,4850100],[500000,4850000]]]})")
                                          << QStringLiteral("geo.site.range");
        QTest::newRow("latitude first") << QStringLiteral(
            R"({"type":"Polygon","coordinates":[[[43.8,87.6],[43.81,87.6],[43.81,87.61],[43.8,87.6]]]})")
                                        << QStringLiteral("geo.site.range");
        QTest::newRow("bowtie") << QStringLiteral(
            R"({"type":"Polygon","coordinates":[[[87.60,43.80],[87.61,43.81],[87.61,43.80],[87.60,43.81],[87.60,43.80]]]})")
                                << QStringLiteral("geo.site.invalid");
        QTest::newRow("huge") << QStringLiteral(
            R"({"type":"Polygon","coordinates":[[[80,40],[90,40],[90,45],[80,40]]]})")
                              << QStringLiteral("geo.site.size");
        QTest::newRow("no coordinates") << QStringLiteral(R"({"type":"Polygon","coordinates":[]})")
                                        << QStringLiteral("geo.site.json");
        QTest::newRow("zero area") << QStringLiteral(
            R"({"type":"Polygon","coordinates":[[[87.6,43.8],[87.61,43.8],[87.6,43.8],[87.6,43.8]]]})")
                                   << QStringLiteral("geo.site.invalid");
    }
    void badSitesGiveClearErrors()
    {
        QFETCH(QString, geojson);
        QFETCH(QString, code);
        auto report = m_checker.check(geojson.toStdString());
        QVERIFY(!report.ok());
        QCOMPARE(QString::fromStdString(report.error().code), code);
        QCOMPARE(report.error().field, std::string("geometry"));
        QVERIFY(QString::fromStdString(report.error().message).contains(u"选址"));
    }

    // check() is const and thread-safe: four threads get the same answers.
    void concurrentChecksAgree()
    {
        const std::string site = squareSite(87.60, 43.84, 450.0, 33.0);
        auto reference = m_checker.check(site, "09");
        QVERIFY(reference.ok());
        const nlohmann::json want = *reference;
        std::vector<std::future<nlohmann::json>> futures;
        for (int t = 0; t < 4; ++t)
            futures.push_back(std::async(std::launch::async, [&] {
                nlohmann::json last;
                for (int i = 0; i < 50; ++i)
                    last = *m_checker.check(site, "09");
                return last;
            }));
        for (auto &f : futures)
            QCOMPARE(f.get().dump(), want.dump());
    }
};

QTEST_GUILESS_MAIN(TestComplianceChecker)
#include "tst_compliancechecker.moc"
