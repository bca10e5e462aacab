#include "http/refreshcookie.h"

#include "http/apierror.h"
#include "http/jsonfields.h"

namespace spgl::server {

namespace {
constexpr std::size_t kMaxToken = 256;

std::string attributes(const Request &req)
{
    std::string a = "; Path=" + RefreshCookie::path(req) + "; HttpOnly; SameSite=Strict";
    if (req.forwardedProto() == "https")
        a += "; Secure";
    return a;
}

/// A refresh token as the server issues them: base64url, nothing a cookie cannot carry.
bool plainToken(const std::string &token)
{
    return !token.empty() && token.size() <= kMaxToken
           && token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                  == std::string::npos;
}
} // namespace

bool RefreshCookie::requested(const Request &req)
{
    return req.header(kHeader) == "cookie";
}

std::string RefreshCookie::path(const Request &req)
{
    return req.forwardedPrefix() + "/api/v1/auth";
}

void RefreshCookie::clear(const Request &req, std::vector<std::pair<std::string, std::string>> &headers)
{
    headers.emplace_back("Set-Cookie", std::string(kName) + "=" + attributes(req) + "; Max-Age=0");
}

std::string RefreshCookie::token(const Request &req)
{
    if (requested(req)) {
        // A token in the body wins (a page moving a token it still holds into the cookie).
        if (!req.body().empty()) {
            JsonFields f(req.json());
            const auto token = f.optionalString("refresh_token", kMaxToken);
            f.check();
            if (token && !token->empty())
                return *token;
        }
        std::string token = req.cookie(kName);
        if (token.empty()) {
            ApiError e = ApiError::unauthorized("登录已过期或已在其他页面退出，请重新登录");
            clear(req, e.headers);
            throw e;
        }
        return token;
    }
    if (!req.cookie(kName).empty()) {
        bool inBody = false;
        try {
            inBody = req.json().contains("refresh_token");
        } catch (const ApiError &) {
        }
        if (!inBody)
            throw ApiError::forbidden("刷新令牌 Cookie 只在带有请求头 X-SPGL-Session: cookie 的请求中有效"
                                      "（防止跨站请求伪造）");
    }
    JsonFields f(req.json());
    std::string token = f.string("refresh_token", true, kMaxToken);
    f.check();
    return token;
}

Response RefreshCookie::tokens(const Request &req, nlohmann::json body)
{
    if (!requested(req) || !body.contains("refresh_token") || !plainToken(body.value("refresh_token", "")))
        return Response::json(body);
    const std::string token = body["refresh_token"].get<std::string>();
    body.erase("refresh_token");
    Response r = Response::json(body);
    r.header("Set-Cookie", std::string(kName) + "=" + token + attributes(req));
    return r;
}

} // namespace spgl::server
