#include "geo/layerimporter.h"

#include "geo/gdalsession.h"
#include "geo/geoscontext.h"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

namespace spgl::geo {

namespace fs = std::filesystem;

void to_json(nlohmann::json &j, const ImportIssue &issue)
{
    j = nlohmann::json{{"fid", issue.fid}, {"reason", issue.reason}};
}

void to_json(nlohmann::json &j, const ImportReport &report)
{
    j = nlohmann::json{{"format", report.format},
                       {"raster", report.raster},
                       {"driver", report.driver},
                       {"source_layer", report.sourceLayer},
                       {"source_crs", report.sourceCrs},
                       {"reprojected", report.reprojected},
                       {"crs", "EPSG:4490"},
                       {"source_features", report.sourceFeatures},
                       {"feature_count", report.featureCount},
                       {"bbox", report.bbox},
                       {"repaired", report.repaired},
                       {"rejected", report.rejected},
                       {"warnings", report.warnings}};
    if (report.raster) {
        j["width"] = report.rasterWidth;
        j["height"] = report.rasterHeight;
        j["bands"] = report.rasterBands;
        j["overviews"] = report.overviewCount;
    } else {
        j["geometry_type"] = report.geometryType;
    }
}

namespace {

constexpr size_t kMaxListedIssues = 1000;

/// The drivers an upload may be read with. VRT and friends are left out on purpose: they can
/// point at other files of the server.
const char *const kAllowedDrivers[]
    = {"ESRI Shapefile", "GeoJSON",      "GeoJSONSeq", "GPKG", "OpenFileGDB", "FileGDB", "KML",         "LIBKML", "GML",
       "FlatGeobuf",     "MapInfo File", "GTiff",      "COG",  "PNG",         "JPEG",    "JP2OpenJPEG", nullptr};

struct DatasetCloser
{
    void operator()(GDALDataset *ds) const { GDALClose(GDALDataset::ToHandle(ds)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

Error importError(const std::string &code, const std::string &message)
{
    return Error{"geo.import." + code, message, "file"};
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// How likely a file name is the main file of a dataset (lower is better; -1 = not one).
int candidateRank(const std::string &name)
{
    const std::string n = lower(name);
    if (endsWith(n, ".gdb"))
        return 0;
    if (endsWith(n, ".shp"))
        return 1;
    if (endsWith(n, ".gpkg"))
        return 2;
    if (endsWith(n, ".geojson") || endsWith(n, ".json") || endsWith(n, ".geojsonl") || endsWith(n, ".geojsons"))
        return 3;
    if (endsWith(n, ".fgb"))
        return 4;
    if (endsWith(n, ".kml") || endsWith(n, ".kmz") || endsWith(n, ".gml") || endsWith(n, ".tab"))
        return 5;
    if (endsWith(n, ".tif") || endsWith(n, ".tiff"))
        return 6;
    return -1;
}

/// Picks the main file among @p names (relative paths); empty when none.
std::string pickCandidate(std::vector<std::string> names, std::vector<std::string> &warnings)
{
    // A part inside a FileGDB directory stands for the directory.
    for (auto &name : names) {
        const auto gdb = lower(name).find(".gdb/");
        if (gdb != std::string::npos)
            name = name.substr(0, gdb + 4);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::string best;
    int bestRank = 100, sameRank = 0;
    for (const auto &name : names) {
        if (name.find("__MACOSX") != std::string::npos)
            continue;
        const int rank = candidateRank(name);
        if (rank < 0)
            continue;
        if (rank < bestRank)
            best = name, bestRank = rank, sameRank = 1;
        else if (rank == bestRank)
            ++sameRank;
    }
    if (sameRank > 1)
        warnings.push_back("压缩包或目录中有多个同类文件，只导入了 " + best);
    return best;
}

bool isZip(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

/// The GDAL path of the dataset in @p source (a file, a directory, or a zip of either).
Result<std::string> resolveSource(const std::string &source, std::vector<std::string> &warnings)
{
    std::error_code ec;
    if (!fs::exists(source, ec))
        return importError("missing", "上传的文件不存在：" + source);
    if (fs::is_directory(source, ec)) {
        if (endsWith(lower(source), ".gdb"))
            return source;
        std::vector<std::string> names;
        for (auto it = fs::recursive_directory_iterator(source, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            if (it.depth() > 3)
                it.disable_recursion_pending();
            names.push_back(fs::relative(it->path(), source, ec).generic_string() + (it->is_directory() ? "/" : ""));
        }
        for (auto &n : names)
            if (endsWith(n, "/"))
                n.pop_back();
        const std::string pick = pickCandidate(names, warnings);
        if (pick.empty())
            return importError("not_gis", "目录中没有可识别的 GIS 文件（.shp、.geojson、.gpkg、.gdb、.tif 等）");
        return (fs::path(source) / pick).string();
    }
    if (isZip(source)) {
        const std::string root = "/vsizip/{" + fs::absolute(source).string() + "}";
        char **list = VSIReadDirRecursive(root.c_str());
        if (!list)
            return importError("not_gis", "压缩包无法读取（已损坏或不是 zip 文件）");
        std::vector<std::string> names;
        for (char **p = list; *p; ++p)
            names.emplace_back(*p);
        CSLDestroy(list);
        for (auto &n : names)
            if (endsWith(n, "/"))
                n.pop_back();
        const std::string pick = pickCandidate(names, warnings);
        if (pick.empty())
            return importError("not_gis", "压缩包中没有可识别的 GIS 文件（.shp、.geojson、.gpkg、.gdb、.tif 等）");
        return root + "/" + pick;
    }
    return source;
}

bool isPolygonal(OGRwkbGeometryType t)
{
    t = wkbFlatten(t);
    return t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon || t == wkbMultiSurface;
}

OGRwkbGeometryType outputType(OGRwkbGeometryType t)
{
    switch (wkbFlatten(t)) {
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
        return wkbMultiPolygon;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCompoundCurve:
    case wkbMultiCurve:
        return wkbMultiLineString;
    case wkbPoint:
        return wkbPoint;
    case wkbMultiPoint:
        return wkbMultiPoint;
    default:
        return wkbUnknown;
    }
}

double polygonalArea(const OGRGeometry *g)
{
    if (!g)
        return 0;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
    case wkbCurvePolygon:
        return g->toCurvePolygon()->get_Area();
    case wkbMultiPolygon:
    case wkbMultiSurface:
        return g->toMultiSurface()->get_Area();
    case wkbGeometryCollection: {
        double sum = 0;
        for (const auto *part : *g->toGeometryCollection())
            sum += polygonalArea(part);
        return sum;
    }
    default:
        return 0;
    }
}

/// The polygons of @p g (a polygon, a multipolygon or a collection holding some) as one
/// multipolygon; null when it has none.
std::unique_ptr<OGRMultiPolygon> polygonsOf(const OGRGeometry *g)
{
    auto out = std::make_unique<OGRMultiPolygon>();
    const auto add = [&](const OGRGeometry *part, auto &&self) -> void {
        switch (wkbFlatten(part->getGeometryType())) {
        case wkbPolygon:
            out->addGeometry(part);
            break;
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const auto *sub : *part->toGeometryCollection())
                self(sub, self);
            break;
        default:
            break;
        }
    };
    if (g)
        add(g, add);
    if (out->IsEmpty())
        return nullptr;
    return out;
}

/// GEOS's reason for an invalid geometry, with a Chinese name for the usual ones.
std::string invalidReason(const OGRGeometry *g, GeosContext &geos)
{
    std::string wkb(size_t(g->WkbSize()), '\0');
    g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char *>(wkb.data()), wkbVariantIso);
    auto gg = geos.fromWkb(reinterpret_cast<const unsigned char *>(wkb.data()), wkb.size());
    std::string reason;
    if (gg) {
        if (char *r = GEOSisValidReason_r(geos.handle(), gg.get())) {
            reason = r;
            GEOSFree_r(geos.handle(), r);
        }
    }
    static const std::pair<const char *, const char *> names[] = {
        {"Ring Self-intersection", "环自相交"},
        {"Self-intersection", "自相交"},
        {"Too few points", "点数过少"},
        {"Interior is disconnected", "内部不连通"},
        {"Hole lies outside shell", "内环位于外环之外"},
        {"Holes are nested", "内环相互嵌套"},
        {"Nested shells", "外环相互嵌套"},
        {"Duplicate Rings", "重复的环"},
        {"Invalid Coordinate", "无效坐标"},
        {"Ring is not closed", "环未闭合"},
    };
    for (const auto &[en, zh] : names)
        if (reason.rfind(en, 0) == 0)
            return std::string(zh) + "（" + reason + "）";
    return reason.empty() ? std::string("几何无效") : "几何无效（" + reason + "）";
}

std::string crsLabel(const OGRSpatialReference &srs)
{
    const char *auth = srs.GetAuthorityName(nullptr);
    const char *code = srs.GetAuthorityCode(nullptr);
    if (auth && code)
        return std::string(auth) + ":" + code;
    OGRSpatialReference copy(srs);
    if (copy.AutoIdentifyEPSG() == OGRERR_NONE && copy.GetAuthorityCode(nullptr))
        return std::string("EPSG:") + copy.GetAuthorityCode(nullptr);
    const char *name = srs.GetName();
    return name ? name : "未知";
}

void removeOutput(const std::string &path)
{
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm", "-journal", ".aux.xml", ".ovr"})
        fs::remove(path + suffix, ec);
}

std::string issueList(const std::vector<ImportIssue> &issues)
{
    std::string out;
    for (size_t i = 0; i < issues.size() && i < 5; ++i)
        out += (i ? "；" : "") + std::string("FID ") + std::to_string(issues[i].fid) + "：" + issues[i].reason;
    if (issues.size() > 5)
        out += "；等 " + std::to_string(issues.size()) + " 个";
    return out;
}

class Importer
{
public:
    Importer(const LayerImporter::Options &options, GdalErrorCapture &capture, ImportReport &report, bool gbk)
        : m_options(options)
        , m_capture(capture)
        , m_report(report)
        , m_gbk(gbk)
    {}

    Result<ImportReport> vector(GDALDataset &src, const std::string &outputBase);
    Result<ImportReport> raster(GDALDataset &src, const std::string &outputBase);

private:
    /// Moves the finished (closed) @p tmpPath over @p finalPath and completes the report.
    Result<ImportReport> publish(const std::string &tmpPath, const std::string &finalPath, const char *format,
                                 const char *what)
    {
        std::error_code ec;
        removeOutput(finalPath);
        fs::rename(tmpPath, finalPath, ec);
        if (ec) {
            removeOutput(tmpPath);
            return importError("write", std::string("无法保存") + what + "文件：" + ec.message());
        }
        m_report.outputPath = finalPath;
        m_report.format = format;
        return m_report;
    }

    /// Tells the caller how far the import is; never backwards (GDAL restarts its count for each
    /// overview level).
    void progress(double fraction, const char *step)
    {
        m_progress = std::max(m_progress, std::clamp(fraction, 0.0, 1.0));
        if (m_options.progress)
            m_options.progress(m_progress, step);
    }

    /// A GDAL progress callback over [from, to] of the whole import, at @p step.
    struct Span
    {
        Importer *importer;
        double from, to;
        const char *step;
    };
    static int CPL_STDCALL gdalProgress(double complete, const char *, void *arg)
    {
        const auto *span = static_cast<Span *>(arg);
        span->importer->progress(span->from + (span->to - span->from) * complete, span->step);
        return TRUE;
    }

    void addIssue(std::vector<ImportIssue> &list, int64_t fid, std::string reason, int64_t &count)
    {
        ++count;
        if (list.size() < kMaxListedIssues)
            list.push_back({fid, std::move(reason)});
    }

    /// Text as UTF-8: a Shapefile without .cpg read raw is taken as GBK (CP936) where it is not UTF-8.
    std::string utf8(const char *text, int64_t &recoded) const
    {
        if (!m_gbk || CPLIsUTF8(text, -1))
            return text;
        ++recoded;
        char *u = CPLRecode(text, "CP936", CPL_ENC_UTF8);
        std::string out = u ? u : text;
        CPLFree(u);
        return out;
    }

    const LayerImporter::Options &m_options;
    GdalErrorCapture &m_capture;
    ImportReport &m_report;
    bool m_gbk = false;
    double m_progress = 0; ///< the furthest progress told
};

Result<ImportReport> Importer::vector(GDALDataset &src, const std::string &outputBase)
{
    OGRLayer *layer = nullptr;
    int others = 0;
    for (int i = 0; i < src.GetLayerCount(); ++i) {
        OGRLayer *l = src.GetLayer(i);
        if (!l || l->GetGeomType() == wkbNone || l->GetFeatureCount(TRUE) == 0)
            continue;
        if (!layer)
            layer = l;
        else
            ++others;
    }
    if (!layer)
        return importError("empty", "文件中没有要素（没有带几何的图层，或图层为空）");
    if (others > 0)
        m_report.warnings.push_back("文件中有 " + std::to_string(others + 1) + " 个图层，只导入了第一个图层 "
                                    + layer->GetName());
    m_report.sourceLayer = layer->GetName();
    const bool shapefile = m_report.driver == "ESRI Shapefile";

    const OGRSpatialReference *srs = layer->GetSpatialRef();
    if (!srs)
        return importError("no_crs", shapefile ? "缺少坐标系：Shapefile 没有 .prj 文件，无法确定坐标；请将 .prj 与 "
                                                 ".shp、.shx、.dbf 一起打包上传"
                                               : "缺少坐标系：文件没有声明坐标参考系，无法确定坐标");
    OGRSpatialReference source(*srs);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference target;
    target.importFromEPSG(4490);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    m_report.sourceCrs = crsLabel(source);
    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (!source.IsSame(&target)) {
        if (source.IsLocal() || (!source.IsGeographic() && !source.IsProjected()))
            return importError("crs", "坐标系无法识别（" + m_report.sourceCrs
                                          + "），不能转换到 CGCS2000（EPSG:4490）；请提供带标准坐标系的数据");
        transform.reset(OGRCreateCoordinateTransformation(&source, &target));
        if (!transform)
            return importError("crs", "坐标系无法转换到 CGCS2000（EPSG:4490）：" + m_report.sourceCrs + "；"
                                          + m_capture.joinedErrors());
        m_report.reprojected = true;
    }

    // The output, next to its final place, renamed when complete.
    const std::string finalPath = outputBase + ".gpkg";
    const std::string tmpPath = outputBase + ".part.gpkg";
    removeOutput(tmpPath);
    auto *driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    DatasetPtr out(driver->Create(tmpPath.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!out)
        return importError("write", "无法创建图层文件：" + m_capture.joinedErrors());
    OGRwkbGeometryType type = outputType(layer->GetGeomType());
    if (type == wkbUnknown) {
        // GeoJSON with Polygons and MultiPolygons says "unknown": decide from the geometries.
        std::set<OGRwkbGeometryType> seen;
        layer->ResetReading();
        for (auto &f : *layer)
            if (const OGRGeometry *g = f->GetGeometryRef(); g && !g->IsEmpty())
                seen.insert(outputType(g->getGeometryType()));
        layer->ResetReading();
        if (seen.size() == 1)
            type = *seen.begin();
        else if (seen == std::set<OGRwkbGeometryType>{wkbPoint, wkbMultiPoint})
            type = wkbMultiPoint;
    }
    char **layerOptions = nullptr;
    layerOptions = CSLSetNameValue(layerOptions, "GEOMETRY_NAME", "geom");
    layerOptions = CSLSetNameValue(layerOptions, "FID", "fid");
    if (!m_options.description.empty())
        layerOptions = CSLSetNameValue(layerOptions, "DESCRIPTION", m_options.description.c_str());
    OGRLayer *dst = out->CreateLayer(m_options.layerName.c_str(), &target, type, layerOptions);
    CSLDestroy(layerOptions);
    if (!dst) {
        out.reset();
        removeOutput(tmpPath);
        return importError("write", "无法创建图层：" + m_capture.joinedErrors());
    }
    OGRFeatureDefn *srcDefn = layer->GetLayerDefn();
    int64_t recoded = 0;
    std::vector<int> fieldMap(size_t(srcDefn->GetFieldCount()), -1); // source field → output field
    for (int i = 0; i < srcDefn->GetFieldCount(); ++i) {
        OGRFieldDefn field(srcDefn->GetFieldDefn(i));
        field.SetName(utf8(field.GetNameRef(), recoded).c_str());
        if (lower(field.GetNameRef()) == "fid" || lower(field.GetNameRef()) == "geom")
            continue;
        if (dst->CreateField(&field) == OGRERR_NONE)
            fieldMap[size_t(i)] = dst->GetLayerDefn()->GetFieldIndex(field.GetNameRef());
    }
    m_report.geometryType = type == wkbUnknown ? "Geometry" : OGRGeometryTypeToName(type);

    GeosContext geos;
    const auto fail = [&](Error e) -> Result<ImportReport> {
        out.reset();
        removeOutput(tmpPath);
        return e;
    };
    int64_t repairedCount = 0, rejectedCount = 0;
    out->StartTransaction();
    layer->ResetReading();
    const int64_t declared = layer->GetFeatureCount(FALSE);
    progress(0.02, "检查几何并写入要素");
    for (;;) {
        if (declared > 0 && m_report.sourceFeatures % 500 == 0)
            progress(0.02 + 0.96 * double(m_report.sourceFeatures) / double(declared), "检查几何并写入要素");
        const size_t errorsBefore = m_capture.errors().size();
        OGRFeatureUniquePtr feature(layer->GetNextFeature());
        if (m_capture.errors().size() > errorsBefore)
            return fail(importError("corrupt", "文件已损坏或不完整：读取第 "
                                                   + std::to_string(m_report.sourceFeatures + 1) + " 个要素时出错（"
                                                   + m_capture.errors()[errorsBefore] + "）"));
        if (!feature)
            break;
        ++m_report.sourceFeatures;
        const int64_t fid = feature->GetFID();
        std::unique_ptr<OGRGeometry> g(feature->StealGeometry());
        if (!g || g->IsEmpty()) {
            addIssue(m_report.rejected, fid, "没有几何（空几何）", rejectedCount);
            continue;
        }
        if (g->hasCurveGeometry())
            g.reset(g->getLinearGeometry());
        if (g->Is3D() || g->IsMeasured())
            g->flattenTo2D();
        if (transform && g->transform(transform.get()) != OGRERR_NONE) {
            addIssue(m_report.rejected, fid, "坐标转换失败（坐标超出源坐标系的范围）", rejectedCount);
            continue;
        }
        OGREnvelope env;
        g->getEnvelope(&env);
        if (!std::isfinite(env.MinX) || !std::isfinite(env.MaxY) || env.MinX < -180 || env.MaxX > 180 || env.MinY < -90
            || env.MaxY > 90) {
            addIssue(m_report.rejected, fid, "坐标超出经纬度范围（坐标系声明与数据不符？）", rejectedCount);
            continue;
        }
        if (!g->IsValid()) {
            const std::string reason = invalidReason(g.get(), geos);
            if (!isPolygonal(g->getGeometryType())) {
                addIssue(m_report.rejected, fid, reason, rejectedCount);
                continue;
            }
            const double before = polygonalArea(g.get());
            std::unique_ptr<OGRGeometry> fixed(g->MakeValid());
            auto polygons = polygonsOf(fixed.get());
            const double after = polygons ? polygons->get_Area() : 0;
            const double change = before > 0 ? std::abs(after - before) / before : 1.0;
            if (!polygons || !polygons->IsValid() || change > m_options.maxRepairAreaChange) {
                char pct[32];
                std::snprintf(pct, sizeof pct, "%.1f%%", change * 100);
                addIssue(m_report.rejected, fid,
                         reason + "，无法安全修复（修复后"
                             + (polygons ? std::string("面积变化 ") + pct : std::string("不再是面")) + "）",
                         rejectedCount);
                continue;
            }
            g = std::move(polygons);
            addIssue(m_report.repaired, fid, reason + "，已自动修复", repairedCount);
        }
        if (type == wkbMultiPolygon)
            g.reset(OGRGeometryFactory::forceToMultiPolygon(g.release()));
        else if (type == wkbMultiLineString)
            g.reset(OGRGeometryFactory::forceToMultiLineString(g.release()));
        else if (type == wkbMultiPoint)
            g.reset(OGRGeometryFactory::forceToMultiPoint(g.release()));
        if (type != wkbUnknown && wkbFlatten(g->getGeometryType()) != type) {
            addIssue(m_report.rejected, fid,
                     std::string("几何类型与图层不符（") + OGRGeometryTypeToName(g->getGeometryType()) + "）",
                     rejectedCount);
            continue;
        }
        OGRFeature copy(dst->GetLayerDefn());
        copy.SetFrom(feature.get(), fieldMap.data(), TRUE);
        if (m_gbk)
            for (int i = 0; i < copy.GetFieldCount(); ++i)
                if (copy.GetFieldDefnRef(i)->GetType() == OFTString && copy.IsFieldSetAndNotNull(i))
                    copy.SetField(i, utf8(copy.GetFieldAsString(i), recoded).c_str());
        copy.SetFID(OGRNullFID);
        copy.SetGeometryDirectly(g.release());
        const size_t writeErrors = m_capture.errors().size();
        if (dst->CreateFeature(&copy) != OGRERR_NONE) {
            addIssue(m_report.rejected, fid,
                     "写入失败："
                         + (m_capture.errors().size() > writeErrors ? m_capture.errors().back() : std::string()),
                     rejectedCount);
            continue;
        }
        ++m_report.featureCount;
        if (m_report.featureCount % 20000 == 0) {
            out->CommitTransaction();
            out->StartTransaction();
        }
    }
    out->CommitTransaction();
    if (declared > 0 && m_report.sourceFeatures < declared)
        return fail(importError("corrupt", "文件已损坏或不完整：声明有 " + std::to_string(declared) + " 个要素，只读到 "
                                               + std::to_string(m_report.sourceFeatures) + " 个"));
    if (recoded > 0)
        m_report.warnings.push_back("Shapefile 没有 .cpg 编码文件：非 UTF-8 的属性已按 GBK（CP936）读取");
    if (repairedCount > int64_t(m_report.repaired.size()))
        m_report.warnings.push_back("共修复 " + std::to_string(repairedCount) + " 个要素，只列出前 "
                                    + std::to_string(m_report.repaired.size()) + " 个");
    if (rejectedCount > int64_t(m_report.rejected.size()))
        m_report.warnings.push_back("共拒绝 " + std::to_string(rejectedCount) + " 个要素，只列出前 "
                                    + std::to_string(m_report.rejected.size()) + " 个");
    if (m_report.featureCount == 0)
        return fail(importError("empty", m_report.rejected.empty()
                                             ? std::string("文件中没有要素")
                                             : "没有可导入的要素：全部 " + std::to_string(rejectedCount)
                                                   + " 个要素被拒绝（" + issueList(m_report.rejected) + "）"));
    OGREnvelope env;
    if (dst->GetExtent(&env, TRUE) == OGRERR_NONE)
        m_report.bbox = {env.MinX, env.MinY, env.MaxX, env.MaxY};
    out.reset();
    return publish(tmpPath, finalPath, "gpkg", "图层");
}

Result<ImportReport> Importer::raster(GDALDataset &src, const std::string &outputBase)
{
    m_report.raster = true;
    const OGRSpatialReference *srs = src.GetSpatialRef();
    double gt[6];
    if (!srs || src.GetGeoTransform(gt) != CE_None)
        return importError("no_crs", "影像没有地理参考（缺少坐标系或仿射变换，如 .tfw/.prj），无法确定位置");
    OGRSpatialReference source(*srs);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference target;
    target.importFromEPSG(4490);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    m_report.sourceCrs = crsLabel(source);
    m_report.reprojected = !source.IsSame(&target);
    if (m_report.reprojected && (source.IsLocal() || (!source.IsGeographic() && !source.IsProjected())))
        return importError("crs", "影像坐标系无法识别（" + m_report.sourceCrs + "），不能转换到 CGCS2000（EPSG:4490）");

    // 8-bit imagery (grey, RGB, with or without alpha) goes into a GeoPackage like the vector
    // layers: 256 px tiles, JPEG where a tile is opaque and PNG where it is not (the corners the
    // reprojection leaves empty are transparent). Anything else (16-bit, float, many bands) stays
    // a tiled GeoTIFF, which GeoPackage cannot hold.
    const int bands = src.GetRasterCount();
    bool eightBit = bands >= 1 && bands <= 4;
    for (int b = 1; eightBit && b <= bands; ++b)
        eightBit = src.GetRasterBand(b)->GetRasterDataType() == GDT_Byte;
    const std::string ext = eightBit ? ".gpkg" : ".tif";
    const std::string finalPath = outputBase + ext;
    const std::string tmpPath = outputBase + ".part" + ext;
    removeOutput(tmpPath);
    const std::string table = "RASTER_TABLE=" + m_options.layerName;
    std::vector<const char *> args = {"-t_srs", "EPSG:4490", "-r", "bilinear"};
    if (eightBit) {
        for (const char *a : {"-of", "GPKG", "-co", "TILE_FORMAT=AUTO", "-co", "QUALITY=85", "-co"})
            args.push_back(a);
        args.push_back(table.c_str());
        if (bands == 1 || bands == 3)
            args.push_back("-dstalpha");
    } else {
        for (const char *a : {"-of", "GTiff", "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", "-co", "BIGTIFF=IF_SAFER"})
            args.push_back(a);
    }
    args.push_back(nullptr);
    GDALWarpAppOptions *options = GDALWarpAppOptionsNew(const_cast<char **>(args.data()), nullptr);
    Span warping{this, 0.0, 0.7, "重投影影像"};
    GDALWarpAppOptionsSetProgress(options, &Importer::gdalProgress, &warping);
    GDALDatasetH in = GDALDataset::ToHandle(&src);
    int usageError = 0;
    GDALDatasetH warped = GDALWarp(tmpPath.c_str(), nullptr, 1, &in, options, &usageError);
    GDALWarpAppOptionsFree(options);
    if (!warped) {
        removeOutput(tmpPath);
        return importError("corrupt", "影像无法转换（文件损坏或不完整？）：" + m_capture.joinedErrors());
    }
    DatasetPtr out(GDALDataset::FromHandle(warped));
    m_report.rasterWidth = out->GetRasterXSize();
    m_report.rasterHeight = out->GetRasterYSize();
    m_report.rasterBands = out->GetRasterCount();
    Span pyramids{this, 0.7, 0.98, "生成影像金字塔"};
    std::vector<int> levels;
    for (int f = 2; std::max(m_report.rasterWidth, m_report.rasterHeight) / f >= 256; f *= 2)
        levels.push_back(f);
    if (!levels.empty()
        && out->BuildOverviews("AVERAGE", int(levels.size()), levels.data(), 0, nullptr, &Importer::gdalProgress,
                               &pyramids)
               != CE_None) {
        out.reset();
        removeOutput(tmpPath);
        return importError("write", "生成影像金字塔失败：" + m_capture.joinedErrors());
    }
    m_report.overviewCount = int(levels.size());
    double ogt[6];
    out->GetGeoTransform(ogt);
    const double x0 = ogt[0], y0 = ogt[3];
    const double x1 = x0 + ogt[1] * m_report.rasterWidth, y1 = y0 + ogt[5] * m_report.rasterHeight;
    m_report.bbox = {std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
    out.reset();
    return publish(tmpPath, finalPath, eightBit ? "gpkg_raster" : "gtiff", "影像");
}

} // namespace

LayerImporter::LayerImporter() = default;

LayerImporter::LayerImporter(Options options)
    : m_options(std::move(options))
{}

Result<ImportReport> LayerImporter::importFile(const std::string &source, const std::string &outputBase) const
{
    ensureGdal();
    GdalErrorCapture capture;
    ImportReport report;
    auto path = resolveSource(source, report.warnings);
    if (!path)
        return path.error();
    DatasetPtr ds(GDALDataset::Open(path->c_str(), GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_READONLY, kAllowedDrivers,
                                    nullptr, nullptr));
    if (!ds) {
        std::string why = capture.joinedErrors();
        return importError("not_gis", "无法读取：不是可识别的 GIS 文件，或文件已损坏、不完整（支持 Shapefile、GeoJSON、"
                                      "GeoPackage、FileGDB、KML、GML、FlatGeobuf、GeoTIFF，可打包为 zip）"
                                          + (why.empty() ? std::string() : "。GDAL：" + why));
    }
    report.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    // A Shapefile without .cpg: GDAL would read its text as Latin-1 (unless the DBF names a code
    // page). Chinese data without .cpg is usually GBK: read the bytes raw and decode them below.
    bool gbk = false;
    if (report.driver == "ESRI Shapefile" && endsWith(lower(*path), ".shp")) {
        const std::string base = path->substr(0, path->size() - 4);
        VSIStatBufL stat;
        if (VSIStatL((base + ".cpg").c_str(), &stat) != 0 && VSIStatL((base + ".CPG").c_str(), &stat) != 0) {
            const char *const openOptions[] = {"ENCODING=", nullptr};
            DatasetPtr raw(GDALDataset::Open(path->c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, kAllowedDrivers,
                                             openOptions, nullptr));
            if (raw) {
                ds = std::move(raw);
                gbk = true;
            }
        }
    }
    std::error_code ec;
    fs::create_directories(fs::path(outputBase).parent_path(), ec);
    Importer importer(m_options, capture, report, gbk);
    if (ds->GetLayerCount() > 0)
        return importer.vector(*ds, outputBase);
    if (ds->GetRasterCount() > 0)
        return importer.raster(*ds, outputBase);
    return importError("empty", "文件中没有要素，也没有影像数据");
}

Result<ImportReport> LayerImporter::describe(const std::string &path)
{
    ensureGdal();
    GdalErrorCapture capture;
    DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_READONLY, kAllowedDrivers,
                                    nullptr, nullptr));
    if (!ds)
        return importError("not_gis", "无法读取图层文件 " + path + "：" + capture.joinedErrors());
    ImportReport report;
    report.outputPath = path;
    report.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    report.sourceCrs = "EPSG:4490";
    if (ds->GetLayerCount() > 0) {
        OGRLayer *layer = ds->GetLayer(0);
        report.format = "gpkg";
        report.sourceLayer = layer->GetName();
        report.featureCount = report.sourceFeatures = layer->GetFeatureCount(TRUE);
        report.geometryType = OGRGeometryTypeToName(layer->GetGeomType());
        OGREnvelope env;
        if (layer->GetExtent(&env, TRUE) == OGRERR_NONE)
            report.bbox = {env.MinX, env.MinY, env.MaxX, env.MaxY};
        return report;
    }
    if (ds->GetRasterCount() == 0)
        return importError("empty", "图层文件中没有要素，也没有影像数据：" + path);
    report.format = report.driver == "GPKG" ? "gpkg_raster" : "gtiff";
    report.raster = true;
    report.rasterWidth = ds->GetRasterXSize();
    report.rasterHeight = ds->GetRasterYSize();
    report.rasterBands = ds->GetRasterCount();
    report.overviewCount = ds->GetRasterBand(1)->GetOverviewCount();
    double gt[6];
    if (ds->GetGeoTransform(gt) == CE_None) {
        const double x1 = gt[0] + gt[1] * report.rasterWidth, y1 = gt[3] + gt[5] * report.rasterHeight;
        report.bbox = {std::min(gt[0], x1), std::min(gt[3], y1), std::max(gt[0], x1), std::max(gt[3], y1)};
    }
    return report;
}

} // namespace spgl::geo
