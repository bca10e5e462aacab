#pragma once

#include "http/router.h"

namespace spgl::server {

class ServerContext;

/// Compliance checks of sites against the blueprint and the projects' site history.
class ComplianceHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &ctx);
};

} // namespace spgl::server
