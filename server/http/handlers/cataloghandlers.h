#pragma once

#include "http/router.h"

namespace spgl::server {

class ServerContext;

/// The routes of /api/v1/catalog, /api/v1/guides and /api/v1/admin/catalog.
class CatalogHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &ctx);
};

} // namespace spgl::server
