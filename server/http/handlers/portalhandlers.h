#pragma once

namespace spgl::server {

class Router;
class ServerContext;

/// Serves the applicant portal's built assets (server/portal, built by Vite) from --portal-dir:
/// index.html for `/` and for any other non-API path (client-side routing), hashed files under
/// `/assets/` cached for a year, with ETag, conditional GET and precompressed gzip. Never a file
/// outside the portal folder. Installed as the router's fallback, so it is not an API route.
class PortalHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &context);
};

} // namespace spgl::server
