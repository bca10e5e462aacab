#include "core/map/rastermaplayer.h"

#include "core/map/mapsettings.h"
#include "core/map/rasterlayerrenderer.h"
#include "geo/gdalsession.h"

#include <gdal_priv.h>

#include <QCoreApplication>
#include <QFileInfo>

#include <cmath>

namespace spgl::desk {

Result<std::shared_ptr<RasterMapLayer>> RasterMapLayer::open(const QString &path)
{
    if (!QFileInfo::exists(path))
        return Error{"map.raster.open", "无法打开影像 " + path.toStdString() + "：文件不存在", ""};
    geo::ensureGdal();
    geo::GdalErrorCapture capture;
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds)
        return Error{"map.raster.open", "无法打开影像 " + path.toStdString() + "：" + capture.joinedErrors(), ""};
    RasterInfo info;
    info.path = path;
    info.size = QSize(ds->GetRasterXSize(), ds->GetRasterYSize());
    info.bands = ds->GetRasterCount();
    if (info.bands != 1 && info.bands != 3 && info.bands != 4)
        return Error{"map.raster.bands",
                     "影像 " + path.toStdString() + " 有 " + std::to_string(info.bands)
                         + " 个波段；只支持灰度（1）、RGB（3）或 RGBA（4）",
                     ""};
    for (int b = 1; b <= info.bands; ++b)
        if (ds->GetRasterBand(b)->GetRasterDataType() != GDT_Byte)
            return Error{"map.raster.type", "影像 " + path.toStdString() + " 不是 8 位影像", ""};
    if (ds->GetGeoTransform(info.geoTransform.data()) != CE_None || info.geoTransform[2] != 0
        || info.geoTransform[4] != 0)
        return Error{"map.raster.georef", "影像 " + path.toStdString() + " 没有正北朝上的地理参考", ""};
    GDALRasterBand *band = ds->GetRasterBand(1);
    for (int o = 0; o < band->GetOverviewCount(); ++o) {
        GDALRasterBand *ov = band->GetOverview(o);
        info.overviews.append(QSize(ov->GetXSize(), ov->GetYSize()));
    }
    const QString name = QFileInfo(path).completeBaseName();
    auto layer = std::make_shared<RasterMapLayer>(name, name, info);
    layer->setSource(path);
    layer->setKind(QStringLiteral("imagery"));
    return layer;
}

RasterMapLayer::RasterMapLayer(const QString &id, const QString &name, const RasterInfo &info, QObject *parent)
    : MapLayer(Type::Raster, id, name, parent)
    , m_info(info)
{}

QRectF RasterMapLayer::extent() const
{
    const auto &g = m_info.geoTransform;
    const double x0 = g[0], y0 = g[3];
    const double x1 = x0 + g[1] * m_info.size.width(), y1 = y0 + g[5] * m_info.size.height();
    return QRectF(QPointF(std::min(x0, x1), std::min(y0, y1)), QPointF(std::max(x0, x1), std::max(y0, y1)));
}

QList<LegendEntry> RasterMapLayer::legend() const
{
    return {{QCoreApplication::translate("spgl::desk::RasterMapLayer", "影像（%1×%2 像素，%3 级金字塔）")
                 .arg(m_info.size.width())
                 .arg(m_info.size.height())
                 .arg(m_info.overviews.size()),
             QColor(120, 140, 90), QColor(Qt::transparent)}};
}

int RasterMapLayer::overviewFor(const RasterInfo &info, const MapSettings &settings)
{
    // Source pixels per device pixel at full resolution.
    const double devicePixel = settings.mapUnitsPerPixel() / settings.devicePixelRatio();
    const double ratio = devicePixel / std::abs(info.geoTransform[1]);
    int best = -1;
    for (int o = 0; o < info.overviews.size(); ++o) {
        const double factor = double(info.size.width()) / info.overviews[o].width();
        if (factor <= ratio * 1.001)
            best = o;
    }
    return best;
}

std::unique_ptr<MapLayerRenderer> RasterMapLayer::createRenderer(const MapSettings &settings) const
{
    if (!settings.visibleExtent().intersects(extent()))
        return nullptr;
    auto r = std::make_unique<RasterLayerRenderer>(m_info);
    r->setOpacity(opacity());
    return r;
}

} // namespace spgl::desk
