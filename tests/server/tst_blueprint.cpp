// The blueprint layer catalog and compliance checks through the API, on both backends: imports
// (a zipped Shapefile, a GeoJSON with a bowtie, broken files that store nothing), versions and
// restore, style, the .gpkg download with ETag/304, role refusals, a compliance check against
// the demo eco red line whose overlap matches GDAL's own computation, the project's stored
// report, and the regional assessments the rules engine sees for a site inside a zone.
#include "portal.h"

#include "geo/gdalsession.h"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QtTest>

#include <filesystem>
#include <fstream>

using nlohmann::json;
using namespace spgl::test;
namespace fs = std::filesystem;

namespace {

json square(double lon, double lat, double d = 0.002)
{
    return {{"type", "Polygon"},
            {"coordinates", {{{lon, lat}, {lon + d, lat}, {lon + d, lat + d}, {lon, lat + d}, {lon, lat}}}}};
}

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

OGRSpatialReference srs(int epsg)
{
    OGRSpatialReference s;
    s.importFromEPSG(epsg);
    s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return s;
}

/// A zipped polygon Shapefile (EPSG:4326, UTF-8 attributes) of @p squares (lon, lat, size).
std::string shapefileZip(const std::string &dir, const std::vector<std::array<double, 3>> &squares, bool withPrj = true)
{
    fs::create_directories(dir);
    {
        auto *driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
        std::unique_ptr<GDALDataset> ds(driver->Create((dir + "/farmland.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        auto wgs = srs(4326);
        OGRLayer *layer = ds->CreateLayer("farmland", &wgs, wkbPolygon, nullptr);
        OGRFieldDefn field("tbbh", OFTString);
        layer->CreateField(&field);
        int n = 0;
        for (const auto &[lon, lat, d] : squares) {
            OGRFeature f(layer->GetLayerDefn());
            f.SetField("tbbh", ("基本农田图斑 " + std::to_string(++n)).c_str());
            OGRPolygon polygon;
            OGRLinearRing ring;
            ring.addPoint(lon, lat);
            ring.addPoint(lon + d, lat);
            ring.addPoint(lon + d, lat + d);
            ring.addPoint(lon, lat + d);
            ring.closeRings();
            polygon.addRing(&ring);
            f.SetGeometry(&polygon);
            layer->CreateFeature(&f);
        }
    }
    if (!withPrj)
        fs::remove(dir + "/farmland.prj");
    const std::string zipPath = dir + ".zip";
    void *zip = CPLCreateZip(zipPath.c_str(), nullptr);
    for (const auto &entry : fs::directory_iterator(dir)) {
        const std::string data = readFile(entry.path().string());
        CPLCreateFileInZip(zip, entry.path().filename().string().c_str(), nullptr);
        CPLWriteFileInZip(zip, data.data(), int(data.size()));
        CPLCloseFileInZip(zip);
    }
    CPLCloseZip(zip);
    return readFile(zipPath);
}

/// Sum over the features of @p gpkg of area(site ∩ feature) in EPSG:4538, as GDAL computes it.
double overlapM2(const std::string &gpkg, const json &site)
{
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
        return -1;
    std::unique_ptr<OGRGeometry> s(OGRGeometryFactory::createFromGeoJson(site.dump().c_str()));
    auto lonlat = srs(4490), gk = srs(4538);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&lonlat, &gk));
    double sum = 0;
    for (auto &f : *ds->GetLayer(0)) {
        std::unique_ptr<OGRGeometry> cut(s->Intersection(f->GetGeometryRef()));
        if (!cut || cut->IsEmpty())
            continue;
        cut->transform(ct.get());
        if (auto *surface = dynamic_cast<OGRSurface *>(cut.get()))
            sum += surface->get_Area();
        else if (auto *multi = dynamic_cast<OGRMultiSurface *>(cut.get()))
            sum += multi->get_Area();
        else if (auto *collection = dynamic_cast<OGRGeometryCollection *>(cut.get()))
            sum += collection->get_Area();
    }
    return sum;
}

} // namespace

class tst_Blueprint : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        spgl::geo::ensureGdal();
        QVERIFY(m_tmp.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        for (const char *name : {"admin", "applicant", "reviewer", "clerk"}) {
            m_users[name] = loginAs(m_server, name);
            QVERIFY2(!m_users[name].token.empty(), name);
        }
    }

    void demoLayersAreInTheCatalogMarkedSynthetic()
    {
        const auto reply = m_server.get("/api/v1/blueprint/layers", token("reviewer"));
        QCOMPARE_STATUS(reply, 200);
        const json items = reply.json()["items"];
        std::map<std::string, json> byId;
        for (const auto &layer : items)
            byId[layer["id"].get<std::string>()] = layer;
        for (const char *id : {"demo_admin_division", "demo_land_use", "demo_eco_redline", "demo_basic_farmland",
                               "demo_urban_boundary", "demo_assessment", "demo_imagery"}) {
            QVERIFY2(byId.count(id), id);
            QCOMPARE(byId[id]["synthetic"], true);
            QVERIFY2(byId[id]["name"].get<std::string>().find("合成") != std::string::npos, id);
            QCOMPARE(byId[id]["version"], 1);
        }
        QCOMPARE(byId["demo_eco_redline"]["kind"], "eco_redline");
        QCOMPARE(byId["demo_eco_redline"]["kind_name"], "生态保护红线");
        QCOMPARE(byId["demo_imagery"]["raster"], true);
        QVERIFY(byId["demo_land_use"]["feature_count"].get<int>() > 1000);
        // The imagery is a GeoPackage as well (tiles with overviews), for the desk's offline copy.
        QCOMPARE(byId["demo_imagery"]["format"], "gpkg_raster");
        const auto imagery = m_server.get("/api/v1/blueprint/layers/demo_imagery.gpkg", token("reviewer"));
        QCOMPARE_STATUS(imagery, 200);
        QVERIFY(imagery.header("content-disposition").find(".gpkg") != std::string::npos);
        {
            const std::string file = path("imagery.gpkg");
            std::ofstream(file, std::ios::binary) << imagery.body;
            std::unique_ptr<GDALDataset> ds(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
            QVERIFY(ds);
            QCOMPARE(std::string(ds->GetDriver()->GetDescription()), std::string("GPKG"));
            QVERIFY(ds->GetRasterCount() >= 3);
            QVERIFY(ds->GetRasterBand(1)->GetOverviewCount() >= 1);
            QCOMPARE(std::string(ds->GetSpatialRef()->GetAuthorityCode(nullptr)), std::string("4490"));
        }

        // A second load is a no-op (idempotent).
        QString output;
        QCOMPARE(m_server.runCommand({QStringLiteral("demo-layers"), QStringLiteral("--size=small")}, &output), 0);
        QVERIFY2(output.contains(QStringLiteral("already loaded")), qPrintable(output));
        QCOMPARE(m_server.get("/api/v1/blueprint/layers/demo_land_use", token("admin")).json()["version"], 1);
    }

    void shapefileZipBecomesANewLayer()
    {
        const std::string zip = shapefileZip(path("farm1"), {{87.30, 43.95, 0.01}, {87.32, 43.95, 0.005}});
        auto reply = upload("/api/v1/blueprint/layers", "基本农田.zip", zip,
                            {{"id", "test_farmland"}, {"name", "永久基本农田（测试导入）"}, {"kind", "basic_farmland"}},
                            "admin");
        QCOMPARE_STATUS(reply, 201);
        const json layer = reply.json();
        QCOMPARE(layer["id"], "test_farmland");
        QCOMPARE(layer["version"], 1);
        QCOMPARE(layer["feature_count"], 2);
        QCOMPARE(layer["format"], "gpkg");
        QCOMPARE(layer["synthetic"], false);
        QCOMPARE(layer["import_report"]["source_crs"], "EPSG:4326");
        QCOMPARE(layer["import_report"]["reprojected"], true);
        QCOMPARE(layer["import_report"]["driver"], "ESRI Shapefile");
        QCOMPARE(layer["source_name"], "基本农田.zip");
        QVERIFY(std::abs(layer["bbox"][0].get<double>() - 87.30) < 1e-6);
        QVERIFY(fs::exists(dataPath("blueprint/test_farmland/v1.gpkg")));
        m_v1Sha = layer["sha256"];
        QCOMPARE(sha256Hex(readFile(dataPath("blueprint/test_farmland/v1.gpkg"))), m_v1Sha);

        // The catalog lists it; the import left nothing behind in the incoming folder.
        QCOMPARE_STATUS(m_server.get("/api/v1/blueprint/layers/test_farmland", token("applicant")), 200);
        QVERIFY(incomingIsEmpty());
        // The audit log names it.
        const auto audit
            = m_server.sql("SELECT COUNT(*) FROM audit_log WHERE target = 'blueprint_layer:test_farmland'");
        QCOMPARE(audit.at(0).at(0), "1");
    }

    void geoJsonVersionReportsTheBowtie()
    {
        const json features
            = {{{"type", "Feature"},
                {"id", 1},
                {"properties", {{"tbbh", "甲"}}},
                {"geometry", square(87.30, 43.96, 0.01)}},
               {{"type", "Feature"},
                {"id", 2},
                {"properties", {{"tbbh", "乙（蝴蝶结）"}}},
                {"geometry",
                 {{"type", "Polygon"},
                  {"coordinates", {{{87.4, 43.9}, {87.41, 43.91}, {87.41, 43.9}, {87.4, 43.91}, {87.4, 43.9}}}}}}},
               {{"type", "Feature"},
                {"id", 3},
                {"properties", {{"tbbh", "丙"}}},
                {"geometry", square(87.33, 43.96, 0.004)}}};
        auto reply = upload("/api/v1/blueprint/layers/test_farmland/versions", "farmland-2026.geojson",
                            json{{"type", "FeatureCollection"}, {"features", features}}.dump(),
                            {{"note", "2026 年度更新"}}, "admin");
        QCOMPARE_STATUS(reply, 201);
        const json layer = reply.json();
        QCOMPARE(layer["version"], 2);
        QCOMPARE(layer["feature_count"], 2);
        QCOMPARE(layer["note"], "2026 年度更新");
        const json rejected = layer["import_report"]["rejected"];
        QCOMPARE(rejected.size(), size_t(1));
        QCOMPARE(rejected[0]["fid"], 2);
        QVERIFY(rejected[0]["reason"].get<std::string>().find("自相交") != std::string::npos);
        m_v2Sha = layer["sha256"];
        QVERIFY(m_v2Sha != m_v1Sha);
    }

    void brokenFilesAreRefusedAndStoreNothing()
    {
        const auto before = m_server.get("/api/v1/blueprint/layers/test_farmland/versions", token("admin")).json();
        const size_t filesBefore = std::distance(fs::directory_iterator(dataPath("blueprint/test_farmland")), {});

        auto notGis
            = upload("/api/v1/blueprint/layers/test_farmland/versions", "roads.shp", "这不是 Shapefile\n", {}, "admin");
        QCOMPARE_STATUS(notGis, 422);
        QVERIFY(notGis.isProblem());
        QVERIFY2(notGis.json()["detail"].get<std::string>().find("不是可识别的 GIS 文件") != std::string::npos,
                 notGis.body.c_str());
        QCOMPARE(notGis.json()["errors"][0]["code"], "geo.import.not_gis");
        QCOMPARE(notGis.json()["errors"][0]["field"], "file");

        auto noPrj = upload("/api/v1/blueprint/layers/test_farmland/versions", "noprj.zip",
                            shapefileZip(path("noprj"), {{87.3, 43.9, 0.01}}, false), {}, "admin");
        QCOMPARE_STATUS(noPrj, 422);
        QCOMPARE(noPrj.json()["errors"][0]["code"], "geo.import.no_crs");
        QVERIFY(noPrj.json()["detail"].get<std::string>().find(".prj") != std::string::npos);

        // A new layer from a broken file does not exist afterwards.
        auto cut = upload("/api/v1/blueprint/layers", "cut.geojson",
                          std::string("{\"type\":\"FeatureCollection\",\"features\":[{\"ty"),
                          {{"id", "test_broken"}, {"name", "损坏"}, {"kind", "eco_redline"}}, "admin");
        QCOMPARE_STATUS(cut, 422);
        QCOMPARE_STATUS(m_server.get("/api/v1/blueprint/layers/test_broken", token("admin")), 404);
        QVERIFY(!fs::exists(dataPath("blueprint/test_broken")));

        // Bad fields are named.
        auto badKind = upload("/api/v1/blueprint/layers", "farm.zip", shapefileZip(path("farm3"), {{87.3, 43.9, 0.01}}),
                              {{"id", "Bad Id"}, {"name", "x"}, {"kind", "roads"}}, "admin");
        QCOMPARE_STATUS(badKind, 422);
        QCOMPARE(badKind.json()["errors"].size(), size_t(2));
        auto taken = upload("/api/v1/blueprint/layers", "farm.zip", shapefileZip(path("farm4"), {{87.3, 43.9, 0.01}}),
                            {{"id", "test_farmland"}, {"name", "重复"}, {"kind", "basic_farmland"}}, "admin");
        QCOMPARE_STATUS(taken, 409);
        auto noFile = m_server.request("POST", "/api/v1/blueprint/layers/test_farmland/versions", R"({"x":1})",
                                       {{"Content-Type", "application/json"}}, token("admin"));
        QCOMPARE_STATUS(noFile, 415);

        const auto after = m_server.get("/api/v1/blueprint/layers/test_farmland/versions", token("admin")).json();
        QCOMPARE(after["items"].size(), before["items"].size());
        QCOMPARE(after["current"], 2);
        QCOMPARE(size_t(std::distance(fs::directory_iterator(dataPath("blueprint/test_farmland")), {})), filesBefore);
        QVERIFY(incomingIsEmpty());
    }

    void onlyAdministratorsImport()
    {
        const std::string zip = shapefileZip(path("farm5"), {{87.3, 43.9, 0.01}});
        for (const char *who : {"applicant", "reviewer", "clerk"}) {
            QCOMPARE_STATUS(upload("/api/v1/blueprint/layers", "f.zip", zip,
                                   {{"id", "test_other"}, {"name", "x"}, {"kind", "basic_farmland"}}, who),
                            403);
            QCOMPARE_STATUS(upload("/api/v1/blueprint/layers/test_farmland/versions", "f.zip", zip, {}, who), 403);
            QCOMPARE_STATUS(m_server.request("POST", "/api/v1/blueprint/layers/test_farmland/restore",
                                             R"({"version":1})", {{"Content-Type", "application/json"}}, token(who)),
                            403);
        }
        QCOMPARE_STATUS(m_server.get("/api/v1/blueprint/layers/test_other", token("admin")), 404);
        // Applicants read the catalog but do not download the files.
        QCOMPARE_STATUS(m_server.get("/api/v1/blueprint/layers/test_farmland.gpkg", token("applicant")), 403);
        QCOMPARE_STATUS(m_server.get("/api/v1/blueprint/layers/test_farmland.gpkg", token("reviewer")), 200);
    }

    void versionsAndRestore()
    {
        auto restored = postJson("/api/v1/blueprint/layers/test_farmland/restore", {{"version", 1}}, "admin");
        QCOMPARE_STATUS(restored, 200);
        QCOMPARE(restored.json()["version"], 3);
        QCOMPARE(restored.json()["sha256"], m_v1Sha);
        QCOMPARE(restored.json()["feature_count"], 2);

        const json versions = m_server.get("/api/v1/blueprint/layers/test_farmland/versions", token("reviewer")).json();
        QCOMPARE(versions["current"], 3);
        QCOMPARE(versions["items"].size(), size_t(3));
        QCOMPARE(versions["items"][0]["version"], 3);
        QCOMPARE(versions["items"][0]["restored_from"], 1);
        QCOMPARE(versions["items"][0]["file_name"], "v1.gpkg");
        QCOMPARE(versions["items"][0]["current"], true);
        QCOMPARE(versions["items"][1]["version"], 2);
        QCOMPARE(versions["items"][1]["report"]["rejected"].size(), size_t(1));
        QCOMPARE(versions["items"][2]["imported_by"], "admin");
        // No file was copied or overwritten: v1 and v2 only.
        QVERIFY(!fs::exists(dataPath("blueprint/test_farmland/v3.gpkg")));

        QCOMPARE_STATUS(postJson("/api/v1/blueprint/layers/test_farmland/restore", {{"version", 9}}, "admin"), 422);
        QCOMPARE_STATUS(postJson("/api/v1/blueprint/layers/test_farmland/restore", {{"version", 3}}, "admin"), 409);
        QCOMPARE_STATUS(postJson("/api/v1/blueprint/layers/test_farmland/restore", {{"version", "1"}}, "admin"), 422);
        QCOMPARE_STATUS(postJson("/api/v1/blueprint/layers/nope/restore", {{"version", 1}}, "admin"), 404);
    }

    void styleIsValidatedAndKept()
    {
        const json style = {{"fill", "#E6D23C80"}, {"stroke", "#A08C00"}, {"stroke_width", 1.5}};
        auto ok = m_server.request("PUT", "/api/v1/blueprint/layers/test_farmland/style", json{{"style", style}}.dump(),
                                   {{"Content-Type", "application/json"}}, token("admin"));
        QCOMPARE_STATUS(ok, 200);
        QCOMPARE(ok.json()["style"], style);
        auto bad = m_server.request("PUT", "/api/v1/blueprint/layers/test_farmland/style",
                                    json{{"style", {{"fill", "yellow"}, {"stroke_width", -1}}}}.dump(),
                                    {{"Content-Type", "application/json"}}, token("admin"));
        QCOMPARE_STATUS(bad, 422);
        QCOMPARE(bad.json()["errors"].size(), size_t(2));
        QCOMPARE(m_server.get("/api/v1/blueprint/layers/test_farmland", token("admin")).json()["style"], style);
        QCOMPARE_STATUS(m_server.request("PUT", "/api/v1/blueprint/layers/test_farmland/style",
                                         json{{"style", style}}.dump(), {{"Content-Type", "application/json"}},
                                         token("reviewer")),
                        403);
    }

    void downloadHasAnETagAndAnswers304()
    {
        auto reply = m_server.get("/api/v1/blueprint/layers/test_farmland.gpkg", token("reviewer"));
        QCOMPARE_STATUS(reply, 200);
        QCOMPARE(reply.header("etag"), "\"" + m_v1Sha + "\"");
        QCOMPARE(sha256Hex(reply.body), m_v1Sha);
        QCOMPARE(reply.body.substr(0, 15), std::string("SQLite format 3"));
        QCOMPARE(reply.header("content-type"), std::string("application/geopackage+sqlite3"));

        auto cached = m_server.request("GET", "/api/v1/blueprint/layers/test_farmland.gpkg", {},
                                       {{"If-None-Match", "\"" + m_v1Sha + "\""}}, token("reviewer"));
        QCOMPARE_STATUS(cached, 304);
        QVERIFY(cached.body.empty());

        // A restore of version 2 changes the file and so the ETag.
        QCOMPARE_STATUS(postJson("/api/v1/blueprint/layers/test_farmland/restore", {{"version", 2}}, "admin"), 200);
        auto changed = m_server.request("GET", "/api/v1/blueprint/layers/test_farmland.gpkg", {},
                                        {{"If-None-Match", "\"" + m_v1Sha + "\""}}, token("reviewer"));
        QCOMPARE_STATUS(changed, 200);
        QCOMPARE(changed.header("etag"), "\"" + m_v2Sha + "\"");
        QCOMPARE_STATUS(m_server.get("/api/v1/blueprint/layers/nope.gpkg", token("reviewer")), 404);
    }

    void siteOnTheEcoRedLineIsBlockedWithGdalsOverlap()
    {
        // The demo red line as a reviewer downloads it.
        auto file = m_server.get("/api/v1/blueprint/layers/demo_eco_redline.gpkg", token("reviewer"));
        QCOMPARE_STATUS(file, 200);
        const std::string gpkg = path("eco.gpkg");
        std::ofstream(gpkg, std::ios::binary) << file.body;

        // A ~10 ha site centred on a vertex of the first zone's boundary: partly inside.
        double lon = 0, lat = 0;
        {
            std::unique_ptr<GDALDataset> ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
            QVERIFY(ds);
            OGRFeatureUniquePtr first(ds->GetLayer(0)->GetNextFeature());
            const OGRMultiPolygon *mp = first->GetGeometryRef()->toMultiPolygon();
            OGRPoint p;
            mp->getGeometryRef(0)->getExteriorRing()->getPoint(0, &p);
            lon = p.getX(), lat = p.getY();
        }
        const json site = square(lon - 0.002, lat - 0.0015, 0.004);
        const double expected = overlapM2(gpkg, site);
        QVERIFY2(expected > 1000, std::to_string(expected).c_str());

        auto reply = postJson("/api/v1/blueprint/compliance", {{"geometry", site}}, "reviewer");
        QCOMPARE_STATUS(reply, 200);
        const json report = reply.json();
        QCOMPARE(report["compliant"], false);
        QCOMPARE(report["crs_area"], "EPSG:4538");
        const double siteArea = report["site_area_m2"].get<double>();
        QVERIFY2(siteArea > 100000 && siteArea < 200000, std::to_string(siteArea).c_str());
        bool found = false;
        for (const auto &check : report["checks"]) {
            if (check["layer"] != "demo_eco_redline")
                continue;
            found = true;
            QCOMPARE(check["rule"], "eco_redline.overlap");
            QCOMPARE(check["severity"], "block");
            const double area = check["overlap_area_m2"].get<double>();
            QVERIFY2(std::abs(area / expected - 1) < 0.001,
                     (std::to_string(area) + " vs GDAL " + std::to_string(expected)).c_str());
            QVERIFY(expected < siteArea);
            QVERIFY(std::abs(check["overlap_ratio"].get<double>() - area / siteArea) < 1e-4);
        }
        QVERIFY2(found, report.dump().c_str());
        bool layerListed = false;
        for (const auto &l : report["layers"])
            layerListed = layerListed || (l["layer"] == "demo_eco_redline" && l["version"] == 1);
        QVERIFY(layerListed);

        // A site that is not a polygon: a clear 422.
        auto bad = postJson("/api/v1/blueprint/compliance",
                            {{"geometry", {{"type", "Point"}, {"coordinates", {87.6, 43.8}}}}}, "reviewer");
        QCOMPARE_STATUS(bad, 422);
        QVERIFY(bad.isProblem());
        m_ecoSite = site;
        m_ecoExpected = expected;
    }

    void projectComplianceIsStoredWithTheProject()
    {
        const std::string project = newProject("2025-650102-47-01-000801", m_ecoSite);
        QVERIFY(!project.empty());
        QCOMPARE_STATUS(m_server.get("/api/v1/projects/" + project + "/compliance", token("applicant")), 404);
        auto checked = postJson("/api/v1/blueprint/compliance", {{"project_id", project}}, "applicant");
        QCOMPARE_STATUS(checked, 200);
        QCOMPARE(checked.json()["compliant"], false);
        QCOMPARE(checked.json()["land_use"], "0701");

        auto stored = m_server.get("/api/v1/projects/" + project + "/compliance", token("applicant"));
        QCOMPARE_STATUS(stored, 200);
        const json report = stored.json();
        QCOMPARE(report["compliant"], false);
        QCOMPARE(report["project_id"], project);
        QCOMPARE(report["checked_by"], "applicant");
        bool blocked = false;
        for (const auto &check : report["checks"])
            blocked = blocked
                      || (check["rule"] == "eco_redline.overlap" && check["severity"] == "block"
                          && std::abs(check["overlap_area_m2"].get<double>() / m_ecoExpected - 1) < 0.001);
        QVERIFY2(blocked, report.dump().c_str());
        // Moving the site makes a new site version; a new check is stored for it.
        auto moved = m_server.request("PUT", "/api/v1/projects/" + project + "/site",
                                      json{{"site", square(87.60, 43.82)}, {"note", "避让生态保护红线"}}.dump(),
                                      {{"Content-Type", "application/json"}}, token("applicant"));
        QCOMPARE_STATUS(moved, 200);
        QCOMPARE(moved.json()["version"], 2);
        const json history
            = m_server.get("/api/v1/projects/" + project + "/site/versions", token("applicant")).json()["items"];
        QCOMPARE(history.size(), size_t(2));
        QCOMPARE(history[0]["note"], "避让生态保护红线");
        auto again = postJson("/api/v1/blueprint/compliance", {{"project_id", project}}, "applicant");
        QCOMPARE_STATUS(again, 200);
        for (const auto &check : again.json()["checks"])
            QVERIFY(check["rule"] != "eco_redline.overlap");
        QCOMPARE(m_server.get("/api/v1/projects/" + project + "/compliance", token("applicant")).json()["site_version"],
                 2);
    }

    void projectsInAnAssessmentZoneListItsAssessments()
    {
        // Inside 乌鲁木齐经济技术开发区（合成）, whose regional assessments were completed.
        const std::string inside = newProject("2025-650102-47-01-000802", square(87.505, 43.875, 0.002));
        QVERIFY(!inside.empty());
        const json p = m_server.get("/api/v1/projects/" + inside, token("applicant")).json();
        const json facts = p["blueprint_facts"];
        QVERIFY2(facts.contains("assessments"), p.dump().c_str());
        std::set<std::string> codes;
        for (const auto &c : facts["assessments"])
            codes.insert(c.get<std::string>());
        QCOMPARE(codes, (std::set<std::string>{"environmental", "energy", "geological_hazard", "seismic", "water"}));
        QCOMPARE(facts["assessment_zones"].size(), size_t(1));
        QCOMPARE(facts["assessment_zones"][0]["zone"], "乌鲁木齐经济技术开发区（合成）");
        QCOMPARE(facts["assessment_zones"][0]["layer"], "demo_assessment");

        // Far from every zone: none.
        const std::string outside = newProject("2025-650102-47-01-000803", square(87.30, 43.60, 0.002));
        const json q = m_server.get("/api/v1/projects/" + outside, token("applicant")).json();
        QCOMPARE(q["blueprint_facts"].value("assessments", json::array()).size(), size_t(0));
    }

    void backupCarriesTheLayerFiles()
    {
        if (TestServer::backend() != QStringLiteral("sqlite"))
            QSKIP("spgl-server backup copies the SQLite deployment only");
        const QString out = QString::fromStdString(path("backup"));
        QString output;
        QCOMPARE(m_server.runCommand({QStringLiteral("backup"), QStringLiteral("--out=") + out}, &output), 0);
        for (const char *file : {"blueprint/test_farmland/v1.gpkg", "blueprint/test_farmland/v2.gpkg",
                                 "blueprint/demo_eco_redline/v1.gpkg", "blueprint/demo_imagery/v1.gpkg"})
            QVERIFY2(fs::exists(path("backup/") + file), file);
        QVERIFY(!fs::exists(path("backup/blueprint/.incoming")));
    }

    void uploadsOverTheLimitAreRefused()
    {
        // A server whose largest file is 64 KB: a 200 KB GeoJSON gets 413 and nothing is stored.
        TestServer small;
        QVERIFY2(small.start({QStringLiteral("--max-upload=65536")}), qPrintable(small.lastError()));
        const std::string admin = small.login("admin");
        std::vector<json> features;
        for (int i = 1; features.size() < 900; ++i)
            features.push_back({{"type", "Feature"},
                                {"id", i},
                                {"properties", {{"tbbh", "图斑 " + std::to_string(i)}}},
                                {"geometry", square(87.3 + (i % 30) * 0.001, 43.9 + (i / 30) * 0.001, 0.0005)}});
        const std::string big = json{{"type", "FeatureCollection"}, {"features", features}}.dump();
        QVERIFY(big.size() > 150000);
        const std::string boundary = "----spgl-limit";
        const std::string body
            = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\ntest_big\r\n--" + boundary
              + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n大文件\r\n--" + boundary
              + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nbasic_farmland\r\n--" + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.geojson\"\r\n\r\n" + big + "\r\n--"
              + boundary + "--\r\n";
        auto reply = small.request("POST", "/api/v1/blueprint/layers", body,
                                   {{"Content-Type", "multipart/form-data; boundary=" + boundary}}, admin);
        QCOMPARE_STATUS(reply, 413);
        QVERIFY(reply.isProblem());
        QCOMPARE_STATUS(small.get("/api/v1/blueprint/layers/test_big", admin), 404);
        const std::string incoming = small.dataDir().toStdString() + "/blueprint/.incoming";
        QVERIFY(!fs::exists(incoming) || fs::is_empty(incoming));
    }

    void importsRunInTheBackgroundWithProgress()
    {
        // A large file need not hold the upload request: with Prefer: respond-async the upload is
        // answered 202 with a job, GDAL works in the background, and the administrator follows
        // the job's progress until it holds the new layer — or the problem the file has.
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const std::string admin = server.login("admin");
        const std::map<std::string, std::string> async = {{"Prefer", "respond-async"}};
        std::vector<json> features;
        for (int i = 1; i <= 3000; ++i)
            features.push_back({{"type", "Feature"},
                                {"id", i},
                                {"properties", {{"tbbh", "图斑 " + std::to_string(i)}}},
                                {"geometry", square(80.0 + (i % 60) * 0.002, 40.0 + (i / 60) * 0.002, 0.0008)}});
        const std::string collection = json{{"type", "FeatureCollection"}, {"features", features}}.dump();
        auto queued = uploadTo(server, "/api/v1/blueprint/layers", "农田-2026.geojson", collection,
                               {{"id", "test_async"}, {"name", "永久基本农田（后台导入）"}, {"kind", "basic_farmland"}},
                               admin, async);
        QCOMPARE_STATUS(queued, 202);
        QCOMPARE(queued.header("preference-applied"), std::string("respond-async"));
        const std::string href = queued.header("location");
        QCOMPARE(href, queued.json()["href"].get<std::string>());
        QVERIFY(queued.json()["status"] == "queued" || queued.json()["status"] == "running");

        auto follow = [&server, &admin](const std::string &where) {
            json job;
            double last = -1;
            bool monotonic = true;
            for (int i = 0; i < 600; ++i) {
                job = server.get(where, admin).json();
                monotonic = monotonic && job["progress"].get<double>() >= last;
                last = job["progress"].get<double>();
                if (job["status"] == "done" || job["status"] == "failed")
                    break;
                QTest::qWait(50);
            }
            job["monotonic"] = monotonic;
            return job;
        };
        const json done = follow(href);
        QCOMPARE(done["status"], "done");
        QCOMPARE(done["monotonic"], true);
        QCOMPARE(done["progress"].get<double>(), 1.0);
        QCOMPARE(done["result"]["id"], "test_async");
        QCOMPARE(done["result"]["feature_count"], 3000);
        QCOMPARE(done["result"]["imported_version"], 1);
        QVERIFY(!done["started_at"].is_null() && !done["finished_at"].is_null());
        QCOMPARE_STATUS(server.get("/api/v1/blueprint/layers/test_async", admin), 200);

        // A broken file ends as a failed job with the problem the synchronous import answers;
        // the layer keeps its version.
        auto broken = uploadTo(server, "/api/v1/blueprint/layers/test_async/versions", "cut.geojson",
                               collection.substr(0, collection.size() / 2), {}, admin, async);
        QCOMPARE_STATUS(broken, 202);
        const json failed = follow(broken.header("location"));
        QCOMPARE(failed["status"], "failed");
        QCOMPARE(failed["problem"]["status"], 422);
        QVERIFY2(failed["problem"]["errors"][0]["code"].get<std::string>().rfind("geo.import.", 0) == 0,
                 failed.dump().c_str());
        QCOMPARE(server.get("/api/v1/blueprint/layers/test_async", admin).json()["version"], 1);
        // What can be told at once is told at once, and nothing is queued.
        QCOMPARE_STATUS(uploadTo(server, "/api/v1/blueprint/layers", "f.geojson", collection,
                                 {{"id", "test_async"}, {"name", "重复"}, {"kind", "basic_farmland"}}, admin, async),
                        409);
        QCOMPARE_STATUS(uploadTo(server, "/api/v1/blueprint/layers/no_such_layer/versions", "f.geojson", collection, {},
                                 admin, async),
                        404);
        const json jobs = server.get("/api/v1/blueprint/imports", admin).json();
        QCOMPARE(jobs["items"].size(), size_t(2));
        QCOMPARE(jobs["items"][0]["status"], "failed");
        // Administrators only; unknown jobs are 404.
        QCOMPARE_STATUS(server.get(href, server.login("reviewer")), 403);
        QCOMPARE_STATUS(server.get("/api/v1/blueprint/imports/imp-nothing", admin), 404);
        // The audit log has the request that queued it and the import's own row.
        QCOMPARE(server.sql("SELECT COUNT(*) FROM audit_log WHERE target = 'blueprint_layer:test_async' AND action = "
                            "'IMPORT blueprint_layer'")[0][0],
                 "2");
        QCOMPARE(server.sql("SELECT COUNT(*) FROM audit_log WHERE target = 'blueprint_layer:test_async' AND action "
                            "LIKE 'POST %' AND result = 201")[0][0],
                 "2");

        // A job the server was working on when it stopped is failed at the next start, its upload gone.
        const std::string leftover = server.dataDir().toStdString() + "/blueprint/.incoming/upload-left/left.geojson";
        fs::create_directories(fs::path(leftover).parent_path());
        std::ofstream(leftover) << collection;
        server.sql("INSERT INTO blueprint_imports (id, layer_id, is_new_layer, source_name, upload_path, status, "
                   "created_by, created_at) VALUES ('imp-left', 'test_async', 0, 'left.geojson', '"
                   + leftover + "', 'running', 'admin', 0)");
        QCOMPARE(server.stop(), 0);
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const json left = server.get("/api/v1/blueprint/imports/imp-left", server.login("admin")).json();
        QCOMPARE(left["status"], "failed");
        QVERIFY(left["problem"]["detail"].get<std::string>().find("重新上传") != std::string::npos);
        QVERIFY(!fs::exists(fs::path(leftover).parent_path()));
    }

private:
    std::string token(const std::string &who) const { return m_users.at(who).token; }
    std::string path(const std::string &name) const
    {
        return m_tmp.filePath(QString::fromStdString(name)).toStdString();
    }
    std::string dataPath(const std::string &relative) const
    {
        return m_server.dataDir().toStdString() + "/" + relative;
    }
    bool incomingIsEmpty() const
    {
        const std::string dir = dataPath("blueprint/.incoming");
        return !fs::exists(dir) || fs::is_empty(dir);
    }
    HttpReply postJson(const std::string &path, const json &body, const std::string &who) const
    {
        return m_server.postJson(path, body, token(who));
    }
    HttpReply upload(const std::string &path, const std::string &filename, const std::string &content,
                     const std::map<std::string, std::string> &fields, const std::string &who) const
    {
        return uploadTo(m_server, path, filename, content, fields, token(who));
    }
    /// POSTs a multipart upload of @p content as the file @p filename, with @p fields, to @p server.
    static HttpReply uploadTo(const TestServer &server, const std::string &path, const std::string &filename,
                              const std::string &content, const std::map<std::string, std::string> &fields,
                              const std::string &token, const std::map<std::string, std::string> &headers = {})
    {
        const std::string boundary = "----spgl-test-boundary-7MA4YWxkTrZu0gW";
        std::string body;
        for (const auto &[name, value] : fields)
            body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n";
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        std::map<std::string, std::string> all = headers;
        all["Content-Type"] = "multipart/form-data; boundary=" + boundary;
        return server.request("POST", path, body, all, token);
    }
    std::string newProject(const std::string &code, const json &site)
    {
        const auto reply = postJson("/api/v1/projects",
                                    {{"project_code", code},
                                     {"name", "乌鲁木齐市蓝图合规测试项目 " + code.substr(18)},
                                     {"region_code", "650102"},
                                     {"process_type", 1},
                                     {"approval_type", 1},
                                     {"investment", "36000000.00"},
                                     {"land_use", "0701"},
                                     {"site", site},
                                     {"builder_credit_code", "91350100M000100Y43"}},
                                    "applicant");
        if (reply.status != 201) {
            qWarning("project: %s", qPrintable(describe(reply)));
            return {};
        }
        return reply.json()["id"];
    }

    QTemporaryDir m_tmp;
    TestServer m_server;
    std::map<std::string, Session> m_users;
    std::string m_v1Sha, m_v2Sha;
    json m_ecoSite;
    double m_ecoExpected = 0;
};

QTEST_GUILESS_MAIN(tst_Blueprint)
#include "tst_blueprint.moc"
