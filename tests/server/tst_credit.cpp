// The 失信 list kept by administrators: listing, looking up, lifting (history kept), and the errors
// an administrator can make (a wrong 统一社会信用代码, dates, a second listing on the same day).
#include "testserver.h"

#include <QtTest>

using nlohmann::json;
using spgl::test::TestServer;

class TestCredit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        m_admin = m_server.login("admin");
        m_clerk = m_server.login("clerk");
        QVERIFY(!m_admin.empty() && !m_clerk.empty());
    }

    void badInputIsNamedFieldByField()
    {
        // A check character off by one, an impossible date, until before listed_on.
        auto reply = m_server.postJson("/api/v1/credit/blacklist",
                                       {{"credit_code", "91350100M000100Y44"}, {"reason", "x"}}, m_admin);
        QCOMPARE(reply.status, 422);
        QVERIFY(reply.isProblem());
        QCOMPARE(reply.json()["errors"][0]["field"], "credit_code");
        reply = m_server.postJson(
            "/api/v1/credit/blacklist",
            {{"credit_code", kCode}, {"reason", "x"}, {"listed_on", "2026-02-30"}, {"until", "2020-01-01"}}, m_admin);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "listed_on");
        reply = m_server.postJson(
            "/api/v1/credit/blacklist",
            {{"credit_code", kCode}, {"reason", "x"}, {"listed_on", "2026-03-01"}, {"until", "2026-02-01"}}, m_admin);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "until");
        reply = m_server.postJson("/api/v1/credit/blacklist", {{"credit_code", kCode}}, m_admin);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.json()["errors"][0]["field"], "reason");
        QCOMPARE(m_server.get("/api/v1/credit/blacklist/12345", m_clerk).status, 422);
        // Nothing was stored by any of them.
        QCOMPARE(m_server.get("/api/v1/credit/blacklist", m_admin).json()["total"], 0);
    }

    void listLookUpAndLift()
    {
        auto reply = m_server.postJson(
            "/api/v1/credit/blacklist",
            {{"credit_code", " 91350100m000100y43 "}, {"reason", "拖欠农民工工资"}, {"source", "新信用〔2026〕7号"}},
            m_admin);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json()["credit_code"], kCode); // trimmed and upper-cased
        QCOMPARE(reply.json()["active"], true);
        QCOMPARE(reply.json()["listed_by"], "admin");
        // The same unit on the same day once only.
        reply = m_server.postJson("/api/v1/credit/blacklist", {{"credit_code", kCode}, {"reason", "again"}}, m_admin);
        QCOMPARE(reply.status, 409);

        // The window checks a code before 容缺受理; a clerk cannot change the list.
        reply = m_server.get("/api/v1/credit/blacklist/" + std::string(kCode), m_clerk);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()["listed"], true);
        QCOMPARE(reply.json()["entries"][0]["source"], "新信用〔2026〕7号");
        QCOMPARE(
            m_server.postJson("/api/v1/credit/blacklist", {{"credit_code", kCode}, {"reason", "x"}}, m_clerk).status,
            403);
        QCOMPARE(m_server.get("/api/v1/credit/blacklist/" + std::string(kOther), m_clerk).json()["listed"], false);

        // A listing that starts next year is on the list but not yet in force.
        reply = m_server.postJson("/api/v1/credit/blacklist",
                                  {{"credit_code", kOther}, {"reason", "虚假承诺"}, {"listed_on", "2099-01-01"}},
                                  m_admin);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json()["active"], false);
        QCOMPARE(m_server.get("/api/v1/credit/blacklist?active=true", m_admin).json()["total"], 1);
        QCOMPARE(m_server.get("/api/v1/credit/blacklist", m_admin).json()["total"], 2);
        QCOMPARE(m_server.get("/api/v1/credit/blacklist?active=maybe", m_admin).status, 400);

        // Lifting ends the listing yesterday; the record stays with who lifted it and why.
        reply = m_server.postJson("/api/v1/credit/blacklist/" + std::string(kCode) + "/lift", {{"reason", "信用修复"}},
                                  m_admin);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()["listed"], false);
        QCOMPARE(reply.json()["entries"].size(), std::size_t(1));
        QCOMPARE(reply.json()["entries"][0]["lifted_reason"], "信用修复");
        QVERIFY(reply.json()["entries"][0]["until"].is_string());
        QCOMPARE(
            m_server.postJson("/api/v1/credit/blacklist/" + std::string(kCode) + "/lift", {{"reason", "x"}}, m_admin)
                .status,
            404);
        // The future listing is lifted too and never takes effect.
        QCOMPARE(
            m_server
                .postJson("/api/v1/credit/blacklist/" + std::string(kOther) + "/lift", {{"reason", "撤销"}}, m_admin)
                .status,
            200);
        QCOMPARE(m_server.get("/api/v1/credit/blacklist?active=true", m_admin).json()["total"], 0);

        // Every change is in the audit trail.
        const auto rows = m_server.sql("SELECT COUNT(*) FROM audit_log WHERE target LIKE 'credit:%'");
        QVERIFY(std::stoi(rows.at(0).at(0)) >= 4);
    }

private:
    static constexpr const char *kCode = "91350100M000100Y43";
    static constexpr const char *kOther = "91650100MA78T3EG1T";
    TestServer m_server;
    std::string m_admin;
    std::string m_clerk;
};

QTEST_GUILESS_MAIN(TestCredit)
#include "tst_credit.moc"
