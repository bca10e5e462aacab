#pragma once

#include "core/result.h"
#include "geo/packedrtree.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace spgl::geo {

class GkProjector;

/**
 * @brief A polygon layer of a GeoPackage held in memory for overlay queries: each feature's WKB,
 *        envelope and a few attributes, under a packed R-tree.
 *
 * Immutable after load() and safe to share between threads. Per-feature areas in a
 * Gauss–Krüger zone are computed on first use and cached, so that features lying wholly inside
 * a site cost no geometry operation.
 */
class PolygonLayerIndex
{
public:
    /**
     * Loads the polygon layer @p layerName (the only/first layer when empty) of @p path,
     * keeping the attribute columns @p fields (a missing column reads as empty text).
     */
    static Result<std::shared_ptr<const PolygonLayerIndex>>
    load(const std::string &path, const std::vector<std::string> &fields, const std::string &layerName = {});

    size_t size() const { return m_fids.size(); }
    const PackedRTree &tree() const { return m_tree; }
    const Box &box(uint32_t i) const { return m_boxes[i]; }
    int64_t fid(uint32_t i) const { return m_fids[i]; }
    /// ISO WKB of feature @p i.
    std::string_view wkb(uint32_t i) const
    {
        return std::string_view(m_wkb).substr(m_wkbOffsets[i], m_wkbOffsets[i + 1] - m_wkbOffsets[i]);
    }
    /// Attribute @p field (index into the load() list) of feature @p i.
    const std::string &attribute(uint32_t i, size_t field) const { return m_attributes[i * m_fieldCount + field]; }
    /// Area in m² of feature @p i in the zone of @p projector (cached per zone).
    double area(uint32_t i, const GkProjector &projector, void *geosHandle) const;

private:
    PolygonLayerIndex() = default;

    std::vector<int64_t> m_fids;
    std::vector<Box> m_boxes;
    std::string m_wkb;
    std::vector<size_t> m_wkbOffsets;
    std::vector<std::string> m_attributes;
    size_t m_fieldCount = 0;
    PackedRTree m_tree;
    mutable std::mutex m_areaMutex;
    mutable std::map<int, std::unique_ptr<std::atomic<double>[]>> m_areas; ///< epsg → areas, NaN = not yet
};

} // namespace spgl::geo
