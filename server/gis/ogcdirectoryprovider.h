#pragma once

#include "gis/ogccollection.h"

#include <filesystem>
#include <vector>

namespace spgl::server {

/**
 * The collections found in a data dir's layer folders, `<data-dir>/blueprint/<id>/v<N>.gpkg`
 * (the highest N of each id): the default provider until a layer catalog is wired in.
 */
class OgcDirectoryProvider
{
public:
    /// Scans @p blueprintDir (e.g. `<data-dir>/blueprint`); a missing folder gives no collections.
    static std::vector<OgcCollection> scan(const std::filesystem::path &blueprintDir);
    /// A provider that scans @p blueprintDir on each call.
    static OgcCollectionProvider provider(std::filesystem::path blueprintDir);
};

} // namespace spgl::server
