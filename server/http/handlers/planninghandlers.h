#pragma once

#include "http/router.h"

namespace spgl::server {

class ServerContext;

/// The routes of plannings on a project's blueprint map (see docs/api-blueprint.md).
class PlanningHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &ctx);
};

} // namespace spgl::server
