// Special procedures across holidays, at the engine level with controllable instants: the real
// calendar files (national holidays and Xinjiang's regional ones) and the real seed catalog
// (650100-ZFTZFW). The server tests cannot move "now"; here the dates are chosen around the
// 2025 National Day break and the 2026 Spring Festival, and every expected deadline is counted
// by hand from resources/calendar/*.json in the comments.
#include "calendar/dates.h"
#include "workflow/catalog.h"
#include "workflow/engine.h"
#include "workflow/workflowjson.h"

#include <QTest>

#include <stdexcept>

using namespace spgl;

namespace {

std::int64_t at(const char *date, int hour)
{
    const auto d = parseIsoDate(date);
    if (!d)
        throw std::invalid_argument(date);
    return beijingMs(*d, hour);
}

const Actor kApplicant{"u-1", "乌鲁木齐城投 李娜", {"applicant"}, ""};
const Actor kClerk{"u-2", "政务服务中心 窗口", {"window_clerk"}, "11650100XZSP"};
const Actor kFgw{"u-3", "发展改革委 艾尔肯", {"reviewer"}, "11650100FGW"};
const Actor kZrzy{"u-4", "自然资源局 刘芳", {"reviewer"}, "11650100ZRZY"};
const Actor kSthj{"u-5", "生态环境局 王磊", {"reviewer"}, "11650100STHJ"};

} // namespace

class TestLifecycleCalendar : public QObject
{
    Q_OBJECT

private:
    WorkCalendar m_calendar;
    std::optional<Catalog> m_catalog;

    EngineContext context(const Actor &actor, std::int64_t now) const
    {
        EngineContext ctx;
        ctx.nowMs = now;
        ctx.actor = actor;
        ctx.calendar = &m_calendar;
        ctx.items = [this](std::string_view code, std::string_view version) { return m_catalog->item(code, version); };
        return ctx;
    }

    /// Runs a command that must succeed; returns the BLZT codes of its events.
    std::vector<int> run(Application &app, const Command &c, const Actor &actor, std::int64_t now)
    {
        auto r = Engine::execute(app, c, context(actor, now));
        if (!r.ok()) {
            qWarning("%s: %s", r.error().code.c_str(), r.error().message.c_str());
            return {};
        }
        std::vector<int> codes;
        for (const auto &e : r.value())
            codes.push_back(blzt(e.kind));
        return codes;
    }

    /// A stage of 650100-ZFTZFW submitted on @p submitted and accepted on @p accepted, with every
    /// required and tolerable material of @p itemCodes (the items that apply), in 天山区 650102.
    Application accepted(int stage, const std::vector<std::string> &itemCodes, std::int64_t submitted,
                         std::int64_t acceptedAt)
    {
        const ProcessDefinition *process = m_catalog->process("650100-ZFTZFW", "1.0");
        if (!process || !process->stage(stage))
            throw std::runtime_error("650100-ZFTZFW stage missing from the seed catalog");
        Application a;
        a.id = "20250926000001";
        a.projectId = "1";
        a.applicantId = kApplicant.id;
        a.regionCode = "650102";
        a.processCode = process->code;
        a.processVersion = process->version;
        a.stage = stage;
        a.completion = process->stage(stage)->completion;
        for (const auto &ref : process->stage(stage)->items)
            if (std::find(itemCodes.begin(), itemCodes.end(), ref.code) != itemCodes.end()) {
                a.items.push_back(ref);
                for (const auto &m : m_catalog->item(ref.code, ref.version)->materials)
                    if (m.requirement != MaterialDefinition::Requirement::Optional)
                        a.materials.push_back({ref.code, m.code, {}});
            }
        Application app;
        Command submit;
        submit.kind = CommandKind::Submit;
        submit.submission = a;
        if (run(app, submit, kApplicant, submitted) != std::vector<int>{1})
            throw std::runtime_error("submit failed");
        Command accept;
        accept.kind = CommandKind::Accept;
        if (run(app, accept, kClerk, acceptedAt) != std::vector<int>(itemCodes.size(), 3))
            throw std::runtime_error("accept failed");
        return app;
    }

    static Command caseCommand(CommandKind kind, const std::string &caseId, std::string text = {})
    {
        Command c;
        c.kind = kind;
        c.caseId = caseId;
        c.text = std::move(text);
        return c;
    }
    static Command suspend(const std::string &caseId, const std::string &kind)
    {
        Command c = caseCommand(CommandKind::StartSpecialProcedure, caseId, "需组织专家评审");
        c.procedure = kind;
        return c;
    }

    std::string deadline(const Application &app, const std::string &caseId, std::int64_t now) const
    {
        const ApprovalCase *k = app.findCase(caseId);
        return k && k->clock ? isoDate(k->clock->deadline(m_calendar, now)) : std::string("no clock");
    }

    const ApprovalCase &caseOf(const Application &app, const std::string &itemCode) const
    {
        for (const auto &k : app.cases)
            if (k.itemCode == itemCode)
                return k;
        throw std::runtime_error("no case for " + itemCode);
    }

private slots:
    void initTestCase()
    {
        auto calendar = WorkCalendar::fromFiles({SPGL_SOURCE_DIR "/resources/calendar/cn-national.json",
                                                 SPGL_SOURCE_DIR "/resources/calendar/xj-regional.json"});
        QVERIFY2(calendar.ok(), calendar.ok() ? "" : calendar.error().message.c_str());
        m_calendar = calendar.value();
        auto catalog = Catalog::fromFiles({SPGL_SOURCE_DIR "/resources/catalog/items.json",
                                           SPGL_SOURCE_DIR "/resources/catalog/forms.json",
                                           SPGL_SOURCE_DIR "/resources/catalog/processes.json"});
        QVERIFY2(catalog.ok(), catalog.ok() ? "" : catalog.error().message.c_str());
        m_catalog = std::move(catalog).value();
    }

    void expertReviewAcrossNationalDay2025()
    {
        // 可行性研究报告审批 (650100-FGW-002): promised 8 working days; its only special
        // procedure is expert_review.
        Application app = accepted(1, {"650100-FGW-001", "650100-FGW-002"}, at("2025-09-25", 16), at("2025-09-26", 10));
        const std::string id = caseOf(app, "650100-FGW-002").id;
        QCOMPARE(caseOf(app, "650100-FGW-002").clock->limit(), 8);

        // Without a pause. Accepted Friday 2025-09-26; the start day does not count. Working days
        // after it (cn-national 2025: 国庆节、中秋节 10-01..10-08 off, Sunday 09-28 and Saturday
        // 10-11 adjusted working days): 09-28 (1), 09-29 (2), 09-30 (3), 10-09 (4), 10-10 (5),
        // 10-11 (6), 10-13 (7), 10-14 (8) → deadline 2025-10-14.
        QCOMPARE(deadline(app, id, at("2025-09-26", 12)), std::string("2025-10-14"));

        QCOMPARE(run(app, caseCommand(CommandKind::Claim, id), kFgw, at("2025-09-28", 9)), std::vector<int>{8});
        // The item lists only expert_review: a hearing is not a procedure of this item.
        {
            auto refused = Engine::decide(app, suspend(id, "hearing"), context(kFgw, at("2025-09-29", 15)));
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, std::string("workflow.invalid"));
            QCOMPARE(refused.error().field, std::string("kind"));
        }
        // Expert review from Monday 2025-09-29 15:00 to Friday 2025-10-10 10:00, across the break.
        QCOMPARE(run(app, suspend(id, "expert_review"), kFgw, at("2025-09-29", 15)), std::vector<int>{9});
        QVERIFY(caseOf(app, "650100-FGW-002").clock->paused());
        QCOMPARE(caseOf(app, "650100-FGW-002").specialProcedures.at(0).kind, std::string("expert_review"));

        // During the break the clock stands: used stays at 09-28 and 09-29 (the day a pause
        // begins still counts as used).
        const Clock &running = *caseOf(app, "650100-FGW-002").clock;
        QCOMPARE(running.used(m_calendar, at("2025-10-05", 12)), 2);
        QCOMPARE(running.used(m_calendar, at("2025-10-09", 18)), 2);
        QCOMPARE(workflowjson::clockView(running, m_calendar, at("2025-10-05", 12))["paused"].get<bool>(), true);

        QCOMPARE(
            run(app, caseCommand(CommandKind::EndSpecialProcedure, id, "专家评审通过"), kFgw, at("2025-10-10", 10)),
            std::vector<int>{10});
        const Clock &clock = *caseOf(app, "650100-FGW-002").clock;
        QVERIFY(!clock.paused());
        // The pause takes out the days after 09-29 up to and including 10-10 (the day it ends
        // does not count): working days 09-30, 10-09, 10-10 = 3; the holiday days 10-01..10-08
        // were not working days anyway. Counted so far: 09-28 (1), 09-29 (2); then 10-11 (3),
        // 10-13 (4), 10-14 (5), 10-15 (6), 10-16 (7), 10-17 (8) → deadline 2025-10-17, three
        // working days after the unpaused 10-14.
        QCOMPARE(deadline(app, id, at("2025-10-13", 12)), std::string("2025-10-17"));
        const auto view = workflowjson::clockView(clock, m_calendar, at("2025-10-13", 12));
        QCOMPARE(view["paused_days"].get<int>(), 3);
        // On Monday 10-13: 09-28, 09-29, 10-11, 10-13 used; 10-14..10-17 remain.
        QCOMPARE(view["used_workdays"].get<int>(), 4);
        QCOMPARE(view["remaining"].get<int>(), 4);
        QCOMPARE(view["level"].get<std::string>(), std::string("normal"));
        // And the calendar agrees: 3 + 8 working days counted from the acceptance day.
        QCOMPARE(isoDate(m_calendar.addWorkdays(*parseIsoDate("2025-09-26"), 8 + 3, "650102")),
                 std::string("2025-10-17"));
    }

    void procedureInsideTheBreakTakesOutNothing()
    {
        // 建设项目用地预审与选址意见书 (650100-ZRZY-001): 10 working days, site_survey allowed.
        Application app = accepted(1, {"650100-ZRZY-001"}, at("2025-09-25", 16), at("2025-09-26", 10));
        const std::string id = caseOf(app, "650100-ZRZY-001").id;
        // 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13, 10-14, 10-15, 10-16 → 2025-10-16.
        QCOMPARE(deadline(app, id, at("2025-09-26", 12)), std::string("2025-10-16"));
        QCOMPARE(run(app, caseCommand(CommandKind::Claim, id), kZrzy, at("2025-09-30", 9)), std::vector<int>{8});
        // A site survey on 10-02 (a holiday) ending 10-08: the days after 10-02 up to 10-08 are
        // all days off, so no working day is taken out and the deadline does not move.
        QCOMPARE(run(app, suspend(id, "site_survey"), kZrzy, at("2025-10-02", 10)), std::vector<int>{9});
        QCOMPARE(run(app, caseCommand(CommandKind::EndSpecialProcedure, id, "勘察完毕"), kZrzy, at("2025-10-08", 16)),
                 std::vector<int>{10});
        QCOMPARE(deadline(app, id, at("2025-10-09", 12)), std::string("2025-10-16"));
        QCOMPARE(workflowjson::clockView(*caseOf(app, "650100-ZRZY-001").clock, m_calendar,
                                         at("2025-10-09", 12))["paused_days"]
                     .get<int>(),
                 0);
    }

    void expertReviewAcrossSpringFestival2026()
    {
        // 环境影响评价文件审批 (650100-STHJ-001): 15 working days; expert_review allowed.
        Application app = accepted(2, {"650100-STHJ-001"}, at("2026-02-09", 11), at("2026-02-10", 10));
        const std::string id = caseOf(app, "650100-STHJ-001").id;
        QCOMPARE(caseOf(app, "650100-STHJ-001").clock->limit(), 15);
        // Accepted Tuesday 2026-02-10. cn-national 2026: 春节 02-15..02-23 off, Saturdays 02-14
        // and 02-28 adjusted working days. Working days: 02-11 (1), 02-12 (2), 02-13 (3),
        // 02-14 (4), 02-24 (5), 02-25 (6), 02-26 (7), 02-27 (8), 02-28 (9), 03-02 (10),
        // 03-03 (11), 03-04 (12), 03-05 (13), 03-06 (14), 03-09 (15) → 2026-03-09.
        QCOMPARE(deadline(app, id, at("2026-02-10", 12)), std::string("2026-03-09"));

        QCOMPARE(run(app, caseCommand(CommandKind::Claim, id), kSthj, at("2026-02-11", 9)), std::vector<int>{8});
        // Expert review from Friday 02-13 15:00 to Wednesday 02-25 10:00.
        QCOMPARE(run(app, suspend(id, "expert_review"), kSthj, at("2026-02-13", 15)), std::vector<int>{9});
        QCOMPARE(caseOf(app, "650100-STHJ-001").clock->used(m_calendar, at("2026-02-20", 12)), 3);
        QCOMPARE(
            run(app, caseCommand(CommandKind::EndSpecialProcedure, id, "专家评审通过"), kSthj, at("2026-02-25", 10)),
            std::vector<int>{10});
        // Taken out: the days after 02-13 up to and including 02-25 — working days 02-14 (the
        // adjusted Saturday), 02-24 and 02-25 = 3. Counted: 02-11, 02-12, 02-13 (3); then
        // 02-26 (4), 02-27 (5), 02-28 (6), 03-02 (7), 03-03 (8), 03-04 (9), 03-05 (10),
        // 03-06 (11), 03-09 (12), 03-10 (13), 03-11 (14), 03-12 (15) → 2026-03-12.
        QCOMPARE(deadline(app, id, at("2026-02-26", 12)), std::string("2026-03-12"));
        const auto view
            = workflowjson::clockView(*caseOf(app, "650100-STHJ-001").clock, m_calendar, at("2026-02-26", 12));
        QCOMPARE(view["paused"].get<bool>(), false);
        QCOMPARE(view["paused_days"].get<int>(), 3);
        QCOMPARE(view["used_workdays"].get<int>(), 4);
    }

    void regionalHolidayCounts()
    {
        // The same 15 working days accepted Monday 2026-03-02 in 天山区: xj-regional 2026 gives
        // 肉孜节 03-20..03-22 (Friday to Sunday), so Friday 03-20 is not a working day in 65xxxx.
        // 03-03 (1) … 03-06 (4), 03-09 … 03-13 (9), 03-16 … 03-19 (13), 03-23 (14), 03-24 (15)
        // → 2026-03-24 (nationally it would be 03-23).
        Application app = accepted(2, {"650100-STHJ-001"}, at("2026-03-02", 9), at("2026-03-02", 11));
        QCOMPARE(deadline(app, app.cases.at(0).id, at("2026-03-02", 12)), std::string("2026-03-24"));
        QCOMPARE(isoDate(m_calendar.addWorkdays(*parseIsoDate("2026-03-02"), 15, "110101")), std::string("2026-03-23"));
    }
};

QTEST_GUILESS_MAIN(TestLifecycleCalendar)
#include "tst_lifecyclecalendar.moc"
