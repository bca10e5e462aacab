#pragma once

#include "http/route.h"

#include <string>
#include <utility>
#include <vector>

namespace spgl::server {

/// Declares a route in one expression: what it matches, who may call it, how it is documented.
///   router.add(RouteBuilder("GET", "/api/v1/cases/{id}").tag("cases").summary("…")
///                  .roles({role::Reviewer}).handler(...).build());
class RouteBuilder
{
public:
    RouteBuilder(std::string method, std::string pattern)
    {
        m_route.method = std::move(method);
        m_route.pattern = std::move(pattern);
        m_route.responseSchema = {{"type", "object"}};
    }

    RouteBuilder &tag(std::string tag)
    {
        m_route.tag = std::move(tag);
        return *this;
    }
    RouteBuilder &summary(std::string summary)
    {
        m_route.summary = std::move(summary);
        return *this;
    }
    /// No login needed.
    RouteBuilder &isPublic()
    {
        m_route.isPublic = true;
        return *this;
    }
    RouteBuilder &roles(std::vector<std::string> roles)
    {
        m_route.roles = std::move(roles);
        return *this;
    }
    RouteBuilder &request(nlohmann::json schema)
    {
        m_route.requestSchema = std::move(schema);
        return *this;
    }
    RouteBuilder &response(nlohmann::json schema, int status = 200)
    {
        m_route.responseSchema = std::move(schema);
        m_route.successStatus = status;
        return *this;
    }
    /// A query parameter (string unless @p type says otherwise).
    RouteBuilder &query(std::string name, std::string description = {}, std::string type = "string")
    {
        nlohmann::json p = {{"name", std::move(name)}, {"in", "query"}, {"schema", {{"type", std::move(type)}}}};
        if (!description.empty())
            p["description"] = std::move(description);
        m_route.parameters.push_back(std::move(p));
        return *this;
    }
    /// Documents the Idempotency-Key header of a write.
    RouteBuilder &idempotent()
    {
        m_route.parameters.push_back({{"name", "Idempotency-Key"},
                                      {"in", "header"},
                                      {"description", "同一键的重复请求返回第一次的结果"},
                                      {"schema", {{"type", "string"}}}});
        return *this;
    }
    /// A GET whose answer depends only on the data, the caller and the query: kept in the
    /// ResponseCache until the data changes.
    RouteBuilder &cached()
    {
        m_route.cached = true;
        return *this;
    }
    RouteBuilder &handler(Handler handler)
    {
        m_route.handler = std::move(handler);
        return *this;
    }
    Route build() { return std::move(m_route); }

private:
    Route m_route;
};

} // namespace spgl::server
