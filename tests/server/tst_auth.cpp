// Login, refresh, logout, lockout and registration over HTTP, on both backends.
#include "testserver.h"

#include <QtTest>

using nlohmann::json;
using spgl::test::HttpReply;
using spgl::test::TestServer;

namespace {
/// The value a Set-Cookie header gives spgl_refresh ("" when it names another cookie or none).
std::string refreshCookie(const HttpReply &reply)
{
    const std::string set = reply.header("set-cookie");
    const std::string name = "spgl_refresh=";
    if (set.rfind(name, 0) != 0)
        return {};
    return set.substr(name.size(), set.find(';') - name.size());
}

bool has(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

/// What the portal sends: the cookie session header, and the cookie once it has one.
std::map<std::string, std::string> browser(const std::string &cookie = {})
{
    std::map<std::string, std::string> h = {{"Content-Type", "application/json"}, {"X-SPGL-Session", "cookie"}};
    if (!cookie.empty())
        h["Cookie"] = "spgl_refresh=" + cookie;
    return h;
}
} // namespace

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

    void refreshTokenInACookieOnlyWhenAsked()
    {
        const std::string credentials = json{{"username", "applicant"}, {"password", "Demo@2026"}}.dump();
        // Without the header (the desktop, outside systems): the JSON contract, no cookie.
        const auto plain
            = m_server.request("POST", "/api/v1/auth/login", credentials, {{"Content-Type", "application/json"}});
        QCOMPARE(plain.status, 200);
        QVERIFY(!plain.json()["refresh_token"].get<std::string>().empty());
        QVERIFY(plain.header("set-cookie").empty());

        // With it (the portal): the refresh token only in the cookie, never in the body.
        const auto login = m_server.request("POST", "/api/v1/auth/login", credentials, browser());
        QCOMPARE(login.status, 200);
        QVERIFY(!login.json().contains("refresh_token"));
        QVERIFY(!login.json()["access_token"].get<std::string>().empty());
        QCOMPARE(login.json()["user"]["username"], "applicant");
        const std::string set = login.header("set-cookie");
        const std::string r1 = refreshCookie(login);
        QVERIFY2(r1.size() >= 40, set.c_str());
        // HttpOnly (no script reads it), SameSite=Strict (no other site sends it), only to the auth
        // endpoints, a session cookie (no Max-Age/Expires: closing the browser ends it), and not
        // Secure on plain http (the demo on 127.0.0.1 must work).
        QVERIFY2(has(set, "; Path=/api/v1/auth;") && has(set, "; HttpOnly") && has(set, "; SameSite=Strict"),
                 set.c_str());
        QVERIFY2(!has(set, "Max-Age") && !has(set, "Expires") && !has(set, "Secure") && !has(set, "Domain"),
                 set.c_str());
    }

    void refreshByCookieRotatesAndRefusesCrossSiteRequests()
    {
        const auto login = m_server.request(
            "POST", "/api/v1/auth/login", json{{"username", "applicant"}, {"password", "Demo@2026"}}.dump(), browser());
        const std::string r1 = refreshCookie(login);
        QVERIFY(!r1.empty());

        // The cookie without the header is what a forged cross-site request looks like: refused,
        // whatever the body, and nothing rotates.
        for (const auto &[type, body] : std::vector<std::pair<std::string, std::string>>{
                 {"", ""}, {"application/x-www-form-urlencoded", "refresh_token=x"}, {"application/json", "{}"}}) {
            std::map<std::string, std::string> headers = {{"Cookie", "spgl_refresh=" + r1}};
            if (!type.empty())
                headers["Content-Type"] = type;
            const auto forged = m_server.request("POST", "/api/v1/auth/refresh", body, headers);
            QCOMPARE(forged.status, 403);
            QVERIFY(forged.isProblem());
            QVERIFY(has(forged.json()["detail"], "X-SPGL-Session"));
            QVERIFY(forged.header("set-cookie").empty());
        }

        // With the header the cookie alone refreshes (no body) and rotates.
        const auto second = m_server.request("POST", "/api/v1/auth/refresh", "", browser(r1));
        QCOMPARE(second.status, 200);
        QVERIFY(!second.json().contains("refresh_token"));
        const std::string r2 = refreshCookie(second);
        QVERIFY(!r2.empty() && r2 != r1);
        QVERIFY(has(second.header("set-cookie"), "; HttpOnly"));
        QCOMPARE(m_server.get("/api/v1/auth/me", second.json()["access_token"]).status, 200);

        // The rotated-away cookie presented again: refused, the cookie cleared, the family ended.
        const auto reuse = m_server.request("POST", "/api/v1/auth/refresh", "", browser(r1));
        QCOMPARE(reuse.status, 401);
        QVERIFY(reuse.isProblem());
        QVERIFY2(has(reuse.header("set-cookie"), "spgl_refresh=;") && has(reuse.header("set-cookie"), "Max-Age=0"),
                 reuse.header("set-cookie").c_str());
        QCOMPARE(m_server.request("POST", "/api/v1/auth/refresh", "", browser(r2)).status, 401);

        // No cookie at all (a reload after the browser was closed): 401 with a clear message.
        const auto none = m_server.request("POST", "/api/v1/auth/refresh", "", browser());
        QCOMPARE(none.status, 401);
        QVERIFY(has(none.json()["detail"], "重新登录"));
        QVERIFY(has(none.header("set-cookie"), "Max-Age=0"));
    }

    void logoutRevokesAndClearsTheCookie()
    {
        const auto login = m_server.request(
            "POST", "/api/v1/auth/login", json{{"username", "applicant"}, {"password", "Demo@2026"}}.dump(), browser());
        const std::string cookie = refreshCookie(login);
        const std::string access = login.json()["access_token"];
        const auto out = m_server.request("POST", "/api/v1/auth/logout", "", browser(cookie), access);
        QCOMPARE(out.status, 204);
        const std::string set = out.header("set-cookie");
        QVERIFY2(has(set, "spgl_refresh=;") && has(set, "Max-Age=0") && has(set, "Path=/api/v1/auth;"), set.c_str());
        QCOMPARE(m_server.request("POST", "/api/v1/auth/refresh", "", browser(cookie)).status, 401);
        QCOMPARE(m_server.get("/api/v1/auth/me", access).status, 401);
    }

    void cookieFollowsTheProxy()
    {
        // Behind a reverse proxy under /spgl over HTTPS: the cookie's path has the prefix, and it is Secure.
        auto headers = browser();
        headers["X-Forwarded-Proto"] = "https";
        headers["X-Forwarded-Prefix"] = "/spgl/";
        const std::string credentials = json{{"username", "applicant"}, {"password", "Demo@2026"}}.dump();
        auto login = m_server.request("POST", "/api/v1/auth/login", credentials, headers);
        QCOMPARE(login.status, 200);
        std::string set = login.header("set-cookie");
        QVERIFY2(has(set, "; Path=/spgl/api/v1/auth;") && has(set, "; Secure"), set.c_str());
        // A prefix that is not a plain path is ignored, never written into the header.
        headers["X-Forwarded-Prefix"] = "/a;Domain=evil.example";
        headers["X-Forwarded-Proto"] = "http";
        login = m_server.request("POST", "/api/v1/auth/login", credentials, headers);
        set = login.header("set-cookie");
        QVERIFY2(has(set, "; Path=/api/v1/auth;") && !has(set, "evil") && !has(set, "Secure"), set.c_str());
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

    void changePasswordRenewsTheCookie()
    {
        // Its own user: the demo users' passwords stay as other tests expect them.
        const json user = {{"kind", "person"},
                           {"username", "cookie_pw"},
                           {"password", "Cookie#2026a"},
                           {"display_name", "古丽"},
                           {"id_number", "650102198506120022"}};
        QCOMPARE(m_server.postJson("/api/v1/auth/register", user).status, 201);
        auto login = [&](const std::string &password) {
            return m_server.request("POST", "/api/v1/auth/login",
                                    json{{"username", "cookie_pw"}, {"password", password}}.dump(), browser());
        };
        const std::string otherTab = refreshCookie(login("Cookie#2026a")); // another browser's session
        const auto here = login("Cookie#2026a");
        const auto changed
            = m_server.request("POST", "/api/v1/auth/password",
                               json{{"current_password", "Cookie#2026a"}, {"new_password", "Cookie#2027b"}}.dump(),
                               browser(refreshCookie(here)), here.json()["access_token"]);
        QCOMPARE(changed.status, 200);
        QVERIFY(!changed.json().contains("refresh_token"));
        const std::string renewed = refreshCookie(changed);
        QVERIFY(!renewed.empty() && renewed != refreshCookie(here));
        // Every earlier session is over; this page goes on with the new cookie.
        QCOMPARE(m_server.request("POST", "/api/v1/auth/refresh", "", browser(otherTab)).status, 401);
        QCOMPARE(m_server.request("POST", "/api/v1/auth/refresh", "", browser(refreshCookie(here))).status, 401);
        QCOMPARE(m_server.request("POST", "/api/v1/auth/refresh", "", browser(renewed)).status, 200);
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
