#pragma once

#include "core/map/vectormaplayer.h"
#include "core/result.h"

#include <QJsonArray>

namespace spgl::desk {

/**
 * @brief A vector layer fed from memory with GeoJSON features (EPSG:4490), e.g. the annotations
 *        of a project or a drawn site. Each setFeatures() replaces the content and repaints.
 */
class MemoryVectorLayer : public VectorMapLayer
{
    Q_OBJECT

public:
    MemoryVectorLayer(const QString &id, const QString &name, QObject *parent = nullptr);

    /// Replaces the features with @p features (GeoJSON Feature objects); the properties of all
    /// features become the fields. A feature whose geometry is not valid GeoJSON is an error and
    /// leaves the layer unchanged.
    Status setFeatures(const QJsonArray &features);
    /// Same from a FeatureCollection text.
    Status setGeoJson(const QByteArray &featureCollection);
};

} // namespace spgl::desk
