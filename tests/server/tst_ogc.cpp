// OGC API – Features at /ogc: GeoPackages put into the data dir's layer folders are served as
// collections; bbox, paging, single features, content negotiation, errors, access; and GDAL's own
// OAPIF driver (ogrinfo) reads them from the live server.
#include "testserver.h"

#include "geo/gdalsession.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <atomic>
#include <set>
#include <thread>

using nlohmann::json;
using spgl::test::HttpReply;
using spgl::test::TestServer;

namespace {

// The parcels layer: a 20 × 12 grid of 0.01° cells from (87.50, 43.80), fid 1 … 240 row by row.
constexpr double kLon0 = 87.50, kLat0 = 43.80, kCell = 0.01;
constexpr int kCols = 20, kRows = 12;

/// Writes a GeoPackage layer in EPSG:@p epsg with @p add called to create its features.
bool writeLayer(const QString &file, const char *layerName, int epsg, OGRwkbGeometryType type,
                const std::function<void(OGRLayerH)> &add)
{
    spgl::geo::ensureGdal();
    QDir().mkpath(QFileInfo(file).absolutePath());
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    GDALDatasetH ds = GDALCreate(driver, file.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds)
        return false;
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, epsg);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, layerName, srs, type, nullptr);
    OSRDestroySpatialReference(srs);
    if (!layer) {
        GDALClose(ds);
        return false;
    }
    OGRFieldDefnH name = OGR_Fld_Create("name", OFTString);
    OGR_L_CreateField(layer, name, TRUE);
    OGR_Fld_Destroy(name);
    OGRFieldDefnH code = OGR_Fld_Create("code", OFTInteger);
    OGR_L_CreateField(layer, code, TRUE);
    OGR_Fld_Destroy(code);
    OGRFieldDefnH area = OGR_Fld_Create("area_ha", OFTReal);
    OGR_L_CreateField(layer, area, TRUE);
    OGR_Fld_Destroy(area);
    const bool started = OGR_L_StartTransaction(layer) == OGRERR_NONE;
    add(layer);
    const bool committed = OGR_L_CommitTransaction(layer) == OGRERR_NONE;
    GDALClose(ds);
    return started && committed;
}

void addFeature(OGRLayerH layer, const std::string &wkt, const std::string &name, int code, double area)
{
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    OGRGeometryH g = nullptr;
    char *text = const_cast<char *>(wkt.c_str());
    OGR_G_CreateFromWkt(&text, nullptr, &g);
    OGR_F_SetGeometryDirectly(f, g);
    OGR_F_SetFieldString(f, 0, name.c_str());
    OGR_F_SetFieldInteger(f, 1, code);
    OGR_F_SetFieldDouble(f, 2, area);
    if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE)
        qWarning("could not write feature %s", name.c_str());
    OGR_F_Destroy(f);
}

std::string cellWkt(int col, int row)
{
    const double x0 = kLon0 + col * kCell, y0 = kLat0 + row * kCell, x1 = x0 + kCell, y1 = y0 + kCell;
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "POLYGON ((%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f))", x0, y0, x1,
                  y0, x1, y1, x0, y1, x0, y0);
    return buffer;
}

/// The fids of the grid cells that meet the box (cells are closed rectangles).
std::set<std::int64_t> expectedCells(double minLon, double minLat, double maxLon, double maxLat)
{
    std::set<std::int64_t> out;
    for (int row = 0; row < kRows; ++row)
        for (int col = 0; col < kCols; ++col) {
            const double x0 = kLon0 + col * kCell, y0 = kLat0 + row * kCell;
            if (x0 <= maxLon && x0 + kCell >= minLon && y0 <= maxLat && y0 + kCell >= minLat)
                out.insert(row * kCols + col + 1);
        }
    return out;
}

/// The zones layer: @p n points named 区-1 … 区-n.
bool writeZones(const QString &file, int n)
{
    return writeLayer(file, "zones", 4490, wkbPoint, [n](OGRLayerH l) {
        for (int i = 1; i <= n; ++i)
            addFeature(l, "POINT (87.6 43.85)", "区-" + std::to_string(i), i, 0);
    });
}

std::string linkHref(const json &doc, const std::string &rel)
{
    for (const auto &l : doc.value("links", json::array()))
        if (l.value("rel", "") == rel)
            return l.value("href", "");
    return {};
}

} // namespace

class tst_Ogc : public QObject
{
    Q_OBJECT

    /// The path part of an absolute link of this server.
    std::string pathOf(const std::string &href) const
    {
        const std::string origin = "http://127.0.0.1:" + std::to_string(m_server.port());
        return href.rfind(origin, 0) == 0 ? href.substr(origin.size()) : std::string();
    }

    HttpReply get(const std::string &path, const std::map<std::string, std::string> &headers = {}) const
    {
        return m_server.request("GET", path, {}, headers, m_token);
    }

    /// Runs ogrinfo with @p args; its standard output.
    QString ogrinfo(const QStringList &args) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NO_PROXY"), QStringLiteral("127.0.0.1"));
        env.remove(QStringLiteral("http_proxy"));
        env.remove(QStringLiteral("HTTP_PROXY"));
        env.insert(QStringLiteral("GDAL_HTTP_TIMEOUT"), QStringLiteral("120"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("ogrinfo"), args);
        if (!p.waitForFinished(300000))
            return QStringLiteral("ogrinfo did not finish");
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        if (p.exitCode() != 0)
            qWarning("ogrinfo failed: %s", p.readAllStandardError().constData());
        return out;
    }

    /// Runs Redocly's OpenAPI linter on /ogc/api; the findings are printed, their count returned.
    int lintApiDocument() const
    {
        const auto reply = get("/ogc/api");
        if (reply.status != 200)
            return -1;
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("ogc-api.json"));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            return -1;
        out.write(reply.body.data(), qint64(reply.body.size()));
        out.close();
        const QString redocly = QStringLiteral(SPGL_SOURCE_DIR "/tools/node_modules/.bin/redocly");
        if (!QFile::exists(redocly)) {
            qWarning("the linter is missing: run scripts/bootstrap.sh (installs tools/ from its lock file)");
            return -1;
        }
        QProcess lint;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REDOCLY_TELEMETRY"), QStringLiteral("off"));
        env.insert(QStringLiteral("REDOCLY_SUPPRESS_UPDATE_NOTICE"), QStringLiteral("true"));
        lint.setProcessEnvironment(env);
        lint.start(redocly, {QStringLiteral("lint"), QStringLiteral("--format=json"), file});
        if (!lint.waitForFinished(120000))
            return -1;
        const json report = json::parse(lint.readAllStandardOutput().toStdString(), nullptr, false);
        if (!report.is_object() || !report.contains("totals"))
            return -1;
        for (const auto &problem : report.value("problems", json::array()))
            qWarning("%s: %s", problem.value("ruleId", "").c_str(), problem.value("message", "").c_str());
        return report["totals"]["errors"].get<int>() + report["totals"]["warnings"].get<int>();
    }

private slots:
    void initTestCase()
    {
        const QString blueprint = m_server.dataDir() + QStringLiteral("/blueprint");
        // Version 1 of the parcels is stale: only version 2 (the highest) is served.
        QVERIFY(writeLayer(blueprint + QStringLiteral("/parcels/v1.gpkg"), "parcels", 4490, wkbPolygon,
                           [](OGRLayerH l) { addFeature(l, cellWkt(0, 0), "旧版地块", 0, 1.0); }));
        QVERIFY(
            writeLayer(blueprint + QStringLiteral("/parcels/v2.gpkg"), "parcels", 4490, wkbPolygon, [](OGRLayerH l) {
                for (int row = 0; row < kRows; ++row)
                    for (int col = 0; col < kCols; ++col) {
                        const int fid = row * kCols + col + 1;
                        addFeature(l, cellWkt(col, row), "地块-" + std::to_string(fid), fid, 0.5 + fid / 100.0);
                    }
            }));
        // One diagonal road: its envelope covers the whole grid, the line itself only the diagonal.
        QVERIFY(writeLayer(blueprint + QStringLiteral("/roads/v1.gpkg"), "roads", 4490, wkbLineString,
                           [](OGRLayerH l) { addFeature(l, "LINESTRING (87.50 43.80,87.70 43.92)", "天山路", 1, 0); }));
        // A layer kept in Gauss–Krüger metres (EPSG:4538, CM 87°E): served in longitude/latitude.
        QVERIFY(writeLayer(blueprint + QStringLiteral("/sites_gk/v3.gpkg"), "sites", 4538, wkbPoint, [](OGRLayerH l) {
            addFeature(l, "POINT (500000 4850000)", "中央经线上的点", 1, 0);   // easting, northing
            addFeature(l, "POINT (540000 4860000)", "东边 40 公里的点", 2, 0); // ≈ 87.5°E
        }));
        QVERIFY(writeZones(blueprint + QStringLiteral("/zones/v1.gpkg"), 5));
        // A damaged file (e.g. a copy cut short): listed, but its features give a clear error.
        QVERIFY(QDir().mkpath(blueprint + QStringLiteral("/damaged")));
        QFile damaged(blueprint + QStringLiteral("/damaged/v1.gpkg"));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write(QByteArray("SQLite format 3") + QByteArray(2000, '\x5a'));
        damaged.close();
        // Not served: a folder name unusable in URLs, a file that is not v<N>.gpkg.
        QVERIFY(QDir().mkpath(blueprint + QStringLiteral("/bad name")));
        QFile stray(blueprint + QStringLiteral("/parcels/notes.txt"));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.write("not a layer");
        stray.close();

        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        m_token = m_server.login("reviewer");
        QVERIFY(!m_token.empty());
    }

    void landingPageAndConformance()
    {
        const auto landing = get("/ogc");
        QCOMPARE(landing.status, 200);
        QVERIFY(landing.header("content-type").rfind("application/json", 0) == 0);
        const json doc = landing.json();
        const std::string base = "http://127.0.0.1:" + std::to_string(m_server.port()) + "/ogc";
        QCOMPARE(linkHref(doc, "self"), base);
        QCOMPARE(linkHref(doc, "conformance"), base + "/conformance");
        QCOMPARE(linkHref(doc, "data"), base + "/collections");
        QCOMPARE(linkHref(doc, "service-desc"), base + "/api");

        const json conf = get(pathOf(linkHref(doc, "conformance"))).json();
        const auto conformsTo = conf.value("conformsTo", json::array());
        for (const char *cls : {"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"})
            QVERIFY2(std::find(conformsTo.begin(), conformsTo.end(), json(cls)) != conformsTo.end(), cls);

        const auto api = get("/ogc/api");
        QCOMPARE(api.status, 200);
        QVERIFY(api.header("content-type").rfind("application/vnd.oai.openapi+json", 0) == 0);
        const json oas = api.json();
        QCOMPARE(oas.value("openapi", ""), std::string("3.0.3"));
        QVERIFY(oas["paths"].contains("/collections/{collectionId}/items"));
        QCOMPARE(oas["servers"][0].value("url", ""), base);
        QCOMPARE(lintApiDocument(), 0);
    }

    void collectionsDescribeTheLayers()
    {
        const auto reply = get("/ogc/collections");
        QCOMPARE(reply.status, 200);
        const json doc = reply.json();
        std::map<std::string, json> byId;
        for (const auto &c : doc["collections"])
            byId[c.value("id", "")] = c;
        // The catalog's synthetic demo layers (--demo) are served too, before this test's own folders.
        const auto demo
            = std::count_if(byId.begin(), byId.end(), [](const auto &c) { return c.first.rfind("demo_", 0) == 0; });
        QCOMPARE(int(demo), 6); // the vector ones; demo_imagery is a raster
        QCOMPARE(byId.size() - std::size_t(demo),
                 std::size_t(5)); // parcels, roads, sites_gk, zones, damaged: not "bad name"
        const json parcels = byId["parcels"];
        QCOMPARE(parcels.value("spgl:version", 0), 2);
        QCOMPARE(parcels.value("spgl:featureCount", 0), kRows * kCols);
        const auto bbox = parcels["extent"]["spatial"]["bbox"][0];
        QCOMPARE(bbox.size(), std::size_t(4));
        QVERIFY(std::abs(bbox[0].get<double>() - 87.50) < 1e-6);
        QVERIFY(std::abs(bbox[1].get<double>() - 43.80) < 1e-6);
        QVERIFY(std::abs(bbox[2].get<double>() - 87.70) < 1e-6);
        QVERIFY(std::abs(bbox[3].get<double>() - 43.92) < 1e-6);
        QCOMPARE(parcels["extent"]["spatial"].value("crs", ""),
                 std::string("http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
        QCOMPARE(pathOf(linkHref(parcels, "items")), std::string("/ogc/collections/parcels/items"));

        // The Gauss–Krüger layer's extent is given in longitude/latitude.
        const auto gk = byId["sites_gk"]["extent"]["spatial"]["bbox"][0];
        QVERIFY2(gk[0].get<double>() > 86.9 && gk[2].get<double>() < 87.6, gk.dump().c_str());
        QVERIFY2(gk[1].get<double>() > 43.7 && gk[3].get<double>() < 44.0, gk.dump().c_str());

        // The damaged layer is listed without an extent; reading it is a clear error, not a crash.
        QVERIFY(!byId["damaged"].contains("extent"));
        const auto broken = get("/ogc/collections/damaged/items");
        QCOMPARE(broken.status, 503);
        QVERIFY(broken.isProblem());
        QVERIFY2(broken.json().value("detail", "").find("damaged") != std::string::npos, broken.body.c_str());
        QCOMPARE(get("/ogc/collections/damaged/items/1").status, 503);

        const auto one = get("/ogc/collections/roads");
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json().value("id", ""), std::string("roads"));
        QCOMPARE(one.json().value("itemType", ""), std::string("feature"));
    }

    void aNewLayerVersionIsServedAtOnce()
    {
        const QString zones = m_server.dataDir() + QStringLiteral("/blueprint/zones");
        QCOMPARE(get("/ogc/collections/zones/items").json().value("numberMatched", -1), 5);
        // Version 2 appears beside version 1.
        QVERIFY(writeZones(zones + QStringLiteral("/v2.gpkg"), 2));
        QCOMPARE(get("/ogc/collections/zones").json().value("spgl:version", 0), 2);
        QCOMPARE(get("/ogc/collections/zones/items").json().value("numberMatched", -1), 2);
        // The same file replaced: the open handle is not reused.
        QVERIFY(QFile::remove(zones + QStringLiteral("/v2.gpkg")));
        QVERIFY(writeZones(zones + QStringLiteral("/v2.gpkg"), 4));
        const json page = get("/ogc/collections/zones/items").json();
        QCOMPARE(page.value("numberMatched", -1), 4);
        QCOMPARE(page["features"][3]["properties"].value("name", ""), std::string("区-4"));
    }

    void concurrentReadersGetConsistentPages()
    {
        // The server's threads share the pooled datasets: every answer must still be right.
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([this, t, &wrong] {
                for (int i = 0; i < 12; ++i) {
                    const int offset = (t * 31 + i * 17) % 230;
                    const auto page = get("/ogc/collections/parcels/items?limit=10&offset=" + std::to_string(offset));
                    const json doc = page.json();
                    if (page.status != 200 || doc.value("numberMatched", -1) != 240
                        || doc["features"][0]["id"].get<int>() != offset + 1)
                        ++wrong;
                    const auto box = get("/ogc/collections/parcels/items?bbox=87.555,43.833,87.6251,43.8749&limit=100");
                    if (box.status != 200 || box.json().value("numberReturned", -1) != 40)
                        ++wrong;
                    const auto one = get("/ogc/collections/roads/items/1");
                    if (one.status != 200 || one.json()["properties"].value("name", "") != "天山路")
                        ++wrong;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
    }

    void bboxPagesThroughNextLinksSeeEveryFeatureOnce()
    {
        const double box[4] = {87.555, 43.833, 87.6251, 43.8749};
        const auto expected = expectedCells(box[0], box[1], box[2], box[3]);
        QCOMPARE(expected.size(), std::size_t(40)); // 8 columns × 5 rows
        std::set<std::int64_t> seen;
        std::string path = "/ogc/collections/parcels/items?bbox=87.555,43.833,87.6251,43.8749&limit=7";
        int pages = 0;
        std::vector<std::int64_t> previousIds;
        const auto idsOf = [](const json &doc) {
            std::vector<std::int64_t> ids;
            for (const auto &f : doc["features"])
                ids.push_back(f["id"].get<std::int64_t>());
            return ids;
        };
        while (!path.empty()) {
            const auto reply = get(path);
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.header("content-type"), std::string("application/geo+json"));
            const json doc = reply.json();
            QCOMPARE(doc.value("type", ""), std::string("FeatureCollection"));
            QCOMPARE(doc.value("numberMatched", -1), 40);
            const auto &features = doc["features"];
            QCOMPARE(doc.value("numberReturned", -1), int(features.size()));
            QVERIFY(features.size() <= 7);
            const std::string stamp = doc.value("timeStamp", "");
            QVERIFY2(stamp.size() == 25 && stamp.substr(19) == "+08:00", stamp.c_str());
            for (const auto &f : features) {
                const std::int64_t id = f["id"].get<std::int64_t>();
                QVERIFY2(seen.insert(id).second, ("feature seen twice: " + std::to_string(id)).c_str());
                QCOMPARE(f["properties"].value("code", -1), int(id));
                QCOMPARE(f["geometry"].value("type", ""), std::string("Polygon"));
            }
            // The prev link gives the page before; the self link gives this page again.
            if (pages > 0)
                QCOMPARE(idsOf(get(pathOf(linkHref(doc, "prev"))).json()), previousIds);
            else
                QVERIFY(linkHref(doc, "prev").empty());
            previousIds = idsOf(doc);
            QCOMPARE(idsOf(get(pathOf(linkHref(doc, "self"))).json()), previousIds);
            path = pathOf(linkHref(doc, "next"));
            // Next links resume after the last feature (no rows skipped) and agree with plain offsets.
            if (!path.empty()) {
                QVERIFY2(path.find("&after=" + std::to_string(previousIds.back())) != std::string::npos, path.c_str());
                std::string byOffset = path;
                byOffset.erase(path.find("&after="), ("&after=" + std::to_string(previousIds.back())).size());
                QVERIFY2(byOffset.find("bbox=") != std::string::npos, byOffset.c_str());
                QCOMPARE(idsOf(get(byOffset).json()), idsOf(get(path).json()));
            }
            ++pages;
            QVERIFY(pages <= 10);
        }
        QCOMPARE(pages, 6); // 7+7+7+7+7+5
        QCOMPARE(seen, expected);
    }

    void bboxTestsTheGeometryNotItsEnvelope()
    {
        // The corner above the diagonal road: inside its envelope, away from the line.
        const auto miss = get("/ogc/collections/roads/items?bbox=87.50,43.90,87.55,43.92").json();
        QCOMPARE(miss.value("numberMatched", -1), 0);
        QCOMPARE(miss["features"].size(), std::size_t(0));
        const auto hit = get("/ogc/collections/roads/items?bbox=87.59,43.84,87.61,43.87").json();
        QCOMPARE(hit.value("numberMatched", -1), 1);
        QCOMPARE(hit["features"][0]["properties"].value("name", ""), std::string("天山路"));
        // The Gauss–Krüger layer: a bbox around 87°E finds the point on the central meridian only.
        const auto gk = get("/ogc/collections/sites_gk/items?bbox=86.99,43.0,87.01,44.5").json();
        QCOMPARE(gk.value("numberMatched", -1), 1);
        const auto coords = gk["features"][0]["geometry"]["coordinates"];
        QVERIFY2(std::abs(coords[0].get<double>() - 87.0) < 1e-6, coords.dump().c_str());
    }

    void pagingWithoutBbox()
    {
        const auto first = get("/ogc/collections/parcels/items").json();
        QCOMPARE(first.value("numberMatched", -1), 240);
        QCOMPARE(first["features"].size(), std::size_t(10)); // the default limit
        QCOMPARE(first["features"][0]["id"].get<int>(), 1);
        const auto last = get("/ogc/collections/parcels/items?limit=50&offset=230").json();
        QCOMPARE(last["features"].size(), std::size_t(10));
        QCOMPARE(last["features"][9]["id"].get<int>(), 240);
        QVERIFY(linkHref(last, "next").empty());
        QCOMPARE(pathOf(linkHref(last, "prev")), std::string("/ogc/collections/parcels/items?limit=50&offset=180"));
        // Above the maximum is read as the maximum, not refused.
        const auto all = get("/ogc/collections/parcels/items?limit=20000").json();
        QCOMPARE(all["features"].size(), std::size_t(240));
    }

    void featureById()
    {
        const auto reply = get("/ogc/collections/parcels/items/17");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("content-type"), std::string("application/geo+json"));
        const json f = reply.json();
        QCOMPARE(f.value("type", ""), std::string("Feature"));
        QCOMPARE(f["id"].get<int>(), 17);
        QCOMPARE(f["properties"].value("name", ""), std::string("地块-17"));
        QVERIFY(std::abs(f["properties"].value("area_ha", 0.0) - 0.67) < 1e-9);
        const auto ring = f["geometry"]["coordinates"][0];
        QCOMPARE(ring.size(), std::size_t(5));
        QVERIFY(std::abs(ring[0][0].get<double>() - 87.66) < 1e-9); // col 16, row 0: (lon, lat) order
        QVERIFY(std::abs(ring[0][1].get<double>() - 43.80) < 1e-9);
        QCOMPARE(pathOf(linkHref(f, "collection")), std::string("/ogc/collections/parcels"));
    }

    void unknownThingsAre404()
    {
        for (const char *path :
             {"/ogc/collections/parcels/items/99999", "/ogc/collections/parcels/items/abc", "/ogc/collections/nope",
              "/ogc/collections/nope/items", "/ogc/collections/nope/items/1", "/ogc/collections/bad%20name"}) {
            const auto reply = get(path);
            QVERIFY2(reply.status == 404, path);
            QVERIFY2(reply.isProblem(), path);
            QVERIFY2(!reply.json().value("detail", "").empty(), path);
        }
    }

    void badParametersAre400()
    {
        for (const char *query :
             {"bbox=1,2,3", "bbox=a,b,c,d", "bbox=87.6,43.8,87.5,43.9", "bbox=87.5,43.9,87.6,43.8", "bbox=87,43,200,44",
              "bbox=", "limit=0", "limit=-5", "limit=abc", "limit=1.5", "offset=-1", "offset=x",
              "offset=9223372036854775807", "after=abc", "foo=1", "bbox-crs=EPSG:4326", "datetime=yesterday"}) {
            const auto reply = get(std::string("/ogc/collections/parcels/items?") + query);
            QVERIFY2(reply.status == 400, query);
            QVERIFY2(reply.isProblem(), query);
            QVERIFY2(!reply.json().value("detail", "").empty(), query);
        }
        // A valid datetime is accepted (the layers have no time: nothing is filtered out).
        QCOMPARE(get("/ogc/collections/parcels/items?datetime=2025-01-01T00:00:00Z/..").status, 200);
        // After refusals, the layer still reads (nothing lost, no leaked dataset).
        QCOMPARE(get("/ogc/collections/parcels/items?limit=1").json().value("numberMatched", -1), 240);
    }

    void contentNegotiation()
    {
        QCOMPARE(get("/ogc/collections/parcels/items?f=html").status, 406);
        QCOMPARE(get("/ogc/collections?f=xml").status, 406);
        QCOMPARE(get("/ogc/collections/parcels/items", {{"Accept", "text/html"}}).status, 406);
        QCOMPARE(get("/ogc", {{"Accept", "application/xml, text/html;q=0.9"}}).status, 406);
        QCOMPARE(get("/ogc", {{"Accept", "application/json;q=0, text/html"}}).status, 406);
        const auto refused = get("/ogc/collections/parcels/items/1", {{"Accept", "text/csv"}});
        QCOMPARE(refused.status, 406);
        QVERIFY(refused.isProblem());

        QCOMPARE(get("/ogc/collections/parcels/items?f=json").status, 200);
        QCOMPARE(get("/ogc/collections/parcels/items", {{"Accept", "application/geo+json"}}).status, 200);
        QCOMPARE(get("/ogc/collections", {{"Accept", "application/json"}}).status, 200);
        QCOMPARE(get("/ogc", {{"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"}}).status, 200);
    }

    void linksHonourTheReverseProxy()
    {
        const json doc = get("/ogc/collections/parcels/items?limit=5",
                             {{"X-Forwarded-Proto", "https"}, {"X-Forwarded-Host", "gis.example.cn"}})
                             .json();
        QCOMPARE(linkHref(doc, "next"),
                 std::string("https://gis.example.cn/ogc/collections/parcels/items?limit=5&offset=5&after=5"));
        const json landing = get("/ogc", {{"X-Forwarded-Proto", "https, http"},
                                          {"X-Forwarded-Host", "gis.example.cn:8443"},
                                          {"X-Forwarded-Prefix", "/spgl"}})
                                 .json();
        QCOMPARE(linkHref(landing, "data"), std::string("https://gis.example.cn:8443/spgl/ogc/collections"));
        // A forged host with odd characters is not echoed into links.
        const json forged = get("/ogc", {{"X-Forwarded-Host", "evil.example/\"><script>"}}).json();
        QCOMPARE(linkHref(forged, "self"), "http://127.0.0.1:" + std::to_string(m_server.port()) + "/ogc");
    }

    void staffTokenRequiredByDefault()
    {
        const auto anonymous = m_server.get("/ogc/collections");
        QCOMPARE(anonymous.status, 401);
        QVERIFY(anonymous.isProblem());
        QCOMPARE(m_server.get("/ogc/collections/parcels/items").status, 401);
        const std::string applicant = m_server.login("applicant");
        QVERIFY(!applicant.empty());
        QCOMPARE(m_server.get("/ogc/collections", applicant).status, 403);
        QCOMPARE(m_server.get("/ogc/collections", m_server.login("supervisor")).status, 200);
        // The REST API's OpenAPI document still builds, without the /ogc routes (they have /ogc/api).
        const auto openapi = m_server.get("/api/v1/openapi.json");
        QCOMPARE(openapi.status, 200);
        QVERIFY(openapi.json()["paths"].contains("/api/v1/health"));
        QVERIFY(!openapi.json()["paths"].contains("/ogc/collections"));
    }

    void publicModeIsReadByGdalOapif()
    {
        QCOMPARE(m_server.stop(), 0);
        QVERIFY2(m_server.start({QStringLiteral("--ogc-public")}), qPrintable(m_server.lastError()));
        QCOMPARE(m_server.get("/ogc/collections").status, 200);
        QCOMPARE(m_server.get("/ogc/collections/parcels/items/17").status, 200);
        // Read-only: no other method is routed.
        QCOMPARE(
            m_server.request("POST", "/ogc/collections/parcels/items", "{}", {{"Content-Type", "application/json"}})
                .status,
            405);
        // The rest of the API still wants a login.
        QCOMPARE(m_server.get("/api/v1/cases").status, 401);
        QCOMPARE(lintApiDocument(), 0); // the public variant (no security scheme)

        const QString url = QStringLiteral("OAPIF:http://127.0.0.1:%1/ogc").arg(m_server.port());
        const QString summary = ogrinfo({QStringLiteral("-ro"), QStringLiteral("-so"), url, QStringLiteral("parcels")});
        QVERIFY2(summary.contains(QStringLiteral("Feature Count: 240")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("name: String")), qPrintable(summary));
        // Every feature through GDAL's paging, and one feature's value.
        const QString all = ogrinfo({QStringLiteral("-ro"), QStringLiteral("-q"), url, QStringLiteral("parcels")});
        QCOMPARE(all.count(QStringLiteral("OGRFeature(parcels)")), 240);
        QVERIFY2(all.contains(QStringLiteral("name (String) = 地块-17\n")), qPrintable(all.left(2000)));
        // A spatial filter: GDAL sends bbox, the server's answer is what GDAL counts.
        const QString filtered = ogrinfo({QStringLiteral("-ro"), QStringLiteral("-so"), QStringLiteral("-spat"),
                                          QStringLiteral("87.555"), QStringLiteral("43.833"), QStringLiteral("87.6251"),
                                          QStringLiteral("43.8749"), url, QStringLiteral("parcels")});
        QVERIFY2(filtered.contains(QStringLiteral("Feature Count: 40")), qPrintable(filtered));
    }

    void publicModeFromTheEnvironment()
    {
        TestServer other;
        QDir().mkpath(other.dataDir());
        qputenv("SPGL_OGC_PUBLIC", "1");
        const bool started = other.start();
        qunsetenv("SPGL_OGC_PUBLIC");
        QVERIFY2(started, qPrintable(other.lastError()));
        const auto reply = other.get("/ogc/collections");
        QCOMPARE(reply.status, 200);
        for (const auto &c : reply.json()["collections"]) // only the catalog's synthetic demo layers
            QVERIFY2(c.value("id", "").rfind("demo_", 0) == 0, c.dump().c_str());
        QCOMPARE(other.get("/ogc/collections/parcels/items").status, 404);
    }

private:
    TestServer m_server;
    std::string m_token;
};

QTEST_GUILESS_MAIN(tst_Ogc)
#include "tst_ogc.moc"
