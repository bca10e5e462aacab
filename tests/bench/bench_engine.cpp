// Issue targets: the approval engine in-process ≥ 1,000,000 commands/s; deadline computations
// ≥ 5,000,000/s. Single thread, no I/O.
//
// (a) Engine::execute (decide + apply) over a realistic mix of case commands on pre-accepted
//     applications (three cases each, as in a stage-1 filing): claim, opinions, a consultation
//     and its reply, a 补正 asked and provided, a special procedure started and ended, the
//     decisions (the last one concludes the stage) and the unified delivery.
// (b) WorkCalendar::addWorkdays over random starts 2019–2026 and limits 1–60 in region 650102
//     (the real calendar files), and Clock::state of clocks with 0–3 pauses read at a later
//     instant.
//
// Usage: bench_engine [--apps=N] [--seconds=S] [--calendar-dir=DIR] [--only=engine|deadline]
#include "calendar/clock.h"
#include "calendar/dates.h"
#include "calendar/workcalendar.h"
#include "workflow/engine.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace spgl;

namespace {

using SteadyClock = std::chrono::steady_clock;

double secondsSince(SteadyClock::time_point t0)
{
    return std::chrono::duration<double>(SteadyClock::now() - t0).count();
}

constexpr std::int64_t kHourMs = 3600LL * 1000;

int dayNumber(WorkCalendar::Date d)
{
    return int(std::chrono::sys_days{d}.time_since_epoch().count());
}

MaterialDefinition material(const char *code, const char *name, MaterialDefinition::Requirement requirement)
{
    MaterialDefinition m;
    m.code = code;
    m.name = name;
    m.requirement = requirement;
    return m;
}

/// The catalog of the bench: three items of three departments, like a stage-1 filing
/// (规划许可 with 容缺 and 告知承诺, a design review with its own special procedure, a fire review
/// counted in natural days).
std::map<std::string, ItemDefinition> makeItems()
{
    std::map<std::string, ItemDefinition> items;
    ItemDefinition a;
    a.code = "650100-ZRZY-001";
    a.version = "1.0";
    a.name = "建设用地规划许可证核发";
    a.department = "11650100ZRZY";
    a.statutoryLimit = 20;
    a.promisedLimit = 10;
    a.toleranceAllowed = true;
    a.toleranceDays = 20;
    a.commitmentAllowed = true;
    a.materials = {material("M1", "建设用地规划许可申请表", MaterialDefinition::Requirement::Required),
                   material("M2", "国有土地使用权出让合同", MaterialDefinition::Requirement::Tolerable),
                   material("M3", "授权委托书", MaterialDefinition::Requirement::Optional)};
    items[a.code] = a;

    ItemDefinition b;
    b.code = "650100-ZJJ-002";
    b.version = "1.0";
    b.name = "建设工程设计方案审查";
    b.department = "11650100ZJJ";
    b.statutoryLimit = 20;
    b.promisedLimit = 5;
    b.materials = {material("M1", "设计方案文本", MaterialDefinition::Requirement::Required),
                   material("M2", "设计方案图纸", MaterialDefinition::Requirement::Required)};
    b.specialProcedures = {{"expert_review", "专家评审", 10, Clock::Unit::Workday}};
    items[b.code] = b;

    ItemDefinition c;
    c.code = "650100-XFJY-003";
    c.version = "1.0";
    c.name = "建设工程消防设计审查";
    c.department = "11650100XFJY";
    c.statutoryLimit = 30;
    c.statutoryUnit = Clock::Unit::Day;
    c.promisedLimit = 15;
    c.promisedUnit = Clock::Unit::Day;
    c.materials = {material("M1", "消防设计文件", MaterialDefinition::Requirement::Required)};
    items[c.code] = c;
    return items;
}

struct Actors
{
    Actor applicant{"1001", "新疆天山建设集团", {"applicant"}, ""};
    Actor clerk{"2001", "窗口王", {"window_clerk"}, "11650100ZWFW"};
    Actor reviewerA{"3001", "自然资源赵", {"reviewer"}, "11650100ZRZY"};
    Actor reviewerB{"3002", "住建周", {"reviewer"}, "11650100ZJJ"};
    Actor reviewerC{"3003", "消防吴", {"reviewer"}, "11650100XFJY"};
};

/// One step of the script: a command, who issues it, and how many hours after the previous step.
struct Step
{
    Command command;
    EngineContext *context;
    int hours;
};

Command caseCommand(CommandKind kind, const std::string &caseId, std::string text = {})
{
    Command c;
    c.kind = kind;
    c.caseId = caseId;
    c.text = std::move(text);
    return c;
}

Command decision(const std::string &caseId, const char *number, const char *title)
{
    Command c = caseCommand(CommandKind::Decide, caseId, "经审查，符合法定条件，准予许可");
    c.outcome = Outcome::Approved;
    c.document = ResultDocument{number, title, "2025-10-20", "", ""};
    return c;
}

int benchEngine(int apps, double seconds, const WorkCalendar &calendar)
{
    const auto items = makeItems();
    const Actors who;
    auto context = [&](const Actor &actor) {
        EngineContext ctx;
        ctx.actor = actor;
        ctx.calendar = &calendar;
        ctx.items = [&items](std::string_view code, std::string_view version) -> const ItemDefinition * {
            auto it = items.find(std::string(code));
            return it != items.end() && it->second.version == version ? &it->second : nullptr;
        };
        return ctx;
    };
    EngineContext applicantCtx = context(who.applicant), clerkCtx = context(who.clerk), aCtx = context(who.reviewerA),
                  bCtx = context(who.reviewerB), cCtx = context(who.reviewerC);
    const std::int64_t start = beijingMs(*parseIsoDate("2025-09-25"), 10);

    // The template: filed and accepted through the engine (not timed).
    Application accepted;
    {
        Application s;
        s.id = "20250925000001";
        s.projectId = "12345";
        s.applicantId = who.applicant.id;
        s.regionCode = "650102";
        s.processCode = "XJ-650100-P4";
        s.processVersion = "1.0";
        s.stage = 1;
        s.items
            = {{"650100-ZRZY-001", "1.0", true}, {"650100-ZJJ-002", "1.0", true}, {"650100-XFJY-003", "1.0", false}};
        s.materials = {{"650100-ZRZY-001", "M1", "f1"},
                       {"650100-ZJJ-002", "M1", "f2"},
                       {"650100-ZJJ-002", "M2", "f3"},
                       {"650100-XFJY-003", "M1", "f4"}};
        Command submit;
        submit.kind = CommandKind::Submit;
        submit.submission = s;
        applicantCtx.nowMs = start;
        Command accept;
        accept.kind = CommandKind::Accept;
        accept.materials = {"650100-ZRZY-001/M2"}; // 容缺: the tolerance deadline is computed too
        accept.text = "材料齐全，予以受理";
        clerkCtx.nowMs = start + 20 * kHourMs;
        if (!Engine::execute(accepted, submit, applicantCtx).ok()
            || !Engine::execute(accepted, accept, clerkCtx).ok()) {
            std::fprintf(stderr, "bench_engine: could not build the accepted application\n");
            return 1;
        }
    }
    const std::string A = accepted.cases.at(0).id, B = accepted.cases.at(1).id, C = accepted.cases.at(2).id;

    std::vector<Step> script;
    auto add = [&](Command c, EngineContext &ctx, int hours) { script.push_back({std::move(c), &ctx, hours}); };
    add(caseCommand(CommandKind::Claim, A), aCtx, 2);
    add(caseCommand(CommandKind::Claim, B), bCtx, 1);
    add(caseCommand(CommandKind::Claim, C), cCtx, 3);
    add(caseCommand(CommandKind::AddOpinion, A, "经初审，材料符合要求，拟同意"), aCtx, 4);
    {
        Command ask = caseCommand(CommandKind::RequestConsultation, A, "请就本项目是否符合设计规范提出意见");
        ask.consultationId = "zq-1";
        ask.department = "11650100ZJJ";
        add(ask, aCtx, 1);
    }
    add(caseCommand(CommandKind::AddOpinion, B, "方案基本可行，需专家评审"), bCtx, 2);
    {
        Command sp = caseCommand(CommandKind::StartSpecialProcedure, B, "需组织专家评审");
        sp.procedure = "expert_review";
        add(sp, bCtx, 1);
    }
    add(caseCommand(CommandKind::AddOpinion, C, "消防设计文件齐全"), cCtx, 5);
    {
        Command reply = caseCommand(CommandKind::ReplyConsultation, A, "经研究，无不同意见");
        reply.consultationId = "zq-1";
        add(reply, bCtx, 20);
    }
    {
        Command ask = caseCommand(CommandKind::RequestSupplement, C, "请补充消防设计说明");
        ask.materials = {"650100-XFJY-003/M1"};
        add(ask, cCtx, 3);
    }
    {
        Command give = caseCommand(CommandKind::ProvideSupplement, C);
        give.materials = {"650100-XFJY-003/M1"};
        add(give, applicantCtx, 30);
    }
    add(caseCommand(CommandKind::AddOpinion, A, "同意"), aCtx, 6);
    add(decision(A, "乌自然资规〔2025〕12号", "建设用地规划许可证"), aCtx, 2);
    add(caseCommand(CommandKind::EndSpecialProcedure, B, "专家评审通过"), bCtx, 60);
    add(decision(B, "乌建审〔2025〕88号", "设计方案审查意见书"), bCtx, 4);
    add(caseCommand(CommandKind::AddOpinion, C, "同意"), cCtx, 2);
    add(decision(C, "乌消审〔2025〕7号", "消防设计审查意见书"), cCtx, 3); // concludes the stage
    {
        Command deliver;
        deliver.kind = CommandKind::Deliver;
        deliver.delivery.method = "online";
        add(deliver, clerkCtx, 24);
    }
    std::vector<std::int64_t> at(script.size());
    std::int64_t t = start + 20 * kHourMs;
    for (std::size_t i = 0; i < script.size(); ++i)
        at[i] = t += script[i].hours * kHourMs;

    std::printf("engine: %d accepted applications (3 cases each) per round, %zu commands per application\n", apps,
                script.size());
    std::vector<double> stepSeconds(script.size());
    std::uint64_t checksum = 0, commands = 0, failures = 0;
    double timed = 0;
    int rounds = 0;
    std::vector<Application> batch;
    const auto wall = SteadyClock::now();
    while (timed < seconds || rounds < 2) {
        batch.assign(std::size_t(apps), accepted); // not timed
        for (std::size_t i = 0; i < script.size(); ++i) {
            const Step &step = script[i];
            EngineContext &ctx = *step.context;
            ctx.nowMs = at[i];
            const auto t0 = SteadyClock::now();
            for (Application &app : batch) {
                auto events = Engine::execute(app, step.command, ctx);
                if (events.ok()) {
                    checksum += std::uint64_t(events.value().size()) * 31 + std::uint64_t(events.value().back().seq);
                } else {
                    ++failures;
                    checksum += events.error().code.size();
                }
            }
            const double dt = secondsSince(t0);
            stepSeconds[i] += dt;
            timed += dt;
            commands += std::uint64_t(apps);
        }
        for (const Application &app : batch)
            checksum += std::uint64_t(app.version) + std::uint64_t(app.status);
        ++rounds;
    }
    const double rate = double(commands) / timed;
    std::printf("engine: %llu commands in %.3f s timed (%.1f s wall, %d rounds), %llu refused, checksum %llu\n",
                (unsigned long long)commands, timed, secondsSince(wall), rounds, (unsigned long long)failures,
                (unsigned long long)checksum);
    std::printf("engine: per command kind (ns/command):\n");
    for (std::size_t i = 0; i < script.size(); ++i)
        std::printf("  %-24s %-7s %8.0f\n", std::string(toString(script[i].command.kind)).c_str(),
                    script[i].command.caseId == A   ? "case A"
                    : script[i].command.caseId == B ? "case B"
                    : script[i].command.caseId == C ? "case C"
                                                    : "app",
                    stepSeconds[i] / (double(apps) * rounds) * 1e9);
    std::printf("RESULT engine_commands_per_s %.0f (target >= 1000000: %s)\n", rate, rate >= 1e6 ? "met" : "MISSED");
    if (failures) {
        std::fprintf(stderr, "bench_engine: %llu commands were refused; the script is wrong\n",
                     (unsigned long long)failures);
        return 1;
    }
    return 0;
}

int benchDeadlines(double seconds, const WorkCalendar &calendar)
{
    const std::string region = "650102";
    std::mt19937_64 rng(20251128);
    const int first = dayNumber(std::chrono::year{2019} / 1 / 1), last = dayNumber(std::chrono::year{2026} / 12 / 31);
    constexpr std::size_t kSamples = 1 << 16;
    struct Sample
    {
        WorkCalendar::Date start;
        int n;
    };
    std::vector<Sample> samples(kSamples);
    for (auto &s : samples)
        s = {WorkCalendar::Date{
                 std::chrono::sys_days{std::chrono::days{std::uniform_int_distribution<int>(first, last)(rng)}}},
             std::uniform_int_distribution<int>(1, 60)(rng)};

    std::uint64_t checksum = 0, count = 0;
    const auto t0 = SteadyClock::now();
    double elapsed = 0;
    while (elapsed < seconds) {
        for (const Sample &s : samples)
            checksum += std::uint64_t(dayNumber(calendar.addWorkdays(s.start, s.n, region)));
        count += kSamples;
        elapsed = secondsSince(t0);
    }
    const double rate = double(count) / elapsed;
    std::printf("deadlines: %llu addWorkdays in %.3f s, checksum %llu\n", (unsigned long long)count, elapsed,
                (unsigned long long)checksum);
    std::printf("RESULT addworkdays_per_s %.0f (target >= 5000000: %s)\n", rate, rate >= 5e6 ? "met" : "MISSED");

    // Clocks with pauses (补正, 特别程序), read at an instant after the last pause began.
    struct Reading
    {
        Clock clock;
        std::int64_t now;
    };
    std::vector<Reading> readings;
    constexpr std::size_t kClocks = 1 << 14;
    readings.reserve(kClocks);
    std::size_t pausesTotal = 0;
    const std::int64_t firstMs = beijingMs(std::chrono::year{2019} / 1 / 1),
                       lastMs = beijingMs(std::chrono::year{2026} / 10 / 1);
    while (readings.size() < kClocks) {
        std::int64_t t = std::uniform_int_distribution<std::int64_t>(firstMs, lastMs)(rng);
        const bool natural = std::uniform_int_distribution<int>(0, 4)(rng) == 0;
        auto clock = Clock::create(t, std::uniform_int_distribution<int>(1, 60)(rng),
                                   natural ? Clock::Unit::Day : Clock::Unit::Workday, region);
        if (!clock.ok())
            continue;
        const int pauses = std::uniform_int_distribution<int>(0, 3)(rng);
        for (int p = 0; p < pauses; ++p) {
            t += std::uniform_int_distribution<std::int64_t>(2, 200)(rng) * kHourMs;
            const std::int64_t end = t + std::uniform_int_distribution<std::int64_t>(4, 400)(rng) * kHourMs;
            const bool open = p == pauses - 1 && std::uniform_int_distribution<int>(0, 3)(rng) == 0;
            (void)clock.value().addPause({t, open ? std::nullopt : std::optional<std::int64_t>(end)});
            t = end;
        }
        pausesTotal += std::size_t(pauses);
        readings.push_back({clock.value(), t + std::uniform_int_distribution<std::int64_t>(1, 1500)(rng) * kHourMs});
    }
    count = 0;
    elapsed = 0;
    const auto t1 = SteadyClock::now();
    while (elapsed < seconds) {
        for (const Reading &r : readings) {
            const Clock::State s = r.clock.state(calendar, r.now);
            checksum += std::uint64_t(dayNumber(s.deadline)) + std::uint64_t(s.remaining) * 7 + std::uint64_t(s.level);
        }
        count += kClocks;
        elapsed = secondsSince(t1);
    }
    const double stateRate = double(count) / elapsed;
    std::printf("deadlines: %llu Clock::state (%.2f pauses/clock on average) in %.3f s, checksum %llu\n",
                (unsigned long long)count, double(pausesTotal) / kClocks, elapsed, (unsigned long long)checksum);
    std::printf("RESULT clock_state_per_s %.0f (target >= 5000000: %s)\n", stateRate,
                stateRate >= 5e6 ? "met" : "MISSED");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    int apps = 2000;
    double seconds = 3;
    std::string calendarDir = SPGL_SOURCE_DIR "/resources/calendar";
    std::string only;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("--apps=", 0) == 0)
            apps = std::max(1, std::atoi(a.c_str() + 7));
        else if (a.rfind("--seconds=", 0) == 0)
            seconds = std::atof(a.c_str() + 10);
        else if (a.rfind("--calendar-dir=", 0) == 0)
            calendarDir = a.substr(15);
        else if (a.rfind("--only=", 0) == 0)
            only = a.substr(7);
        else {
            std::fprintf(stderr, "usage: bench_engine [--apps=N] [--seconds=S] [--calendar-dir=DIR] "
                                 "[--only=engine|deadline]\n");
            return 2;
        }
    }
    auto calendar = WorkCalendar::fromFiles({calendarDir + "/cn-national.json", calendarDir + "/xj-regional.json"});
    if (!calendar.ok()) {
        std::fprintf(stderr, "bench_engine: calendar: %s\n", calendar.error().message.c_str());
        return 1;
    }
    int rc = 0;
    if (only.empty() || only == "engine")
        rc |= benchEngine(apps, seconds, calendar.value());
    if (only.empty() || only == "deadline")
        rc |= benchDeadlines(seconds, calendar.value());
    return rc;
}
