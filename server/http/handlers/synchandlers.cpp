#include "http/handlers/synchandlers.h"

#include "app/servercontext.h"
#include "core/beijingtime.h"
#include "http/routebuilder.h"

namespace spgl::server {

void SyncHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    router.add(RouteBuilder("GET", "/api/v1/sync/changes")
                   .tag("sync")
                   .summary("变更流：数据范围内、序号 since 之后的变更（每个实体带当前数据），分页")
                   .query("since", "上次同步得到的 next", "string")
                   .query("limit", "每页条数（默认 500，最多 2000）", "integer")
                   .response({{"type", "object"},
                              {"required", {"changes", "next", "has_more"}},
                              {"properties",
                               {{"changes", {{"type", "array"}}},
                                {"next", {{"type", "string"}}},
                                {"has_more", {{"type", "boolean"}}}}}})
                   .handler([&ctx](Request &req) {
                       Response r; // JSON text built by the service (stored states spliced in)
                       r.body = ctx.sync().changes(req.principal(), req.query("since"), req.query("limit"),
                                                   beijing::nowMs());
                       return r;
                   })
                   .build());
    router.add(RouteBuilder("POST", "/api/v1/sync/push")
                   .tag("sync")
                   .summary("推送离线操作：逐条按在线同样的规则和权限执行；同一 op_id 只执行一次")
                   .request({{"type", "object"},
                             {"required", {"device_id", "ops"}},
                             {"properties",
                              {{"device_id", {{"type", "string"}}},
                               {"ops",
                                {{"type", "array"},
                                 {"items",
                                  {{"type", "object"},
                                   {"required", {"op_id", "command", "target"}},
                                   {"properties",
                                    {{"op_id", {{"type", "string"}}},
                                     {"command", {{"type", "string"}}},
                                     {"target", {{"type", "string"}}},
                                     {"expected_version", {{"type", {"integer", "null"}}}},
                                     {"args", {{"type", "object"}}}}}}}}}}}})
                   .response({{"type", "object"}, {"properties", {{"results", {{"type", "array"}}}}}})
                   .handler([&ctx](Request &req) {
                       req.audit().setTarget("sync:push");
                       return Response::json(ctx.sync().push(req.json(), req.principal(), beijing::nowMs()));
                   })
                   .build());
}

} // namespace spgl::server
