#pragma once

#include "http/router.h"

namespace spgl::server {

class ServerContext;

/// The routes of annotations on a project's blueprint map (see docs/api-blueprint.md).
class AnnotationHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &ctx);
};

} // namespace spgl::server
