#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace spgl::geo {

/// An axis-aligned rectangle (min x, min y, max x, max y).
struct Box
{
    double minX = 0, minY = 0, maxX = 0, maxY = 0;

    bool intersects(const Box &o) const { return minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY; }
    bool contains(const Box &o) const { return minX <= o.minX && o.maxX <= maxX && minY <= o.minY && o.maxY <= maxY; }
};

/**
 * @brief A static R-tree over item boxes, bulk-loaded by Sort-Tile-Recursive packing.
 *
 * Built once from all boxes (items are their index in the input), then read-only and safe to
 * query from many threads. About 40 bytes per item; a 1,000,000-item tree builds in well under a
 * second and answers a small window in microseconds.
 */
class PackedRTree
{
public:
    PackedRTree() = default;
    /// Builds the tree over @p boxes; item i is boxes[i].
    explicit PackedRTree(const std::vector<Box> &boxes, int nodeSize = 16);

    /// Appends to @p out the items whose box intersects @p window (order unspecified).
    void query(const Box &window, std::vector<uint32_t> &out) const;
    /// Number of items.
    size_t size() const { return m_itemCount; }
    /// The union of all item boxes (all zeros when empty).
    Box extent() const { return m_nodes.empty() ? Box{} : m_nodes.back().box; }

private:
    struct Node
    {
        Box box;
        uint32_t first; ///< first child node (inner) or first entry in m_items (leaf)
        uint32_t count;
        bool leaf;
    };

    std::vector<Node> m_nodes; ///< level by level, leaves first, root last
    std::vector<uint32_t> m_items;
    std::vector<Box> m_itemBoxes; ///< boxes of m_items, same order
    size_t m_itemCount = 0;
};

} // namespace spgl::geo
