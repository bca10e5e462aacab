#include "http/handlers/basedatahandlers.h"

#include "app/servercontext.h"
#include "storage/basedatarepository.h"

namespace spgl::server {

void BaseDataHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    Route regions;
    regions.method = "GET";
    regions.pattern = "/api/v1/regions";
    regions.isPublic = true;
    regions.tag = "base";
    regions.summary = "行政区划（新疆）";
    regions.parameters = {{{"name", "parent"}, {"in", "query"}, {"schema", {{"type", "string"}}}}};
    regions.responseSchema = {{"type", "object"}, {"properties", {{"items", {{"type", "array"}}}}}};
    regions.handler = [&ctx](Request &req) {
        const auto parent = req.query("parent");
        const auto items = ctx.db().read([&](Connection &c) { return BaseDataRepository::regions(c, parent); });
        return Response::json({{"items", items}, {"next_cursor", nullptr}});
    };
    router.add(std::move(regions));

    Route departments;
    departments.method = "GET";
    departments.pattern = "/api/v1/departments";
    departments.isPublic = true;
    departments.tag = "base";
    departments.summary = "审批部门与综合窗口";
    departments.parameters = {{{"name", "region"}, {"in", "query"}, {"schema", {{"type", "string"}}}}};
    departments.responseSchema = {{"type", "object"}, {"properties", {{"items", {{"type", "array"}}}}}};
    departments.handler = [&ctx](Request &req) {
        const auto region = req.query("region");
        const auto items = ctx.db().read([&](Connection &c) { return BaseDataRepository::departments(c, region); });
        return Response::json({{"items", items}, {"next_cursor", nullptr}});
    };
    router.add(std::move(departments));
}

} // namespace spgl::server
