// Data scope (ARCHITECTURE §5): staff see users of their own region and the regions below it;
// anything outside is 404 (never 403, never the data), on both backends.
#include "testserver.h"

#include <QRegularExpression>
#include <QtTest>

using nlohmann::json;
using spgl::test::HttpReply;
using spgl::test::TestServer;

namespace {
const std::string kPassword = "Scope#2026x";

/// Every user a token can list, following next_cursor to the end.
std::vector<json> listAll(const TestServer &server, const std::string &token, QString *failure)
{
    std::vector<json> users;
    std::string cursor;
    for (int page = 0; page < 100; ++page) {
        const std::string path = "/api/v1/users?limit=2" + (cursor.empty() ? std::string() : "&cursor=" + cursor);
        const auto reply = server.get(path, token);
        if (reply.status != 200) {
            *failure = QStringLiteral("GET %1 → %2 %3")
                           .arg(QString::fromStdString(path))
                           .arg(reply.status)
                           .arg(QString::fromStdString(reply.body));
            return users;
        }
        const json body = reply.json();
        for (const auto &u : body["items"])
            users.push_back(u);
        if (body["next_cursor"].is_null())
            return users;
        cursor = body["next_cursor"].get<std::string>();
    }
    *failure = QStringLiteral("the user list never ended");
    return users;
}

QStringList usernames(const std::vector<json> &users)
{
    QStringList names;
    for (const auto &u : users)
        names << QString::fromStdString(u["username"].get<std::string>());
    names.sort();
    return names;
}
} // namespace

class tst_Scope : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        const auto login = m_server.postJson("/api/v1/auth/login", {{"username", "admin"}, {"password", "Demo@2026"}});
        QCOMPARE(login.status, 200);
        m_urumqiAdmin = login.json()["access_token"].get<std::string>();
        QCOMPARE(login.json()["user"]["region_code"], "650100");

        // The operator sub-command is not bound by any scope.
        m_karamayAdminId = addUser(QStringLiteral("karamay_admin"), QStringLiteral("admin"), QStringLiteral("650200"));
        QVERIFY(!m_karamayAdminId.empty());
        m_regionSupervisorId
            = addUser(QStringLiteral("xj_supervisor"), QStringLiteral("supervisor"), QStringLiteral("650000"));
        QVERIFY(!m_regionSupervisorId.empty());
        m_karamayAdmin = m_server.login("karamay_admin", kPassword);
        QVERIFY(!m_karamayAdmin.empty());
        m_regionSupervisor = m_server.login("xj_supervisor", kPassword);
        QVERIFY(!m_regionSupervisor.empty());

        const auto clerk = m_server.postJson("/api/v1/auth/login", {{"username", "clerk"}, {"password", "Demo@2026"}});
        QCOMPARE(clerk.status, 200);
        m_clerkId = clerk.json()["user"]["id"].get<std::string>();
        m_clerk = clerk.json()["access_token"].get<std::string>();
        m_applicant = m_server.login("applicant");
        QVERIFY(!m_applicant.empty());
    }

    void adminCannotCreateUsersOutsideTheirRegion()
    {
        json body = {{"username", "karamay_clerk"},
                     {"password", kPassword},
                     {"display_name", "克拉玛依 窗口"},
                     {"roles", {"window_clerk"}},
                     {"region_code", "650200"}};
        auto reply = m_server.postJson("/api/v1/users", body, m_urumqiAdmin);
        QCOMPARE(reply.status, 422);
        QVERIFY(reply.isProblem());
        const json errors = reply.json()["errors"];
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(errors[0]["field"], "region_code");
        QVERIFY(QString::fromStdString(errors[0]["message"]).contains(QStringLiteral("行政区划")));

        // Upwards (the autonomous region itself) is outside too.
        body["region_code"] = "650000";
        reply = m_server.postJson("/api/v1/users", body, m_urumqiAdmin);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "region_code");

        // Nothing was created.
        QCOMPARE(m_server.login("karamay_clerk", kPassword), std::string());

        // Inside its own region the same admin may create.
        body["username"] = "urumqi_clerk2";
        body["region_code"] = "650100";
        reply = m_server.postJson("/api/v1/users", body, m_urumqiAdmin);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json()["region_code"], "650100");

        // And the Karamay admin may create in Karamay but not in Urumqi.
        body["username"] = "karamay_clerk";
        body["region_code"] = "650200";
        reply = m_server.postJson("/api/v1/users", body, m_karamayAdmin);
        QCOMPARE(reply.status, 201);
        m_karamayClerkId = reply.json()["id"].get<std::string>();
        body["username"] = "sneaky_urumqi";
        body["region_code"] = "650100";
        reply = m_server.postJson("/api/v1/users", body, m_karamayAdmin);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "region_code");
    }

    void karamayAdminCannotReadUrumqiUsers()
    {
        QVERIFY(!m_clerkId.empty());
        const auto reply = m_server.get("/api/v1/users/" + m_clerkId, m_karamayAdmin);
        QCOMPARE(reply.status, 404);
        QVERIFY(reply.isProblem());
        QVERIFY(reply.body.find("clerk") == std::string::npos);
        QVERIFY(reply.body.find("650100") == std::string::npos);

        // Indistinguishable from an id that does not exist at all.
        const auto missing = m_server.get("/api/v1/users/987654321", m_karamayAdmin);
        QCOMPARE(missing.status, 404);
        QCOMPARE(reply.json()["detail"], missing.json()["detail"]);
        QCOMPARE(reply.json()["title"], missing.json()["title"]);

        // Their own region is readable.
        const auto own = m_server.get("/api/v1/users/" + m_karamayAdminId, m_karamayAdmin);
        QCOMPARE(own.status, 200);
        QCOMPARE(own.json()["username"], "karamay_admin");
    }

    void karamayAdminListsOnlyKaramay()
    {
        QString failure;
        const auto users = listAll(m_server, m_karamayAdmin, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(!users.empty());
        for (const auto &u : users)
            QVERIFY2(u["region_code"].get<std::string>().rfind("6502", 0) == 0, u.dump().c_str());
        const QStringList names = usernames(users);
        QVERIFY(names.contains(QStringLiteral("karamay_admin")));
        QVERIFY(names.contains(QStringLiteral("karamay_clerk")));
        QVERIFY(!names.contains(QStringLiteral("admin")));
        QVERIFY(!names.contains(QStringLiteral("xj_supervisor")));

        // A role filter does not widen anything.
        const auto admins = m_server.get("/api/v1/users?role=admin", m_karamayAdmin);
        QCOMPARE(admins.status, 200);
        const json adminItems = admins.json()["items"];
        QVERIFY(!adminItems.empty());
        for (const auto &u : adminItems)
            QVERIFY2(u["region_code"].get<std::string>().rfind("6502", 0) == 0, u.dump().c_str());
    }

    void urumqiAdminCannotReadKaramayUsers()
    {
        for (const std::string &id : {m_karamayAdminId, m_karamayClerkId, m_regionSupervisorId}) {
            QVERIFY(!id.empty());
            const auto reply = m_server.get("/api/v1/users/" + id, m_urumqiAdmin);
            QCOMPARE(reply.status, 404);
            QVERIFY(reply.isProblem());
            QVERIFY(reply.body.find("karamay") == std::string::npos);
            QVERIFY(reply.body.find("xj_supervisor") == std::string::npos);
        }
        QString failure;
        const auto users = listAll(m_server, m_urumqiAdmin, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        for (const auto &u : users)
            QVERIFY2(u["region_code"].get<std::string>().rfind("6501", 0) == 0, u.dump().c_str());
        const QStringList names = usernames(users);
        QVERIFY(names.contains(QStringLiteral("clerk")));
        QVERIFY(names.contains(QStringLiteral("urumqi_clerk2")));
        QVERIFY(!names.contains(QStringLiteral("karamay_admin")));
        QVERIFY(!names.contains(QStringLiteral("karamay_clerk")));
        QVERIFY(!names.contains(QStringLiteral("xj_supervisor")));
    }

    void regionSupervisorSeesBoth()
    {
        for (const std::string &id : {m_clerkId, m_karamayAdminId, m_karamayClerkId}) {
            const auto reply = m_server.get("/api/v1/users/" + id, m_regionSupervisor);
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json()["id"], id);
        }
        QString failure;
        const auto users = listAll(m_server, m_regionSupervisor, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QStringList names = usernames(users);
        for (const char *name : {"clerk", "admin", "urumqi_clerk2", "karamay_admin", "karamay_clerk", "xj_supervisor"})
            QVERIFY2(names.contains(QString::fromUtf8(name)), name);
        bool saw6501 = false, saw6502 = false;
        for (const auto &u : users) {
            const std::string region = u["region_code"];
            QVERIFY2(region.rfind("65", 0) == 0, u.dump().c_str());
            saw6501 |= region.rfind("6501", 0) == 0;
            saw6502 |= region.rfind("6502", 0) == 0;
        }
        QVERIFY(saw6501 && saw6502);
        // No user appears twice across pages.
        QCOMPARE(names.size(), QSet<QString>(names.begin(), names.end()).size());
    }

    void prefectureSupervisorIsBoundToo()
    {
        // The demo supervisor sits in 650100: it sees Urumqi but not Karamay.
        const std::string supervisor = m_server.login("supervisor");
        QVERIFY(!supervisor.empty());
        QCOMPARE(m_server.get("/api/v1/users/" + m_clerkId, supervisor).status, 200);
        QCOMPARE(m_server.get("/api/v1/users/" + m_karamayAdminId, supervisor).status, 404);
        QCOMPARE(m_server.get("/api/v1/users/" + m_regionSupervisorId, supervisor).status, 404);
    }

    void nonStaffAndWindowStaffMayNotListUsers()
    {
        for (const std::string &token : {m_clerk, m_applicant, m_server.login("agency"), m_server.login("reviewer")}) {
            QVERIFY(!token.empty());
            auto reply = m_server.get("/api/v1/users", token);
            QCOMPARE(reply.status, 403);
            QVERIFY(reply.isProblem());
            QVERIFY(reply.body.find("\"items\"") == std::string::npos);
            reply = m_server.get("/api/v1/users/" + m_clerkId, token);
            QCOMPARE(reply.status, 403);
            QVERIFY(reply.body.find("display_name") == std::string::npos);
        }
    }

    void oddIdsAreNotFound_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("letters") << QStringLiteral("abc");
        QTest::newRow("username") << QStringLiteral("admin");
        QTest::newRow("negative") << QStringLiteral("-1");
        QTest::newRow("zero") << QStringLiteral("0");
        QTest::newRow("fraction") << QStringLiteral("1.5");
        QTest::newRow("hex") << QStringLiteral("0x1");
        QTest::newRow("leading plus") << QStringLiteral("+1");
        QTest::newRow("space") << QStringLiteral("1%20");
        QTest::newRow("sql") << QStringLiteral("1%20OR%201=1");
        QTest::newRow("18 digits") << QStringLiteral("999999999999999999");
        QTest::newRow("int64 max") << QStringLiteral("9223372036854775807");
        QTest::newRow("past int64") << QStringLiteral("9223372036854775808");
        QTest::newRow("huge") << QString(200, QLatin1Char('9'));
    }

    void oddIdsAreNotFound()
    {
        QFETCH(QString, id);
        for (const std::string &token : {m_urumqiAdmin, m_regionSupervisor}) {
            const auto reply = m_server.get("/api/v1/users/" + id.toStdString(), token);
            QCOMPARE(reply.status, 404);
            QVERIFY(reply.isProblem());
        }
    }

    void outOfScopeLooksLikeMissingForEveryCaller()
    {
        // Same status, same problem type and detail for "exists elsewhere" and "does not exist".
        const auto elsewhere = m_server.get("/api/v1/users/" + m_karamayClerkId, m_urumqiAdmin);
        const auto nowhere = m_server.get("/api/v1/users/123456789012", m_urumqiAdmin);
        QCOMPARE(elsewhere.status, 404);
        QCOMPARE(nowhere.status, 404);
        QCOMPARE(elsewhere.json()["type"], nowhere.json()["type"]);
        QCOMPARE(elsewhere.json()["detail"], nowhere.json()["detail"]);
    }

    void approvalDataStaysInItsPrefecture()
    {
        // An 乌鲁木齐 project (天山区 650102): its prefecture's staff and the region's supervisor
        // see it; the staff of 克拉玛依 (650200) neither read it nor find it in lists or case queues.
        const json body = {{"project_code", "2025-650102-47-01-000877"},
                           {"name", "天山区数据范围测试项目"},
                           {"region_code", "650102"},
                           {"process_type", 1},
                           {"approval_type", 1},
                           {"investment", "1000000.00"},
                           {"builder_name", "新疆天山建设集团有限公司"},
                           {"builder_credit_code", "91350100M000100Y43"},
                           {"address", "乌鲁木齐市天山区"}};
        const auto created = m_server.postJson("/api/v1/projects", body, m_applicant);
        QCOMPARE(created.status, 201);
        const std::string id
            = created.json()["id"].is_string() ? created.json()["id"].get<std::string>() : created.json()["id"].dump();
        QVERIFY(!addUser(QStringLiteral("karamay_clerk2"), QStringLiteral("window_clerk"), QStringLiteral("650200"))
                     .empty());
        QVERIFY(
            !addUser(QStringLiteral("karamay_reviewer"), QStringLiteral("reviewer"), QStringLiteral("650200")).empty());
        const std::string karamayClerk = m_server.login("karamay_clerk2", kPassword);
        const std::string karamayReviewer = m_server.login("karamay_reviewer", kPassword);
        QVERIFY(!karamayClerk.empty() && !karamayReviewer.empty());

        QCOMPARE(m_server.get("/api/v1/projects/" + id, m_clerk).status, 200);
        QCOMPARE(m_server.get("/api/v1/projects/" + id, m_regionSupervisor).status, 200);
        const auto hidden = m_server.get("/api/v1/projects/" + id, karamayClerk);
        const auto missing = m_server.get("/api/v1/projects/987654321", karamayClerk);
        QCOMPARE(hidden.status, 404);
        QCOMPARE(hidden.json()["detail"], missing.json()["detail"]);
        QCOMPARE(m_server.get("/api/v1/projects/" + id, karamayReviewer).status, 404);
        QCOMPARE(m_server.get("/api/v1/projects/" + id + "/annotations", karamayReviewer).status, 404);

        auto listed = [&](const std::string &token) {
            const auto reply = m_server.get("/api/v1/projects?q=" + std::string("2025-650102-47-01-000877"), token);
            if (reply.status != 200)
                return -1;
            return int(reply.json()["items"].size());
        };
        QCOMPARE(listed(m_clerk), 1);
        QCOMPARE(listed(m_regionSupervisor), 1);
        QCOMPARE(listed(karamayClerk), 0);
        // Their case queue and application list hold nothing of 650100.
        for (const char *path : {"/api/v1/cases", "/api/v1/applications"}) {
            const auto reply = m_server.get(path, std::string(path).find("cases") != std::string::npos ? karamayReviewer
                                                                                                       : karamayClerk);
            QCOMPARE(reply.status, 200);
            for (const auto &item : reply.json()["items"])
                QVERIFY2(item.value("region_code", std::string("6502")).rfind("6502", 0) == 0, item.dump().c_str());
        }
    }

private:
    /// `spgl-server user add …`; returns the new user's id, "" on failure.
    std::string addUser(const QString &username, const QString &roles, const QString &region)
    {
        QString out;
        const int rc = m_server.runCommand({QStringLiteral("user"), QStringLiteral("add"),
                                            QStringLiteral("--username=") + username,
                                            QStringLiteral("--password=") + QString::fromStdString(kPassword),
                                            QStringLiteral("--roles=") + roles, QStringLiteral("--region=") + region},
                                           &out);
        if (rc != 0) {
            qWarning("user add %s failed (%d): %s", qPrintable(username), rc, qPrintable(out));
            return {};
        }
        const auto match = QRegularExpression(QStringLiteral("\\(id (\\d+)\\)")).match(out);
        return match.hasMatch() ? match.captured(1).toStdString() : std::string();
    }

    TestServer m_server;
    std::string m_urumqiAdmin, m_karamayAdmin, m_regionSupervisor, m_clerk, m_applicant;
    std::string m_karamayAdminId, m_regionSupervisorId, m_karamayClerkId, m_clerkId;
};

QTEST_GUILESS_MAIN(tst_Scope)
#include "tst_scope.moc"
