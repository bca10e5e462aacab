// LayerImporter on real files written with GDAL in a temporary directory: Shapefiles (zipped,
// as a directory, projected in a Gauss–Krüger zone, without .prj), GeoJSON, GeoTIFF, and broken
// inputs (a self-intersecting bowtie, a truncated file, a wrong extension, no features).
#include "geo/gdalsession.h"
#include "geo/layerimporter.h"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

using namespace spgl::geo;
namespace fs = std::filesystem;

namespace {

struct Shape
{
    std::string wkt; ///< in EPSG:4490 lon/lat
    std::string name;
};

using DatasetPtr = std::unique_ptr<GDALDataset>;

DatasetPtr openVector(const std::string &path)
{
    return DatasetPtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

std::unique_ptr<OGRGeometry> geometry(const std::string &wkt)
{
    OGRGeometry *g = nullptr;
    OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g);
    return std::unique_ptr<OGRGeometry>(g);
}

OGRSpatialReference srs(int epsg)
{
    OGRSpatialReference s;
    s.importFromEPSG(epsg);
    s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return s;
}

/// Writes a polygon Shapefile @p dir/@p name.shp whose coordinates are @p shapes transformed
/// from EPSG:4490 into @p epsg; UTF-8 attributes (with a .cpg).
void writeShapefile(const std::string &dir, const std::string &name, const std::vector<Shape> &shapes, int epsg)
{
    fs::create_directories(dir);
    auto *driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    DatasetPtr ds(driver->Create((dir + "/" + name + ".shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    QVERIFY(ds);
    auto target = srs(epsg);
    auto source = srs(4490);
    char **options = CSLSetNameValue(nullptr, "ENCODING", "UTF-8");
    OGRLayer *layer = ds->CreateLayer(name.c_str(), &target, wkbPolygon, options);
    CSLDestroy(options);
    QVERIFY(layer);
    OGRFieldDefn field("mc", OFTString);
    field.SetWidth(80);
    QCOMPARE(layer->CreateField(&field), OGRERR_NONE);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&source, &target));
    for (const auto &s : shapes) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("mc", s.name.c_str());
        auto g = geometry(s.wkt);
        if (epsg != 4490)
            QCOMPARE(g->transform(ct.get()), OGRERR_NONE);
        f.SetGeometry(g.get());
        QCOMPARE(layer->CreateFeature(&f), OGRERR_NONE);
    }
}

void writeText(const std::string &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary) << text;
}

/// Zips the files of @p dir (flat) into @p zipPath.
void zipDirectory(const std::string &dir, const std::string &zipPath)
{
    void *zip = CPLCreateZip(zipPath.c_str(), nullptr);
    QVERIFY(zip);
    for (const auto &entry : fs::directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        QCOMPARE(CPLCreateFileInZip(zip, ("shp/" + entry.path().filename().string()).c_str(), nullptr), CE_None);
        QCOMPARE(CPLWriteFileInZip(zip, data.data(), int(data.size())), CE_None);
        QCOMPARE(CPLCloseFileInZip(zip), CE_None);
    }
    QCOMPARE(CPLCloseZip(zip), CE_None);
}

std::string square(double lon, double lat, double d)
{
    return "POLYGON((" + std::to_string(lon) + " " + std::to_string(lat) + "," + std::to_string(lon + d) + " "
           + std::to_string(lat) + "," + std::to_string(lon + d) + " " + std::to_string(lat + d) + ","
           + std::to_string(lon) + " " + std::to_string(lat + d) + "," + std::to_string(lon) + " " + std::to_string(lat)
           + "))";
}

nlohmann::json feature(int id, const nlohmann::json &coordinates, const std::string &type = "Polygon")
{
    return {{"type", "Feature"},
            {"id", id},
            {"properties", {{"mc", "要素" + std::to_string(id)}}},
            {"geometry", {{"type", type}, {"coordinates", coordinates}}}};
}

nlohmann::json collection(const std::vector<nlohmann::json> &features)
{
    return {{"type", "FeatureCollection"}, {"features", features}};
}

/// Area of every feature of @p path's first layer in EPSG:4538 (GK zone 29, CM 87°E).
double gkArea(const std::string &path)
{
    auto ds = openVector(path);
    auto target = srs(4538);
    OGRLayer *layer = ds->GetLayer(0);
    OGRSpatialReference source(*layer->GetSpatialRef());
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&source, &target));
    double sum = 0;
    for (auto &f : *layer) {
        std::unique_ptr<OGRGeometry> g(f->GetGeometryRef()->clone());
        g->transform(ct.get());
        sum += g->toMultiPolygon()->get_Area();
    }
    return sum;
}

} // namespace

class TestLayerImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const std::string &name) const
    {
        return m_dir.filePath(QString::fromStdString(name)).toStdString();
    }
    bool outputExists(const std::string &base) const
    {
        return fs::exists(base + ".gpkg") || fs::exists(base + ".tif") || fs::exists(base + ".part.gpkg");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ensureGdal();
    }

    void zippedShapefileInWgs84IsReprojectedWithItsChineseAttributes()
    {
        writeShapefile(path("wgs"), "redline",
                       {{square(87.60, 43.80, 0.01), "天山北坡水源涵养区"}, {square(87.62, 43.80, 0.02), "南山森林"}},
                       4326);
        QVERIFY(fs::exists(path("wgs/redline.prj")));
        QVERIFY(fs::exists(path("wgs/redline.cpg")));
        zipDirectory(path("wgs"), path("redline.zip"));

        LayerImporter importer({"eco_redline", "测试红线", 0.01});
        auto result = importer.importFile(path("redline.zip"), path("out/wgs"));
        QVERIFY2(result.ok(), result ? "" : result.error().message.c_str());
        const ImportReport &r = *result;
        QCOMPARE(r.outputPath, path("out/wgs.gpkg"));
        QCOMPARE(r.driver, std::string("ESRI Shapefile"));
        QCOMPARE(r.sourceCrs, std::string("EPSG:4326"));
        QVERIFY(r.reprojected);
        QCOMPARE(r.featureCount, int64_t(2));
        QCOMPARE(r.geometryType, std::string("Multi Polygon"));
        QVERIFY(r.rejected.empty() && r.repaired.empty());
        QVERIFY(std::abs(r.bbox[0] - 87.60) < 1e-5 && std::abs(r.bbox[3] - 43.82) < 1e-5);

        auto ds = openVector(r.outputPath);
        QVERIFY(ds);
        OGRLayer *layer = ds->GetLayerByName("eco_redline");
        QVERIFY(layer);
        QCOMPARE(std::string(layer->GetSpatialRef()->GetAuthorityCode(nullptr)), std::string("4490"));
        QCOMPARE(layer->GetFeatureCount(), GIntBig(2));
        std::set<std::string> names;
        for (auto &f : *layer) {
            names.insert(f->GetFieldAsString("mc"));
            QCOMPARE(wkbFlatten(f->GetGeometryRef()->getGeometryType()), wkbMultiPolygon);
        }
        QCOMPARE(names, (std::set<std::string>{"天山北坡水源涵养区", "南山森林"}));
    }

    void gaussKrugerShapefileDirectoryKeepsItsArea()
    {
        // Drawn in lon/lat, stored in CGCS2000 GK zone 29 (EPSG:4538) as surveyors deliver it.
        const std::vector<Shape> shapes{{square(87.55, 43.85, 0.015), "地块一"},
                                        {square(87.58, 43.86, 0.004), "地块二"}};
        writeShapefile(path("gk"), "parcels", shapes, 4538);
        const double expected = gkArea(path("gk/parcels.shp"));
        QVERIFY(expected > 1e6);

        auto result = LayerImporter().importFile(path("gk"), path("out/gk"));
        QVERIFY2(result.ok(), result ? "" : result.error().message.c_str());
        QCOMPARE(result->sourceCrs, std::string("EPSG:4538"));
        QVERIFY(result->reprojected);
        QCOMPARE(result->featureCount, int64_t(2));
        // Back in lon/lat and measured again in the zone: the same area (a round trip of the projection).
        QVERIFY(std::abs(gkArea(result->outputPath) / expected - 1) < 1e-6);
        QVERIFY(std::abs(result->bbox[0] - 87.55) < 1e-6);
        QVERIFY(std::abs(result->bbox[1] - 43.85) < 1e-6);
    }

    void geoJsonPolygonsAndMultiPolygons()
    {
        const nlohmann::json a = {{{87.6, 43.8}, {87.61, 43.8}, {87.61, 43.81}, {87.6, 43.81}, {87.6, 43.8}}};
        const nlohmann::json b = {{{{87.7, 43.8}, {87.71, 43.8}, {87.71, 43.81}, {87.7, 43.8}}},
                                  {{{87.72, 43.8}, {87.73, 43.8}, {87.73, 43.81}, {87.72, 43.8}}}};
        writeText(path("zones.geojson"), collection({feature(1, a), feature(2, b, "MultiPolygon")}).dump());
        std::vector<double> told;
        LayerImporter::Options options;
        options.progress = [&told](double f, const std::string &) { told.push_back(f); };
        auto result = LayerImporter(options).importFile(path("zones.geojson"), path("out/zones"));
        QVERIFY2(result.ok(), result ? "" : result.error().message.c_str());
        QVERIFY(!told.empty() && std::is_sorted(told.begin(), told.end()));
        QCOMPARE(result->driver, std::string("GeoJSON"));
        QCOMPARE(result->featureCount, int64_t(2));
        QCOMPARE(result->sourceFeatures, int64_t(2));
        auto ds = openVector(result->outputPath);
        OGRLayer *layer = ds->GetLayer(0);
        QCOMPARE(wkbFlatten(layer->GetGeomType()), wkbMultiPolygon);
        auto second = OGRFeatureUniquePtr(layer->GetFeature(2));
        QVERIFY(second);
        QCOMPARE(second->GetGeometryRef()->toMultiPolygon()->getNumGeometries(), 2);
        QCOMPARE(std::string(second->GetFieldAsString("mc")), std::string("要素2"));

        // The report as the API gives it.
        const nlohmann::json j = *result;
        QCOMPARE(j["feature_count"].get<int>(), 2);
        QCOMPARE(j["crs"].get<std::string>(), std::string("EPSG:4490"));
    }

    void shapefileWithoutCpgIsReadAsGbk()
    {
        // Written in GBK, as many Chinese tools do, and delivered without its .cpg.
        fs::create_directories(path("gbk"));
        {
            auto *driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
            DatasetPtr ds(driver->Create(path("gbk/xzq.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            auto s = srs(4490);
            char **options = CSLSetNameValue(nullptr, "ENCODING", "CP936");
            OGRLayer *layer = ds->CreateLayer("xzq", &s, wkbPolygon, options);
            CSLDestroy(options);
            OGRFieldDefn field("名称", OFTString);
            QCOMPARE(layer->CreateField(&field), OGRERR_NONE);
            OGRFeature f(layer->GetLayerDefn());
            f.SetField(0, "天山区");
            f.SetGeometry(geometry(square(87.6, 43.8, 0.01)).get());
            QCOMPARE(layer->CreateFeature(&f), OGRERR_NONE);
        }
        fs::remove(path("gbk/xzq.cpg"));
        fs::remove(path("gbk/xzq.CPG"));
        {
            std::ifstream dbf(path("gbk/xzq.dbf"), std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(dbf)), std::istreambuf_iterator<char>());
            QVERIFY(bytes.find("\xCC\xEC\xC9\xBD\xC7\xF8") != std::string::npos); // 天山区 in GBK
        }
        auto result = LayerImporter().importFile(path("gbk/xzq.shp"), path("out/gbk"));
        QVERIFY2(result.ok(), result ? "" : result.error().message.c_str());
        auto ds = openVector(result->outputPath);
        OGRFeatureUniquePtr f(ds->GetLayer(0)->GetNextFeature());
        QVERIFY(f);
        QCOMPARE(ds->GetLayer(0)->GetLayerDefn()->GetFieldIndex("名称"), 0);
        QCOMPARE(std::string(f->GetFieldAsString(0)), std::string("天山区"));
    }

    void fileGdbDirectoryAndZip()
    {
        auto *driver = GetGDALDriverManager()->GetDriverByName("OpenFileGDB");
        if (!driver || !driver->GetMetadataItem(GDAL_DCAP_CREATE))
            QSKIP("this GDAL cannot write FileGDB");
        {
            DatasetPtr ds(driver->Create(path("zones.gdb").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            QVERIFY(ds);
            auto s = srs(4490);
            OGRLayer *layer = ds->CreateLayer("kfq", &s, wkbMultiPolygon, nullptr);
            QVERIFY(layer);
            OGRFieldDefn field("pgqy", OFTString);
            QCOMPARE(layer->CreateField(&field), OGRERR_NONE);
            for (int i = 0; i < 3; ++i) {
                OGRFeature f(layer->GetLayerDefn());
                f.SetField("pgqy", ("开发区 " + std::to_string(i + 1)).c_str());
                f.SetGeometryDirectly(
                    OGRGeometryFactory::forceToMultiPolygon(geometry(square(87.5 + i * 0.02, 43.87, 0.01)).release()));
                QCOMPARE(layer->CreateFeature(&f), OGRERR_NONE);
            }
        }
        auto dir = LayerImporter().importFile(path("zones.gdb"), path("out/gdb"));
        QVERIFY2(dir.ok(), dir ? "" : dir.error().message.c_str());
        QCOMPARE(dir->driver, std::string("OpenFileGDB"));
        QCOMPARE(dir->featureCount, int64_t(3));
        QVERIFY(!dir->reprojected);

        // The same folder zipped, as it is uploaded.
        void *zip = CPLCreateZip(path("zones.gdb.zip").c_str(), nullptr);
        for (const auto &entry : fs::directory_iterator(path("zones.gdb"))) {
            std::ifstream in(entry.path(), std::ios::binary);
            const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            QCOMPARE(CPLCreateFileInZip(zip, ("zones.gdb/" + entry.path().filename().string()).c_str(), nullptr),
                     CE_None);
            QCOMPARE(CPLWriteFileInZip(zip, data.data(), int(data.size())), CE_None);
            QCOMPARE(CPLCloseFileInZip(zip), CE_None);
        }
        QCOMPARE(CPLCloseZip(zip), CE_None);
        auto zipped = LayerImporter().importFile(path("zones.gdb.zip"), path("out/gdbzip"));
        QVERIFY2(zipped.ok(), zipped ? "" : zipped.error().message.c_str());
        QCOMPARE(zipped->featureCount, int64_t(3));
        auto ds = openVector(zipped->outputPath);
        std::set<std::string> names;
        for (auto &f : *ds->GetLayer(0))
            names.insert(f->GetFieldAsString("pgqy"));
        QCOMPARE(names, (std::set<std::string>{"开发区 1", "开发区 2", "开发区 3"}));
    }

    void shapefileWithoutPrjIsRefused()
    {
        writeShapefile(path("noprj"), "sites", {{square(87.6, 43.8, 0.01), "无坐标系"}}, 4490);
        fs::remove(path("noprj/sites.prj"));
        zipDirectory(path("noprj"), path("noprj.zip"));
        auto result = LayerImporter().importFile(path("noprj.zip"), path("out/noprj"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, std::string("geo.import.no_crs"));
        QVERIFY2(result.error().message.find(".prj") != std::string::npos, result.error().message.c_str());
        QVERIFY(!outputExists(path("out/noprj")));
    }

    void unknownCrsIsRefused()
    {
        writeShapefile(path("local"), "sites", {{square(87.6, 43.8, 0.01), "局部坐标"}}, 4490);
        writeText(path("local/sites.prj"), R"(LOCAL_CS["工地独立坐标系",UNIT["metre",1]])");
        auto result = LayerImporter().importFile(path("local/sites.shp"), path("out/local"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, std::string("geo.import.crs"));
        QVERIFY(!outputExists(path("out/local")));
    }

    void selfIntersectionsAreRepairedWhenSafeAndReportedByFid()
    {
        const nlohmann::json valid = {{{87.6, 43.8}, {87.61, 43.8}, {87.61, 43.81}, {87.6, 43.81}, {87.6, 43.8}}};
        // A bowtie: its two lobes cancel out, MakeValid would invent area — refused.
        const nlohmann::json bowtie = {{{87.62, 43.8}, {87.63, 43.81}, {87.63, 43.8}, {87.62, 43.81}, {87.62, 43.8}}};
        // A square whose last edge overshoots the first one by a hair: a tiny loop, repaired.
        const nlohmann::json loop
            = {{{87.64, 43.8}, {87.65, 43.8}, {87.65, 43.81}, {87.64, 43.81}, {87.6401, 43.7999}, {87.64, 43.8}}};
        writeText(path("mixed.geojson"), collection({feature(1, valid), feature(2, bowtie), feature(3, loop)}).dump());

        auto result = LayerImporter().importFile(path("mixed.geojson"), path("out/mixed"));
        QVERIFY2(result.ok(), result ? "" : result.error().message.c_str());
        QCOMPARE(result->featureCount, int64_t(2));
        QCOMPARE(result->rejected.size(), size_t(1));
        QCOMPARE(result->rejected[0].fid, int64_t(2));
        QVERIFY2(result->rejected[0].reason.find("自相交") != std::string::npos, result->rejected[0].reason.c_str());
        QVERIFY2(result->rejected[0].reason.find("无法安全修复") != std::string::npos,
                 result->rejected[0].reason.c_str());
        QCOMPARE(result->repaired.size(), size_t(1));
        QCOMPARE(result->repaired[0].fid, int64_t(3));
        QVERIFY(result->repaired[0].reason.find("已自动修复") != std::string::npos);

        // What was written is valid and the repaired parcel kept its area.
        auto ds = openVector(result->outputPath);
        for (auto &f : *ds->GetLayer(0))
            QVERIFY(f->GetGeometryRef()->IsValid());
    }

    void onlyInvalidFeaturesIsRefusedNamingThem()
    {
        const nlohmann::json bowtie = {{{87.62, 43.8}, {87.63, 43.81}, {87.63, 43.8}, {87.62, 43.81}, {87.62, 43.8}}};
        writeText(path("bowtie.geojson"), collection({feature(7, bowtie)}).dump());
        auto result = LayerImporter().importFile(path("bowtie.geojson"), path("out/bowtie"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, std::string("geo.import.empty"));
        QVERIFY2(result.error().message.find("FID 7") != std::string::npos, result.error().message.c_str());
        QVERIFY(!outputExists(path("out/bowtie")));
    }

    void emptyCollectionIsRefused()
    {
        writeText(path("empty.geojson"), collection({}).dump());
        auto result = LayerImporter().importFile(path("empty.geojson"), path("out/empty"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, std::string("geo.import.empty"));
    }

    void truncatedFilesAreRefused()
    {
        // GeoJSON cut in the middle.
        std::vector<nlohmann::json> features;
        for (int i = 1; i <= 50; ++i)
            features.push_back(feature(i, {{{87.6 + i * 0.01, 43.8},
                                            {87.605 + i * 0.01, 43.8},
                                            {87.605 + i * 0.01, 43.805},
                                            {87.6 + i * 0.01, 43.8}}}));
        const std::string text = collection(features).dump();
        writeText(path("cut.geojson"), text.substr(0, text.size() / 2));
        auto cut = LayerImporter().importFile(path("cut.geojson"), path("out/cut"));
        QVERIFY(!cut.ok());
        QCOMPARE(cut.error().code, std::string("geo.import.not_gis"));
        QVERIFY(!outputExists(path("out/cut")));

        // A Shapefile whose .shp lost its second half (its .shx still lists every record).
        std::vector<Shape> shapes;
        for (int i = 0; i < 40; ++i)
            shapes.push_back({square(87.5 + i * 0.01, 43.8, 0.005), "地块" + std::to_string(i)});
        writeShapefile(path("cutshp"), "parcels", shapes, 4490);
        const auto size = fs::file_size(path("cutshp/parcels.shp"));
        fs::resize_file(path("cutshp/parcels.shp"), size / 2);
        auto shp = LayerImporter().importFile(path("cutshp"), path("out/cutshp"));
        QVERIFY(!shp.ok());
        QCOMPARE(shp.error().code, std::string("geo.import.corrupt"));
        QVERIFY2(shp.error().message.find("损坏或不完整") != std::string::npos, shp.error().message.c_str());
        QVERIFY(!outputExists(path("out/cutshp")));
    }

    void wrongExtensionsAreJudgedByContent()
    {
        // Not a GIS file at all, named like one.
        writeText(path("notes.shp"), "项目说明：这不是 Shapefile\n");
        auto notShp = LayerImporter().importFile(path("notes.shp"), path("out/notes"));
        QVERIFY(!notShp.ok());
        QCOMPARE(notShp.error().code, std::string("geo.import.not_gis"));
        QVERIFY(notShp.error().message.find("不是可识别的 GIS 文件") != std::string::npos);

        writeText(path("picture.geojson"), std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0'));
        auto png = LayerImporter().importFile(path("picture.geojson"), path("out/picture"));
        QVERIFY(!png.ok());
        QCOMPARE(png.error().code, std::string("geo.import.not_gis"));

        // A zip with no GIS file in it.
        void *zip = CPLCreateZip(path("docs.zip").c_str(), nullptr);
        QCOMPARE(CPLCreateFileInZip(zip, "readme.txt", nullptr), CE_None);
        QCOMPARE(CPLWriteFileInZip(zip, "hello", 5), CE_None);
        QCOMPARE(CPLCloseFileInZip(zip), CE_None);
        QCOMPARE(CPLCloseZip(zip), CE_None);
        auto docs = LayerImporter().importFile(path("docs.zip"), path("out/docs"));
        QVERIFY(!docs.ok());
        QCOMPARE(docs.error().code, std::string("geo.import.not_gis"));
        QVERIFY(docs.error().message.find("压缩包") != std::string::npos);

        // Real GeoJSON under a misleading name still imports: GDAL reads the content.
        const nlohmann::json ring = {{{87.6, 43.8}, {87.61, 43.8}, {87.61, 43.81}, {87.6, 43.8}}};
        writeText(path("export.txt"), collection({feature(1, ring)}).dump());
        auto txt = LayerImporter().importFile(path("export.txt"), path("out/txt"));
        QVERIFY2(txt.ok(), txt ? "" : txt.error().message.c_str());
        QCOMPARE(txt->featureCount, int64_t(1));
    }

    void vrtIsNotFollowed()
    {
        // A VRT could read any file of the server: not an allowed driver.
        writeText(path("evil.vrt"), "<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>" + path("mixed.geojson")
                                        + "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>");
        auto result = LayerImporter().importFile(path("evil.vrt"), path("out/evil"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, std::string("geo.import.not_gis"));
    }

    void imageryBecomesCgcs2000GeoPackageWithOverviews()
    {
        auto *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
        {
            DatasetPtr ds(driver->Create(path("image.tif").c_str(), 1200, 800, 3, GDT_Byte, nullptr));
            double gt[6] = {87.5, 0.0001, 0, 43.9, 0, -0.0001};
            ds->SetGeoTransform(gt);
            auto s = srs(4326);
            ds->SetSpatialRef(&s);
            std::vector<uint8_t> row(1200);
            for (int y = 0; y < 800; ++y) {
                for (int x = 0; x < 1200; ++x)
                    row[size_t(x)] = uint8_t((x + y) % 256);
                for (int b = 1; b <= 3; ++b)
                    QCOMPARE(
                        ds->GetRasterBand(b)->RasterIO(GF_Write, 0, y, 1200, 1, row.data(), 1200, 1, GDT_Byte, 0, 0),
                        CE_None);
            }
        }
        // Progress goes forward through the reprojection, then the overviews.
        std::vector<std::pair<double, std::string>> told;
        LayerImporter::Options options;
        options.progress = [&told](double f, const std::string &step) { told.emplace_back(f, step); };
        auto result = LayerImporter(options).importFile(path("image.tif"), path("out/image"));
        QVERIFY2(result.ok(), result ? "" : result.error().message.c_str());
        QVERIFY(result->raster);
        QVERIFY(told.size() >= 3);
        QVERIFY(
            std::is_sorted(told.begin(), told.end(), [](const auto &a, const auto &b) { return a.first < b.first; }));
        QCOMPARE(told.front().second, std::string("重投影影像"));
        QCOMPARE(told.back().second, std::string("生成影像金字塔"));
        QVERIFY(told.back().first > 0.9 && told.back().first <= 1.0);
        // 8-bit imagery becomes a GeoPackage raster, like the vector layers.
        QCOMPARE(result->format, std::string("gpkg_raster"));
        QCOMPARE(result->outputPath, path("out/image.gpkg"));
        QVERIFY(result->overviewCount >= 2);
        QVERIFY(std::abs(result->bbox[0] - 87.5) < 1e-3 && std::abs(result->bbox[3] - 43.9) < 1e-3);
        DatasetPtr out(GDALDataset::Open(result->outputPath.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        QVERIFY(out);
        QCOMPARE(std::string(out->GetDriver()->GetDescription()), std::string("GPKG"));
        QCOMPARE(std::string(out->GetSpatialRef()->GetAuthorityCode(nullptr)), std::string("4490"));
        QCOMPARE(out->GetRasterBand(1)->GetOverviewCount(), result->overviewCount);
        QCOMPARE(out->GetRasterCount(), 4); // RGB with alpha outside the image
        // The pixels survive (JPEG tiles: within a few levels), the image is opaque inside.
        {
            std::uint8_t px[4] = {0, 0, 0, 0};
            for (int b = 1; b <= 4; ++b)
                QCOMPARE(out->GetRasterBand(b)->RasterIO(GF_Read, 600, 400, 1, 1, &px[b - 1], 1, 1, GDT_Byte, 0, 0),
                         CE_None);
            QVERIFY2(std::abs(int(px[0]) - (600 + 400) % 256) <= 8, std::to_string(px[0]).c_str());
            QCOMPARE(int(px[3]), 255);
        }
        QCOMPARE(LayerImporter::describe(result->outputPath)->format, std::string("gpkg_raster"));

        // A 16-bit elevation-like raster cannot be a GeoPackage raster: it stays a tiled GeoTIFF.
        {
            DatasetPtr ds(driver->Create(path("dem.tif").c_str(), 300, 200, 1, GDT_UInt16, nullptr));
            double gt[6] = {87.5, 0.0005, 0, 43.9, 0, -0.0005};
            ds->SetGeoTransform(gt);
            auto s = srs(4490);
            ds->SetSpatialRef(&s);
        }
        auto dem = LayerImporter().importFile(path("dem.tif"), path("out/dem"));
        QVERIFY2(dem.ok(), dem ? "" : dem.error().message.c_str());
        QCOMPARE(dem->format, std::string("gtiff"));
        QCOMPARE(dem->outputPath, path("out/dem.tif"));
        QVERIFY(!fs::exists(path("out/dem.gpkg")));

        // A picture without georeference is refused.
        {
            DatasetPtr ds(driver->Create(path("plain.tif").c_str(), 64, 64, 1, GDT_Byte, nullptr));
        }
        auto plain = LayerImporter().importFile(path("plain.tif"), path("out/plain"));
        QVERIFY(!plain.ok());
        QCOMPARE(plain.error().code, std::string("geo.import.no_crs"));
    }
};

QTEST_GUILESS_MAIN(TestLayerImporter)
#include "tst_layerimporter.moc"
