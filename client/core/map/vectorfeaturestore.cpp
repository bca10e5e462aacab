#include "core/map/vectorfeaturestore.h"

#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>

namespace spgl::desk {

VectorFeatureStore::VectorFeatureStore(const QStringList &fields)
    : m_fields(fields)
{
    m_textOffsets.push_back(0);
    m_buildRings.push_back(0);
    m_buildPoints.push_back(0);
}

void VectorFeatureStore::addRing(const double *x, const double *y, int n)
{
    for (int k = 0; k < n; ++k) {
        m_buildX.push_back(x[k]);
        m_buildY.push_back(y[k]);
    }
    m_buildPoints.push_back(uint32_t(m_buildX.size()));
}

bool VectorFeatureStore::addFeature(int64_t fid, const OGRGeometry &geometry, const QStringList &attributes)
{
    if (m_finished || geometry.IsEmpty())
        return false;
    const size_t ringsBefore = m_buildPoints.size();
    GeometryType type;
    std::vector<double> xs, ys;
    auto addCurve = [&](const OGRSimpleCurve &c) {
        const int n = c.getNumPoints();
        xs.resize(size_t(n));
        ys.resize(size_t(n));
        c.getPoints(xs.data(), sizeof(double), ys.data(), sizeof(double));
        if (n > 0)
            addRing(xs.data(), ys.data(), n);
    };
    auto addPolygon = [&](const OGRPolygon &p) {
        for (const OGRLinearRing *r : p)
            addCurve(*r);
    };
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPoint: {
        const auto &p = *geometry.toPoint();
        const double x = p.getX(), y = p.getY();
        addRing(&x, &y, 1);
        type = GeometryType::Point;
        break;
    }
    case wkbMultiPoint:
        for (const OGRPoint *p : *geometry.toMultiPoint()) {
            const double x = p->getX(), y = p->getY();
            addRing(&x, &y, 1);
        }
        type = GeometryType::Point;
        break;
    case wkbLineString:
        addCurve(*geometry.toLineString());
        type = GeometryType::Line;
        break;
    case wkbMultiLineString:
        for (const OGRLineString *l : *geometry.toMultiLineString())
            addCurve(*l);
        type = GeometryType::Line;
        break;
    case wkbPolygon:
        addPolygon(*geometry.toPolygon());
        type = GeometryType::Polygon;
        break;
    case wkbMultiPolygon:
        for (const OGRPolygon *p : *geometry.toMultiPolygon())
            addPolygon(*p);
        type = GeometryType::Polygon;
        break;
    default: {
        // Curves and collections: linearize through OGR and take the polygonal/linear parts.
        std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        if (!linear || wkbFlatten(linear->getGeometryType()) == wkbGeometryCollection)
            return false;
        return addFeature(fid, *linear, attributes);
    }
    }
    if (m_buildPoints.size() == ringsBefore)
        return false;
    OGREnvelope env;
    geometry.getEnvelope(&env);
    m_boxes.push_back({env.MinX, env.MinY, env.MaxX, env.MaxY});
    m_fids.push_back(fid);
    m_types.push_back(type);
    m_buildRings.push_back(uint32_t(m_buildPoints.size() - 1));
    for (int f = 0; f < m_fields.size(); ++f) {
        if (f < attributes.size())
            m_text += attributes[f].toStdString();
        m_textOffsets.push_back(uint32_t(m_text.size()));
    }
    return true;
}

void VectorFeatureStore::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_tree = geo::PackedRTree(m_boxes);
    const geo::Box e = m_tree.extent();
    m_extent = m_boxes.empty() ? QRectF() : QRectF(e.minX, e.minY, e.maxX - e.minX, e.maxY - e.minY);
    m_origin = m_extent.center();
    const double ox = m_origin.x(), oy = m_origin.y();

    Level full;
    full.featureRings = std::move(m_buildRings);
    full.ringPoints = std::move(m_buildPoints);
    full.xy.resize(m_buildX.size() * 2);
    for (size_t k = 0; k < m_buildX.size(); ++k) {
        full.xy[2 * k] = float(m_buildX[k] - ox);
        full.xy[2 * k + 1] = float(m_buildY[k] - oy);
    }
    m_buildX = {};
    m_buildY = {};
    m_levels.push_back(std::move(full));

    // Coarser copies: radial-distance simplification at 1/4096, 1/1024, 1/256 of the extent.
    const double size = std::max(m_extent.width(), m_extent.height());
    if (size <= 0)
        return;
    for (double divisor : {4096.0, 1024.0, 256.0}) {
        const Level &src = m_levels.back();
        Level lod;
        lod.tolerance = size / divisor;
        const double t2 = lod.tolerance * lod.tolerance;
        lod.featureRings = src.featureRings;
        lod.ringPoints.reserve(src.ringPoints.size());
        lod.ringPoints.push_back(0);
        lod.xy.reserve(src.xy.size() / 2);
        const size_t rings = src.ringPoints.size() - 1;
        for (size_t r = 0; r < rings; ++r) {
            const uint32_t b = src.ringPoints[r], e = src.ringPoints[r + 1];
            float lx = src.xy[2 * b], ly = src.xy[2 * b + 1];
            lod.xy.push_back(lx);
            lod.xy.push_back(ly);
            for (uint32_t p = b + 1; p < e; ++p) {
                const float x = src.xy[2 * p], y = src.xy[2 * p + 1];
                const double dx = x - lx, dy = y - ly;
                if (p + 1 == e || dx * dx + dy * dy >= t2) {
                    lod.xy.push_back(x);
                    lod.xy.push_back(y);
                    lx = x;
                    ly = y;
                }
            }
            lod.ringPoints.push_back(uint32_t(lod.xy.size() / 2));
        }
        lod.xy.shrink_to_fit();
        m_levels.push_back(std::move(lod));
    }
}

int VectorFeatureStore::levelFor(double maxTolerance) const
{
    int best = 0;
    for (int k = 1; k < levelCount(); ++k)
        if (m_levels[size_t(k)].tolerance <= maxTolerance)
            best = k;
    return best;
}

QString VectorFeatureStore::attribute(uint32_t i, int field) const
{
    if (field < 0 || field >= m_fields.size())
        return {};
    const size_t k = size_t(i) * size_t(m_fields.size()) + size_t(field);
    return QString::fromUtf8(m_text.data() + m_textOffsets[k], qsizetype(m_textOffsets[k + 1] - m_textOffsets[k]));
}

QList<QList<QPointF>> VectorFeatureStore::rings(uint32_t i) const
{
    QList<QList<QPointF>> out;
    if (m_levels.empty())
        return out;
    const Level &l = m_levels.front();
    for (uint32_t r = l.featureRings[i]; r < l.featureRings[i + 1]; ++r) {
        QList<QPointF> ring;
        for (uint32_t p = l.ringPoints[r]; p < l.ringPoints[r + 1]; ++p)
            ring.append(QPointF(m_origin.x() + l.xy[2 * p], m_origin.y() + l.xy[2 * p + 1]));
        out.append(ring);
    }
    return out;
}

namespace {

double segmentDistance2(double px, double py, double ax, double ay, double bx, double by)
{
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double qx = ax + t * dx - px, qy = ay + t * dy - py;
    return qx * qx + qy * qy;
}

} // namespace

QList<uint32_t> VectorFeatureStore::featuresAt(const QPointF &point, double tolerance) const
{
    QList<uint32_t> out;
    if (m_levels.empty())
        return out;
    std::vector<uint32_t> candidates;
    m_tree.query({point.x() - tolerance, point.y() - tolerance, point.x() + tolerance, point.y() + tolerance},
                 candidates);
    std::sort(candidates.begin(), candidates.end());
    const Level &l = m_levels.front();
    const double px = point.x() - m_origin.x(), py = point.y() - m_origin.y();
    const double tol2 = tolerance * tolerance;
    for (uint32_t i : candidates) {
        bool inside = false;
        double best = std::numeric_limits<double>::max();
        for (uint32_t r = l.featureRings[i]; r < l.featureRings[i + 1]; ++r) {
            const uint32_t b = l.ringPoints[r], e = l.ringPoints[r + 1];
            if (e - b == 1) {
                const double dx = l.xy[2 * b] - px, dy = l.xy[2 * b + 1] - py;
                best = std::min(best, dx * dx + dy * dy);
                continue;
            }
            for (uint32_t p = b, q = e - 1; p < e; q = p++) {
                const double ax = l.xy[2 * q], ay = l.xy[2 * q + 1], bx = l.xy[2 * p], by = l.xy[2 * p + 1];
                if (m_types[i] == GeometryType::Polygon && (ay > py) != (by > py)
                    && px < (bx - ax) * (py - ay) / (by - ay) + ax)
                    inside = !inside;
                if (p > b || m_types[i] == GeometryType::Polygon)
                    best = std::min(best, segmentDistance2(px, py, ax, ay, bx, by));
            }
        }
        if (inside || best <= tol2)
            out.append(i);
    }
    return out;
}

} // namespace spgl::desk
