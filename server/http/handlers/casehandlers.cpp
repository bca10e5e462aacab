#include "http/handlers/casehandlers.h"

#include "app/servercontext.h"
#include "auth/tokenservice.h"
#include "core/beijingtime.h"
#include "http/routebuilder.h"

namespace spgl::server {

namespace {
nlohmann::json commandSchema(std::initializer_list<std::pair<const char *, nlohmann::json>> properties)
{
    nlohmann::json props = {{"expected_version", {{"type", "integer"}}}};
    for (const auto &[k, v] : properties)
        props[k] = v;
    return {{"type", "object"}, {"properties", props}};
}
const nlohmann::json kText = {{"type", "string"}};
const nlohmann::json kStrings = {{"type", "array"}, {"items", {{"type", "string"}}}};
} // namespace

void CaseHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    const std::vector<std::string> staff
        = {role::WindowClerk, role::Reviewer, role::DepartmentHead, role::Coordinator, role::Supervisor, role::Admin};
    router.add(RouteBuilder("GET", "/api/v1/cases")
                   .roles(staff)
                   .tag("cases")
                   .summary("办件列表，按办结期限排序（审批人员默认只见本部门）")
                   .query("state", "办件状态，或 open 表示未办结")
                   .query("department", "部门代码")
                   .query("assignee", "me：本人签收的")
                   .query("level", "normal / warning / overdue / done")
                   .query("limit", {}, "integer")
                   .query("cursor")
                   .cached()
                   .handler([&ctx](Request &req) {
                       return Response::json(ctx.approvals().listCases(req.principal(), req.queryMap()));
                   })
                   .build());
    router.add(RouteBuilder("GET", "/api/v1/cases/{id}")
                   .tag("cases")
                   .summary("办件详情：计时、意见、征求意见、特别程序、所属申报与其他部门进度")
                   .handler([&ctx](Request &req) {
                       return Response::json(
                           ctx.approvals().caseDetail(req.param("id"), req.principal(), beijing::nowMs()));
                   })
                   .build());

    const std::vector<std::string> reviewers = {role::Reviewer, role::DepartmentHead, role::Coordinator};
    struct Action
    {
        const char *path;
        CommandKind kind;
        const char *summary;
        nlohmann::json schema;
    };
    const Action actions[] = {
        {"claim", CommandKind::Claim, "签收办件（部门开始办理）", commandSchema({})},
        {"opinions", CommandKind::AddOpinion, "填写审查意见", commandSchema({{"opinion", kText}})},
        {"consultations", CommandKind::RequestConsultation, "征求其他部门意见",
         commandSchema({{"department", kText}, {"question", kText}, {"consultation_id", kText}})},
        {"consultations/{cid}/reply", CommandKind::ReplyConsultation, "回复征求意见",
         commandSchema({{"answer", kText}})},
        {"suspend", CommandKind::StartSpecialProcedure, "启动特别程序（专家评审、听证、现场勘察…），暂停计时",
         commandSchema({{"kind", kText}, {"reason", kText}})},
        {"resume", CommandKind::EndSpecialProcedure, "结束特别程序，恢复计时", commandSchema({{"result", kText}})},
        {"request-supplement", CommandKind::RequestSupplement, "受理后要求补正（暂停计时）",
         commandSchema({{"missing_materials", kStrings}, {"opinion", kText}})},
        {"decide", CommandKind::Decide, "办结：通过、容缺通过或不通过，附结果文件",
         commandSchema({{"outcome", {{"type", "string"}, {"enum", {"approved", "approved_tolerated", "disapproved"}}}},
                        {"opinion", kText},
                        {"document",
                         {{"type", "object"},
                          {"properties",
                           {{"number", kText},
                            {"title", kText},
                            {"date", kText},
                            {"valid_until", kText},
                            {"file_id", kText}}}}}})},
    };
    for (const auto &a : actions) {
        const CommandKind kind = a.kind;
        router.add(RouteBuilder("POST", std::string("/api/v1/cases/{id}/") + a.path)
                       .roles(reviewers)
                       .tag("cases")
                       .summary(a.summary)
                       .idempotent()
                       .request(a.schema)
                       .handler([&ctx, kind](Request &req) {
                           nlohmann::json body = req.body().empty() ? nlohmann::json::object() : req.json();
                           if (kind == CommandKind::ReplyConsultation)
                               body["consultation_id"] = req.param("cid");
                           if (kind == CommandKind::RequestConsultation
                               && (!body.contains("consultation_id") || body["consultation_id"].is_null()))
                               body["consultation_id"] = "zq" + TokenService::randomToken(8);
                           return Response::json(ctx.approvals().caseCommand(req.param("id"), kind, body,
                                                                             req.principal(), beijing::nowMs()));
                       })
                       .build());
    }
    // The applicant (or the window for them) answers a case's supplement request.
    router.add(RouteBuilder("POST", "/api/v1/cases/{id}/supplement")
                   .roles({role::Applicant, role::Agency, role::WindowClerk})
                   .tag("cases")
                   .summary("为办件提交补正材料（恢复计时）")
                   .idempotent()
                   .request(commandSchema({{"materials", kStrings}, {"opinion", kText}}))
                   .handler([&ctx](Request &req) {
                       const nlohmann::json body = req.body().empty() ? nlohmann::json::object() : req.json();
                       return Response::json(ctx.approvals().caseCommand(
                           req.param("id"), CommandKind::ProvideSupplement, body, req.principal(), beijing::nowMs()));
                   })
                   .build());
}

} // namespace spgl::server
