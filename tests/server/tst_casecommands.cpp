// Case and application commands at their edges, on both backends: role and scope refusals,
// optimistic concurrency (expected_version), Idempotency-Key, bad bodies, and two decisions on
// one case at the same moment (exactly one wins, exactly one decision event).
#include "portal.h"

#include <QtTest>

#include <barrier>
#include <thread>

using nlohmann::json;
using namespace spgl::test;

namespace {
const std::string kHeadPassword = "Ziran#2026zy";
}

class tst_CaseCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        for (const char *name :
             {"applicant", "clerk", "reviewer", "head", "rev.fgw", "rev.zrzy", "coordinator", "admin"}) {
            m_users[name] = loginAs(m_server, name);
            QVERIFY2(!m_users[name].token.empty(), name);
        }
        // A second applicant (a person) and a second head of 自然资源 for the concurrent decisions.
        const auto reg = m_server.postJson("/api/v1/auth/register", {{"kind", "person"},
                                                                     {"username", "ayguli"},
                                                                     {"password", "Xinjiang#2026"},
                                                                     {"display_name", "阿依古丽"},
                                                                     {"id_number", "650102199003071235"}});
        QCOMPARE_STATUS(reg, 201);
        m_users["other"] = loginAs(m_server, "ayguli", "Xinjiang#2026");
        QVERIFY(!m_users["other"].token.empty());

        std::string zrzyId;
        const json departments = m_server.get("/api/v1/departments", m_users["admin"].token).json();
        for (const auto &d : departments["items"])
            if (d["code"] == "11650100ZRZY")
                zrzyId = d["id"];
        QVERIFY(!zrzyId.empty());
        const auto created = m_server.postJson("/api/v1/users",
                                               {{"username", "head.zrzy"},
                                                {"password", kHeadPassword},
                                                {"display_name", "自然资源局科长 古丽娜"},
                                                {"roles", {"department_head", "reviewer"}},
                                                {"region_code", "650100"},
                                                {"department_id", zrzyId}},
                                               m_users["admin"].token);
        QCOMPARE_STATUS(created, 201);
        m_users["head.zrzy"] = loginAs(m_server, "head.zrzy", kHeadPassword);
        QVERIFY(!m_users["head.zrzy"].token.empty());

        // One accepted stage-1 application to work on.
        m_app = acceptedApplication(1);
        QVERIFY(!m_app.empty());
    }

    void roleAndScopeRefusals()
    {
        const json app = getApp(m_app, "applicant");
        const std::string zrzyCase = caseOf(app, "650100-ZRZY-002");
        const std::string fgwCase = caseOf(app, "650100-FGW-001");

        // A reviewer of another department cannot sign for the case, nor can the applicant.
        QCOMPARE_STATUS(post("/api/v1/cases/" + zrzyCase + "/claim", json::object(), "rev.fgw"), 403);
        QCOMPARE_STATUS(post("/api/v1/cases/" + zrzyCase + "/claim", json::object(), "reviewer"), 403);
        QCOMPARE_STATUS(post("/api/v1/cases/" + zrzyCase + "/claim", json::object(), "applicant"), 403);
        QCOMPARE_STATUS(post("/api/v1/cases/" + zrzyCase + "/claim", json::object(), "rev.zrzy"), 200);

        // The window cannot decide; another department cannot; a colleague who did not sign and
        // is not the head cannot either.
        const json decision = decideBody("approved");
        QCOMPARE_STATUS(post("/api/v1/cases/" + zrzyCase + "/decide", decision, "clerk"), 403);
        QCOMPARE_STATUS(post("/api/v1/cases/" + zrzyCase + "/decide", decision, "rev.fgw"), 403);
        const auto colleague = post("/api/v1/cases/" + zrzyCase + "/decide", decision, "coordinator");
        QCOMPARE_STATUS(colleague, 403);
        QVERIFY(colleague.isProblem());

        // Another applicant does not learn that the application exists.
        QCOMPARE_STATUS(m_server.get("/api/v1/applications/" + m_app, user("other").token), 404);
        QCOMPARE_STATUS(m_server.get("/api/v1/cases/" + zrzyCase, user("other").token), 404);
        QCOMPARE_STATUS(post("/api/v1/applications/" + m_app + "/withdraw", {{"reason", "x"}}, "other"), 404);
        QCOMPARE_STATUS(post("/api/v1/cases/" + zrzyCase + "/supplement", {{"materials", {"a/b"}}}, "other"), 404);
        const json list = m_server.get("/api/v1/applications", user("other").token).json();
        QVERIFY(list["items"].empty());
        // Applicants have no case list at all.
        QCOMPARE_STATUS(m_server.get("/api/v1/cases", user("applicant").token), 403);

        // Nothing happened to the FGW case, and the ZRZY case was claimed once.
        const json after = getApp(m_app, "applicant");
        int claims = 0;
        for (const auto &e : after["timeline"])
            claims += e["kind"] == "claimed" ? 1 : 0;
        QCOMPARE(claims, 1);
        QCOMPARE(caseJson(after, fgwCase)["status"], "accepted");
    }

    void answersAreWhatIsStored()
    {
        // A command answers with the application as it wrote it (built in its own transaction,
        // not read back afterwards): exactly what reading it next shows, timeline included.
        json submitAnswer;
        const std::string id = submitted(50, &submitAnswer);
        QVERIFY(!id.empty());
        QVERIFY2(submitAnswer == getApp(id, "applicant"), submitAnswer.dump().c_str());
        QCOMPARE(submitAnswer["timeline"].size(), std::size_t(1));

        auto accepted = post("/api/v1/applications/" + id + "/accept", json::object(), "clerk");
        QCOMPARE_STATUS(accepted, 200);
        json acceptAnswer = accepted.json();
        QVERIFY(!acceptAnswer["events"].empty());
        acceptAnswer.erase("events"); // what the command added, listed in its answer only
        QVERIFY2(acceptAnswer == getApp(id, "clerk"), acceptAnswer.dump().c_str());
        QVERIFY(acceptAnswer["timeline"].size() > submitAnswer["timeline"].size());

        const std::string zrzyCase = caseOf(acceptAnswer, "650100-ZRZY-002");
        auto claimed = post("/api/v1/cases/" + zrzyCase + "/claim", json::object(), "rev.zrzy");
        QCOMPARE_STATUS(claimed, 200);
        json claimAnswer = claimed.json();
        claimAnswer.erase("events");
        const auto read = m_server.get("/api/v1/cases/" + zrzyCase, user("rev.zrzy").token);
        QCOMPARE_STATUS(read, 200);
        QVERIFY2(claimAnswer == read.json(), claimAnswer.dump().c_str());
        QCOMPARE(claimAnswer["status"], "in_progress");
    }

    void refuseAndWithdraw()
    {
        // 不予受理 needs a reason; the applicant is told; nothing can follow it.
        const std::string refused = submitted(3);
        QVERIFY(!refused.empty());
        auto reply = post("/api/v1/applications/" + refused + "/refuse", json::object(), "clerk");
        QCOMPARE_STATUS(reply, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "opinion");
        QCOMPARE_STATUS(post("/api/v1/applications/" + refused + "/refuse", {{"reason", "x"}}, "applicant"), 403);
        reply = post("/api/v1/applications/" + refused + "/refuse", {{"reason", "项目不属于本级审批权限"}}, "clerk");
        QCOMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json()["status"], "refused");
        QCOMPARE(reply.json()["events"][0]["kind"], "refused");
        QCOMPARE(reply.json()["events"][0]["blzt"], 5);
        bool told = false;
        const json notes = m_server.get("/api/v1/notifications", user("applicant").token).json();
        for (const auto &n : notes["items"])
            told = told || (n["application_id"] == refused && n["kind"] == "refused");
        QVERIFY(told);
        QCOMPARE_STATUS(post("/api/v1/applications/" + refused + "/withdraw", {{"reason", "撤回"}}, "applicant"), 409);
        QCOMPARE_STATUS(post("/api/v1/applications/" + refused + "/accept", json::object(), "clerk"), 409);

        // 撤件 before acceptance by the owner.
        const std::string withdrawn = submitted(4);
        QVERIFY(!withdrawn.empty());
        reply = post("/api/v1/applications/" + withdrawn + "/withdraw", {{"reason", "资料需重新整理"}}, "applicant");
        QCOMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json()["status"], "withdrawn");
        QCOMPARE(reply.json()["events"][0]["blzt"], 2);
        QCOMPARE(reply.json()["holders"], json::array());
        // Accepted applications cannot be withdrawn.
        QCOMPARE_STATUS(post("/api/v1/applications/" + m_app + "/withdraw", {{"reason", "撤回"}}, "applicant"), 409);
    }

    void expectedVersionMismatch()
    {
        const json app = getApp(m_app, "applicant");
        const std::string id = caseOf(app, "650100-FGW-001");
        const std::int64_t version = caseJson(app, id)["version"];
        auto reply = post("/api/v1/cases/" + id + "/claim", {{"expected_version", version - 1}}, "rev.fgw");
        QCOMPARE_STATUS(reply, 409);
        QVERIFY(reply.isProblem());
        QCOMPARE(reply.json()["current"]["id"], id);
        QCOMPARE(reply.json()["current"]["version"], version);
        QCOMPARE(reply.json()["current"]["status"], "accepted");
        QCOMPARE(caseJson(getApp(m_app, "applicant"), id)["status"], "accepted");
        reply = post("/api/v1/cases/" + id + "/claim", {{"expected_version", version}}, "rev.fgw");
        QCOMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json()["version"], version + 1);

        // The application's version, for the window's commands.
        const std::string fresh = submitted(2);
        QVERIFY(!fresh.empty());
        const std::int64_t appVersion = getApp(fresh, "clerk")["version"];
        reply = post("/api/v1/applications/" + fresh + "/accept", {{"expected_version", appVersion + 3}}, "clerk");
        QCOMPARE_STATUS(reply, 409);
        QCOMPARE(reply.json()["current"]["version"], appVersion);
        QCOMPARE(reply.json()["current"]["status"], "submitted");
        reply = post("/api/v1/applications/" + fresh + "/accept", {{"expected_version", appVersion}}, "clerk");
        QCOMPARE_STATUS(reply, 200);
        QCOMPARE(reply.json()["status"], "in_review");
    }

    void idempotencyKeyOnACommand()
    {
        const json app = getApp(m_app, "applicant");
        const std::string id = caseOf(app, "650100-ZRZY-002");
        const std::map<std::string, std::string> headers
            = {{"Content-Type", "application/json"}, {"Idempotency-Key", "7d0f5b7e-3c1a-4f8e-9a51-2b6f0c8d1e42"}};
        const std::string body = json{{"opinion", "用地范围与规划条件一致"}}.dump();
        const auto first
            = m_server.request("POST", "/api/v1/cases/" + id + "/opinions", body, headers, user("rev.zrzy").token);
        QCOMPARE_STATUS(first, 200);
        const auto second
            = m_server.request("POST", "/api/v1/cases/" + id + "/opinions", body, headers, user("rev.zrzy").token);
        QCOMPARE_STATUS(second, 200);
        int opinions = 0;
        const json after = getApp(m_app, "applicant");
        for (const auto &e : after["timeline"])
            opinions += e["kind"] == "opinion_added" && e["case_id"] == id ? 1 : 0;
        QCOMPARE(opinions, 1);
        QCOMPARE(second.json()["events"], first.json()["events"]);
        QCOMPARE(second.header("idempotent-replayed"), std::string("true"));
        // The same key for a different request is refused, not silently replayed.
        const auto other
            = m_server.request("POST", "/api/v1/cases/" + id + "/claim", "{}", headers, user("rev.zrzy").token);
        QCOMPARE_STATUS(other, 422);
        QCOMPARE(other.json()["errors"][0]["field"], "Idempotency-Key");
        // A malformed key is a 400.
        const auto bad = m_server.request("POST", "/api/v1/cases/" + id + "/opinions", body,
                                          {{"Content-Type", "application/json"}, {"Idempotency-Key", "含空格 的键"}},
                                          user("rev.zrzy").token);
        QCOMPARE_STATUS(bad, 400);
    }

    void idempotencyKeyOnACreate()
    {
        const std::map<std::string, std::string> headers
            = {{"Content-Type", "application/json"}, {"Idempotency-Key", "0b7c2d1e-9f4a-4a3b-8c6d-5e1f2a3b4c5d"}};
        const std::string body = projectBody("2025-650102-47-01-000901").dump();
        const auto first = m_server.request("POST", "/api/v1/projects", body, headers, user("applicant").token);
        QCOMPARE_STATUS(first, 201);
        const auto second = m_server.request("POST", "/api/v1/projects", body, headers, user("applicant").token);
        QCOMPARE(second.status, 201);
        QCOMPARE(second.json()["id"], first.json()["id"]);
    }

    void badBodies()
    {
        const json app = getApp(m_app, "applicant");
        const std::string id = caseOf(app, "650100-ZRZY-002"); // claimed by rev.zrzy
        const std::string path = "/api/v1/cases/" + id + "/decide";
        const auto raw = [&](const std::string &body) {
            return m_server.request("POST", path, body, {{"Content-Type", "application/json"}}, user("rev.zrzy").token);
        };
        auto reply = raw("{\"outcome\": \"approved\", ");
        QCOMPARE_STATUS(reply, 400);
        QVERIFY(reply.isProblem());
        reply = raw("[1, 2]");
        QVERIFY2(reply.status == 400 || reply.status == 422, qPrintable(describe(reply)));
        QVERIFY(reply.isProblem());

        json body = decideBody("maybe");
        reply = post(path, body, "rev.zrzy");
        QCOMPARE_STATUS(reply, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "outcome");

        // Wrong types are field errors, never 500.
        for (const auto &[field, value] :
             std::vector<std::pair<std::string, json>>{{"outcome", 1},
                                                       {"opinion", json::array({"同意"})},
                                                       {"expected_version", "three"},
                                                       {"document", "乌自然资规〔2026〕1号"}}) {
            body = decideBody("approved");
            body[field] = value;
            reply = post(path, body, "rev.zrzy");
            QVERIFY2(reply.status == 422,
                     qPrintable(QString::fromStdString(field) + QStringLiteral(": ") + describe(reply)));
            QVERIFY2(reply.json()["errors"][0]["field"].get<std::string>().rfind(field, 0) == 0,
                     qPrintable(describe(reply)));
        }
        body = decideBody("approved");
        body["document"].erase("number");
        reply = post(path, body, "rev.zrzy");
        QCOMPARE_STATUS(reply, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "document");
        body = decideBody("approved");
        body["document"]["date"] = "2026-13-01";
        reply = post(path, body, "rev.zrzy");
        QCOMPARE_STATUS(reply, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "document.date");
        body = decideBody("approved_tolerated"); // nothing was tolerated at acceptance
        reply = post(path, body, "rev.zrzy");
        QCOMPARE_STATUS(reply, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "outcome");
        reply = post("/api/v1/applications/" + m_app + "/accept", {{"tolerated", "650100-ZRZY-005/M06"}}, "clerk");
        QCOMPARE_STATUS(reply, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "tolerated");

        // Unknown cases and consultations: 404.
        QCOMPARE_STATUS(post("/api/v1/cases/" + m_app + "-99/decide", decideBody("approved"), "rev.zrzy"), 404);
        QCOMPARE_STATUS(post("/api/v1/cases/nonsense/claim", json::object(), "rev.zrzy"), 404);
        QCOMPARE_STATUS(post("/api/v1/cases/20991231000001-1/claim", json::object(), "rev.zrzy"), 404);
        QCOMPARE_STATUS(post("/api/v1/cases/" + id + "/consultations/zq-none/reply", {{"answer", "同意"}}, "rev.fgw"),
                        404);
        QCOMPARE_STATUS(post("/api/v1/applications/20991231000001/accept", json::object(), "clerk"), 404);

        // None of it decided anything.
        QCOMPARE(caseJson(getApp(m_app, "applicant"), id)["status"], "in_progress");
    }

    void concurrentDecisionsOnOneCase()
    {
        // Fresh 自然资源 cases (three per stage-1 application), each claimed by rev.zrzy; the
        // reviewer who signed and the department head decide at the same moment.
        std::vector<std::string> cases;
        for (int p = 0; cases.size() < 10 && p < 6; ++p) {
            const std::string app = acceptedApplication(10 + p);
            QVERIFY(!app.empty());
            const json opened = getApp(app, "applicant");
            for (const auto &k : opened["cases"])
                if (k["department"] == "11650100ZRZY" && cases.size() < 10) {
                    QCOMPARE_STATUS(
                        post("/api/v1/cases/" + k["id"].get<std::string>() + "/claim", json::object(), "rev.zrzy"),
                        200);
                    cases.push_back(k["id"]);
                }
        }
        QCOMPARE(cases.size(), std::size_t(10));

        for (const auto &id : cases) {
            std::barrier start(2);
            HttpReply replies[2];
            const std::string deciders[2] = {"rev.zrzy", "head.zrzy"};
            const std::string outcomes[2] = {"approved", "disapproved"};
            const std::string bodies[2] = {decideBody(outcomes[0]).dump(), decideBody(outcomes[1]).dump()};
            const std::string tokens[2] = {user(deciders[0]).token, user(deciders[1]).token};
            std::thread threads[2];
            for (int t = 0; t < 2; ++t)
                threads[t] = std::thread([&, t] {
                    const std::string &body = bodies[t];
                    const std::string &token = tokens[t];
                    start.arrive_and_wait();
                    replies[t] = m_server.request("POST", "/api/v1/cases/" + id + "/decide", body,
                                                  {{"Content-Type", "application/json"}}, token);
                });
            for (auto &t : threads)
                t.join();
            const int winner = replies[0].status == 200 ? 0 : 1;
            QVERIFY2(replies[winner].status == 200 && replies[1 - winner].status == 409,
                     qPrintable(QString::fromStdString(id) + QStringLiteral(": ") + describe(replies[0])
                                + QStringLiteral(" / ") + describe(replies[1])));
            const json loser = replies[1 - winner].json();
            QCOMPARE(loser["current"]["id"], id);
            QCOMPARE(loser["current"]["status"], outcomes[winner]);

            const json k = m_server.get("/api/v1/cases/" + id, user("rev.zrzy").token).json();
            QCOMPARE(k["status"], outcomes[winner]);
            int decisions = 0;
            for (const auto &e : k["timeline"])
                decisions += e["case_id"] == id
                                     && (e["kind"] == "approved" || e["kind"] == "disapproved"
                                         || e["kind"] == "approved_tolerated")
                                 ? 1
                                 : 0;
            QCOMPARE(decisions, 1);
        }
        const auto verify = m_server.get("/api/v1/audit/verify", user("admin").token);
        QCOMPARE_STATUS(verify, 200);
        QCOMPARE(verify.json()["ok"], true);
    }

    void concurrentLastDecisionsConcludeOnce()
    {
        // The last two open cases of an application, in two departments, decided at the same
        // moment: both succeed, and the stage concludes exactly once.
        for (int round = 0; round < 3; ++round) {
            const std::string app = acceptedApplication(30 + round);
            QVERIFY(!app.empty());
            const json opened = getApp(app, "applicant");
            std::string last[2];
            for (const auto &k : opened["cases"]) {
                const std::string id = k["id"];
                const std::string who = k["department"] == "11650100FGW" ? "rev.fgw" : "rev.zrzy";
                QCOMPARE_STATUS(post("/api/v1/cases/" + id + "/claim", json::object(), who), 200);
                if (k["item_code"] == "650100-FGW-001")
                    last[0] = id;
                else if (k["item_code"] == "650100-ZRZY-002")
                    last[1] = id;
                else
                    QCOMPARE_STATUS(post("/api/v1/cases/" + id + "/decide", decideBody("approved"), who), 200);
            }
            QVERIFY(!last[0].empty() && !last[1].empty());
            const std::string body = decideBody("approved").dump();
            const std::string tokens[2] = {user("rev.fgw").token, user("rev.zrzy").token};
            HttpReply replies[2];
            std::barrier start(2);
            std::thread threads[2];
            for (int t = 0; t < 2; ++t)
                threads[t] = std::thread([&, t] {
                    start.arrive_and_wait();
                    replies[t] = m_server.request("POST", "/api/v1/cases/" + last[t] + "/decide", body,
                                                  {{"Content-Type", "application/json"}}, tokens[t]);
                });
            for (auto &t : threads)
                t.join();
            QCOMPARE_STATUS(replies[0], 200);
            QCOMPARE_STATUS(replies[1], 200);
            const json after = getApp(app, "applicant");
            QCOMPARE(after["status"], "concluded");
            int concluded = 0;
            for (const auto &e : after["timeline"])
                concluded += e["kind"] == "stage_concluded" ? 1 : 0;
            QCOMPARE(concluded, 1);
            // Exactly one of the two answers carries the conclusion.
            const auto carries = [](const HttpReply &r) {
                const json events = r.json()["events"];
                return events.size() == 2 && events[1]["kind"] == "stage_concluded";
            };
            QVERIFY(carries(replies[0]) != carries(replies[1]));
        }
    }

private:
    const Session &user(const std::string &name) { return m_users[name]; }

    HttpReply post(const std::string &path, const json &body, const std::string &who)
    {
        return m_server.postJson(path, body, user(who).token);
    }

    json getApp(const std::string &id, const std::string &who)
    {
        const auto reply = m_server.get("/api/v1/applications/" + id, user(who).token);
        return reply.status == 200 ? reply.json() : json();
    }

    static std::string caseOf(const json &app, const std::string &itemCode)
    {
        for (const auto &k : app["cases"])
            if (k["item_code"] == itemCode)
                return k["id"];
        return {};
    }
    static json caseJson(const json &app, const std::string &id)
    {
        for (const auto &k : app["cases"])
            if (k["id"] == id)
                return k;
        return nullptr;
    }

    static json decideBody(const std::string &outcome)
    {
        return {{"outcome", outcome},
                {"opinion", outcome == "disapproved" ? "规划条件不符，不予许可" : "经审查，符合要求"},
                {"document", resultDocument("乌自然资规〔2026〕17号", "建设用地规划许可证", "2026-11-28")}};
    }

    static json projectBody(const std::string &code)
    {
        return {{"project_code", code},
                {"name", "乌鲁木齐市天山区社区卫生服务中心新建项目 " + code.substr(18)},
                {"region_code", "650102"},
                {"process_type", 1},
                {"approval_type", 1},
                {"investment", "36000000.00"},
                {"builder_credit_code", "91350100M000100Y43"}};
    }

    /// A new project with stage 1 submitted (all materials); "" on failure. @p answer: the
    /// submission's answer.
    std::string submitted(int serial, json *answer = nullptr)
    {
        char code[32];
        std::snprintf(code, sizeof code, "2025-650102-47-01-%06d", 300 + serial);
        const auto project = post("/api/v1/projects", projectBody(code), "applicant");
        if (project.status != 201) {
            qWarning("project: %s", qPrintable(describe(project)));
            return {};
        }
        const json p = project.json();
        const json guide = stageGuide(m_server, 1);
        const json form = fillForm(guide["form"], p);
        const auto reply = post("/api/v1/applications",
                                {{"project_id", p["id"]},
                                 {"stage", 1},
                                 {"form", form},
                                 {"materials", materialsFor(applyingItems(guide, form, p), {})}},
                                "applicant");
        if (reply.status != 201) {
            qWarning("submit: %s", qPrintable(describe(reply)));
            return {};
        }
        if (answer)
            *answer = reply.json();
        return reply.json()["id"];
    }

    std::string acceptedApplication(int serial)
    {
        const std::string id = submitted(serial);
        if (id.empty())
            return {};
        const auto reply = post("/api/v1/applications/" + id + "/accept", json::object(), "clerk");
        if (reply.status != 200) {
            qWarning("accept: %s", qPrintable(describe(reply)));
            return {};
        }
        return id;
    }

    TestServer m_server;
    std::map<std::string, Session> m_users;
    std::string m_app;
};

QTEST_GUILESS_MAIN(tst_CaseCommands)
#include "tst_casecommands.moc"
