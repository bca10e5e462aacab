#pragma once

#include <string>
#include <vector>

namespace spgl::geo {

/**
 * @brief Registers GDAL's drivers once per process (thread-safe); call before any GDAL use.
 *
 * Also sets the options every SPGL process wants: GeoPackage and PROJ quiet about their
 * own warnings, traditional GIS axis order (longitude, latitude) for EPSG:4490.
 */
void ensureGdal();

/**
 * @brief Collects GDAL/OGR error messages raised on this thread while it lives, instead of
 *        letting GDAL print them on stderr.
 *
 * Used around every import and read so that a bad file gives the user GDAL's reason.
 */
class GdalErrorCapture
{
public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture &) = delete;
    GdalErrorCapture &operator=(const GdalErrorCapture &) = delete;

    /// Messages of CE_Failure and CE_Fatal, in the order raised.
    const std::vector<std::string> &errors() const { return m_errors; }
    /// Messages of CE_Warning.
    const std::vector<std::string> &warnings() const { return m_warnings; }
    /// All errors joined by "; " (empty when none).
    std::string joinedErrors() const;

    /// For GDAL's C callback only.
    void record(int errorClass, const char *message);

private:
    std::vector<std::string> m_errors;
    std::vector<std::string> m_warnings;
};

} // namespace spgl::geo
