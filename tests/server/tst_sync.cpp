// The sync endpoints of the offline desktop (ARCHITECTURE §6), on both backends: the change feed
// is filtered by scope and role, pages resume from their cursor without gaps or repeats, and
// pushed ops are applied once, answered the same way when sent again, and refused or reported
// as conflicts exactly as online requests would be.
#include "portal.h"
#include "testserver.h"

#include <QUuid>
#include <QtTest>

#include <map>
#include <set>

using nlohmann::json;
using spgl::test::TestServer;

namespace {
std::string uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

/// Pulls the whole feed in pages of @p pageSize; entity → id → data.
std::map<std::string, std::map<std::string, json>> pullAll(const TestServer &s, const std::string &token, int pageSize,
                                                           int *pages, std::string *cursor)
{
    std::map<std::string, std::map<std::string, json>> out;
    std::string since = cursor && !cursor->empty() ? *cursor : "0";
    std::int64_t lastSeq = std::stoll(since);
    for (int i = 0; i < 10000; ++i) {
        const auto r = s.get("/api/v1/sync/changes?since=" + since + "&limit=" + std::to_string(pageSize), token);
        if (r.status != 200)
            throw std::runtime_error("sync/changes " + std::to_string(r.status) + " " + r.body);
        const json body = r.json();
        const json changes = body["changes"];
        for (const auto &c : changes) {
            const std::int64_t seq = c["seq"].get<std::int64_t>();
            if (seq <= lastSeq)
                throw std::runtime_error("sequence went backwards or repeated");
            lastSeq = seq;
            out[c["entity"].get<std::string>()][c["id"].get<std::string>()] = c["data"];
        }
        since = body["next"].get<std::string>();
        if (pages)
            ++*pages;
        if (!body["has_more"].get<bool>())
            break;
    }
    if (cursor)
        *cursor = since;
    return out;
}
/// The demo reviewer of a department.
std::string reviewerOf(const TestServer &s, const std::string &department)
{
    const auto rows
        = s.sql("SELECT u.username FROM users u JOIN departments d ON d.id = u.department_id WHERE d.code = '"
                + department + "' AND u.roles = 'reviewer' ORDER BY u.id LIMIT 1");
    return rows.empty() ? std::string() : rows[0][0];
}

/// Claims the first accepted case as a reviewer of its department: its id, application and
/// department (one row), or nothing when none is left or the claim failed.
std::vector<std::vector<std::string>> claimAnAcceptedCase(const TestServer &s)
{
    const auto open
        = s.sql("SELECT id, application_id, department FROM cases WHERE status = 'accepted' ORDER BY id LIMIT 1");
    if (open.empty()
        || s.postJson("/api/v1/cases/" + open[0][0] + "/claim", json::object(), s.login(reviewerOf(s, open[0][2])))
                   .status
               != 200)
        return {};
    return open;
}
} // namespace

class tst_Sync : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_server.startWithDemo(60, 9), qPrintable(m_server.lastError())); }

    void feedFollowsScope()
    {
        const std::string reviewer = m_server.login("reviewer"); // 住建 11650100ZJJ
        int pages = 0;
        const auto feed = pullAll(m_server, reviewer, 7, &pages, nullptr);
        QVERIFY(pages > 2);
        QVERIFY(!feed.at("case").empty());
        // Exactly the cases of the department and those that consulted it (征求意见), and the
        // applications those cases belong to.
        std::set<std::string> expectedCases;
        for (const auto &row :
             m_server.sql("SELECT id FROM cases WHERE department = '11650100ZJJ' UNION SELECT case_id "
                          "FROM case_consultations WHERE department = '11650100ZJJ'"))
            expectedCases.insert(row[0]);
        std::set<std::string> consulted;
        for (const auto &row : m_server.sql("SELECT case_id FROM case_consultations WHERE department = '11650100ZJJ'"))
            consulted.insert(row[0]);
        QVERIFY2(!consulted.empty(), "the demo data has consultations to 住建");
        std::set<std::string> cases;
        for (const auto &[id, data] : feed.at("case")) {
            cases.insert(id);
            QVERIFY2(data["department"] == "11650100ZJJ" || consulted.count(id), id.c_str());
        }
        QVERIFY(cases == expectedCases);
        for (const auto &[id, data] : feed.at("application")) {
            bool concerned = false;
            for (const auto &k : data["state"]["cases"])
                concerned
                    = concerned || k["department"] == "11650100ZJJ" || consulted.count(k["id"].get<std::string>());
            QVERIFY2(concerned, id.c_str());
        }
        // A clerk of the window sees every application of the region.
        const auto window = pullAll(m_server, m_server.login("clerk"), 500, nullptr, nullptr);
        QCOMPARE(int(window.at("application").size()),
                 std::stoi(m_server.sql("SELECT COUNT(*) FROM applications")[0][0]));
    }

    void resumesFromTheCursor()
    {
        const std::string clerk = m_server.login("clerk");
        std::string cursor;
        const auto first = pullAll(m_server, clerk, 50, nullptr, &cursor);
        // Nothing new: an empty page at the same cursor.
        const auto again = m_server.get("/api/v1/sync/changes?since=" + cursor, clerk).json();
        QVERIFY(again["changes"].empty());
        QCOMPARE(again["next"], cursor);
        QCOMPARE(again["has_more"], false);

        // One change online; the incremental pull holds exactly that application and its case.
        const auto open = claimAnAcceptedCase(m_server);
        QVERIFY(!open.empty());
        const auto delta = pullAll(m_server, clerk, 50, nullptr, &cursor);
        QCOMPARE(int(delta.at("case").size()), 1);
        QCOMPARE(delta.at("case").begin()->second["status"], "in_progress");
        QCOMPARE(int(delta.at("application").size()), 1);
        QVERIFY(delta.at("application").count(open[0][1]));
        QVERIFY(!first.empty());

        QCOMPARE(m_server.get("/api/v1/sync/changes?since=abc", clerk).status, 422);
        QCOMPARE(m_server.get("/api/v1/sync/changes?limit=99999", clerk).status, 422);
        QCOMPARE(m_server.get("/api/v1/sync/changes").status, 401);
    }

    /// A first sync moves each entity once, at its latest change, however long its history: an
    /// application changed by ten events is not sent ten times across the pages.
    void eachEntityOnceAtItsLatestChange()
    {
        const std::string clerk = m_server.login("clerk");
        std::map<std::string, int> sent;
        std::map<std::string, std::int64_t> versions;
        std::string since = "0";
        for (int page = 0; page < 10000; ++page) {
            const auto r = m_server.get("/api/v1/sync/changes?since=" + since + "&limit=13", clerk);
            QCOMPARE(r.status, 200);
            const json body = r.json();
            for (const auto &c : body["changes"]) {
                const std::string key = c["entity"].get<std::string>() + "/" + c["id"].get<std::string>();
                ++sent[key];
                versions[key] = c["version"].get<std::int64_t>();
            }
            since = body["next"].get<std::string>();
            if (!body["has_more"].get<bool>())
                break;
        }
        const int history = std::stoi(m_server.sql("SELECT COUNT(*) FROM changes WHERE entity = 'application'")[0][0]);
        const auto applications = m_server.sql("SELECT id, version FROM applications");
        QVERIFY2(history > 2 * int(applications.size()), "the demo applications have a history of several changes");
        for (const auto &[key, times] : sent)
            QVERIFY2(times == 1, key.c_str());
        // Every application arrived, at its current version.
        for (const auto &row : applications)
            QCOMPARE(versions["application/" + row[0]], std::stoll(row[1]));

        // An entity changed after the sync passed it comes again in the next pull, once.
        const auto open = claimAnAcceptedCase(m_server);
        QVERIFY(!open.empty());
        const json delta = m_server.get("/api/v1/sync/changes?since=" + since + "&limit=13", clerk).json();
        std::set<std::string> keys;
        for (const auto &c : delta["changes"])
            QVERIFY(keys.insert(c["entity"].get<std::string>() + "/" + c["id"].get<std::string>()).second);
        QVERIFY(keys.count("application/" + open[0][1]));
    }

    void pushAppliesOnce()
    {
        // A case of 住建 or 自然资源: a second person of its department (head, coordinator) tries too.
        const auto open = m_server.sql("SELECT id, version, department FROM cases WHERE status = 'accepted' AND "
                                       "department IN ('11650100ZJJ', '11650100ZRZY') ORDER BY id DESC LIMIT 1");
        QVERIFY(!open.empty());
        const std::string caseId = open[0][0];
        const std::string department = open[0][2];
        const std::string reviewer = m_server.login(reviewerOf(m_server, department));
        const std::string op = uuid();
        const json batch = {
            {"device_id", "desk-1"},
            {"ops",
             {{{"op_id", op}, {"command", "claim"}, {"target", caseId}, {"expected_version", std::stoi(open[0][1])}}}}};
        const auto first = m_server.postJson("/api/v1/sync/push", batch, reviewer);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json()["results"][0]["status"], "applied");
        const int events
            = std::stoi(m_server.sql("SELECT COUNT(*) FROM events WHERE case_id = '" + caseId + "'")[0][0]);
        // Sent again (the answer was lost): applied once, same answer.
        const auto second = m_server.postJson("/api/v1/sync/push", batch, reviewer);
        QCOMPARE(second.json()["results"][0]["status"], "applied");
        QCOMPARE(second.json()["results"][0]["version"], first.json()["results"][0]["version"]);
        QCOMPARE(second.json()["results"][0]["duplicate"], true);
        QCOMPARE(std::stoi(m_server.sql("SELECT COUNT(*) FROM events WHERE case_id = '" + caseId + "'")[0][0]), events);

        // Another device claimed it meanwhile: a conflict with the server's current state.
        const auto conflict = m_server.postJson(
            "/api/v1/sync/push",
            {{"device_id", "desk-2"}, {"ops", {{{"op_id", uuid()}, {"command", "claim"}, {"target", caseId}}}}},
            m_server.login(department == "11650100ZJJ" ? "head" : "coordinator"));
        const json r = conflict.json()["results"][0];
        QCOMPARE(r["status"], "conflict");
        QCOMPARE(r["current"]["status"], "in_progress");
        QVERIFY(!r["current"]["assignee_name"].get<std::string>().empty());

        // Not allowed: rejected with the reason, nothing applied; the rest of the batch still runs.
        const auto other = m_server.sql("SELECT id FROM cases WHERE status = 'accepted' AND department <> '"
                                        + department + "' ORDER BY id LIMIT 1");
        QVERIFY(!other.empty());
        const auto mixed = m_server.postJson("/api/v1/sync/push",
                                             {{"device_id", "desk-1"},
                                              {"ops",
                                               {{{"op_id", uuid()}, {"command", "claim"}, {"target", other[0][0]}},
                                                {{"op_id", "not-a-uuid!"}, {"command", "claim"}, {"target", caseId}},
                                                {{"op_id", uuid()}, {"command", "fly"}, {"target", caseId}},
                                                {{"op_id", uuid()},
                                                 {"command", "add_opinion"},
                                                 {"target", caseId},
                                                 {"args", {{"opinion", "离线填写的意见"}}}}}}},
                                             reviewer);
        QCOMPARE(mixed.status, 200);
        const json results = mixed.json()["results"];
        QCOMPARE(results[0]["status"], "rejected");
        QCOMPARE(results[0]["http_status"], 403);
        QCOMPARE(results[1]["status"], "rejected");
        QCOMPARE(results[2]["status"], "rejected");
        QCOMPARE(results[2]["error"]["field"], "command");
        QCOMPARE(results[3]["status"], "applied");

        // Bad batches are refused as a whole.
        QCOMPARE(m_server.postJson("/api/v1/sync/push", {{"ops", json::array()}}, reviewer).status, 422);
        QCOMPARE(m_server.postJson("/api/v1/sync/push", {{"device_id", "d"}, {"ops", "x"}}, reviewer).status, 422);
        QCOMPARE(
            m_server.request("POST", "/api/v1/sync/push", "{not json", {{"Content-Type", "application/json"}}, reviewer)
                .status,
            400);
    }

    void feedProjectCarriesThePinnedProcess()
    {
        // A project pins its process version at its first application; the clerk's cache hears of
        // it through the feed (窗口代办 offline must file with that version's form).
        const std::string applicant = m_server.login("applicant");
        const std::string clerk = m_server.login("clerk");
        std::string cursor;
        (void)pullAll(m_server, clerk, 200, nullptr, &cursor);
        const json p = spgl::test::tianshanProject(m_server, applicant, 870001, "流程版本测试项目");
        QVERIFY(p.contains("id"));
        const std::string id = p["id"];
        auto fresh = pullAll(m_server, clerk, 200, nullptr, &cursor);
        QVERIFY(fresh["project"].count(id));
        QVERIFY(fresh["project"][id]["process_code"].is_null());

        const json guide = spgl::test::stageGuide(m_server, 1);
        const json form = spgl::test::fillForm(guide["form"], p);
        const auto filed = m_server.postJson(
            "/api/v1/applications",
            {{"project_id", id},
             {"stage", 1},
             {"form", form},
             {"materials", spgl::test::materialsFor(spgl::test::applyingItems(guide, form, p), {})}},
            applicant);
        QVERIFY2(filed.status == 201, filed.body.c_str());
        auto pinned = pullAll(m_server, clerk, 200, nullptr, &cursor);
        QVERIFY2(pinned["project"].count(id), "the first application changes the project: the feed carries it");
        const json cached = pinned["project"][id];
        QCOMPARE(cached["process_code"], guide["process_code"]);
        QCOMPARE(cached["process_version"], guide["process_version"]);
        QCOMPARE(cached["current_stage"].get<int>(), 1);
        QCOMPARE(cached["version"].get<int>(), p["version"].get<int>() + 1);
    }

    void pushedWalkInIsFiledOnce()
    {
        // 窗口代办 filed offline reaches the server as a "submit" op for a project: filed by the same
        // submission as POST /applications (channel window, the project's owner as applicant, the
        // scanned material's file), once however often it is sent, and refused as the online
        // request would be — leaving nothing behind.
        const std::string applicant = m_server.login("applicant");
        const std::string clerk = m_server.login("clerk");
        auto project
            = [&](int n) { return spgl::test::tianshanProject(m_server, applicant, 880000 + n, "窗口代办测试项目"); };
        const json p = project(1);
        QVERIFY(p.contains("id"));
        const json guide = spgl::test::stageGuide(m_server, 1);
        const json form = spgl::test::fillForm(guide["form"], p);
        const auto items = spgl::test::applyingItems(guide, form, p);
        const std::string scan = spgl::test::uploadFile(m_server, clerk, "扫描件.pdf", spgl::test::pdfBytes(5000, 3));
        QVERIFY(!scan.empty());
        const std::string first
            = items.front()["code"].get<std::string>() + "/" + items.front()["materials"][0]["code"].get<std::string>();
        const json args = {{"stage", 1},
                           {"channel", "window"},
                           {"form", form},
                           {"materials", spgl::test::materialsFor(items, {}, {{first, scan}})}};
        const std::string op = uuid();
        const json batch = {{"device_id", "desk-w"},
                            {"ops", {{{"op_id", op}, {"command", "submit"}, {"target", p["id"]}, {"args", args}}}}};
        const json answer = m_server.postJson("/api/v1/sync/push", batch, clerk).json()["results"][0];
        QCOMPARE(answer["status"], "applied");
        const std::string id = answer.value("id", std::string());
        QVERIFY(!id.empty());
        const auto row = m_server.sql(
            "SELECT channel, status, CAST(applicant_id AS TEXT) FROM applications WHERE id = '" + id + "'");
        QCOMPARE(row.size(), std::size_t(1));
        QCOMPARE(row[0][0], std::string("window"));
        QCOMPARE(row[0][1], std::string("submitted"));
        QCOMPARE(row[0][2], p["owner_id"].get<std::string>());
        const json filed = m_server.get("/api/v1/applications/" + id, clerk).json();
        bool withScan = false;
        for (const auto &m : filed["materials"])
            withScan = withScan || m.value("file_id", std::string()) == scan;
        QVERIFY(withScan);

        // The answer was lost and the op goes again: the same application, not a second one.
        const json again = m_server.postJson("/api/v1/sync/push", batch, clerk).json()["results"][0];
        QCOMPARE(again["id"], answer["id"]);
        QCOMPARE(again["duplicate"], true);
        const std::string ofProject
            = "SELECT COUNT(*) FROM applications WHERE project_id = " + p["id"].get<std::string>();
        QCOMPARE(m_server.sql(ofProject)[0][0], std::string("1"));

        // The applicant filed the stage online meanwhile (here: the filing above): a conflict.
        const json twice
            = m_server
                  .postJson(
                      "/api/v1/sync/push",
                      {{"device_id", "desk-w"},
                       {"ops", {{{"op_id", uuid()}, {"command", "submit"}, {"target", p["id"]}, {"args", args}}}}},
                      clerk)
                  .json()["results"][0];
        QCOMPARE(twice["status"], "conflict");
        QVERIFY(!twice["error"]["message"].get<std::string>().empty());

        // A form the server refuses: rejected with the field and the reason; nothing written.
        const json q = project(2);
        std::string required;
        for (const auto &f : guide["form"]["fields"])
            if (required.empty() && f.value("required", false) && form.contains(f["name"].get<std::string>()))
                required = f["name"];
        QVERIFY(!required.empty());
        json bad = args;
        bad["form"] = spgl::test::fillForm(guide["form"], q);
        bad["form"].erase(required);
        const std::string counters = "SELECT COALESCE(SUM(value), 0) FROM counters WHERE name LIKE 'application:%'";
        const std::string before = m_server.sql(counters)[0][0];
        auto pushOne = [&](const json &opArgs, const std::string &token) {
            return m_server
                .postJson(
                    "/api/v1/sync/push",
                    {{"device_id", "desk-w"},
                     {"ops", {{{"op_id", uuid()}, {"command", "submit"}, {"target", q["id"]}, {"args", opArgs}}}}},
                    token)
                .json()["results"][0];
        };
        const json refused = json::array({pushOne(bad, clerk), pushOne(args, m_server.login("reviewer"))});
        QVERIFY2(refused[0]["status"] == "rejected", refused.dump().c_str());
        QCOMPARE(refused[0]["http_status"], 422);
        QCOMPARE(refused[0]["error"]["field"], "form." + required);
        QCOMPARE(refused[1]["status"], "rejected"); // a reviewer does not file
        QCOMPARE(refused[1]["http_status"], 403);
        QCOMPARE(
            m_server.sql("SELECT COUNT(*) FROM applications WHERE project_id = " + q["id"].get<std::string>())[0][0],
            std::string("0"));
        QCOMPARE(m_server.sql(counters)[0][0], before);
    }

    void cleanupTestCase() { m_server.stop(); }

private:
    TestServer m_server;
};

QTEST_GUILESS_MAIN(tst_Sync)
#include "tst_sync.moc"
