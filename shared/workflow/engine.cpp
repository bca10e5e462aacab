#include "workflow/engine.h"

#include "calendar/dates.h"
#include "rules/jsonlogic.h"

#include <algorithm>
#include <array>

namespace spgl {

namespace {

/// How far a delivery's time may lie ahead of the deciding clock (desktop clocks drift).
constexpr std::int64_t kDeliveryClockSkewMs = 5 * 60 * 1000;

Error forbidden(std::string message)
{
    return Error{"workflow.forbidden", std::move(message), {}};
}
Error wrongState(std::string message)
{
    return Error{"workflow.state", std::move(message), {}};
}
Error invalid(std::string field, std::string message)
{
    return Error{"workflow.invalid", std::move(message), std::move(field)};
}
Error notFound(std::string message)
{
    return Error{"workflow.not_found", std::move(message), {}};
}

bool isWindow(const Actor &a)
{
    return a.hasRole(roles::WindowClerk);
}
bool isOwner(const Application &app, const Actor &a)
{
    return !a.id.empty() && a.id == app.applicantId && a.hasRole(roles::Applicant);
}
/// A reviewer or head of the case's department.
bool isCaseStaff(const ApprovalCase &c, const Actor &a)
{
    return !a.department.empty() && a.department == c.department
           && (a.hasRole(roles::Reviewer) || a.hasRole(roles::DepartmentHead));
}
/// Who may speak for the case: its department's staff, or a coordinator (lead department).
bool mayComment(const ApprovalCase &c, const Actor &a)
{
    return isCaseStaff(c, a) || (!a.department.empty() && a.hasRole(roles::Coordinator));
}

/// The special procedures every item may use when its definition names none (DOMAIN.md).
const SpecialProcedureDefinition *defaultProcedure(std::string_view kind)
{
    static const std::array<SpecialProcedureDefinition, 5> defaults = {{
        {"expert_review", "专家评审", 10, Clock::Unit::Workday},
        {"hearing", "现场听证", 10, Clock::Unit::Workday},
        {"site_survey", "现场勘察", 5, Clock::Unit::Workday},
        {"bidding", "招投标", 20, Clock::Unit::Workday},
        {"eia_publicity", "环评公示", 10, Clock::Unit::Day},
    }};
    for (const auto &d : defaults)
        if (d.kind == kind)
            return &d;
    return nullptr;
}

class Decider
{
public:
    Decider(const Application &app, const Command &cmd, const EngineContext &ctx)
        : m_app(app)
        , m_cmd(cmd)
        , m_ctx(ctx)
    {}

    Result<std::vector<Event>> run()
    {
        if (m_cmd.kind == CommandKind::Submit)
            return submit();
        if (m_app.status == ApplicationStatus::None)
            return notFound("申报不存在");
        if (isCaseCommand()) {
            m_case = m_app.findCase(m_cmd.caseId);
            if (!m_case)
                return notFound("办件不存在");
        }
        if (m_cmd.expectedVersion) {
            const std::int64_t current = m_case ? m_case->version : m_app.version;
            if (*m_cmd.expectedVersion != current)
                return Error{"workflow.version",
                             "数据已被他人修改（当前版本 " + std::to_string(current) + "，提交的版本 "
                                 + std::to_string(*m_cmd.expectedVersion) + "），请刷新后重试",
                             "expected_version"};
        }
        Status checked = dispatch();
        if (!checked.ok())
            return checked.error();
        return std::move(m_events);
    }

private:
    bool isCaseCommand() const
    {
        switch (m_cmd.kind) {
        case CommandKind::Claim:
        case CommandKind::AddOpinion:
        case CommandKind::RequestConsultation:
        case CommandKind::ReplyConsultation:
        case CommandKind::StartSpecialProcedure:
        case CommandKind::EndSpecialProcedure:
        case CommandKind::Decide:
            return true;
        case CommandKind::RequestSupplement:
        case CommandKind::ProvideSupplement:
            return !m_cmd.caseId.empty();
        default:
            return false;
        }
    }

    Status dispatch()
    {
        switch (m_cmd.kind) {
        case CommandKind::Submit:
            break;
        case CommandKind::Withdraw:
            return withdraw();
        case CommandKind::Accept:
            return accept();
        case CommandKind::Refuse:
            return refuse();
        case CommandKind::RequestSupplement:
            return m_case ? requestCaseSupplement() : requestSupplement();
        case CommandKind::ProvideSupplement:
            return m_case ? provideCaseSupplement() : provideSupplement();
        case CommandKind::Claim:
            return claim();
        case CommandKind::AddOpinion:
            return addOpinion();
        case CommandKind::RequestConsultation:
            return requestConsultation();
        case CommandKind::ReplyConsultation:
            return replyConsultation();
        case CommandKind::StartSpecialProcedure:
            return startProcedure();
        case CommandKind::EndSpecialProcedure:
            return endProcedure();
        case CommandKind::Decide:
            return decideCase();
        case CommandKind::Deliver:
            return deliver();
        }
        return wrongState("未知的操作");
    }

    Event &emit(EventKind kind, std::string caseId = {})
    {
        Event e;
        e.kind = kind;
        e.seq = m_app.events + std::int64_t(m_events.size()) + 1;
        e.at = m_ctx.nowMs;
        e.caseId = std::move(caseId);
        e.actorId = m_ctx.actor.id;
        e.actorName = m_ctx.actor.name;
        e.department = m_ctx.actor.department;
        e.text = m_cmd.text;
        m_events.push_back(std::move(e));
        return m_events.back();
    }

    Result<std::vector<Event>> submit()
    {
        if (m_app.status != ApplicationStatus::None)
            return wrongState("申报已存在");
        if (!m_cmd.submission)
            return invalid("application", "缺少申报内容");
        const Application &s = *m_cmd.submission;
        const bool own
            = !s.applicantId.empty() && s.applicantId == m_ctx.actor.id && m_ctx.actor.hasRole(roles::Applicant);
        if (!own && !isWindow(m_ctx.actor))
            return forbidden("只有申请人本人或综合窗口（代办）可以申报");
        if (s.id.empty())
            return invalid("id", "缺少申报编号");
        if (s.projectId.empty())
            return invalid("project_id", "缺少项目");
        if (s.applicantId.empty())
            return invalid("applicant_id", "缺少申请人");
        if (s.stage < 1 || s.stage > 5)
            return invalid("stage", "审批阶段应为 1–5");
        if (s.items.empty())
            return invalid("items", "本阶段没有适用的审批事项");
        if (s.channel != "online" && s.channel != "window")
            return invalid("channel", "渠道应为 online 或 window");
        Event &e = emit(EventKind::Received);
        Application filed = s;
        filed.status = ApplicationStatus::None;
        filed.cases.clear();
        filed.version = 0;
        filed.events = 0;
        filed.submittedAt = m_ctx.nowMs;
        e.application = std::move(filed);
        return std::move(m_events);
    }

    Status withdraw()
    {
        if (!isOwner(m_app, m_ctx.actor) && !isWindow(m_ctx.actor))
            return forbidden("只有申请人本人或综合窗口可以撤件");
        if (m_app.status != ApplicationStatus::Submitted && m_app.status != ApplicationStatus::SupplementRequested)
            return wrongState("已受理或已办结的申报不能撤件");
        emit(EventKind::Withdrawn);
        return {};
    }

    Status refuse()
    {
        if (!isWindow(m_ctx.actor))
            return forbidden("只有综合窗口可以作出不予受理决定");
        if (m_app.status != ApplicationStatus::Submitted)
            return wrongState("只有待受理的申报可以不予受理");
        if (m_cmd.text.empty())
            return invalid("opinion", "不予受理须写明理由");
        emit(EventKind::Refused);
        return {};
    }

    Status requestSupplement()
    {
        if (!isWindow(m_ctx.actor))
            return forbidden("只有综合窗口可以要求申请人补正");
        if (m_app.status != ApplicationStatus::Submitted)
            return wrongState("只有待受理的申报可以要求补正");
        if (m_cmd.materials.empty())
            return invalid("missing_materials", "请列出需要补正的材料");
        emit(EventKind::SupplementRequested).materials = m_cmd.materials;
        return {};
    }

    Status provideSupplement()
    {
        if (!isOwner(m_app, m_ctx.actor) && !isWindow(m_ctx.actor))
            return forbidden("只有申请人本人或综合窗口可以提交补正材料");
        if (m_app.status != ApplicationStatus::SupplementRequested)
            return wrongState("该申报没有待补正的材料");
        emit(EventKind::SupplementProvided).materials = m_cmd.materials;
        return {};
    }

    Status accept()
    {
        if (!isWindow(m_ctx.actor))
            return forbidden("只有综合窗口可以受理");
        if (m_app.status != ApplicationStatus::Submitted)
            return wrongState("只有待受理的申报可以受理");
        if (!m_ctx.items)
            return invalid("items", "缺少事项目录");
        if (m_ctx.applicantBlacklisted && (!m_cmd.materials.empty() || !m_cmd.commitmentItems.empty()))
            return forbidden("申请人在失信名单中，不适用容缺受理和告知承诺制");

        std::vector<const ItemDefinition *> defs;
        for (const auto &ref : m_app.items) {
            const ItemDefinition *def = m_ctx.items(ref.code, ref.version);
            if (!def)
                return invalid("items", "事项 " + ref.code + " " + ref.version + " 不在目录中");
            defs.push_back(def);
        }
        // 容缺: each tolerated material must be missing, and tolerable in an item that allows it.
        for (const auto &key : m_cmd.materials) {
            const auto slash = key.find('/');
            const std::string itemCode = slash == std::string::npos ? std::string() : key.substr(0, slash);
            const std::string code = slash == std::string::npos ? key : key.substr(slash + 1);
            auto it = std::find_if(defs.begin(), defs.end(), [&](auto *d) { return d->code == itemCode; });
            const MaterialDefinition *m = it == defs.end() ? nullptr : (*it)->material(code);
            if (!m)
                return invalid("tolerated", "材料 " + key + " 不属于本次申报的事项");
            if (!(*it)->toleranceAllowed || m->requirement != MaterialDefinition::Requirement::Tolerable)
                return invalid("tolerated", "材料「" + m->name + "」不允许容缺受理");
            if (m_app.hasMaterial(itemCode, code))
                return invalid("tolerated", "材料「" + m->name + "」已提交，无需容缺");
        }
        for (const auto &code : m_cmd.commitmentItems) {
            auto it = std::find_if(defs.begin(), defs.end(), [&](auto *d) { return d->code == code; });
            if (it == defs.end())
                return invalid("commitment", "事项 " + code + " 不属于本次申报");
            if (!(*it)->commitmentAllowed)
                return invalid("commitment", "事项「" + (*it)->name + "」不适用告知承诺制");
        }
        // Completeness: every required material present; tolerable ones present or tolerated.
        for (const ItemDefinition *def : defs) {
            const bool commitment = std::find(m_cmd.commitmentItems.begin(), m_cmd.commitmentItems.end(), def->code)
                                    != m_cmd.commitmentItems.end();
            for (const auto &m : def->materials) {
                if (m.requirement == MaterialDefinition::Requirement::Optional || m_app.hasMaterial(def->code, m.code)
                    || !requiredByRule(m))
                    continue;
                const std::string key = def->code + '/' + m.code;
                const bool tolerated
                    = std::find(m_cmd.materials.begin(), m_cmd.materials.end(), key) != m_cmd.materials.end();
                if (!tolerated && !commitment)
                    return Error{"workflow.incomplete", "材料不齐全：事项「" + def->name + "」缺少「" + m.name + "」",
                                 "materials"};
            }
        }
        if (!m_ctx.calendar)
            return invalid("calendar", "缺少工作日历");
        const auto today = beijing::date(m_ctx.nowMs);
        int n = 0;
        for (std::size_t i = 0; i < defs.size(); ++i) {
            const ItemDefinition &def = *defs[i];
            ApprovalCase c;
            c.id = m_app.id + '-' + std::to_string(++n);
            c.itemCode = def.code;
            c.itemVersion = def.version;
            c.itemName = def.name;
            c.department = def.department;
            c.milestone = m_app.items[i].milestone;
            c.status = CaseStatus::Accepted;
            auto clock = Clock::create(m_ctx.nowMs, def.promisedLimit, def.promisedUnit, m_app.regionCode);
            if (!clock.ok())
                return invalid("items", "事项「" + def.name + "」的承诺时限无效：" + clock.error().message);
            (void)clock.value().setWarningDays(std::max(0, def.warningDays));
            c.clock = std::move(clock).value();
            c.commitment = std::find(m_cmd.commitmentItems.begin(), m_cmd.commitmentItems.end(), def.code)
                           != m_cmd.commitmentItems.end();
            const std::string prefix = def.code + '/';
            for (const auto &key : m_cmd.materials)
                if (key.rfind(prefix, 0) == 0)
                    c.toleratedMaterials.push_back(key);
            if (!c.toleratedMaterials.empty())
                c.toleranceDeadline
                    = isoDate(m_ctx.calendar->addWorkdays(today, std::max(1, def.toleranceDays), m_app.regionCode));
            Event &e = emit(EventKind::Accepted, c.id);
            e.materials = c.toleratedMaterials;
            e.openedCase = std::move(c);
        }
        return {};
    }

    /// Whether a material's required_if rule (if any) asks for it, given the application's form and
    /// what the blueprint knew of the project (regional assessments that waive materials, 5.3).
    bool requiredByRule(const MaterialDefinition &m) const
    {
        if (m.requiredIf.is_null())
            return true;
        static const JsonLogic logic;
        const nlohmann::json facts = {{"form", m_app.form}, {"project", m_app.projectFacts}};
        auto result = logic.apply(m.requiredIf, facts);
        return !result.ok() || JsonLogic::truthy(result.value()); // a broken rule asks rather than waives
    }

    Status claim()
    {
        if (!isCaseStaff(*m_case, m_ctx.actor))
            return forbidden("只有办件所属部门的审批人员可以签收");
        if (m_case->status != CaseStatus::Accepted)
            return wrongState("办件已被签收或已办结");
        emit(EventKind::Claimed, m_case->id);
        return {};
    }

    Status addOpinion()
    {
        if (!mayComment(*m_case, m_ctx.actor))
            return forbidden("只有办件所属部门或牵头部门可以填写审查意见");
        if (isDecided(m_case->status))
            return wrongState("办件已办结");
        if (m_cmd.text.empty())
            return invalid("opinion", "意见不能为空");
        emit(EventKind::OpinionAdded, m_case->id);
        return {};
    }

    Status requestConsultation()
    {
        if (!mayComment(*m_case, m_ctx.actor))
            return forbidden("只有办件所属部门或牵头部门可以征求意见");
        if (isDecided(m_case->status) || m_case->status == CaseStatus::Accepted)
            return wrongState("请先签收办件");
        if (m_cmd.department.empty() || m_cmd.department == m_case->department)
            return invalid("department", "请选择被征求意见的其他部门");
        if (m_cmd.consultationId.empty())
            return invalid("consultation_id", "缺少征求意见编号");
        if (m_case->consultation(m_cmd.consultationId))
            return invalid("consultation_id", "征求意见编号重复");
        if (m_cmd.text.empty())
            return invalid("question", "请写明征求意见的事项");
        Event &e = emit(EventKind::ConsultationRequested, m_case->id);
        e.ref = m_cmd.consultationId;
        Consultation c;
        c.id = m_cmd.consultationId;
        c.fromDepartment = m_ctx.actor.department;
        c.toDepartment = m_cmd.department;
        c.question = m_cmd.text;
        c.askedAt = m_ctx.nowMs;
        e.consultation = std::move(c);
        return {};
    }

    Status replyConsultation()
    {
        const Consultation *c = m_case->consultation(m_cmd.consultationId);
        if (!c)
            return notFound("征求意见不存在");
        if (m_ctx.actor.department != c->toDepartment
            || !(m_ctx.actor.hasRole(roles::Reviewer) || m_ctx.actor.hasRole(roles::DepartmentHead)
                 || m_ctx.actor.hasRole(roles::Coordinator)))
            return forbidden("只有被征求意见的部门可以回复");
        if (!c->open())
            return wrongState("该征求意见已回复");
        if (isDecided(m_case->status))
            return wrongState("办件已办结");
        if (m_cmd.text.empty())
            return invalid("answer", "回复意见不能为空");
        emit(EventKind::ConsultationReplied, m_case->id).ref = c->id;
        return {};
    }

    Status requestCaseSupplement()
    {
        if (!isCaseStaff(*m_case, m_ctx.actor))
            return forbidden("只有办件所属部门可以要求补正");
        if (m_case->status != CaseStatus::InProgress)
            return wrongState("只有办理中的办件可以要求补正");
        if (m_cmd.materials.empty())
            return invalid("missing_materials", "请列出需要补正的材料");
        emit(EventKind::SupplementRequested, m_case->id).materials = m_cmd.materials;
        return {};
    }

    Status provideCaseSupplement()
    {
        if (!isOwner(m_app, m_ctx.actor) && !isWindow(m_ctx.actor))
            return forbidden("只有申请人本人或综合窗口可以提交补正材料");
        if (m_case->status != CaseStatus::Supplement) {
            // 容缺: the materials tolerated at acceptance are handed in while the case runs (or
            // after 容缺通过); the clock is not touched.
            if (m_case->toleratedMaterials.empty() || m_case->status == CaseStatus::Disapproved)
                return wrongState("该办件没有待补正的材料，也没有待补齐的容缺材料");
            if (m_cmd.materials.empty())
                return invalid("materials", "请列出补齐的容缺材料");
            for (const auto &key : m_cmd.materials)
                if (std::find(m_case->toleratedMaterials.begin(), m_case->toleratedMaterials.end(), key)
                    == m_case->toleratedMaterials.end())
                    return invalid("materials", "材料 " + key + " 不是本办件容缺受理的材料");
        }
        emit(EventKind::SupplementProvided, m_case->id).materials = m_cmd.materials;
        return {};
    }

    Status startProcedure()
    {
        if (!isCaseStaff(*m_case, m_ctx.actor))
            return forbidden("只有办件所属部门可以启动特别程序");
        if (m_case->status != CaseStatus::InProgress)
            return wrongState("只有办理中的办件可以启动特别程序");
        const SpecialProcedureDefinition *def = nullptr;
        const ItemDefinition *item = m_ctx.items ? m_ctx.items(m_case->itemCode, m_case->itemVersion) : nullptr;
        if (item && !item->specialProcedures.empty())
            def = item->specialProcedure(m_cmd.procedure);
        else
            def = defaultProcedure(m_cmd.procedure);
        if (!def)
            return invalid("kind", "该事项不适用特别程序「" + m_cmd.procedure + "」");
        if (m_cmd.text.empty())
            return invalid("reason", "请写明启动特别程序的理由");
        Event &e = emit(EventKind::SpecialProcedureStarted, m_case->id);
        e.ref = def->kind;
        SpecialProcedure p;
        p.kind = def->kind;
        p.name = def->name;
        p.reason = m_cmd.text;
        p.limit = def->limit;
        p.unit = def->unit;
        p.startedAt = m_ctx.nowMs;
        e.procedure = std::move(p);
        return {};
    }

    Status endProcedure()
    {
        if (!isCaseStaff(*m_case, m_ctx.actor))
            return forbidden("只有办件所属部门可以结束特别程序");
        if (m_case->status != CaseStatus::SpecialProcedure)
            return wrongState("办件不在特别程序中");
        emit(EventKind::SpecialProcedureEnded, m_case->id).ref = m_case->openSpecialProcedure()->kind;
        return {};
    }

    Status decideCase()
    {
        if (!isCaseStaff(*m_case, m_ctx.actor))
            return forbidden("只有办件所属部门可以作出审批决定");
        if (m_case->status != CaseStatus::InProgress)
            return wrongState(isDecided(m_case->status) ? "办件已办结" : "只有已签收、办理中的办件可以作出决定");
        if (!m_case->assignee.empty() && m_case->assignee != m_ctx.actor.id
            && !m_ctx.actor.hasRole(roles::DepartmentHead))
            return forbidden("办件由 " + m_case->assigneeName + " 签收，只有签收人或部门负责人可以作出决定");
        if (m_cmd.outcome == Outcome::ApprovedTolerated && m_case->toleratedMaterials.empty())
            return invalid("outcome", "该办件未容缺受理，不能容缺通过");
        if (m_cmd.text.empty())
            return invalid("opinion", "请填写审批意见");
        if (!m_cmd.document || m_cmd.document->number.empty() || m_cmd.document->title.empty())
            return invalid("document", "请填写结果文件的文号和标题");
        if (!parseIsoDate(m_cmd.document->date))
            return invalid("document.date", "结果文件日期应为 YYYY-MM-DD");
        if (!m_cmd.document->validUntil.empty() && !parseIsoDate(m_cmd.document->validUntil))
            return invalid("document.valid_until", "有效期限应为 YYYY-MM-DD");
        const EventKind kind = m_cmd.outcome == Outcome::Approved            ? EventKind::Approved
                               : m_cmd.outcome == Outcome::ApprovedTolerated ? EventKind::ApprovedTolerated
                                                                             : EventKind::Disapproved;
        Event &e = emit(kind, m_case->id);
        e.document = m_cmd.document;
        if (e.document->validUntil.empty())
            e.document->validUntil = "9999-01-01";

        // Does the stage conclude with this decision (LCBSXLX)?
        bool allDecided = true;
        int milestones = 0;
        int milestonesPassed = 0;
        for (const auto &c : m_app.cases) {
            const CaseStatus s = c.id == m_case->id
                                     ? (kind == EventKind::Disapproved ? CaseStatus::Disapproved : CaseStatus::Approved)
                                     : c.status;
            allDecided = allDecided && isDecided(s);
            if (c.milestone) {
                ++milestones;
                milestonesPassed += (s == CaseStatus::Approved || s == CaseStatus::ApprovedTolerated) ? 1 : 0;
            }
        }
        if (allDecided) {
            const bool passed = m_app.completion == StageDefinition::Completion::AnyMilestone
                                    ? milestonesPassed > 0 || milestones == 0
                                    : milestonesPassed == milestones;
            Event &s = emit(passed ? EventKind::StageConcluded : EventKind::StageNotPassed);
            s.text = passed ? "阶段办结" : "阶段审批未通过";
        }
        return {};
    }

    Status deliver()
    {
        if (!isWindow(m_ctx.actor))
            return forbidden("只有综合窗口可以统一出件");
        if (m_app.status != ApplicationStatus::Concluded && m_app.status != ApplicationStatus::NotPassed)
            return wrongState("阶段尚未办结，不能出件");
        Delivery d = m_cmd.delivery;
        if (d.method != "online" && d.method != "in_person" && d.method != "post")
            return invalid("method", "出件方式应为 online、in_person 或 post");
        if (d.method == "post" && d.trackingNo.empty())
            return invalid("tracking_no", "邮寄送达须填写邮件单号");
        if (d.method != "post" && !d.trackingNo.empty())
            return invalid("tracking_no", "只有邮寄送达才填写邮件单号");
        const bool trackingShape
            = d.trackingNo.size() <= 40 && std::all_of(d.trackingNo.begin(), d.trackingNo.end(), [](unsigned char c) {
                  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
              });
        if (!d.trackingNo.empty() && (d.trackingNo.size() < 6 || !trackingShape))
            return invalid("tracking_no", "邮件单号应为 6–40 位字母、数字或连字符");
        if (d.recipient.size() > 200)
            return invalid("recipient", "领取人/收件人过长（最多 200 字节）");
        if (d.at == 0)
            d.at = m_ctx.nowMs;
        if (d.at > m_ctx.nowMs + kDeliveryClockSkewMs)
            return invalid("delivered_at", "出件时间不能晚于现在");
        // Handover times are written to the second (RFC 3339): one in the second the stage was
        // concluded in is not earlier than the conclusion.
        if (d.at / 1000 < m_app.concludedAt / 1000)
            return invalid("delivered_at", "出件时间不能早于本阶段办结的时间");
        Event &e = emit(EventKind::Delivered);
        e.ref = d.method; // kept for readers of the method alone (notifications, exchange)
        e.delivery = std::move(d);
        return {};
    }

    const Application &m_app;
    const Command &m_cmd;
    const EngineContext &m_ctx;
    const ApprovalCase *m_case = nullptr;
    std::vector<Event> m_events;
};

} // namespace

Result<std::vector<Event>> Engine::decide(const Application &application, const Command &command,
                                          const EngineContext &context)
{
    return Decider(application, command, context).run();
}

void Engine::apply(Application &app, const Event &e)
{
    app.events = std::max(app.events, e.seq);
    ++app.version;
    ApprovalCase *c = e.caseId.empty() ? nullptr : app.findCase(e.caseId);
    if (c)
        ++c->version;
    switch (e.kind) {
    case EventKind::Received:
        if (e.application) {
            const std::int64_t events = app.events;
            app = *e.application;
            app.events = events;
            app.version = 1;
        }
        app.status = ApplicationStatus::Submitted;
        app.submittedAt = e.at;
        break;
    case EventKind::Withdrawn:
        app.status = ApplicationStatus::Withdrawn;
        break;
    case EventKind::Refused:
        app.status = ApplicationStatus::Refused;
        app.refusalReason = e.text;
        break;
    case EventKind::SupplementRequested:
        if (c) {
            c->status = CaseStatus::Supplement;
            c->supplementMaterials = e.materials;
            if (c->clock)
                (void)c->clock->pause(e.at);
        } else {
            app.status = ApplicationStatus::SupplementRequested;
            app.supplementMaterials = e.materials;
        }
        break;
    case EventKind::SupplementProvided:
        if (c) {
            if (c->status == CaseStatus::Supplement) {
                c->status = CaseStatus::InProgress;
                c->supplementMaterials.clear();
                if (c->clock)
                    (void)c->clock->resume(e.at);
            }
            // Tolerated materials handed in are no longer outstanding.
            std::erase_if(c->toleratedMaterials, [&](const std::string &key) {
                return std::find(e.materials.begin(), e.materials.end(), key) != e.materials.end();
            });
            if (c->toleratedMaterials.empty())
                c->toleranceDeadline.clear();
            for (const auto &key : e.materials)
                if (const auto slash = key.find('/');
                    slash != std::string::npos && !app.hasMaterial(key.substr(0, slash), key.substr(slash + 1)))
                    app.materials.push_back({key.substr(0, slash), key.substr(slash + 1), {}});
        } else {
            app.status = ApplicationStatus::Submitted;
            app.supplementMaterials.clear();
            // The materials handed in ("item/material") are on file from now on (paper originals
            // unless the submission carried a file).
            for (const auto &key : e.materials)
                if (const auto slash = key.find('/');
                    slash != std::string::npos && !app.hasMaterial(key.substr(0, slash), key.substr(slash + 1)))
                    app.materials.push_back({key.substr(0, slash), key.substr(slash + 1), {}});
        }
        break;
    case EventKind::Accepted:
        if (e.openedCase && !c) {
            app.cases.push_back(*e.openedCase);
            app.cases.back().version = 1;
        }
        app.status = ApplicationStatus::InReview;
        app.acceptedAt = e.at;
        break;
    case EventKind::Claimed:
        if (c) {
            c->status = CaseStatus::InProgress;
            c->assignee = e.actorId;
            c->assigneeName = e.actorName;
        }
        break;
    case EventKind::OpinionAdded:
        if (c)
            ++c->opinions;
        break;
    case EventKind::ConsultationRequested:
        if (c && e.consultation)
            c->consultations.push_back(*e.consultation);
        break;
    case EventKind::ConsultationReplied:
        if (c)
            for (auto &q : c->consultations)
                if (q.id == e.ref) {
                    q.answer = e.text;
                    q.answeredAt = e.at;
                }
        break;
    case EventKind::SpecialProcedureStarted:
        if (c) {
            c->status = CaseStatus::SpecialProcedure;
            if (e.procedure)
                c->specialProcedures.push_back(*e.procedure);
            if (c->clock)
                (void)c->clock->pause(e.at);
        }
        break;
    case EventKind::SpecialProcedureEnded:
        if (c) {
            c->status = CaseStatus::InProgress;
            for (auto &p : c->specialProcedures)
                if (p.endedAt == 0) {
                    p.endedAt = e.at;
                    p.result = e.text;
                }
            if (c->clock)
                (void)c->clock->resume(e.at);
        }
        break;
    case EventKind::Approved:
    case EventKind::ApprovedTolerated:
    case EventKind::Disapproved:
        if (c) {
            c->status = e.kind == EventKind::Approved            ? CaseStatus::Approved
                        : e.kind == EventKind::ApprovedTolerated ? CaseStatus::ApprovedTolerated
                                                                 : CaseStatus::Disapproved;
            c->document = e.document;
            c->decisionOpinion = e.text;
            c->decidedAt = e.at;
        }
        break;
    case EventKind::StageConcluded:
        app.status = ApplicationStatus::Concluded;
        app.concludedAt = e.at;
        break;
    case EventKind::StageNotPassed:
        app.status = ApplicationStatus::NotPassed;
        app.concludedAt = e.at;
        break;
    case EventKind::Delivered:
        app.status = ApplicationStatus::Delivered;
        app.delivery = e.delivery ? *e.delivery : Delivery{e.ref, {}, {}, e.at};
        break;
    }
}

Result<std::vector<Event>> Engine::execute(Application &application, const Command &command,
                                           const EngineContext &context)
{
    auto events = decide(application, command, context);
    if (events.ok())
        for (const auto &e : events.value())
            apply(application, e);
    return events;
}

} // namespace spgl
