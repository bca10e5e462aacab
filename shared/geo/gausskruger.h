#pragma once

namespace spgl::geo {

/// EPSG code of CGCS2000 geographic coordinates, the system every layer is stored in.
inline constexpr int kCgcs2000 = 4490;

/**
 * @brief EPSG code of the CGCS2000 3-degree Gauss–Krüger zone (central meridian in the code
 *        name, no zone prefix in the easting) whose central meridian is nearest to @p longitude.
 *
 * EPSG:4534 has central meridian 75°E, each next code 3° further east up to EPSG:4554 (135°E).
 * Xinjiang lies in 4534 … 4541; 乌鲁木齐 (87.6°E) in 4538. Longitudes outside 73.5°E–136.5°E
 * are clamped to the nearest zone of China.
 */
int gaussKrugerEpsg(double longitude);

/// Central meridian in degrees of the zone gaussKrugerEpsg() returns for @p longitude.
int gaussKrugerCentralMeridian(double longitude);

} // namespace spgl::geo
