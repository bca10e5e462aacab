#include "core/map/maplayerstore.h"

#include "core/map/rastermaplayer.h"
#include "core/map/vectormaplayer.h"
#include "geo/gdalsession.h"

#include <gdal_priv.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>

namespace spgl::desk {

namespace {
/// Whether a GeoPackage holds imagery (tiles) rather than features.
bool holdsImagery(const QString &path)
{
    if (!path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive))
        return false;
    geo::ensureGdal();
    geo::GdalErrorCapture quiet; // a features-only GeoPackage "has no raster": not an error here
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    return ds && ds->GetRasterCount() > 0;
}

const QStringList kVectorSuffixes{QStringLiteral("gpkg"), QStringLiteral("shp"), QStringLiteral("geojson"),
                                  QStringLiteral("json"), QStringLiteral("fgb"), QStringLiteral("kml")};
const QStringList kRasterSuffixes{QStringLiteral("tif"), QStringLiteral("tiff"), QStringLiteral("vrt")};

/// Drawing order of the catalog kinds, bottom to top: areas under lines, boundaries on top.
int kindRank(const LayerSource &s)
{
    static const QStringList order{
        QStringLiteral("imagery"),        QStringLiteral("land_use"),     QStringLiteral("basic_farmland"),
        QStringLiteral("eco_redline"),    QStringLiteral("assessment"),   QStringLiteral("urban_boundary"),
        QStringLiteral("admin_division"), QStringLiteral("project_site"), QStringLiteral("annotation")};
    if (s.raster)
        return -1;
    const qsizetype k = order.indexOf(s.kind);
    return k < 0 ? int(order.size()) : int(k);
}
} // namespace

MapLayerStore::MapLayerStore(const QString &directory)
    : m_directory(directory.isEmpty() ? defaultDirectory() : directory)
{}

QString MapLayerStore::defaultDirectory()
{
    const QString env = qEnvironmentVariable("SPGL_LAYERS_DIR");
    if (!env.isEmpty())
        return env;
    const QString configured = QSettings().value(QStringLiteral("map/layersDir")).toString();
    if (!configured.isEmpty())
        return configured;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/layers");
}

LayerSource MapLayerStore::sourceFor(const QString &path)
{
    const QFileInfo info(path);
    LayerSource s;
    s.path = info.absoluteFilePath();
    s.name = info.completeBaseName();
    s.raster = kRasterSuffixes.contains(info.suffix().toLower()) || holdsImagery(s.path);
    s.kind = s.raster ? QStringLiteral("imagery") : QString();
    QFile sidecar(s.path + QStringLiteral(".style.json"));
    if (sidecar.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(sidecar.readAll()).object();
        if (!o.value(QLatin1String("name")).toString().isEmpty())
            s.name = o.value(QLatin1String("name")).toString();
        if (!o.value(QLatin1String("kind")).toString().isEmpty())
            s.kind = o.value(QLatin1String("kind")).toString();
        const QJsonValue style = o.value(QLatin1String("style"));
        if (style.isObject())
            s.style = QJsonDocument(style.toObject()).toJson(QJsonDocument::Compact);
        else if (style.isString())
            s.style = style.toString().toUtf8();
    }
    return s;
}

QList<LayerSource> MapLayerStore::scan() const
{
    QList<LayerSource> rasters, vectors;
    const QDir dir(m_directory);
    const QFileInfoList files = dir.entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo &f : files) {
        const QString suffix = f.suffix().toLower();
        if (f.fileName().endsWith(QLatin1String(".style.json")))
            continue;
        if (kRasterSuffixes.contains(suffix) || kVectorSuffixes.contains(suffix)) {
            LayerSource s = sourceFor(f.absoluteFilePath()); // a .gpkg may hold imagery
            (s.raster ? rasters : vectors).append(std::move(s));
        }
    }
    QList<LayerSource> all = rasters + vectors;
    std::stable_sort(all.begin(), all.end(),
                     [](const LayerSource &a, const LayerSource &b) { return kindRank(a) < kindRank(b); });
    return all;
}

Result<std::shared_ptr<MapLayer>> MapLayerStore::load(const LayerSource &source)
{
    std::shared_ptr<MapLayer> layer;
    if (source.raster) {
        auto r = RasterMapLayer::open(source.path);
        if (!r)
            return r.error();
        layer = std::move(r).value();
    } else {
        auto v = VectorMapLayer::open(source.path);
        if (!v)
            return v.error();
        layer = std::move(v).value();
    }
    layer->setName(source.name);
    if (!source.kind.isEmpty())
        layer->setKind(source.kind);
    if (!source.style.isEmpty())
        layer->setStyle(LayerStyle::fromJsonText(source.style));
    return layer;
}

QList<std::shared_ptr<MapLayer>> MapLayerStore::loadAll(QStringList *errors) const
{
    QList<std::shared_ptr<MapLayer>> out;
    const auto sources = scan();
    for (const LayerSource &s : sources) {
        auto layer = load(s);
        if (layer)
            out.append(std::move(layer).value());
        else if (errors)
            errors->append(QString::fromStdString(layer.error().message));
    }
    return out;
}

Status MapLayerStore::writeSidecar(const QString &path, const QString &name, const QString &kind,
                                   const QByteArray &style)
{
    QJsonObject o{{QStringLiteral("name"), name}, {QStringLiteral("kind"), kind}};
    const QJsonDocument styleDoc = QJsonDocument::fromJson(style);
    if (styleDoc.isObject())
        o.insert(QStringLiteral("style"), styleDoc.object());
    QFile f(path + QStringLiteral(".style.json"));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{"map.store.sidecar",
                     "无法写入 " + f.fileName().toStdString() + "：" + f.errorString().toStdString(), ""};
    f.write(QJsonDocument(o).toJson());
    return {};
}

} // namespace spgl::desk
