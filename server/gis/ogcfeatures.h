#pragma once

#include "gis/ogccollection.h"
#include "gis/ogcdatasetpool.h"

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace spgl::server {

/**
 * Serves vector GeoPackage layers as OGC API – Features collections through GDAL/OGR: collection
 * metadata, pages of features as GeoJSON (longitude, latitude; CRS84) and single features.
 *
 * A bbox selects the features whose geometry intersects it (the GeoPackage R-tree finds the
 * candidates, the geometry of those crossing the box's edge is tested exactly). Pages are in
 * feature id order. Thread-safe: each call leases its own dataset from a pool.
 * Failures are ApiError (404 unknown collection/feature, 503 unreadable layer file).
 */
class OgcFeatures
{
public:
    /// A box in longitude/latitude (CRS84).
    struct Bbox
    {
        double minLon = 0, minLat = 0, maxLon = 0, maxLat = 0;
    };
    struct ItemsQuery
    {
        std::optional<Bbox> bbox;
        std::int64_t limit = 10;
        std::int64_t offset = 0;
        /// When set, the page holds the features after this id (ids ascending) instead of skipping
        /// @c offset features: the next links carry it, so that deep pages cost no more than the first.
        std::optional<std::int64_t> after;
    };
    struct ItemsPage
    {
        std::string featuresJson; ///< the GeoJSON features as a JSON array text
        std::int64_t numberMatched = 0;
        std::int64_t numberReturned = 0;
        std::optional<std::int64_t> lastId; ///< the id of the page's last feature
    };
    struct CollectionInfo
    {
        std::optional<Bbox> extent; ///< CRS84; none for an empty layer
        std::string geometryType;   ///< OGR's name ("Polygon", "Multi Polygon" …)
        std::int64_t featureCount = 0;
        /// Attribute names and their JSON schema types ("string", "integer", "number", "boolean").
        std::vector<std::pair<std::string, std::string>> properties;
    };

    explicit OgcFeatures(OgcCollectionProvider provider);

    /// Replaces where the collections come from (e.g. the layer catalog).
    void setProvider(OgcCollectionProvider provider);
    /// The collections served now.
    std::vector<OgcCollection> collections();
    /// The collection @p id; 404 ApiError when there is none.
    OgcCollection collection(const std::string &id);

    CollectionInfo describe(const OgcCollection &collection);
    ItemsPage items(const OgcCollection &collection, const ItemsQuery &query);
    /// One feature as a GeoJSON Feature text; 404 ApiError when there is none.
    std::string item(const OgcCollection &collection, const std::string &featureId);

    OgcDatasetPool &pool() { return m_pool; }

private:
    OgcCollectionProvider provider() const;

    mutable std::mutex m_mutex;
    OgcCollectionProvider m_provider;
    OgcDatasetPool m_pool;
};

} // namespace spgl::server
