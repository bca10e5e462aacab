// The working-day calendar API: deadlines (public), year listings, iCalendar export and import,
// and administrators' edits with versions, 409 on stale versions, revert, audit, and the rule
// that an edit never moves a deadline already reached. Expected dates are worked out by hand
// from the State Council's notices and the Xinjiang notices (see resources/calendar).
#include "testserver.h"

#include <QDateTime>
#include <QThread>
#include <QtTest>

#include <chrono>

using nlohmann::json;
using spgl::test::HttpReply;
using spgl::test::TestServer;

namespace {

QString describe(const HttpReply &r)
{
    return QStringLiteral("status %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.substr(0, 600).c_str()));
}

bool contains(const json &array, const json &item)
{
    return std::find(array.begin(), array.end(), item) != array.end();
}

bool hasFieldError(const HttpReply &r, const std::string &field)
{
    if (!r.isProblem())
        return false;
    const json body = r.json();
    for (const auto &e : body.value("errors", json::array()))
        if (e.value("field", "") == field)
            return true;
    return false;
}

std::string iso(std::chrono::year_month_day d)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
    return buffer;
}

/// Today in Beijing.
std::chrono::year_month_day beijingToday()
{
    const QDate today = QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();
    return std::chrono::year_month_day{std::chrono::year{today.year()}, std::chrono::month{unsigned(today.month())},
                                       std::chrono::day{unsigned(today.day())}};
}

/// The first Monday of March of @p year.
std::chrono::year_month_day firstMondayOfMarch(int year)
{
    using namespace std::chrono;
    return year_month_day{sys_days{std::chrono::year{year} / March / Monday[1]}};
}

std::chrono::year_month_day plusDays(std::chrono::year_month_day d, int n)
{
    return std::chrono::year_month_day{std::chrono::sys_days{d} + std::chrono::days{n}};
}

} // namespace

class tst_CalendarApi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        m_admin = m_server.login("admin");
        QVERIFY(!m_admin.empty());
        m_clerk = m_server.login("clerk");
        QVERIFY(!m_clerk.empty());
        m_nextYear = int(beijingToday().year()) + 1;
    }

    void deadlineAcrossNationalDayAndMidAutumn2025()
    {
        // 2025: 10-01..10-08 off (国庆节、中秋节), Sun 09-28 and Sat 10-11 worked. From Tue 09-30:
        // 10-09, 10-10, 10-11 (Sat, adjusted), 10-13, 10-14.
        const auto r = m_server.get("/api/v1/calendar/deadline?start=2025-09-30&days=5&unit=workday");
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        const json body = r.json();
        QCOMPARE(body["deadline"], "2025-10-14");
        QCOMPARE(body["workdays"], json({"2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13", "2025-10-14"}));
        QCOMPARE(body["covered"], true);
        QCOMPARE(body["start"], "2025-09-30");

        // unit defaults to workday; Fri 2024-09-27 + 1 = Sun 09-29 (adjusted working day).
        const auto plain = m_server.get("/api/v1/calendar/deadline?start=2024-09-27&days=1");
        QCOMPARE(plain.status, 200);
        QCOMPARE(plain.json()["deadline"], "2024-09-29");
        // 2025 春节 with 除夕 off: Fri 01-24 + 3 → 01-26 (Sun, worked), 01-27, 02-05.
        const auto spring = m_server.get("/api/v1/calendar/deadline?start=2025-01-24&days=3");
        QCOMPARE(spring.json()["deadline"], "2025-02-05");
        QCOMPARE(spring.json()["workdays"], json({"2025-01-26", "2025-01-27", "2025-02-05"}));
        // 2020's extended Spring Festival (to 02-02): Fri 01-17 + 6 → Mon 02-03.
        QCOMPARE(m_server.get("/api/v1/calendar/deadline?start=2020-01-17&days=6").json()["deadline"], "2020-02-03");
        // days=0: the start day itself, nothing counted.
        const auto zero = m_server.get("/api/v1/calendar/deadline?start=2025-09-30&days=0");
        QCOMPARE(zero.status, 200);
        QCOMPARE(zero.json()["deadline"], "2025-09-30");
        QCOMPARE(zero.json()["workdays"], json::array());
    }

    void naturalDaysArePostponedPastHolidays()
    {
        // Fri 2025-09-26 + 5 natural days = Wed 10-01, a holiday → next working day Thu 10-09.
        const auto r = m_server.get("/api/v1/calendar/deadline?start=2025-09-26&days=5&unit=day");
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json()["deadline"], "2025-10-09");
        QCOMPARE(r.json()["postponed"], true);
        QCOMPARE(r.json()["workdays"], json({"2025-09-27", "2025-09-28", "2025-09-29", "2025-09-30", "2025-10-01"}));
        // Thu 2025-09-25 + 3 = Sun 09-28, an adjusted working day: not moved.
        const auto adjusted = m_server.get("/api/v1/calendar/deadline?start=2025-09-25&days=3&unit=day");
        QCOMPARE(adjusted.json()["deadline"], "2025-09-28");
        QCOMPARE(adjusted.json()["postponed"], false);
        // Fri 2024-03-01 + 1 = Sat 03-02 → Mon 03-04.
        QCOMPARE(m_server.get("/api/v1/calendar/deadline?start=2024-03-01&days=1&unit=day").json()["deadline"],
                 "2024-03-04");
    }

    void xinjiangRegionAddsRegionalHolidays()
    {
        // 2025 古尔邦节 06-06..06-10 in Xinjiang only: Thu 06-05 + 1.
        auto national = m_server.get("/api/v1/calendar/deadline?start=2025-06-05&days=1");
        auto urumqi = m_server.get("/api/v1/calendar/deadline?start=2025-06-05&days=1&region=650102");
        auto beijing = m_server.get("/api/v1/calendar/deadline?start=2025-06-05&days=1&region=110101");
        QCOMPARE(national.json()["deadline"], "2025-06-06");
        QCOMPARE(urumqi.json()["deadline"], "2025-06-11");
        QCOMPARE(urumqi.json()["region"], "650102");
        QCOMPARE(beijing.json()["deadline"], "2025-06-06");
        // 2025 肉孜节 03-29..03-31: Fri 03-28 + 1.
        national = m_server.get("/api/v1/calendar/deadline?start=2025-03-28&days=1");
        urumqi = m_server.get("/api/v1/calendar/deadline?start=2025-03-28&days=1&region=650100");
        QCOMPARE(national.json()["deadline"], "2025-03-31");
        QCOMPARE(urumqi.json()["deadline"], "2025-04-01");
        // Natural days in Xinjiang: Sun 2025-06-01 + 5 = Fri 06-06, 古尔邦节 → Wed 06-11.
        QCOMPARE(m_server.get("/api/v1/calendar/deadline?start=2025-06-01&days=5&unit=day").json()["deadline"],
                 "2025-06-06");
        QCOMPARE(
            m_server.get("/api/v1/calendar/deadline?start=2025-06-01&days=5&unit=day&region=659001").json()["deadline"],
            "2025-06-11");
    }

    void timestampStartCountsItsBeijingDate()
    {
        // 2025-09-30T23:30+06:00 is 2025-10-01 01:30 in Beijing: the start day is 10-01.
        for (const char *start : {"2025-09-30T23:30:00%2B06:00", "2025-09-30T23:30:00+06:00", "2025-09-30T17:30:00Z",
                                  "2025-09-30T17:30:00.250Z"}) {
            const auto r = m_server.get(std::string("/api/v1/calendar/deadline?start=") + start + "&days=1");
            QVERIFY2(r.status == 200, qPrintable(describe(r)));
            QVERIFY2(r.json()["start"] == "2025-10-01", start);
            QVERIFY2(r.json()["deadline"] == "2025-10-09", start);
        }
        // 2025-09-30T15:59:59Z is 23:59:59 in Beijing: still 09-30.
        const auto before = m_server.get("/api/v1/calendar/deadline?start=2025-09-30T15:59:59Z&days=5");
        QCOMPARE(before.json()["start"], "2025-09-30");
        QCOMPARE(before.json()["deadline"], "2025-10-14");
        // Beijing's own offset.
        const auto local = m_server.get("/api/v1/calendar/deadline?start=2025-09-30T10:00:00%2B08:00&days=5");
        QCOMPARE(local.json()["deadline"], "2025-10-14");
    }

    void uncoveredYearsAreFlagged()
    {
        const auto r = m_server.get("/api/v1/calendar/deadline?start=2031-03-03&days=5");
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json()["covered"], false);
        QCOMPARE(r.json()["deadline"], "2031-03-10"); // plain Monday–Friday
        // A limit reaching from a known year into an unknown one is not covered either.
        QCOMPARE(m_server.get("/api/v1/calendar/deadline?start=2026-12-01&days=3000").json()["covered"], false);
    }

    void badDeadlineInput_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("days=-1") << QStringLiteral("start=2025-09-30&days=-1") << QStringLiteral("days");
        QTest::newRow("days=abc") << QStringLiteral("start=2025-09-30&days=abc") << QStringLiteral("days");
        QTest::newRow("days=1.5") << QStringLiteral("start=2025-09-30&days=1.5") << QStringLiteral("days");
        QTest::newRow("days too many") << QStringLiteral("start=2025-09-30&days=3651") << QStringLiteral("days");
        QTest::newRow("days huge") << QStringLiteral("start=2025-09-30&days=99999999999999999999999")
                                   << QStringLiteral("days");
        QTest::newRow("days missing") << QStringLiteral("start=2025-09-30") << QStringLiteral("days");
        QTest::newRow("unit=hour") << QStringLiteral("start=2025-09-30&days=1&unit=hour") << QStringLiteral("unit");
        QTest::newRow("start=2025-02-30") << QStringLiteral("start=2025-02-30&days=1") << QStringLiteral("start");
        QTest::newRow("start garbage") << QStringLiteral("start=yesterday&days=1") << QStringLiteral("start");
        QTest::newRow("start bad time") << QStringLiteral("start=2025-09-30T25:00:00Z&days=1")
                                        << QStringLiteral("start");
        QTest::newRow("start no zone") << QStringLiteral("start=2025-09-30T10:00:00&days=1") << QStringLiteral("start");
        QTest::newRow("start missing") << QStringLiteral("days=1") << QStringLiteral("start");
        QTest::newRow("region=12345") << QStringLiteral("start=2025-09-30&days=1&region=12345")
                                      << QStringLiteral("region");
        QTest::newRow("region letters") << QStringLiteral("start=2025-09-30&days=1&region=65010x")
                                        << QStringLiteral("region");
    }

    void badDeadlineInput()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const auto r = m_server.get("/api/v1/calendar/deadline?" + query.toStdString());
        QVERIFY2(r.status == 400 || r.status == 422, qPrintable(describe(r)));
        QVERIFY2(r.isProblem(), qPrintable(describe(r)));
        QVERIFY2(hasFieldError(r, field.toStdString()), qPrintable(describe(r)));
    }

    void yearListing()
    {
        auto r = m_server.get("/api/v1/calendar/2025");
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        json body = r.json();
        QCOMPARE(body["year"], 2025);
        QCOMPARE(body["covered"], true);
        QCOMPARE(body["layers"].size(), std::size_t(1));
        const json national = body["layers"][0];
        QCOMPARE(national["layer"], "national");
        QCOMPARE(national["known"], true);
        QVERIFY(contains(national["holidays"], json({{"date", "2025-10-08"}, {"name", "国庆节、中秋节"}})));
        QVERIFY(contains(national["holidays"], json({{"date", "2025-01-28"}, {"name", "春节"}}))); // 除夕
        QVERIFY(contains(national["workdays"], json({{"date", "2025-09-28"}, {"name", "国庆节、中秋节"}})));
        QCOMPARE(national["workdays"].size(), std::size_t(5));
        QCOMPARE(national["periods"].size(), std::size_t(6));

        // With a Xinjiang region code the regional layer follows the national one.
        r = m_server.get("/api/v1/calendar/2025?region=650102");
        QCOMPARE(r.status, 200);
        body = r.json();
        QCOMPARE(body["layers"].size(), std::size_t(2));
        QCOMPARE(body["layers"][1]["layer"], "xj");
        QVERIFY(contains(body["layers"][1]["holidays"], json({{"date", "2025-06-06"}, {"name", "古尔邦节"}})));
        QCOMPARE(m_server.get("/api/v1/calendar/2025?region=110101").json()["layers"].size(), std::size_t(1));

        // A year no layer knows: 200 with empty lists and covered:false.
        r = m_server.get("/api/v1/calendar/2031");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["covered"], false);
        QCOMPARE(r.json()["layers"][0]["known"], false);
        QCOMPARE(r.json()["layers"][0]["holidays"], json::array());

        for (const char *bad : {"/api/v1/calendar/abc", "/api/v1/calendar/1", "/api/v1/calendar/2025?region=65"}) {
            r = m_server.get(bad);
            QVERIFY2(r.status >= 400 && r.status < 500 && r.isProblem(), qPrintable(describe(r)));
        }
    }

    void icsExportAndReimport()
    {
        auto r = m_server.get("/api/v1/calendar/2025.ics?layer=xj");
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QVERIFY(r.header("content-type").rfind("text/calendar", 0) == 0);
        QVERIFY(r.body.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
        QVERIFY(r.body.find("X-SPGL-LAYER:xj-regional") != std::string::npos);
        QVERIFY(r.body.find("DTSTART;VALUE=DATE:20250606") != std::string::npos);
        const std::string xj2025 = r.body;

        // Re-importing the exported year gives the same data: no new version.
        r = m_server.request("POST", "/api/v1/admin/calendar/xj/2025/import", xj2025,
                             {{"Content-Type", "text/calendar"}}, m_admin);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json()["changed"], false);
        QCOMPARE(r.json()["version"], 1);

        // The national export of 2025 round-trips the same way.
        r = m_server.get("/api/v1/calendar/2025.ics");
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.find("X-SPGL-LAYER:cn-national") != std::string::npos);
        r = m_server.request("POST", "/api/v1/admin/calendar/national/2025/import", r.body,
                             {{"Content-Type", "text/calendar"}}, m_admin);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json()["changed"], false);

        // A file of another layer is refused.
        r = m_server.request("POST", "/api/v1/admin/calendar/national/2025/import", xj2025,
                             {{"Content-Type", "text/calendar"}}, m_admin);
        QVERIFY2(r.status == 422 && r.isProblem(), qPrintable(describe(r)));
        // Not iCalendar, or declared as JSON.
        r = m_server.request("POST", "/api/v1/admin/calendar/national/2025/import", "hello",
                             {{"Content-Type", "text/calendar"}}, m_admin);
        QVERIFY2(r.status == 422 && r.isProblem(), qPrintable(describe(r)));
        r = m_server.request("POST", "/api/v1/admin/calendar/national/2025/import", "{}",
                             {{"Content-Type", "application/json"}}, m_admin);
        QVERIFY2(r.status == 415 && r.isProblem(), qPrintable(describe(r)));

        // A future year imported from a hand-written file (the chinese-days style "(休)" suffix),
        // exported again, and imported again: the same data, no new version.
        const int y = m_nextYear + 1;
        const std::string ys = std::to_string(y);
        const std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                                "BEGIN:VEVENT\r\nUID:a@test\r\nDTSTART;VALUE=DATE:"
                                + ys + "0501\r\nDTEND;VALUE=DATE:" + ys
                                + "0506\r\nSUMMARY:劳动节(休)\r\nEND:VEVENT\r\n"
                                  "BEGIN:VEVENT\r\nUID:b@test\r\nDTSTART;VALUE=DATE:"
                                + ys + "0425\r\nSUMMARY:劳动节(班)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        r = m_server.request("POST", "/api/v1/admin/calendar/national/" + ys + "/import?expected_version=0", ics,
                             {{"Content-Type", "text/calendar"}}, m_admin);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json()["changed"], true);
        QCOMPARE(r.json()["version"], 1);
        QCOMPARE(r.json()["data"]["holidays"][0]["name"], "劳动节");
        QCOMPARE(r.json()["data"]["workdays"][0]["date"], ys + "-04-25");
        r = m_server.get("/api/v1/calendar/" + ys + ".ics");
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        r = m_server.request("POST", "/api/v1/admin/calendar/national/" + ys + "/import", r.body,
                             {{"Content-Type", "text/calendar"}}, m_admin);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json()["changed"], false);
        QCOMPARE(r.json()["version"], 1);
        // A stale expected_version on import is a conflict.
        r = m_server.request("POST", "/api/v1/admin/calendar/national/" + ys + "/import?expected_version=0", ics,
                             {{"Content-Type", "text/calendar"}}, m_admin);
        QVERIFY2(r.status == 409 && r.isProblem(), qPrintable(describe(r)));
        // Unknown layer and year without data.
        QCOMPARE(m_server.get("/api/v1/calendar/2025.ics?layer=mars").status, 422);
        QCOMPARE(m_server.get("/api/v1/calendar/2031.ics").status, 404);
    }

    void adminEditsWithVersionsAndRevert()
    {
        // A future year: the first Monday of March next year, counted from the Friday before.
        const auto monday = firstMondayOfMarch(m_nextYear);
        const auto friday = plusDays(monday, -3);
        const auto saturday = plusDays(monday, -2);
        const auto tuesday = plusDays(monday, 1);
        const std::string ys = std::to_string(m_nextYear);
        const std::string path = "/api/v1/admin/calendar/national/" + ys;
        const std::string query = "/api/v1/calendar/deadline?start=" + iso(friday) + "&days=1";
        QCOMPARE(m_server.get(query).json()["deadline"], iso(monday));

        // Version 1: the Monday becomes a holiday.
        json body = {{"source", "测试通知"},
                     {"confirmed", false},
                     {"holidays", {{{"name", "测试节"}, {"from", iso(monday)}, {"to", iso(monday)}}}},
                     {"workdays", json::array()},
                     {"expected_version", 0}};
        auto r = put(path, body, m_admin);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json()["version"], 1);
        QCOMPARE(r.json()["changed"], true);
        QCOMPARE(r.json()["layer"], "national");
        QCOMPARE(r.json()["updated_by"], "admin");
        QCOMPARE(m_server.get(query).json()["deadline"], iso(tuesday));
        QCOMPARE(m_server.get(query).json()["covered"], true);

        // The same expected_version again is stale: 409 with the current version.
        r = put(path, body, m_admin);
        QVERIFY2(r.status == 409 && r.isProblem(), qPrintable(describe(r)));
        QCOMPARE(r.json()["current"]["version"], 1);

        // Version 2: the Saturday before becomes an adjusted working day.
        body["workdays"] = {{{"name", "测试节"}, {"date", iso(saturday)}}};
        body["expected_version"] = 1;
        r = put(path, body, m_admin);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json()["version"], 2);
        QCOMPARE(m_server.get(query).json()["deadline"], iso(saturday));

        // Invalid data: a day both off and worked, a wrong year, a bad date.
        json bad = body;
        bad["workdays"] = {{{"name", "测试节"}, {"date", iso(monday)}}};
        bad.erase("expected_version");
        r = put(path, bad, m_admin);
        QVERIFY2(r.status == 422 && hasFieldError(r, "workdays"), qPrintable(describe(r)));
        bad = body;
        bad["year"] = m_nextYear + 5;
        r = put(path, bad, m_admin);
        QVERIFY2(r.status == 422 && hasFieldError(r, "year"), qPrintable(describe(r)));
        bad = body;
        bad["holidays"][0]["from"] = ys + "-02-30";
        r = put(path, bad, m_admin);
        QVERIFY2(r.status == 422 && hasFieldError(r, "holidays[0].from"), qPrintable(describe(r)));
        r = put("/api/v1/admin/calendar/mars/" + ys, body, m_admin);
        QVERIFY2(r.status == 404 && r.isProblem(), qPrintable(describe(r)));

        // The versions, newest first.
        r = m_server.get(path + "/versions", m_admin);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json()["current_version"], 2);
        QCOMPARE(r.json()["items"].size(), std::size_t(2));
        QCOMPARE(r.json()["items"][0]["version"], 2);
        QCOMPARE(r.json()["items"][1]["version"], 1);
        QCOMPARE(r.json()["items"][1]["data"]["workdays"], json::array());

        // Revert to version 1: a new version 3 with version 1's data.
        r = m_server.postJson(path + "/revert", {{"version", 1}, {"expected_version", 1}}, m_admin);
        QVERIFY2(r.status == 409, qPrintable(describe(r)));
        r = m_server.postJson(path + "/revert", {{"version", 1}, {"expected_version", 2}}, m_admin);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json()["version"], 3);
        QCOMPARE(m_server.get(query).json()["deadline"], iso(tuesday));
        r = m_server.get(path + "/versions", m_admin);
        QCOMPARE(r.json()["current_version"], 3);
        QCOMPARE(r.json()["items"][0]["action"], "revert");
        QCOMPARE(r.json()["items"][0]["based_on"], 1);
        QCOMPARE(m_server.postJson(path + "/revert", {{"version", 9}}, m_admin).status, 404);
        QCOMPARE(m_server.postJson(path + "/revert", json::object(), m_admin).status, 422);

        // The shipped data is version 1 of a shipped year.
        r = m_server.get("/api/v1/admin/calendar/xj/2025/versions", m_admin);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json()["current_version"], 1);
        QCOMPARE(r.json()["items"][0]["builtin"], true);

        // Only administrators.
        QCOMPARE(put(path, body, m_clerk).status, 403);
        QCOMPARE(put(path, body, std::string()).status, 401);
        QCOMPARE(m_server.get(path + "/versions", m_clerk).status, 403);
        QCOMPARE(m_server.postJson(path + "/revert", {{"version", 1}}, m_clerk).status, 403);

        // Every edit is audited, the refused ones too.
        const auto rows = m_server.sql("SELECT actor, action, target, result FROM audit_log WHERE target = "
                                       "'calendar:national:"
                                       + ys + "' ORDER BY id");
        QVERIFY(rows.size() >= 6);
        QCOMPARE(rows[0][0], std::string("admin"));
        QCOMPARE(rows[0][1], std::string("PUT /api/v1/admin/calendar/{layer}/{year}"));
        QCOMPARE(rows[0][3], std::string("200"));
        QCOMPARE(rows[1][3], std::string("409"));
        bool revertAudited = false;
        for (const auto &row : rows)
            revertAudited
                = revertAudited || (row[1] == "POST /api/v1/admin/calendar/{layer}/{year}/revert" && row[3] == "200");
        QVERIFY(revertAudited);
    }

    void editsNeverMoveADeadlineAlreadyReached()
    {
        // A deadline in the past: 2025-09-30 + 5 working days = 2025-10-14.
        const std::string query = "/api/v1/calendar/deadline?start=2025-09-30&days=5";
        QCOMPARE(m_server.get(query).json()["deadline"], "2025-10-14");
        auto r = m_server.get("/api/v1/admin/calendar/national/2025/versions", m_admin);
        QCOMPARE(r.status, 200);
        const json current = r.json()["items"][0]["data"];
        const int version = r.json()["current_version"].get<int>();

        // Shorten the 国庆 break by a day (10-08 worked): a day before the deadline → 422.
        json edit = current;
        for (auto &h : edit["holidays"])
            if (h["from"] == "2025-10-01")
                h["to"] = "2025-10-07";
        edit["expected_version"] = version;
        r = put("/api/v1/admin/calendar/national/2025", edit, m_admin);
        QVERIFY2(r.status == 422 && hasFieldError(r, "holidays"), qPrintable(describe(r)));
        QCOMPARE(r.json()["past_dates"], json::array({"2025-10-08"}));
        bool named = false;
        const json refused = r.json();
        for (const auto &e : refused["errors"])
            named = named || e["message"].get<std::string>().find("2025-10-08") != std::string::npos;
        QVERIFY(named);
        // Moving an adjusted working day in the past is refused too.
        edit = current;
        edit["workdays"][4]["date"] = "2025-10-12";
        r = put("/api/v1/admin/calendar/national/2025", edit, m_admin);
        QVERIFY2(r.status == 422 && hasFieldError(r, "workdays"), qPrintable(describe(r)));
        QCOMPARE(r.json()["past_dates"], json::array({"2025-10-11", "2025-10-12"}));
        // And a past holiday in the Xinjiang layer, through an .ics import.
        const std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-SPGL-YEAR:2025\r\n"
                                "BEGIN:VEVENT\r\nUID:a@test\r\nDTSTART;VALUE=DATE:20250606\r\n"
                                "DTEND;VALUE=DATE:20250607\r\nSUMMARY:古尔邦节(休)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        r = m_server.request("POST", "/api/v1/admin/calendar/xj/2025/import", ics, {{"Content-Type", "text/calendar"}},
                             m_admin);
        QVERIFY2(r.status == 422 && r.isProblem(), qPrintable(describe(r)));
        // The deadline did not move, and no version was added.
        QCOMPARE(m_server.get(query).json()["deadline"], "2025-10-14");
        QCOMPARE(m_server.get(query + "&region=650102").json()["deadline"], "2025-10-14");
        QCOMPARE(m_server.get("/api/v1/admin/calendar/national/2025/versions", m_admin).json()["current_version"],
                 version);

        // Today counts as reached: a new holiday today is refused.
        const auto today = beijingToday();
        const std::string thisYear = std::to_string(int(today.year()));
        r = m_server.get("/api/v1/admin/calendar/national/" + thisYear + "/versions", m_admin);
        if (r.status == 200) {
            json data = r.json()["items"][0]["data"];
            bool alreadyOff = false;
            for (const auto &h : data["holidays"])
                alreadyOff = alreadyOff || (h["from"] <= iso(today) && iso(today) <= h["to"]);
            if (!alreadyOff) {
                data["holidays"].push_back({{"name", "测试节"}, {"from", iso(today)}, {"to", iso(today)}});
                r = put("/api/v1/admin/calendar/national/" + thisYear, data, m_admin);
                QVERIFY2(r.status == 422, qPrintable(describe(r)));
                QCOMPARE(r.json()["past_dates"], json::array({iso(today)}));
            }
        }

        // Correcting a past period's name changes no day: allowed, a new version.
        edit = current;
        edit["holidays"][5]["name"] = "国庆节、中秋节（更正）";
        edit["expected_version"] = version;
        r = put("/api/v1/admin/calendar/national/2025", edit, m_admin);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json()["version"], version + 1);
        QCOMPARE(m_server.get(query).json()["deadline"], "2025-10-14");
    }

    void reloadsWhatAnotherInstanceChanged()
    {
        // Another server instance on the same database writes a version and bumps the revision;
        // this instance picks it up within a few seconds.
        const int y = m_nextYear + 2;
        const auto monday = firstMondayOfMarch(y);
        const std::string query = "/api/v1/calendar/deadline?start=" + iso(plusDays(monday, -3)) + "&days=1";
        QCOMPARE(m_server.get(query).json()["deadline"], iso(monday));
        const std::string data = json({{"year", y},
                                       {"source", "另一实例"},
                                       {"confirmed", false},
                                       {"holidays", {{{"name", "测试节"}, {"from", iso(monday)}, {"to", iso(monday)}}}},
                                       {"workdays", json::array()}})
                                     .dump();
        m_server.sql("INSERT INTO calendar_years (layer, year, data, version, updated_by, updated_at) VALUES "
                     "('cn-national', "
                     + std::to_string(y) + ", '" + data + "', 1, 'other', 1)");
        m_server.sql("INSERT INTO calendar_year_versions (layer, year, version, data, action, updated_by, updated_at) "
                     "VALUES ('cn-national', "
                     + std::to_string(y) + ", 1, '" + data + "', 'edit', 'other', 1)");
        m_server.sql("UPDATE settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = "
                     "'calendar_revision'");
        std::string deadline;
        for (int i = 0; i < 100 && deadline != iso(plusDays(monday, 1)); ++i) {
            QThread::msleep(100);
            deadline = m_server.get(query).json()["deadline"].get<std::string>();
        }
        QCOMPARE(deadline, iso(plusDays(monday, 1)));
    }

    void serverStillHealthy() { QCOMPARE(m_server.get("/api/v1/health").status, 200); }

private:
    HttpReply put(const std::string &path, const json &body, const std::string &token) const
    {
        return m_server.request("PUT", path, body.dump(), {{"Content-Type", "application/json"}}, token);
    }

    TestServer m_server;
    std::string m_admin;
    std::string m_clerk;
    int m_nextYear = 0;
};

QTEST_GUILESS_MAIN(tst_CalendarApi)
#include "tst_calendarapi.moc"
