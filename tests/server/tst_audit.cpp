// The append-only, hash-chained audit log (guideline 7.4), on both backends.
#include "testserver.h"

#include <QtTest>

using nlohmann::json;
using spgl::test::TestServer;

class tst_Audit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.lastError())); }

    void stateChangesAreRecordedWithWhoWhatWhereAndResult()
    {
        QVERIFY(!m_server.login("admin").empty());
        const auto failed = m_server.postJson("/api/v1/auth/login", {{"username", "clerk"}, {"password", "Wrong#123"}});
        QCOMPARE(failed.status, 401);
        const std::string token = m_server.login("applicant");
        const auto upload = m_server.request("POST", "/api/v1/uploads", R"({"filename":"a.pdf"})",
                                             {{"Content-Type", "application/json"}, {"Upload-Length", "10"}}, token);
        QCOMPARE(upload.status, 201);
        // A read does not write an audit row.
        const auto before = m_server.sql("SELECT COUNT(*) FROM audit_log");
        QCOMPARE(m_server.get("/api/v1/auth/me", token).status, 200);
        QCOMPARE(m_server.sql("SELECT COUNT(*) FROM audit_log"), before);

        const auto rows
            = m_server.sql("SELECT actor, action, target, ip, result, request_id FROM audit_log ORDER BY id");
        QVERIFY(rows.size() >= 3);
        bool sawFailedLogin = false, sawUpload = false;
        for (const auto &r : rows) {
            if (r[0] == "clerk" && r[1] == "POST /api/v1/auth/login" && r[4] == "401")
                sawFailedLogin = true;
            if (r[0] == "applicant" && r[1] == "POST /api/v1/uploads" && r[2].rfind("upload:", 0) == 0 && r[4] == "201")
                sawUpload = true;
            QCOMPARE(r[3], std::string("127.0.0.1"));
            QVERIFY(!r[5].empty());
        }
        QVERIFY(sawFailedLogin);
        QVERIFY(sawUpload);
    }

    void refusedRequestsNameTheirTarget()
    {
        // Refused by the route's role check before the handler ran: still named like the handler
        // names it, so an auditor finds every attempt on one application under one target.
        const auto refused = m_server.postJson("/api/v1/applications/20990101000001/accept", nlohmann::json::object(),
                                               m_server.login("applicant"));
        QCOMPARE(refused.status, 403);
        const auto rows = m_server.sql("SELECT target, result FROM audit_log WHERE action = 'POST "
                                       "/api/v1/applications/{id}/accept' ORDER BY id DESC LIMIT 1");
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0][0], std::string("application:20990101000001"));
        QCOMPARE(rows[0][1], std::string("403"));
    }

    void verifyPassesOnAnIntactChain()
    {
        QString out;
        QCOMPARE(m_server.runCommand({QStringLiteral("audit"), QStringLiteral("verify")}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("audit chain ok")), qPrintable(out));
        const auto api = m_server.get("/api/v1/audit/verify", m_server.login("supervisor"));
        QCOMPARE(api.status, 200);
        QCOMPARE(api.json()["ok"], true);
        QVERIFY(api.json()["rows"].get<int>() >= 3);
    }

    void rowsCannotBeChangedThroughSql()
    {
        bool refused = false;
        try {
            m_server.sql("UPDATE audit_log SET actor = 'mallory' WHERE id = 1");
        } catch (const std::exception &e) {
            refused = QString::fromUtf8(e.what()).contains(QStringLiteral("append-only"));
        }
        QVERIFY(refused);
        refused = false;
        try {
            m_server.sql("DELETE FROM audit_log WHERE id = 1");
        } catch (const std::exception &) {
            refused = true;
        }
        QVERIFY(refused);
    }

    void verifyNamesTheFirstEditedRow()
    {
        // Someone with database access removes the guard and edits row 2.
        disableGuard(m_server);
        m_server.sql("UPDATE audit_log SET actor = 'mallory' WHERE id = 2");
        QString out;
        QCOMPARE(m_server.runCommand({QStringLiteral("audit"), QStringLiteral("verify")}, &out), 1);
        QVERIFY2(out.contains(QStringLiteral("BROKEN at row 2")), qPrintable(out));
        const auto api = m_server.get("/api/v1/audit/verify", m_server.login("admin"));
        QCOMPARE(api.json()["ok"], false);
        QCOMPARE(api.json()["first_broken_id"], 2);
    }

    void verifyNamesARemovedRow()
    {
        TestServer second;
        QVERIFY2(second.start(), qPrintable(second.lastError()));
        for (int i = 0; i < 4; ++i)
            QVERIFY(!second.login("admin").empty());
        disableGuard(second);
        second.sql("DELETE FROM audit_log WHERE id = 3");
        QString out;
        QCOMPARE(second.runCommand({QStringLiteral("audit"), QStringLiteral("verify")}, &out), 1);
        QVERIFY2(out.contains(QStringLiteral("BROKEN at row 4")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("missing")), qPrintable(out));
    }

private:
    static void disableGuard(const TestServer &s)
    {
        if (TestServer::backend() == QStringLiteral("postgresql"))
            s.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change");
        else
            s.sql("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
    }

    TestServer m_server;
};

QTEST_GUILESS_MAIN(tst_Audit)
#include "tst_audit.moc"
