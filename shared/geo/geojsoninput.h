#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

namespace spgl::geo {

/// Which geometries an input accepts.
enum class GeometryInput {
    Any,      ///< points, lines and polygons (annotations, planning conditions)
    Polygonal ///< Polygon / MultiPolygon only (sites)
};

/**
 * @brief Checks a GeoJSON geometry typed by a person or drawn on a map: parses it, checks the
 *        type, that coordinates are CGCS2000 longitude/latitude inside China, and validity.
 *
 * Returns the geometry as compact GeoJSON (at most 7 decimals, about 1 cm); errors carry
 * Chinese messages and @p field.
 */
Result<std::string> checkGeoJsonGeometry(std::string_view geojson, GeometryInput accepted, const std::string &field);

} // namespace spgl::geo
