#include "http/handlers/notificationhandlers.h"

#include "app/servercontext.h"
#include "http/routebuilder.h"

namespace spgl::server {

void NotificationHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    router.add(RouteBuilder("GET", "/api/v1/notifications")
                   .tag("notifications")
                   .summary("站内通知：本人的和本部门的待办提醒")
                   .query("cursor")
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.approvals().notifications(req.principal(), req.queryMap()));
                   })
                   .build());
}

} // namespace spgl::server
