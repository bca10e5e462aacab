#include "http/handlers/drafthandlers.h"

#include "app/servercontext.h"
#include "core/beijingtime.h"
#include "http/routebuilder.h"
#include "services/draftservice.h"

namespace spgl::server {

void DraftHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    const nlohmann::json draft = {{"type", "object"},
                                  {"properties",
                                   {{"project_id", {{"type", "string"}}},
                                    {"stage", {{"type", "integer"}}},
                                    {"form", {{"type", "object"}}},
                                    {"materials", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                                    {"step", {{"type", "integer"}}},
                                    {"version", {{"type", "integer"}}},
                                    {"updated_at", {{"type", "string"}}}}}};
    router.add(RouteBuilder("GET", "/api/v1/projects/{id}/drafts/{stage}")
                   .roles({role::Applicant, role::Agency})
                   .tag("applications")
                   .summary("申请人保存在服务器上的申报草稿（表单与已选文件）")
                   .response(draft)
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.drafts().draft(req.principal(), req.param("id"), req.param("stage")));
                   })
                   .build());
    router.add(RouteBuilder("PUT", "/api/v1/projects/{id}/drafts/{stage}")
                   .roles({role::Applicant, role::Agency})
                   .tag("applications")
                   .summary("保存申报草稿：expected_version 为当前版本（新建时为 0 或省略），过期版本返回 409")
                   .request({{"type", "object"},
                             {"required", {"form"}},
                             {"properties",
                              {{"form", {{"type", "object"}}},
                               {"materials",
                                {{"type", "array"},
                                 {"items",
                                  {{"type", "object"},
                                   {"required", {"item_code", "material_code", "file_id"}},
                                   {"properties",
                                    {{"item_code", {{"type", "string"}}},
                                     {"material_code", {{"type", "string"}}},
                                     {"file_id", {{"type", "string"}}},
                                     {"filename", {{"type", "string"}}},
                                     {"size", {{"type", "integer"}}}}}}}}},
                               {"step", {{"type", "integer"}}},
                               {"expected_version", {{"type", "integer"}}}}}})
                   .response(draft)
                   .handler([&ctx](Request &req) {
                       bool created = false;
                       nlohmann::json d = ctx.drafts().save(req.principal(), req.param("id"), req.param("stage"),
                                                            req.json(), beijing::nowMs(), created);
                       return Response::json(d, created ? 201 : 200);
                   })
                   .build());
    router.add(RouteBuilder("DELETE", "/api/v1/projects/{id}/drafts/{stage}")
                   .roles({role::Applicant, role::Agency})
                   .tag("applications")
                   .summary("删除申报草稿")
                   .response({{"type", "object"}}, 204)
                   .handler([&ctx](Request &req) {
                       ctx.drafts().remove(req.principal(), req.param("id"), req.param("stage"));
                       return Response::empty(204);
                   })
                   .build());
}

} // namespace spgl::server
