#include "demolayersfixture.h"
#include "geo/compliancechecker.h"
#include "geo/polygonlayerindex.h"
#include "sitegeometry.h"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

#include <QCoreApplication>
#include <QTest>
#include <QUrl>

#include <map>
#include <random>

using namespace spgl::geo;

namespace {

/// GDAL's "PG:" connection string for the private test cluster (SPGL_TEST_PG) and @p db.
std::string pgConnection(const std::string &db)
{
    const QUrl url(QString::fromLocal8Bit(qgetenv("SPGL_TEST_PG")));
    return "PG:host=" + url.host().toStdString() + " port=" + std::to_string(url.port(5432))
           + " user=" + url.userName().toStdString() + " dbname=" + db;
}

} // namespace

/**
 * The compliance checker's areas against PostGIS computing
 * SUM(ST_Area(ST_Transform(ST_Intersection(site, geom), 4538))) on the same layers: equal to 0.1%.
 */
class TestCompliancePostgis : public QObject
{
    Q_OBJECT

private:
    ComplianceChecker m_checker;
    std::unique_ptr<GDALDataset> m_pg;
    std::string m_db;

    double sql(const std::string &query)
    {
        OGRLayer *result = m_pg->ExecuteSQL(query.c_str(), nullptr, nullptr);
        if (!result)
            return -1;
        std::unique_ptr<OGRFeature> row(result->GetNextFeature());
        const double value = row && row->IsFieldSetAndNotNull(0) ? row->GetFieldAsDouble(0) : 0.0;
        m_pg->ReleaseResultSet(result);
        return value;
    }

    std::map<std::string, double> sqlByClass(const std::string &query)
    {
        std::map<std::string, double> out;
        OGRLayer *result = m_pg->ExecuteSQL(query.c_str(), nullptr, nullptr);
        if (!result)
            return out;
        for (auto &row : *result)
            out[row->GetFieldAsString(0)] = row->GetFieldAsDouble(1);
        m_pg->ReleaseResultSet(result);
        return out;
    }

    static std::string overlapSql(const std::string &table, const std::string &site, const std::string &select = {},
                                  const std::string &groupBy = {})
    {
        const std::string s = "ST_SetSRID(ST_GeomFromGeoJSON('" + site + "'), 4490)";
        return "SELECT " + select + "SUM(ST_Area(ST_Transform(ST_Intersection(geom, " + s + "), 4538))) FROM " + table
               + " WHERE ST_Intersects(geom, " + s + ")" + groupBy;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("SPGL_TEST_PG"))
            QSKIP("needs the private PostgreSQL cluster (run through ctest)");
        const auto &fx = DemoLayersFixture::instance();
        QVERIFY2(fx.ok(), fx.error().c_str());
        m_db = "spgl_geo_" + std::to_string(QCoreApplication::applicationPid());
        {
            std::unique_ptr<GDALDataset> admin(
                GDALDataset::Open(pgConnection("postgres").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
            QVERIFY2(admin, "cannot connect to the test cluster");
            admin->ExecuteSQL(("DROP DATABASE IF EXISTS " + m_db).c_str(), nullptr, nullptr);
            admin->ExecuteSQL(("CREATE DATABASE " + m_db).c_str(), nullptr, nullptr);
        }
        m_pg.reset(GDALDataset::Open(pgConnection(m_db).c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        QVERIFY(m_pg);
        m_pg->ExecuteSQL("CREATE EXTENSION IF NOT EXISTS postgis", nullptr, nullptr);
        m_pg.reset(GDALDataset::Open(pgConnection(m_db).c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        QVERIFY(sql("SELECT 1") == 1.0);

        for (const auto &file : fx.files()) {
            if (file.kind == LayerKind::Imagery)
                continue;
            auto index = PolygonLayerIndex::load(file.path, complianceFields(file.kind));
            QVERIFY(index.ok());
            m_checker.addLayer({file.id, file.name, file.kind, 1, index.value()});

            const char *args[]
                = {"-nln", file.id.c_str(), "-lco", "GEOMETRY_NAME=geom", "-lco", "SPATIAL_INDEX=GIST", nullptr};
            GDALVectorTranslateOptions *options = GDALVectorTranslateOptionsNew(const_cast<char **>(args), nullptr);
            GDALDatasetH source = GDALOpenEx(file.path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
            int usageError = 0;
            GDALDatasetH done
                = GDALVectorTranslate(nullptr, GDALDataset::ToHandle(m_pg.get()), 1, &source, options, &usageError);
            GDALVectorTranslateOptionsFree(options);
            GDALClose(source);
            QVERIFY2(done && !usageError, file.id.c_str());
            QCOMPARE(qint64(sql("SELECT COUNT(*) FROM " + file.id)), file.featureCount);
        }
    }

    void cleanupTestCase()
    {
        m_pg.reset();
        if (m_db.empty())
            return;
        std::unique_ptr<GDALDataset> admin(
            GDALDataset::Open(pgConnection("postgres").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        if (admin)
            admin->ExecuteSQL(("DROP DATABASE IF EXISTS " + m_db).c_str(), nullptr, nullptr);
    }

    void areasEqualPostgis()
    {
        // Sites of 1–20 ha, rotated, spread over the plan; some on the corridor and the farmland.
        std::mt19937 rng(4538);
        std::uniform_real_distribution<double> lon(87.46, 87.79), lat(43.71, 43.97), side(100, 450), turn(0, 90);
        std::vector<std::string> sites;
        for (int i = 0; i < 30; ++i)
            sites.push_back(squareSite(lon(rng), lat(rng), side(rng), turn(rng)));
        for (double y = 43.70; y < 44.0; y += 0.05) // across the river corridor, north to south
            sites.push_back(squareSite(87.586, y, 400, 10));
        {
            // On farmland patches: one in the middle of a patch, one across its edge.
            const auto &farmland = DemoLayersFixture::instance().file(LayerKind::BasicFarmland);
            std::unique_ptr<GDALDataset> ds(
                GDALDataset::Open(farmland.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
            int n = 0;
            for (auto &f : *ds->GetLayer(0)) {
                if (n++ >= 4)
                    break;
                OGRPoint centroid;
                f->GetGeometryRef()->Centroid(&centroid);
                sites.push_back(squareSite(centroid.getX(), centroid.getY(), 300, 15));
                const OGRLinearRing *ring = f->GetGeometryRef()->toMultiPolygon()->getGeometryRef(0)->getExteriorRing();
                sites.push_back(squareSite(ring->getX(3), ring->getY(3), 250, 40));
            }
        }

        int ecoHits = 0, farmHits = 0, classCompared = 0;
        for (const auto &site : sites) {
            auto report = m_checker.check(site, "07");
            QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
            std::map<std::string, double> ours;
            std::map<std::string, double> classes;
            for (const auto &c : report->checks) {
                if (c.rule == "eco_redline.overlap")
                    ours["eco"] = c.overlapAreaM2;
                else if (c.rule == "basic_farmland.overlap")
                    ours["farm"] = c.overlapAreaM2;
                else if (c.rule == "urban_boundary.inside" || c.rule == "urban_boundary.outside")
                    ours["urban_inside"]
                        = c.rule == "urban_boundary.inside" ? c.overlapAreaM2 : report->siteAreaM2 - c.overlapAreaM2;
                else if (!c.cls.empty())
                    classes[c.cls] = c.overlapAreaM2;
            }
            auto near = [](double a, double b) { return std::abs(a - b) <= std::max(0.05, 0.001 * std::max(a, b)); };
            const double siteArea
                = sql("SELECT ST_Area(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON('" + site + "'), 4490), 4538))");
            QVERIFY2(near(report->siteAreaM2, siteArea), site.c_str());
            const double eco = sql(overlapSql("demo_eco_redline", site));
            const double farm = sql(overlapSql("demo_basic_farmland", site));
            const double urban = sql(overlapSql("demo_urban_boundary", site));
            QVERIFY2(near(ours["eco"], eco),
                     (site + " eco " + std::to_string(ours["eco"]) + " vs " + std::to_string(eco)).c_str());
            QVERIFY2(near(ours["farm"], farm), (site + " farmland").c_str());
            QVERIFY2(
                near(ours["urban_inside"], urban),
                (site + " urban " + std::to_string(ours["urban_inside"]) + " vs " + std::to_string(urban)).c_str());
            ecoHits += eco > 1.0;
            farmHits += farm > 1.0;
            const auto theirs = sqlByClass(overlapSql("demo_land_use", site, "dlbm, ", " GROUP BY dlbm"));
            for (const auto &[cls, area] : theirs) {
                if (area < 0.01)
                    continue;
                QVERIFY2(near(classes[cls], area), (site + " class " + cls).c_str());
                ++classCompared;
            }
        }
        QVERIFY(ecoHits >= 3);
        QVERIFY(farmHits >= 8);
        QVERIFY(classCompared >= 60);
    }
};

QTEST_GUILESS_MAIN(TestCompliancePostgis)
#include "tst_compliancepostgis.moc"
