// One project of 650100-ZFTZFW (政府投资房屋建筑类) through all four stages over the REST API, on
// both backends: online submission, 补正 before acceptance, 容缺 acceptance, parallel review in
// several departments, a consultation, a special procedure, a disapproval with its delivery and
// a resubmission, stage conclusions and unified delivery. Every step checks states, BLZT codes,
// clocks against the calendar endpoint, who holds the file, notifications and the audit log.
#include "portal.h"

#include <QtTest>

#include <algorithm>

using nlohmann::json;
using namespace spgl::test;

namespace {

/// The national handling state (BLZT) of every event kind (DOMAIN.md, event.h).
const std::map<std::string, int> kBlzt = {
    {"received", 1},
    {"withdrawn", 2},
    {"accepted", 3},
    {"refused", 5},
    {"supplement_requested", 6},
    {"supplement_provided", 7},
    {"claimed", 8},
    {"opinion_added", 8},
    {"consultation_requested", 8},
    {"consultation_replied", 8},
    {"special_procedure_started", 9},
    {"special_procedure_ended", 10},
    {"approved", 11},
    {"approved_tolerated", 12},
    {"disapproved", 13},
    {"stage_concluded", 11},
    {"stage_not_passed", 13},
    {"delivered", 11},
};

std::vector<std::string> kinds(const json &events)
{
    std::vector<std::string> out;
    for (const auto &e : events)
        out.push_back(e.value("kind", std::string()));
    return out;
}

QString joined(const std::vector<std::string> &list)
{
    QStringList out;
    for (const auto &s : list)
        out << QString::fromStdString(s);
    return out.join(QStringLiteral(", "));
}

/// A 政府投资 school building in 天山区, as the applicant files it.
json projectBody(const std::string &code, const std::string &name)
{
    return {{"project_code", code},
            {"name", name},
            {"region_code", "650102"},
            {"process_type", 1},
            {"approval_type", 1},
            {"investment", "128005000.00"},
            {"land_area", 15200.5},
            {"building_area", 32150.0},
            {"builder_name", "乌鲁木齐城市建设投资（集团）有限公司"},
            {"builder_credit_code", "91350100M000100Y43"},
            {"address", "乌鲁木齐市天山区解放南路 88 号"}};
}

const json *findCase(const json &app, const std::string &itemCode)
{
    for (const auto &k : app["cases"])
        if (k["item_code"] == itemCode)
            return &k;
    return nullptr;
}

} // namespace

class tst_Lifecycle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The deadline scan every second: the 容缺 follow-up below waits for it.
        QVERIFY2(m_server.start({QStringLiteral("--clock-scan=1")}), qPrintable(m_server.lastError()));
        const std::map<std::string, std::string> staff = {{"clerk", "11650100XZSP"},
                                                          {"reviewer", "11650100ZJJ"},
                                                          {"head", "11650100ZJJ"},
                                                          {"rev.fgw", "11650100FGW"},
                                                          {"rev.zrzy", "11650100ZRZY"},
                                                          {"rev.sthj", "11650100STHJ"},
                                                          {"rev.swj", "11650100SWJ"},
                                                          {"rev.jtys", "11650100JTYS"},
                                                          {"rev.rfb", "11650100RFB"},
                                                          {"rev.xfjy", "11650100XFJY"},
                                                          {"rev.csgl", "11650100CSGL"},
                                                          {"rev.dag", "11650100DAG"},
                                                          {"applicant", ""},
                                                          {"admin", ""},
                                                          {"supervisor", ""}};
        for (const auto &[name, dept] : staff) {
            Session s = loginAs(m_server, name);
            QVERIFY2(!s.token.empty(), name.c_str());
            s.department = dept;
            m_users[name] = s;
        }
        for (const auto &[name, s] : m_users)
            if (!s.department.empty() && name != "clerk" && name != "head")
                m_reviewerOf[s.department] = name;

        const auto created = m_server.postJson(
            "/api/v1/projects", projectBody("2025-650102-47-01-000123", "乌鲁木齐市第一百三十六中学新建教学楼项目"),
            user("applicant").token);
        QCOMPARE_STATUS(created, 201);
        m_project = created.json();
        QCOMPARE(m_project["process_type"], 1);

        // Real files for a few materials (the rest are paper originals checked at the window).
        int seed = 1;
        for (const char *key : {"650100-FGW-001/M01", "650100-FGW-001/M02", "650100-FGW-002/M02", "650100-ZRZY-004/M02",
                                "650100-ZJJ-001/M02", "650100-ZJJ-005/M02"}) {
            const std::string content = pdfBytes(std::size_t(20000 + 997 * seed), std::uint32_t(seed * 7919));
            const std::string sha
                = uploadFile(m_server, user("applicant").token,
                             std::string(key).substr(7, 3) + "-" + std::to_string(seed) + ".pdf", content);
            QCOMPARE(sha, sha256Hex(content));
            m_files[key] = sha;
            ++seed;
        }
    }

    void stageOrderIsEnforced()
    {
        for (int stage : {2, 3, 4}) {
            const json guide = stageGuide(m_server, stage);
            QVERIFY(guide.is_object());
            const json form = fillForm(guide["form"], m_project);
            const auto reply = m_server.postJson(
                "/api/v1/applications",
                {{"project_id", m_project["id"]}, {"stage", stage}, {"form", form}, {"materials", json::array()}},
                user("applicant").token);
            QCOMPARE_STATUS(reply, 422);
            QVERIFY(reply.isProblem());
            QCOMPARE(reply.json()["errors"][0]["field"], "stage");
        }
    }

    void stage1SupplementBeforeAcceptance()
    {
        // The applicant leaves out a required material; the window asks for it before accepting.
        const std::string missing = "650100-FGW-001/M03";
        m_app1 = submitStage(1, json::object(), {missing});
        QVERIFY(!m_app1.empty());

        // Not complete: acceptance is refused with the material named.
        auto reply = appCommand(m_app1, "accept", {{"opinion", "材料齐全，予以受理"}}, "clerk");
        QCOMPARE_STATUS(reply, 422);
        QVERIFY(reply.isProblem());
        QCOMPARE(reply.json()["errors"][0]["field"], "materials");

        reply
            = appCommand(m_app1, "request-supplement",
                         {{"missing_materials", {missing}}, {"opinion", "缺少项目单位统一社会信用代码证明"}}, "clerk");
        QCOMPARE_STATUS(reply, 200);
        json app = reply.json();
        QCOMPARE(app["status"], "supplement_requested");
        QCOMPARE(kinds(app["events"]), std::vector<std::string>{"supplement_requested"});
        QCOMPARE(app["events"][0]["blzt"], 6);
        QCOMPARE(app["events"][0]["materials"], json::array({missing}));
        QCOMPARE(app["holders"].size(), std::size_t(1));
        QCOMPARE(app["holders"][0]["who"], "申请人");
        QCOMPARE(app["holders"][0]["action"], "待补正");
        QVERIFY(app["cases"].empty());

        // The applicant is told which material, by name.
        const json note = notification("applicant", m_app1, "supplement");
        QVERIFY2(note.is_object(), "no supplement notification for the applicant");
        QVERIFY(QString::fromStdString(note["message"]).contains(QStringLiteral("项目单位统一社会信用代码证明")));

        // While the applicant holds it, the window cannot accept.
        reply = appCommand(m_app1, "accept", json::object(), "clerk");
        QCOMPARE_STATUS(reply, 409);
        QCOMPARE(reply.json()["current"]["status"], "supplement_requested");

        // The applicant supplies it with a file.
        reply = appCommand(m_app1, "supplement", {{"materials", {missing}}, {"opinion", "已补交信用代码证明"}},
                           "applicant");
        QCOMPARE_STATUS(reply, 200);
        app = reply.json();
        QCOMPARE(app["status"], "submitted");
        QCOMPARE(kinds(app["events"]), std::vector<std::string>{"supplement_provided"});
        QCOMPARE(app["events"][0]["blzt"], 7);
        QCOMPARE(app["holders"][0]["who"], "综合窗口");
        QCOMPARE(app["holders"][0]["action"], "待受理");
        QVERIFY(notification("clerk", m_app1, "supplemented").is_object());
        // The supplied material is now on file: a portal shows it, the window checks it.
        bool onFile = false;
        for (const auto &m : app["materials"])
            onFile = onFile
                     || (m.value("item_code", std::string()) + "/"
                         + m.value("material_code", m.value("code", std::string())))
                            == missing;
        QVERIFY2(onFile, qPrintable(QStringLiteral("materials after the supplement: ")
                                    + QString::fromStdString(app["materials"].dump())));
    }

    void stage1AcceptAndParallelReview()
    {
        QVERIFY(!m_app1.empty());
        json app = acceptAndCheck(m_app1, {});
        QVERIFY(!app.is_null());
        QCOMPARE(app["cases"].size(), std::size_t(5)); // land_supply allocation: 用地预审 applies

        // Who holds it: five departments, nobody has signed yet.
        QCOMPARE(app["holders"].size(), std::size_t(5));
        for (const auto &h : app["holders"])
            QCOMPARE(h["action"], "待签收");

        // The reviewers see their new cases; the applicant does not see department work items.
        const std::string fgwCase = (*findCase(app, "650100-FGW-002"))["id"];
        const std::string zrzyCase = (*findCase(app, "650100-ZRZY-002"))["id"];
        QVERIFY(notificationFor("rev.fgw", fgwCase, "new_case").is_object());
        QVERIFY(notificationFor("rev.zrzy", zrzyCase, "new_case").is_object());
        QVERIFY(!notificationFor("rev.fgw", zrzyCase, "new_case").is_object());
        QVERIFY(!notificationFor("applicant", fgwCase, "new_case").is_object());

        // Another department's reviewer cannot sign for it.
        auto reply = caseCommand(fgwCase, "claim", json::object(), "rev.zrzy");
        QCOMPARE_STATUS(reply, 403);

        claimAll(m_app1);
        app = getApp(m_app1);
        for (const auto &h : app["holders"]) {
            QCOMPARE(h["action"], "审查中");
            QVERIFY(!h["person"].get<std::string>().empty());
        }

        // An opinion on a 自然资源 case.
        reply = caseCommand(zrzyCase, "opinions", {{"opinion", "宗地界址清楚，规划条件明确"}}, "rev.zrzy");
        QCOMPARE_STATUS(reply, 200);
        QCOMPARE(kinds(reply.json()["events"]), std::vector<std::string>{"opinion_added"});
        QCOMPARE(reply.json()["events"][0]["blzt"], 8);
        QCOMPARE(reply.json()["opinions"], 1);
    }

    void stage1Consultation()
    {
        const json app = getApp(m_app1);
        const std::string fgwCase = (*findCase(app, "650100-FGW-002"))["id"];
        auto reply = caseCommand(
            fgwCase, "consultations",
            {{"department", "11650100ZRZY"}, {"question", "请就项目用地是否符合国土空间规划提出意见"}}, "rev.fgw");
        QCOMPARE_STATUS(reply, 200);
        json k = reply.json();
        QCOMPARE(kinds(k["events"]), std::vector<std::string>{"consultation_requested"});
        QCOMPARE(k["events"][0]["blzt"], 8);
        const std::string cid = k["events"][0]["ref"];
        QVERIFY(!cid.empty());
        QCOMPARE(k["consultations"].size(), std::size_t(1));
        QCOMPARE(k["consultations"][0]["to_department"], "11650100ZRZY");
        QCOMPARE(k["consultations"][0]["from_department"], "11650100FGW");
        QCOMPARE(k["status"], "in_progress"); // a consultation keeps the case's status

        // The consulted department is told; the asking department and others are not.
        QVERIFY(notificationFor("rev.zrzy", fgwCase, "consultation").is_object());
        QVERIFY(!notificationFor("rev.sthj", fgwCase, "consultation").is_object());

        // Only the consulted department answers.
        reply = caseCommand(fgwCase, "consultations/" + cid + "/reply", {{"answer", "x"}}, "rev.sthj", cid);
        QCOMPARE_STATUS(reply, 403);
        reply = caseCommand(fgwCase, "consultations/" + cid + "/reply",
                            {{"answer", "项目选址符合国土空间总体规划，同意"}}, "rev.zrzy", cid);
        QCOMPARE_STATUS(reply, 200);
        k = reply.json();
        QCOMPARE(kinds(k["events"]), std::vector<std::string>{"consultation_replied"});
        QCOMPARE(k["events"][0]["blzt"], 8);
        QCOMPARE(k["events"][0]["department"], "11650100ZRZY");
        QCOMPARE(k["consultations"][0]["answer"], "项目选址符合国土空间总体规划，同意");
        QVERIFY(notificationFor("rev.fgw", fgwCase, "consultation_reply").is_object());
        // Answered once.
        reply = caseCommand(fgwCase, "consultations/" + cid + "/reply", {{"answer", "再次回复"}}, "rev.zrzy", cid);
        QCOMPARE_STATUS(reply, 409);
    }

    void stage1SpecialProcedure()
    {
        const json app = getApp(m_app1);
        const json fgw = *findCase(app, "650100-FGW-002");
        const std::string caseId = fgw["id"];
        const auto item = m_server.get("/api/v1/catalog/items/650100-FGW-002");
        QCOMPARE_STATUS(item, 200);
        QCOMPARE(item.json()["special_procedures"].size(), std::size_t(1));
        const std::string kind = item.json()["special_procedures"][0]["kind"];
        QCOMPARE(kind, std::string("expert_review"));

        // A kind the item does not list is refused.
        auto reply = caseCommand(caseId, "suspend", {{"kind", "hearing"}, {"reason", "需组织听证"}}, "rev.fgw");
        QCOMPARE_STATUS(reply, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "kind");

        const json before = fgw["clock"];
        QCOMPARE(before["paused"], false);
        reply
            = caseCommand(caseId, "suspend", {{"kind", kind}, {"reason", "可研报告投资估算需组织专家评审"}}, "rev.fgw");
        QCOMPARE_STATUS(reply, 200);
        json k = reply.json();
        QCOMPARE(kinds(k["events"]), std::vector<std::string>{"special_procedure_started"});
        QCOMPARE(k["events"][0]["blzt"], 9);
        QCOMPARE(k["events"][0]["ref"], kind);
        QCOMPARE(k["status"], "special_procedure");
        QCOMPARE(k["clock"]["paused"], true);
        QCOMPARE(k["special_procedures"].size(), std::size_t(1));
        QCOMPARE(k["special_procedures"][0]["kind"], kind);
        QCOMPARE(k["special_procedures"][0]["limit"], item.json()["special_procedures"][0]["limit"]);
        // The file is held in the special procedure.
        bool held = false;
        const json holders = getApp(m_app1)["holders"];
        for (const auto &h : holders)
            held = held || (h["case_id"] == caseId && h["action"] == "特别程序中");
        QVERIFY2(held, holders.dump().c_str());
        // No decision while suspended.
        reply = caseCommand(caseId, "decide",
                            {{"outcome", "approved"},
                             {"opinion", "同意"},
                             {"document", resultDocument("乌发改投资〔2026〕1号", "可研批复", today())}},
                            "rev.fgw");
        QCOMPARE_STATUS(reply, 409);
        QCOMPARE(reply.json()["current"]["status"], "special_procedure");

        reply = caseCommand(caseId, "resume", {{"result", "专家评审通过，核减投资估算 3%"}}, "rev.fgw");
        QCOMPARE_STATUS(reply, 200);
        k = reply.json();
        QCOMPARE(kinds(k["events"]), std::vector<std::string>{"special_procedure_ended"});
        QCOMPARE(k["events"][0]["blzt"], 10);
        QCOMPARE(k["status"], "in_progress");
        QCOMPARE(k["clock"]["paused"], false);
        QVERIFY(k["special_procedures"][0]["ended_at"].is_string());
        // The procedure's own limit gives it a deadline; ended the same day, it did not run over.
        QCOMPARE(
            k["special_procedures"][0]["deadline"].get<std::string>(),
            calendarDeadline(k["special_procedures"][0]["started_at"], k["special_procedures"][0]["limit"].get<int>()));
        QCOMPARE(k["special_procedures"][0]["overdue"], false);
        // A pause that begins and ends on the same day takes out nothing (Clock day rules).
        QCOMPARE(k["clock"]["deadline"], before["deadline"]);
        QCOMPARE(k["clock"]["used_workdays"], before["used_workdays"]);
        QCOMPARE(k["clock"]["paused_days"], 0);
        QCOMPARE(k["clock"]["deadline"].get<std::string>(),
                 calendarDeadline(k["clock"]["start"], k["clock"]["limit"].get<int>()));
    }

    void stage1ConcludeAndDeliver()
    {
        const json app = decideAll(m_app1, {}, "stage_concluded");
        QVERIFY(!app.is_null());
        QCOMPARE(app["status"], "concluded");
        QVERIFY(!app["concluded_at"].is_null());
        QCOMPARE(app["holders"].size(), std::size_t(1));
        QCOMPARE(app["holders"][0]["who"], "综合窗口");
        QCOMPARE(app["holders"][0]["action"], "待出件");
        for (const auto &k : app["cases"]) {
            QCOMPARE(k["status"], "approved");
            QCOMPARE(k["clock"]["level"], "done");
        }
        QVERIFY(notification("applicant", m_app1, "concluded").is_object());
        QVERIFY(notification("clerk", m_app1, "to_deliver").is_object());
        QVERIFY(deliver(m_app1, "online"));
        QVERIFY(checkTimeline(m_app1));
    }

    void stage2ToleratedAcceptance()
    {
        const std::string tolerated = "650100-ZRZY-005/M06";
        m_app2 = submitStage(2, {{"has_basement", false}}, {tolerated});
        QVERIFY(!m_app2.empty());

        // Missing a tolerable material without 容缺 is incomplete.
        auto reply = appCommand(m_app2, "accept", json::object(), "clerk");
        QCOMPARE_STATUS(reply, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "materials");
        // Only tolerable materials of items that allow it may be tolerated.
        reply = appCommand(m_app2, "accept", {{"tolerated", {tolerated, "650100-STHJ-001/M02"}}}, "clerk");
        QCOMPARE_STATUS(reply, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "tolerated");
        // A material handed in needs no tolerance.
        reply = appCommand(m_app2, "accept", {{"tolerated", {tolerated, "650100-ZRZY-005/M05"}}}, "clerk");
        QCOMPARE_STATUS(reply, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "tolerated");

        // A unit on the 失信 list gets no 容缺 (the administrator lists it from the credit platform).
        const std::string builder = m_project["builder_credit_code"];
        reply = m_server.postJson(
            "/api/v1/credit/blacklist",
            {{"credit_code", builder}, {"reason", "拖欠农民工工资"}, {"source", "信用中国（新疆）通报"}},
            user("admin").token);
        QCOMPARE_STATUS(reply, 201);
        reply = appCommand(m_app2, "accept", {{"tolerated", {tolerated}}}, "clerk");
        QCOMPARE_STATUS(reply, 403);
        QVERIFY(reply.json()["detail"].get<std::string>().find("失信") != std::string::npos);
        reply = m_server.postJson("/api/v1/credit/blacklist/" + builder + "/lift", {{"reason", "已履行，信用修复"}},
                                  user("admin").token);
        QCOMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json()["listed"], false);

        const json app = acceptAndCheck(m_app2, {tolerated});
        QVERIFY(!app.is_null());
        QCOMPARE(app["cases"].size(), std::size_t(7)); // no basement: 防空地下室易地建设 applies
        const json k = *findCase(app, "650100-ZRZY-005");
        QCOMPARE(k["tolerated_materials"], json::array({tolerated}));
        // 容缺 deadline: 30 working days (the item's tolerance_days) after acceptance.
        QCOMPARE(k["tolerance_deadline"].get<std::string>(), calendarDeadline(app["accepted_at"], 30));
        for (const auto &other : app["cases"])
            if (other["id"] != k["id"]) {
                QVERIFY(other["tolerated_materials"].empty());
                QCOMPARE(other["tolerance_deadline"], "");
            }
        claimAll(m_app2);
    }

    void stage2ToleranceDeadlineIsFollowedUp()
    {
        // The due day passes (moved into the past here: the scan compares it with today in Beijing).
        const std::string caseId = (*findCase(getApp(m_app2), "650100-ZRZY-005"))["id"];
        QVERIFY(notificationFor("applicant", caseId, "tolerance_overdue").is_null());
        m_server.sql("UPDATE cases SET tolerance_due = '2025-01-02' WHERE id = '" + caseId + "'");
        json toApplicant;
        for (int i = 0; i < 200 && toApplicant.is_null(); ++i) {
            QThread::msleep(100);
            toApplicant = notificationFor("applicant", caseId, "tolerance_overdue");
        }
        QVERIFY2(toApplicant.is_object(), "the scan did not notify the applicant of the overdue 容缺 materials");
        QVERIFY(toApplicant["message"].get<std::string>().find("2025-01-02") != std::string::npos);
        QVERIFY(notificationFor("rev.zrzy", caseId, "tolerance_overdue").is_object());
        // Once, not at every scan.
        QThread::msleep(2500);
        const auto rows = m_server.sql("SELECT COUNT(*) FROM notifications WHERE kind = 'tolerance_overdue' AND "
                                       "case_id = '"
                                       + caseId + "'");
        QCOMPARE(rows.at(0).at(0), std::string("2"));
        // Other cases of the application tolerated nothing and are left alone.
        QCOMPARE(m_server.sql("SELECT COUNT(*) FROM notifications WHERE kind = 'tolerance_overdue'").at(0).at(0),
                 std::string("2"));
    }

    void stage2NotPassedDeliveredAndResubmitted()
    {
        // 环评 disapproved, 规划许可 approved with the tolerated material outstanding.
        json app = decideAll(m_app2, {{"650100-STHJ-001", "disapproved"}, {"650100-ZRZY-005", "approved_tolerated"}},
                             "stage_not_passed");
        QVERIFY(!app.is_null());
        QCOMPARE(app["status"], "not_passed");
        QCOMPARE((*findCase(app, "650100-STHJ-001"))["status"], "disapproved");
        QCOMPARE((*findCase(app, "650100-ZRZY-005"))["status"], "approved_tolerated");
        QCOMPARE(app["holders"][0]["action"], "待出件");
        QVERIFY(notification("applicant", m_app2, "not_passed").is_object());

        // The next stage waits for this one.
        json guide = stageGuide(m_server, 3);
        auto reply = m_server.postJson("/api/v1/applications",
                                       {{"project_id", m_project["id"]},
                                        {"stage", 3},
                                        {"form", fillForm(guide["form"], m_project)},
                                        {"materials", json::array()}},
                                       user("applicant").token);
        QCOMPARE_STATUS(reply, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "stage");

        QVERIFY(deliver(m_app2, "in_person"));
        QVERIFY(notification("applicant", m_app2, "delivered").is_object());
        QVERIFY(checkTimeline(m_app2));

        // Resubmitted with the environmental report reworked and every material: passes.
        m_app2b = submitStage(2, {{"has_basement", false}}, {});
        QVERIFY(!m_app2b.empty());
        QVERIFY(m_app2b != m_app2);
        app = acceptAndCheck(m_app2b, {});
        QVERIFY(!app.is_null());
        claimAll(m_app2b);
        app = decideAll(m_app2b, {}, "stage_concluded");
        QVERIFY(!app.is_null());
        QCOMPARE(app["status"], "concluded");
        QVERIFY(deliver(m_app2b, "post"));
        QVERIFY(checkTimeline(m_app2b));
    }

    void stage3()
    {
        m_app3 = submitStage(3, json::object(), {});
        QVERIFY(!m_app3.empty());
        json app = acceptAndCheck(m_app3, {});
        QVERIFY(!app.is_null());
        QCOMPARE(app["cases"].size(), std::size_t(4));
        claimAll(m_app3);

        // 补正 after acceptance pauses the clock of that case only.
        const std::string id = (*findCase(app, "650100-ZJJ-001"))["id"];
        const json before = (*findCase(getApp(m_app3), "650100-ZJJ-001"))["clock"];
        auto reply = caseCommand(
            id, "request-supplement",
            {{"missing_materials", {"650100-ZJJ-001/M03"}}, {"opinion", "岩土工程勘察报告缺少签章页"}}, "reviewer");
        QCOMPARE_STATUS(reply, 200);
        json k = reply.json();
        QCOMPARE(kinds(k["events"]), std::vector<std::string>{"supplement_requested"});
        QCOMPARE(k["events"][0]["blzt"], 6);
        QCOMPARE(k["status"], "supplement");
        QCOMPARE(k["clock"]["paused"], true);
        QCOMPARE(k["supplement_materials"], json::array({"650100-ZJJ-001/M03"}));
        json holders = getApp(m_app3)["holders"];
        bool waiting = false;
        for (const auto &h : holders)
            waiting = waiting || (h["case_id"] == id && h["action"] == "等待申请人补正");
        QVERIFY2(waiting, holders.dump().c_str());
        const json note = notificationFor("applicant", id, "supplement");
        QVERIFY2(note.is_object(), "the applicant was not told of the case's supplement request");
        QVERIFY(QString::fromStdString(note["message"]).contains(QStringLiteral("岩土工程勘察报告")));
        reply = caseCommand(id, "decide",
                            {{"outcome", "approved"},
                             {"opinion", "同意"},
                             {"document", resultDocument("乌建审〔2026〕1号", "施工图审查", today())}},
                            "reviewer");
        QCOMPARE_STATUS(reply, 409);
        // Only the owner (or the window) supplies.
        reply = caseCommand(id, "supplement", {{"materials", {"650100-ZJJ-001/M03"}}}, "rev.fgw");
        QCOMPARE_STATUS(reply, 403);
        reply = caseCommand(id, "supplement", {{"materials", {"650100-ZJJ-001/M03"}}, {"opinion", "已补签章页"}},
                            "applicant");
        QCOMPARE_STATUS(reply, 200);
        k = reply.json();
        QCOMPARE(kinds(k["events"]), std::vector<std::string>{"supplement_provided"});
        QCOMPARE(k["events"][0]["blzt"], 7);
        QCOMPARE(k["status"], "in_progress");
        QCOMPARE(k["clock"]["paused"], false);
        QCOMPARE(k["clock"]["deadline"], before["deadline"]); // same day: nothing taken out
        QVERIFY(notificationFor("reviewer", id, "supplemented").is_object());

        // The reviewer's own queue.
        const auto mine = m_server.get("/api/v1/cases?assignee=me&state=in_progress", user("reviewer").token);
        QCOMPARE_STATUS(mine, 200);
        std::set<std::string> queue;
        const json queued = mine.json();
        for (const auto &c : queued["items"]) {
            QCOMPARE(c["department"], "11650100ZJJ");
            queue.insert(c["id"].get<std::string>());
        }
        for (const auto &c : app["cases"])
            QVERIFY2(queue.count(c["id"].get<std::string>()) == std::size_t(c["department"] == "11650100ZJJ" ? 1 : 0),
                     qPrintable(QString::fromStdString(c["id"].get<std::string>() + " in " + mine.body)));

        // The 住建 head decides a case his reviewer signed for.
        app = decideAll(m_app3, {}, "stage_concluded", "head");
        QVERIFY(!app.is_null());
        QVERIFY(deliver(m_app3, "online"));
        QVERIFY(checkTimeline(m_app3));
    }

    void stage4()
    {
        m_app4 = submitStage(4, json::object(), {});
        QVERIFY(!m_app4.empty());
        json app = acceptAndCheck(m_app4, {});
        QVERIFY(!app.is_null());
        QCOMPARE(app["cases"].size(), std::size_t(6));
        claimAll(m_app4);
        app = decideAll(m_app4, {}, "stage_concluded");
        QVERIFY(!app.is_null());
        QVERIFY(deliver(m_app4, "in_person"));
        QVERIFY(checkTimeline(m_app4));

        // The project shows its five applications; a passed stage is not filed again.
        const auto project
            = m_server.get("/api/v1/projects/" + m_project["id"].get<std::string>(), user("applicant").token);
        QCOMPARE_STATUS(project, 200);
        QCOMPARE(project.json()["applications"].size(), std::size_t(5));
        QCOMPARE(project.json()["current_stage"], 4);
        const json guide = stageGuide(m_server, 1);
        const auto again = m_server.postJson("/api/v1/applications",
                                             {{"project_id", m_project["id"]},
                                              {"stage", 1},
                                              {"form", fillForm(guide["form"], m_project)},
                                              {"materials", json::array()}},
                                             user("applicant").token);
        QCOMPARE_STATUS(again, 409);
    }

    void notificationsStayInTheirLane()
    {
        // The applicant: only their own applications, only applicant kinds.
        const std::set<std::string> applicantKinds
            = {"supplement", "concluded", "not_passed", "delivered", "refused", "tolerance_overdue"};
        const json mine = notifications("applicant");
        QVERIFY(!mine.empty());
        for (const auto &n : mine) {
            QVERIFY2(applicantKinds.count(n["kind"].get<std::string>()), n.dump().c_str());
            QVERIFY(m_appIds.count(n["application_id"].get<std::string>()));
        }
        for (const auto &[app, kind] : std::vector<std::pair<std::string, std::string>>{{m_app1, "delivered"},
                                                                                        {m_app2, "delivered"},
                                                                                        {m_app2b, "concluded"},
                                                                                        {m_app3, "delivered"},
                                                                                        {m_app4, "delivered"}})
            QVERIFY2(notification("applicant", app, kind).is_object(), (app + " " + kind).c_str());

        // A department reviewer: only cases of their department (and consultations addressed to it).
        for (const std::string name : {"rev.fgw", "rev.sthj", "rev.dag", "reviewer"}) {
            const json list = notifications(name);
            QVERIFY2(!list.empty(), name.c_str());
            for (const auto &n : list) {
                const std::string caseId = n["case_id"].is_string() ? n["case_id"].get<std::string>() : "";
                QVERIFY2(!caseId.empty(), n.dump().c_str());
                if (n["kind"] != "consultation")
                    QCOMPARE(m_caseDept[caseId], user(name).department);
            }
        }
    }

    void auditLogHasOneRowPerCommand()
    {
        // Requests refused by the route's role check (before the handler names its target) are
        // logged with the request path as target: both name the same application or case.
        const auto rows = m_server.sql(
            "SELECT action, target, result FROM audit_log WHERE target LIKE 'application:%' OR target LIKE 'case:%' "
            "OR target LIKE '/api/v1/applications/%' OR target LIKE '/api/v1/cases/%' ORDER BY id");
        std::vector<std::string> actual;
        for (const auto &r : rows) {
            std::string target = r[1];
            for (const auto &[prefix, kind] :
                 {std::pair<std::string, std::string>{"/api/v1/applications/", "application:"},
                  {"/api/v1/cases/", "case:"}})
                if (target.rfind(prefix, 0) == 0) {
                    const std::string rest = target.substr(prefix.size());
                    target = kind + rest.substr(0, rest.find('/'));
                }
            actual.push_back(r[0] + " " + target + " " + r[2]);
        }
        for (std::size_t i = 0; i < std::max(actual.size(), m_audit.size()); ++i) {
            const std::string a = i < actual.size() ? actual[i] : "(none)";
            const std::string e = i < m_audit.size() ? m_audit[i] : "(none)";
            QVERIFY2(a == e, qPrintable(QStringLiteral("audit row %1: %2, expected %3")
                                            .arg(i)
                                            .arg(QString::fromStdString(a), QString::fromStdString(e))));
        }
        const auto verify = m_server.get("/api/v1/audit/verify", user("admin").token);
        QCOMPARE_STATUS(verify, 200);
        QCOMPARE(verify.json()["ok"], true);
    }

    void specialProcedurePausesTheClockAcrossNationalDay()
    {
        // A special procedure that begins before 国庆 2026 and ends after it, through the API on a
        // server of its own whose clock is set to each day of the story (--now, restarted between
        // days). resources/calendar/cn-national.json, 2026: 中秋 Fri 9-25 – Sun 9-27 and 国庆
        // Thu 10-1 – Wed 10-7 off; Sun 9-20 and Sat 10-10 worked (调休). The working days around it:
        //   Mon 9-28 | Tue 9-29 | Wed 9-30 | (10-1 … 10-7 off) | Thu 10-8 | Fri 10-9 | Sat 10-10 (调休)
        //   | (Sun 10-11 off) | Mon 10-12 | 10-13 | 10-14 | 10-15 | 10-16 | (10-17, 10-18 off) | Mon 10-19
        // 650100-FGW-002 (可研批复) promises 8 working days; its special procedure 专家评审 has 10.
        const std::string item = "650100-FGW-002";
        TestServer server;
        auto startAt = [&server](const char *instant) {
            if (server.running() && server.stop() != 0)
                return false;
            return server.start({QStringLiteral("--clock-scan=0"), QStringLiteral("--now=") + QLatin1String(instant)});
        };
        auto caseNow = [&](const std::string &token, const std::string &appId) {
            const auto reply = server.get("/api/v1/applications/" + appId, token);
            const json app = reply.status == 200 ? reply.json() : json::object();
            const json *k = findCase(app, item);
            return k ? *k : json();
        };

        // Mon 9-28 10:00: filed and accepted. Deadline: the 8th working day after 9-28 is 10-14
        // (9-29, 9-30, 10-8, 10-9, 10-10, 10-12, 10-13, 10-14).
        QVERIFY2(startAt("2026-09-28T10:00:00+08:00"), qPrintable(server.lastError()));
        const Session applicant = loginAs(server, "applicant");
        const Session clerk = loginAs(server, "clerk");
        const Session fgw = loginAs(server, "rev.fgw");
        QVERIFY(!applicant.token.empty() && !clerk.token.empty() && !fgw.token.empty());
        auto reply = server.postJson("/api/v1/projects",
                                     projectBody("2026-650102-47-01-000929", "乌鲁木齐市国庆假期计时测试项目"),
                                     applicant.token);
        QCOMPARE_STATUS(reply, 201);
        const json project = reply.json();
        const json guide = stageGuide(server, 1);
        QVERIFY(guide.is_object());
        const json form = fillForm(guide["form"], project);
        reply = server.postJson("/api/v1/applications",
                                {{"project_id", project["id"]},
                                 {"stage", 1},
                                 {"form", form},
                                 {"materials", materialsFor(applyingItems(guide, form, project), {})},
                                 {"channel", "online"}},
                                applicant.token);
        QCOMPARE_STATUS(reply, 201);
        const std::string appId = reply.json()["id"];
        reply = server.request("POST", "/api/v1/applications/" + appId + "/accept",
                               json{{"opinion", "材料齐全，予以受理"}}.dump(), {{"Content-Type", "application/json"}},
                               clerk.token);
        QCOMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json()["accepted_at"].get<std::string>().substr(0, 16), "2026-09-28T10:00");
        json k = caseNow(applicant.token, appId);
        QVERIFY2(k.is_object(), "no 可研批复 case");
        const std::string caseId = k["id"];
        QCOMPARE(k["clock"]["limit"], 8);
        QCOMPARE(k["clock"]["deadline"], "2026-10-14");
        QCOMPARE(k["clock"]["used_workdays"], 0);
        QCOMPARE(k["clock"]["paused"], false);
        const auto calendar
            = server.get("/api/v1/calendar/deadline?start=2026-09-28&days=8&unit=workday&region=650102");
        QCOMPARE(calendar.json()["deadline"], "2026-10-14"); // the calendar endpoint agrees
        auto command = [&](const std::string &action, const json &args) {
            return server.request("POST", "/api/v1/cases/" + caseId + "/" + action, args.dump(),
                                  {{"Content-Type", "application/json"}}, fgw.token);
        };
        QCOMPARE_STATUS(command("claim", json::object()), 200);

        // Tue 9-29 10:00: the special procedure begins. The day it begins still counts as used
        // (used 1: 9-29); nothing is taken out yet, the deadline stays 10-14. The procedure's own
        // 10 working days end on 10-19 (9-30, 10-8, 10-9, 10-10, 10-12 … 10-16, 10-19).
        QVERIFY2(startAt("2026-09-29T10:00:00+08:00"), qPrintable(server.lastError()));
        reply = command("suspend", {{"kind", "expert_review"}, {"reason", "可研报告投资估算需组织专家评审"}});
        QCOMPARE_STATUS(reply, 200);
        k = reply.json();
        QCOMPARE(k["status"], "special_procedure");
        QCOMPARE(k["events"][0]["kind"], "special_procedure_started");
        QCOMPARE(k["events"][0]["blzt"], 9);
        QCOMPARE(k["clock"]["paused"], true);
        QCOMPARE(k["clock"]["used_workdays"], 1);
        QCOMPARE(k["clock"]["deadline"], "2026-10-14");
        QCOMPARE(k["special_procedures"][0]["started_at"].get<std::string>().substr(0, 10), "2026-09-29");
        QCOMPARE(k["special_procedures"][0]["deadline"], "2026-10-19");

        // Sat 10-3, in the holiday: still paused, used still 1. Read now, the open pause has taken
        // out one working day so far (9-30), so the deadline reads one working day later: 10-15.
        QVERIFY2(startAt("2026-10-03T12:00:00+08:00"), qPrintable(server.lastError()));
        k = caseNow(applicant.token, appId);
        QCOMPARE(k["status"], "special_procedure");
        QCOMPARE(k["clock"]["paused"], true);
        QCOMPARE(k["clock"]["used_workdays"], 1);
        QCOMPARE(k["clock"]["paused_days"], 1);
        QCOMPARE(k["clock"]["deadline"], "2026-10-15");
        QCOMPARE(k["clock"]["level"], "normal");

        // Thu 10-8, the first working day after the holiday, still in the procedure: used 1;
        // 9-30 and 10-8 out, the deadline reads 10-16. The holiday itself took out nothing.
        QVERIFY2(startAt("2026-10-08T10:00:00+08:00"), qPrintable(server.lastError()));
        k = caseNow(applicant.token, appId);
        QCOMPARE(k["clock"]["paused"], true);
        QCOMPARE(k["clock"]["used_workdays"], 1);
        QCOMPARE(k["clock"]["paused_days"], 2);
        QCOMPARE(k["clock"]["deadline"], "2026-10-16");

        // Fri 10-9 10:00: the procedure ends. The pause took out the working days after 9-29 up to
        // and including 10-9: 9-30, 10-8, 10-9 = 3 (ten calendar days, three of them working
        // days). The deadline moves by exactly those 3 working days: 10-14 → 10-15, 10-16, 10-19.
        QVERIFY2(startAt("2026-10-09T10:00:00+08:00"), qPrintable(server.lastError()));
        reply = command("resume", {{"result", "专家评审通过"}});
        QCOMPARE_STATUS(reply, 200);
        k = reply.json();
        QCOMPARE(k["status"], "in_progress");
        QCOMPARE(k["events"][0]["kind"], "special_procedure_ended");
        QCOMPARE(k["events"][0]["blzt"], 10);
        QCOMPARE(k["clock"]["paused"], false);
        QCOMPARE(k["clock"]["paused_days"], 3);
        QCOMPARE(k["clock"]["used_workdays"], 1);
        QCOMPARE(k["clock"]["deadline"], "2026-10-19");
        QCOMPARE(k["special_procedures"][0]["ended_at"].get<std::string>().substr(0, 10), "2026-10-09");
        QCOMPARE(k["special_procedures"][0]["overdue"], false);
        // The same as a limit of 8 + 3 working days counted from acceptance.
        const auto moved = server.get("/api/v1/calendar/deadline?start=2026-09-28&days=11&unit=workday&region=650102");
        QCOMPARE(moved.json()["deadline"], "2026-10-19");

        // Mon 10-12: the clock runs again, 调休 Saturday included: used 3 (9-29, 10-10, 10-12),
        // 5 left (10-13 … 10-16, 10-19).
        QVERIFY2(startAt("2026-10-12T10:00:00+08:00"), qPrintable(server.lastError()));
        k = caseNow(applicant.token, appId);
        QCOMPARE(k["clock"]["paused"], false);
        QCOMPARE(k["clock"]["used_workdays"], 3);
        QCOMPARE(k["clock"]["deadline"], "2026-10-19");
        QCOMPARE(k["clock"]["level"], "normal");
        // The timeline has both events at the days they happened.
        const json app = server.get("/api/v1/applications/" + appId, applicant.token).json();
        std::vector<std::string> when;
        for (const auto &e : app["timeline"])
            if (e["case_id"] == caseId && e["kind"].get<std::string>().rfind("special_procedure_", 0) == 0)
                when.push_back(e["kind"].get<std::string>() + " " + e["time"].get<std::string>().substr(0, 10));
        QCOMPARE(when, (std::vector<std::string>{"special_procedure_started 2026-09-29",
                                                 "special_procedure_ended 2026-10-09"}));
    }

private:
    const Session &user(const std::string &name) { return m_users[name]; }

    std::string today() const { return m_today; }

    json getApp(const std::string &id)
    {
        const auto reply = m_server.get("/api/v1/applications/" + id, user("applicant").token);
        return reply.status == 200 ? reply.json() : json();
    }

    /// GET /calendar/deadline for a limit counted from @p start (a date or RFC 3339 instant).
    std::string calendarDeadline(const json &start, int days)
    {
        const std::string date = start.get<std::string>().substr(0, 10);
        const auto reply = m_server.get("/api/v1/calendar/deadline?start=" + date + "&days=" + std::to_string(days)
                                        + "&unit=workday&region=650102");
        if (reply.status != 200)
            return "calendar: " + reply.body;
        return reply.json()["deadline"];
    }

    HttpReply appCommand(const std::string &appId, const std::string &action, const json &body, const std::string &who)
    {
        const auto reply = m_server.request("POST", "/api/v1/applications/" + appId + "/" + action, body.dump(),
                                            {{"Content-Type", "application/json"}}, user(who).token);
        m_audit.push_back("POST /api/v1/applications/{id}/" + action + " application:" + appId + " "
                          + std::to_string(reply.status));
        if (reply.status == 200)
            for (const json events = reply.json(); const auto &e : events["events"])
                m_expected[appId].push_back(e);
        return reply;
    }

    HttpReply caseCommand(const std::string &caseId, const std::string &action, const json &body,
                          const std::string &who, const std::string &cid = {})
    {
        const auto reply = m_server.request("POST", "/api/v1/cases/" + caseId + "/" + action, body.dump(),
                                            {{"Content-Type", "application/json"}}, user(who).token);
        std::string pattern = action;
        if (!cid.empty())
            pattern = "consultations/{cid}/reply";
        m_audit.push_back("POST /api/v1/cases/{id}/" + pattern + " case:" + caseId + " "
                          + std::to_string(reply.status));
        if (reply.status == 200)
            for (const json events = reply.json(); const auto &e : events["events"])
                m_expected[caseId.substr(0, caseId.rfind('-'))].push_back(e);
        return reply;
    }

    /// Submits a stage online as a portal would; "" on failure (with a QTest failure recorded).
    std::string submitStage(int stage, const json &overrides, const std::set<std::string> &leaveOut)
    {
        const json guide = stageGuide(m_server, stage);
        if (!guide.is_object()) {
            QTest::qFail("no guide", __FILE__, __LINE__);
            return {};
        }
        const json form = fillForm(guide["form"], m_project, overrides);
        const auto items = applyingItems(guide, form, m_project);
        const json materials = materialsFor(items, leaveOut, m_files);
        const auto reply = m_server.postJson("/api/v1/applications",
                                             {{"project_id", m_project["id"]},
                                              {"stage", stage},
                                              {"form", form},
                                              {"materials", materials},
                                              {"channel", "online"}},
                                             user("applicant").token);
        if (reply.status != 201) {
            QTest::qFail(qPrintable(QStringLiteral("submit stage %1: ").arg(stage) + describe(reply)), __FILE__,
                         __LINE__);
            return {};
        }
        const json app = reply.json();
        const std::string id = app["id"];
        m_audit.push_back("POST /api/v1/applications application:" + id + " 201");
        m_appIds.insert(id);
        m_expected[id].push_back({{"kind", "received"}, {"case_id", nullptr}});
        for (const auto &item : items)
            m_limits[item["code"]] = item["promised_limit"].get<int>();
        bool ok = app["status"] == "submitted" && app["stage"] == stage && app["channel"] == "online"
                  && app["holders"].size() == 1 && app["holders"][0]["who"] == "综合窗口"
                  && app["holders"][0]["action"] == "待受理" && app["items"].size() == items.size()
                  && app["materials"].size() == materials.size();
        if (!ok)
            QTest::qFail(qPrintable(QStringLiteral("submitted application: ") + QString::fromStdString(app.dump())),
                         __FILE__, __LINE__);
        if (!notification("clerk", id, "to_accept").is_object())
            QTest::qFail("the window was not told of the new application", __FILE__, __LINE__);
        return ok ? id : std::string();
    }

    /// Accepts with @p tolerated, and checks the cases and their clocks against the calendar.
    json acceptAndCheck(const std::string &appId, const std::vector<std::string> &tolerated)
    {
        json body = {{"opinion", "材料齐全，予以受理"}};
        if (!tolerated.empty())
            body["tolerated"] = tolerated;
        const auto reply = appCommand(appId, "accept", body, "clerk");
        if (reply.status != 200) {
            QTest::qFail(qPrintable(QStringLiteral("accept: ") + describe(reply)), __FILE__, __LINE__);
            return nullptr;
        }
        const json app = reply.json();
        m_today = app["accepted_at"].get<std::string>().substr(0, 10);
        auto fail = [&](const QString &what) {
            QTest::qFail(qPrintable(what + QStringLiteral(": ") + QString::fromStdString(app.dump())), __FILE__,
                         __LINE__);
            return json();
        };
        if (app["status"] != "in_review")
            return fail(QStringLiteral("status after accept"));
        if (app["events"].size() != app["cases"].size() || app["cases"].empty())
            return fail(QStringLiteral("one accepted event per case"));
        for (std::size_t i = 0; i < app["cases"].size(); ++i) {
            const json &k = app["cases"][i];
            const json &e = app["events"][i];
            m_caseDept[k["id"]] = k["department"];
            if (e["kind"] != "accepted" || e["blzt"] != 3 || e["case_id"] != k["id"])
                return fail(QStringLiteral("accepted event of ") + QString::fromStdString(k["id"]));
            if (k["status"] != "accepted" || k["department"].get<std::string>().size() < 11)
                return fail(QStringLiteral("case state"));
            const json &clock = k["clock"];
            const int limit = m_limits[k["item_code"]];
            if (clock["limit"] != limit || clock["unit"] != "workday" || clock["paused"] != false
                || clock["level"] == "overdue")
                return fail(QStringLiteral("clock of ") + QString::fromStdString(k["id"]));
            const std::string expected = calendarDeadline(app["accepted_at"], limit);
            if (clock["deadline"] != expected)
                return fail(QStringLiteral("deadline of %1 should be %2")
                                .arg(QString::fromStdString(k["id"]), QString::fromStdString(expected)));
        }
        return app;
    }

    /// Each case claimed by its department's reviewer.
    void claimAll(const std::string &appId)
    {
        const json app = getApp(appId);
        for (const auto &k : app["cases"]) {
            const std::string who = m_reviewerOf[k["department"]];
            QVERIFY2(!who.empty(), k["department"].get<std::string>().c_str());
            const auto reply = caseCommand(k["id"], "claim", json::object(), who);
            QCOMPARE_STATUS(reply, 200);
            const json c = reply.json();
            QCOMPARE(kinds(c["events"]), std::vector<std::string>{"claimed"});
            QCOMPARE(c["events"][0]["blzt"], 8);
            QCOMPARE(c["events"][0]["department"], k["department"]);
            QCOMPARE(c["status"], "in_progress");
            QCOMPARE(c["assignee_name"], user(who).displayName);
            // Claimed twice: conflict, with who holds it.
            const auto again = caseCommand(k["id"], "claim", json::object(), who);
            QCOMPARE_STATUS(again, 409);
            QCOMPARE(again.json()["current"]["assignee_name"], user(who).displayName);
        }
    }

    /// Decides every case (approved unless @p outcomes says otherwise); the last decision must
    /// conclude the stage with @p conclusion. Returns the application, or null on failure.
    json decideAll(const std::string &appId, const std::map<std::string, std::string> &outcomes,
                   const std::string &conclusion, const std::string &zjjDecider = "reviewer")
    {
        const json app = getApp(appId);
        const std::size_t n = app["cases"].size();
        for (std::size_t i = 0; i < n; ++i) {
            const json &k = app["cases"][i];
            auto it = outcomes.find(k["item_code"]);
            const std::string outcome = it == outcomes.end() ? "approved" : it->second;
            std::string who = m_reviewerOf[k["department"]];
            if (k["department"] == "11650100ZJJ")
                who = zjjDecider;
            const json body = {
                {"outcome", outcome},
                {"opinion", outcome == "disapproved" ? "环境影响报告书预测结论不可信，不予批准" : "经审查，符合要求"},
                {"document", resultDocument("乌" + k["item_code"].get<std::string>().substr(7) + "〔2026〕"
                                                + std::to_string(i + 1) + "号",
                                            k["item_name"], today())}};
            const auto reply = caseCommand(k["id"], "decide", body, who);
            if (reply.status != 200) {
                QTest::qFail(qPrintable(QStringLiteral("decide ") + QString::fromStdString(k["id"])
                                        + QStringLiteral(": ") + describe(reply)),
                             __FILE__, __LINE__);
                return nullptr;
            }
            const json events = reply.json()["events"];
            std::vector<std::string> expected = {outcome};
            if (i + 1 == n)
                expected.push_back(conclusion);
            if (kinds(events) != expected) {
                QTest::qFail(
                    qPrintable(QStringLiteral("events of the decision: ") + QString::fromStdString(events.dump())),
                    __FILE__, __LINE__);
                return nullptr;
            }
            for (const auto &e : events)
                if (e["blzt"] != kBlzt.at(e["kind"])) {
                    QTest::qFail(qPrintable(QString::fromStdString(e.dump())), __FILE__, __LINE__);
                    return nullptr;
                }
            if (reply.json()["document"]["number"] != body["document"]["number"]
                || reply.json()["document"]["valid_until"] != "9999-01-01") {
                QTest::qFail(qPrintable(QString::fromStdString(reply.json()["document"].dump())), __FILE__, __LINE__);
                return nullptr;
            }
        }
        return getApp(appId);
    }

    bool deliver(const std::string &appId, const std::string &method)
    {
        // Only the window delivers; an unknown method is refused.
        auto reply = appCommand(appId, "deliver", {{"method", "pigeon"}}, "clerk");
        if (reply.status != 422 && reply.status != 400)
            return false;
        reply = appCommand(appId, "deliver", {{"method", method}}, "rev.fgw");
        if (reply.status != 403)
            return false;
        // A post needs its tracking number (and only a post has one); the time is not in the future.
        const json post = appCommand(appId, "deliver", {{"method", "post"}, {"recipient", "王建国"}}, "clerk").json();
        if (post.value("status", 0) != 422 || post["errors"][0]["field"] != "tracking_no")
            return false;
        if (appCommand(appId, "deliver", {{"method", "online"}, {"tracking_no", "EMS1178899665"}}, "clerk").status
            != 422)
            return false;
        if (appCommand(appId, "deliver", {{"method", method}, {"delivered_at", "2099-01-01T10:00:00+08:00"}}, "clerk")
                .status
            != 422)
            return false;
        json body = {{"method", method}, {"opinion", "统一出件"}, {"recipient", "王建国"}};
        if (method == "post")
            body["tracking_no"] = "EMS1178899665";
        reply = appCommand(appId, "deliver", body, "clerk");
        if (reply.status != 200) {
            qWarning("deliver: %s", qPrintable(describe(reply)));
            return false;
        }
        const json app = reply.json();
        const json delivery = app["events"][0].value("delivery", json());
        const std::string tracking = method == "post" ? "EMS1178899665" : "";
        const json stored = getApp(appId);
        const json note = notification("applicant", appId, "delivered");
        return app["status"] == "delivered" && kinds(app["events"]) == std::vector<std::string>{"delivered"}
               && app["events"][0]["blzt"] == 11 && app["events"][0]["ref"] == method && app["holders"].empty()
               && delivery.value("method", "") == method && delivery.value("tracking_no", "") == tracking
               && delivery.value("recipient", "") == "王建国" && delivery["delivered_at"].is_string()
               && app["events"][0]["text"] == "统一出件" && stored["delivery"] == delivery
               && stored["timeline"].back()["delivery"] == delivery && note.is_object()
               && (tracking.empty() || note.value("message", "").find(tracking) != std::string::npos);
    }

    /// The timeline equals the events the commands returned, in order, with BLZT codes and names.
    bool checkTimeline(const std::string &appId)
    {
        const json app = getApp(appId);
        const json &timeline = app["timeline"];
        const auto &expected = m_expected[appId];
        std::vector<std::string> want, got;
        for (const auto &e : expected)
            want.push_back(e["kind"]);
        for (const auto &e : timeline)
            got.push_back(e["kind"]);
        if (want != got) {
            qWarning("timeline %s\n  expected %s\n  actual   %s", appId.c_str(), qPrintable(joined(want)),
                     qPrintable(joined(got)));
            return false;
        }
        for (std::size_t i = 0; i < timeline.size(); ++i) {
            const json &e = timeline[i];
            const bool ok = e["seq"] == std::int64_t(i + 1) && e["blzt"] == kBlzt.at(e["kind"])
                            && !e["blzt_name"].get<std::string>().empty() && !e["actor_name"].get<std::string>().empty()
                            && e["time"].get<std::string>().size() == 25
                            && e["time"].get<std::string>().substr(19) == "+08:00"
                            && e["case_id"] == expected[i]["case_id"];
            if (!ok) {
                qWarning("timeline event %zu: %s", i, e.dump().c_str());
                return false;
            }
            // Staff act for their department (BLCS); case events name the department that acted.
            const std::string kind = e["kind"];
            if ((kind == "claimed" || kind == "approved" || kind == "approved_tolerated" || kind == "disapproved"
                 || kind == "special_procedure_started")
                && e["department"] != m_caseDept[e["case_id"]]) {
                qWarning("department of %s", e.dump().c_str());
                return false;
            }
        }
        return true;
    }

    json notifications(const std::string &who)
    {
        const auto reply = m_server.get("/api/v1/notifications", user(who).token);
        return reply.status == 200 ? reply.json()["items"] : json::array();
    }
    json notification(const std::string &who, const std::string &appId, const std::string &kind)
    {
        for (const auto &n : notifications(who))
            if (n["application_id"] == appId && n["kind"] == kind)
                return n;
        return nullptr;
    }
    json notificationFor(const std::string &who, const std::string &caseId, const std::string &kind)
    {
        for (const auto &n : notifications(who))
            if (n["case_id"] == caseId && n["kind"] == kind)
                return n;
        return nullptr;
    }

    TestServer m_server;
    std::map<std::string, Session> m_users;
    std::map<std::string, std::string> m_reviewerOf; ///< department code → username
    std::map<std::string, std::string> m_files;      ///< "item/material" → sha256
    std::map<std::string, int> m_limits;             ///< item code → promised limit (guide)
    std::map<std::string, std::string> m_caseDept;   ///< case id → department code
    std::map<std::string, std::vector<json>> m_expected;
    std::set<std::string> m_appIds;
    std::vector<std::string> m_audit;
    json m_project;
    std::string m_today;
    std::string m_app1, m_app2, m_app2b, m_app3, m_app4;
};

QTEST_GUILESS_MAIN(tst_Lifecycle)
#include "tst_lifecycle.moc"
