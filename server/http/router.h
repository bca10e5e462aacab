#pragma once

#include "http/route.h"

#include <map>
#include <string>
#include <vector>

namespace spgl::server {

/// Holds the route table and finds the route for a method and a path.
class Router
{
public:
    struct Match
    {
        const Route *route = nullptr;
        std::map<std::string, std::string> params;
        /// Methods the path allows when it matched but the method did not (→ 405).
        std::vector<std::string> allowed;
    };

    Route &add(Route route);
    Match match(const std::string &method, const std::string &path) const;
    const std::vector<Route> &routes() const { return m_routes; }

    /// Answers GET and HEAD requests for paths outside /api/ and /ogc that no route matched
    /// (the portal's pages); not part of the API, so not in the OpenAPI document.
    void setFallback(Handler handler) { m_fallback = std::move(handler); }
    const Handler &fallback() const { return m_fallback; }

private:
    struct Segment
    {
        std::string literal; ///< literal text, or the suffix after a parameter
        std::string param;   ///< parameter name when the segment captures
    };
    struct Compiled
    {
        std::vector<Segment> segments;
    };
    static Compiled compile(const std::string &pattern);
    static bool matches(const Compiled &c, const std::vector<std::string> &parts,
                        std::map<std::string, std::string> &params);

    std::vector<Route> m_routes;
    std::vector<Compiled> m_compiled;
    Handler m_fallback;
};

} // namespace spgl::server
