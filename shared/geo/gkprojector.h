#pragma once

#include "core/result.h"

#include <geos_c.h>

#include <memory>

class OGRCoordinateTransformation;

namespace spgl::geo {

/**
 * @brief Projects CGCS2000 longitude/latitude into one CGCS2000 3-degree Gauss–Krüger zone and
 *        measures planar areas and lengths there, as PostGIS does with
 *        `ST_Area(ST_Transform(g, 4538))`.
 *
 * Not thread-safe (PROJ transformations are not); make one per thread.
 */
class GkProjector
{
public:
    /// A projector into @p epsg (4534 … 4554); an error when PROJ does not know it.
    static Result<std::shared_ptr<GkProjector>> create(int epsg);
    ~GkProjector();

    int epsg() const { return m_epsg; }
    /// Transforms @p n points in place from lon/lat to GK easting/northing (metres).
    bool project(double *x, double *y, int n) const;
    /// Area in m² of the polygonal parts of @p g (lon/lat); lines and points count 0.
    double area(GEOSContextHandle_t h, const GEOSGeometry *g) const;
    /// Length in metres of the linear parts (rings of polygons count as their perimeter).
    double length(GEOSContextHandle_t h, const GEOSGeometry *g) const;

private:
    GkProjector(int epsg, OGRCoordinateTransformation *t);
    double ringArea(GEOSContextHandle_t h, const GEOSGeometry *ring) const;
    double lineLength(GEOSContextHandle_t h, const GEOSGeometry *line) const;

    int m_epsg;
    OGRCoordinateTransformation *m_transform;
    mutable std::vector<double> m_x, m_y;
};

} // namespace spgl::geo
