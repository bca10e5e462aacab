// The demo generator (spgl-server demo --projects N --seed S) and the deadline scan job, on both
// backends: the data is deterministic for a seed and anchor, spread over stages, states and clock
// levels, and a running server's scan moves clocks to their level as time passes, recording an
// alert, a notification and a change-feed row per level change.
#include "testserver.h"

#include <QElapsedTimer>
#include <QThread>
#include <QtTest>

#include <set>

using nlohmann::json;
using spgl::test::TestServer;

namespace {
const QStringList kDemo
    = {QStringLiteral("demo"),   QStringLiteral("--projects"), QStringLiteral("40"),
       QStringLiteral("--seed"), QStringLiteral("11"),         QStringLiteral("--anchor=2026-06-30")};

std::string fingerprint(const TestServer &s)
{
    std::string out;
    for (const auto &row : s.sql("SELECT a.id, a.status, a.version, p.project_code, "
                                 "(SELECT COUNT(*) FROM events e WHERE e.application_id = a.id) "
                                 "FROM applications a JOIN projects p ON p.id = a.project_id ORDER BY a.id"))
        for (const auto &v : row)
            out += v + "|";
    return out;
}

int count(const TestServer &s, const std::string &sql)
{
    return std::stoi(s.sql(sql).at(0).at(0));
}
} // namespace

class tst_DemoData : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Create the schema and demo users, then generate with the server stopped.
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        QCOMPARE(m_server.stop(), 0);
        QString output;
        QCOMPARE(m_server.runCommand(kDemo, &output), 0);
        QVERIFY2(output.contains(QStringLiteral("demo: 40 projects")), qPrintable(output));
    }

    void deterministicForASeed()
    {
        TestServer other;
        QVERIFY2(other.start(), qPrintable(other.lastError()));
        QCOMPARE(other.stop(), 0);
        QCOMPARE(other.runCommand(kDemo), 0);
        const std::string a = fingerprint(m_server);
        QVERIFY(a.size() > 100);
        QCOMPARE(fingerprint(other), a);

        TestServer differentSeed;
        QVERIFY2(differentSeed.start(), qPrintable(differentSeed.lastError()));
        QCOMPARE(differentSeed.stop(), 0);
        QStringList args = kDemo;
        args[4] = QStringLiteral("12");
        QCOMPARE(differentSeed.runCommand(args), 0);
        QVERIFY(fingerprint(differentSeed) != a);
    }

    void spreadOverStagesStatesAndLevels()
    {
        QCOMPARE(count(m_server, "SELECT COUNT(*) FROM projects"), 40);
        std::set<std::string> statuses;
        for (const auto &row : m_server.sql("SELECT DISTINCT status FROM applications"))
            statuses.insert(row[0]);
        QVERIFY2(statuses.count("in_review") && statuses.count("delivered"), "states not spread");
        QVERIFY(count(m_server, "SELECT COUNT(DISTINCT stage) FROM applications") >= 3);
        // Levels as of the anchor day (the scan at the end of generation).
        std::set<std::string> levels;
        for (const auto &row : m_server.sql("SELECT DISTINCT level FROM cases"))
            levels.insert(row[0]);
        QVERIFY2(levels.count("done") && levels.size() >= 3, "clock levels not spread");
        // Every event row carries a national code; every case has its events.
        QCOMPARE(count(m_server, "SELECT COUNT(*) FROM events WHERE blzt < 1 OR blzt > 15"), 0);
        QCOMPARE(count(m_server, "SELECT COUNT(*) FROM cases c WHERE NOT EXISTS "
                                 "(SELECT 1 FROM events e WHERE e.case_id = c.id AND e.kind = 'accepted')"),
                 0);
        // History happened before the anchor day, never after.
        QCOMPARE(count(m_server, "SELECT COUNT(*) FROM events WHERE at >= 1782835200000"), 0); // 2026-07-01 00:00 +08
    }

    void staffActInOfficeHours()
    {
        // The applicant files and supplements at any hour; the window and the departments act
        // from 10:00 to 14:00 and 16:00 to 20:00 Beijing time (the seconds of the Beijing day below).
        const std::string staff = "FROM events WHERE actor_id <> (SELECT CAST(id AS TEXT) FROM users WHERE username = "
                                  "'applicant')";
        const std::string second = "((at / 1000 + 28800) % 86400)";
        QVERIFY(count(m_server, "SELECT COUNT(*) " + staff) > 200);
        QCOMPARE(count(m_server, "SELECT COUNT(*) " + staff + " AND (" + second + " < 36000 OR " + second
                                     + " >= 72000 OR (" + second + " >= 50400 AND " + second + " < 57600))"),
                 0);
        // Some of the applicant's own steps fall outside them.
        QVERIFY(count(m_server, "SELECT COUNT(*) FROM events WHERE actor_id = (SELECT CAST(id AS TEXT) FROM users "
                                "WHERE username = 'applicant') AND ("
                                    + second + " < 36000 OR " + second + " >= 72000)")
                > 0);
    }

    void nothingIsDatedAfterTheCurrentTime()
    {
        // Generated at 00:30 on the anchor day (the server's clock set with --now, no --anchor, as
        // on a first start), the histories stop before: no submission, event, case or notification
        // is dated later. The same seed generated after that day does have history past 00:30.
        // 2026-06-30 00:30 +08, and ten minutes on: the clock runs on from 00:30 while it generates.
        QVERIFY(count(m_server, "SELECT COUNT(*) FROM events WHERE at > 1782750600000") > 0);
        const std::string after = "1782751200000";
        TestServer early;
        QVERIFY2(early.start(), qPrintable(early.lastError()));
        QCOMPARE(early.stop(), 0);
        QString output;
        QCOMPARE(early.runCommand({QStringLiteral("demo"), QStringLiteral("--projects"), QStringLiteral("40"),
                                   QStringLiteral("--seed"), QStringLiteral("11"),
                                   QStringLiteral("--now=2026-06-30T00:30:00+08:00")},
                                  &output),
                 0);
        QVERIFY2(output.contains(QStringLiteral("demo: 40 projects")), qPrintable(output));
        QVERIFY(count(early, "SELECT COUNT(*) FROM events") > 100);
        QCOMPARE(count(early, "SELECT COUNT(*) FROM events WHERE at > " + after), 0);
        QCOMPARE(count(early,
                       "SELECT COUNT(*) FROM applications WHERE submitted_at > " + after + " OR updated_at > " + after),
                 0);
        QCOMPARE(count(early, "SELECT COUNT(*) FROM cases WHERE accepted_at > " + after + " OR updated_at > " + after),
                 0);
        QCOMPARE(count(early, "SELECT COUNT(*) FROM notifications WHERE created_at > " + after), 0);
    }

    void deadlineScanMovesLevelsAndNotifies()
    {
        // The anchor was months ago: every case still open and running is overdue today (a paused
        // clock — 补正, 特别程序 — does not advance). A running server's scan finds them and records
        // each change once.
        const int open = count(m_server, "SELECT COUNT(*) FROM cases WHERE level <> 'done' AND paused = 0");
        const int paused = count(m_server, "SELECT COUNT(*) FROM cases WHERE level <> 'done' AND paused = 1");
        QVERIFY(open > 0);
        const int notOverdue
            = count(m_server, "SELECT COUNT(*) FROM cases WHERE level IN ('normal', 'warning') AND paused = 0");
        QVERIFY(notOverdue > 0);
        const int alertsBefore = count(m_server, "SELECT COUNT(*) FROM clock_alerts WHERE level = 'overdue'");
        const int feedBefore = count(m_server, "SELECT COUNT(*) FROM changes WHERE entity = 'case'");

        QVERIFY2(m_server.start({QStringLiteral("--clock-scan=1")}), qPrintable(m_server.lastError()));
        QElapsedTimer timer;
        timer.start();
        const std::string running = "SELECT COUNT(*) FROM cases WHERE level IN ('normal', 'warning') AND paused = 0";
        while (count(m_server, running) > 0 && timer.elapsed() < 30000)
            QThread::msleep(200);
        QCOMPARE(count(m_server, running), 0);
        QCOMPARE(count(m_server, "SELECT COUNT(*) FROM cases WHERE level = 'overdue' AND paused = 0"), open);
        // Paused clocks kept their level (their deadline moves with the pause).
        QCOMPARE(count(m_server, "SELECT COUNT(*) FROM cases WHERE level <> 'done' AND paused = 1"), paused);
        QVERIFY(count(m_server, "SELECT COUNT(*) FROM clock_alerts WHERE level = 'overdue'") - alertsBefore
                >= notOverdue);
        QVERIFY(count(m_server, "SELECT COUNT(*) FROM changes WHERE entity = 'case'") - feedBefore >= notOverdue);
        // The first overdue day is the day after the deadline, and it is kept.
        QCOMPARE(count(m_server, "SELECT COUNT(*) FROM cases WHERE level = 'overdue' AND (first_overdue IS NULL "
                                 "OR first_overdue <= deadline)"),
                 0);
        // A second scan changes nothing more.
        const int alerts = count(m_server, "SELECT COUNT(*) FROM clock_alerts");
        QThread::msleep(2500);
        QCOMPARE(count(m_server, "SELECT COUNT(*) FROM clock_alerts"), alerts);

        // The supervisor sees them in the case list; the department gets notified.
        const std::string supervisor = m_server.login("supervisor");
        const auto overdue = m_server.get("/api/v1/cases?level=overdue&limit=500", supervisor);
        QCOMPARE(overdue.status, 200);
        QVERIFY(int(overdue.json()["items"].size()) >= open);
        const json overdueList = overdue.json()["items"];
        for (const auto &c : overdueList)
            QVERIFY(!c["first_overdue"].is_null());
        const auto department = m_server.sql(
            "SELECT department FROM notifications WHERE kind = 'overdue' ORDER BY id DESC LIMIT 1")[0][0];
        QVERIFY(count(m_server,
                      "SELECT COUNT(*) FROM notifications WHERE kind = 'overdue' AND department = '" + department + "'")
                > 0);
        const auto reviewer = m_server.sql("SELECT u.username FROM users u JOIN departments d ON d.id = "
                                           "u.department_id WHERE d.code = '"
                                           + department + "' AND u.roles = 'reviewer' ORDER BY u.id LIMIT 1");
        QVERIFY(!reviewer.empty());
        const auto notes = m_server.get("/api/v1/notifications", m_server.login(reviewer[0][0]));
        QCOMPARE(notes.status, 200);
        bool sawOverdue = false;
        const json noteList = notes.json()["items"]; // own it: a range-for over a temporary's member dangles
        for (const auto &n : noteList)
            sawOverdue = sawOverdue || n["kind"] == "overdue";
        QVERIFY2(sawOverdue, (department + " " + reviewer[0][0] + " " + notes.body.substr(0, 300)).c_str());
    }

    void cleanupTestCase() { m_server.stop(); }

private:
    TestServer m_server;
};

QTEST_GUILESS_MAIN(tst_DemoData)
#include "tst_demodata.moc"
