#pragma once

namespace spgl::server {

class Router;
class ServerContext;

/**
 * Registers OGC API – Features Part 1 Core at /ogc (landing page, conformance, OpenAPI document,
 * collections, items, single features; JSON and GeoJSON), read by GDAL's OAPIF driver and QGIS.
 * Staff only unless the server runs with --ogc-public (read-only either way).
 */
class OgcHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &context);
};

} // namespace spgl::server
