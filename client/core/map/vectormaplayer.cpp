#include "core/map/vectormaplayer.h"

#include "core/map/vectorlayerrenderer.h"
#include "geo/gdalsession.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QFileInfo>

namespace spgl::desk {

Result<std::shared_ptr<VectorMapLayer>> VectorMapLayer::open(const QString &path, const QString &layerName)
{
    if (!QFileInfo::exists(path))
        return Error{"map.layer.open", "无法打开矢量图层 " + path.toStdString() + "：文件不存在", ""};
    geo::ensureGdal();
    geo::GdalErrorCapture capture;
    const QByteArray file = path.toUtf8();
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(file.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds)
        return Error{"map.layer.open", "无法打开矢量图层 " + path.toStdString() + "：" + capture.joinedErrors(), ""};
    OGRLayer *layer = layerName.isEmpty() ? ds->GetLayer(0) : ds->GetLayerByName(layerName.toUtf8().constData());
    if (!layer)
        return Error{"map.layer.missing", "文件 " + path.toStdString() + " 中没有图层 " + layerName.toStdString(), ""};
    OGRFeatureDefn *defn = layer->GetLayerDefn();
    QStringList fields;
    for (int f = 0; f < defn->GetFieldCount(); ++f)
        fields.append(QString::fromUtf8(defn->GetFieldDefn(f)->GetNameRef()));

    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (const OGRSpatialReference *srs = layer->GetSpatialRef()) {
        OGRSpatialReference target;
        target.importFromEPSG(4490);
        target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (!srs->IsSame(&target)) {
            transform.reset(OGRCreateCoordinateTransformation(srs, &target));
            if (!transform)
                return Error{"map.layer.crs",
                             "无法将图层 " + path.toStdString() + " 转换到 CGCS2000：" + capture.joinedErrors(), ""};
        }
    }

    auto store = std::make_shared<VectorFeatureStore>(fields);
    QStringList values;
    layer->ResetReading();
    for (auto &feature : *layer) {
        OGRGeometry *g = feature->GetGeometryRef();
        if (!g)
            continue;
        if (transform && g->transform(transform.get()) != OGRERR_NONE)
            continue;
        values.clear();
        for (int f = 0; f < fields.size(); ++f)
            values.append(feature->IsFieldSetAndNotNull(f) ? QString::fromUtf8(feature->GetFieldAsString(f))
                                                           : QString());
        store->addFeature(feature->GetFID(), *g, values);
    }
    if (!capture.errors().empty())
        return Error{"map.layer.read", "读取图层 " + path.toStdString() + " 失败：" + capture.joinedErrors(), ""};
    store->finish();
    const QString name = layerName.isEmpty() ? QFileInfo(path).completeBaseName() : layerName;
    auto out = std::make_shared<VectorMapLayer>(name, name, std::move(store));
    out->setSource(path);
    return out;
}

VectorMapLayer::VectorMapLayer(const QString &id, const QString &name, std::shared_ptr<const VectorFeatureStore> store,
                               QObject *parent)
    : MapLayer(Type::Vector, id, name, parent)
    , m_store(std::move(store))
{
    computeCategories();
}

void VectorMapLayer::setStyle(const LayerStyle &style)
{
    m_style = style;
    computeCategories();
    MapLayer::setStyle(style);
}

void VectorMapLayer::setStore(std::shared_ptr<const VectorFeatureStore> store)
{
    m_store = std::move(store);
    computeCategories();
    Q_EMIT changed();
}

void VectorMapLayer::computeCategories()
{
    m_palette = {m_style.fill().rgba()};
    m_categories.reset();
    if (!m_store || m_style.categoryField().isEmpty())
        return;
    const int field = int(m_store->fields().indexOf(m_style.categoryField()));
    if (field < 0)
        return;
    QHash<QString, uint16_t> index;
    const QStringList values = m_style.categoryValues();
    for (const QString &v : values) {
        if (m_palette.size() >= 65535)
            break;
        index.insert(v, uint16_t(m_palette.size()));
        m_palette.append(m_style.fillFor(v).rgba());
    }
    auto categories = std::make_shared<std::vector<uint16_t>>(m_store->size(), uint16_t(0));
    for (uint32_t i = 0; i < m_store->size(); ++i)
        (*categories)[i] = index.value(m_store->attribute(i, field), 0);
    m_categories = std::move(categories);
}

std::unique_ptr<MapLayerRenderer> VectorMapLayer::createRenderer(const MapSettings &settings) const
{
    if (!m_store || m_store->size() == 0)
        return nullptr;
    auto r = std::make_unique<VectorLayerRenderer>(m_store, m_categories, m_palette, m_style);
    r->setOpacity(opacity());
    return r;
}

QList<IdentifyResult> VectorMapLayer::identify(const QPointF &point, double tolerance) const
{
    QList<IdentifyResult> out;
    if (!m_store)
        return out;
    const QStringList fields = m_store->fields();
    for (uint32_t i : m_store->featuresAt(point, tolerance)) {
        IdentifyResult r{name(), m_store->fid(i), {}};
        for (int f = 0; f < fields.size(); ++f)
            r.attributes.append({fields[f], m_store->attribute(i, f)});
        out.append(r);
    }
    return out;
}

} // namespace spgl::desk
