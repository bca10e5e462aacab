#include "http/handlers/authhandlers.h"

#include "app/servercontext.h"
#include "http/jsonfields.h"

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

const nlohmann::json kTokensSchema = {{"type", "object"},
                                      {"required", {"access_token", "refresh_token", "expires_in", "user"}},
                                      {"properties",
                                       {{"access_token", {{"type", "string"}}},
                                        {"refresh_token", {{"type", "string"}}},
                                        {"expires_in", {{"type", "integer"}}},
                                        {"user", kUserSchema}}}};

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
    login.handler = [&ctx](Request &req) {
        JsonFields f(req.json());
        const std::string username = f.string("username", true, 64);
        const std::string password = f.string("password", true, 128);
        f.check();
        req.audit().setActor(std::nullopt, username);
        return Response::json(ctx.auth().login(username, password));
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
    refresh.handler = [&ctx](Request &req) {
        JsonFields f(req.json());
        const std::string token = f.string("refresh_token", true, 256);
        f.check();
        return Response::json(ctx.auth().refresh(token));
    };
    router.add(std::move(refresh));

    Route logout;
    logout.method = "POST";
    logout.pattern = "/api/v1/auth/logout";
    logout.tag = "auth";
    logout.summary = "退出登录：吊销刷新令牌";
    logout.requestSchema = stringProps({"refresh_token"}, {"refresh_token"});
    logout.successStatus = 204;
    logout.handler = [&ctx](Request &req) {
        JsonFields f(req.json());
        const std::string token = f.string("refresh_token", true, 256);
        f.check();
        ctx.auth().logout(token);
        return Response::empty(204);
    };
    router.add(std::move(logout));

    Route password;
    password.method = "POST";
    password.pattern = "/api/v1/auth/password";
    password.tag = "auth";
    password.summary = "修改本人密码：核对当前密码，新密码须符合密码策略；所有会话失效，返回新的登录令牌";
    password.requestSchema = stringProps({"current_password", "new_password"}, {"current_password", "new_password"});
    password.responseSchema = {{"type", "object"}};
    password.handler = [&ctx](Request &req) {
        req.audit().setTarget("user:" + std::to_string(req.principal().userId));
        return Response::json(ctx.auth().changePassword(req.principal(), req.json()));
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
