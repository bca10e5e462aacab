#include "geo/gkprojector.h"

#include "geo/gausskruger.h"
#include "geo/gdalsession.h"

#include <ogr_spatialref.h>

#include <cmath>

namespace spgl::geo {

Result<std::shared_ptr<GkProjector>> GkProjector::create(int epsg)
{
    ensureGdal();
    GdalErrorCapture capture;
    OGRSpatialReference from;
    OGRSpatialReference to;
    if (from.importFromEPSG(kCgcs2000) != OGRERR_NONE || to.importFromEPSG(epsg) != OGRERR_NONE)
        return Error{"geo.crs.unknown", "坐标系 EPSG:" + std::to_string(epsg) + " 不可用：" + capture.joinedErrors(),
                     ""};
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    auto *t = OGRCreateCoordinateTransformation(&from, &to);
    if (!t)
        return Error{"geo.crs.transform", "无法建立到 EPSG:" + std::to_string(epsg) + " 的坐标转换", ""};
    return std::shared_ptr<GkProjector>(new GkProjector(epsg, t));
}

GkProjector::GkProjector(int epsg, OGRCoordinateTransformation *t)
    : m_epsg(epsg)
    , m_transform(t)
{}

GkProjector::~GkProjector()
{
    OGRCoordinateTransformation::DestroyCT(m_transform);
}

bool GkProjector::project(double *x, double *y, int n) const
{
    return n == 0 || m_transform->Transform(n, x, y) == TRUE;
}

double GkProjector::ringArea(GEOSContextHandle_t h, const GEOSGeometry *ring) const
{
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n) || n < 4)
        return 0.0;
    m_x.resize(n);
    m_y.resize(n);
    GEOSCoordSeq_copyToArrays_r(h, seq, m_x.data(), m_y.data(), nullptr, nullptr);
    if (!project(m_x.data(), m_y.data(), int(n)))
        return 0.0;
    // Shoelace relative to the first point keeps the sum well-conditioned in metres.
    double sum = 0.0;
    const double x0 = m_x[0], y0 = m_y[0];
    for (unsigned int i = 1; i + 1 < n; ++i)
        sum += (m_x[i] - x0) * (m_y[i + 1] - y0) - (m_x[i + 1] - x0) * (m_y[i] - y0);
    return std::abs(sum) / 2.0;
}

double GkProjector::lineLength(GEOSContextHandle_t h, const GEOSGeometry *line) const
{
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(h, line);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n) || n < 2)
        return 0.0;
    m_x.resize(n);
    m_y.resize(n);
    GEOSCoordSeq_copyToArrays_r(h, seq, m_x.data(), m_y.data(), nullptr, nullptr);
    if (!project(m_x.data(), m_y.data(), int(n)))
        return 0.0;
    double sum = 0.0;
    for (unsigned int i = 1; i < n; ++i)
        sum += std::hypot(m_x[i] - m_x[i - 1], m_y[i] - m_y[i - 1]);
    return sum;
}

double GkProjector::area(GEOSContextHandle_t h, const GEOSGeometry *g) const
{
    if (!g)
        return 0.0;
    switch (GEOSGeomTypeId_r(h, g)) {
    case GEOS_POLYGON: {
        double a = ringArea(h, GEOSGetExteriorRing_r(h, g));
        const int holes = GEOSGetNumInteriorRings_r(h, g);
        for (int i = 0; i < holes; ++i)
            a -= ringArea(h, GEOSGetInteriorRingN_r(h, g, i));
        return a;
    }
    case GEOS_MULTIPOLYGON:
    case GEOS_GEOMETRYCOLLECTION: {
        double a = 0.0;
        const int parts = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < parts; ++i)
            a += area(h, GEOSGetGeometryN_r(h, g, i));
        return a;
    }
    default:
        return 0.0;
    }
}

double GkProjector::length(GEOSContextHandle_t h, const GEOSGeometry *g) const
{
    if (!g)
        return 0.0;
    switch (GEOSGeomTypeId_r(h, g)) {
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
        return lineLength(h, g);
    case GEOS_POLYGON: {
        double l = lineLength(h, GEOSGetExteriorRing_r(h, g));
        for (int i = 0; i < GEOSGetNumInteriorRings_r(h, g); ++i)
            l += lineLength(h, GEOSGetInteriorRingN_r(h, g, i));
        return l;
    }
    case GEOS_MULTILINESTRING:
    case GEOS_MULTIPOLYGON:
    case GEOS_GEOMETRYCOLLECTION: {
        double l = 0.0;
        for (int i = 0; i < GEOSGetNumGeometries_r(h, g); ++i)
            l += length(h, GEOSGetGeometryN_r(h, g, i));
        return l;
    }
    default:
        return 0.0;
    }
}

} // namespace spgl::geo
