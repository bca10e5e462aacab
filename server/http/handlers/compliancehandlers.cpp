#include "http/handlers/compliancehandlers.h"

#include "app/servercontext.h"
#include "core/beijingtime.h"
#include "http/routebuilder.h"
#include "services/complianceservice.h"

namespace spgl::server {

void ComplianceHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    const nlohmann::json geometry = {{"type", "object"}, {"description", "GeoJSON Polygon / MultiPolygon, EPSG:4490"}};
    // A check is a question (POST only for its body): not audited, so that it costs no audit-chain
    // write. A check of a project's own site stores its report with who and when (project_compliance).
    Route check
        = RouteBuilder("POST", "/api/v1/blueprint/compliance")
              .tag("blueprint")
              .summary("合规性检查：选址与生态保护红线、永久基本农田、城镇开发边界、国土空间规划、区域评估叠加分析")
              .request({{"type", "object"},
                        {"properties",
                         {{"geometry", geometry},
                          {"project_id", {{"type", "string"}}},
                          {"land_use",
                           {{"type", "string"}, {"description", "项目用地性质（2020 国土空间用地分类代码）"}}}}}})
              .response({{"type", "object"}})
              .handler([&ctx](Request &req) {
                  return Response::json(ctx.compliance().check(req.principal(), req.json(), beijing::nowMs()));
              })
              .build();
    check.audited = false;
    router.add(std::move(check));
    router.add(RouteBuilder("GET", "/api/v1/projects/{id}/compliance")
                   .tag("blueprint")
                   .summary("项目最近一次合规性检查结果（含所用图层版本）")
                   .handler([&ctx](Request &req) {
                       return Response::json(
                           ctx.compliance().latest(req.principal(), req.param("id"), beijing::nowMs()));
                   })
                   .build());
    router.add(RouteBuilder("PUT", "/api/v1/projects/{id}/site")
                   .roles({role::Applicant, role::Agency, role::WindowClerk, role::Coordinator, role::Admin})
                   .tag("blueprint")
                   .summary("更新项目用地范围（保留历史版本）")
                   .request({{"type", "object"},
                             {"required", {"site"}},
                             {"properties", {{"site", geometry}, {"note", {{"type", "string"}}}}}})
                   .response({{"type", "object"}})
                   .handler([&ctx](Request &req) {
                       return Response::json(
                           ctx.compliance().updateSite(req.principal(), req.param("id"), req.json(), beijing::nowMs()));
                   })
                   .build());
    router.add(RouteBuilder("GET", "/api/v1/projects/{id}/site/versions")
                   .tag("blueprint")
                   .summary("项目用地范围的历史版本")
                   .handler([&ctx](Request &req) {
                       return Response::json(
                           ctx.compliance().siteVersions(req.principal(), req.param("id"), beijing::nowMs()));
                   })
                   .build());
}

} // namespace spgl::server
