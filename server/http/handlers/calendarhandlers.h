#pragma once

namespace spgl::server {

class Router;
class ServerContext;

/// Registers the working-day calendar routes (deadlines, year listings, iCalendar export) and the
/// administrators' calendar maintenance: thin handlers that parse, call CalendarService and
/// serialise.
class CalendarHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &context);
};

} // namespace spgl::server
