#include "geo/demolayergenerator.h"

#include "geo/gdalsession.h"
#include "geo/geoscontext.h"
#include "geo/landuseclass.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <filesystem>
#include <memory>

namespace spgl::geo {

namespace {

using Ring = std::vector<std::array<double, 2>>;

constexpr double kPi = 3.14159265358979323846;
constexpr double kCenterLon = 87.617;
constexpr double kCenterLat = 43.826;
// The whole study area (districts, imagery) and the planned area (land-use parcels).
constexpr double kAreaMinLon = 87.30, kAreaMaxLon = 87.95, kAreaMinLat = 43.55, kAreaMaxLat = 44.10;
constexpr double kPlanMinLon = 87.45, kPlanMaxLon = 87.80, kPlanMinLat = 43.70, kPlanMaxLat = 43.98;
constexpr double kRiverHalfWidth = 0.0022; // degrees of longitude, about 175 m
constexpr double kRiverStartLat = 43.64, kRiverEndLat = 44.06;
const char *const kSynthetic = "合成演示数据（synthetic demo data, not a real plan）";

/// splitmix64: the same numbers on every platform.
class Rng
{
public:
    explicit Rng(uint64_t seed)
        : m_state(seed)
    {}
    uint64_t next()
    {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

private:
    uint64_t m_state;
};

double hashUnit(uint64_t seed, int64_t a, int64_t b)
{
    Rng r(seed ^ (uint64_t(a) * 0x9E3779B97F4A7C15ull) ^ (uint64_t(b) * 0xC2B2AE3D27D4EB4Full));
    r.next();
    return r.uniform();
}

double kmToLon(double km, double lat)
{
    return km / (111.49 * std::cos(lat * kPi / 180.0)); // parallel degree on the ellipsoid
}
double kmToLat(double km)
{
    return km / 111.10; // meridian degree at about 44°N
}

double riverLon(double lat)
{
    return 87.586 + 0.010 * std::sin((lat - 43.60) * 22.0) + 0.004 * std::sin((lat - 43.60) * 61.0);
}

bool inRiver(double lon, double lat, double margin = 0.0)
{
    return lat >= kRiverStartLat && lat <= kRiverEndLat && std::abs(lon - riverLon(lat)) < kRiverHalfWidth + margin;
}

/// A star-shaped irregular ring around (lon, lat) with radius about @p km.
Ring blob(Rng &rng, double lon, double lat, double km, int vertices = 28)
{
    Ring ring;
    const double p1 = rng.uniform(0, 2 * kPi), p2 = rng.uniform(0, 2 * kPi);
    for (int k = 0; k < vertices; ++k) {
        const double t = 2 * kPi * k / vertices;
        const double r = km * (0.82 + 0.12 * std::sin(3 * t + p1) + 0.06 * std::sin(5 * t + p2));
        ring.push_back({lon + kmToLon(r * std::cos(t), lat), lat + kmToLat(r * std::sin(t))});
    }
    ring.push_back(ring.front());
    return ring;
}

Ring urbanRing(uint64_t seed)
{
    Rng rng(seed ^ 0x5151);
    Ring ring;
    const double p1 = rng.uniform(0, 2 * kPi), p2 = rng.uniform(0, 2 * kPi);
    const int n = 72;
    for (int k = 0; k < n; ++k) {
        const double t = 2 * kPi * k / n;
        const double r = 10.5 * (1 + 0.22 * std::sin(3 * t + p1) + 0.08 * std::sin(7 * t + p2));
        ring.push_back(
            {kCenterLon + kmToLon(r * std::cos(t), kCenterLat), kCenterLat + kmToLat(r * 1.15 * std::sin(t))});
    }
    ring.push_back(ring.front());
    return ring;
}

bool pointInRing(const Ring &ring, double x, double y)
{
    bool inside = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const auto &a = ring[i];
        const auto &b = ring[j];
        if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0])
            inside = !inside;
    }
    return inside;
}

Ring riverRing()
{
    Ring ring;
    const int n = 120;
    for (int k = 0; k <= n; ++k) {
        const double lat = kRiverStartLat + (kRiverEndLat - kRiverStartLat) * k / n;
        ring.push_back({riverLon(lat) - kRiverHalfWidth, lat});
    }
    for (int k = n; k >= 0; --k) {
        const double lat = kRiverStartLat + (kRiverEndLat - kRiverStartLat) * k / n;
        ring.push_back({riverLon(lat) + kRiverHalfWidth, lat});
    }
    ring.push_back(ring.front());
    return ring;
}

Ring rect(double lon, double lat, double wKm, double hKm)
{
    const double dx = kmToLon(wKm / 2, lat), dy = kmToLat(hKm / 2);
    return {
        {lon - dx, lat - dy}, {lon + dx, lat - dy}, {lon + dx, lat + dy}, {lon - dx, lat + dy}, {lon - dx, lat - dy}};
}

OGRMultiPolygon *toMultiPolygon(const Ring &ring)
{
    auto *lr = new OGRLinearRing;
    lr->setNumPoints(int(ring.size()), FALSE);
    for (size_t i = 0; i < ring.size(); ++i)
        lr->setPoint(int(i), ring[i][0], ring[i][1]);
    auto *poly = new OGRPolygon;
    poly->addRingDirectly(lr);
    auto *multi = new OGRMultiPolygon;
    multi->addGeometryDirectly(poly);
    return multi;
}

/// The land-use class of a plan parcel centred at (lon, lat).
std::string_view parcelClass(uint64_t seed, const Ring &urban, double lon, double lat, bool road)
{
    if (inRiver(lon, lat, 0.0004))
        return "1701";
    const bool urbanArea = pointInRing(urban, lon, lat);
    if (road && urbanArea)
        return "1207";
    const double u = hashUnit(seed, int64_t(std::floor(lon / 0.012)), int64_t(std::floor(lat / 0.009)));
    if (urbanArea) {
        const double dKm = std::hypot((lon - kCenterLon) * 80.4, (lat - kCenterLat) * 110.6);
        if (dKm < 2.8)
            return u < 0.40 ? "0901" : u < 0.60 ? "0902" : u < 0.82 ? "0701" : u < 0.93 ? "0801" : "1401";
        if ((lon < 87.545 && lat > 43.835) || lat > 43.925)
            return u < 0.55 ? "1001" : u < 0.80 ? "1101" : u < 0.90 ? "0701" : "1402";
        return u < 0.52   ? "0701"
               : u < 0.62 ? "0702"
               : u < 0.70 ? "0803"
               : u < 0.75 ? "0805"
               : u < 0.86 ? "1401"
               : u < 0.93 ? "0901"
               : u < 0.97 ? "1301"
                          : "16";
    }
    if (lat > 43.90)
        return u < 0.55 ? "0102" : u < 0.85 ? "0103" : u < 0.95 ? "0703" : "0301";
    if (lat < 43.745)
        return u < 0.50 ? "0401" : u < 0.85 ? "0301" : "23";
    return u < 0.40 ? "0103" : u < 0.70 ? "0401" : u < 0.85 ? "0703" : "0301";
}

struct FieldSpec
{
    const char *name;
    OGRFieldType type;
};

/// Creates a GeoPackage with one MultiPolygon layer in EPSG:4490 and the given fields.
Result<std::unique_ptr<GDALDataset>> createPolygonPackage(const std::string &path, const std::string &layerName,
                                                          const std::string &title,
                                                          const std::vector<FieldSpec> &fields)
{
    ensureGdal();
    GdalErrorCapture capture;
    std::error_code ec;
    std::filesystem::remove(path, ec);
    auto *driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    std::unique_ptr<GDALDataset> ds(driver ? driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!ds)
        return Error{"geo.demo.create", "无法创建演示图层文件 " + path + "：" + capture.joinedErrors(), ""};
    OGRSpatialReference srs;
    srs.importFromEPSG(4490);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    char **options = nullptr;
    options = CSLSetNameValue(options, "IDENTIFIER", title.c_str());
    options = CSLSetNameValue(options, "DESCRIPTION", kSynthetic);
    options = CSLSetNameValue(options, "SPATIAL_INDEX", "YES");
    OGRLayer *layer = ds->CreateLayer(layerName.c_str(), &srs, wkbMultiPolygon, options);
    CSLDestroy(options);
    if (!layer)
        return Error{"geo.demo.create", "无法创建图层 " + layerName + "：" + capture.joinedErrors(), ""};
    for (const auto &f : fields) {
        OGRFieldDefn defn(f.name, f.type);
        if (layer->CreateField(&defn) != OGRERR_NONE)
            return Error{"geo.demo.create", "无法创建字段 " + std::string(f.name), ""};
    }
    ds->SetMetadataItem("SYNTHETIC", "YES");
    return ds;
}

Status addFeature(OGRLayer *layer, OGRGeometry *geometry,
                  const std::vector<std::pair<const char *, std::string>> &values)
{
    OGRFeature feature(layer->GetLayerDefn());
    for (const auto &[name, value] : values)
        feature.SetField(name, value.c_str());
    feature.SetGeometryDirectly(geometry);
    if (layer->CreateFeature(&feature) != OGRERR_NONE)
        return Error{"geo.demo.write", "写入演示要素失败", ""};
    return {};
}

std::string simpleStyle(const char *fill, const char *stroke, double width)
{
    return nlohmann::json{{"fill", fill}, {"stroke", stroke}, {"stroke_width", width}}.dump();
}

std::string landUseStyle()
{
    nlohmann::json classes = nlohmann::json::array();
    for (const auto &c : landUseClasses())
        classes.push_back({{"value", c.code},
                           {"label", std::string(c.code) + " " + std::string(c.name)},
                           {"fill", std::string(c.color) + "CC"}});
    return nlohmann::json{{"fill", "#CCCCCCCC"},
                          {"stroke", "#606060"},
                          {"stroke_width", 0.4},
                          {"categorized", {{"field", "dlbm"}, {"classes", classes}}}}
        .dump();
}

struct District
{
    const char *code;
    const char *name;
    double lon, lat;
};

constexpr std::array<District, 8> kDistricts{{
    {"650102", "天山区", 87.650, 43.780},
    {"650103", "沙依巴克区", 87.560, 43.790},
    {"650104", "新市区", 87.570, 43.880},
    {"650105", "水磨沟区", 87.680, 43.850},
    {"650106", "头屯河区", 87.400, 43.860},
    {"650107", "达坂城区", 87.860, 43.620},
    {"650109", "米东区", 87.700, 44.010},
    {"650121", "乌鲁木齐县", 87.420, 43.620},
}};

Result<DemoLayerFile> writeDistricts(const std::string &dir)
{
    DemoLayerFile out{LayerKind::AdminDivision,
                      "demo_admin_division",
                      "行政区划（合成）",
                      dir + "/demo_admin_division.gpkg",
                      simpleStyle("#00000000", "#7F3FBF", 1.6),
                      "admin_division",
                      0};
    auto ds = createPolygonPackage(out.path, out.layerName, out.name, {{"xzqdm", OFTString}, {"xzqmc", OFTString}});
    if (!ds)
        return ds.error();
    GeosContext geos;
    auto *h = geos.handle();
    std::vector<GEOSGeometry *> points;
    for (const auto &d : kDistricts)
        points.push_back(GEOSGeom_createPointFromXY_r(h, d.lon, d.lat));
    auto seeds = geos.own(GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, points.data(), unsigned(points.size())));
    auto box = geos.own(GEOSGeom_createRectangle_r(h, kAreaMinLon, kAreaMinLat, kAreaMaxLon, kAreaMaxLat));
    auto cells = geos.own(GEOSVoronoiDiagram_r(h, seeds.get(), box.get(), 0.0, 0));
    if (!cells)
        return Error{"geo.demo.voronoi", "行政区划生成失败：" + geos.lastError(), ""};
    OGRLayer *layer = (*ds)->GetLayer(0);
    (*ds)->StartTransaction();
    for (const auto &d : kDistricts) {
        auto point = geos.own(GEOSGeom_createPointFromXY_r(h, d.lon, d.lat));
        for (int i = 0; i < GEOSGetNumGeometries_r(h, cells.get()); ++i) {
            const GEOSGeometry *cell = GEOSGetGeometryN_r(h, cells.get(), i);
            if (!GEOSContains_r(h, cell, point.get()))
                continue;
            auto clipped = geos.own(GEOSIntersection_r(h, cell, box.get()));
            const std::string wkb = geos.toWkb(clipped.get());
            OGRGeometry *g = nullptr;
            OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size());
            if (auto s
                = addFeature(layer, OGRGeometryFactory::forceToMultiPolygon(g), {{"xzqdm", d.code}, {"xzqmc", d.name}});
                !s)
                return s.error();
            ++out.featureCount;
        }
    }
    (*ds)->CommitTransaction();
    return out;
}

Result<DemoLayerFile> writeLandUse(const std::string &path, uint64_t seed, int nx, int ny)
{
    DemoLayerFile out{
        LayerKind::LandUsePlan, "demo_land_use", "国土空间规划·用地分类（合成）", path, landUseStyle(), "land_use", 0};
    auto ds = createPolygonPackage(out.path, out.layerName, out.name,
                                   {{"ghbh", OFTString}, {"dlbm", OFTString}, {"dlmc", OFTString}});
    if (!ds)
        return ds.error();
    OGRLayer *layer = (*ds)->GetLayer(0);
    const Ring urban = urbanRing(seed);
    const double dx = (kPlanMaxLon - kPlanMinLon) / nx, dy = (kPlanMaxLat - kPlanMinLat) / ny;
    const int roadEvery = std::max(4, nx / 40);
    Rng rng(seed ^ 0x1a2b);
    (*ds)->StartTransaction();
    int64_t n = 0;
    for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
            const double x0 = kPlanMinLon + i * dx, y0 = kPlanMinLat + j * dy;
            const bool road = (i % roadEvery == 0) || (j % roadEvery == 0);
            const std::string_view cls = parcelClass(seed, urban, x0 + dx / 2, y0 + dy / 2, road);
            Ring ring;
            if (road) {
                ring = {{x0, y0}, {x0 + dx, y0}, {x0 + dx, y0 + dy}, {x0, y0 + dy}, {x0, y0}};
            } else {
                const double g = 0.04;
                auto jx = [&] { return rng.uniform(g, g + 0.10) * dx; };
                auto jy = [&] { return rng.uniform(g, g + 0.10) * dy; };
                ring = {{x0 + jx(), y0 + jy()}, {x0 + dx - jx(), y0 + jy()}, {x0 + dx - jx(), y0 + dy - jy()}};
                if ((i + j) % 7 == 3) // a cut corner: some parcels are pentagons
                    ring.push_back({x0 + dx * 0.45, y0 + dy - jy()});
                ring.push_back({x0 + jx(), y0 + dy * 0.5 + rng.uniform(0, 0.3) * dy});
                ring.push_back(ring.front());
            }
            const auto info = landUseClass(cls);
            char id[32];
            std::snprintf(id, sizeof id, "GH-%07lld", static_cast<long long>(n + 1));
            if (auto s
                = addFeature(layer, toMultiPolygon(ring),
                             {{"ghbh", id}, {"dlbm", std::string(cls)}, {"dlmc", info ? std::string(info->name) : ""}});
                !s)
                return s.error();
            if (++n % 200000 == 0) {
                (*ds)->CommitTransaction();
                (*ds)->StartTransaction();
            }
        }
    }
    (*ds)->CommitTransaction();
    out.featureCount = n;
    return out;
}

Result<DemoLayerFile> writeEcoRedLine(const std::string &dir, uint64_t seed)
{
    DemoLayerFile out{LayerKind::EcologicalRedLine,
                      "demo_eco_redline",
                      "生态保护红线（合成）",
                      dir + "/demo_eco_redline.gpkg",
                      simpleStyle("#2E8B5780", "#1F6F1F", 1.2),
                      "eco_redline",
                      0};
    auto ds = createPolygonPackage(out.path, out.layerName, out.name, {{"hxmc", OFTString}, {"hxlx", OFTString}});
    if (!ds)
        return ds.error();
    OGRLayer *layer = (*ds)->GetLayer(0);
    Rng rng(seed ^ 0xec0);
    (*ds)->StartTransaction();
    struct Zone
    {
        const char *name, *type;
        double lon, lat, km;
    };
    const std::array<Zone, 4> zones{{{"天山北坡水源涵养区（合成）", "水源涵养", 87.40, 43.585, 4.2},
                                     {"南山森林生态区（合成）", "生物多样性维护", 87.56, 43.580, 4.0},
                                     {"东山水土保持区（合成）", "水土保持", 87.72, 43.595, 4.4},
                                     {"米东湿地（合成）", "湿地", 87.79, 44.045, 1.6}}};
    for (const auto &z : zones) {
        if (auto s
            = addFeature(layer, toMultiPolygon(blob(rng, z.lon, z.lat, z.km)), {{"hxmc", z.name}, {"hxlx", z.type}});
            !s)
            return s.error();
        ++out.featureCount;
    }
    if (auto s = addFeature(layer, toMultiPolygon(riverRing()),
                            {{"hxmc", "乌鲁木齐河生态廊道（合成）"}, {"hxlx", "河流廊道"}});
        !s)
        return s.error();
    ++out.featureCount;
    (*ds)->CommitTransaction();
    return out;
}

Result<DemoLayerFile> writeFarmland(const std::string &dir, uint64_t seed)
{
    DemoLayerFile out{LayerKind::BasicFarmland,
                      "demo_basic_farmland",
                      "永久基本农田（合成）",
                      dir + "/demo_basic_farmland.gpkg",
                      simpleStyle("#E6D23C80", "#A08C00", 0.8),
                      "basic_farmland",
                      0};
    auto ds = createPolygonPackage(out.path, out.layerName, out.name, {{"tbbh", OFTString}, {"dlbm", OFTString}});
    if (!ds)
        return ds.error();
    OGRLayer *layer = (*ds)->GetLayer(0);
    const Ring urban = urbanRing(seed);
    Rng rng(seed ^ 0xfa4);
    (*ds)->StartTransaction();
    int n = 0;
    for (double lat = 43.905; lat < 44.09; lat += 0.03) {
        for (double lon = 87.33; lon < 87.93; lon += 0.042) {
            const double clon = lon + rng.uniform(-0.008, 0.008), clat = lat + rng.uniform(-0.006, 0.006);
            const double km = rng.uniform(0.7, 1.3);
            Ring ring = blob(rng, clon, clat, km, 20);
            bool clear = !inRiver(clon, clat, kmToLon(km * 1.2, clat));
            for (const auto &p : ring)
                clear = clear && !pointInRing(urban, p[0], p[1]);
            if (!clear)
                continue;
            char id[32];
            std::snprintf(id, sizeof id, "JBNT-%04d", ++n);
            if (auto s = addFeature(layer, toMultiPolygon(ring),
                                    {{"tbbh", id}, {"dlbm", rng.uniform() < 0.6 ? "0102" : "0103"}});
                !s)
                return s.error();
        }
    }
    (*ds)->CommitTransaction();
    out.featureCount = n;
    return out;
}

Result<DemoLayerFile> writeUrbanBoundary(const std::string &dir, uint64_t seed)
{
    DemoLayerFile out{LayerKind::UrbanBoundary,
                      "demo_urban_boundary",
                      "城镇开发边界（合成）",
                      dir + "/demo_urban_boundary.gpkg",
                      simpleStyle("#00000000", "#E02020", 2.0),
                      "urban_boundary",
                      1};
    auto ds = createPolygonPackage(out.path, out.layerName, out.name, {{"bjmc", OFTString}});
    if (!ds)
        return ds.error();
    if (auto s = addFeature((*ds)->GetLayer(0), toMultiPolygon(urbanRing(seed)),
                            {{"bjmc", "乌鲁木齐市中心城区城镇开发边界（合成）"}});
        !s)
        return s.error();
    return out;
}

Result<DemoLayerFile> writeAssessments(const std::string &dir)
{
    DemoLayerFile out{LayerKind::RegionalAssessment,
                      "demo_assessment",
                      "区域评估（合成）",
                      dir + "/demo_assessment.gpkg",
                      simpleStyle("#3F7FFF40", "#2F4FDF", 1.4),
                      "assessment",
                      0};
    auto ds = createPolygonPackage(out.path, out.layerName, out.name,
                                   {{"pgqy", OFTString},
                                    {"assessments", OFTString},
                                    {"completed", OFTString},
                                    {"approved_by", OFTString},
                                    {"valid_until", OFTString}});
    if (!ds)
        return ds.error();
    struct Zone
    {
        const char *name, *assessments, *completed, *approvedBy, *validUntil;
        double lon, lat, wKm, hKm;
    };
    const std::array<Zone, 4> zones{{
        {"乌鲁木齐经济技术开发区（合成）", "environmental,energy,geological_hazard,seismic,water", "2024-06-18",
         "乌鲁木齐市人民政府", "2029-06-17", 87.505, 43.875, 4.2, 3.4},
        {"高新技术产业开发区北区（合成）", "environmental,energy,seismic,water,mineral", "2025-03-02",
         "乌鲁木齐市人民政府", "2030-03-01", 87.590, 43.905, 3.0, 2.6},
        {"会展片区（合成）", "environmental,geological_hazard,seismic", "2023-09-12", "水磨沟区人民政府", "2028-09-11",
         87.690, 43.842, 2.4, 2.0},
        {"米东化工园区（合成）", "environmental,energy,geological_hazard,water", "2025-11-20", "米东区人民政府",
         "2030-11-19", 87.690, 43.985, 3.6, 2.4},
    }};
    (*ds)->StartTransaction();
    for (const auto &z : zones) {
        if (auto s = addFeature((*ds)->GetLayer(0), toMultiPolygon(rect(z.lon, z.lat, z.wKm, z.hKm)),
                                {{"pgqy", z.name},
                                 {"assessments", z.assessments},
                                 {"completed", z.completed},
                                 {"approved_by", z.approvedBy},
                                 {"valid_until", z.validUntil}});
            !s)
            return s.error();
        ++out.featureCount;
    }
    (*ds)->CommitTransaction();
    return out;
}

Result<DemoLayerFile> writeImagery(const std::string &dir, uint64_t seed, int size)
{
    DemoLayerFile out{LayerKind::Imagery, "demo_imagery", "遥感影像（合成）", dir + "/demo_imagery.tif", "{}", "", 0};
    ensureGdal();
    GdalErrorCapture capture;
    std::error_code ec;
    std::filesystem::remove(out.path, ec);
    auto *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    char **options = nullptr;
    options = CSLSetNameValue(options, "TILED", "YES");
    options = CSLSetNameValue(options, "COMPRESS", "DEFLATE");
    options = CSLSetNameValue(options, "PHOTOMETRIC", "RGB");
    std::unique_ptr<GDALDataset> ds(driver->Create(out.path.c_str(), size, size, 3, GDT_Byte, options));
    CSLDestroy(options);
    if (!ds)
        return Error{"geo.demo.create", "无法创建合成影像：" + capture.joinedErrors(), ""};
    const double px = (kAreaMaxLon - kAreaMinLon) / size, py = (kAreaMaxLat - kAreaMinLat) / size;
    double transform[6] = {kAreaMinLon, px, 0, kAreaMaxLat, 0, -py};
    ds->SetGeoTransform(transform);
    OGRSpatialReference srs;
    srs.importFromEPSG(4490);
    ds->SetSpatialRef(&srs);
    ds->SetMetadataItem("SYNTHETIC", "YES");
    ds->SetMetadataItem("TIFFTAG_IMAGEDESCRIPTION", kSynthetic);
    const Ring urban = urbanRing(seed);
    std::vector<uint8_t> r(size), g(size), b(size);
    for (int y = 0; y < size; ++y) {
        const double lat = kAreaMaxLat - (y + 0.5) * py;
        for (int x = 0; x < size; ++x) {
            const double lon = kAreaMinLon + (x + 0.5) * px;
            const double noise = hashUnit(seed, x, y) * 24 - 12;
            int cr, cg, cb;
            if (inRiver(lon, lat)) {
                cr = 60, cg = 95, cb = 140;
            } else if (lat < 43.64) {
                const double u = hashUnit(seed, int64_t(lon / 0.01), int64_t(lat / 0.01));
                cr = int(110 + 40 * u), cg = int(100 + 30 * u), cb = 80; // mountains
            } else if (pointInRing(urban, lon, lat)) {
                const bool street = std::fmod(lon * 400, 1.0) < 0.12 || std::fmod(lat * 550, 1.0) < 0.12;
                const double u = hashUnit(seed, int64_t(lon / 0.003), int64_t(lat / 0.0025));
                cr = street ? 150 : int(160 + 60 * u), cg = street ? 150 : int(150 + 50 * u),
                cb = street ? 150 : int(140 + 50 * u);
            } else {
                const double u = hashUnit(seed, int64_t(lon / 0.006), int64_t(lat / 0.004));
                cr = int(120 + 70 * u), cg = int(140 + 40 * u), cb = int(70 + 20 * u); // fields
            }
            r[x] = uint8_t(std::clamp(cr + noise, 0.0, 255.0));
            g[x] = uint8_t(std::clamp(cg + noise, 0.0, 255.0));
            b[x] = uint8_t(std::clamp(cb + noise, 0.0, 255.0));
        }
        for (int band = 1; band <= 3; ++band) {
            auto &row = band == 1 ? r : band == 2 ? g : b;
            if (ds->GetRasterBand(band)->RasterIO(GF_Write, 0, y, size, 1, row.data(), size, 1, GDT_Byte, 0, 0)
                != CE_None)
                return Error{"geo.demo.write", "写入合成影像失败：" + capture.joinedErrors(), ""};
        }
    }
    int levels[] = {2, 4, 8, 16, 32};
    if (ds->BuildOverviews("AVERAGE", 5, levels, 0, nullptr, nullptr, nullptr) != CE_None)
        return Error{"geo.demo.write", "生成影像金字塔失败：" + capture.joinedErrors(), ""};
    out.featureCount = 0;
    return out;
}

std::pair<int, int> gridFor(DemoLayerSize size)
{
    switch (size) {
    case DemoLayerSize::Small:
        return {64, 64};
    case DemoLayerSize::Large100k:
        return {400, 250};
    case DemoLayerSize::Large1m:
        return {1000, 1000};
    }
    return {64, 64};
}

} // namespace

std::optional<DemoLayerSize> demoLayerSizeFromText(std::string_view text)
{
    if (text == "small")
        return DemoLayerSize::Small;
    if (text == "100k")
        return DemoLayerSize::Large100k;
    if (text == "1m")
        return DemoLayerSize::Large1m;
    return std::nullopt;
}

DemoLayerGenerator::DemoLayerGenerator(DemoLayerSize size, uint64_t seed)
    : m_size(size)
    , m_seed(seed)
{}

int64_t DemoLayerGenerator::parcelCount() const
{
    const auto [nx, ny] = gridFor(m_size);
    return int64_t(nx) * ny;
}

Result<DemoLayerFile> DemoLayerGenerator::generateLandUse(const std::string &path) const
{
    const auto [nx, ny] = gridFor(m_size);
    return writeLandUse(path, m_seed, nx, ny);
}

Result<std::vector<DemoLayerFile>> DemoLayerGenerator::generate(const std::string &directory) const
{
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    if (ec)
        return Error{"geo.demo.dir", "无法创建目录 " + directory + "：" + ec.message(), ""};
    std::vector<DemoLayerFile> files;
    auto add = [&](Result<DemoLayerFile> r) -> Status {
        if (!r)
            return r.error();
        files.push_back(std::move(r).value());
        return {};
    };
    const int imagerySize = m_size == DemoLayerSize::Small ? 2048 : 4096;
    for (auto status : {add(writeDistricts(directory)), add(generateLandUse(directory + "/demo_land_use.gpkg")),
                        add(writeEcoRedLine(directory, m_seed)), add(writeFarmland(directory, m_seed)),
                        add(writeUrbanBoundary(directory, m_seed)), add(writeAssessments(directory)),
                        add(writeImagery(directory, m_seed, imagerySize))}) {
        if (!status)
            return status.error();
    }
    return files;
}

} // namespace spgl::geo
