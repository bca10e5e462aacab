#include "workflow/workflowjson.h"

#include "calendar/dates.h"

#include <utility>

namespace spgl::workflowjson {

using nlohmann::json;

namespace {

/// Reads typed fields of a JSON object, keeping the first type error.
class Reader
{
public:
    Reader(const json &object, std::string prefix = {})
        : m_json(object)
        , m_prefix(std::move(prefix))
    {
        if (!m_json.is_object())
            fail("", "应为 JSON 对象");
    }

    std::string str(const char *key)
    {
        const json *v = find(key);
        if (!v)
            return {};
        if (!v->is_string()) {
            fail(key, "应为字符串");
            return {};
        }
        return v->get<std::string>();
    }
    std::int64_t integer(const char *key, std::int64_t fallback = 0)
    {
        const json *v = find(key);
        if (!v)
            return fallback;
        if (!v->is_number_integer()) {
            fail(key, "应为整数");
            return fallback;
        }
        return v->get<std::int64_t>();
    }
    bool boolean(const char *key)
    {
        const json *v = find(key);
        if (!v)
            return false;
        if (!v->is_boolean()) {
            fail(key, "应为 true 或 false");
            return false;
        }
        return v->get<bool>();
    }
    std::vector<std::string> strings(const char *key)
    {
        std::vector<std::string> out;
        const json *v = find(key);
        if (!v)
            return out;
        if (!v->is_array()) {
            fail(key, "应为字符串数组");
            return out;
        }
        for (const auto &e : *v) {
            if (!e.is_string()) {
                fail(key, "应为字符串数组");
                return {};
            }
            out.push_back(e.get<std::string>());
        }
        return out;
    }
    const json *object(const char *key)
    {
        const json *v = find(key);
        if (v && !v->is_object()) {
            fail(key, "应为 JSON 对象");
            return nullptr;
        }
        return v;
    }
    const json *array(const char *key)
    {
        const json *v = find(key);
        if (v && !v->is_array()) {
            fail(key, "应为数组");
            return nullptr;
        }
        return v;
    }

    void fail(const std::string &key, const std::string &message)
    {
        if (!m_error)
            m_error = Error{"json.type", (key.empty() ? std::string("数据") : key) + message, m_prefix + key};
    }
    void fail(Error error)
    {
        if (!m_error)
            m_error = std::move(error);
    }
    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }

private:
    const json *find(const char *key) const
    {
        if (!m_json.is_object())
            return nullptr;
        auto it = m_json.find(key);
        return it == m_json.end() || it->is_null() ? nullptr : &*it;
    }

    const json &m_json;
    std::string m_prefix;
    std::optional<Error> m_error;
};

std::string_view unitName(Clock::Unit unit)
{
    return unit == Clock::Unit::Day ? "day" : "workday";
}
std::optional<Clock::Unit> unitFromName(std::string_view name)
{
    if (name == "workday")
        return Clock::Unit::Workday;
    if (name == "day")
        return Clock::Unit::Day;
    return std::nullopt;
}

ResultDocument documentFromJson(Reader &r)
{
    ResultDocument d;
    d.number = r.str("number");
    d.title = r.str("title");
    d.date = r.str("date");
    d.validUntil = r.str("valid_until");
    d.fileId = r.str("file_id");
    return d;
}

json deliveryJson(const Delivery &d)
{
    return {{"method", d.method},
            {"tracking_no", d.trackingNo},
            {"recipient", d.recipient},
            {"at", d.at},
            {"delivered_at", d.at ? json(beijing::rfc3339(d.at)) : json(nullptr)}};
}

Delivery deliveryFromJson(Reader &r)
{
    Delivery d;
    d.method = r.str("method");
    d.trackingNo = r.str("tracking_no");
    d.recipient = r.str("recipient");
    d.at = r.integer("at");
    return d;
}

} // namespace

json toJson(const Clock &clock)
{
    json pauses = json::array();
    for (const auto &p : clock.pauses())
        pauses.push_back({{"start", p.start}, {"end", p.end ? json(*p.end) : json(nullptr)}});
    return {{"start", clock.start()},
            {"limit", clock.limit()},
            {"unit", unitName(clock.unit())},
            {"region", clock.regionCode()},
            {"warning_days", clock.warningDays()},
            {"fixed_natural", clock.naturalDayRule() == WorkCalendar::NaturalDayRule::Fixed},
            {"pauses", std::move(pauses)}};
}

Result<Clock> clockFromJson(const json &j)
{
    Reader r(j, "clock.");
    const auto start = r.integer("start");
    const auto limit = r.integer("limit");
    const auto unit = unitFromName(r.str("unit"));
    const std::string region = r.str("region");
    const auto warning = r.integer("warning_days", Clock::kDefaultWarningDays);
    const bool fixed = r.boolean("fixed_natural");
    if (!r.ok())
        return r.error();
    if (!unit)
        return Error{"json.value", "时限单位应为 workday 或 day", "clock.unit"};
    auto clock = Clock::create(start, int(limit), *unit, region);
    if (!clock.ok())
        return clock.error();
    if (auto s = clock.value().setWarningDays(int(warning)); !s.ok())
        return s.error();
    if (fixed)
        clock.value().setNaturalDayRule(WorkCalendar::NaturalDayRule::Fixed);
    if (const json *pauses = r.array("pauses")) {
        for (const auto &p : *pauses) {
            Reader pr(p, "clock.pauses.");
            Clock::Pause pause;
            pause.start = pr.integer("start");
            if (p.is_object() && p.contains("end") && !p["end"].is_null())
                pause.end = pr.integer("end");
            if (!pr.ok())
                return pr.error();
            if (auto s = clock.value().addPause(pause); !s.ok())
                return s.error();
        }
    }
    if (!r.ok())
        return r.error();
    return clock;
}

std::string_view levelName(Clock::Level level)
{
    switch (level) {
    case Clock::Level::Normal:
        return "normal";
    case Clock::Level::Warning:
        return "warning";
    case Clock::Level::Overdue:
        return "overdue";
    }
    return "normal";
}

json clockView(const Clock &clock, const WorkCalendar &calendar, std::int64_t nowMs)
{
    const Clock::State s = clock.state(calendar, nowMs);
    return {{"limit", clock.limit()},
            {"unit", unitName(clock.unit())},
            {"start", beijing::rfc3339(clock.start())},
            {"deadline", isoDate(s.deadline)},
            {"used_workdays", s.used},
            {"remaining", s.remaining},
            {"paused_days", s.pausedDays},
            {"paused", s.paused},
            {"level", levelName(s.level)},
            {"warning_days", clock.warningDays()},
            {"first_overdue", s.firstOverdue ? json(isoDate(*s.firstOverdue)) : json(nullptr)}};
}

json toJson(const ResultDocument &d)
{
    return {{"number", d.number},
            {"title", d.title},
            {"date", d.date},
            {"valid_until", d.validUntil},
            {"file_id", d.fileId}};
}

json toJson(const ApprovalCase &c)
{
    json consultations = json::array();
    for (const auto &q : c.consultations)
        consultations.push_back({{"id", q.id},
                                 {"from_department", q.fromDepartment},
                                 {"to_department", q.toDepartment},
                                 {"question", q.question},
                                 {"answer", q.answer},
                                 {"asked_at", q.askedAt},
                                 {"answered_at", q.answeredAt}});
    json procedures = json::array();
    for (const auto &p : c.specialProcedures)
        procedures.push_back({{"kind", p.kind},
                              {"name", p.name},
                              {"reason", p.reason},
                              {"limit", p.limit},
                              {"unit", unitName(p.unit)},
                              {"started_at", p.startedAt},
                              {"ended_at", p.endedAt},
                              {"result", p.result}});
    return {{"id", c.id},
            {"item_code", c.itemCode},
            {"item_version", c.itemVersion},
            {"item_name", c.itemName},
            {"department", c.department},
            {"milestone", c.milestone},
            {"status", toString(c.status)},
            {"version", c.version},
            {"assignee", c.assignee},
            {"assignee_name", c.assigneeName},
            {"clock", c.clock ? toJson(*c.clock) : json(nullptr)},
            {"commitment", c.commitment},
            {"tolerated_materials", c.toleratedMaterials},
            {"tolerance_deadline", c.toleranceDeadline},
            {"supplement_materials", c.supplementMaterials},
            {"consultations", std::move(consultations)},
            {"special_procedures", std::move(procedures)},
            {"opinions", c.opinions},
            {"document", c.document ? toJson(*c.document) : json(nullptr)},
            {"decision_opinion", c.decisionOpinion},
            {"decided_at", c.decidedAt}};
}

Result<ApprovalCase> caseFromJson(const json &j)
{
    Reader r(j, "case.");
    ApprovalCase c;
    c.id = r.str("id");
    c.itemCode = r.str("item_code");
    c.itemVersion = r.str("item_version");
    c.itemName = r.str("item_name");
    c.department = r.str("department");
    c.milestone = j.is_object() && j.contains("milestone") ? r.boolean("milestone") : true;
    const auto status = caseStatusFromString(r.str("status"));
    c.version = r.integer("version");
    c.assignee = r.str("assignee");
    c.assigneeName = r.str("assignee_name");
    if (const json *clock = r.object("clock")) {
        auto parsed = clockFromJson(*clock);
        if (!parsed.ok())
            return parsed.error();
        c.clock = std::move(parsed).value();
    }
    c.commitment = r.boolean("commitment");
    c.toleratedMaterials = r.strings("tolerated_materials");
    c.toleranceDeadline = r.str("tolerance_deadline");
    c.supplementMaterials = r.strings("supplement_materials");
    if (const json *list = r.array("consultations"))
        for (const auto &q : *list) {
            Reader qr(q, "case.consultations.");
            Consultation k;
            k.id = qr.str("id");
            k.fromDepartment = qr.str("from_department");
            k.toDepartment = qr.str("to_department");
            k.question = qr.str("question");
            k.answer = qr.str("answer");
            k.askedAt = qr.integer("asked_at");
            k.answeredAt = qr.integer("answered_at");
            if (!qr.ok())
                return qr.error();
            c.consultations.push_back(std::move(k));
        }
    if (const json *list = r.array("special_procedures"))
        for (const auto &p : *list) {
            Reader pr(p, "case.special_procedures.");
            SpecialProcedure s;
            s.kind = pr.str("kind");
            s.name = pr.str("name");
            s.reason = pr.str("reason");
            s.limit = int(pr.integer("limit"));
            s.unit = unitFromName(pr.str("unit")).value_or(Clock::Unit::Workday);
            s.startedAt = pr.integer("started_at");
            s.endedAt = pr.integer("ended_at");
            s.result = pr.str("result");
            if (!pr.ok())
                return pr.error();
            c.specialProcedures.push_back(std::move(s));
        }
    c.opinions = int(r.integer("opinions"));
    if (const json *doc = r.object("document")) {
        Reader dr(*doc, "case.document.");
        c.document = documentFromJson(dr);
        if (!dr.ok())
            return dr.error();
    }
    c.decisionOpinion = r.str("decision_opinion");
    c.decidedAt = r.integer("decided_at");
    if (!r.ok())
        return r.error();
    if (!status)
        return Error{"json.value", "未知的办件状态", "case.status"};
    c.status = *status;
    return c;
}

json toJson(const Application &a)
{
    json items = json::array();
    for (const auto &i : a.items)
        items.push_back({{"code", i.code}, {"version", i.version}, {"milestone", i.milestone}});
    json materials = json::array();
    for (const auto &m : a.materials)
        materials.push_back({{"item_code", m.itemCode}, {"material_code", m.code}, {"file_id", m.fileId}});
    json cases = json::array();
    for (const auto &c : a.cases)
        cases.push_back(toJson(c));
    return {{"id", a.id},
            {"project_id", a.projectId},
            {"applicant_id", a.applicantId},
            {"region_code", a.regionCode},
            {"process_code", a.processCode},
            {"process_version", a.processVersion},
            {"stage", a.stage},
            {"completion", int(a.completion)},
            {"stage_limit", a.stageLimit},
            {"stage_unit", unitName(a.stageUnit)},
            {"channel", a.channel},
            {"items", std::move(items)},
            {"materials", std::move(materials)},
            {"form", a.form},
            {"project_facts", a.projectFacts},
            {"status", toString(a.status)},
            {"version", a.version},
            {"events", a.events},
            {"submitted_at", a.submittedAt},
            {"accepted_at", a.acceptedAt},
            {"concluded_at", a.concludedAt},
            {"supplement_materials", a.supplementMaterials},
            {"refusal_reason", a.refusalReason},
            {"delivery_method", a.delivery ? a.delivery->method : std::string()},
            {"delivery", a.delivery ? deliveryJson(*a.delivery) : json(nullptr)},
            {"cases", std::move(cases)}};
}

Result<Application> applicationFromJson(const json &j)
{
    Reader r(j, "application.");
    Application a;
    a.id = r.str("id");
    a.projectId = r.str("project_id");
    a.applicantId = r.str("applicant_id");
    a.regionCode = r.str("region_code");
    a.processCode = r.str("process_code");
    a.processVersion = r.str("process_version");
    a.stage = int(r.integer("stage"));
    a.completion = r.integer("completion", 1) == 2 ? StageDefinition::Completion::AnyMilestone
                                                   : StageDefinition::Completion::AllMilestones;
    a.stageLimit = int(r.integer("stage_limit"));
    a.stageUnit = unitFromName(r.str("stage_unit")).value_or(Clock::Unit::Workday);
    a.channel = r.str("channel");
    if (const json *items = r.array("items"))
        for (const auto &i : *items) {
            Reader ir(i, "application.items.");
            StageItemRef ref;
            ref.code = ir.str("code");
            ref.version = ir.str("version");
            ref.milestone = i.is_object() && i.contains("milestone") ? ir.boolean("milestone") : true;
            if (!ir.ok())
                return ir.error();
            a.items.push_back(std::move(ref));
        }
    if (const json *materials = r.array("materials"))
        for (const auto &m : *materials) {
            Reader mr(m, "application.materials.");
            MaterialRef ref;
            ref.itemCode = mr.str("item_code");
            ref.code = mr.str("material_code");
            ref.fileId = mr.str("file_id");
            if (!mr.ok())
                return mr.error();
            a.materials.push_back(std::move(ref));
        }
    if (const json *form = r.object("form"))
        a.form = *form;
    if (const json *facts = r.object("project_facts"))
        a.projectFacts = *facts;
    const auto status = applicationStatusFromString(r.str("status"));
    a.version = r.integer("version");
    a.events = r.integer("events");
    a.submittedAt = r.integer("submitted_at");
    a.acceptedAt = r.integer("accepted_at");
    a.concludedAt = r.integer("concluded_at");
    a.supplementMaterials = r.strings("supplement_materials");
    a.refusalReason = r.str("refusal_reason");
    if (const json *d = r.object("delivery")) {
        Reader dr(*d, "application.delivery.");
        a.delivery = deliveryFromJson(dr);
        if (!dr.ok())
            return dr.error();
    } else if (const std::string method = r.str("delivery_method"); !method.empty()) {
        a.delivery = Delivery{method, {}, {}, 0}; // stored before the delivery had its fields
    }
    if (const json *cases = r.array("cases"))
        for (const auto &c : *cases) {
            auto parsed = caseFromJson(c);
            if (!parsed.ok())
                return parsed.error();
            a.cases.push_back(std::move(parsed).value());
        }
    if (!r.ok())
        return r.error();
    if (!status)
        return Error{"json.value", "未知的申报状态", "application.status"};
    a.status = *status;
    return a;
}

json toJson(const Event &e)
{
    const int code = blzt(e.kind);
    json j = {{"seq", e.seq},
              {"kind", toString(e.kind)},
              {"blzt", code},
              {"blzt_name", blztName(code)},
              {"at", e.at},
              {"time", beijing::rfc3339(e.at)},
              {"case_id", e.caseId.empty() ? json(nullptr) : json(e.caseId)},
              {"actor_id", e.actorId},
              {"actor_name", e.actorName},
              {"department", e.department},
              {"text", e.text}};
    if (!e.materials.empty())
        j["materials"] = e.materials;
    if (!e.ref.empty())
        j["ref"] = e.ref;
    if (e.application)
        j["application"] = toJson(*e.application);
    if (e.openedCase)
        j["case"] = toJson(*e.openedCase);
    if (e.consultation)
        j["consultation"] = {{"id", e.consultation->id},
                             {"from_department", e.consultation->fromDepartment},
                             {"to_department", e.consultation->toDepartment},
                             {"question", e.consultation->question},
                             {"asked_at", e.consultation->askedAt}};
    if (e.procedure)
        j["procedure"] = {{"kind", e.procedure->kind},           {"name", e.procedure->name},
                          {"reason", e.procedure->reason},       {"limit", e.procedure->limit},
                          {"unit", unitName(e.procedure->unit)}, {"started_at", e.procedure->startedAt}};
    if (e.document)
        j["document"] = toJson(*e.document);
    if (e.delivery)
        j["delivery"] = deliveryJson(*e.delivery);
    return j;
}

Result<Event> eventFromJson(const json &j)
{
    Reader r(j, "event.");
    Event e;
    const auto kind = eventKindFromString(r.str("kind"));
    e.seq = r.integer("seq");
    e.at = r.integer("at");
    e.caseId = r.str("case_id");
    e.actorId = r.str("actor_id");
    e.actorName = r.str("actor_name");
    e.department = r.str("department");
    e.text = r.str("text");
    e.materials = r.strings("materials");
    e.ref = r.str("ref");
    if (const json *a = r.object("application")) {
        auto parsed = applicationFromJson(*a);
        if (!parsed.ok())
            return parsed.error();
        e.application = std::move(parsed).value();
    }
    if (const json *c = r.object("case")) {
        auto parsed = caseFromJson(*c);
        if (!parsed.ok())
            return parsed.error();
        e.openedCase = std::move(parsed).value();
    }
    if (const json *c = r.object("consultation")) {
        Reader cr(*c, "event.consultation.");
        Consultation k;
        k.id = cr.str("id");
        k.fromDepartment = cr.str("from_department");
        k.toDepartment = cr.str("to_department");
        k.question = cr.str("question");
        k.askedAt = cr.integer("asked_at");
        if (!cr.ok())
            return cr.error();
        e.consultation = std::move(k);
    }
    if (const json *p = r.object("procedure")) {
        Reader pr(*p, "event.procedure.");
        SpecialProcedure s;
        s.kind = pr.str("kind");
        s.name = pr.str("name");
        s.reason = pr.str("reason");
        s.limit = int(pr.integer("limit"));
        s.unit = unitFromName(pr.str("unit")).value_or(Clock::Unit::Workday);
        s.startedAt = pr.integer("started_at");
        if (!pr.ok())
            return pr.error();
        e.procedure = std::move(s);
    }
    if (const json *d = r.object("document")) {
        Reader dr(*d, "event.document.");
        e.document = documentFromJson(dr);
        if (!dr.ok())
            return dr.error();
    }
    if (const json *d = r.object("delivery")) {
        Reader dr(*d, "event.delivery.");
        e.delivery = deliveryFromJson(dr);
        if (!dr.ok())
            return dr.error();
    }
    if (!r.ok())
        return r.error();
    if (!kind)
        return Error{"json.value", "未知的事件类型", "event.kind"};
    e.kind = *kind;
    return e;
}

Result<Command> commandFromJson(CommandKind kind, const std::string &caseId, const json &args)
{
    static const json empty = json::object();
    const json &a = args.is_null() ? empty : args;
    Reader r(a);
    Command c;
    c.kind = kind;
    c.caseId = caseId;
    if (a.is_object() && a.contains("expected_version") && !a["expected_version"].is_null())
        c.expectedVersion = r.integer("expected_version");
    // The free text has a different name per command; take the one that applies.
    for (const char *key : {"opinion", "reason", "question", "answer", "result", "text"}) {
        std::string value = r.str(key);
        if (!value.empty() && c.text.empty())
            c.text = std::move(value);
    }
    if (kind == CommandKind::Accept)
        c.materials = r.strings("tolerated");
    else
        c.materials = r.strings("missing_materials");
    if (kind == CommandKind::ProvideSupplement && c.materials.empty())
        c.materials = r.strings("materials");
    c.commitmentItems = r.strings("commitment");
    c.consultationId = r.str("consultation_id");
    c.department = r.str("department");
    c.procedure = r.str("kind");
    c.delivery.method = r.str("method");
    c.delivery.trackingNo = r.str("tracking_no");
    c.delivery.recipient = r.str("recipient");
    if (const std::string at = r.str("delivered_at"); !at.empty()) {
        const auto ms = parseRfc3339(at);
        if (!ms)
            return Error{"json.value", "delivered_at 应为 RFC 3339 时间（如 2026-06-30T10:00:00+08:00）",
                         "delivered_at"};
        c.delivery.at = *ms;
    }
    if (kind == CommandKind::Decide) {
        const std::string outcome = r.str("outcome");
        const auto parsed = outcomeFromString(outcome);
        if (r.ok() && !parsed)
            return Error{"json.value", "outcome 应为 approved、approved_tolerated 或 disapproved", "outcome"};
        if (parsed)
            c.outcome = *parsed;
    }
    if (const json *doc = r.object("document")) {
        Reader dr(*doc, "document.");
        c.document = documentFromJson(dr);
        if (!dr.ok())
            return dr.error();
    }
    for (const auto &text : {c.text, c.consultationId, c.department})
        if (text.size() > 20000)
            return Error{"json.value", "文本过长（最多 20000 字节）", "opinion"};
    if (!r.ok())
        return r.error();
    return c;
}

json argsToJson(const Command &c)
{
    json a = json::object();
    if (c.expectedVersion)
        a["expected_version"] = *c.expectedVersion;
    if (!c.text.empty())
        a["opinion"] = c.text;
    if (!c.materials.empty())
        a[c.kind == CommandKind::Accept ? "tolerated" : "missing_materials"] = c.materials;
    if (!c.commitmentItems.empty())
        a["commitment"] = c.commitmentItems;
    if (!c.consultationId.empty())
        a["consultation_id"] = c.consultationId;
    if (!c.department.empty())
        a["department"] = c.department;
    if (!c.procedure.empty())
        a["kind"] = c.procedure;
    if (c.kind == CommandKind::Decide)
        a["outcome"] = toString(c.outcome);
    if (c.document)
        a["document"] = toJson(*c.document);
    if (!c.delivery.method.empty())
        a["method"] = c.delivery.method;
    if (!c.delivery.trackingNo.empty())
        a["tracking_no"] = c.delivery.trackingNo;
    if (!c.delivery.recipient.empty())
        a["recipient"] = c.delivery.recipient;
    if (c.delivery.at)
        a["delivered_at"] = beijing::rfc3339(c.delivery.at);
    return a;
}

} // namespace spgl::workflowjson
