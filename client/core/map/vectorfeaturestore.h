#pragma once

#include "geo/packedrtree.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

class OGRGeometry;

namespace spgl::desk {

/**
 * @brief The features of a vector layer in memory, built once and then immutable (shared by the
 *        layer and its renderers across threads): geometries as rings of float offsets from an
 *        origin, their boxes under a packed R-tree, attributes as UTF-8 text, and pre-simplified
 *        level-of-detail copies of the geometry for small scales.
 *
 * A polygon feature is its rings (all parts of a multipolygon, drawn with the odd-even rule), a
 * line feature its parts, a point feature one single-point ring per point.
 */
class VectorFeatureStore
{
public:
    enum class GeometryType : uint8_t { Point, Line, Polygon };

    /// One level of detail: rings of every feature (level 0 is the full geometry).
    struct Level
    {
        double tolerance = 0;               ///< map units; points closer than this were dropped
        std::vector<uint32_t> featureRings; ///< feature i has rings featureRings[i] … [i+1]
        std::vector<uint32_t> ringPoints;   ///< ring r has points ringPoints[r] … [r+1]
        std::vector<float> xy;              ///< x, y offsets from origin()
    };

    explicit VectorFeatureStore(const QStringList &fields = {});

    /// Adds a feature (building phase); geometries of other types and empty ones are skipped.
    bool addFeature(int64_t fid, const OGRGeometry &geometry, const QStringList &attributes);
    /// Builds the spatial index and the levels of detail; call once after the last addFeature().
    void finish();

    size_t size() const { return m_fids.size(); }
    QStringList fields() const { return m_fields; }
    int64_t fid(uint32_t i) const { return m_fids[i]; }
    GeometryType geometryType(uint32_t i) const { return m_types[i]; }
    const geo::Box &box(uint32_t i) const { return m_boxes[i]; }
    /// Attribute @p field of feature @p i.
    QString attribute(uint32_t i, int field) const;
    const geo::PackedRTree &tree() const { return m_tree; }
    QRectF extent() const { return m_extent; }
    QPointF origin() const { return m_origin; }
    int levelCount() const { return int(m_levels.size()); }
    const Level &level(int k) const { return m_levels[size_t(k)]; }
    /// The coarsest level whose tolerance is at most @p maxTolerance map units.
    int levelFor(double maxTolerance) const;
    /// Features at @p point: polygons containing it, lines and points within @p tolerance.
    QList<uint32_t> featuresAt(const QPointF &point, double tolerance) const;
    /// Vertices of feature @p i at level 0 (lon, lat), ring by ring.
    QList<QList<QPointF>> rings(uint32_t i) const;

private:
    void addRing(const double *x, const double *y, int n);

    QStringList m_fields;
    std::vector<int64_t> m_fids;
    std::vector<GeometryType> m_types;
    std::vector<geo::Box> m_boxes;
    std::string m_text;
    std::vector<uint32_t> m_textOffsets; ///< (feature × fields + field) → start in m_text; one extra at the end
    std::vector<Level> m_levels;
    std::vector<double> m_buildX, m_buildY; ///< level 0 in double while building
    std::vector<uint32_t> m_buildRings, m_buildPoints;
    geo::PackedRTree m_tree;
    QRectF m_extent;
    QPointF m_origin;
    bool m_finished = false;
};

} // namespace spgl::desk
