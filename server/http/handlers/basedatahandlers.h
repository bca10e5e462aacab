#pragma once

namespace spgl::server {

class Router;
class ServerContext;

/// Registers the basedata routes: thin handlers that parse, call a service and serialise.
class BaseDataHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &context);
};

} // namespace spgl::server
