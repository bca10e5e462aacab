#include "enginefixture.h"

#include "workflow/stageclock.h"
#include "workflow/workflowjson.h"

#include <QTest>

using namespace spgl;
using namespace spgl::test;

class TestStageClock : public QObject
{
    Q_OBJECT

private:
    EngineFixture f;

    void run(Application &app, Command c, const Actor &actor, std::int64_t now)
    {
        auto r = Engine::execute(app, c, f.context(actor, now));
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
    }
    Command cmd(CommandKind kind, std::string caseId = {})
    {
        Command c;
        c.kind = kind;
        c.caseId = std::move(caseId);
        if (kind == CommandKind::Decide) {
            c.text = "同意";
            c.document = ResultDocument{"文号", "标题", "2025-10-10", "", ""};
        }
        if (kind == CommandKind::RequestSupplement)
            c.materials = {"A/M1"};
        return c;
    }
    /// Accepted on Fri 2025-09-26 with a stage limit of 10 workdays; every case claimed on 09-29.
    Application accepted()
    {
        Application app;
        Command s = cmd(CommandKind::Submit);
        s.submission = f.submission();
        s.submission->stageLimit = 10;
        run(app, s, f.applicant, at("2025-09-25"));
        run(app, cmd(CommandKind::Accept), f.clerk, at("2025-09-26"));
        run(app, cmd(CommandKind::Claim, "2025000001-1"), f.reviewerA, at("2025-09-29", 9));
        run(app, cmd(CommandKind::Claim, "2025000001-2"), f.reviewerB, at("2025-09-29", 9));
        run(app, cmd(CommandKind::Claim, "2025000001-3"), f.reviewerC, at("2025-09-29", 9));
        return app;
    }
    std::string deadline(const Application &app, std::int64_t now)
    {
        return isoDate(StageClock::of(app)->deadline(f.calendar(), now));
    }

private slots:
    void noClockBeforeAcceptance()
    {
        Application app;
        Command s = cmd(CommandKind::Submit);
        s.submission = f.submission();
        s.submission->stageLimit = 10;
        run(app, s, f.applicant, at("2025-09-25"));
        QVERIFY(!StageClock::of(app));
        QCOMPARE(app.stageLimit, 10);
    }

    void runsWhileAnyCaseRuns()
    {
        // A waits for the applicant from 09-30, but B and C are still being reviewed: the stage runs.
        Application app = accepted();
        run(app, cmd(CommandKind::RequestSupplement, "2025000001-1"), f.reviewerA, at("2025-09-30"));
        const auto clock = StageClock::of(app);
        QVERIFY(clock);
        QVERIFY(!clock->paused());
        // 10 workdays from 09-26 over the National Day break: 10-16.
        QCOMPARE(deadline(app, at("2025-10-09")), std::string("2025-10-16"));
        QCOMPARE(clock->used(f.calendar(), at("2025-10-09")), 4);
    }

    void waitsWhenEveryOpenCaseWaits()
    {
        // B and C are decided on 09-29; A waits for the applicant from 09-30 to 10-10: the stage
        // waits exactly then. The pause takes out 10-09 and 10-10 (the days after its first day up
        // to the day it ends), so the deadline moves two workdays, from 10-16 to 10-20.
        Application app = accepted();
        run(app, cmd(CommandKind::Decide, "2025000001-2"), f.reviewerB, at("2025-09-29", 11));
        run(app, cmd(CommandKind::Decide, "2025000001-3"), f.reviewerC, at("2025-09-29", 11));
        run(app, cmd(CommandKind::RequestSupplement, "2025000001-1"), f.reviewerA, at("2025-09-30"));
        QVERIFY(StageClock::of(app)->paused());
        QCOMPARE(StageClock::of(app)->used(f.calendar(), at("2025-10-09", 18)),
                 StageClock::of(app)->used(f.calendar(), at("2025-09-30", 18)));
        run(app, cmd(CommandKind::ProvideSupplement, "2025000001-1"), f.applicant, at("2025-10-10"));
        const auto clock = StageClock::of(app);
        QVERIFY(!clock->paused());
        QCOMPARE(clock->pauses().size(), std::size_t(1));
        QCOMPARE(deadline(app, at("2025-10-13")), std::string("2025-10-20"));
    }

    void waitsFromTheLastRunningDecision()
    {
        // A waits from 09-30, C is decided on 09-29, B keeps the stage running until its decision
        // on 10-09 10:00; from then until A's supplement on 10-10 the stage waits: only 10-10 is
        // taken out, and the deadline moves one workday to 10-17.
        Application app = accepted();
        run(app, cmd(CommandKind::Decide, "2025000001-3"), f.reviewerC, at("2025-09-29", 11));
        run(app, cmd(CommandKind::RequestSupplement, "2025000001-1"), f.reviewerA, at("2025-09-30"));
        run(app, cmd(CommandKind::Decide, "2025000001-2"), f.reviewerB, at("2025-10-09"));
        run(app, cmd(CommandKind::ProvideSupplement, "2025000001-1"), f.applicant, at("2025-10-10"));
        QCOMPARE(deadline(app, at("2025-10-13")), std::string("2025-10-17"));
    }

    void stopsAtTheConclusion()
    {
        Application app = accepted();
        run(app, cmd(CommandKind::Decide, "2025000001-1"), f.reviewerA, at("2025-10-09"));
        run(app, cmd(CommandKind::Decide, "2025000001-2"), f.reviewerB, at("2025-10-09"));
        run(app, cmd(CommandKind::Decide, "2025000001-3"), f.reviewerC, at("2025-10-10"));
        QCOMPARE_ENUM(app.status, ApplicationStatus::Concluded);
        const auto clock = StageClock::of(app);
        // Read at the conclusion: 9-28 9-29 9-30 10-9 10-10 = 5 used, normal.
        QCOMPARE(clock->used(f.calendar(), app.concludedAt), 5);
        QVERIFY(clock->level(f.calendar(), app.concludedAt) == Clock::Level::Normal);
        // The JSON form keeps the pinned limit.
        auto back = workflowjson::applicationFromJson(workflowjson::toJson(app));
        QVERIFY(back.ok());
        QCOMPARE(back.value().stageLimit, 10);
        QVERIFY(back.value() == app);
    }
};

QTEST_GUILESS_MAIN(TestStageClock)
#include "tst_stageclock.moc"
