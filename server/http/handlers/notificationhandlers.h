#pragma once

#include "http/router.h"

namespace spgl::server {

class ServerContext;

/// The routes of /api/v1/notifications (see docs: API.md).
class NotificationHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &ctx);
};

} // namespace spgl::server
