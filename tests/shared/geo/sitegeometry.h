#pragma once

#include <cmath>
#include <string>

/// GeoJSON of a square site of @p sideMeters around (lon, lat), rotated by @p degrees.
inline std::string squareSite(double lon, double lat, double sideMeters, double degrees = 0.0)
{
    const double half = sideMeters / 2.0;
    // Metres per degree on the CGCS2000 ellipsoid at this latitude (prime vertical and meridian radii).
    const double a = 6378137.0, e2 = 0.00669438002290, phi = lat * M_PI / 180.0;
    const double w = 1.0 - e2 * std::sin(phi) * std::sin(phi);
    const double n = a / std::sqrt(w), m = a * (1.0 - e2) / (w * std::sqrt(w));
    const double kx = 180.0 / (M_PI * n * std::cos(phi)), ky = 180.0 / (M_PI * m);
    const double c = std::cos(degrees * M_PI / 180.0), s = std::sin(degrees * M_PI / 180.0);
    std::string out = R"({"type":"Polygon","coordinates":[[)";
    const double corners[5][2] = {{-half, -half}, {half, -half}, {half, half}, {-half, half}, {-half, -half}};
    for (int i = 0; i < 5; ++i) {
        const double x = corners[i][0] * c - corners[i][1] * s, y = corners[i][0] * s + corners[i][1] * c;
        char buf[80];
        std::snprintf(buf, sizeof buf, "%s[%.9f,%.9f]", i ? "," : "", lon + x * kx, lat + y * ky);
        out += buf;
    }
    return out + "]]}";
}
