#include "http/handlers/credithandlers.h"

#include "app/servercontext.h"
#include "core/beijingtime.h"
#include "http/routebuilder.h"
#include "services/creditservice.h"

namespace spgl::server {

void CreditHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    const nlohmann::json entry = {{"type", "object"},
                                  {"properties",
                                   {{"credit_code", {{"type", "string"}}},
                                    {"reason", {{"type", "string"}}},
                                    {"listed_on", {{"type", "string"}}},
                                    {"until", {{"type", {"string", "null"}}}},
                                    {"source", {{"type", "string"}}},
                                    {"listed_by", {{"type", "string"}}},
                                    {"lifted_reason", {{"type", "string"}}},
                                    {"active", {{"type", "boolean"}}}}}};
    const std::vector<std::string> staff
        = {role::WindowClerk, role::Reviewer, role::DepartmentHead, role::Coordinator, role::Supervisor, role::Admin};
    router.add(RouteBuilder("GET", "/api/v1/credit/blacklist")
                   .roles({role::Admin, role::Supervisor})
                   .tag("credit")
                   .summary("失信名单：?credit_code= 按代码，?active=true 仅当前有效的列入")
                   .response({{"type", "object"},
                              {"properties",
                               {{"items", {{"type", "array"}, {"items", entry}}}, {"total", {{"type", "integer"}}}}}})
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.credit().list(req.queryMap(), beijing::nowMs()));
                   })
                   .build());
    router.add(RouteBuilder("GET", "/api/v1/credit/blacklist/{code}")
                   .roles(staff)
                   .tag("credit")
                   .summary("查询一个统一社会信用代码是否在失信名单中（容缺受理、告知承诺前核查）")
                   .response({{"type", "object"},
                              {"properties",
                               {{"credit_code", {{"type", "string"}}},
                                {"listed", {{"type", "boolean"}}},
                                {"entries", {{"type", "array"}, {"items", entry}}}}}})
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.credit().status(req.param("code"), beijing::nowMs()));
                   })
                   .build());
    router.add(RouteBuilder("POST", "/api/v1/credit/blacklist")
                   .roles({role::Admin})
                   .tag("credit")
                   .summary("列入失信名单（来自信用平台的通报）；同一单位同一天重复列入返回 409")
                   .request({{"type", "object"},
                             {"required", {"credit_code", "reason"}},
                             {"properties",
                              {{"credit_code", {{"type", "string"}}},
                               {"reason", {{"type", "string"}}},
                               {"source", {{"type", "string"}}},
                               {"listed_on", {{"type", "string"}, {"format", "date"}}},
                               {"until", {{"type", "string"}, {"format", "date"}}}}}})
                   .response(entry, 201)
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.credit().add(req.principal(), req.json(), beijing::nowMs()), 201);
                   })
                   .build());
    router.add(
        RouteBuilder("POST", "/api/v1/credit/blacklist/{code}/lift")
            .roles({role::Admin})
            .tag("credit")
            .summary("移出失信名单：当前及将来的列入截止于昨天（记录保留）")
            .request({{"type", "object"}, {"required", {"reason"}}, {"properties", {{"reason", {{"type", "string"}}}}}})
            .response({{"type", "object"}})
            .handler([&ctx](Request &req) {
                req.audit().setTarget("credit:" + req.param("code"));
                return Response::json(
                    ctx.credit().lift(req.principal(), req.param("code"), req.json(), beijing::nowMs()));
            })
            .build());
}

} // namespace spgl::server
