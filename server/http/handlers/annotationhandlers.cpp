#include "http/handlers/annotationhandlers.h"

#include "app/servercontext.h"
#include "core/beijingtime.h"
#include "http/routebuilder.h"
#include "services/annotationservice.h"

namespace spgl::server {

void AnnotationHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    const std::vector<std::string> annotators
        = {role::Reviewer, role::DepartmentHead, role::Coordinator, role::WindowClerk, role::Admin};
    const std::vector<std::string> readers
        = {role::Reviewer, role::DepartmentHead, role::Coordinator, role::WindowClerk, role::Supervisor, role::Admin};
    router.add(RouteBuilder("GET", "/api/v1/projects/{id}/annotations")
                   .roles(readers)
                   .tag("blueprint")
                   .summary("项目地图上的审查批注（各部门）")
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.annotations().list(req.principal(), req.param("id")));
                   })
                   .build());
    router.add(RouteBuilder("POST", "/api/v1/projects/{id}/annotations")
                   .roles(annotators)
                   .tag("blueprint")
                   .summary("在项目地图上添加批注（点、线、面 + 文字；离线时经 /sync/push 的 annotate 操作）")
                   .idempotent()
                   .request({{"type", "object"},
                             {"required", {"geometry", "text"}},
                             {"properties",
                              {{"id", {{"type", "string"}, {"description", "客户端生成的 UUID"}}},
                               {"geometry", {{"type", "object"}}},
                               {"text", {{"type", "string"}}},
                               {"case_id", {{"type", "string"}}}}}})
                   .response({{"type", "object"}}, 201)
                   .handler([&ctx](Request &req) {
                       return Response::json(
                           ctx.annotations().add(req.principal(), req.param("id"), req.json(), beijing::nowMs()), 201);
                   })
                   .build());
    router.add(
        RouteBuilder("PATCH", "/api/v1/annotations/{id}")
            .roles(annotators)
            .tag("blueprint")
            .summary("改变批注状态（open / resolved / withdrawn）")
            .request({{"type", "object"},
                      {"required", {"status"}},
                      {"properties", {{"status", {{"type", "string"}, {"enum", {"open", "resolved", "withdrawn"}}}}}}})
            .handler([&ctx](Request &req) {
                return Response::json(
                    ctx.annotations().setStatus(req.principal(), req.param("id"), req.json(), beijing::nowMs()));
            })
            .build());
}

} // namespace spgl::server
