#include "http/handlers/cataloghandlers.h"

#include "app/servercontext.h"
#include "http/apierror.h"
#include "http/routebuilder.h"

namespace spgl::server {

namespace {
CatalogService::Kind kindParam(const Request &req)
{
    const auto kind = CatalogService::kindFromPath(req.param("kind"));
    if (!kind)
        throw ApiError::notFound("目录类别应为 items、processes 或 forms");
    return *kind;
}
} // namespace

void CatalogHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    router.add(RouteBuilder("GET", "/api/v1/catalog/processes")
                   .isPublic()
                   .tag("catalog")
                   .summary("已发布的审批流程：阶段、事项、时限")
                   .handler([&ctx](Request &) { return Response::json(ctx.catalog().processesView()); })
                   .build());
    router.add(RouteBuilder("GET", "/api/v1/catalog/items/{code}")
                   .isPublic()
                   .tag("catalog")
                   .summary("一个审批事项：部门、时限、材料、表单、设定依据")
                   .query("version", "指定版本；缺省为最新发布版本")
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.catalog().itemView(req.param("code"), req.query("version")));
                   })
                   .build());
    router.add(RouteBuilder("GET", "/api/v1/catalog/forms/{code}")
                   .isPublic()
                   .tag("catalog")
                   .summary("一张表单的定义（字段、校验、显示规则）")
                   .query("version", "指定版本；缺省为最新发布版本")
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.catalog().formView(req.param("code"), req.query("version")));
                   })
                   .build());
    router.add(RouteBuilder("GET", "/api/v1/guides")
                   .isPublic()
                   .tag("catalog")
                   .summary("办事指南：各阶段应提交的表单、材料与时限（ETag，支持 If-None-Match）")
                   .query("stage", "审批阶段 1–5", "integer")
                   .query("process_type", "审批流程类型 SPLCLX 1–10", "integer")
                   .query("versions",
                          "latest（缺省）：各流程的最新发布版本；all：含已停用的全部版本（项目沿用首次申报时的版本）")
                   .handler([&ctx](Request &req) {
                       const auto guides = ctx.catalog().renderedGuides(req.query("stage"), req.query("process_type"),
                                                                        req.query("versions"));
                       // The desk asks on every sync; an unchanged catalog answers 304 without a body.
                       const std::string etag = "\"" + guides->sha256 + "\"";
                       Response r;
                       if (req.ifNoneMatch(etag))
                           r = Response::empty(304);
                       else
                           r.body = guides->text;
                       r.header("ETag", etag);
                       r.header("Cache-Control", "no-cache");
                       return r;
                   })
                   .build());

    // Administration: versions with draft → published → retired.
    router.add(RouteBuilder("GET", "/api/v1/admin/catalog/{kind}/{code}/versions")
                   .roles({role::Admin})
                   .tag("catalog-admin")
                   .summary("一个事项、流程或表单的全部版本")
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.catalog().versions(kindParam(req), req.param("code")));
                   })
                   .build());
    router.add(RouteBuilder("POST", "/api/v1/admin/catalog/{kind}")
                   .roles({role::Admin})
                   .tag("catalog-admin")
                   .summary("新建一个版本（草稿）")
                   .request({{"type", "object"}})
                   .response({{"type", "object"}}, 201)
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.catalog().createDraft(kindParam(req), req.json()), 201);
                   })
                   .build());
    router.add(RouteBuilder("POST", "/api/v1/admin/catalog/{kind}/{code}/{version}/status")
                   .roles({role::Admin})
                   .tag("catalog-admin")
                   .summary("发布或废止一个版本（发布前检查整个目录；运行中的申报不受影响）")
                   .request({{"type", "object"},
                             {"required", {"status"}},
                             {"properties", {{"status", {{"type", "string"}, {"enum", {"published", "retired"}}}}}}})
                   .handler([&ctx](Request &req) {
                       const nlohmann::json body = req.json();
                       if (!body.contains("status") || !body["status"].is_string())
                           throw ApiError::validation({{"json.type", "status 应为字符串", "status"}});
                       req.audit().setTarget("catalog:" + req.param("kind") + ":" + req.param("code") + "@"
                                             + req.param("version"));
                       req.audit().setDetail(body["status"].get<std::string>());
                       return Response::json(ctx.catalog().setStatus(kindParam(req), req.param("code"),
                                                                     req.param("version"), body["status"]));
                   })
                   .build());
}

} // namespace spgl::server
