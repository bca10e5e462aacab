#pragma once

#include "core/result.h"

#include <QList>
#include <QPointF>
#include <QString>

namespace spgl::desk {

/**
 * @brief Lengths and areas of lon/lat (EPSG:4490) geometries: geodesic on the CGCS2000
 *        ellipsoid (PROJ's geodesic routines, Karney's method), or planar in the CGCS2000
 *        3-degree Gauss–Krüger zone of the geometry (shared/geo GkProjector), as the areas of
 *        the compliance check are computed.
 */
class Measurement
{
public:
    enum class Method { Geodesic, GaussKruger };

    /// Geodesic length in metres of the polyline @p points.
    static double geodesicLength(const QList<QPointF> &points);
    /// Geodesic area in m² of the ring @p ring (closed or not; orientation ignored).
    static double geodesicArea(const QList<QPointF> &ring);
    /// Length in metres in the GK zone of the first point (or @p epsg when not 0).
    static Result<double> gaussKrugerLength(const QList<QPointF> &points, int epsg = 0);
    /// Area in m² in the GK zone of the first vertex (or @p epsg when not 0).
    static Result<double> gaussKrugerArea(const QList<QPointF> &ring, int epsg = 0);
    /// The GK zone EPSG code used for @p points.
    static int zoneFor(const QList<QPointF> &points);

    /// "123.4 米" / "12.35 千米".
    static QString formatLength(double metres);
    /// "850.2 平方米" / "1.25 公顷" / "3.10 平方千米".
    static QString formatArea(double squareMetres);
};

} // namespace spgl::desk
