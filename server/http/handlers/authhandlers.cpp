#include "http/handlers/authhandlers.h"

#include "app/servercontext.h"
#include "http/apierror.h"
#include "http/jsonfields.h"
#include "http/refreshcookie.h"

namespace spgl::server {

namespace {
const nlohmann::json kUserSchema = {{"type", "object"},
                                    {"properties",
                                     {{"id", {{"type", "string"}}},
                                      {"username", {{"type", "string"}}},
                                      {"display_name", {{"type", "string"}}},
                                      {"roles", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                                      {"region_code", {{"type", "string"}}},
                                      {"department_id", {{"type", {"string", "null"}}}}}}};

const nlohmann::json kTokensSchema = {
    {"type", "object"},
    {"required", {"access_token", "expires_in", "user"}},
    {"properties",
     {{"access_token", {{"type", "string"}}},
      {"refresh_token",
       {{"type", "string"}, {"description", "刷新令牌；请求带 X-SPGL-Session: cookie 时不在响应体中，而在 Cookie 中"}}},
      {"expires_in", {{"type", "integer"}}},
      {"user", kUserSchema}}}};

// The browser's way (RefreshCookie): documented on every route that issues, takes or ends a refresh token.
const nlohmann::json kSessionHeader
    = {{"name", RefreshCookie::kHeader},
       {"in", "header"},
       {"required", false},
       {"description", "cookie：刷新令牌只经 HttpOnly Cookie spgl_refresh 传递（网上申报门户等浏览器客户端），"
                       "响应体不含 refresh_token；不带此请求头时与 JSON 约定相同"},
       {"schema", {{"type", "string"}, {"enum", {"cookie"}}}}};
const nlohmann::json kRefreshCookie
    = {{"name", RefreshCookie::kName},
       {"in", "cookie"},
       {"required", false},
       {"description", "刷新令牌（服务器设置的 HttpOnly Cookie）；只在带 X-SPGL-Session: cookie 的请求中有效"},
       {"schema", {{"type", "string"}}}};
const std::string kCookieRule
    = "带请求头 X-SPGL-Session: cookie 时，刷新令牌写入 Cookie spgl_refresh（HttpOnly、SameSite=Strict、"
      "Path=<反向代理前缀>/api/v1/auth，经 HTTPS 访问时加 Secure；不设有效期，浏览器关闭即失效），响应体不含 "
      "refresh_token；不带该请求头时与 API 约定相同。";

nlohmann::json stringProps(std::initializer_list<const char *> names, std::initializer_list<const char *> required)
{
    nlohmann::json props = nlohmann::json::object();
    for (const char *n : names)
        props[n] = {{"type", "string"}};
    nlohmann::json s = {{"type", "object"}, {"properties", props}};
    if (required.size())
        s["required"] = required;
    return s;
}
} // namespace

void AuthHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    Route login;
    login.method = "POST";
    login.pattern = "/api/v1/auth/login";
    login.isPublic = true;
    login.tag = "auth";
    login.summary = "登录：用户名和密码换取访问令牌和刷新令牌";
    login.requestSchema = stringProps({"username", "password"}, {"username", "password"});
    login.responseSchema = kTokensSchema;
    login.description = kCookieRule;
    login.parameters = {kSessionHeader};
    login.handler = [&ctx](Request &req) {
        JsonFields f(req.json());
        const std::string username = f.string("username", true, 64);
        const std::string password = f.string("password", true, 128);
        f.check();
        req.audit().setActor(std::nullopt, username);
        return RefreshCookie::tokens(req, ctx.auth().login(username, password));
    };
    router.add(std::move(login));

    Route refresh;
    refresh.method = "POST";
    refresh.pattern = "/api/v1/auth/refresh";
    refresh.isPublic = true;
    refresh.tag = "auth";
    refresh.summary = "用刷新令牌换取新的令牌（刷新令牌每次使用后轮换）";
    refresh.requestSchema = stringProps({"refresh_token"}, {"refresh_token"});
    refresh.responseSchema = kTokensSchema;
    refresh.description = "刷新令牌取自请求体 refresh_token；带请求头 X-SPGL-Session: cookie 时取自 Cookie "
                          "spgl_refresh（此时可不带请求体），新的刷新令牌写回该 Cookie，Cookie 缺失或令牌无效时 401 "
                          "并清除 Cookie。只带 Cookie 而不带该请求头的请求（跨站请求伪造）一律 403。"
                          + kCookieRule;
    refresh.parameters = {kSessionHeader, kRefreshCookie};
    refresh.problems = {{401, "刷新令牌无效、已使用或已吊销"}, {403, "只带 Cookie 而无 X-SPGL-Session 请求头"}};
    refresh.handler = [&ctx](Request &req) {
        const std::string token = RefreshCookie::token(req);
        nlohmann::json body;
        try {
            body = ctx.auth().refresh(token);
        } catch (ApiError &e) {
            if (RefreshCookie::requested(req))
                RefreshCookie::clear(req, e.headers);
            throw;
        }
        return RefreshCookie::tokens(req, std::move(body));
    };
    router.add(std::move(refresh));

    Route logout;
    logout.method = "POST";
    logout.pattern = "/api/v1/auth/logout";
    logout.tag = "auth";
    logout.summary = "退出登录：吊销刷新令牌";
    logout.requestSchema = stringProps({"refresh_token"}, {"refresh_token"});
    logout.successStatus = 204;
    logout.description = "吊销刷新令牌所在的会话（其访问令牌随即失效）。带请求头 X-SPGL-Session: cookie 时吊销 Cookie "
                         "spgl_refresh 中的令牌（此时可不带请求体）并清除该 Cookie。";
    logout.parameters = {kSessionHeader, kRefreshCookie};
    logout.handler = [&ctx](Request &req) {
        Response r = Response::empty(204);
        if (!RefreshCookie::requested(req)) {
            ctx.auth().logout(RefreshCookie::token(req));
            return r;
        }
        // The cookie's session ends, and one named in the body too.
        if (const std::string token = req.cookie(RefreshCookie::kName); !token.empty())
            ctx.auth().logout(token);
        if (!req.body().empty()) {
            JsonFields f(req.json());
            const auto token = f.optionalString("refresh_token", 256);
            f.check();
            if (token)
                ctx.auth().logout(*token);
        }
        RefreshCookie::clear(req, r.headers);
        return r;
    };
    router.add(std::move(logout));

    Route password;
    password.method = "POST";
    password.pattern = "/api/v1/auth/password";
    password.tag = "auth";
    password.summary = "修改本人密码：核对当前密码，新密码须符合密码策略；所有会话失效，返回新的登录令牌";
    password.requestSchema = stringProps({"current_password", "new_password"}, {"current_password", "new_password"});
    password.responseSchema = kTokensSchema;
    password.description = kCookieRule;
    password.parameters = {kSessionHeader};
    password.handler = [&ctx](Request &req) {
        req.audit().setTarget("user:" + std::to_string(req.principal().userId));
        return RefreshCookie::tokens(req, ctx.auth().changePassword(req.principal(), req.json()));
    };
    router.add(std::move(password));

    Route reg;
    reg.method = "POST";
    reg.pattern = "/api/v1/auth/register";
    reg.isPublic = true;
    reg.tag = "auth";
    reg.summary = "申报人注册：企业（统一社会信用代码）或个人（身份证号码）";
    reg.requestSchema = stringProps({"kind", "username", "password", "display_name", "organization", "credit_code",
                                     "id_number", "phone", "email", "region_code"},
                                    {"kind", "username", "password", "display_name"});
    reg.requestSchema["properties"]["kind"]["enum"] = {"enterprise", "person"};
    reg.responseSchema = kUserSchema;
    reg.successStatus = 201;
    reg.handler = [&ctx](Request &req) {
        const auto body = req.json();
        if (body.contains("username") && body["username"].is_string())
            req.audit().setActor(std::nullopt, body["username"].get<std::string>());
        const User user = ctx.users().registerApplicant(body);
        return Response::json(user.toJson(), 201);
    };
    router.add(std::move(reg));

    Route me;
    me.method = "GET";
    me.pattern = "/api/v1/auth/me";
    me.tag = "auth";
    me.summary = "当前登录用户";
    me.responseSchema = kUserSchema;
    me.handler = [&ctx](Request &req) {
        return Response::json(ctx.users().find(req.principal().userId, DataScope::system()).toJson());
    };
    router.add(std::move(me));
}

} // namespace spgl::server
