#include "geo/geojsoninput.h"

#include "geo/gdalsession.h"

#include <cpl_conv.h>
#include <ogr_api.h>
#include <ogr_geometry.h>

#include <memory>

namespace spgl::geo {

Result<std::string> checkGeoJsonGeometry(std::string_view geojson, GeometryInput accepted, const std::string &field)
{
    ensureGdal();
    GdalErrorCapture capture;
    const std::string text(geojson);
    std::unique_ptr<OGRGeometry> g(OGRGeometryFactory::createFromGeoJson(text.c_str()));
    if (!g)
        return Error{"geo.geometry.json", "几何图形不是有效的 GeoJSON", field};
    const auto type = wkbFlatten(g->getGeometryType());
    const bool polygonal = type == wkbPolygon || type == wkbMultiPolygon;
    const bool simple
        = polygonal || type == wkbPoint || type == wkbMultiPoint || type == wkbLineString || type == wkbMultiLineString;
    if (accepted == GeometryInput::Polygonal && !polygonal)
        return Error{"geo.geometry.type", "此处需要面（Polygon 或 MultiPolygon）", field};
    if (!simple)
        return Error{"geo.geometry.type", "只支持点、线、面几何", field};
    if (g->IsEmpty())
        return Error{"geo.geometry.empty", "几何图形为空", field};
    OGREnvelope env;
    g->getEnvelope(&env);
    if (env.MinX < 73.0 || env.MaxX > 136.0 || env.MinY < 3.0 || env.MaxY > 54.0)
        return Error{"geo.geometry.range", "坐标超出中国范围：应为 CGCS2000 经纬度（EPSG:4490，经度在前）", field};
    if (!g->IsValid())
        return Error{"geo.geometry.invalid", "几何图形自相交或无效，请修正后再提交", field};
    char **options = CSLSetNameValue(nullptr, "COORDINATE_PRECISION", "7");
    char *json = OGR_G_ExportToJsonEx(OGRGeometry::ToHandle(g.get()), options);
    CSLDestroy(options);
    std::string out = json ? json : "";
    CPLFree(json);
    return out;
}

} // namespace spgl::geo
