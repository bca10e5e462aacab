#include "core/map/memoryvectorlayer.h"

#include "geo/gdalsession.h"

#include <ogr_geometry.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace spgl::desk {

MemoryVectorLayer::MemoryVectorLayer(const QString &id, const QString &name, QObject *parent)
    : VectorMapLayer(id, name, nullptr, parent)
{
    setKind(QStringLiteral("annotation"));
}

Status MemoryVectorLayer::setFeatures(const QJsonArray &features)
{
    geo::ensureGdal();
    QStringList fields;
    for (const QJsonValue &f : features) {
        const QJsonObject props = f.toObject().value(QLatin1String("properties")).toObject();
        for (auto it = props.begin(); it != props.end(); ++it)
            if (!fields.contains(it.key()))
                fields.append(it.key());
    }
    auto store = std::make_shared<VectorFeatureStore>(fields);
    int64_t n = 0;
    for (const QJsonValue &f : features) {
        const QJsonObject feature = f.toObject();
        const QByteArray geometry
            = QJsonDocument(feature.value(QLatin1String("geometry")).toObject()).toJson(QJsonDocument::Compact);
        std::unique_ptr<OGRGeometry> g(OGRGeometryFactory::createFromGeoJson(geometry.constData()));
        if (!g)
            return Error{"map.memory.geometry", "第 " + std::to_string(n + 1) + " 个要素的几何不是有效的 GeoJSON", ""};
        const QJsonObject props = feature.value(QLatin1String("properties")).toObject();
        QStringList values;
        for (const QString &field : fields) {
            const QJsonValue v = props.value(field);
            values.append(v.isString()                    ? v.toString()
                          : v.isUndefined() || v.isNull() ? QString()
                                                          : v.toVariant().toString());
        }
        const QJsonValue id = feature.value(QLatin1String("id"));
        store->addFeature(id.isDouble() ? int64_t(id.toDouble()) : n + 1, *g, values);
        ++n;
    }
    store->finish();
    setStore(std::move(store));
    return {};
}

Status MemoryVectorLayer::setGeoJson(const QByteArray &featureCollection)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(featureCollection, &error);
    if (!doc.isObject())
        return Error{"map.memory.json", "GeoJSON 无法解析：" + error.errorString().toStdString(), ""};
    return setFeatures(doc.object().value(QLatin1String("features")).toArray());
}

} // namespace spgl::desk
