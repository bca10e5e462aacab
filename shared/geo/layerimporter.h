#pragma once

#include "core/result.h"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace spgl::geo {

/// One feature the importer had to change or leave out, by its FID in the source.
struct ImportIssue
{
    int64_t fid = 0;
    std::string reason; ///< Chinese explanation, e.g. "自相交（Self-intersection）"
};

/// What an import did: where the result is, what it holds and which features it changed or refused.
struct ImportReport
{
    std::string outputPath;   ///< the written GeoPackage (.gpkg) or GeoTIFF (.tif)
    std::string format;       ///< "gpkg" (features), "gpkg_raster" (8-bit imagery tiles) or "gtiff"
    bool raster = false;      ///< true for imagery
    std::string driver;       ///< GDAL driver that read the source ("ESRI Shapefile", "GeoJSON" …)
    std::string sourceLayer;  ///< the source layer imported
    std::string sourceCrs;    ///< the source CRS ("EPSG:4326", or its name)
    bool reprojected = false; ///< the source was not in EPSG:4490
    std::string geometryType; ///< of the output layer ("MultiPolygon" …); empty for rasters
    int64_t sourceFeatures = 0;
    int64_t featureCount = 0;               ///< features written
    std::array<double, 4> bbox{0, 0, 0, 0}; ///< minLon, minLat, maxLon, maxLat (EPSG:4490)
    std::vector<ImportIssue> repaired;      ///< invalid geometries repaired with MakeValid
    std::vector<ImportIssue> rejected;      ///< features left out
    std::vector<std::string> warnings;      ///< other remarks (more than one layer, encoding …)
    int rasterWidth = 0, rasterHeight = 0, rasterBands = 0, overviewCount = 0;
};

void to_json(nlohmann::json &j, const ImportIssue &issue);
void to_json(nlohmann::json &j, const ImportReport &report);

/**
 * @brief Imports a GIS file an administrator uploads into a blueprint layer file in EPSG:4490
 *        (GDAL/OGR only).
 *
 * Vector sources: any format of the allowed GDAL drivers (Shapefile with its .dbf/.prj/.cpg,
 * GeoJSON, GeoPackage, FileGDB directory, KML, GML, FlatGeobuf, MapInfo), given as one file, a
 * directory of a dataset's parts or a .zip of them. The first layer with features is written
 * into a GeoPackage; polygons become MultiPolygons. Each geometry is checked (OGR_G_IsValid);
 * an invalid polygon is repaired with MakeValid when the result stays a (multi)polygon whose
 * area is within 1 % of the original, otherwise the feature is rejected; both are reported by
 * FID and reason.
 *
 * Rasters (GeoTIFF and the other allowed raster drivers): warped to EPSG:4490 with overviews
 * (GDALBuildOverviews); 8-bit imagery of 1–4 bands into a GeoPackage raster (tiles, transparent
 * outside the image), anything else into a tiled GeoTIFF.
 *
 * Refused with a Chinese message (Error::code "geo.import.*"): no CRS (.prj missing) or one that
 * cannot be transformed to CGCS2000, no features, not a readable GIS file (wrong extension,
 * truncated, an unsupported format such as VRT, which could point at server files).
 */
class LayerImporter
{
public:
    /// Options of an import.
    struct Options
    {
        std::string layerName = "layer";   ///< the layer name inside the output GeoPackage
        std::string description;           ///< written as the layer's description
        double maxRepairAreaChange = 0.01; ///< MakeValid results differing more are rejected
        /// Told how far the import is (0–1) and at which step (Chinese, e.g. "重投影影像"), from the
        /// importing thread, every few hundred features or GDAL progress ticks; optional.
        std::function<void(double fraction, const std::string &step)> progress;
    };

    LayerImporter();
    explicit LayerImporter(Options options);

    /**
     * Imports @p source (a file, a directory or a .zip) into @p outputBase + ".gpkg" (vector
     * and 8-bit imagery) or ".tif" (other rasters). An existing output is replaced; nothing is
     * left behind on failure.
     */
    Result<ImportReport> importFile(const std::string &source, const std::string &outputBase) const;

    /**
     * Describes a layer file already in EPSG:4490 (a GeoPackage or a GeoTIFF, e.g. one the demo
     * generator wrote): format, feature count or raster size, bbox. outputPath is @p path.
     */
    static Result<ImportReport> describe(const std::string &path);

private:
    Options m_options;
};

} // namespace spgl::geo
