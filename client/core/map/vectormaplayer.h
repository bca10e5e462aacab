#pragma once

#include "core/map/maplayer.h"
#include "core/map/vectorfeaturestore.h"
#include "core/result.h"

#include <QRgb>
#include <QVector>

#include <memory>
#include <vector>

namespace spgl::desk {

/// One feature found by identify: its layer, id and attributes (field → value, in field order).
struct IdentifyResult
{
    QString layerName;
    int64_t fid = 0;
    QList<QPair<QString, QString>> attributes;
};

/**
 * @brief A vector layer read once with GDAL/OGR (GeoPackage, Shapefile, GeoJSON, any vector
 *        format GDAL reads) into a VectorFeatureStore; reprojected to EPSG:4490 when the file
 *        is in another CRS.
 *
 * The store is immutable and shared with the renderers; the per-feature category colours of
 * the style are computed on the GUI thread when the style is set.
 */
class VectorMapLayer : public MapLayer
{
    Q_OBJECT

public:
    /// Opens @p path (the layer @p layerName, else the first) and loads all features.
    static Result<std::shared_ptr<VectorMapLayer>> open(const QString &path, const QString &layerName = {});

    VectorMapLayer(const QString &id, const QString &name, std::shared_ptr<const VectorFeatureStore> store,
                   QObject *parent = nullptr);

    std::shared_ptr<const VectorFeatureStore> store() const { return m_store; }
    size_t featureCount() const { return m_store ? m_store->size() : 0; }
    QRectF extent() const override { return m_store ? m_store->extent() : QRectF(); }
    void setStyle(const LayerStyle &style) override;
    std::unique_ptr<MapLayerRenderer> createRenderer(const MapSettings &settings) const override;
    /// Features at @p point (lon, lat) within @p tolerance degrees, with their attributes.
    QList<IdentifyResult> identify(const QPointF &point, double tolerance) const;

protected:
    /// Replaces the features (memory layers); recomputes categories and emits changed().
    void setStore(std::shared_ptr<const VectorFeatureStore> store);

private:
    void computeCategories();

    std::shared_ptr<const VectorFeatureStore> m_store;
    std::shared_ptr<const std::vector<uint16_t>> m_categories; ///< palette index per feature (0 = default)
    QVector<QRgb> m_palette;
};

} // namespace spgl::desk
