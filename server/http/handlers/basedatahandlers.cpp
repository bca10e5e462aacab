#include "http/handlers/basedatahandlers.h"

#include "app/servercontext.h"

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
        const auto rows = ctx.db().read([&](Connection &c) {
            if (parent)
                return c.query(
                    "SELECT code, name, parent_code, level, valid FROM regions WHERE parent_code = ? ORDER BY code",
                    {*parent});
            return c.query("SELECT code, name, parent_code, level, valid FROM regions ORDER BY code");
        });
        nlohmann::json items = nlohmann::json::array();
        for (const auto &r : rows)
            items.push_back({{"code", r.text(0)},
                             {"name", r.text(1)},
                             {"parent_code", r.isNull(2) ? nlohmann::json() : nlohmann::json(r.text(2))},
                             {"level", r.integer(3)},
                             {"valid", r.integer(4) != 0}});
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
        const auto rows = ctx.db().read([&](Connection &c) {
            if (region)
                return c.query(
                    "SELECT id, code, name, short_name, region_code, kind FROM departments WHERE region_code = ? "
                    "ORDER BY sort_order, id",
                    {*region});
            return c.query("SELECT id, code, name, short_name, region_code, kind FROM departments ORDER BY "
                           "region_code, sort_order, id");
        });
        nlohmann::json items = nlohmann::json::array();
        for (const auto &r : rows)
            items.push_back({{"id", r.text(0)},
                             {"code", r.text(1)},
                             {"name", r.text(2)},
                             {"short_name", r.text(3)},
                             {"region_code", r.text(4)},
                             {"kind", r.text(5)}});
        return Response::json({{"items", items}, {"next_cursor", nullptr}});
    };
    router.add(std::move(departments));
}

} // namespace spgl::server
