#include "geo/polygonlayerindex.h"

#include "geo/gdalsession.h"
#include "geo/geoscontext.h"
#include "geo/gkprojector.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <limits>

namespace spgl::geo {

Result<std::shared_ptr<const PolygonLayerIndex>>
PolygonLayerIndex::load(const std::string &path, const std::vector<std::string> &fields, const std::string &layerName)
{
    ensureGdal();
    GdalErrorCapture capture;
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds)
        return Error{"geo.layer.open", "无法打开图层文件：" + capture.joinedErrors(), ""};
    OGRLayer *layer = layerName.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layerName.c_str());
    if (!layer)
        return Error{"geo.layer.missing", "图层文件中没有图层 " + layerName, ""};
    std::vector<int> columns;
    for (const auto &f : fields)
        columns.push_back(layer->GetLayerDefn()->GetFieldIndex(f.c_str()));

    std::shared_ptr<PolygonLayerIndex> index(new PolygonLayerIndex);
    index->m_fieldCount = fields.size();
    const GIntBig expected = layer->GetFeatureCount(FALSE);
    if (expected > 0) {
        index->m_fids.reserve(size_t(expected));
        index->m_boxes.reserve(size_t(expected));
        index->m_wkbOffsets.reserve(size_t(expected) + 1);
    }
    index->m_wkbOffsets.push_back(0);
    std::vector<unsigned char> buffer;
    layer->ResetReading();
    for (auto &feature : *layer) {
        const OGRGeometry *g = feature->GetGeometryRef();
        if (!g || g->IsEmpty())
            continue;
        const auto flat = wkbFlatten(g->getGeometryType());
        if (flat != wkbPolygon && flat != wkbMultiPolygon)
            continue;
        OGREnvelope env;
        g->getEnvelope(&env);
        buffer.resize(size_t(g->WkbSize()));
        g->exportToWkb(wkbNDR, buffer.data(), wkbVariantIso);
        index->m_wkb.append(reinterpret_cast<const char *>(buffer.data()), buffer.size());
        index->m_wkbOffsets.push_back(index->m_wkb.size());
        index->m_boxes.push_back({env.MinX, env.MinY, env.MaxX, env.MaxY});
        index->m_fids.push_back(feature->GetFID());
        for (int c : columns)
            index->m_attributes.push_back(c >= 0 ? feature->GetFieldAsString(c) : std::string());
    }
    if (!capture.errors().empty())
        return Error{"geo.layer.read", "读取图层失败：" + capture.joinedErrors(), ""};
    index->m_tree = PackedRTree(index->m_boxes);
    return std::shared_ptr<const PolygonLayerIndex>(std::move(index));
}

double PolygonLayerIndex::area(uint32_t i, const GkProjector &projector, void *geosHandle) const
{
    std::atomic<double> *areas = nullptr;
    {
        std::lock_guard lock(m_areaMutex);
        auto &slot = m_areas[projector.epsg()];
        if (!slot) {
            slot.reset(new std::atomic<double>[size()]);
            for (size_t k = 0; k < size(); ++k)
                slot[k].store(std::numeric_limits<double>::quiet_NaN(), std::memory_order_relaxed);
        }
        areas = slot.get();
    }
    double a = areas[i].load(std::memory_order_relaxed);
    if (!std::isnan(a))
        return a;
    auto h = static_cast<GEOSContextHandle_t>(geosHandle);
    const auto bytes = wkb(i);
    GEOSWKBReader *reader = GEOSWKBReader_create_r(h);
    GEOSGeometry *g
        = GEOSWKBReader_read_r(h, reader, reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
    GEOSWKBReader_destroy_r(h, reader);
    a = projector.area(h, g);
    if (g)
        GEOSGeom_destroy_r(h, g);
    areas[i].store(a, std::memory_order_relaxed);
    return a;
}

} // namespace spgl::geo
