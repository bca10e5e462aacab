#include "http/handlers/planninghandlers.h"

#include "app/servercontext.h"
#include "core/beijingtime.h"
#include "http/routebuilder.h"
#include "services/planningservice.h"

namespace spgl::server {

void PlanningHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    router.add(RouteBuilder("GET", "/api/v1/projects/{id}/planning")
                   .tag("blueprint")
                   .summary("项目策划生成：各部门条件（工作人员可见）与合并后的策划意见")
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.planning().planning(req.principal(), req.param("id")));
                   })
                   .build());
    router.add(
        RouteBuilder("POST", "/api/v1/projects/{id}/planning/conditions")
            .roles({role::Reviewer, role::DepartmentHead, role::Coordinator})
            .tag("blueprint")
            .summary("部门提出策划条件或需开展的评估（文字 + 可选的地图图形）")
            .idempotent()
            .request({{"type", "object"},
                      {"required", {"kind", "text"}},
                      {"properties",
                       {{"kind", {{"type", "string"}, {"enum", {"condition", "assessment"}}}},
                        {"text", {{"type", "string"}}},
                        {"assessment",
                         {{"type", "string"},
                          {"enum", {"environmental", "energy", "geological_hazard", "seismic", "water", "mineral"}}}},
                        {"geometry", {{"type", "object"}}}}}})
            .response({{"type", "object"}}, 201)
            .handler([&ctx](Request &req) {
                return Response::json(
                    ctx.planning().addCondition(req.principal(), req.param("id"), req.json(), beijing::nowMs()), 201);
            })
            .build());
    router.add(RouteBuilder("POST", "/api/v1/planning/conditions/{id}/withdraw")
                   .roles({role::Reviewer, role::DepartmentHead, role::Coordinator})
                   .tag("blueprint")
                   .summary("撤回本部门的策划条件")
                   .handler([&ctx](Request &req) {
                       req.audit().setTarget("planning_condition:" + req.param("id"));
                       return Response::json(
                           ctx.planning().withdrawCondition(req.principal(), req.param("id"), beijing::nowMs()));
                   })
                   .build());
    router.add(RouteBuilder("POST", "/api/v1/projects/{id}/planning/opinion")
                   .roles({role::Coordinator})
                   .tag("blueprint")
                   .summary("牵头部门合并各部门条件，发布项目策划意见（新版本，通知申请人）")
                   .request({{"type", "object"},
                             {"required", {"text"}},
                             {"properties",
                              {{"text", {{"type", "string"}}},
                               {"condition_ids", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}})
                   .response({{"type", "object"}}, 201)
                   .handler([&ctx](Request &req) {
                       return Response::json(
                           ctx.planning().mergeOpinion(req.principal(), req.param("id"), req.json(), beijing::nowMs()),
                           201);
                   })
                   .build());
}

} // namespace spgl::server
