#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace spgl::desk {

class ApiClient;

/**
 * @brief Keeps the blueprint's layers for offline use (ARCHITECTURE §7): reads the layer catalog
 *        (GET /api/v1/blueprint/layers) and downloads each changed layer's file
 *        (GET /api/v1/blueprint/layers/{id}.gpkg, If-None-Match with the sha256 kept in the
 *        layer's sidecar) into the layers directory of MapLayerStore, with its style sidecar.
 *
 * A download is written to a temporary file, its SHA-256 checked against the server's ETag, and
 * only then renamed over the old file (an interrupted or corrupt download never replaces a good
 * layer). A server without the catalog (404) is skipped quietly. Blocking: run it on the sync
 * worker thread, like SyncEngine.
 */
class BlueprintLayerSync
{
public:
    struct Summary
    {
        bool available = true; ///< false when the server has no layer catalog (404)
        int layers = 0;        ///< layers in the catalog
        int downloaded = 0;    ///< files written (new or changed)
        int unchanged = 0;     ///< up to date already (sha256 equal or 304)
        QStringList errors;    ///< per-layer problems (the old file stays)
        bool changed() const { return downloaded > 0; }
    };

    /// Uses @p api's server and token; writes into @p directory (created when missing).
    BlueprintLayerSync(ApiClient &api, const QString &directory);

    /// Brings the directory up to date with the catalog. An error only when the catalog could not
    /// be read (offline: "sync.offline"); a layer that failed is listed in Summary::errors.
    Result<Summary> sync();

    /// The file a catalog layer is kept in: `<id>.gpkg` (features, and imagery in a GeoPackage),
    /// or `<id>.tif` for imagery the server keeps as GeoTIFF (format "gtiff").
    QString fileFor(const QString &id, const QString &format) const;
    /// The sha256 recorded for the local file at @p path (empty when none).
    static QString recordedSha256(const QString &path);

private:
    /// GET @p path into @p file (atomic), sending If-None-Match @p etag; returns the HTTP status
    /// (200 written, 304 unchanged, 0 network error) and fills @p error.
    int download(const QString &path, const QString &file, const QString &expectedSha256, QString *error);

    ApiClient &m_api;
    QString m_directory;
};

} // namespace spgl::desk
