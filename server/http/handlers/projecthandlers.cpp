#include "http/handlers/projecthandlers.h"

#include "app/servercontext.h"
#include "core/beijingtime.h"
#include "http/routebuilder.h"

namespace spgl::server {

void ProjectHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    const std::vector<std::string> filers = {role::Applicant, role::Agency, role::WindowClerk};
    router.add(RouteBuilder("POST", "/api/v1/projects")
                   .roles(filers)
                   .tag("projects")
                   .summary("登记项目（项目代码、行政区划、流程类型、投资、面积、用地范围 GeoJSON EPSG:4490）")
                   .idempotent()
                   .request({{"type", "object"},
                             {"required", {"project_code", "name", "region_code", "process_type", "approval_type"}},
                             {"properties",
                              {{"project_code", {{"type", "string"}}},
                               {"name", {{"type", "string"}}},
                               {"region_code", {{"type", "string"}}},
                               {"process_type", {{"type", "integer"}}},
                               {"approval_type", {{"type", "integer"}}},
                               {"investment", {{"type", "string"}}},
                               {"land_area", {{"type", "number"}}},
                               {"building_area", {{"type", "number"}}},
                               {"builder_name", {{"type", "string"}}},
                               {"builder_credit_code", {{"type", "string"}}},
                               {"address", {{"type", "string"}}},
                               {"owner_id", {{"type", "integer"}}},
                               {"site", {{"type", "object"}}}}}})
                   .response({{"type", "object"}}, 201)
                   .handler([&ctx](Request &req) {
                       return Response::json(
                           ctx.approvals().createProject(req.json(), req.principal(), beijing::nowMs()), 201);
                   })
                   .build());
    router.add(RouteBuilder("GET", "/api/v1/projects")
                   .tag("projects")
                   .summary("查询项目（数据范围内）")
                   .query("q", "名称或项目代码")
                   .query("region", "行政区划代码")
                   .query("stage", "当前阶段", "integer")
                   .query("limit", {}, "integer")
                   .query("cursor")
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.approvals().listProjects(req.principal(), req.queryMap()));
                   })
                   .build());
    router.add(RouteBuilder("GET", "/api/v1/projects/{id}")
                   .tag("projects")
                   .summary("一个项目及其申报、办件")
                   .handler([&ctx](Request &req) {
                       return Response::json(
                           ctx.approvals().project(req.param("id"), req.principal(), beijing::nowMs()));
                   })
                   .build());
}

} // namespace spgl::server
