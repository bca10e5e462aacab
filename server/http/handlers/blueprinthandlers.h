#pragma once

#include "http/router.h"

namespace spgl::server {

class ServerContext;

/// The blueprint's layer catalog: list, import (multipart upload), versions, restore, style, download.
class BlueprintHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &ctx);
};

} // namespace spgl::server
