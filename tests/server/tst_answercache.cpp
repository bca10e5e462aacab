// The case list is kept between requests (ResponseCache) and yet never shows stale data, on both
// backends: a change through the API shows on the very next request, a change through another
// spgl-server instance on the same database within a poll interval, a hand edit within two
// seconds; each caller gets their own list; a session ended elsewhere stops its access tokens
// within a second, one ended on this instance at once.
#include "testserver.h"

#include <QtTest>

#include <optional>
#include <set>

using nlohmann::json;
using spgl::test::TestServer;

class tst_AnswerCache : public QObject
{
    Q_OBJECT
private:
    // How long to wait for a kept answer to be served, when that time is not what a check is
    // about: after any write the answer is read again first, and on PostgreSQL every 2 s as well.
    // A CI machine running PostgreSQL suites side by side once took just over 5 s to serve one
    // after the other instance's login.
    static constexpr int kSettles = 20000;

    /// The reviewer's list from the first request served from what was kept; nothing if none is
    /// within kSettles.
    std::optional<spgl::test::HttpReply> keptList()
    {
        QDeadlineTimer deadline(kSettles);
        do {
            auto reply = m_server.get(kList, m_reviewer);
            if (reply.header("x-spgl-cache") == "hit")
                return reply;
            QTest::qWait(50);
        } while (!deadline.hasExpired());
        return std::nullopt;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.startWithDemo(40, 7), qPrintable(m_server.lastError()));
        m_reviewer = m_server.login("reviewer");
        QVERIFY(!m_reviewer.empty());
    }

    void secondRequestIsServedFromTheCache()
    {
        const auto first = m_server.get(kList, m_reviewer);
        QCOMPARE(first.status, 200);
        QVERIFY(first.json()["items"].size() > 0);
        // (The very first requests may come before the server watches the database: "off".)
        // The same request is then answered from what was kept, with the same body.
        const auto kept = keptList();
        QVERIFY2(kept, "no request was served from what was kept");
        QCOMPARE(kept->status, 200);
        QCOMPARE(kept->body, first.body);
        // Another query is another answer.
        const auto fewer = m_server.get("/api/v1/cases?state=open&limit=1", m_reviewer);
        QCOMPARE(fewer.json()["items"].size(), std::size_t(1));
    }

    void eachCallerGetsTheirOwnList()
    {
        const std::string supervisor = m_server.login("supervisor");
        const auto mine = m_server.get(kList, m_reviewer);
        const auto theirs = m_server.get(kList, supervisor);
        QCOMPARE(theirs.status, 200);
        QCOMPARE(QString::fromStdString(theirs.header("x-spgl-cache")), u"miss"_qs);
        // The reviewer sees only their department; the supervisor the whole region.
        QVERIFY(theirs.json()["items"].size() > mine.json()["items"].size());
        std::set<std::string> departments;
        const json mineItems = mine.json()["items"];
        for (const auto &item : mineItems)
            departments.insert(item["department"].get<std::string>());
        QCOMPARE(departments.size(), std::size_t(1));
    }

    void ownChangeShowsOnTheNextRequest()
    {
        // The reviewer writes an opinion on one of their cases in progress.
        const json mine = m_server.get("/api/v1/cases?state=in_progress&assignee=me&limit=1", m_reviewer).json();
        QVERIFY2(mine["items"].size() == 1, "the demo data has a case in progress held by the reviewer");
        const std::string id = mine["items"][0]["id"];
        const std::int64_t version = mine["items"][0]["version"];
        QVERIFY2(keptList(), "no request was served from what was kept");

        const auto written
            = m_server.postJson("/api/v1/cases/" + id + "/opinions",
                                {{"opinion", "材料齐全，同意"}, {"expected_version", version}}, m_reviewer);
        QVERIFY2(written.status == 200, written.body.c_str());
        // No waiting: the reviewer sees at once what they just did.
        const auto after = m_server.get(kList, m_reviewer);
        QCOMPARE(QString::fromStdString(after.header("x-spgl-cache")), u"miss"_qs);
        bool found = false;
        const json afterItems = after.json()["items"];
        for (const auto &item : afterItems)
            if (item["id"] == id) {
                found = true;
                QCOMPARE(item["version"].get<std::int64_t>(), version + 1);
            }
        QVERIFY(found);
    }

    void changeThroughAnotherInstanceShowsWithinAPoll()
    {
        // A second spgl-server on the same database (behind the same load balancer).
        TestServer other;
        const QString db = TestServer::backend() == u"sqlite"_qs ? u"sqlite:"_qs + m_server.dataDir() + u"/spgl.db"_qs
                                                                 : m_server.dbSpec();
        QVERIFY2(other.start({u"--db="_qs + db, u"--clock-scan=0"_qs}), qPrintable(other.lastError()));
        const std::string there = other.login("reviewer");
        const json mine = m_server.get("/api/v1/cases?state=in_progress&assignee=me&limit=1", m_reviewer).json();
        QCOMPARE(mine["items"].size(), std::size_t(1));
        const std::string id = mine["items"][0]["id"];
        const std::int64_t version = mine["items"][0]["version"];
        // The other instance's login (its audit row) is heard within a poll: until then the
        // answer kept may still be renewed once.
        QVERIFY2(keptList(), "no request was served from what was kept");

        QCOMPARE(other
                     .postJson("/api/v1/cases/" + id + "/opinions",
                               {{"opinion", "经另一台服务器填写"}, {"expected_version", version}}, there)
                     .status,
                 200);
        // This instance hears of it within its poll interval (25 ms; the timeout allows for a loaded
        // machine), far below the 2 s bound that applies to edits made outside spgl-server.
        const auto changed = [&] {
            const json items = m_server.get(kList, m_reviewer).json()["items"];
            for (const auto &item : items)
                if (item["id"] == id)
                    return item["version"].get<std::int64_t>() == version + 1;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(changed(), 5000);

        // A session ended on the other instance (logout) ends here as well.
        const json login
            = m_server.postJson("/api/v1/auth/login", {{"username", "rev.zrzy"}, {"password", "Demo@2026"}}).json();
        const std::string token = login["access_token"];
        QCOMPARE(m_server.get(kList, token).status, 200);
        QCOMPARE(m_server.get(kList, token).status, 200); // the open session is now remembered
        QCOMPARE(other.postJson("/api/v1/auth/logout", {{"refresh_token", login["refresh_token"]}}, token).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.get(kList, token).status, 401, 5000);
    }

    void editByHandShowsWithinTwoSeconds()
    {
        const auto kept = keptList();
        QVERIFY2(kept, "no request was served from what was kept");
        const json before = kept->json();
        const std::string id = before["items"][0]["id"];
        const std::string project = before["items"][0]["project_id"];
        // An administrator corrects a project's name with SQL, outside spgl-server.
        m_server.sql("UPDATE projects SET name = '改名后的项目（缓存测试）' WHERE id = " + project);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const json items = m_server.get(kList, m_reviewer).json()["items"];
                for (const auto &item : items)
                    if (item["id"] == id)
                        return item["project_name"] == "改名后的项目（缓存测试）";
                return false;
            }(),
            4000);
    }

    void sessionRevokedByHandEndsItsTokens()
    {
        const std::string token = m_server.login("rev.sthj");
        QCOMPARE(m_server.get(kList, token).status, 200);
        QCOMPARE(m_server.get(kList, token).status, 200);
        m_server.sql("UPDATE refresh_tokens SET revoked_at = 1 WHERE user_id = (SELECT id FROM users WHERE "
                     "username = 'rev.sthj')");
        QTRY_COMPARE_WITH_TIMEOUT(m_server.get(kList, token).status, 401, 4000);
    }

    void sessionEndedHereIsRefusedAtOnce()
    {
        // A session found open is believed for up to a second while other writes go on (so that
        // a busy server does not ask the database on every request), but never after this
        // server itself ended it: by a password change, a logout, a reused refresh token.
        const json login
            = m_server.postJson("/api/v1/auth/login", {{"username", "rev.fgw"}, {"password", "Demo@2026"}}).json();
        const std::string access = login["access_token"];
        QCOMPARE(m_server.get(kList, access).status, 200);
        QCOMPARE(m_server.get(kList, access).status, 200); // now remembered as open
        // Another user's writes move the data on meanwhile.
        const std::string other = m_server.login("rev.zrzy");
        QCOMPARE(m_server.get(kList, access).status, 200);
        const auto changed = m_server.postJson(
            "/api/v1/auth/password", {{"current_password", "Demo@2026"}, {"new_password", "Xinjiang#2027ok"}}, access);
        QCOMPARE(changed.status, 200);
        const auto ended = m_server.get(kList, access);
        QCOMPARE(ended.status, 401);
        QVERIFY(ended.body.find("会话已退出") != std::string::npos);
        // The fresh login the change answered with works; so does the other user's session.
        QCOMPARE(m_server.get(kList, changed.json()["access_token"].get<std::string>()).status, 200);
        QCOMPARE(m_server.get(kList, other).status, 200);
    }

private:
    static constexpr const char *kList = "/api/v1/cases?state=open&limit=500";
    TestServer m_server;
    std::string m_reviewer;
};

QTEST_GUILESS_MAIN(tst_AnswerCache)
#include "tst_answercache.moc"
