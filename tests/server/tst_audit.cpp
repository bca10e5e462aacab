// The append-only, hash-chained audit log (guideline 7.4), on both backends.
#include "testserver.h"

#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

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

    // A state change and its audit row commit in one transaction: when the row cannot be written,
    // the change does not happen either.
    void aChangeAndItsAuditRowCommitTogether()
    {
        const std::string token = m_server.login("applicant");
        const auto create = [&](const std::string &requestId) {
            return m_server.request(
                "POST", "/api/v1/uploads", R"({"filename":"atomic.pdf"})",
                {{"Content-Type", "application/json"}, {"Upload-Length", "10"}, {"X-Request-Id", requestId}}, token);
        };
        refuseSuccessRows("POST /api/v1/uploads");
        const auto refused = create("audit-atomic-1");
        allowAllRows();
        QCOMPARE(refused.status, 503);
        QVERIFY(refused.isProblem());
        QCOMPARE(refused.json()["type"].get<std::string>(), std::string("urn:spgl:problem:audit"));
        QCOMPARE(count("SELECT COUNT(*) FROM uploads WHERE filename = 'atomic.pdf'"), 0);
        // The failed request itself is audited once, afterwards (it changed nothing).
        auto rows = m_server.sql("SELECT result FROM audit_log WHERE request_id = 'audit-atomic-1'");
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0][0], std::string("503"));

        // With the audit log writable again the same request succeeds, with exactly one row.
        const auto created = create("audit-atomic-2");
        QCOMPARE(created.status, 201);
        QCOMPARE(count("SELECT COUNT(*) FROM uploads WHERE filename = 'atomic.pdf'"), 1);
        rows = m_server.sql("SELECT result, target FROM audit_log WHERE request_id = 'audit-atomic-2'");
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0][0], std::string("201"));
        QCOMPARE(rows[0][1], "upload:" + created.json()["id"].get<std::string>());
    }

    void aFailedLoginIsAuditedOnceAsAFailure()
    {
        // The failure counter commits (the lockout counts it), but with no success row: the
        // request's one row says 401.
        const auto failed
            = m_server.request("POST", "/api/v1/auth/login", R"({"username":"nobody-audit","password":"Wrong#123"})",
                               {{"Content-Type", "application/json"}, {"X-Request-Id", "audit-login-failed"}});
        QCOMPARE(failed.status, 401);
        QCOMPARE(count("SELECT failures FROM login_failures WHERE username = 'nobody-audit'"), 1);
        auto rows = m_server.sql("SELECT actor, result FROM audit_log WHERE request_id = 'audit-login-failed'");
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0][0], std::string("nobody-audit"));
        QCOMPARE(rows[0][1], std::string("401"));

        // A login that succeeds: one row, naming the user, committed with the session it opened.
        const auto ok = m_server.request("POST", "/api/v1/auth/login", R"({"username":"admin","password":"Demo@2026"})",
                                         {{"Content-Type", "application/json"}, {"X-Request-Id", "audit-login-ok"}});
        QCOMPARE(ok.status, 200);
        rows = m_server.sql("SELECT actor, result, target FROM audit_log WHERE request_id = 'audit-login-ok'");
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0][0], std::string("admin"));
        QCOMPARE(rows[0][1], std::string("200"));
        QCOMPARE(rows[0][2], "user:" + ok.json()["user"]["id"].get<std::string>());
    }

    void anIdempotentReplayIsAuditedOnce()
    {
        const std::string token = m_server.login("applicant");
        const auto create = [&](const std::string &requestId) {
            return m_server.request("POST", "/api/v1/uploads", R"({"filename":"replayed.pdf"})",
                                    {{"Content-Type", "application/json"},
                                     {"Upload-Length", "10"},
                                     {"Idempotency-Key", "audit-replay-1"},
                                     {"X-Request-Id", requestId}},
                                    token);
        };
        const auto first = create("audit-replay-a");
        const auto second = create("audit-replay-b");
        QCOMPARE(first.status, 201);
        QCOMPARE(second.status, 201);
        QCOMPARE(second.json()["id"], first.json()["id"]);
        QCOMPARE(count("SELECT COUNT(*) FROM uploads WHERE filename = 'replayed.pdf'"), 1);
        const auto rows = m_server.sql(
            "SELECT request_id, result, detail FROM audit_log WHERE request_id LIKE 'audit-replay-%' ORDER BY id");
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0][0], std::string("audit-replay-a"));
        QCOMPARE(rows[1][0], std::string("audit-replay-b"));
        QCOMPARE(rows[1][1], std::string("201"));
        QVERIFY2(rows[1][2].find("replay") != std::string::npos, rows[1][2].c_str());
    }

    void aSyncPushIsOneRowForAllItsOps()
    {
        const json push = {{"device_id", "audit-desk"},
                           {"ops", json::array({{{"op_id", "not-a-uuid"}, {"command", "claim"}, {"target", "x"}},
                                                {{"op_id", "also-not"}, {"command", "claim"}, {"target", "y"}}})}};
        const auto reply = m_server.request("POST", "/api/v1/sync/push", push.dump(),
                                            {{"Content-Type", "application/json"}, {"X-Request-Id", "audit-push"}},
                                            m_server.login("reviewer"));
        QCOMPARE(reply.status, 200);
        const auto rows = m_server.sql("SELECT target, detail FROM audit_log WHERE request_id = 'audit-push'");
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0][0], std::string("sync:push"));
        QVERIFY2(rows[0][1].find("2 ops, 2 rejected") != std::string::npos, rows[0][1].c_str());
    }

    void everyRequestHasExactlyOneRow()
    {
        QVERIFY(m_server.sql("SELECT request_id FROM audit_log GROUP BY request_id HAVING COUNT(*) > 1").empty());
        // No service committed a change of an audited request without its row.
        QVERIFY(!m_server.log(-1).contains(QStringLiteral("without its audit row")));
    }

    /// Writers running at once (on PostgreSQL they no longer queue on the chain's end until their
    /// commits): every row lands in the chain once, in one unbroken line, and every change of the
    /// sync feed gets its own place.
    void concurrentWritersLeaveOneUnbrokenChain()
    {
        const std::string token = m_server.login("applicant");
        const int before = count("SELECT COUNT(*) FROM audit_log");
        std::vector<std::thread> writers;
        std::atomic<int> created{0};
        for (int t = 0; t < 8; ++t)
            writers.emplace_back([&, t] {
                for (int i = 0; i < 10; ++i) {
                    const auto r = m_server.request(
                        "POST", "/api/v1/uploads", R"({"filename":"concurrent.pdf"})",
                        {{"Content-Type", "application/json"},
                         {"Upload-Length", "10"},
                         {"X-Request-Id", "concurrent-" + std::to_string(t) + "-" + std::to_string(i)}},
                        token);
                    created += r.status == 201 ? 1 : 0;
                }
            });
        for (auto &w : writers)
            w.join();
        QCOMPARE(created.load(), 80);
        QCOMPARE(count("SELECT COUNT(*) FROM audit_log WHERE request_id LIKE 'concurrent-%'"), 80);
        QVERIFY(count("SELECT COUNT(*) FROM audit_log") >= before + 80);
        QCOMPARE(count("SELECT COUNT(*) FROM audit_waiting"), 0);
        QCOMPARE(count("SELECT COUNT(*) FROM changes WHERE pos IS NULL"), 0);
        QCOMPARE(count("SELECT COUNT(DISTINCT pos) FROM changes"), count("SELECT COUNT(*) FROM changes"));
        const auto api = m_server.get("/api/v1/audit/verify", m_server.login("supervisor"));
        QCOMPARE(api.json()["ok"], true);
    }

    /// A row committed whose linking did not run (the server stopped between the two) is linked
    /// by the next write, after the rows before it.
    void aRowLeftWaitingIsChainedByTheNextWrite()
    {
        if (TestServer::backend() != QStringLiteral("postgresql"))
            QSKIP("SQLite links each row in the transaction that writes it");
        m_server.sql("INSERT INTO audit_waiting (at, request_id, actor, action, target, ip, result, detail) VALUES "
                     "(1, 'left-waiting', 'operator', 'TEST', 'audit', '127.0.0.1', 0, 'committed, not yet linked')");
        QCOMPARE(m_server.postJson("/api/v1/auth/login", {{"username", "applicant"}, {"password", "Demo@2026"}}).status,
                 200);
        QCOMPARE(count("SELECT COUNT(*) FROM audit_waiting"), 0);
        QCOMPARE(count("SELECT COUNT(*) FROM audit_log WHERE request_id = 'left-waiting'"), 1);
        const auto api = m_server.get("/api/v1/audit/verify", m_server.login("supervisor"));
        QCOMPARE(api.json()["ok"], true);
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
    int count(const std::string &sql) const { return std::stoi(m_server.sql(sql).at(0).at(0)); }

    /// Makes the database refuse the success rows of @p action (as a full disk or a broken
    /// audit table would), leaving every other row alone.
    void refuseSuccessRows(const std::string &action) const
    {
        // On PostgreSQL the change's transaction writes the row to audit_waiting (it is linked into
        // audit_log after the commit): that is the write that must fail with the change.
        if (TestServer::backend() == QStringLiteral("postgresql"))
            m_server.sql("CREATE FUNCTION audit_test_refuse() RETURNS trigger AS $$ BEGIN IF NEW.action = '" + action
                         + "' AND NEW.result < 400 THEN RAISE EXCEPTION 'audit row refused by the test'; END IF; "
                           "RETURN NEW; END $$ LANGUAGE plpgsql; CREATE TRIGGER audit_test_refuse BEFORE INSERT ON "
                           "audit_waiting FOR EACH ROW EXECUTE FUNCTION audit_test_refuse()");
        else
            m_server.sql("CREATE TRIGGER audit_test_refuse BEFORE INSERT ON audit_log WHEN NEW.action = '" + action
                         + "' AND NEW.result < 400 BEGIN SELECT RAISE(ABORT, 'audit row refused by the test'); END");
    }

    void allowAllRows() const
    {
        if (TestServer::backend() == QStringLiteral("postgresql"))
            m_server.sql("DROP TRIGGER audit_test_refuse ON audit_waiting; DROP FUNCTION audit_test_refuse()");
        else
            m_server.sql("DROP TRIGGER audit_test_refuse");
    }

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
