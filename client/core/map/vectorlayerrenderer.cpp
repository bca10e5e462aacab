#include "core/map/vectorlayerrenderer.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace spgl::desk {

namespace {

/// Source-over of a non-premultiplied colour with @p alpha (0…255) onto a premultiplied pixel.
inline void blendPixel(QRgb &dst, QRgb color, int alpha)
{
    if (alpha <= 0)
        return;
    const uint a = uint(alpha), ia = 255 - a;
    const uint r = (qRed(color) * a + qRed(dst) * ia) / 255;
    const uint g = (qGreen(color) * a + qGreen(dst) * ia) / 255;
    const uint b = (qBlue(color) * a + qBlue(dst) * ia) / 255;
    const uint da = a + (qAlpha(dst) * ia) / 255;
    dst = qRgba(int(r), int(g), int(b), int(da));
}

} // namespace

VectorLayerRenderer::VectorLayerRenderer(std::shared_ptr<const VectorFeatureStore> store,
                                         std::shared_ptr<const std::vector<uint16_t>> categories, QVector<QRgb> palette,
                                         const LayerStyle &style)
    : m_store(std::move(store))
    , m_categories(std::move(categories))
    , m_palette(std::move(palette))
    , m_style(style)
{}

bool VectorLayerRenderer::render(RenderContext &context)
{
    m_drawnShapes = m_drawnDots = 0;
    const VectorFeatureStore &store = *m_store;
    const MapSettings &s = context.settings;
    const QRectF view = s.visibleExtent();
    const double mupp = s.mapUnitsPerPixel();
    const double dpr = s.devicePixelRatio();
    const double k = 1.0 / mupp; // logical pixels per map unit
    const double left = view.left(), top = view.bottom();
    const double ox = store.origin().x(), oy = store.origin().y();

    std::vector<uint32_t> items;
    const QRectF ext = store.extent();
    const bool all = view.contains(ext);
    if (!all) {
        store.tree().query({view.left(), view.top(), view.right(), view.bottom()}, items);
        std::sort(items.begin(), items.end());
    }
    const size_t count = all ? store.size() : items.size();
    const int lod = store.levelFor(0.5 * mupp / dpr);
    const VectorFeatureStore::Level &level = store.level(lod);

    QPainter &p = *context.painter;
    p.save();
    p.setOpacity(opacity());
    p.setRenderHint(QPainter::Antialiasing, true);
    const QColor stroke = m_style.stroke();
    const double width = m_style.strokeWidth();
    QPen pen(stroke, width);
    pen.setJoinStyle(Qt::RoundJoin);
    const bool hasStroke = stroke.alpha() > 0 && width > 0;
    const int layerAlpha = int(std::lround(opacity() * 255));
    QImage &image = *context.image;
    const int iw = image.width(), ih = image.height();
    auto *bits = reinterpret_cast<QRgb *>(image.bits());
    const qsizetype stride = image.bytesPerLine() / 4;
    const std::vector<uint16_t> *categories = m_categories.get();
    const double minDevice = 1.6;      // features smaller than this (device pixels) become one pixel
    const double kSmallPolygon = 24.0; // polygons smaller than this are drawn without antialiasing

    QPolygonF poly;
    QPainterPath path;
    // Painter state changes cost as much as drawing a small polygon: set only what changes.
    bool aa = true;
    auto setAntialiasing = [&](bool on) {
        if (aa != on)
            p.setRenderHint(QPainter::Antialiasing, aa = on);
    };
    int penState = -1; // 0 none, 1 stroke
    auto setStroke = [&](bool on) {
        if (penState != int(on)) {
            penState = int(on);
            p.setPen(on ? pen : QPen(Qt::NoPen));
        }
    };
    qint64 brushState = -1; // -2 none, else the colour
    auto setFill = [&](bool on, QRgb rgba) {
        const qint64 want = on ? qint64(rgba) : -2;
        if (brushState != want) {
            brushState = want;
            p.setBrush(on ? QBrush(QColor::fromRgba(rgba)) : QBrush(Qt::NoBrush));
        }
    };
    for (size_t n = 0; n < count; ++n) {
        if ((n & 4095) == 0 && context.isCancelled()) {
            p.restore();
            return false;
        }
        const uint32_t i = all ? uint32_t(n) : items[n];
        const geo::Box &b = store.box(i);
        const double px0 = (b.minX - left) * k, px1 = (b.maxX - left) * k;
        const double py0 = (top - b.maxY) * k, py1 = (top - b.minY) * k;
        const VectorFeatureStore::GeometryType type = store.geometryType(i);
        const QRgb fillRgba = categories ? m_palette[(*categories)[i]] : m_palette[0];
        if (type != VectorFeatureStore::GeometryType::Point && (px1 - px0) * dpr < minDevice
            && (py1 - py0) * dpr < minDevice) {
            const int x = int((px0 + px1) * 0.5 * dpr), y = int((py0 + py1) * 0.5 * dpr);
            if (x >= 0 && y >= 0 && x < iw && y < ih) {
                const bool useFill = type == VectorFeatureStore::GeometryType::Polygon && qAlpha(fillRgba) > 0;
                const QRgb c = useFill ? fillRgba : stroke.rgba();
                blendPixel(bits[y * stride + x], c, qAlpha(c) * layerAlpha / 255);
                ++m_drawnDots;
            }
            continue;
        }
        const uint32_t r0 = level.featureRings[i], r1 = level.featureRings[i + 1];
        if (type == VectorFeatureStore::GeometryType::Point) {
            setAntialiasing(true);
            setStroke(hasStroke);
            setFill(true, fillRgba);
            for (uint32_t r = r0; r < r1; ++r) {
                const uint32_t q = level.ringPoints[r];
                const QPointF c((ox + level.xy[2 * q] - left) * k, (top - oy - level.xy[2 * q + 1]) * k);
                p.drawEllipse(c, 3.5, 3.5);
            }
            ++m_drawnShapes;
            continue;
        }
        const bool polygon = type == VectorFeatureStore::GeometryType::Polygon;
        bool filledAndStroked = false;
        bool small = false;
        if (polygon) {
            setFill(qAlpha(fillRgba) > 0, fillRgba);
            // Strokes of features a few pixels wide would only grey out their fill.
            const bool big = (px1 - px0) * dpr >= 4 || (py1 - py0) * dpr >= 4;
            setStroke(hasStroke && big);
            filledAndStroked = hasStroke && big && qAlpha(fillRgba) > 0;
            // Small polygons (a zoomed-out dense layer): one call without antialiasing, about
            // ten times faster; at this size the difference is hardly visible.
            small = (px1 - px0) * dpr < kSmallPolygon && (py1 - py0) * dpr < kSmallPolygon;
        } else {
            setFill(false, 0);
            setStroke(true);
        }
        auto ringPolygon = [&](uint32_t r) {
            const uint32_t a = level.ringPoints[r], e = level.ringPoints[r + 1];
            poly.resize(qsizetype(e - a));
            QPointF *out = poly.data();
            const double bx = (ox - left) * k, by = (top - oy) * k;
            for (uint32_t q = a; q < e; ++q)
                *out++ = QPointF(bx + level.xy[2 * q] * k, by - level.xy[2 * q + 1] * k);
        };
        if (!polygon) {
            for (uint32_t r = r0; r < r1; ++r) {
                ringPolygon(r);
                p.drawPolyline(poly);
            }
        } else if (r1 - r0 == 1 && small) {
            ringPolygon(r0);
            setAntialiasing(false);
            p.drawPolygon(poly, Qt::OddEvenFill);
        } else if (r1 - r0 == 1 && filledAndStroked) {
            // The fill without antialiasing (ten times faster), its edge hidden under the
            // antialiased outline.
            ringPolygon(r0);
            setAntialiasing(false);
            setStroke(false);
            p.drawPolygon(poly, Qt::OddEvenFill);
            setAntialiasing(true);
            setStroke(true);
            setFill(false, 0);
            p.drawPolygon(poly, Qt::OddEvenFill);
        } else if (r1 - r0 == 1) {
            ringPolygon(r0);
            setAntialiasing(true);
            p.drawPolygon(poly, Qt::OddEvenFill);
        } else {
            setAntialiasing(true);
            path.clear();
            path.setFillRule(Qt::OddEvenFill);
            for (uint32_t r = r0; r < r1; ++r) {
                ringPolygon(r);
                path.addPolygon(poly);
                path.closeSubpath();
            }
            p.drawPath(path);
        }
        ++m_drawnShapes;
    }
    p.restore();
    return true;
}

} // namespace spgl::desk
