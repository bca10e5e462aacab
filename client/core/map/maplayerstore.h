#pragma once

#include "core/map/layerstyle.h"
#include "core/result.h"

#include <QList>
#include <QString>

#include <memory>

namespace spgl::desk {

class MapLayer;

/// A layer file found in the layers directory.
struct LayerSource
{
    QString path;
    QString name;     ///< display name (sidecar "name", else the file name)
    QString kind;     ///< catalog kind (sidecar "kind"), e.g. "land_use", "imagery"
    QByteArray style; ///< style JSON (sidecar "style"), empty for the default
    bool raster = false;
};

/**
 * @brief The layers available to the map: the GeoPackages, GeoTIFFs and other GDAL files of a
 *        directory, each with an optional sidecar `<file>.style.json`
 *        (`{"name": "…", "kind": "…", "style": {…}}`).
 *
 * The directory is `$SPGL_LAYERS_DIR`, else QSettings `map/layersDir`, else
 * `<AppDataLocation>/layers`. Rasters are listed first (drawn at the bottom), then vector files
 * by kind (areas under control lines, administrative boundaries and annotations on top), then name.
 */
class MapLayerStore
{
public:
    /// A store over @p directory (defaultDirectory() when empty).
    explicit MapLayerStore(const QString &directory = {});

    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    /// The layer files of the directory (rescanned on each call).
    QList<LayerSource> scan() const;
    /// Opens one layer file with its sidecar's name, kind and style.
    static Result<std::shared_ptr<MapLayer>> load(const LayerSource &source);
    /// A source for a file anywhere (reads the sidecar beside it when there is one).
    static LayerSource sourceFor(const QString &path);
    /// Opens every layer of scan(); files that fail are reported in @p errors and skipped.
    QList<std::shared_ptr<MapLayer>> loadAll(QStringList *errors = nullptr) const;
    /// Writes the sidecar of @p path.
    static Status writeSidecar(const QString &path, const QString &name, const QString &kind, const QByteArray &style);

private:
    QString m_directory;
};

} // namespace spgl::desk
