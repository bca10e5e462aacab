#pragma once

#include "http/request.h"
#include "http/response.h"

#include <nlohmann/json.hpp>

#include <string>

namespace spgl::server {

/**
 * The refresh token as a cookie, for browsers. A client asks for it by sending the request header
 * `X-SPGL-Session: cookie` to the auth endpoints (the portal does). The refresh token then
 * travels only in the cookie `spgl_refresh` — HttpOnly, SameSite=Strict, Path=<prefix>/api/v1/auth
 * (the X-Forwarded-Prefix of a reverse proxy honoured), Secure when the client came over HTTPS
 * (X-Forwarded-Proto), and without Max-Age: it ends with the browser session — and never in a
 * JSON body the page's scripts could read. Clients without the header (the desktop, outside
 * systems) keep the JSON `refresh_token` contract of API.md.
 *
 * The header is also what protects the cookie against cross-site request forgery: a page of
 * another site cannot send a custom header without a CORS preflight the server refuses, so a
 * request that carries the cookie but not the header is refused (403).
 */
class RefreshCookie
{
public:
    static constexpr const char *kName = "spgl_refresh";
    static constexpr const char *kHeader = "X-SPGL-Session";

    /// Whether the request asks for the cookie (`X-SPGL-Session: cookie`).
    static bool requested(const Request &req);
    /**
     * The refresh token a request presents: the body's `refresh_token`; with the header and no
     * token in the body, the cookie (401 and the cookie cleared when there is none); without the
     * header a request with only the cookie is refused (403: a cross-site request).
     */
    static std::string token(const Request &req);
    /// The tokens answer of API.md; with the header, the refresh token moves into the cookie.
    static Response tokens(const Request &req, nlohmann::json body);
    /// Adds the Set-Cookie header that removes the cookie (logout, a refused refresh).
    static void clear(const Request &req, std::vector<std::pair<std::string, std::string>> &headers);
    /// The cookie's path: <prefix>/api/v1/auth.
    static std::string path(const Request &req);
};

} // namespace spgl::server
