#include "enginefixture.h"

#include "workflow/workflowjson.h"

#include <QTest>

#include <random>
#include <set>

using namespace spgl;
using namespace spgl::test;

namespace {

using AppMove = std::pair<ApplicationStatus, ApplicationStatus>;
using CaseMove = std::pair<CaseStatus, CaseStatus>;

const std::set<AppMove> &appTable()
{
    using S = ApplicationStatus;
    static const std::set<AppMove> table = {
        {S::None, S::Submitted},
        {S::Submitted, S::SupplementRequested},
        {S::Submitted, S::Withdrawn},
        {S::Submitted, S::Refused},
        {S::Submitted, S::InReview},
        {S::SupplementRequested, S::Submitted},
        {S::SupplementRequested, S::Withdrawn},
        {S::InReview, S::Concluded},
        {S::InReview, S::NotPassed},
        {S::Concluded, S::Delivered},
        {S::NotPassed, S::Delivered},
    };
    return table;
}

const std::set<CaseMove> &caseTable()
{
    using S = CaseStatus;
    static const std::set<CaseMove> table = {
        {S::Accepted, S::InProgress},   {S::InProgress, S::Supplement},        {S::InProgress, S::SpecialProcedure},
        {S::InProgress, S::Approved},   {S::InProgress, S::ApprovedTolerated}, {S::InProgress, S::Disapproved},
        {S::Supplement, S::InProgress}, {S::SpecialProcedure, S::InProgress},
    };
    return table;
}

} // namespace

class TestEngineProperty : public QObject
{
    Q_OBJECT

private slots:
    /// Random command sequences by random actors never reach a state the transition table
    /// forbids, a refused command changes nothing, a paused clock never advances, and the
    /// state always survives its JSON form.
    void randomSequences()
    {
        EngineFixture f;
        std::mt19937_64 rng(20251001);
        auto pick = [&](auto &list) -> auto &
        {
            return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(rng)];
        };
        auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };

        const std::vector<Actor> actors
            = {f.applicant, f.otherApplicant, f.clerk, f.reviewerA, f.reviewerA2, f.headA, f.reviewerB, f.reviewerC};
        const std::vector<std::string> materials = {"A/M1", "A/M2", "A/M3", "B/M1", "C/M1", "X/M9"};
        const std::vector<std::string> departments = {"DEPT-A", "DEPT-B", "DEPT-C", "WIN", ""};
        const std::vector<std::string> procedures = {"expert_review", "hearing", "site_survey", "bogus"};
        const std::vector<std::string> methods = {"online", "in_person", "post", "drone"};
        std::map<CommandKind, int> applied;
        int commands = 0;

        for (int run = 0; run < 1500; ++run) {
            Application app;
            std::int64_t now = at("2025-09-01") + std::int64_t(run % 700) * kMsPerDay;
            const int steps = std::uniform_int_distribution<int>(1, 80)(rng);
            for (int step = 0; step < steps; ++step) {
                now += std::uniform_int_distribution<std::int64_t>(0, 3 * kMsPerDay)(rng);
                Command c;
                c.kind = CommandKind(std::uniform_int_distribution<int>(0, int(CommandKind::Deliver))(rng));
                if (app.status == ApplicationStatus::None && chance(0.5))
                    c.kind = CommandKind::Submit;
                if (c.kind == CommandKind::Submit) {
                    c.submission = f.submission(chance(0.4));
                    if (chance(0.2))
                        c.submission->items.pop_back();
                }
                if (!app.cases.empty() && chance(0.9))
                    c.caseId = pick(app.cases).id;
                else if (chance(0.1))
                    c.caseId = "nope";
                if (app.status == ApplicationStatus::InReview && chance(0.4)) {
                    c.kind = chance(0.5) ? CommandKind::Claim : CommandKind::Decide;
                    for (const auto &k : app.cases)
                        if (!isDecided(k.status)) {
                            c.caseId = k.id;
                            break;
                        }
                }
                if (const ApprovalCase *k = app.findCase(c.caseId); k && !k->consultations.empty() && chance(0.5)) {
                    c.kind = CommandKind::ReplyConsultation;
                    c.consultationId = k->consultations.back().id;
                }
                if ((app.status == ApplicationStatus::Concluded || app.status == ApplicationStatus::NotPassed)
                    && chance(0.3))
                    c.kind = CommandKind::Deliver;
                if (c.kind == CommandKind::RequestSupplement && app.status == ApplicationStatus::Submitted
                    && chance(0.5))
                    c.caseId.clear();
                c.text = chance(0.85) ? "意见" : "";
                if (chance(0.6))
                    c.materials = {pick(materials)};
                if (chance(0.2))
                    c.commitmentItems = {chance(0.5) ? "A" : "B"};
                if (c.consultationId.empty())
                    c.consultationId = chance(0.5) ? "q1" : "q2";
                c.department = pick(departments);
                c.procedure = pick(procedures);
                c.delivery.method = pick(methods);
                if (c.delivery.method == "post" && chance(0.8))
                    c.delivery.trackingNo = "EMS1178899665";
                c.outcome = Outcome(std::uniform_int_distribution<int>(0, 2)(rng));
                if (chance(0.9))
                    c.document = ResultDocument{"文号", "标题", "2025-10-10", chance(0.5) ? "" : "2030-01-01", ""};
                if (chance(0.1))
                    c.expectedVersion = std::uniform_int_distribution<int>(0, 8)(rng);
                // Mostly someone who may plausibly act, so that sequences get somewhere.
                const Actor *actor = &pick(actors);
                if (chance(0.7)) {
                    const ApprovalCase *target = app.findCase(c.caseId);
                    switch (c.kind) {
                    case CommandKind::Submit:
                    case CommandKind::Withdraw:
                    case CommandKind::ProvideSupplement:
                        actor = &f.applicant;
                        break;
                    case CommandKind::Accept:
                    case CommandKind::Refuse:
                    case CommandKind::Deliver:
                        actor = &f.clerk;
                        break;
                    case CommandKind::ReplyConsultation: {
                        const Consultation *q = target ? target->consultation(c.consultationId) : nullptr;
                        const std::string dept = q ? q->toDepartment : "DEPT-C";
                        actor = dept == "DEPT-A" ? &f.reviewerA : dept == "DEPT-B" ? &f.reviewerB : &f.reviewerC;
                        break;
                    }
                    default:
                        if (!target)
                            actor = &f.clerk;
                        else if (target->department == "DEPT-A")
                            actor = chance(0.2) ? &f.headA : &f.reviewerA;
                        else
                            actor = target->department == "DEPT-B" ? &f.reviewerB : &f.reviewerC;
                    }
                }

                const Application before = app;
                auto ctx = f.context(*actor, now);
                ctx.applicantBlacklisted = chance(0.1);
                auto result = Engine::execute(app, c, ctx);
                ++commands;
                if (!result.ok()) {
                    QVERIFY2(app == before, "a refused command changed the state");
                    QVERIFY(!result.error().code.empty() && !result.error().message.empty());
                    continue;
                }
                ++applied[c.kind];
                QVERIFY(!result.value().empty());
                std::int64_t seq = before.events;
                for (const auto &e : result.value()) {
                    QCOMPARE(e.seq, ++seq);
                    QVERIFY(blzt(e.kind) >= 1 && blzt(e.kind) <= 15);
                }
                QCOMPARE(app.events, seq);
                QVERIFY(app.version > before.version);
                if (app.status != before.status)
                    QVERIFY2(
                        appTable().count({before.status, app.status}),
                        (std::string(toString(before.status)) + " -> " + std::string(toString(app.status))).c_str());
                QVERIFY(app.cases.size() == before.cases.size() || before.cases.empty());
                for (const auto &now_case : app.cases) {
                    const ApprovalCase *old = before.findCase(now_case.id);
                    if (!old) {
                        QCOMPARE_ENUM(now_case.status, CaseStatus::Accepted);
                        continue;
                    }
                    if (old->status != now_case.status)
                        QVERIFY2(caseTable().count({old->status, now_case.status}),
                                 (std::string(toString(old->status)) + " -> " + std::string(toString(now_case.status)))
                                     .c_str());
                    QVERIFY(now_case.version >= old->version);
                    // A paused clock never advances, however much later it is read.
                    if (isPaused(now_case.status)) {
                        QVERIFY(now_case.clock->paused());
                        const int used = now_case.clock->used(f.calendar(), now);
                        for (int days : {1, 7, 40})
                            QCOMPARE(now_case.clock->used(f.calendar(), now + days * kMsPerDay), used);
                    } else if (now_case.clock) {
                        QVERIFY(!now_case.clock->paused());
                        QVERIFY(now_case.clock->used(f.calendar(), now + 10 * kMsPerDay)
                                >= now_case.clock->used(f.calendar(), now));
                    }
                }
                if (step % 7 == 0) {
                    auto back = workflowjson::applicationFromJson(workflowjson::toJson(app));
                    QVERIFY(back.ok());
                    QVERIFY(back.value() == app);
                }
            }
        }
        // The generator must reach every command, or the property says little.
        for (int k = 0; k <= int(CommandKind::Deliver); ++k)
            QVERIFY2(applied[CommandKind(k)] > 0, toString(CommandKind(k)).data());
        qInfo("%d commands, %d applied", commands, [&] {
            int n = 0;
            for (auto &[k, v] : applied)
                n += v;
            return n;
        }());
    }
};

QTEST_GUILESS_MAIN(TestEngineProperty)
#include "tst_engineproperty.moc"
