#include "geo/packedrtree.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace spgl::geo {

namespace {

Box unite(const Box &a, const Box &b)
{
    return {std::min(a.minX, b.minX), std::min(a.minY, b.minY), std::max(a.maxX, b.maxX), std::max(a.maxY, b.maxY)};
}

/// Sort-Tile-Recursive order of @p ids by their boxes' centres, in place.
template<typename BoxOf>
void strOrder(std::vector<uint32_t> &ids, int nodeSize, BoxOf boxOf)
{
    const size_t n = ids.size();
    const size_t leaves = (n + nodeSize - 1) / nodeSize;
    const size_t slices = size_t(std::ceil(std::sqrt(double(leaves))));
    const size_t perSlice = slices * nodeSize;
    auto cx = [&](uint32_t i) {
        const Box &b = boxOf(i);
        return b.minX + b.maxX;
    };
    auto cy = [&](uint32_t i) {
        const Box &b = boxOf(i);
        return b.minY + b.maxY;
    };
    std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) { return cx(a) < cx(b); });
    for (size_t s = 0; s < n; s += perSlice) {
        const auto end = ids.begin() + std::min(n, s + perSlice);
        std::sort(ids.begin() + s, end, [&](uint32_t a, uint32_t b) { return cy(a) < cy(b); });
    }
}

} // namespace

PackedRTree::PackedRTree(const std::vector<Box> &boxes, int nodeSize)
    : m_itemCount(boxes.size())
{
    if (boxes.empty())
        return;
    nodeSize = std::clamp(nodeSize, 4, 64);
    m_items.resize(boxes.size());
    std::iota(m_items.begin(), m_items.end(), 0u);
    strOrder(m_items, nodeSize, [&](uint32_t i) -> const Box & { return boxes[i]; });
    m_itemBoxes.reserve(m_items.size());
    for (uint32_t id : m_items)
        m_itemBoxes.push_back(boxes[id]);

    // Leaves over consecutive runs of items.
    for (size_t s = 0; s < m_items.size(); s += nodeSize) {
        const size_t count = std::min<size_t>(nodeSize, m_items.size() - s);
        Box box = boxes[m_items[s]];
        for (size_t k = 1; k < count; ++k)
            box = unite(box, boxes[m_items[s + k]]);
        m_nodes.push_back({box, uint32_t(s), uint32_t(count), true});
    }
    // Inner levels until one root remains; children of a node are consecutive.
    size_t levelBegin = 0;
    size_t levelEnd = m_nodes.size();
    while (levelEnd - levelBegin > 1) {
        std::vector<uint32_t> ids(levelEnd - levelBegin);
        std::iota(ids.begin(), ids.end(), uint32_t(levelBegin));
        strOrder(ids, nodeSize, [&](uint32_t i) -> const Box & { return m_nodes[i].box; });
        // Re-store this level in STR order so that each parent's children are consecutive.
        std::vector<Node> level;
        level.reserve(ids.size());
        for (uint32_t id : ids)
            level.push_back(m_nodes[id]);
        std::copy(level.begin(), level.end(), m_nodes.begin() + levelBegin);
        for (size_t s = 0; s < level.size(); s += nodeSize) {
            const size_t count = std::min<size_t>(nodeSize, level.size() - s);
            Box box = level[s].box;
            for (size_t k = 1; k < count; ++k)
                box = unite(box, level[s + k].box);
            m_nodes.push_back({box, uint32_t(levelBegin + s), uint32_t(count), false});
        }
        levelBegin = levelEnd;
        levelEnd = m_nodes.size();
    }
}

void PackedRTree::query(const Box &window, std::vector<uint32_t> &out) const
{
    if (m_nodes.empty())
        return;
    uint32_t stack[1024]; // at most nodeSize entries per level: ample for 2^32 items
    int top = 0;
    stack[top++] = uint32_t(m_nodes.size() - 1);
    while (top > 0) {
        const Node &node = m_nodes[stack[--top]];
        if (!node.box.intersects(window))
            continue;
        if (node.leaf) {
            for (uint32_t k = 0; k < node.count; ++k)
                if (m_itemBoxes[node.first + k].intersects(window))
                    out.push_back(m_items[node.first + k]);
        } else {
            for (uint32_t k = 0; k < node.count; ++k)
                if (m_nodes[node.first + k].box.intersects(window))
                    stack[top++] = node.first + k;
        }
    }
}

} // namespace spgl::geo
