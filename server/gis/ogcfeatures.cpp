#include "gis/ogcfeatures.h"

#include "geo/gdalsession.h"
#include "http/apierror.h"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace spgl::server {

namespace {

ApiError unavailable(const OgcCollection &c, const std::string &why)
{
    return ApiError(503, "gis-unavailable", "图层数据暂时不可用", "图层“" + c.id + "”暂时无法读取：" + why);
}

std::string quoteId(const std::string &name)
{
    std::string out = "\"";
    for (char ch : name) {
        out += ch;
        if (ch == '"')
            out += '"';
    }
    return out + "\"";
}

std::string quoteText(const std::string &text)
{
    std::string out = "'";
    for (char ch : text) {
        out += ch;
        if (ch == '\'')
            out += '\'';
    }
    return out + "'";
}

std::string number(double v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

/// Shortest text that reads back as the same double.
void appendCoordinate(std::string &out, double v)
{
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    out.append(buffer, ec == std::errc() ? end : buffer);
}

void appendPoints(std::string &out, OGRGeometryH g, bool z)
{
    const int n = OGR_G_GetPointCount(g);
    out += '[';
    for (int i = 0; i < n; ++i) {
        if (i)
            out += ',';
        out += '[';
        appendCoordinate(out, OGR_G_GetX(g, i));
        out += ',';
        appendCoordinate(out, OGR_G_GetY(g, i));
        if (z) {
            out += ',';
            appendCoordinate(out, OGR_G_GetZ(g, i));
        }
        out += ']';
    }
    out += ']';
}

/// Compact GeoJSON geometry (RFC 7946); curves are written as their linear approximation.
void appendGeometry(std::string &out, OGRGeometryH g)
{
    if (!g) {
        out += "null";
        return;
    }
    const bool z = OGR_G_Is3D(g);
    switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPoint:
        if (OGR_G_IsEmpty(g)) {
            out += R"({"type":"Point","coordinates":[]})";
            return;
        }
        out += R"({"type":"Point","coordinates":[)";
        appendCoordinate(out, OGR_G_GetX(g, 0));
        out += ',';
        appendCoordinate(out, OGR_G_GetY(g, 0));
        if (z) {
            out += ',';
            appendCoordinate(out, OGR_G_GetZ(g, 0));
        }
        out += "]}";
        return;
    case wkbLineString:
        out += R"({"type":"LineString","coordinates":)";
        appendPoints(out, g, z);
        out += '}';
        return;
    case wkbPolygon:
    case wkbMultiPoint:
    case wkbMultiLineString: {
        const auto type = wkbFlatten(OGR_G_GetGeometryType(g));
        out += type == wkbPolygon      ? R"({"type":"Polygon","coordinates":[)"
               : type == wkbMultiPoint ? R"({"type":"MultiPoint","coordinates":[)"
                                       : R"({"type":"MultiLineString","coordinates":[)";
        for (int i = 0, n = OGR_G_GetGeometryCount(g); i < n; ++i) {
            if (i)
                out += ',';
            OGRGeometryH part = OGR_G_GetGeometryRef(g, i);
            if (type == wkbMultiPoint) {
                out += '[';
                appendCoordinate(out, OGR_G_GetX(part, 0));
                out += ',';
                appendCoordinate(out, OGR_G_GetY(part, 0));
                if (z) {
                    out += ',';
                    appendCoordinate(out, OGR_G_GetZ(part, 0));
                }
                out += ']';
            } else {
                appendPoints(out, part, z);
            }
        }
        out += "]}";
        return;
    }
    case wkbMultiPolygon:
        out += R"({"type":"MultiPolygon","coordinates":[)";
        for (int i = 0, n = OGR_G_GetGeometryCount(g); i < n; ++i) {
            if (i)
                out += ',';
            OGRGeometryH polygon = OGR_G_GetGeometryRef(g, i);
            out += '[';
            for (int r = 0, rings = OGR_G_GetGeometryCount(polygon); r < rings; ++r) {
                if (r)
                    out += ',';
                appendPoints(out, OGR_G_GetGeometryRef(polygon, r), z);
            }
            out += ']';
        }
        out += "]}";
        return;
    case wkbGeometryCollection:
        out += R"({"type":"GeometryCollection","geometries":[)";
        for (int i = 0, n = OGR_G_GetGeometryCount(g); i < n; ++i) {
            if (i)
                out += ',';
            appendGeometry(out, OGR_G_GetGeometryRef(g, i));
        }
        out += "]}";
        return;
    default: {
        // Curves, surfaces, TINs: their linear form.
        OGRGeometryH linear = OGR_G_GetLinearGeometry(g, 0, nullptr);
        if (!linear || wkbFlatten(OGR_G_GetGeometryType(linear)) == wkbFlatten(OGR_G_GetGeometryType(g))) {
            out += "null";
        } else {
            appendGeometry(out, linear);
        }
        if (linear)
            OGR_G_DestroyGeometry(linear);
        return;
    }
    }
}

std::string isoDateTime(OGRFeatureH f, int i, OGRFieldType type)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
    float s = 0;
    OGR_F_GetFieldAsDateTimeEx(f, i, &y, &mo, &d, &h, &mi, &s, &tz);
    char buffer[64];
    if (type == OFTDate) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, mo, d);
        return buffer;
    }
    const int whole = int(s);
    const int millis = int(std::lround((s - float(whole)) * 1000));
    std::string text;
    if (type == OFTTime)
        std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d", h, mi, whole);
    else
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, whole);
    text = buffer;
    if (millis > 0 && millis < 1000) {
        std::snprintf(buffer, sizeof buffer, ".%03d", millis);
        text += buffer;
    }
    if (tz == 100) {
        text += 'Z';
    } else if (tz > 1) {
        const int minutes = (tz - 100) * 15;
        std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", minutes < 0 ? '-' : '+', std::abs(minutes) / 60,
                      std::abs(minutes) % 60);
        text += buffer;
    }
    return text;
}

nlohmann::json fieldValue(OGRFeatureH f, OGRFieldDefnH field, int i)
{
    if (!OGR_F_IsFieldSetAndNotNull(f, i))
        return nullptr;
    const OGRFieldType type = OGR_Fld_GetType(field);
    switch (type) {
    case OFTInteger:
        if (OGR_Fld_GetSubType(field) == OFSTBoolean)
            return OGR_F_GetFieldAsInteger(f, i) != 0;
        return OGR_F_GetFieldAsInteger(f, i);
    case OFTInteger64:
        return static_cast<std::int64_t>(OGR_F_GetFieldAsInteger64(f, i));
    case OFTReal: {
        const double v = OGR_F_GetFieldAsDouble(f, i);
        return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
    }
    case OFTDate:
    case OFTTime:
    case OFTDateTime:
        return isoDateTime(f, i, type);
    case OFTIntegerList: {
        int n = 0;
        const int *values = OGR_F_GetFieldAsIntegerList(f, i, &n);
        return std::vector<int>(values, values + n);
    }
    case OFTInteger64List: {
        int n = 0;
        const GIntBig *values = OGR_F_GetFieldAsInteger64List(f, i, &n);
        return std::vector<std::int64_t>(values, values + n);
    }
    case OFTRealList: {
        int n = 0;
        const double *values = OGR_F_GetFieldAsDoubleList(f, i, &n);
        return std::vector<double>(values, values + n);
    }
    case OFTStringList: {
        nlohmann::json list = nlohmann::json::array();
        for (char **s = OGR_F_GetFieldAsStringList(f, i); s && *s; ++s)
            list.push_back(*s);
        return list;
    }
    case OFTString:
        return OGR_F_GetFieldAsString(f, i);
    default:
        return nullptr; // binary: not part of the GeoJSON
    }
}

/// Appends one GeoJSON Feature; @p toCrs84 (may be null) reprojects the geometry.
void appendFeature(std::string &out, OGRFeatureH f, OGRCoordinateTransformationH toCrs84)
{
    out += R"({"type":"Feature","id":)";
    out += std::to_string(OGR_F_GetFID(f));
    out += R"(,"geometry":)";
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (g && toCrs84) {
        OGRGeometryH copy = OGR_G_Clone(g);
        if (OGR_G_Transform(copy, toCrs84) == OGRERR_NONE)
            appendGeometry(out, copy);
        else
            out += "null";
        OGR_G_DestroyGeometry(copy);
    } else {
        appendGeometry(out, g);
    }
    out += R"(,"properties":)";
    nlohmann::json properties = nlohmann::json::object();
    OGRFeatureDefnH defn = OGR_F_GetDefnRef(f);
    for (int i = 0, n = OGR_FD_GetFieldCount(defn); i < n; ++i) {
        OGRFieldDefnH field = OGR_FD_GetFieldDefn(defn, i);
        properties[OGR_Fld_GetNameRef(field)] = fieldValue(f, field, i);
    }
    out += properties.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '}';
}

/// An SQL result set, released with its dataset's API.
class ResultSet
{
public:
    ResultSet(GDALDatasetH ds, const std::string &sql)
        : m_ds(ds)
        , m_layer(GDALDatasetExecuteSQL(ds, sql.c_str(), nullptr, nullptr))
    {}
    ~ResultSet()
    {
        if (m_layer)
            GDALDatasetReleaseResultSet(m_ds, m_layer);
    }
    ResultSet(const ResultSet &) = delete;
    ResultSet &operator=(const ResultSet &) = delete;
    OGRLayerH layer() const { return m_layer; }

private:
    GDALDatasetH m_ds;
    OGRLayerH m_layer;
};

struct FeatureDeleter
{
    void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDeleter>;

struct GeometryDeleter
{
    void operator()(OGRGeometryH g) const { OGR_G_DestroyGeometry(g); }
};
using GeometryPtr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDeleter>;

/// One leased dataset with the collection's layer and how to reach its table.
struct LayerAccess
{
    OgcDatasetPool::Lease lease;
    OGRLayerH layer = nullptr;
    std::string table;
    std::string fid;
    std::string geometryColumn;
    OGRCoordinateTransformationH toCrs84 = nullptr; ///< null when the layer is in longitude/latitude
    OGRCoordinateTransformationH fromCrs84 = nullptr;

    LayerAccess() = default;
    LayerAccess(const LayerAccess &) = delete;
    LayerAccess &operator=(const LayerAccess &) = delete;
    ~LayerAccess()
    {
        if (toCrs84)
            OCTDestroyCoordinateTransformation(toCrs84);
        if (fromCrs84)
            OCTDestroyCoordinateTransformation(fromCrs84);
    }

    GDALDatasetH ds() const { return lease.dataset(); }

    std::int64_t scalar(const std::string &sql) const
    {
        ResultSet rs(ds(), sql);
        if (!rs.layer())
            return 0;
        FeaturePtr f(OGR_L_GetNextFeature(rs.layer()));
        return f ? std::int64_t(OGR_F_GetFieldAsInteger64(f.get(), 0)) : 0;
    }
};

void openLayer(LayerAccess &access, OgcDatasetPool &pool, const OgcCollection &c)
{
    std::string error;
    access.lease = pool.acquire(c.gpkg, &error);
    if (!access.lease)
        throw unavailable(c, error);
    access.layer = c.layerName.empty() ? GDALDatasetGetLayer(access.ds(), 0)
                                       : GDALDatasetGetLayerByName(access.ds(), c.layerName.c_str());
    if (!access.layer)
        throw unavailable(c, c.layerName.empty() ? "文件中没有图层" : "文件中没有图层 " + c.layerName);
    access.table = OGR_L_GetName(access.layer);
    access.fid = OGR_L_GetFIDColumn(access.layer);
    if (access.fid.empty())
        access.fid = "fid";
    access.geometryColumn = OGR_L_GetGeometryColumn(access.layer);
    OGR_L_SetSpatialFilter(access.layer, nullptr);
    OGR_L_SetAttributeFilter(access.layer, nullptr);
    OGR_L_ResetReading(access.layer);

    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(access.layer);
    if (srs && !OSRIsGeographic(srs)) {
        // Not longitude/latitude (e.g. a Gauss–Krüger layer): reproject to and from CRS84.
        OGRSpatialReferenceH source = OSRClone(srs);
        OGRSpatialReferenceH crs84 = OSRNewSpatialReference(nullptr);
        OSRSetFromUserInput(crs84, "OGC:CRS84");
        OSRSetAxisMappingStrategy(source, OAMS_TRADITIONAL_GIS_ORDER);
        OSRSetAxisMappingStrategy(crs84, OAMS_TRADITIONAL_GIS_ORDER);
        access.toCrs84 = OCTNewCoordinateTransformation(source, crs84);
        access.fromCrs84 = OCTNewCoordinateTransformation(crs84, source);
        OSRDestroySpatialReference(source);
        OSRDestroySpatialReference(crs84);
        if (!access.toCrs84 || !access.fromCrs84)
            throw unavailable(c, "图层的坐标系无法转换为经纬度");
    }
}

std::string propertyType(OGRFieldDefnH field)
{
    switch (OGR_Fld_GetType(field)) {
    case OFTInteger:
        return OGR_Fld_GetSubType(field) == OFSTBoolean ? "boolean" : "integer";
    case OFTInteger64:
        return "integer";
    case OFTReal:
        return "number";
    case OFTIntegerList:
    case OFTInteger64List:
    case OFTRealList:
    case OFTStringList:
        return "array";
    default:
        return "string";
    }
}

GeometryPtr boxPolygon(const OgcFeatures::Bbox &b)
{
    OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
    OGR_G_AddPoint_2D(ring, b.minLon, b.minLat);
    OGR_G_AddPoint_2D(ring, b.maxLon, b.minLat);
    OGR_G_AddPoint_2D(ring, b.maxLon, b.maxLat);
    OGR_G_AddPoint_2D(ring, b.minLon, b.maxLat);
    OGR_G_AddPoint_2D(ring, b.minLon, b.minLat);
    OGRGeometryH polygon = OGR_G_CreateGeometry(wkbPolygon);
    OGR_G_AddGeometryDirectly(polygon, ring);
    return GeometryPtr(polygon);
}

/// Whether the feature's geometry (reprojected to CRS84 when @p toCrs84) intersects @p box.
bool intersects(OGRFeatureH f, OGRGeometryH box, OGRCoordinateTransformationH toCrs84)
{
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (!g || OGR_G_IsEmpty(g))
        return false;
    if (!toCrs84)
        return OGR_G_Intersects(g, box);
    GeometryPtr copy(OGR_G_Clone(g));
    return OGR_G_Transform(copy.get(), toCrs84) == OGRERR_NONE && OGR_G_Intersects(copy.get(), box);
}

} // namespace

OgcFeatures::OgcFeatures(OgcCollectionProvider provider)
    : m_provider(std::move(provider))
{}

void OgcFeatures::setProvider(OgcCollectionProvider provider)
{
    std::lock_guard lock(m_mutex);
    m_provider = std::move(provider);
}

OgcCollectionProvider OgcFeatures::provider() const
{
    std::lock_guard lock(m_mutex);
    return m_provider;
}

std::vector<OgcCollection> OgcFeatures::collections()
{
    const auto provide = provider();
    auto list = provide ? provide() : std::vector<OgcCollection>{};
    std::vector<std::filesystem::path> paths;
    for (const auto &c : list)
        paths.push_back(c.gpkg);
    m_pool.retainOnly(paths); // layers replaced by a new version: close their old files
    return list;
}

OgcCollection OgcFeatures::collection(const std::string &id)
{
    const auto provide = provider();
    if (provide) {
        for (auto &c : provide())
            if (c.id == id)
                return std::move(c);
    }
    throw ApiError::notFound("没有这个图层（要素集合）：" + id);
}

OgcFeatures::CollectionInfo OgcFeatures::describe(const OgcCollection &c)
{
    geo::GdalErrorCapture capture;
    LayerAccess access;
    openLayer(access, m_pool, c);
    CollectionInfo info;
    info.geometryType = OGRGeometryTypeToName(OGR_L_GetGeomType(access.layer));
    info.featureCount = OGR_L_GetFeatureCount(access.layer, TRUE);
    OGREnvelope env;
    if (info.featureCount > 0 && OGR_L_GetExtent(access.layer, &env, TRUE) == OGRERR_NONE) {
        Bbox box{env.MinX, env.MinY, env.MaxX, env.MaxY};
        if (access.toCrs84) {
            double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            if (OCTTransformBounds(access.toCrs84, env.MinX, env.MinY, env.MaxX, env.MaxY, &x0, &y0, &x1, &y1, 21))
                box = {x0, y0, x1, y1};
        }
        info.extent = box;
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(access.layer);
    for (int i = 0, n = OGR_FD_GetFieldCount(defn); i < n; ++i) {
        OGRFieldDefnH field = OGR_FD_GetFieldDefn(defn, i);
        info.properties.emplace_back(OGR_Fld_GetNameRef(field), propertyType(field));
    }
    return info;
}

OgcFeatures::ItemsPage OgcFeatures::items(const OgcCollection &c, const ItemsQuery &q)
{
    geo::GdalErrorCapture capture;
    LayerAccess access;
    openLayer(access, m_pool, c);
    ItemsPage page;
    page.featuresJson = "[";
    const auto append = [&](OGRFeatureH f) {
        if (page.numberReturned > 0)
            page.featuresJson += ',';
        appendFeature(page.featuresJson, f, access.toCrs84);
        ++page.numberReturned;
        page.lastId = OGR_F_GetFID(f);
    };
    const std::string table = quoteId(access.table);
    const std::string fid = quoteId(access.fid);
    // After a known feature id the page starts there through the primary key; an offset makes
    // SQLite step over that many rows.
    const std::string paging = " ORDER BY " + fid + " LIMIT " + std::to_string(q.limit)
                               + (q.after ? std::string() : " OFFSET " + std::to_string(q.offset));
    const std::string afterCondition = q.after ? fid + " > " + std::to_string(*q.after) : std::string();
    const auto runPage = [&](const std::string &sql) {
        ResultSet rs(access.ds(), sql);
        if (!rs.layer())
            throw unavailable(c, capture.joinedErrors());
        for (FeaturePtr f(OGR_L_GetNextFeature(rs.layer())); f; f.reset(OGR_L_GetNextFeature(rs.layer())))
            append(f.get());
    };

    const std::string rtree = "rtree_" + access.table + "_" + access.geometryColumn;
    const bool hasRtree
        = !access.geometryColumn.empty()
          && access.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = " + quoteText(rtree))
                 > 0;

    if (!q.bbox) {
        page.numberMatched = OGR_L_GetFeatureCount(access.layer, TRUE);
        runPage("SELECT * FROM " + table + (q.after ? " WHERE " + afterCondition : std::string()) + paging);
    } else if (hasRtree && !access.toCrs84) {
        const Bbox &b = *q.bbox;
        const GeometryPtr box = boxPolygon(b);
        // Candidates: R-tree boxes meeting the bbox. Those inside it match; those on its edge
        // are tested exactly, and the ones that miss it are left out.
        const std::string candidates = "SELECT id FROM " + quoteId(rtree) + " WHERE maxx >= " + number(b.minLon)
                                       + " AND minx <= " + number(b.maxLon) + " AND maxy >= " + number(b.minLat)
                                       + " AND miny <= " + number(b.maxLat);
        const std::string edge = candidates + " AND NOT (minx >= " + number(b.minLon)
                                 + " AND maxx <= " + number(b.maxLon) + " AND miny >= " + number(b.minLat)
                                 + " AND maxy <= " + number(b.maxLat) + ")";
        std::string misses;
        std::int64_t missCount = 0;
        {
            ResultSet rs(access.ds(), "SELECT " + fid + ", " + quoteId(access.geometryColumn) + " FROM " + table
                                          + " WHERE " + fid + " IN (" + edge + ")");
            if (!rs.layer())
                throw unavailable(c, capture.joinedErrors());
            for (FeaturePtr f(OGR_L_GetNextFeature(rs.layer())); f; f.reset(OGR_L_GetNextFeature(rs.layer()))) {
                if (!intersects(f.get(), box.get(), nullptr)) {
                    misses += (misses.empty() ? "" : ",") + std::to_string(OGR_F_GetFID(f.get()));
                    ++missCount;
                }
            }
        }
        page.numberMatched = access.scalar("SELECT COUNT(*) FROM (" + candidates + ")") - missCount;
        std::string where = " WHERE " + fid + " IN (" + candidates + ")";
        if (!misses.empty())
            where += " AND " + fid + " NOT IN (" + misses + ")";
        if (q.after)
            where += " AND " + afterCondition;
        runPage("SELECT * FROM " + table + where + paging);
    } else {
        // No spatial index (or not in longitude/latitude): OGR's spatial filter, then an exact test.
        const Bbox &b = *q.bbox;
        const GeometryPtr box = boxPolygon(b);
        if (access.fromCrs84) {
            double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            if (!OCTTransformBounds(access.fromCrs84, b.minLon, b.minLat, b.maxLon, b.maxLat, &x0, &y0, &x1, &y1, 21))
                throw ApiError::badRequest("bbox 无法转换到图层的坐标系");
            OGR_L_SetSpatialFilterRect(access.layer, x0, y0, x1, y1);
        } else {
            OGR_L_SetSpatialFilterRect(access.layer, b.minLon, b.minLat, b.maxLon, b.maxLat);
        }
        std::vector<GIntBig> matches;
        OGR_L_ResetReading(access.layer);
        for (FeaturePtr f(OGR_L_GetNextFeature(access.layer)); f; f.reset(OGR_L_GetNextFeature(access.layer)))
            if (intersects(f.get(), box.get(), access.toCrs84))
                matches.push_back(OGR_F_GetFID(f.get()));
        OGR_L_SetSpatialFilter(access.layer, nullptr);
        std::sort(matches.begin(), matches.end());
        page.numberMatched = std::int64_t(matches.size());
        const std::int64_t first
            = q.after
                  ? std::int64_t(std::upper_bound(matches.begin(), matches.end(), GIntBig(*q.after)) - matches.begin())
                  : q.offset;
        for (std::int64_t i = first; i < std::int64_t(matches.size()) && i < first + q.limit; ++i) {
            FeaturePtr f(OGR_L_GetFeature(access.layer, matches[std::size_t(i)]));
            if (f)
                append(f.get());
        }
    }
    page.featuresJson += ']';
    return page;
}

std::string OgcFeatures::item(const OgcCollection &c, const std::string &featureId)
{
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(featureId.data(), featureId.data() + featureId.size(), id);
    if (featureId.empty() || ec != std::errc() || end != featureId.data() + featureId.size())
        throw ApiError::notFound("图层“" + c.id + "”中没有要素 " + featureId);
    geo::GdalErrorCapture capture;
    LayerAccess access;
    openLayer(access, m_pool, c);
    FeaturePtr f(OGR_L_GetFeature(access.layer, id));
    if (!f)
        throw ApiError::notFound("图层“" + c.id + "”中没有要素 " + featureId);
    std::string out;
    appendFeature(out, f.get(), access.toCrs84);
    return out;
}

} // namespace spgl::server
