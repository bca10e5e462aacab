// Login, refresh, logout, lockout and registration over HTTP, on both backends.
#include "testserver.h"

#include <QtTest>

using nlohmann::json;
using spgl::test::TestServer;

class tst_Auth : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start({QStringLiteral("--access-ttl=2")}), qPrintable(m_server.lastError()));
    }

    void healthNamesTheBackend()
    {
        const auto reply = m_server.get("/api/v1/health");
        QCOMPARE(reply.status, 200);
        const json body = reply.json();
        QCOMPARE(body["status"], "ok");
        QCOMPARE(QString::fromStdString(body["db"].get<std::string>()), TestServer::backend());
        QCOMPARE(body["role"], "prefecture");
        QVERIFY(body["version"].is_string());
        // The portal takes its upload limit from here.
        QVERIFY(body["max_upload_bytes"].is_number_integer() && body["max_upload_bytes"].get<std::int64_t>() > 0);
    }

    void loginReturnsTokensAndUser()
    {
        const auto reply = m_server.postJson("/api/v1/auth/login", {{"username", "clerk"}, {"password", "Demo@2026"}});
        QCOMPARE(reply.status, 200);
        const json body = reply.json();
        QVERIFY(!body["access_token"].get<std::string>().empty());
        QVERIFY(!body["refresh_token"].get<std::string>().empty());
        QVERIFY(body["expires_in"].get<int>() > 0);
        QCOMPARE(body["user"]["username"], "clerk");
        QCOMPARE(body["user"]["roles"], json::array({"window_clerk"}));
        QCOMPARE(body["user"]["region_code"], "650100");
        QVERIFY(body["user"]["department_id"].is_string());
        QVERIFY(!body["user"].contains("password_hash"));

        const auto me = m_server.get("/api/v1/auth/me", body["access_token"]);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json()["username"], "clerk");
    }

    void accessTokenExpires()
    {
        const std::string token = m_server.login("reviewer");
        QVERIFY(!token.empty());
        QCOMPARE(m_server.get("/api/v1/auth/me", token).status, 200);
        QTest::qWait(3100); // --access-ttl=2
        const auto reply = m_server.get("/api/v1/auth/me", token);
        QCOMPARE(reply.status, 401);
        QVERIFY(reply.isProblem());
        QCOMPARE(reply.header("WWW-Authenticate"), std::string("Bearer"));
        QCOMPARE(m_server.get("/api/v1/auth/me", "not-a-token").status, 401);
        QCOMPARE(m_server.get("/api/v1/auth/me").status, 401);
    }

    void refreshRotatesAndReuseRevokesTheFamily()
    {
        const auto first
            = m_server.postJson("/api/v1/auth/login", {{"username", "supervisor"}, {"password", "Demo@2026"}}).json();
        const std::string r1 = first["refresh_token"];
        const auto second = m_server.postJson("/api/v1/auth/refresh", {{"refresh_token", r1}});
        QCOMPARE(second.status, 200);
        const std::string r2 = second.json()["refresh_token"];
        QVERIFY(r2 != r1);
        QCOMPARE(m_server.get("/api/v1/auth/me", second.json()["access_token"]).status, 200);

        // r1 was rotated away: presenting it again means a copy exists; the whole family dies.
        const auto reuse = m_server.postJson("/api/v1/auth/refresh", {{"refresh_token", r1}});
        QCOMPARE(reuse.status, 401);
        QVERIFY(reuse.isProblem());
        QCOMPARE(m_server.postJson("/api/v1/auth/refresh", {{"refresh_token", r2}}).status, 401);
        // The session is over: its access tokens too.
        QCOMPARE(m_server.get("/api/v1/auth/me", second.json()["access_token"]).status, 401);
    }

    void logoutRevokesTheRefreshToken()
    {
        const auto login
            = m_server.postJson("/api/v1/auth/login", {{"username", "head"}, {"password", "Demo@2026"}}).json();
        const std::string access = login["access_token"], refresh = login["refresh_token"];
        const auto out = m_server.postJson("/api/v1/auth/logout", {{"refresh_token", refresh}}, access);
        QCOMPARE(out.status, 204);
        QCOMPARE(m_server.postJson("/api/v1/auth/refresh", {{"refresh_token", refresh}}).status, 401);
        // The access token of the closed session is refused at once, not only when it expires;
        // another session of the same user goes on.
        const auto closed = m_server.get("/api/v1/auth/me", access);
        QCOMPARE(closed.status, 401);
        QVERIFY(closed.body.find("会话已退出") != std::string::npos);
        const std::string other = m_server.login("head");
        QCOMPARE(m_server.get("/api/v1/auth/me", other).status, 200);
    }

    void changePasswordEndsEverySession()
    {
        // Access tokens live 2 s here: each call logs in afresh (Argon2 under load can take a while).
        const std::string user = "agency";
        auto login = [&](const std::string &password) {
            return m_server.postJson("/api/v1/auth/login", {{"username", user}, {"password", password}});
        };
        auto change = [&](const json &body) {
            return m_server.postJson("/api/v1/auth/password", body,
                                     login("Demo@2026").json().value("access_token", std::string()));
        };
        const json other = login("Demo@2026").json(); // another browser, logged in before the change
        QVERIFY(other.contains("refresh_token"));
        // The current password is checked; the new one must meet the policy and differ.
        auto reply = change({{"current_password", "Wrong@2026"}, {"new_password", "Xinjiang#2027ok"}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "current_password");
        reply = change({{"current_password", "Demo@2026"}, {"new_password", "123"}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "new_password");
        reply = change({{"current_password", "Demo@2026"}, {"new_password", "Demo@2026"}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "new_password");
        QCOMPARE(change({{"current_password", "Demo@2026"}}).status, 422);
        QCOMPARE(m_server
                     .postJson("/api/v1/auth/password",
                               {{"current_password", "Demo@2026"}, {"new_password", "Xinjiang#2027ok"}})
                     .status,
                 401);

        reply = change({{"current_password", "Demo@2026"}, {"new_password", "Xinjiang#2027ok"}});
        QCOMPARE(reply.status, 200);
        // The answer is a fresh login whose refresh token works.
        QCOMPARE(m_server.postJson("/api/v1/auth/refresh", {{"refresh_token", reply.json()["refresh_token"]}}).status,
                 200);
        // The session from before the change is over; the old password no longer works.
        QCOMPARE(m_server.postJson("/api/v1/auth/refresh", {{"refresh_token", other["refresh_token"]}}).status, 401);
        QCOMPARE(login("Demo@2026").status, 401);
        QCOMPARE(login("Xinjiang#2027ok").status, 200);
    }

    void lockoutAfterFiveFailuresRevealsNothing()
    {
        // A real user and a name that does not exist must answer exactly alike.
        for (const std::string name : {"coordinator", "no-such-user"}) {
            for (int i = 1; i <= 4; ++i) {
                const auto r
                    = m_server.postJson("/api/v1/auth/login", {{"username", name}, {"password", "Wrong#Pass1"}});
                QCOMPARE(r.status, 401);
                QCOMPARE(r.json()["attempts_left"].get<int>(), 5 - i);
            }
            const auto fifth
                = m_server.postJson("/api/v1/auth/login", {{"username", name}, {"password", "Wrong#Pass1"}});
            QCOMPARE(fifth.status, 429);
            QVERIFY(fifth.isProblem());
            QVERIFY(QString::fromStdString(fifth.json()["detail"]).contains(QStringLiteral("锁定15分钟")));
            QVERIFY(std::stoi(fifth.header("Retry-After")) > 800);
            // Locked: even the right password is refused for now.
            const auto right = m_server.postJson("/api/v1/auth/login", {{"username", name}, {"password", "Demo@2026"}});
            QCOMPARE(right.status, 429);
        }
        // The lock is per name: another account still logs in.
        QVERIFY(!m_server.login("admin").empty());
    }

    void registerEnterprise()
    {
        json body = {
            {"kind", "enterprise"},   {"username", "tianshan_build"},           {"password", "Tianshan#2026"},
            {"display_name", "张三"}, {"organization", "新疆天山建工有限公司"}, {"credit_code", "91350100M000100Y44"},
            {"phone", "13899990000"}};
        auto reply = m_server.postJson("/api/v1/auth/register", body);
        QCOMPARE(reply.status, 422);
        const json errors = reply.json()["errors"];
        QCOMPARE(errors.size(), size_t(1));
        QCOMPARE(errors[0]["field"], "credit_code");
        QCOMPARE(errors[0]["code"], "credit_code.check");
        QVERIFY(QString::fromStdString(errors[0]["message"]).contains(QStringLiteral("校验位")));

        body["credit_code"] = "91350100M000100Y43";
        reply = m_server.postJson("/api/v1/auth/register", body);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json()["roles"], json::array({"applicant"}));
        QCOMPARE(reply.json()["credit_code"], "91350100M000100Y43");
        QVERIFY(!m_server.login("tianshan_build", "Tianshan#2026").empty());

        // The same name again is a field error, not a 500.
        reply = m_server.postJson("/api/v1/auth/register", body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "username");
    }

    void registerPersonChecksIdNumberAndPassword()
    {
        json body = {{"kind", "person"},
                     {"username", "aygul"},
                     {"password", "short"},
                     {"display_name", "阿依古丽"},
                     {"id_number", "650102199003071236"}};
        auto reply = m_server.postJson("/api/v1/auth/register", body);
        QCOMPARE(reply.status, 422);
        QStringList fields;
        const json errors = reply.json()["errors"];
        for (const auto &e : errors)
            fields << QString::fromStdString(e["field"]);
        fields.sort();
        QCOMPARE(fields, QStringList({QStringLiteral("id_number"), QStringLiteral("password")}));

        body["password"] = "aygul2026!A"; // contains the user name
        body["id_number"] = "650102199003071235";
        reply = m_server.postJson("/api/v1/auth/register", body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()["errors"][0]["code"], "password.username");

        body["password"] = "Xinjiang#2026";
        reply = m_server.postJson("/api/v1/auth/register", body);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json()["id_number"], "650102********1235");
    }

private:
    TestServer m_server;
};

QTEST_GUILESS_MAIN(tst_Auth)
#include "tst_auth.moc"
