#pragma once

#include "http/router.h"

namespace spgl::server {

class ServerContext;

/// The routes of /api/v1/sync: the change feed down and the command outbox up.
class SyncHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &ctx);
};

} // namespace spgl::server
