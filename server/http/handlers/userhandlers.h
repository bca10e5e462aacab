#pragma once

namespace spgl::server {

class Router;
class ServerContext;

/// Registers the user routes: thin handlers that parse, call a service and serialise.
class UserHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &context);
};

} // namespace spgl::server
