#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace spgl::server {

/// One vector layer served as an OGC API – Features collection.
struct OgcCollection
{
    std::string id;          ///< the collection id in URLs (/ogc/collections/{id})
    std::string title;       ///< display name (Chinese)
    std::string description; ///< what the layer holds
    std::filesystem::path gpkg;
    std::string layerName; ///< the layer inside the GeoPackage; empty = the first layer
    int version = 0;       ///< the layer's version in the catalog
};

/// Lists the collections to serve; called on every request, so it must be cheap and thread-safe.
using OgcCollectionProvider = std::function<std::vector<OgcCollection>()>;

} // namespace spgl::server
