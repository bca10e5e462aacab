#include "enginefixture.h"

#include "workflow/workflowjson.h"

#include <QTest>

using namespace spgl;
using namespace spgl::test;

namespace {

Command cmd(CommandKind kind, std::string caseId = {})
{
    Command c;
    c.kind = kind;
    c.caseId = std::move(caseId);
    return c;
}

Command decision(std::string caseId, Outcome outcome)
{
    Command c = cmd(CommandKind::Decide, std::move(caseId));
    c.outcome = outcome;
    c.text = "经审查，符合要求";
    c.document = ResultDocument{"乌自然资规〔2025〕12号", "建设用地规划许可证", "2025-10-10", "", ""};
    return c;
}

std::vector<int> codes(const std::vector<Event> &events)
{
    std::vector<int> out;
    for (const auto &e : events)
        out.push_back(blzt(e.kind));
    return out;
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT

private:
    EngineFixture f;

    /// Runs a command that must succeed.
    std::vector<Event> run(Application &app, const Command &c, const Actor &actor, std::int64_t now)
    {
        auto r = Engine::execute(app, c, f.context(actor, now));
        if (!r.ok())
            qWarning("%s: %s", r.error().code.c_str(), r.error().message.c_str());
        return r.ok() ? r.value() : std::vector<Event>{};
    }
    /// Runs a command that must fail; returns the error code and checks the state did not move.
    std::string fail(Application &app, const Command &c, const Actor &actor, std::int64_t now)
    {
        const Application before = app;
        auto r = Engine::execute(app, c, f.context(actor, now));
        if (r.ok())
            return "succeeded";
        if (!(app == before))
            return "state changed";
        return r.error().code;
    }
    Application submitted()
    {
        Application app;
        Command s = cmd(CommandKind::Submit);
        s.submission = f.submission();
        run(app, s, f.applicant, at("2025-09-25"));
        return app;
    }
    Application accepted()
    {
        Application app = submitted();
        run(app, cmd(CommandKind::Accept), f.clerk, at("2025-09-26"));
        return app;
    }

private slots:
    void everyEventKindHasOneNationalCode()
    {
        for (int k = int(EventKind::Received); k <= int(EventKind::Delivered); ++k) {
            const auto kind = EventKind(k);
            QVERIFY2(blzt(kind) >= 1 && blzt(kind) <= 15, toString(kind).data());
            QVERIFY(!blztName(blzt(kind)).empty());
            QVERIFY(eventKindFromString(toString(kind)) == kind);
        }
        QCOMPARE(blzt(EventKind::Received), 1);
        QCOMPARE(blzt(EventKind::Withdrawn), 2);
        QCOMPARE(blzt(EventKind::Accepted), 3);
        QCOMPARE(blzt(EventKind::Refused), 5);
        QCOMPARE(blzt(EventKind::SupplementRequested), 6);
        QCOMPARE(blzt(EventKind::SupplementProvided), 7);
        QCOMPARE(blzt(EventKind::Claimed), 8);
        QCOMPARE(blzt(EventKind::SpecialProcedureStarted), 9);
        QCOMPARE(blzt(EventKind::SpecialProcedureEnded), 10);
        QCOMPARE(blzt(EventKind::Approved), 11);
        QCOMPARE(blzt(EventKind::ApprovedTolerated), 12);
        QCOMPARE(blzt(EventKind::Disapproved), 13);
        QCOMPARE(std::string(blztName(12)), std::string("办结（容缺通过）"));
    }

    void submitByApplicantOrWindow()
    {
        Application app;
        Command s = cmd(CommandKind::Submit);
        s.submission = f.submission();
        QCOMPARE(fail(app, s, f.otherApplicant, at("2025-09-25")), std::string("workflow.forbidden"));
        QCOMPARE(fail(app, s, f.reviewerA, at("2025-09-25")), std::string("workflow.forbidden"));
        const auto events = run(app, s, f.applicant, at("2025-09-25"));
        QCOMPARE(codes(events), std::vector<int>{1});
        QCOMPARE_ENUM(app.status, ApplicationStatus::Submitted);
        QCOMPARE(app.version, 1);
        QCOMPARE(app.events, 1);
        QCOMPARE(app.submittedAt, at("2025-09-25"));
        QCOMPARE(fail(app, s, f.applicant, at("2025-09-25")), std::string("workflow.state"));

        Application walkIn; // 窗口代办
        s.submission->channel = "window";
        QCOMPARE(codes(run(walkIn, s, f.clerk, at("2025-09-25"))), std::vector<int>{1});
        QCOMPARE(walkIn.channel, std::string("window"));

        Application bad;
        s.submission->items.clear();
        QCOMPARE(fail(bad, s, f.applicant, at("2025-09-25")), std::string("workflow.invalid"));
    }

    void withdrawOnlyBeforeAcceptance()
    {
        Application app = submitted();
        QCOMPARE(fail(app, cmd(CommandKind::Withdraw), f.otherApplicant, at("2025-09-25", 11)),
                 std::string("workflow.forbidden"));
        QCOMPARE(codes(run(app, cmd(CommandKind::Withdraw), f.applicant, at("2025-09-25", 11))), std::vector<int>{2});
        QCOMPARE_ENUM(app.status, ApplicationStatus::Withdrawn);
        QCOMPARE(fail(app, cmd(CommandKind::Accept), f.clerk, at("2025-09-26")), std::string("workflow.state"));

        Application acc = accepted();
        QCOMPARE(fail(acc, cmd(CommandKind::Withdraw), f.applicant, at("2025-09-27")), std::string("workflow.state"));
    }

    void refuseNeedsReason()
    {
        Application app = submitted();
        QCOMPARE(fail(app, cmd(CommandKind::Refuse), f.clerk, at("2025-09-26")), std::string("workflow.invalid"));
        Command r = cmd(CommandKind::Refuse);
        r.text = "不属于本机关职权范围";
        QCOMPARE(fail(app, r, f.reviewerA, at("2025-09-26")), std::string("workflow.forbidden"));
        QCOMPARE(codes(run(app, r, f.clerk, at("2025-09-26"))), std::vector<int>{5});
        QCOMPARE_ENUM(app.status, ApplicationStatus::Refused);
        QCOMPARE(app.refusalReason, r.text);
    }

    void supplementBeforeAcceptanceHasNoClock()
    {
        Application app = submitted();
        Command req = cmd(CommandKind::RequestSupplement);
        QCOMPARE(fail(app, req, f.clerk, at("2025-09-26")), std::string("workflow.invalid"));
        req.materials = {"A/M1"};
        req.text = "申请表未签字";
        QCOMPARE(codes(run(app, req, f.clerk, at("2025-09-26"))), std::vector<int>{6});
        QCOMPARE_ENUM(app.status, ApplicationStatus::SupplementRequested);
        QVERIFY(app.cases.empty());
        QCOMPARE(fail(app, cmd(CommandKind::Accept), f.clerk, at("2025-09-26")), std::string("workflow.state"));
        QCOMPARE(fail(app, cmd(CommandKind::ProvideSupplement), f.otherApplicant, at("2025-09-29")),
                 std::string("workflow.forbidden"));
        QCOMPARE(codes(run(app, cmd(CommandKind::ProvideSupplement), f.applicant, at("2025-09-29"))),
                 std::vector<int>{7});
        QCOMPARE_ENUM(app.status, ApplicationStatus::Submitted);
        QCOMPARE(codes(run(app, cmd(CommandKind::Accept), f.clerk, at("2025-09-29", 15))), (std::vector<int>{3, 3, 3}));
    }

    void acceptOpensOneCasePerItemWithClocks()
    {
        Application app = submitted();
        QCOMPARE(fail(app, cmd(CommandKind::Accept), f.reviewerA, at("2025-09-26")), std::string("workflow.forbidden"));
        const auto events = run(app, cmd(CommandKind::Accept), f.clerk, at("2025-09-26"));
        QCOMPARE(codes(events), (std::vector<int>{3, 3, 3}));
        QCOMPARE_ENUM(app.status, ApplicationStatus::InReview);
        QCOMPARE(app.cases.size(), std::size_t(3));
        QCOMPARE(app.cases[0].id, std::string("2025000001-1"));
        QCOMPARE(app.cases[0].department, std::string("DEPT-A"));
        QCOMPARE(app.cases[1].department, std::string("DEPT-B"));
        QCOMPARE(app.cases[2].milestone, false);
        // Hand-checked over 国庆+中秋 2025 (Oct 1–8 off; Sun Sep 28 and Sat Oct 11 worked):
        // A, 10 workdays from Fri Sep 26: 9-28 9-29 9-30 10-9 10-10 10-11 10-13 10-14 10-15 10-16.
        const auto now = at("2025-09-26", 11);
        QCOMPARE(workflowjson::clockView(*app.cases[0].clock, f.calendar(), now)["deadline"].get<std::string>(),
                 std::string("2025-10-16"));
        // B, 5 workdays: 9-28 9-29 9-30 10-9 10-10.
        QCOMPARE(workflowjson::clockView(*app.cases[1].clock, f.calendar(), now)["deadline"].get<std::string>(),
                 std::string("2025-10-10"));
        // C, 15 natural days: Oct 11, a Saturday but an adjusted working day, so it stays.
        QCOMPARE(workflowjson::clockView(*app.cases[2].clock, f.calendar(), now)["deadline"].get<std::string>(),
                 std::string("2025-10-11"));
        QCOMPARE(workflowjson::clockView(*app.cases[0].clock, f.calendar(), now)["level"].get<std::string>(),
                 std::string("normal"));
        QCOMPARE(
            workflowjson::clockView(*app.cases[1].clock, f.calendar(), at("2025-10-09"))["level"].get<std::string>(),
            std::string("warning"));
        const auto overdue = workflowjson::clockView(*app.cases[1].clock, f.calendar(), at("2025-10-11"));
        QCOMPARE(overdue["level"].get<std::string>(), std::string("overdue"));
        QCOMPARE(overdue["first_overdue"].get<std::string>(), std::string("2025-10-11"));
    }

    void acceptChecksCompletenessToleranceAndCommitment()
    {
        Application app;
        Command s = cmd(CommandKind::Submit);
        s.submission = f.submission(true);
        run(app, s, f.applicant, at("2025-09-25"));

        QCOMPARE(fail(app, cmd(CommandKind::Accept), f.clerk, at("2025-09-26")), std::string("workflow.incomplete"));

        Command wrong = cmd(CommandKind::Accept);
        wrong.materials = {"A/M1"}; // present, and not tolerable
        QCOMPARE(fail(app, wrong, f.clerk, at("2025-09-26")), std::string("workflow.invalid"));
        Command commitB = cmd(CommandKind::Accept);
        commitB.materials = {"A/M2"};
        commitB.commitmentItems = {"B"}; // B does not allow 告知承诺
        QCOMPARE(fail(app, commitB, f.clerk, at("2025-09-26")), std::string("workflow.invalid"));

        Command tolerated = cmd(CommandKind::Accept);
        tolerated.materials = {"A/M2"};
        auto blacklisted = f.context(f.clerk, at("2025-09-26"));
        blacklisted.applicantBlacklisted = true;
        QCOMPARE(Engine::decide(app, tolerated, blacklisted).error().code, std::string("workflow.forbidden"));

        QCOMPARE(codes(run(app, tolerated, f.clerk, at("2025-09-26"))), (std::vector<int>{3, 3, 3}));
        QCOMPARE(app.cases[0].toleratedMaterials, std::vector<std::string>{"A/M2"});
        // 20 workdays from Sep 26 (over the National Day break, Oct 11 worked): Oct 30.
        QCOMPARE(app.cases[0].toleranceDeadline, std::string("2025-10-30"));
        QVERIFY(app.cases[1].toleratedMaterials.empty());

        Application committed;
        run(committed, s, f.applicant, at("2025-09-25"));
        Command commitA = cmd(CommandKind::Accept);
        commitA.commitmentItems = {"A"}; // 告知承诺 covers the missing material
        run(committed, commitA, f.clerk, at("2025-09-26"));
        QVERIFY(committed.cases[0].commitment);
        QVERIFY(!committed.cases[1].commitment);
    }

    void toleratedMaterialsAreHandedInWhileTheCaseRuns()
    {
        Application app;
        Command s = cmd(CommandKind::Submit);
        s.submission = f.submission(true);
        run(app, s, f.applicant, at("2025-09-25"));
        Command tolerated = cmd(CommandKind::Accept);
        tolerated.materials = {"A/M2"};
        run(app, tolerated, f.clerk, at("2025-09-26"));
        const std::string id = app.cases[0].id;
        run(app, cmd(CommandKind::Claim, id), f.reviewerA, at("2025-09-29"));
        const std::string deadlineBefore
            = workflowjson::clockView(*app.cases[0].clock, f.calendar(), at("2025-09-30"))["deadline"];

        // Only what was tolerated, and only by the applicant or the window.
        Command wrong = cmd(CommandKind::ProvideSupplement, id);
        wrong.materials = {"A/M1"};
        QCOMPARE(fail(app, wrong, f.applicant, at("2025-09-30")), std::string("workflow.invalid"));
        Command handIn = cmd(CommandKind::ProvideSupplement, id);
        handIn.materials = {"A/M2"};
        QCOMPARE(fail(app, handIn, f.reviewerA, at("2025-09-30")), std::string("workflow.forbidden"));
        QCOMPARE(codes(run(app, handIn, f.applicant, at("2025-09-30"))), std::vector<int>{7});

        // No longer outstanding; the case keeps running on an untouched clock; now on file.
        QVERIFY(app.cases[0].toleratedMaterials.empty());
        QVERIFY(app.cases[0].toleranceDeadline.empty());
        QCOMPARE_ENUM(app.cases[0].status, CaseStatus::InProgress);
        QVERIFY(!app.cases[0].clock->paused());
        QCOMPARE(
            workflowjson::clockView(*app.cases[0].clock, f.calendar(), at("2025-09-30"))["deadline"].get<std::string>(),
            deadlineBefore);
        QVERIFY(app.hasMaterial("A", "M2"));
        // Nothing left to tolerate: neither a second hand-in nor 容缺通过.
        QCOMPARE(fail(app, handIn, f.applicant, at("2025-10-09")), std::string("workflow.state"));
        QCOMPARE(fail(app, decision(id, Outcome::ApprovedTolerated), f.reviewerA, at("2025-10-09")),
                 std::string("workflow.invalid"));
    }

    void rulesDecideConditionalMaterials()
    {
        // A material asked for only when the form says the land is new (JSON Logic required_if).
        EngineFixture g;
        g.items["A"].materials.push_back({"M4", "节约集约用地论证", MaterialDefinition::Requirement::Required,
                                          "electronic", 1, "",
                                          nlohmann::json::parse(R"({"==": [{"var": "form.land"}, "new"]})")});
        Command s = cmd(CommandKind::Submit);
        s.submission = g.submission();
        s.submission->form = {{"land", "existing"}};
        Application existing;
        QVERIFY(Engine::execute(existing, s, g.context(g.applicant, at("2025-09-25"))).ok());
        QVERIFY(Engine::execute(existing, cmd(CommandKind::Accept), g.context(g.clerk, at("2025-09-26"))).ok());

        s.submission->form = {{"land", "new"}};
        Application fresh;
        QVERIFY(Engine::execute(fresh, s, g.context(g.applicant, at("2025-09-25"))).ok());
        auto refused = Engine::execute(fresh, cmd(CommandKind::Accept), g.context(g.clerk, at("2025-09-26")));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, std::string("workflow.incomplete"));
        QVERIFY(refused.error().message.find("节约集约用地论证") != std::string::npos);
    }

    void regionalAssessmentWaivesMaterials()
    {
        // 区域评估 (5.3): a report the zone's completed assessment covers is not asked of a project
        // whose site lies in that zone (the project facts pinned at submission say so).
        EngineFixture g;
        g.items["A"].materials.push_back(
            {"M5", "环境影响报告书", MaterialDefinition::Requirement::Required, "electronic", 1, "",
             nlohmann::json::parse(R"({"!": {"in": ["environmental", {"var": "project.assessments"}]}})")});
        Command s = cmd(CommandKind::Submit);
        s.submission = g.submission();
        s.submission->projectFacts = {{"assessments", {"environmental", "seismic"}}};
        Application inZone;
        QVERIFY(Engine::execute(inZone, s, g.context(g.applicant, at("2025-09-25"))).ok());
        QVERIFY(inZone.projectFacts["assessments"][0] == "environmental"); // pinned with the application
        QVERIFY(Engine::execute(inZone, cmd(CommandKind::Accept), g.context(g.clerk, at("2025-09-26"))).ok());

        for (const nlohmann::json &facts : {nlohmann::json::object(), nlohmann::json{{"assessments", {"water"}}}}) {
            s.submission->projectFacts = facts;
            Application outside;
            QVERIFY(Engine::execute(outside, s, g.context(g.applicant, at("2025-09-25"))).ok());
            auto refused = Engine::execute(outside, cmd(CommandKind::Accept), g.context(g.clerk, at("2025-09-26")));
            QVERIFY(!refused.ok());
            QVERIFY(refused.error().message.find("环境影响报告书") != std::string::npos);
        }
    }

    void claimOnlyByTheCaseDepartment()
    {
        Application app = accepted();
        QCOMPARE(fail(app, cmd(CommandKind::Claim, "2025000001-1"), f.reviewerB, at("2025-09-29")),
                 std::string("workflow.forbidden"));
        QCOMPARE(fail(app, cmd(CommandKind::Claim, "2025000001-9"), f.reviewerA, at("2025-09-29")),
                 std::string("workflow.not_found"));
        QCOMPARE(codes(run(app, cmd(CommandKind::Claim, "2025000001-1"), f.reviewerA, at("2025-09-29"))),
                 std::vector<int>{8});
        QCOMPARE_ENUM(app.cases[0].status, CaseStatus::InProgress);
        QCOMPARE(app.cases[0].assignee, f.reviewerA.id);
        QCOMPARE(fail(app, cmd(CommandKind::Claim, "2025000001-1"), f.reviewerA2, at("2025-09-29")),
                 std::string("workflow.state"));
        // Only the assignee or the head decides.
        QCOMPARE(fail(app, decision("2025000001-1", Outcome::Approved), f.reviewerA2, at("2025-09-30")),
                 std::string("workflow.forbidden"));
        QCOMPARE(codes(run(app, decision("2025000001-1", Outcome::Approved), f.headA, at("2025-09-30"))),
                 std::vector<int>{11});
    }

    void caseSupplementPausesTheClock()
    {
        Application app = accepted();
        const std::string id = "2025000001-1";
        run(app, cmd(CommandKind::Claim, id), f.reviewerA, at("2025-09-29"));
        Command req = cmd(CommandKind::RequestSupplement, id);
        req.materials = {"A/M1"};
        req.text = "申请表盖章不清";
        QCOMPARE(codes(run(app, req, f.reviewerA, at("2025-09-30"))), std::vector<int>{6});
        QCOMPARE_ENUM(app.cases[0].status, CaseStatus::Supplement);
        const Clock &clock = *app.cases[0].clock;
        QVERIFY(clock.paused());
        // A paused clock does not advance: used stays at 9-28, 9-29, 9-30.
        QCOMPARE(clock.used(f.calendar(), at("2025-09-30", 18)), 3);
        QCOMPARE(clock.used(f.calendar(), at("2025-10-09", 18)), 3);
        QCOMPARE(fail(app, decision(id, Outcome::Approved), f.reviewerA, at("2025-10-09")),
                 std::string("workflow.state"));
        QCOMPARE(codes(run(app, cmd(CommandKind::ProvideSupplement, id), f.applicant, at("2025-10-10"))),
                 std::vector<int>{7});
        QCOMPARE_ENUM(app.cases[0].status, CaseStatus::InProgress);
        // 10-9 and 10-10 were paused: the deadline moves from 10-16 by two workdays to 10-20.
        QCOMPARE(
            workflowjson::clockView(*app.cases[0].clock, f.calendar(), at("2025-10-13"))["deadline"].get<std::string>(),
            std::string("2025-10-20"));
        QCOMPARE(app.cases[0].clock->used(f.calendar(), at("2025-10-13")), 5);
    }

    void specialProcedureAcrossTheHoliday()
    {
        Application app = accepted();
        const std::string id = "2025000001-2";
        run(app, cmd(CommandKind::Claim, id), f.reviewerB, at("2025-09-29"));
        Command start = cmd(CommandKind::StartSpecialProcedure, id);
        start.procedure = "hearing"; // the item lists only expert_review
        start.text = "需组织专家论证";
        QCOMPARE(fail(app, start, f.reviewerB, at("2025-09-29")), std::string("workflow.invalid"));
        start.procedure = "expert_review";
        QCOMPARE(fail(app, start, f.reviewerA, at("2025-09-29")), std::string("workflow.forbidden"));
        QCOMPARE(codes(run(app, start, f.reviewerB, at("2025-09-29"))), std::vector<int>{9});
        QCOMPARE_ENUM(app.cases[1].status, CaseStatus::SpecialProcedure);
        QCOMPARE(app.cases[1].specialProcedures.at(0).limit, 10);
        QCOMPARE(app.cases[1].clock->used(f.calendar(), at("2025-10-09")), 2);
        Command end = cmd(CommandKind::EndSpecialProcedure, id);
        end.text = "专家评审通过";
        QCOMPARE(codes(run(app, end, f.reviewerB, at("2025-10-10"))), std::vector<int>{10});
        QCOMPARE(app.cases[1].specialProcedures.at(0).result, end.text);
        // 9-30, 10-9, 10-10 paused: 5 workdays are 9-28 9-29 10-11 10-13 10-14.
        const auto view = workflowjson::clockView(*app.cases[1].clock, f.calendar(), at("2025-10-13"));
        QCOMPARE(view["deadline"].get<std::string>(), std::string("2025-10-14"));
        QCOMPARE(view["used_workdays"].get<int>(), 4);
        QCOMPARE(view["paused"].get<bool>(), false);
    }

    void consultationBetweenDepartments()
    {
        Application app = accepted();
        const std::string id = "2025000001-1";
        Command ask = cmd(CommandKind::RequestConsultation, id);
        ask.consultationId = "q1";
        ask.department = "DEPT-C";
        ask.text = "请就消防车道宽度提出意见";
        QCOMPARE(fail(app, ask, f.reviewerA, at("2025-09-29")), std::string("workflow.state")); // not claimed
        run(app, cmd(CommandKind::Claim, id), f.reviewerA, at("2025-09-29"));
        ask.department = "DEPT-A";
        QCOMPARE(fail(app, ask, f.reviewerA, at("2025-09-29")), std::string("workflow.invalid"));
        ask.department = "DEPT-C";
        QCOMPARE(codes(run(app, ask, f.reviewerA, at("2025-09-29"))), std::vector<int>{8});
        QVERIFY(app.cases[0].consultations.at(0).open());
        Command reply = cmd(CommandKind::ReplyConsultation, id);
        reply.consultationId = "q1";
        reply.text = "消防车道宽度满足要求";
        QCOMPARE(fail(app, reply, f.reviewerB, at("2025-09-30")), std::string("workflow.forbidden"));
        QCOMPARE(codes(run(app, reply, f.reviewerC, at("2025-09-30"))), std::vector<int>{8});
        QCOMPARE(app.cases[0].consultations.at(0).answer, reply.text);
        QCOMPARE(fail(app, reply, f.reviewerC, at("2025-09-30")), std::string("workflow.state"));
        Command opinion = cmd(CommandKind::AddOpinion, id);
        opinion.text = "同意";
        QCOMPARE(codes(run(app, opinion, f.reviewerA, at("2025-09-30"))), std::vector<int>{8});
        QCOMPARE(app.cases[0].opinions, 1);
    }

    void decisionsConcludeTheStage()
    {
        Application app = accepted();
        for (const auto &[id, actor] :
             {std::pair{"2025000001-1", f.reviewerA}, {"2025000001-2", f.reviewerB}, {"2025000001-3", f.reviewerC}})
            run(app, cmd(CommandKind::Claim, id), actor, at("2025-09-29"));
        QCOMPARE(fail(app, decision("2025000001-1", Outcome::ApprovedTolerated), f.reviewerA, at("2025-09-30")),
                 std::string("workflow.invalid"));
        Command noDoc = decision("2025000001-1", Outcome::Approved);
        noDoc.document.reset();
        QCOMPARE(fail(app, noDoc, f.reviewerA, at("2025-09-30")), std::string("workflow.invalid"));
        QCOMPARE(codes(run(app, decision("2025000001-1", Outcome::Approved), f.reviewerA, at("2025-09-30"))),
                 std::vector<int>{11});
        QCOMPARE(app.cases[0].document->validUntil, std::string("9999-01-01"));
        QCOMPARE(fail(app, decision("2025000001-1", Outcome::Approved), f.reviewerA, at("2025-09-30")),
                 std::string("workflow.state"));
        QCOMPARE(fail(app, cmd(CommandKind::Deliver), f.clerk, at("2025-09-30")), std::string("workflow.state"));
        // The non-milestone case C is disapproved: the stage still passes (all milestones passed).
        QCOMPARE(codes(run(app, decision("2025000001-2", Outcome::Approved), f.reviewerB, at("2025-09-30"))),
                 std::vector<int>{11});
        QCOMPARE_ENUM(app.status, ApplicationStatus::InReview);
        QCOMPARE(codes(run(app, decision("2025000001-3", Outcome::Disapproved), f.reviewerC, at("2025-09-30"))),
                 (std::vector<int>{13, 11}));
        QCOMPARE_ENUM(app.status, ApplicationStatus::Concluded);
        Command deliver = cmd(CommandKind::Deliver);
        deliver.delivery.method = "pigeon";
        QCOMPARE(fail(app, deliver, f.clerk, at("2025-10-09")), std::string("workflow.invalid"));
        // A post needs its tracking number; other methods have none.
        deliver.delivery.method = "post";
        QCOMPARE(fail(app, deliver, f.clerk, at("2025-10-09")), std::string("workflow.invalid"));
        deliver.delivery.trackingNo = "EMS 11";
        QCOMPARE(fail(app, deliver, f.clerk, at("2025-10-09")), std::string("workflow.invalid"));
        deliver.delivery.method = "in_person";
        deliver.delivery.trackingNo = "EMS1178899665";
        QCOMPARE(fail(app, deliver, f.clerk, at("2025-10-09")), std::string("workflow.invalid"));
        // The handover lies between the conclusion and now.
        deliver.delivery = {"post", "EMS1178899665", "王建国", at("2025-10-10")};
        QCOMPARE(fail(app, deliver, f.clerk, at("2025-10-09")), std::string("workflow.invalid"));
        deliver.delivery.at = at("2025-09-01");
        QCOMPARE(fail(app, deliver, f.clerk, at("2025-10-09")), std::string("workflow.invalid"));
        deliver.delivery.at = at("2025-10-08");
        QCOMPARE(codes(run(app, deliver, f.clerk, at("2025-10-09"))), std::vector<int>{11});
        QCOMPARE_ENUM(app.status, ApplicationStatus::Delivered);
        QVERIFY(app.delivery);
        QCOMPARE(app.delivery->method, std::string("post"));
        QCOMPARE(app.delivery->trackingNo, std::string("EMS1178899665"));
        QCOMPARE(app.delivery->recipient, std::string("王建国"));
        QCOMPARE(app.delivery->at, at("2025-10-08"));
        // Without a time it is the moment of the command.
        Application other = app;
        other.status = ApplicationStatus::Concluded;
        deliver.delivery = {"online", {}, {}, 0};
        QCOMPARE(codes(run(other, deliver, f.clerk, at("2025-10-09"))), std::vector<int>{11});
        QCOMPARE(other.delivery->at, at("2025-10-09"));
        // The API's form: delivered_at as RFC 3339, in the event and the state as well.
        auto parsed = workflowjson::commandFromJson(CommandKind::Deliver, {},
                                                    {{"method", "post"},
                                                     {"tracking_no", "SF1234567890"},
                                                     {"recipient", "李娜"},
                                                     {"delivered_at", "2025-10-08T10:00:00+08:00"}});
        QVERIFY(parsed.ok());
        QVERIFY(parsed.value().delivery == (Delivery{"post", "SF1234567890", "李娜", at("2025-10-08")}));
        QVERIFY(workflowjson::argsToJson(parsed.value())["delivered_at"] == "2025-10-08T10:00:00+08:00");
        QVERIFY(!workflowjson::commandFromJson(CommandKind::Deliver, {}, {{"method", "post"}, {"delivered_at", "昨天"}})
                     .ok());
        Application third = other;
        third.status = ApplicationStatus::Concluded;
        auto events = Engine::execute(third, parsed.value(), {at("2025-10-09"), f.clerk, &f.calendar(), {}, false});
        QVERIFY(events.ok());
        const nlohmann::json view = workflowjson::toJson(events.value().back());
        QVERIFY(view["delivery"]["tracking_no"] == "SF1234567890");
        QVERIFY(view["delivery"]["delivered_at"] == "2025-10-08T10:00:00+08:00");
        QVERIFY(workflowjson::eventFromJson(view).value().delivery == events.value().back().delivery);
        QVERIFY(workflowjson::applicationFromJson(workflowjson::toJson(third)).value().delivery == third.delivery);
    }

    void anyMilestoneStagePassesOnOneMilestone()
    {
        // LCBSXLX = 2: the stage passes when any one milestone item passes (pinned at submission).
        for (const bool onePasses : {true, false}) {
            Application app = accepted();
            app.completion = StageDefinition::Completion::AnyMilestone;
            for (const auto &[id, actor] :
                 {std::pair{"2025000001-1", f.reviewerA}, {"2025000001-2", f.reviewerB}, {"2025000001-3", f.reviewerC}})
                run(app, cmd(CommandKind::Claim, id), actor, at("2025-09-29"));
            run(app, decision("2025000001-1", Outcome::Disapproved), f.reviewerA, at("2025-09-30"));
            run(app, decision("2025000001-2", onePasses ? Outcome::Approved : Outcome::Disapproved), f.reviewerB,
                at("2025-09-30"));
            QCOMPARE_ENUM(app.status, ApplicationStatus::InReview);
            QCOMPARE(codes(run(app, decision("2025000001-3", Outcome::Approved), f.reviewerC, at("2025-09-30"))),
                     (std::vector<int>{11, onePasses ? 11 : 13}));
            if (onePasses)
                QCOMPARE_ENUM(app.status, ApplicationStatus::Concluded);
            else
                QCOMPARE_ENUM(app.status, ApplicationStatus::NotPassed);
        }
    }

    void milestoneDisapprovalFailsTheStage()
    {
        Application app = accepted();
        for (const auto &[id, actor] :
             {std::pair{"2025000001-1", f.reviewerA}, {"2025000001-2", f.reviewerB}, {"2025000001-3", f.reviewerC}})
            run(app, cmd(CommandKind::Claim, id), actor, at("2025-09-29"));
        run(app, decision("2025000001-1", Outcome::Disapproved), f.reviewerA, at("2025-09-30"));
        run(app, decision("2025000001-2", Outcome::Approved), f.reviewerB, at("2025-09-30"));
        QCOMPARE(codes(run(app, decision("2025000001-3", Outcome::Approved), f.reviewerC, at("2025-09-30"))),
                 (std::vector<int>{11, 13}));
        QCOMPARE_ENUM(app.status, ApplicationStatus::NotPassed);
    }

    void expectedVersionConflicts()
    {
        Application app = accepted();
        const std::string id = "2025000001-1";
        run(app, cmd(CommandKind::Claim, id), f.reviewerA, at("2025-09-29"));
        QCOMPARE(app.cases[0].version, 2);
        Command d = decision(id, Outcome::Approved);
        d.expectedVersion = 1;
        QCOMPARE(fail(app, d, f.reviewerA, at("2025-09-30")), std::string("workflow.version"));
        d.expectedVersion = 2;
        run(app, d, f.reviewerA, at("2025-09-30"));
        QCOMPARE(app.cases[0].version, 3);
        // A decision on another case does not change this one's version.
        run(app, cmd(CommandKind::Claim, "2025000001-2"), f.reviewerB, at("2025-09-30"));
        QCOMPARE(app.cases[0].version, 3);
    }

    void jsonRoundTrip()
    {
        Application app = accepted();
        run(app, cmd(CommandKind::Claim, "2025000001-2"), f.reviewerB, at("2025-09-29"));
        Command start = cmd(CommandKind::StartSpecialProcedure, "2025000001-2");
        start.procedure = "expert_review";
        start.text = "论证";
        run(app, start, f.reviewerB, at("2025-09-29"));
        auto back = workflowjson::applicationFromJson(workflowjson::toJson(app));
        QVERIFY(back.ok());
        QVERIFY(back.value() == app);

        // Replaying the events from their JSON form gives the same state.
        Application replayed;
        Application live;
        Command s = cmd(CommandKind::Submit);
        s.submission = f.submission();
        std::vector<Event> all = run(live, s, f.applicant, at("2025-09-25"));
        for (auto &e : run(live, cmd(CommandKind::Accept), f.clerk, at("2025-09-26")))
            all.push_back(e);
        for (auto &e : run(live, decision("2025000001-1", Outcome::Approved), f.reviewerA, at("2025-09-30")))
            all.push_back(e); // fails (not claimed): nothing added
        for (const auto &e : all) {
            auto parsed = workflowjson::eventFromJson(workflowjson::toJson(e));
            QVERIFY(parsed.ok());
            QVERIFY(parsed.value() == e);
            Engine::apply(replayed, parsed.value());
        }
        QVERIFY(replayed == live);

        QVERIFY(!workflowjson::applicationFromJson(nlohmann::json::array()).ok());
        QVERIFY(!workflowjson::applicationFromJson({{"status", "flying"}}).ok());
        QCOMPARE(workflowjson::applicationFromJson({{"stage", "one"}, {"status", "submitted"}}).error().field,
                 std::string("application.stage"));
    }

    void commandArguments()
    {
        auto c
            = workflowjson::commandFromJson(CommandKind::Decide, "x-1",
                                            {{"outcome", "approved_tolerated"},
                                             {"opinion", "同意"},
                                             {"expected_version", 4},
                                             {"document", {{"number", "N1"}, {"title", "T"}, {"date", "2025-01-02"}}}});
        QVERIFY(c.ok());
        QCOMPARE_ENUM(c.value().outcome, Outcome::ApprovedTolerated);
        QVERIFY(c.value().expectedVersion == std::int64_t(4));
        QCOMPARE(c.value().document->number, std::string("N1"));
        auto back = workflowjson::commandFromJson(CommandKind::Decide, "x-1", workflowjson::argsToJson(c.value()));
        QVERIFY(back.ok());
        QCOMPARE(back.value().text, c.value().text);

        QCOMPARE(workflowjson::commandFromJson(CommandKind::Decide, "x", {{"outcome", "maybe"}}).error().field,
                 std::string("outcome"));
        QCOMPARE(workflowjson::commandFromJson(CommandKind::Accept, "", {{"tolerated", "A/M2"}}).error().field,
                 std::string("tolerated"));
        QCOMPARE(workflowjson::commandFromJson(CommandKind::Claim, "x", {{"expected_version", "3"}}).error().field,
                 std::string("expected_version"));
        QVERIFY(workflowjson::commandFromJson(CommandKind::Claim, "x", nullptr).ok());
        QVERIFY(!workflowjson::commandFromJson(CommandKind::Claim, "x", nlohmann::json::array()).ok());
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
