#include "http/handlers/userhandlers.h"

#include "app/servercontext.h"
#include "http/apierror.h"

namespace spgl::server {

namespace {
std::int64_t idParam(const Request &req)
{
    const std::string &text = req.param("id");
    if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), ::isdigit))
        throw ApiError::notFound("用户不存在");
    return std::stoll(text);
}
} // namespace

void UserHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    Route list;
    list.method = "GET";
    list.pattern = "/api/v1/users";
    list.roles = {role::Admin, role::Supervisor};
    list.tag = "users";
    list.summary = "本级及下级行政区划内的用户";
    list.parameters = {{{"name", "limit"}, {"in", "query"}, {"schema", {{"type", "integer"}}}},
                       {{"name", "cursor"}, {"in", "query"}, {"schema", {{"type", "string"}}}},
                       {{"name", "role"}, {"in", "query"}, {"schema", {{"type", "string"}}}}};
    list.responseSchema
        = {{"type", "object"},
           {"properties", {{"items", {{"type", "array"}}}, {"next_cursor", {{"type", {"string", "null"}}}}}}};
    list.handler = [&ctx](Request &req) {
        const int limit = int(req.queryInt("limit", 50, 1, 500));
        const std::int64_t after = req.queryInt("cursor", 0, 0, INT64_MAX);
        const auto users = ctx.users().list(DataScope::of(req.principal()), after, limit, req.query("role"));
        nlohmann::json items = nlohmann::json::array();
        for (const auto &u : users)
            items.push_back(u.toJson());
        nlohmann::json next = nullptr;
        if (int(users.size()) == limit)
            next = std::to_string(users.back().id);
        return Response::json({{"items", items}, {"next_cursor", next}});
    };
    router.add(std::move(list));

    Route get;
    get.method = "GET";
    get.pattern = "/api/v1/users/{id}";
    get.roles = {role::Admin, role::Supervisor};
    get.tag = "users";
    get.summary = "一个用户（不在数据范围内时为 404）";
    get.responseSchema = {{"type", "object"}};
    get.handler = [&ctx](Request &req) {
        return Response::json(ctx.users().find(idParam(req), DataScope::of(req.principal())).toJson());
    };
    router.add(std::move(get));

    Route create;
    create.method = "POST";
    create.pattern = "/api/v1/users";
    create.roles = {role::Admin};
    create.tag = "users";
    create.summary = "创建工作人员账号（限本级及下级行政区划）";
    create.requestSchema = {{"type", "object"},
                            {"required", {"username", "password", "display_name", "roles", "region_code"}},
                            {"properties",
                             {{"username", {{"type", "string"}}},
                              {"password", {{"type", "string"}}},
                              {"display_name", {{"type", "string"}}},
                              {"roles", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                              {"region_code", {{"type", "string"}}},
                              {"department_id", {{"type", "string"}}}}}};
    create.responseSchema = {{"type", "object"}};
    create.successStatus = 201;
    create.handler = [&ctx](Request &req) {
        const User user = ctx.users().createStaff(req.json(), DataScope::of(req.principal()));
        return Response::json(user.toJson(), 201);
    };
    router.add(std::move(create));
}

} // namespace spgl::server
