#include "http/handlers/applicationhandlers.h"

#include "app/servercontext.h"
#include "core/beijingtime.h"
#include "http/routebuilder.h"

namespace spgl::server {

namespace {
nlohmann::json commandSchema(std::initializer_list<std::pair<const char *, nlohmann::json>> properties)
{
    nlohmann::json props = {{"expected_version", {{"type", "integer"}}}};
    for (const auto &[k, v] : properties)
        props[k] = v;
    return {{"type", "object"}, {"properties", props}};
}
const nlohmann::json kText = {{"type", "string"}};
const nlohmann::json kStrings = {{"type", "array"}, {"items", {{"type", "string"}}}};
} // namespace

void ApplicationHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    router.add(
        RouteBuilder("POST", "/api/v1/applications")
            .roles({role::Applicant, role::Agency, role::WindowClerk})
            .tag("applications")
            .summary("申报一个阶段（一张表单、一套材料）；窗口可代办")
            .idempotent()
            .request({{"type", "object"},
                      {"required", {"project_id", "stage"}},
                      {"properties",
                       {{"project_id", kText},
                        {"stage", {{"type", "integer"}}},
                        {"form", {{"type", "object"}}},
                        {"materials",
                         {{"type", "array"},
                          {"items",
                           {{"type", "object"},
                            {"properties", {{"item_code", kText}, {"material_code", kText}, {"file_id", kText}}}}}}},
                        {"channel", {{"type", "string"}, {"enum", {"online", "window"}}}}}}})
            .response({{"type", "object"}}, 201)
            .handler([&ctx](Request &req) {
                return Response::json(ctx.approvals().submit(req.json(), req.principal(), beijing::nowMs()), 201);
            })
            .build());
    router.add(RouteBuilder("GET", "/api/v1/applications")
                   .tag("applications")
                   .summary("申报列表（窗口的受理队列、申请人自己的申报）")
                   .query("status")
                   .query("stage", {}, "integer")
                   .query("channel")
                   .query("project_id")
                   .query("q")
                   .query("limit", {}, "integer")
                   .query("cursor")
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.approvals().listApplications(req.principal(), req.queryMap()));
                   })
                   .build());
    router.add(RouteBuilder("GET", "/api/v1/applications/{id}")
                   .tag("applications")
                   .summary("申报详情：状态、表单、材料、办件与计时、全程记录")
                   .handler([&ctx](Request &req) {
                       return Response::json(
                           ctx.approvals().application(req.param("id"), req.principal(), beijing::nowMs()));
                   })
                   .build());

    struct Action
    {
        const char *path;
        CommandKind kind;
        std::vector<std::string> roles;
        const char *summary;
        nlohmann::json schema;
    };
    const std::vector<std::string> window = {role::WindowClerk};
    const std::vector<std::string> applicant = {role::Applicant, role::Agency, role::WindowClerk};
    const Action actions[] = {
        {"accept", CommandKind::Accept, window,
         "受理（容缺 tolerated、告知承诺 commitment）；每个事项生成一个办件并开始计时",
         commandSchema({{"opinion", kText}, {"tolerated", kStrings}, {"commitment", kStrings}})},
        {"refuse", CommandKind::Refuse, window, "不予受理（须写明理由）",
         commandSchema({{"reason", kText}, {"opinion", kText}})},
        {"request-supplement", CommandKind::RequestSupplement, window, "受理前要求补正材料（不计时）",
         commandSchema({{"opinion", kText}, {"missing_materials", kStrings}})},
        {"supplement", CommandKind::ProvideSupplement, applicant, "提交补正材料（受理前，或带 case_id 为办件补正）",
         commandSchema({{"case_id", kText}, {"materials", kStrings}, {"opinion", kText}})},
        {"withdraw", CommandKind::Withdraw, applicant, "受理前撤件", commandSchema({{"reason", kText}})},
        {"deliver", CommandKind::Deliver, window,
         "统一出件：方式（online / in_person / post）、邮件单号（邮寄必填）、领取人/收件人、出件时间（缺省为现在）",
         commandSchema({{"method", {{"type", "string"}, {"enum", {"online", "in_person", "post"}}}},
                        {"tracking_no", {{"type", "string"}, {"pattern", "^[A-Za-z0-9-]{6,40}$"}}},
                        {"recipient", kText},
                        {"delivered_at", {{"type", "string"}, {"format", "date-time"}}},
                        {"opinion", kText}})},
    };
    for (const auto &a : actions) {
        const CommandKind kind = a.kind;
        router.add(RouteBuilder("POST", std::string("/api/v1/applications/{id}/") + a.path)
                       .roles(a.roles)
                       .tag("applications")
                       .summary(a.summary)
                       .idempotent()
                       .request(a.schema)
                       .handler([&ctx, kind](Request &req) {
                           const nlohmann::json body = req.body().empty() ? nlohmann::json() : req.json();
                           return Response::json(ctx.approvals().applicationCommand(req.param("id"), kind, body,
                                                                                    req.principal(), beijing::nowMs()));
                       })
                       .build());
    }
}

} // namespace spgl::server
