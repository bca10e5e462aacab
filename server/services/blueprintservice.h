#pragma once

#include "auth/principal.h"
#include "storage/database.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace spgl::server {

/**
 * @brief The blueprint's layer catalog (一张蓝图, guideline 5.2 / 6.1 b): versioned GeoPackage
 *        (and GeoTIFF imagery) files under `<data-dir>/blueprint/<layer-id>/v<N>.gpkg`, their
 *        kind and style.
 *
 * Administrators import any vector format GDAL reads (spgl::geo::LayerImporter: reprojected to
 * EPSG:4490, invalid geometries repaired or rejected and reported); every import or restore is
 * a new version (append-only; a restore points at an older version's file, which is the undo
 * path). Compliance checks and the OGC API read the current files through vectorLayers().
 */
class BlueprintService
{
public:
    /// The current file of a layer.
    struct LayerFile
    {
        std::string id, name, kind;
        int version = 0;
        std::filesystem::path path;
        nlohmann::json style;
    };

    /// An uploaded file to import, already saved to @p file by the handler.
    struct Upload
    {
        std::filesystem::path file; ///< the saved upload (removed by the service when done)
        std::string sourceName;     ///< the uploaded file's name
        std::string id, name, kind; ///< for a new layer
        nlohmann::json style;       ///< optional style of a new layer (null = a default one)
        std::string note;
    };

    BlueprintService(Database &db, std::filesystem::path dataDir);

    /// Where uploads are saved before their import (on the same file system as the layers).
    std::filesystem::path incomingDir() const;
    /// Removes what the handler saved for the upload @p file (the file, or its folder inside
    /// incomingDir()); nothing when @p file is not an upload.
    void discardUpload(const std::filesystem::path &file) const;

    /// GET /blueprint/layers: every layer with its current version.
    nlohmann::json list() const;
    /// GET /blueprint/layers/{id} (404 when unknown).
    nlohmann::json layerJson(const std::string &id) const;
    /// GET /blueprint/layers/{id}/versions: newest first (404 when unknown).
    nlohmann::json versions(const std::string &id) const;

    /// Told how far an import is (0–1) and at which step, from the importing thread.
    using Progress = std::function<void(double fraction, const std::string &step)>;

    /// The kind and name of the layer an upload goes into.
    struct Target
    {
        std::string kind, name;
    };
    /// What create() / importVersion() check before any GDAL work: the id, name, kind and style
    /// of a new layer (and that it does not exist yet), or that the layer to add a version to
    /// exists. Throws the ApiError they would answer; else the layer's kind and name.
    Target checkUpload(const std::string &id, bool create, const Upload &upload) const;
    /// POST /blueprint/layers: a new layer from an upload (409 when the id exists, 422 when the
    /// file cannot be imported: nothing is stored then).
    nlohmann::json create(const Principal &who, Upload upload, std::int64_t now, const Progress &progress = {});
    /// POST /blueprint/layers/{id}/versions: a new version of a layer from an upload.
    nlohmann::json importVersion(const Principal &who, const std::string &id, Upload upload, std::int64_t now,
                                 const Progress &progress = {});
    /// POST /blueprint/layers/{id}/restore {"version", "note"?}: a new version with an older one's file.
    nlohmann::json restore(const Principal &who, const std::string &id, const nlohmann::json &body, std::int64_t now);
    /// PUT /blueprint/layers/{id}/style: {"style": {…}} or the style object itself.
    nlohmann::json setStyle(const Principal &who, const std::string &id, const nlohmann::json &body, std::int64_t now);

    /// The current file of layer @p id; nullopt when unknown.
    std::optional<LayerFile> layer(const std::string &id) const;
    /// The current files of every vector layer (compliance checks, OGC API Features).
    std::vector<LayerFile> vectorLayers() const;
    /// The ids of the imagery layers (not features: OGC API Features leaves their folders alone).
    std::set<std::string> rasterLayerIds() const;
    /// The current file, its sha256 and format of layer @p id, for downloads (404 when unknown).
    struct Download
    {
        std::filesystem::path path;
        std::string sha256, format, fileName;
        std::int64_t size = 0;
    };
    Download download(const std::string &id) const;

    /**
     * Registers a file made on the server (the demo layers) as the next version of layer @p id,
     * creating the layer when needed; the file is moved into the catalog. @p source names where
     * it came from (e.g. "demo-layers --size small"). Returns the version.
     */
    int adopt(const std::string &id, const std::string &name, const std::string &kind, const nlohmann::json &style,
              const std::filesystem::path &file, const std::string &source, const std::string &note, bool synthetic,
              const std::string &by, std::int64_t now);
    /// The source recorded with the current version of layer @p id ("" when unknown).
    std::string currentSource(const std::string &id) const;

    /// Checks a style object (fill/stroke colours, widths, categorized classes); 422 when bad.
    static void validateStyle(const nlohmann::json &style);

private:
    nlohmann::json importUpload(const Principal &who, const std::string &id, bool create, Upload &upload,
                                std::int64_t now, const Progress &progress);
    std::filesystem::path layerDir(const std::string &id) const;
    void invalidate();

    Database &m_db;
    std::filesystem::path m_root; ///< <data-dir>/blueprint
    std::mutex m_importMutex;     ///< one import at a time per process (GDAL work, version numbers)
    /// The catalog's current layers: the vector files and the imagery ids.
    struct Current
    {
        std::vector<LayerFile> vectors;
        std::set<std::string> rasters;
    };
    Current current() const;
    /// current() of the last query: every compliance check and project read asks for it. Dropped
    /// by this process's changes and re-read after a second (another server instance's changes).
    mutable std::mutex m_cacheMutex;
    mutable Current m_cache;
    mutable std::int64_t m_cachedAt = -1; ///< steady clock ms; -1 = none
};

} // namespace spgl::server
