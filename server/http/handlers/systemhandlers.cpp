#include "http/handlers/systemhandlers.h"

#include "app/servercontext.h"
#include "http/openapi.h"
#include "services/auditlog.h"

namespace spgl::server {

void SystemHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    Route health;
    health.method = "GET";
    health.pattern = "/api/v1/health";
    health.isPublic = true;
    health.tag = "system";
    health.summary = "服务状态：数据库类型、版本、角色";
    health.responseSchema
        = {{"type", "object"},
           {"required", {"status", "db", "version", "role"}},
           {"properties",
            {{"status", {{"type", "string"}, {"enum", {"ok", "degraded"}}}},
             {"db", {{"type", "string"}, {"enum", {"sqlite", "postgresql"}}}},
             {"version", {{"type", "string"}}},
             {"role", {{"type", "string"}, {"enum", {"prefecture", "region"}}}},
             {"max_upload_bytes",
              {{"type", "integer"}, {"description", "单个上传文件的大小上限（字节），门户据此提示"}}}}}};
    health.handler = [&ctx](Request &) {
        bool dbOk = true;
        try {
            ctx.db().read([](Connection &c) { c.query("SELECT 1"); });
        } catch (const std::exception &) {
            dbOk = false;
        }
        return Response::json({{"status", dbOk ? "ok" : "degraded"},
                               {"db", ctx.db().backendName()},
                               {"version", SPGL_VERSION},
                               {"role", ctx.config().role},
                               {"max_upload_bytes", ctx.config().maxUploadBytes}},
                              dbOk ? 200 : 503);
    };
    router.add(std::move(health));

    Route openapi;
    openapi.method = "GET";
    openapi.pattern = "/api/v1/openapi.json";
    openapi.isPublic = true;
    openapi.tag = "system";
    openapi.summary = "本接口的 OpenAPI 3.1 文档";
    openapi.responseSchema = {{"type", "object"}};
    openapi.handler = [&ctx](Request &) { return Response::json(OpenApi::build(ctx.router(), SPGL_VERSION)); };
    router.add(std::move(openapi));

    Route audit;
    audit.method = "GET";
    audit.pattern = "/api/v1/audit/verify";
    audit.roles = {role::Admin, role::Supervisor};
    audit.tag = "system";
    audit.summary = "校验审计日志哈希链";
    audit.responseSchema = {{"type", "object"}};
    audit.handler = [&ctx](Request &) {
        const auto v = AuditLog::verify(ctx.db());
        nlohmann::json j = {{"ok", v.ok}, {"rows", v.rows}, {"head_id", v.headId}, {"head_hash", v.headHash}};
        if (!v.ok)
            j.update({{"first_broken_id", v.firstBrokenId}, {"reason", v.reason}});
        return Response::json(j);
    };
    router.add(std::move(audit));
}

} // namespace spgl::server
