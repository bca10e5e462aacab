#pragma once

namespace spgl::server {

class Router;
class ServerContext;

/// Registers the auth routes: thin handlers that parse, call a service and serialise.
class AuthHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &context);
};

} // namespace spgl::server
