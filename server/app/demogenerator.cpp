#include "app/demogenerator.h"

#include "app/servercontext.h"
#include "calendar/dates.h"
#include "core/beijingtime.h"
#include "domain/creditcode.h"
#include "forms/formdefinition.h"
#include "http/apierror.h"
#include "rules/jsonlogic.h"
#include "services/calendarservice.h"
#include "storage/userrepository.h"
#include "workflow/workflowjson.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>

namespace spgl::server {

using nlohmann::json;

namespace {

constexpr std::int64_t kHour = 3600LL * 1000;
constexpr std::int64_t kDay = 24 * kHour;

const std::array<std::pair<const char *, const char *>, 8> kDistricts = {{
    {"650102", "天山区"},
    {"650103", "沙依巴克区"},
    {"650104", "新市区"},
    {"650105", "水磨沟区"},
    {"650106", "头屯河区"},
    {"650107", "达坂城区"},
    {"650109", "米东区"},
    {"650121", "乌鲁木齐县"},
}};
const std::array<const char *, 12> kKinds
    = {"综合楼",     "教学楼", "住宅小区",   "社区服务中心", "标准厂房",     "物流仓储中心",
       "医院门诊楼", "体育馆", "商业综合体", "保障性住房",   "养老服务中心", "停车楼"};
// The planned land use (2020 national classes) of each kind of building above.
const std::array<const char *, 12> kKindLandUse
    = {"09", "0803", "0701", "0702", "1001", "1101", "0805", "08", "0901", "0701", "08", "12"};

/// A square site of @p areaM2 inside the demo blueprint's planned area around 乌鲁木齐 (EPSG:4490),
/// placed by a hash of the seed and the index so that it draws nothing from the main generator.
json demoSite(std::uint64_t seed, int index, double areaM2)
{
    std::mt19937_64 rng(seed * 1000003u + std::uint64_t(index));
    std::uniform_real_distribution<double> lon(87.48, 87.77), lat(43.73, 43.95), turn(0, 1.5);
    const double cx = lon(rng), cy = lat(rng), angle = turn(rng), half = std::sqrt(areaM2) / 2;
    const double kx = 1.0 / 80380.0, ky = 1.0 / 111100.0; // metres per degree near 43.8°N
    json ring = json::array();
    for (int k = 0; k <= 4; ++k) {
        const double sx = (k == 1 || k == 2) ? half : -half, sy = (k >= 2 && k <= 3) ? half : -half;
        const double x = sx * std::cos(angle) - sy * std::sin(angle), y = sx * std::sin(angle) + sy * std::cos(angle);
        ring.push_back({std::round((cx + x * kx) * 1e7) / 1e7, std::round((cy + y * ky) * 1e7) / 1e7});
    }
    ring[4] = ring[0];
    return {{"type", "Polygon"}, {"coordinates", json::array({ring})}};
}

const std::array<const char *, 10> kPlaces = {"阿勒泰路", "河北东路", "苏州东街", "北京南路", "西山路",
                                              "喀什东路", "南湖北路", "米东北路", "高铁片区", "会展片区"};
const std::array<const char *, 8> kBuilders
    = {"新疆天山建设集团有限公司",     "乌鲁木齐城市建设投资（集团）有限公司",
       "新疆广汇房地产开发有限公司",   "乌鲁木齐市教育局",
       "新疆维吾尔自治区人民医院",     "乌鲁木齐经济技术开发区建设投资开发有限公司",
       "新疆华凌工贸（集团）有限公司", "乌鲁木齐市米东区住房和城乡建设局"};
const std::array<const char *, 8> kPeople
    = {"阿依古丽·买买提", "王建新", "李志强", "热合曼·艾力", "张秀兰", "马海龙", "古丽娜尔·吐尔逊", "陈立军"};

/// A valid 统一社会信用代码 made from a serial: 91 + 6-digit region + 9-digit organization code + check.
std::string creditCode(const std::string &region, int serial)
{
    char body[32];
    std::snprintf(body, sizeof body, "91%s%09d", region.c_str(), serial % 1000000000);
    std::string first17 = std::string(body).substr(0, 17);
    return first17 + CreditCode::checkCharacter(first17);
}

} // namespace

struct DemoGenerator::Stats
{
    int projects = 0;
    int applications = 0;
    int commands = 0;
    int refused = 0;
};

DemoGenerator::DemoGenerator(ServerContext &context)
    : m_ctx(context)
{
    context.db().read([&](Connection &c) {
        auto principal = [&](const std::string &username) {
            const auto u = UserRepository::findByUsername(c, username);
            if (!u)
                throw std::runtime_error("demo user " + username + " missing (run with --demo)");
            Principal p;
            p.userId = u->id;
            p.username = u->username;
            p.displayName = u->displayName;
            p.roles = u->roles;
            p.regionCode = u->regionCode;
            p.departmentId = u->departmentId;
            return p;
        };
        m_applicant = principal("applicant");
        m_clerk = principal("clerk");
        for (const char *name : {"rev.fgw", "rev.zrzy", "reviewer", "rev.sthj", "rev.swj", "rev.jtys", "rev.rfb",
                                 "rev.xfjy", "rev.csgl", "rev.dag"}) {
            Principal p = principal(name);
            m_reviewers[m_ctx.approvals().departmentCode(p.departmentId)] = p;
        }
    });
}

bool DemoGenerator::chance(double p)
{
    return std::bernoulli_distribution(p)(m_rng);
}

int DemoGenerator::uniform(int lo, int hi)
{
    return std::uniform_int_distribution<int>(lo, hi)(m_rng);
}

Principal DemoGenerator::staffFor(const std::string &departmentCode) const
{
    auto it = m_reviewers.find(departmentCode);
    if (it == m_reviewers.end())
        throw std::runtime_error("no demo reviewer for department " + departmentCode);
    return it->second;
}

json DemoGenerator::sampleForm(const FormDefinition &form, const json &project)
{
    json out = json::object();
    for (const auto &f : form.fields()) {
        const std::string &n = f.name;
        using T = FieldDefinition::Type;
        if (n == "project_code")
            out[n] = project["project_code"];
        else if (n == "project_name")
            out[n] = project["name"];
        else if (n == "region_code")
            out[n] = project["region_code"];
        else if (n == "builder_name")
            out[n] = project["builder_name"];
        else if (n == "builder_credit_code")
            out[n] = project["builder_credit_code"];
        else if (n == "land_area")
            out[n] = project["land_area"];
        else if (n == "building_area")
            out[n] = project["building_area"];
        else if (f.type == T::Money)
            out[n] = std::to_string(uniform(800, 90000)) + ".00";
        else if (f.type == T::Phone)
            out[n] = "1" + std::to_string(uniform(35, 89)) + std::to_string(uniform(10000000, 99999999));
        else if (f.type == T::Email)
            out[n] = "contact" + std::to_string(uniform(1, 999)) + "@example.cn";
        else if (f.type == T::IdNumber)
            continue; // optional everywhere; not invented
        else if (f.type == T::Date)
            out[n] = std::to_string(2026 + uniform(0, 1)) + "-0" + std::to_string(uniform(1, 9)) + "-1"
                     + std::to_string(uniform(0, 9));
        else if (f.type == T::Boolean)
            out[n] = n == "has_basement" ? chance(0.6) : chance(0.25);
        else if (f.type == T::Enum)
            out[n] = f.options.at(std::size_t(uniform(0, int(f.options.size()) - 1))).value;
        else if (f.type == T::MultiEnum)
            out[n] = json::array({f.options.front().value});
        else if (f.type == T::Integer || f.type == T::Number || f.type == T::Area) {
            // Within the field's bounds, in the lower part of the range (realistic sizes).
            const double lo = std::max(f.min.value_or(1.0), f.type == T::Integer ? 1.0 : 10.0);
            const double hi = std::min(f.max.value_or(50000.0), lo + 50000.0);
            const double span = std::max(0.0, (hi - lo) * 0.3);
            const double v = lo + span * uniform(0, 1000) / 1000.0;
            out[n] = f.type == T::Integer ? json(std::int64_t(v)) : json(std::round(v));
        } else if (f.type == T::RegionCode)
            out[n] = project["region_code"];
        else if (f.type == T::ProjectCode)
            out[n] = project["project_code"];
        else if (f.type == T::CreditCode)
            out[n] = project["builder_credit_code"];
        else if (n.find("person") != std::string::npos || n.find("representative") != std::string::npos)
            out[n] = kPeople[std::size_t(uniform(0, int(kPeople.size()) - 1))];
        else if (n.find("address") != std::string::npos)
            out[n] = project["address"];
        else
            out[n] = f.label + "（演示）";
    }
    // Drop what the form hides and fill what the rules require: validate and keep the cleaned data.
    const FormValidation v = form.validate(out, {{"project", project}});
    return v.ok() ? v.data : out;
}

std::int64_t DemoGenerator::officeHour(const WorkCalendar &calendar, const std::string &region, std::int64_t ms)
{
    // 10:00-14:00 and 16:00-20:00 Beijing time (Xinjiang's office hours) on working days.
    constexpr int kOpen[][2] = {{10, 14}, {16, 20}};
    for (int n = 0; n < 60; ++n) {
        const std::chrono::year_month_day day{beijingDay(ms) + std::chrono::days(n)};
        if (!calendar.isWorkday(day, region))
            continue;
        for (const auto &[from, to] : kOpen)
            if (ms < beijingMs(day, to))
                return std::max(ms, beijingMs(day, from));
    }
    return ms; // no working day within 60 days: a broken calendar, keep the time
}

void DemoGenerator::project(Connection &c, int index, std::int64_t anchor, Stats &stats)
{
    ApprovalService &svc = m_ctx.approvals();
    const auto &[region, district] = kDistricts[std::size_t(uniform(0, int(kDistricts.size()) - 1))];
    const int typeDraw = uniform(1, 100);
    const int processType = typeDraw <= 50 ? 1 : typeDraw <= 85 ? 3 : 4;
    const int approvalType = processType == 1 ? 1 : (chance(0.7) ? 3 : 2);
    const int serial = int(m_serialBase + index);
    char code[40];
    std::snprintf(code, sizeof code, "%04d-%s-%02d-%02d-%06d", 2024 + uniform(0, 2), region, 47 + uniform(0, 3),
                  approvalType, serial % 1000000);
    const std::string builder = kBuilders[std::size_t(uniform(0, int(kBuilders.size()) - 1))];
    const char *place = kPlaces[std::size_t(uniform(0, int(kPlaces.size()) - 1))];
    const std::size_t kind = std::size_t(uniform(0, int(kKinds.size()) - 1));
    const std::string name
        = std::string(district) + place + kKinds[kind] + "项目（演示" + std::to_string(index + 1) + "）";
    const double land = double(uniform(2000, 80000));
    json body = {{"project_code", code},
                 {"name", name},
                 {"region_code", region},
                 {"process_type", processType},
                 {"approval_type", approvalType},
                 {"investment", std::to_string(uniform(300, 90000)) + "0000.00"},
                 {"land_area", land},
                 {"building_area", land * (0.8 + uniform(0, 30) / 10.0)},
                 {"builder_name", builder},
                 {"builder_credit_code", creditCode(region, 10000000 + serial)},
                 {"address", std::string("乌鲁木齐市") + district + kPlaces[std::size_t(uniform(0, 9))]
                                 + std::to_string(uniform(1, 999)) + "号"},
                 {"land_use", kKindLandUse[kind]},
                 {"site", demoSite(m_seed, index, land)}};
    // How long ago the project started: up to about half a year, later stages further back.
    const int targetStage = uniform(1, 4);
    std::int64_t t = anchor - std::int64_t(targetStage - 1) * 32 * kDay - std::int64_t(uniform(0, 50)) * kDay
                     - std::int64_t(uniform(0, 8)) * kHour;
    const std::int64_t projectId = svc.createProject(c, body, m_applicant, t);
    ++stats.projects;
    const json project = [&] {
        const auto row = c.queryOne("SELECT data FROM projects WHERE id = ?", {projectId});
        json p = body;
        p["id"] = std::to_string(projectId);
        p["current_stage"] = 0;
        p["data"] = row ? json::parse(row->text(0), nullptr, false) : json::object();
        return p;
    }();

    auto step = [&](std::int64_t minHours, std::int64_t maxHours) {
        t += std::int64_t(uniform(int(minHours), int(maxHours))) * kHour;
        return t < anchor;
    };
    // Staff act in office hours: their command waits for the next office hour, and the history
    // goes on from then. One that would come after the anchor has not happened yet.
    const WorkCalendar calendar = m_ctx.calendar().calendar();
    auto run = [&](const std::string &appId, Command cmd, const Principal &who) {
        const std::int64_t at = who.userId == m_applicant.userId ? t : officeHour(calendar, region, t);
        if (at >= anchor)
            return false;
        t = at;
        try {
            svc.execute(c, appId, cmd, who, t);
            ++stats.commands;
            return true;
        } catch (const ApiError &) {
            return false; // a demo choice the engine refuses: skip it
        }
    };
    auto catalog = m_ctx.catalog().catalog();

    for (int stage = 1; stage <= 4; ++stage) {
        if (!step(2, 30))
            return;
        // The stage form and the materials of the items that apply.
        const ProcessDefinition *process = nullptr;
        for (const ProcessDefinition *p : catalog->publishedProcesses())
            if (p->processType == processType)
                process = p;
        if (!process || !process->stage(stage))
            return;
        const StageDefinition &stageDef = *process->stage(stage);
        const FormDefinition *form = catalog->form(stageDef.formCode, stageDef.formVersion);
        if (!form)
            return;
        const json formData = sampleForm(*form, project);
        // The items that apply to this form (the same JSON Logic the server runs) and their materials.
        const json facts = {{"form", formData}, {"project", project}};
        JsonLogic logic;
        json materials = json::array();
        std::vector<std::string> tolerable;
        for (const auto &ref : stageDef.items) {
            const ItemDefinition *item = catalog->item(ref.code, ref.version);
            if (!item)
                continue;
            if (!item->appliesIf.is_null()) {
                auto applies = logic.apply(item->appliesIf, facts);
                if (!applies.ok() || !JsonLogic::truthy(applies.value()))
                    continue;
            }
            for (const auto &m : item->materials) {
                if (m.requirement == MaterialDefinition::Requirement::Tolerable && item->toleranceAllowed
                    && chance(0.15)) {
                    tolerable.push_back(item->code + "/" + m.code);
                    continue;
                }
                if (m.requirement != MaterialDefinition::Requirement::Optional || chance(0.5))
                    materials.push_back({{"item_code", item->code}, {"material_code", m.code}});
            }
        }
        const bool online = chance(0.7);
        json submission = {{"project_id", std::to_string(projectId)},
                           {"stage", stage},
                           {"form", formData},
                           {"channel", online ? "online" : "window"},
                           {"materials", materials}};
        std::string appId;
        if (!online) {
            t = officeHour(calendar, region, t); // filed at the window (窗口代办)
            if (t >= anchor)
                return;
        }
        try {
            appId = svc.submit(c, submission, online ? m_applicant : m_clerk, t).after.app.id;
        } catch (const ApiError &e) {
            Poco::Logger::get("spgl").warning(
                "demo: project %d stage %d not filed: %s", index, stage,
                e.detail()
                    + (e.errors().empty() ? "" : " " + e.errors().front().field + " " + e.errors().front().message));
            return;
        }
        if (appId.empty())
            return;
        ++stats.applications;

        // The window: sometimes a supplement first, rarely a refusal.
        if (!step(1, 20))
            return;
        if (chance(0.03)) {
            Command refuse;
            refuse.kind = CommandKind::Refuse;
            refuse.text = "申报事项不属于本中心受理范围（演示）";
            if (run(appId, refuse, m_clerk))
                ++stats.refused;
            return;
        }
        if (chance(0.15)) {
            Command ask;
            ask.kind = CommandKind::RequestSupplement;
            ask.materials = {materials.empty() ? std::string("申请表")
                                               : materials[0]["item_code"].get<std::string>() + "/"
                                                     + materials[0]["material_code"].get<std::string>()};
            ask.text = "材料签章不清晰，请补正（演示）";
            run(appId, ask, m_clerk);
            if (!step(4, 72))
                return;
            Command give;
            give.kind = CommandKind::ProvideSupplement;
            run(appId, give, m_applicant);
            if (!step(1, 24))
                return;
        }
        Command accept;
        accept.kind = CommandKind::Accept;
        accept.materials = tolerable;
        accept.text = "材料齐全，予以受理";
        if (!run(appId, accept, m_clerk)) {
            accept.materials.clear();
            if (!run(appId, accept, m_clerk))
                return;
        }

        // Parallel review: every department at its own pace.
        const auto stored = c.queryOne("SELECT state FROM applications WHERE id = ?", {appId});
        auto app = workflowjson::applicationFromJson(json::parse(stored->text(0)));
        if (!app.ok())
            return;
        struct Plan
        {
            std::string id;
            std::string department;
            std::int64_t at;
        };
        std::vector<Plan> plans;
        for (const auto &k : app.value().cases)
            plans.push_back({k.id, k.department, t + std::int64_t(uniform(2, 60)) * kHour});
        bool allDone = true;
        for (auto &p : plans) {
            std::int64_t ct = p.at;
            const Principal who = staffFor(p.department);
            auto at = [&](std::int64_t hours) {
                ct += hours * kHour;
                return ct < anchor;
            };
            auto exec = [&](Command cmd, const Principal &by) {
                const std::int64_t saved = t;
                t = ct;
                const bool ok = run(appId, std::move(cmd), by);
                ct = t; // moved on to an office hour
                t = saved;
                return ok;
            };
            if (!at(0)) {
                allDone = false;
                continue;
            }
            Command claim;
            claim.kind = CommandKind::Claim;
            claim.caseId = p.id;
            exec(claim, who);
            if (chance(0.3) && at(uniform(2, 48))) {
                Command op;
                op.kind = CommandKind::AddOpinion;
                op.caseId = p.id;
                op.text = "经初审，材料符合要求，拟同意（演示）";
                exec(op, who);
            }
            if (chance(0.12) && at(uniform(2, 24))) {
                Command ask;
                ask.kind = CommandKind::RequestConsultation;
                ask.caseId = p.id;
                ask.consultationId = "zq" + std::to_string(index) + "-" + p.id.substr(p.id.rfind('-') + 1);
                ask.department = p.department == "11650100ZJJ" ? "11650100XFJY" : "11650100ZJJ";
                ask.text = "请就本项目是否符合相关技术规范提出意见（演示）";
                if (exec(ask, who) && at(uniform(24, 120))) {
                    Command reply;
                    reply.kind = CommandKind::ReplyConsultation;
                    reply.caseId = p.id;
                    reply.consultationId = ask.consultationId;
                    reply.text = "经研究，无不同意见（演示）";
                    exec(reply, staffFor(ask.department));
                }
            }
            if (chance(0.08) && at(uniform(4, 48))) {
                Command sp;
                sp.kind = CommandKind::StartSpecialProcedure;
                sp.caseId = p.id;
                const ItemDefinition *item = nullptr;
                for (const auto &k : app.value().cases)
                    if (k.id == p.id)
                        item = catalog->item(k.itemCode, k.itemVersion);
                sp.procedure
                    = item && !item->specialProcedures.empty() ? item->specialProcedures.front().kind : "expert_review";
                sp.text = "需组织专家评审（演示）";
                if (exec(sp, who)) {
                    if (!at(uniform(48, 400))) {
                        allDone = false;
                        continue;
                    }
                    Command end;
                    end.kind = CommandKind::EndSpecialProcedure;
                    end.caseId = p.id;
                    end.text = "专家评审通过（演示）";
                    exec(end, who);
                }
            }
            if (chance(0.06) && at(uniform(4, 48))) {
                Command ask;
                ask.kind = CommandKind::RequestSupplement;
                ask.caseId = p.id;
                ask.materials = {"补充说明材料"};
                ask.text = "请补充技术说明（演示）";
                if (exec(ask, who)) {
                    if (!at(uniform(24, 300))) {
                        allDone = false;
                        continue;
                    }
                    Command give;
                    give.kind = CommandKind::ProvideSupplement;
                    give.caseId = p.id;
                    exec(give, m_applicant);
                }
            }
            // Most finish within their limit; some run late.
            if (!at(uniform(8, chance(0.2) ? 600 : 260))) {
                allDone = false;
                continue;
            }
            Command decide;
            decide.kind = CommandKind::Decide;
            decide.caseId = p.id;
            decide.outcome = chance(0.04) ? Outcome::Disapproved : Outcome::Approved;
            decide.text = decide.outcome == Outcome::Approved ? "经审查，符合法定条件，准予许可（演示）"
                                                              : "经审查，不符合规划条件，不予许可（演示）";
            ct = officeHour(calendar, region, ct); // the document is dated the day it is decided
            const std::string date = beijing::dateText(ct);
            decide.document
                = ResultDocument{"乌审〔" + date.substr(0, 4) + "〕" + std::to_string(uniform(1, 999)) + "号",
                                 "关于" + name + "的审批决定", date, "", ""};
            if (!exec(decide, who))
                allDone = false;
            t = std::max(t, ct);
        }
        if (!allDone || !step(2, 48))
            return;
        Command deliver;
        deliver.kind = CommandKind::Deliver;
        const int method = uniform(0, 2);
        deliver.delivery.method = method == 0 ? "online" : method == 1 ? "in_person" : "post";
        if (method == 2) // a post has its tracking number (from the id: the random sequence stays as it was)
            deliver.delivery.trackingNo = "EMS" + appId.substr(appId.size() > 10 ? appId.size() - 10 : 0);
        if (method != 0)
            deliver.delivery.recipient = "王建国";
        if (!run(appId, deliver, m_clerk))
            return;
        const auto status = c.queryOne("SELECT state FROM applications WHERE id = ?", {appId});
        auto after = workflowjson::applicationFromJson(json::parse(status->text(0)));
        bool passed = after.ok();
        if (after.ok())
            for (const auto &k : after.value().cases)
                passed = passed && !(k.milestone && k.status == CaseStatus::Disapproved);
        if (!passed)
            return; // disapproved: the builder revises the plans; this demo project stops here
        if (stage >= targetStage && chance(0.5))
            return;
    }
}

std::string DemoGenerator::generate(int projects, std::uint64_t seed, std::int64_t anchorMs)
{
    m_rng.seed(seed);
    m_seed = seed;
    const std::int64_t now = beijing::nowMs();
    // Histories end at 17:00 Beijing time of an anchor day, or at the start of today (Beijing
    // time) without one: the same all day for one seed, and nothing dated after the current time
    // (in the morning a history up to 17:00 would show submissions, acceptances and decisions
    // that have not happened yet). A given anchor day that is today or later is taken as today.
    const std::chrono::year_month_day today = beijing::date(now);
    const std::int64_t anchor
        = anchorMs && beijing::date(anchorMs) < today ? beijingMs(beijing::date(anchorMs), 17) : beijingMs(today);
    m_serialBase = m_ctx.db().read([](Connection &c) {
        const auto row = c.queryOne("SELECT COUNT(*) FROM projects");
        return row ? row->integer(0) : 0;
    }) + std::int64_t(seed % 1000) * 1000;
    Stats stats;
    const auto started = std::chrono::steady_clock::now();
    constexpr int kBatch = 50;
    for (int i = 0; i < projects; i += kBatch) {
        m_ctx.db().write([&](Connection &c) {
            for (int j = i; j < std::min(projects, i + kBatch); ++j)
                project(c, j, anchor, stats);
        });
    }
    // Levels as of the end of the histories (an anchor day in the past), or as of now.
    const int alerts = m_ctx.approvals().scanClocks(anchorMs ? anchor : now);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::ostringstream out;
    out << "demo: " << stats.projects << " projects, " << stats.applications << " applications, " << stats.commands
        << " commands (" << stats.refused << " refused), " << alerts << " clock level changes, in " << seconds << " s";
    Poco::Logger::get("spgl").information(out.str());
    return out.str();
}

void DemoGenerator::generateIfEmpty(int projects, std::uint64_t seed)
{
    const bool empty = m_ctx.db().read([](Connection &c) { return !c.queryOne("SELECT 1 FROM projects").has_value(); });
    if (empty)
        generate(projects, seed);
}

} // namespace spgl::server
