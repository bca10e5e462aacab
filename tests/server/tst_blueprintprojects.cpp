// The project side of the blueprint on both backends: reviewers' map annotations (online and as
// additive sync ops, seen by the other departments of the project's cases, never by applicants)
// and planning generation (departments' conditions merged by the coordinator into an opinion
// the applicant reads and is notified of).
#include "portal.h"

#include <QtTest>

using nlohmann::json;
using namespace spgl::test;

namespace {

json square(double lon, double lat, double d = 0.002)
{
    return {{"type", "Polygon"},
            {"coordinates", {{{lon, lat}, {lon + d, lat}, {lon + d, lat + d}, {lon, lat + d}, {lon, lat}}}}};
}

} // namespace

class tst_BlueprintProjects : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        for (const char *name : {"applicant", "clerk", "rev.fgw", "rev.zrzy", "rev.swj", "coordinator", "supervisor"}) {
            m_users[name] = loginAs(m_server, name);
            QVERIFY2(!m_users[name].token.empty(), name);
        }
        m_project = newProject("2025-650102-47-01-000701");
        QVERIFY(!m_project.empty());
        const json guide = stageGuide(m_server, 1);
        const json p = m_server.get("/api/v1/projects/" + m_project, token("applicant")).json();
        const json form = fillForm(guide["form"], p);
        const auto submitted = post("/api/v1/applications",
                                    {{"project_id", m_project},
                                     {"stage", 1},
                                     {"form", form},
                                     {"materials", materialsFor(applyingItems(guide, form, p), {})}},
                                    "applicant");
        QCOMPARE_STATUS(submitted, 201);
        QCOMPARE_STATUS(post("/api/v1/applications/" + submitted.json()["id"].get<std::string>() + "/accept",
                             json::object(), "clerk"),
                        200);
    }

    void annotationsAreSharedBetweenTheCaseDepartments()
    {
        auto added
            = post("/api/v1/projects/" + m_project + "/annotations",
                   {{"geometry", square(87.60, 43.82)}, {"text", "用地红线与规划道路红线冲突，请核实"}}, "rev.zrzy");
        QCOMPARE_STATUS(added, 201);
        const json a = added.json();
        QCOMPARE(a["status"], "open");
        QCOMPARE(a["department"], "11650100ZRZY");
        QCOMPARE(a["version"], 1);
        QCOMPARE(a["geometry"]["type"], "Polygon");

        // Another department with a case of the project sees it; a department without one, and
        // the applicant, do not.
        const json fgw = m_server.get("/api/v1/projects/" + m_project + "/annotations", token("rev.fgw")).json();
        QCOMPARE(fgw["items"].size(), size_t(1));
        QCOMPARE(fgw["items"][0]["text"], "用地红线与规划道路红线冲突，请核实");
        QCOMPARE_STATUS(m_server.get("/api/v1/projects/" + m_project + "/annotations", token("rev.swj")), 404);
        QCOMPARE_STATUS(m_server.get("/api/v1/projects/" + m_project + "/annotations", token("applicant")), 403);
        QCOMPARE_STATUS(post("/api/v1/projects/" + m_project + "/annotations",
                             {{"geometry", square(87.6, 43.8)}, {"text", "x"}}, "rev.swj"),
                        404);
        QCOMPARE(m_server.get("/api/v1/projects/" + m_project + "/annotations", token("supervisor")).status, 200);

        // Status: only the author's department (or the coordinator) resolves, only the author withdraws.
        const std::string id = a["id"];
        QCOMPARE_STATUS(patch("/api/v1/annotations/" + id, {{"status", "resolved"}}, "rev.fgw"), 403);
        QCOMPARE_STATUS(patch("/api/v1/annotations/" + id, {{"status", "withdrawn"}}, "coordinator"), 403);
        auto resolved = patch("/api/v1/annotations/" + id, {{"status", "resolved"}}, "coordinator");
        QCOMPARE_STATUS(resolved, 200);
        QCOMPARE(resolved.json()["status"], "resolved");
        QCOMPARE(resolved.json()["version"], 2);
        QCOMPARE_STATUS(patch("/api/v1/annotations/" + id, {{"status", "closed"}}, "rev.zrzy"), 422);
    }

    void badAnnotationsAreRefusedWithTheirField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no text") << QByteArray(R"({"geometry":{"type":"Point","coordinates":[87.6,43.8]}})")
                                 << QStringLiteral("text");
        QTest::newRow("metres") << QByteArray(
            R"({"text":"a","geometry":{"type":"Point","coordinates":[500000,4850000]}})")
                                << QStringLiteral("geometry");
        QTest::newRow("bowtie") << QByteArray(
            R"({"text":"a","geometry":{"type":"Polygon","coordinates":[[[87.60,43.80],[87.61,43.81],[87.61,43.80],[87.60,43.81],[87.60,43.80]]]}})")
                                << QStringLiteral("geometry");
        QTest::newRow("not geojson") << QByteArray(R"({"text":"a","geometry":{"type":"Circle"}})")
                                     << QStringLiteral("geometry");
        QTest::newRow("case of another project")
            << QByteArray(R"({"text":"a","case_id":"X-1","geometry":{"type":"Point","coordinates":[87.6,43.8]}})")
            << QStringLiteral("case_id");
    }
    void badAnnotationsAreRefusedWithTheirField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const auto reply
            = m_server.request("POST", "/api/v1/projects/" + m_project + "/annotations", body.toStdString(),
                               {{"Content-Type", "application/json"}}, token("rev.zrzy"));
        QCOMPARE_STATUS(reply, 422);
        QCOMPARE(QString::fromStdString(reply.json()["errors"][0]["field"].get<std::string>()), field);
        const json list = m_server.get("/api/v1/projects/" + m_project + "/annotations", token("rev.zrzy")).json();
        for (const auto &item : list["items"])
            QVERIFY(item["text"] != "a");
    }

    // Drawn offline: an additive op; sent twice, applied once; the other department receives it
    // through its change feed, the applicant never.
    void annotationsSyncAsAdditiveOps()
    {
        const std::string annotationId = "7d0c6a4e-5b7a-4f57-9a57-3e2f6b1c0a11";
        const json op
            = {{"op_id", "0f1e2d3c-4b5a-4697-8877-665544332211"},
               {"command", "annotate"},
               {"target", m_project},
               {"args",
                {{"id", annotationId},
                 {"text", "建议补充水土保持方案（离线批注）"},
                 {"geometry", {{"type", "LineString"}, {"coordinates", {{87.601, 43.821}, {87.603, 43.822}}}}}}}};
        const json body = {{"device_id", "laptop-fgw"}, {"ops", {op}}};
        auto first = post("/api/v1/sync/push", body, "rev.fgw");
        QCOMPARE_STATUS(first, 200);
        QCOMPARE(first.json()["results"][0]["status"], "applied");
        auto again = post("/api/v1/sync/push", body, "rev.fgw");
        QCOMPARE(again.json()["results"][0]["status"], "applied");
        QCOMPARE(again.json()["results"][0]["duplicate"], true);
        // A second op with the same annotation id (a client retry under a new op id) adds nothing.
        json retry = body;
        retry["ops"][0]["op_id"] = "0f1e2d3c-4b5a-4697-8877-665544332212";
        QCOMPARE(post("/api/v1/sync/push", retry, "rev.fgw").json()["results"][0]["status"], "applied");
        const json list = m_server.get("/api/v1/projects/" + m_project + "/annotations", token("rev.zrzy")).json();
        int copies = 0;
        for (const auto &item : list["items"])
            copies += item["id"] == annotationId;
        QCOMPARE(copies, 1);

        auto feedHas = [&](const std::string &who) {
            std::string since = "0";
            for (int page = 0; page < 50; ++page) {
                const json feed = m_server.get("/api/v1/sync/changes?since=" + since + "&limit=500", token(who)).json();
                for (const auto &change : feed["changes"])
                    if (change["entity"] == "annotation" && change["id"] == annotationId)
                        return change["data"]["text"] == "建议补充水土保持方案（离线批注）";
                if (!feed["has_more"].get<bool>())
                    break;
                since = feed["next"];
            }
            return false;
        };
        QVERIFY(feedHas("rev.zrzy"));
        QVERIFY(feedHas("clerk"));
        QVERIFY(!feedHas("rev.swj"));
        QVERIFY(!feedHas("applicant"));

        // A status op from another department is rejected, not applied.
        const json status = {{"device_id", "laptop-zrzy"},
                             {"ops",
                              {{{"op_id", "0f1e2d3c-4b5a-4697-8877-665544332213"},
                                {"command", "annotation_status"},
                                {"target", annotationId},
                                {"args", {{"status", "withdrawn"}}}}}}};
        const json rejected = post("/api/v1/sync/push", status, "rev.zrzy").json();
        QCOMPARE(rejected["results"][0]["status"], "rejected");
        QCOMPARE(rejected["results"][0]["http_status"], 403);
    }

    void planningOpinionFromDepartmentsConditions()
    {
        const std::string project = newProject("2025-650102-47-01-000702");
        QVERIFY(!project.empty());
        // Nothing to merge yet.
        QCOMPARE_STATUS(post("/api/v1/projects/" + project + "/planning/opinion", {{"text", "x"}}, "coordinator"), 422);

        auto c1 = post("/api/v1/projects/" + project + "/planning/conditions",
                       {{"kind", "condition"},
                        {"text", "项目东侧需退让规划道路红线 15 米"},
                        {"geometry", square(87.61, 43.83, 0.0005)}},
                       "rev.zrzy");
        QCOMPARE_STATUS(c1, 201);
        auto c2 = post("/api/v1/projects/" + project + "/planning/conditions",
                       {{"kind", "assessment"}, {"assessment", "water"}, {"text", "需编制水资源论证报告"}}, "rev.swj");
        QCOMPARE_STATUS(c2, 201);
        auto c3 = post("/api/v1/projects/" + project + "/planning/conditions",
                       {{"kind", "condition"}, {"text", "作废的条件"}}, "rev.fgw");
        QCOMPARE_STATUS(c3, 201);
        QCOMPARE_STATUS(post("/api/v1/planning/conditions/" + c3.json()["id"].get<std::string>() + "/withdraw",
                             json::object(), "rev.zrzy"),
                        403);
        QCOMPARE_STATUS(post("/api/v1/planning/conditions/" + c3.json()["id"].get<std::string>() + "/withdraw",
                             json::object(), "rev.fgw"),
                        200);
        QCOMPARE_STATUS(post("/api/v1/projects/" + project + "/planning/conditions",
                             {{"kind", "assessment"}, {"text", "x"}}, "rev.swj"),
                        422); // which assessment?
        QCOMPARE_STATUS(post("/api/v1/projects/" + project + "/planning/conditions",
                             {{"kind", "condition"}, {"text", "x"}}, "applicant"),
                        403);

        // The applicant sees no conditions before the merge, only that there is no opinion yet.
        json mine = m_server.get("/api/v1/projects/" + project + "/planning", token("applicant")).json();
        QVERIFY(!mine.contains("conditions"));
        QVERIFY(mine["current"].is_null());

        QCOMPARE_STATUS(post("/api/v1/projects/" + project + "/planning/opinion", {{"text", "x"}}, "rev.zrzy"), 403);
        auto merged = post("/api/v1/projects/" + project + "/planning/opinion",
                           {{"text", "经各部门会商，项目策划意见如下，请据此准备申报材料。"}}, "coordinator");
        QCOMPARE_STATUS(merged, 201);
        QCOMPARE(merged.json()["version"], 1);
        QCOMPARE(merged.json()["conditions"].size(), size_t(2)); // the withdrawn one is left out

        mine = m_server.get("/api/v1/projects/" + project + "/planning", token("applicant")).json();
        QCOMPARE(mine["current"]["version"], 1);
        QCOMPARE(mine["current"]["conditions"][1]["assessment"], "water");
        QCOMPARE(mine["current"]["conditions"][0]["geometry"]["type"], "Polygon");
        bool told = false;
        const json notifications = m_server.get("/api/v1/notifications", token("applicant")).json();
        for (const auto &n : notifications["items"])
            told = told || n["kind"] == "planning_opinion";
        QVERIFY(told);
        const json staff = m_server.get("/api/v1/projects/" + project + "/planning", token("rev.fgw")).json();
        QCOMPARE(staff["conditions"].size(), size_t(3));
    }

    // The desktop puts conditions forward offline: `plan_condition` / `plan_withdraw` ops pushed
    // by sync, applied once, checked like the REST calls (role, department, scope).
    void planningConditionsSyncAsAdditiveOps()
    {
        const std::string project = newProject("2025-650102-47-01-000703");
        QVERIFY(!project.empty());
        const json condition = {{"op_id", "5a4e3d2c-1b0a-4f9e-8d7c-6b5a49382716"},
                                {"command", "plan_condition"},
                                {"target", project},
                                {"args",
                                 {{"kind", "assessment"},
                                  {"assessment", "water"},
                                  {"text", "需开展水资源论证（离线提出）"},
                                  {"geometry", square(87.601, 43.821)}}}};
        const json body = {{"device_id", "laptop-swj"}, {"ops", {condition}}};
        auto first = post("/api/v1/sync/push", body, "rev.swj");
        QCOMPARE_STATUS(first, 200);
        const json applied = first.json()["results"][0];
        QCOMPARE(applied["status"], "applied");
        QCOMPARE(applied["condition"]["assessment"], "water");
        QVERIFY(applied["condition"]["geometry"].is_object());
        const std::string conditionId = applied["condition"]["id"];
        // Sent twice (a cut connection before the answer): applied once, the same answer.
        auto again = post("/api/v1/sync/push", body, "rev.swj").json()["results"][0];
        QCOMPARE(again["duplicate"], true);
        QCOMPARE(again["condition"]["id"], conditionId);
        json planning = m_server.get("/api/v1/projects/" + project + "/planning", token("rev.fgw")).json();
        QCOMPARE(planning["conditions"].size(), size_t(1));
        QCOMPARE(planning["conditions"][0]["text"], "需开展水资源论证（离线提出）");

        auto pushOne = [&](const std::string &who, const std::string &opId, const std::string &command,
                           const std::string &target, const json &args) {
            const json one = {{"device_id", "desk-" + who},
                              {"ops", {{{"op_id", opId}, {"command", command}, {"target", target}, {"args", args}}}}};
            return post("/api/v1/sync/push", one, who).json()["results"][0];
        };
        // Bad input is rejected with its field; a window clerk may not plan; another department
        // may not withdraw it.
        json bad = pushOne("rev.fgw", "5a4e3d2c-1b0a-4f9e-8d7c-6b5a49382717", "plan_condition", project,
                           {{"kind", "assessment"}, {"assessment", "astrology"}, {"text", "x"}});
        QCOMPARE(bad["status"], "rejected");
        QCOMPARE(bad["error"]["field"], "assessment");
        bad = pushOne("clerk", "5a4e3d2c-1b0a-4f9e-8d7c-6b5a49382718", "plan_condition", project,
                      {{"kind", "condition"}, {"text", "窗口人员不能提出"}});
        QCOMPARE(bad["status"], "rejected");
        QCOMPARE(bad["http_status"], 403);
        bad = pushOne("rev.fgw", "5a4e3d2c-1b0a-4f9e-8d7c-6b5a49382719", "plan_withdraw", conditionId, json::object());
        QCOMPARE(bad["status"], "rejected");
        QCOMPARE(bad["http_status"], 403);
        // Its own department withdraws it.
        const json withdrawn
            = pushOne("rev.swj", "5a4e3d2c-1b0a-4f9e-8d7c-6b5a4938271a", "plan_withdraw", conditionId, json::object());
        QCOMPARE(withdrawn["status"], "applied");
        QCOMPARE(withdrawn["condition"]["withdrawn"], true);
        planning = m_server.get("/api/v1/projects/" + project + "/planning", token("coordinator")).json();
        QCOMPARE(planning["conditions"].size(), size_t(1));
        QCOMPARE(planning["conditions"][0]["withdrawn"], true);
    }

private:
    std::string newProject(const std::string &code)
    {
        const auto reply = post("/api/v1/projects",
                                {{"project_code", code},
                                 {"name", "乌鲁木齐市天山区蓝图测试项目 " + code.substr(18)},
                                 {"region_code", "650102"},
                                 {"process_type", 1},
                                 {"approval_type", 1},
                                 {"investment", "36000000.00"},
                                 {"land_use", "0701"},
                                 {"site", square(87.60, 43.82)},
                                 {"builder_credit_code", "91350100M000100Y43"}},
                                "applicant");
        if (reply.status != 201) {
            qWarning("project: %s", qPrintable(describe(reply)));
            return {};
        }
        return reply.json()["id"];
    }
    std::string token(const std::string &who) const { return m_users.at(who).token; }
    HttpReply post(const std::string &path, const json &body, const std::string &who)
    {
        return m_server.postJson(path, body, token(who));
    }
    HttpReply patch(const std::string &path, const json &body, const std::string &who)
    {
        return m_server.request("PATCH", path, body.dump(), {{"Content-Type", "application/json"}}, token(who));
    }

    TestServer m_server;
    std::map<std::string, Session> m_users;
    std::string m_project;
};

QTEST_GUILESS_MAIN(tst_BlueprintProjects)
#include "tst_blueprintprojects.moc"
