// Expected dates are worked out by hand from the State Council's yearly notices
// (国务院办公厅关于XXXX年部分节假日安排的通知) and the Xinjiang notices, not computed by the code.
#include "calendar/calendarlayer.h"
#include "calendar/dates.h"
#include "calendar/workcalendar.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using spgl::CalendarLayer;
using spgl::WorkCalendar;
using Date = std::chrono::year_month_day;

namespace {

const std::string kNational = SPGL_SOURCE_DIR "/resources/calendar/cn-national.json";
const std::string kXinjiang = SPGL_SOURCE_DIR "/resources/calendar/xj-regional.json";

Date date(const QString &iso)
{
    const auto d = spgl::parseIsoDate(iso.toStdString());
    if (!d)
        qFatal("bad date in test data");
    return *d;
}

QString str(Date d)
{
    return QString::fromStdString(spgl::isoDate(d));
}

const WorkCalendar &calendar()
{
    static const WorkCalendar cal = [] {
        auto c = WorkCalendar::fromFiles({kNational, kXinjiang});
        if (!c)
            qFatal("%s", c.error().message.c_str());
        return c.value();
    }();
    return cal;
}

} // namespace

class tst_WorkCalendar : public QObject
{
    Q_OBJECT
private slots:
    void resourcesLoad()
    {
        const auto national = CalendarLayer::fromFile(kNational);
        QVERIFY2(national.ok(), national.ok() ? "" : national.error().message.c_str());
        QVERIFY(national->national());
        for (int y = 2019; y <= 2026; ++y) {
            QVERIFY(national->year(y));
            QVERIFY(national->year(y)->confirmed);
            QVERIFY(!national->year(y)->source.empty());
        }
        const auto xj = CalendarLayer::fromFile(kXinjiang);
        QVERIFY2(xj.ok(), xj.ok() ? "" : xj.error().message.c_str());
        QCOMPARE(xj->regionPrefix(), std::string("65"));
        for (int y = 2019; y <= 2026; ++y)
            QVERIFY(xj->year(y));
        // Taken from the autonomous region's published notices.
        QVERIFY(xj->year(2022)->confirmed);
        QVERIFY(xj->year(2023)->confirmed);
        QVERIFY(xj->year(2025)->confirmed);

        QVERIFY(calendar().covers(2019));
        QVERIFY(calendar().covers(2026));
        QVERIFY(!calendar().covers(2027));
        QVERIFY(!calendar().covers(2018));
    }

    // The brief's example: Friday 2024-09-27 + 1 working day. Saturday 09-28 is off, Sunday
    // 09-29 is worked for 国庆节 (调休上班), so day 1 is Sunday 09-29.
    void startDayIsNotCounted()
    {
        QCOMPARE(str(calendar().addWorkdays(date(u"2024-09-27"_qs), 1)), u"2024-09-29"_qs);
        QCOMPARE(str(calendar().addWorkdays(date(u"2024-09-27"_qs), 0)), u"2024-09-27"_qs);
        // A start on a day off: the next working day is day 1.
        QCOMPARE(str(calendar().addWorkdays(date(u"2024-10-03"_qs), 1)), u"2024-10-08"_qs);
        QCOMPARE(str(calendar().addWorkdays(date(u"2024-09-28"_qs), 1)), u"2024-09-29"_qs);
    }

    void deadlines_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char16_t *start, int n, const char16_t *expected) {
            QTest::newRow(name) << QString::fromUtf16(start) << n << QString() << QString::fromUtf16(expected);
        };

        // ---- 2019 (国办发明电〔2018〕15号; 劳动节 adjusted by 国办发明电〔2019〕2号)
        // 元旦 2018-12-30..2019-01-01, Sat 2018-12-29 worked.
        row("2019 元旦 +1 = Sat 12-29 worked", u"2018-12-28", 1, u"2018-12-29");
        row("2019 元旦 +2 crosses", u"2018-12-28", 2, u"2019-01-02");
        // 春节 02-04..02-10, Sat 02-02 and Sun 02-03 worked.
        row("2019 春节 +1 = Sat 02-02", u"2019-02-01", 1, u"2019-02-02");
        row("2019 春节 +2 = Sun 02-03", u"2019-02-01", 2, u"2019-02-03");
        row("2019 春节 +3 crosses", u"2019-02-01", 3, u"2019-02-11");
        // 清明节 04-05..04-07.
        row("2019 清明 +1 crosses", u"2019-04-04", 1, u"2019-04-08");
        // 劳动节 05-01..05-04, Sun 04-28 and Sun 05-05 worked.
        row("2019 劳动 +1 = Sun 04-28", u"2019-04-26", 1, u"2019-04-28");
        row("2019 劳动 +3 = Tue 04-30", u"2019-04-26", 3, u"2019-04-30");
        row("2019 劳动 +4 = Sun 05-05", u"2019-04-26", 4, u"2019-05-05");
        row("2019 劳动 +5 crosses", u"2019-04-26", 5, u"2019-05-06");
        // 端午节 06-07..06-09; 中秋节 09-13..09-15.
        row("2019 端午 +1 crosses", u"2019-06-06", 1, u"2019-06-10");
        row("2019 中秋 +1 crosses", u"2019-09-12", 1, u"2019-09-16");
        // 国庆节 10-01..10-07, Sun 09-29 and Sat 10-12 worked.
        row("2019 国庆 +1 = Sun 09-29", u"2019-09-27", 1, u"2019-09-29");
        row("2019 国庆 +3 crosses", u"2019-09-27", 3, u"2019-10-08");
        row("2019 国庆 +7 = Sat 10-12", u"2019-09-27", 7, u"2019-10-12");
        row("2019 国庆 +8", u"2019-09-27", 8, u"2019-10-14");

        // ---- 2020 (国办发明电〔2019〕16号; 春节 extended by 国办发明电〔2020〕1号)
        row("2020 元旦 +1 crosses", u"2019-12-31", 1, u"2020-01-02");
        // 春节 01-24..01-30 extended to 02-02, Sun 01-19 worked; Sat 02-01 no longer worked.
        row("2020 春节 +1 = Sun 01-19", u"2020-01-17", 1, u"2020-01-19");
        row("2020 春节 +5 = Thu 01-23", u"2020-01-17", 5, u"2020-01-23");
        row("2020 春节 +6 crosses the extension", u"2020-01-17", 6, u"2020-02-03");
        row("2020 清明 +1 crosses", u"2020-04-03", 1, u"2020-04-07");
        // 劳动节 05-01..05-05, Sun 04-26 and Sat 05-09 worked.
        row("2020 劳动 +1 = Sun 04-26", u"2020-04-24", 1, u"2020-04-26");
        row("2020 劳动 +5 = Thu 04-30", u"2020-04-24", 5, u"2020-04-30");
        row("2020 劳动 +6 crosses", u"2020-04-24", 6, u"2020-05-06");
        row("2020 劳动 +9 = Sat 05-09", u"2020-04-24", 9, u"2020-05-09");
        row("2020 劳动 +10", u"2020-04-24", 10, u"2020-05-11");
        // 端午节 06-25..06-27, Sun 06-28 worked.
        row("2020 端午 +1 = Sun 06-28", u"2020-06-24", 1, u"2020-06-28");
        row("2020 端午 +2", u"2020-06-24", 2, u"2020-06-29");
        // 国庆节、中秋节 10-01..10-08, Sun 09-27 and Sat 10-10 worked.
        row("2020 国庆中秋 +1 = Sun 09-27", u"2020-09-25", 1, u"2020-09-27");
        row("2020 国庆中秋 +5 crosses", u"2020-09-25", 5, u"2020-10-09");
        row("2020 国庆中秋 +6 = Sat 10-10", u"2020-09-25", 6, u"2020-10-10");
        row("2020 国庆中秋 +7", u"2020-09-25", 7, u"2020-10-12");

        // ---- 2021 (国办发明电〔2020〕27号)
        row("2021 元旦 +1 crosses", u"2020-12-31", 1, u"2021-01-04");
        // 春节 02-11..02-17, Sun 02-07 and Sat 02-20 worked.
        row("2021 春节 +1 = Sun 02-07", u"2021-02-05", 1, u"2021-02-07");
        row("2021 春节 +5 crosses", u"2021-02-05", 5, u"2021-02-18");
        row("2021 春节 +7 = Sat 02-20", u"2021-02-05", 7, u"2021-02-20");
        row("2021 春节 +8", u"2021-02-05", 8, u"2021-02-22");
        row("2021 清明 +1 crosses", u"2021-04-02", 1, u"2021-04-06");
        // 劳动节 05-01..05-05, Sun 04-25 and Sat 05-08 worked.
        row("2021 劳动 +1 = Sun 04-25", u"2021-04-23", 1, u"2021-04-25");
        row("2021 劳动 +6 = Fri 04-30", u"2021-04-23", 6, u"2021-04-30");
        row("2021 劳动 +7 crosses", u"2021-04-23", 7, u"2021-05-06");
        row("2021 劳动 +9 = Sat 05-08", u"2021-04-23", 9, u"2021-05-08");
        row("2021 端午 +1 crosses", u"2021-06-11", 1, u"2021-06-15");
        // 中秋节 09-19..09-21, Sat 09-18 worked.
        row("2021 中秋 +1 = Sat 09-18", u"2021-09-17", 1, u"2021-09-18");
        row("2021 中秋 +2 crosses", u"2021-09-17", 2, u"2021-09-22");
        // 国庆节 10-01..10-07, Sun 09-26 and Sat 10-09 worked.
        row("2021 国庆 +1 = Sun 09-26", u"2021-09-24", 1, u"2021-09-26");
        row("2021 国庆 +6 crosses", u"2021-09-24", 6, u"2021-10-08");
        row("2021 国庆 +7 = Sat 10-09", u"2021-09-24", 7, u"2021-10-09");
        row("2021 国庆 +8", u"2021-09-24", 8, u"2021-10-11");

        // ---- 2022 (国办发明电〔2021〕11号)
        row("2022 元旦 +1 crosses", u"2021-12-31", 1, u"2022-01-04");
        // 春节 01-31..02-06, Sat 01-29 and Sun 01-30 worked.
        row("2022 春节 +1 = Sat 01-29", u"2022-01-28", 1, u"2022-01-29");
        row("2022 春节 +2 = Sun 01-30", u"2022-01-28", 2, u"2022-01-30");
        row("2022 春节 +3 crosses", u"2022-01-28", 3, u"2022-02-07");
        // 清明节 04-03..04-05, Sat 04-02 worked.
        row("2022 清明 +1 = Sat 04-02", u"2022-04-01", 1, u"2022-04-02");
        row("2022 清明 +2 crosses", u"2022-04-01", 2, u"2022-04-06");
        // 劳动节 04-30..05-04, Sun 04-24 and Sat 05-07 worked.
        row("2022 劳动 +1 = Sun 04-24", u"2022-04-22", 1, u"2022-04-24");
        row("2022 劳动 +7 crosses", u"2022-04-22", 7, u"2022-05-05");
        row("2022 劳动 +9 = Sat 05-07", u"2022-04-22", 9, u"2022-05-07");
        row("2022 劳动 +10", u"2022-04-22", 10, u"2022-05-09");
        row("2022 端午 +1 crosses", u"2022-06-02", 1, u"2022-06-06");
        row("2022 中秋 +1 crosses", u"2022-09-09", 1, u"2022-09-13");
        // 国庆节 10-01..10-07, Sat 10-08 and Sun 10-09 worked.
        row("2022 国庆 +1 crosses to Sat 10-08", u"2022-09-30", 1, u"2022-10-08");
        row("2022 国庆 +2 = Sun 10-09", u"2022-09-30", 2, u"2022-10-09");
        row("2022 国庆 +3", u"2022-09-30", 3, u"2022-10-10");

        // ---- 2023 (国办发明电〔2022〕16号)
        row("2023 元旦 +1 crosses", u"2022-12-30", 1, u"2023-01-03");
        // 春节 01-21..01-27, Sat 01-28 and Sun 01-29 worked.
        row("2023 春节 +1 crosses to Sat 01-28", u"2023-01-20", 1, u"2023-01-28");
        row("2023 春节 +2 = Sun 01-29", u"2023-01-20", 2, u"2023-01-29");
        row("2023 春节 +3", u"2023-01-20", 3, u"2023-01-30");
        row("2023 清明 +1 crosses", u"2023-04-04", 1, u"2023-04-06");
        // 劳动节 04-29..05-03, Sun 04-23 and Sat 05-06 worked.
        row("2023 劳动 +1 = Sun 04-23", u"2023-04-21", 1, u"2023-04-23");
        row("2023 劳动 +6 = Fri 04-28", u"2023-04-21", 6, u"2023-04-28");
        row("2023 劳动 +7 crosses", u"2023-04-21", 7, u"2023-05-04");
        row("2023 劳动 +9 = Sat 05-06", u"2023-04-21", 9, u"2023-05-06");
        // 端午节 06-22..06-24, Sun 06-25 worked.
        row("2023 端午 +1 crosses to Sun 06-25", u"2023-06-21", 1, u"2023-06-25");
        row("2023 端午 +2", u"2023-06-21", 2, u"2023-06-26");
        // 中秋节、国庆节 09-29..10-06, Sat 10-07 and Sun 10-08 worked.
        row("2023 中秋国庆 +1 crosses to Sat 10-07", u"2023-09-28", 1, u"2023-10-07");
        row("2023 中秋国庆 +2 = Sun 10-08", u"2023-09-28", 2, u"2023-10-08");
        row("2023 中秋国庆 +3", u"2023-09-28", 3, u"2023-10-09");

        // ---- 2024 (国办发明电〔2023〕7号)
        row("2024 元旦 +1 crosses", u"2023-12-29", 1, u"2024-01-02");
        // 春节 02-10..02-17, Sun 02-04 and Sun 02-18 worked.
        row("2024 春节 +1 = Sun 02-04", u"2024-02-02", 1, u"2024-02-04");
        row("2024 春节 +6 = Fri 02-09", u"2024-02-02", 6, u"2024-02-09");
        row("2024 春节 +7 crosses to Sun 02-18", u"2024-02-02", 7, u"2024-02-18");
        row("2024 春节 +8", u"2024-02-02", 8, u"2024-02-19");
        // 清明节 04-04..04-06, Sun 04-07 worked.
        row("2024 清明 +1 crosses to Sun 04-07", u"2024-04-03", 1, u"2024-04-07");
        row("2024 清明 +2", u"2024-04-03", 2, u"2024-04-08");
        // 劳动节 05-01..05-05, Sun 04-28 and Sat 05-11 worked.
        row("2024 劳动 +1 = Sun 04-28", u"2024-04-26", 1, u"2024-04-28");
        row("2024 劳动 +3 = Tue 04-30", u"2024-04-26", 3, u"2024-04-30");
        row("2024 劳动 +4 crosses", u"2024-04-26", 4, u"2024-05-06");
        row("2024 劳动 +9 = Sat 05-11", u"2024-04-26", 9, u"2024-05-11");
        row("2024 劳动 +10", u"2024-04-26", 10, u"2024-05-13");
        // 端午节 06-10 (with the weekend 06-08..06-10).
        row("2024 端午 +1 crosses", u"2024-06-07", 1, u"2024-06-11");
        // 中秋节 09-15..09-17, Sat 09-14 worked.
        row("2024 中秋 +1 = Sat 09-14", u"2024-09-13", 1, u"2024-09-14");
        row("2024 中秋 +2 crosses", u"2024-09-13", 2, u"2024-09-18");
        // 国庆节 10-01..10-07, Sun 09-29 and Sat 10-12 worked.
        row("2024 国庆 +1 = Sun 09-29", u"2024-09-27", 1, u"2024-09-29");
        row("2024 国庆 +3 crosses", u"2024-09-27", 3, u"2024-10-08");
        row("2024 国庆 +6 = Fri 10-11", u"2024-09-27", 6, u"2024-10-11");
        row("2024 国庆 +7 = Sat 10-12", u"2024-09-27", 7, u"2024-10-12");
        row("2024 国庆 +8", u"2024-09-27", 8, u"2024-10-14");

        // ---- 2025 (国办发明电〔2024〕12号; 春节 and 劳动节 one day longer from 2025)
        row("2025 元旦 +1 crosses", u"2024-12-31", 1, u"2025-01-02");
        // 春节 01-28 (除夕)..02-04, Sun 01-26 and Sat 02-08 worked.
        row("2025 春节 +1 = Sun 01-26", u"2025-01-24", 1, u"2025-01-26");
        row("2025 春节 +2 = Mon 01-27", u"2025-01-24", 2, u"2025-01-27");
        row("2025 春节 +3 crosses (除夕 off)", u"2025-01-24", 3, u"2025-02-05");
        row("2025 春节 +6 = Sat 02-08", u"2025-01-24", 6, u"2025-02-08");
        row("2025 春节 +7", u"2025-01-24", 7, u"2025-02-10");
        row("2025 清明 +1 crosses", u"2025-04-03", 1, u"2025-04-07");
        // 劳动节 05-01..05-05 (05-02 added by the reform), Sun 04-27 worked.
        row("2025 劳动 +1 = Sun 04-27", u"2025-04-25", 1, u"2025-04-27");
        row("2025 劳动 +4 = Wed 04-30", u"2025-04-25", 4, u"2025-04-30");
        row("2025 劳动 +5 crosses", u"2025-04-25", 5, u"2025-05-06");
        row("2025 端午 +1 crosses", u"2025-05-30", 1, u"2025-06-03");
        // 国庆节、中秋节 10-01..10-08, Sun 09-28 and Sat 10-11 worked.
        row("2025 国庆中秋 +1 = Sun 09-28", u"2025-09-26", 1, u"2025-09-28");
        row("2025 国庆中秋 +4 crosses", u"2025-09-26", 4, u"2025-10-09");
        row("2025 国庆中秋 +6 = Sat 10-11", u"2025-09-26", 6, u"2025-10-11");
        row("2025 国庆中秋 +7", u"2025-09-26", 7, u"2025-10-13");
        // The API example: from Tue 09-30, 10-09, 10-10, 10-11 (Sat, worked), 10-13, 10-14.
        row("2025 国庆中秋 from 09-30 +5", u"2025-09-30", 5, u"2025-10-14");

        // ---- 2026
        // 元旦 01-01..01-03, Sun 01-04 worked.
        row("2026 元旦 +1 crosses to Sun 01-04", u"2025-12-31", 1, u"2026-01-04");
        row("2026 元旦 +2", u"2025-12-31", 2, u"2026-01-05");
        // 春节 02-15..02-23 (9 days), Sat 02-14 and Sat 02-28 worked.
        row("2026 春节 +1 = Sat 02-14", u"2026-02-13", 1, u"2026-02-14");
        row("2026 春节 +2 crosses", u"2026-02-13", 2, u"2026-02-24");
        row("2026 春节 +5 = Fri 02-27", u"2026-02-13", 5, u"2026-02-27");
        row("2026 春节 +6 = Sat 02-28", u"2026-02-13", 6, u"2026-02-28");
        row("2026 春节 +7", u"2026-02-13", 7, u"2026-03-02");
        row("2026 清明 +1 crosses", u"2026-04-03", 1, u"2026-04-07");
        // 劳动节 05-01..05-05, Sat 05-09 worked.
        row("2026 劳动 +1 crosses", u"2026-04-30", 1, u"2026-05-06");
        row("2026 劳动 +4 = Sat 05-09", u"2026-04-30", 4, u"2026-05-09");
        row("2026 劳动 +5", u"2026-04-30", 5, u"2026-05-11");
        row("2026 端午 +1 crosses", u"2026-06-18", 1, u"2026-06-22");
        row("2026 中秋 +1 crosses", u"2026-09-24", 1, u"2026-09-28");
        // 国庆节 10-01..10-07, Sun 09-20 and Sat 10-10 worked.
        row("2026 国庆 Sun 09-20 worked", u"2026-09-18", 1, u"2026-09-20");
        row("2026 国庆 +1 crosses", u"2026-09-30", 1, u"2026-10-08");
        row("2026 国庆 +3 = Sat 10-10", u"2026-09-30", 3, u"2026-10-10");
        row("2026 国庆 +4", u"2026-09-30", 4, u"2026-10-12");
        // From Fri 09-18 across both 中秋 (09-25..27) and 国庆: 09-20, 21, 22, 23, 24, 28, 29, 30,
        // 10-08, 09, 10 → the 11th working day is Sat 10-10.
        row("2026 中秋+国庆 +11", u"2026-09-18", 11, u"2026-10-10");

        // ---- outside the described years: the plain Monday–Friday rule
        row("2000 plain week", u"2000-01-07", 1, u"2000-01-10");
        row("after the index end", u"2027-12-30", 2, u"2028-01-03");
        // Negative counts go back.
        row("-1 before Mon 2024-09-30 is Sun 09-29", u"2024-09-30", -1, u"2024-09-29");
        row("-3 before Tue 2024-10-08", u"2024-10-08", -3, u"2024-09-27");
    }

    void deadlines()
    {
        QFETCH(QString, start);
        QFETCH(int, n);
        QFETCH(QString, region);
        QFETCH(QString, expected);
        const Date result = calendar().addWorkdays(date(start), n, region.toStdString());
        QCOMPARE(str(result), expected);
        QVERIFY(calendar().isWorkday(result, region.toStdString()));
        if (n > 0)
            QCOMPARE(calendar().workdaysBetween(date(start), result, region.toStdString()), n);
    }

    // Every adjusted working day (调休上班) of the notices 2019–2026 is worked; the weekend day
    // next to it is not.
    void adjustedWorkdays()
    {
        const char16_t *worked[]
            = {u"2018-12-29", u"2019-02-02", u"2019-02-03", u"2019-04-28", u"2019-05-05", u"2019-09-29", u"2019-10-12",
               u"2020-01-19", u"2020-04-26", u"2020-05-09", u"2020-06-28", u"2020-09-27", u"2020-10-10", u"2021-02-07",
               u"2021-02-20", u"2021-04-25", u"2021-05-08", u"2021-09-18", u"2021-09-26", u"2021-10-09", u"2022-01-29",
               u"2022-01-30", u"2022-04-02", u"2022-04-24", u"2022-05-07", u"2022-10-08", u"2022-10-09", u"2023-01-28",
               u"2023-01-29", u"2023-04-23", u"2023-05-06", u"2023-06-25", u"2023-10-07", u"2023-10-08", u"2024-02-04",
               u"2024-02-18", u"2024-04-07", u"2024-04-28", u"2024-05-11", u"2024-09-14", u"2024-09-29", u"2024-10-12",
               u"2025-01-26", u"2025-02-08", u"2025-04-27", u"2025-09-28", u"2025-10-11", u"2026-01-04", u"2026-02-14",
               u"2026-02-28", u"2026-05-09", u"2026-09-20", u"2026-10-10"};
        int count = 0;
        for (const char16_t *text : worked) {
            const Date d = date(QString::fromUtf16(text));
            QVERIFY2(calendar().isWorkday(d), qPrintable(QString::fromUtf16(text)));
            QVERIFY2(calendar().isWorkday(d, "650102"), qPrintable(QString::fromUtf16(text)));
            const auto wd = std::chrono::weekday{std::chrono::sys_days{d}};
            QVERIFY(wd == std::chrono::Saturday || wd == std::chrono::Sunday);
            ++count;
        }
        QCOMPARE(count, 53);
        // 2020-02-01 was to be worked, but the extension of 春节 cancelled it.
        QVERIFY(!calendar().isWorkday(date(u"2020-02-01"_qs)));
        QVERIFY(!calendar().isWorkday(date(u"2020-01-31"_qs)));
        // Ordinary weekends stay off.
        QVERIFY(!calendar().isWorkday(date(u"2024-09-28"_qs)));
        QVERIFY(!calendar().isWorkday(date(u"2024-10-13"_qs)));
    }

    // Weekday holidays, including those the 2025 reform added.
    void weekdayHolidays()
    {
        for (const char16_t *text :
             {u"2019-01-01", u"2019-05-02", u"2020-01-31", u"2021-10-07", u"2022-01-03", u"2023-01-02", u"2023-04-05",
              u"2024-01-01", u"2024-06-10", u"2024-10-07", u"2025-01-28", u"2025-05-02", u"2025-05-05", u"2025-10-08",
              u"2026-01-02", u"2026-02-23", u"2026-05-05", u"2026-09-25"}) {
            QVERIFY2(!calendar().isWorkday(date(QString::fromUtf16(text))), qPrintable(QString::fromUtf16(text)));
        }
        QVERIFY(calendar().isWorkday(date(u"2024-12-31"_qs)));
        QVERIFY(calendar().isWorkday(date(u"2025-01-27"_qs))); // 腊月廿八, worked
    }

    // Working days per year, counted by hand: weekdays − weekday holidays + adjusted working days.
    void yearTotals()
    {
        // 2019: 261 weekdays − 17 + 6 = 250.
        QCOMPARE(calendar().workdaysBetween(date(u"2018-12-31"_qs), date(u"2019-12-31"_qs)), 250);
        // 2020: 262 − 19 (春节 extended to 01-31) + 6 (02-01 cancelled) = 249.
        QCOMPARE(calendar().workdaysBetween(date(u"2019-12-31"_qs), date(u"2020-12-31"_qs)), 249);
        // 2024: 262 − 19 + 8 = 251.
        QCOMPARE(calendar().workdaysBetween(date(u"2023-12-31"_qs), date(u"2024-12-31"_qs)), 251);
        // 2025: 261 − 18 + 5 = 248; in Xinjiang also 肉孜节 03-31 and 古尔邦节 06-06, 09, 10 off.
        QCOMPARE(calendar().workdaysBetween(date(u"2024-12-31"_qs), date(u"2025-12-31"_qs)), 248);
        QCOMPARE(calendar().workdaysBetween(date(u"2024-12-31"_qs), date(u"2025-12-31"_qs), "650102"), 244);
        // 2026: 261 − 19 + 6 = 248.
        QCOMPARE(calendar().workdaysBetween(date(u"2025-12-31"_qs), date(u"2026-12-31"_qs)), 248);
        // Reversed order gives the negative count.
        QCOMPARE(calendar().workdaysBetween(date(u"2024-12-31"_qs), date(u"2023-12-31"_qs)), -251);
    }

    void regionalHolidays_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("national");
        QTest::addColumn<QString>("xinjiang");
        // 2022 (confirmed): 肉孜节 05-03 fell in 劳动节, so Thu 05-05 off; Sat 05-07 stays worked.
        QTest::newRow("2022 肉孜节 +1") << u"2022-04-29"_qs << 1 << u"2022-05-05"_qs << u"2022-05-06"_qs;
        QTest::newRow("2022 肉孜节 +2 Sat 05-07 worked")
            << u"2022-04-29"_qs << 2 << u"2022-05-06"_qs << u"2022-05-07"_qs;
        // 2022 古尔邦节 07-09..07-13.
        QTest::newRow("2022 古尔邦节") << u"2022-07-08"_qs << 1 << u"2022-07-11"_qs << u"2022-07-14"_qs;
        // 2023: 肉孜节 Sat 04-22, Fri 04-21 off; the national 调休 Sun 04-23 is still worked.
        QTest::newRow("2023 肉孜节") << u"2023-04-20"_qs << 1 << u"2023-04-21"_qs << u"2023-04-23"_qs;
        // 2023 古尔邦节 06-28..06-30, after 端午 (06-22..24, Sun 06-25 worked).
        QTest::newRow("2023 古尔邦节") << u"2023-06-27"_qs << 1 << u"2023-06-28"_qs << u"2023-07-03"_qs;
        QTest::newRow("2023 端午+古尔邦节") << u"2023-06-21"_qs << 4 << u"2023-06-28"_qs << u"2023-07-03"_qs;
        // 2025: 肉孜节 03-29..03-31, 古尔邦节 06-06..06-10.
        QTest::newRow("2025 肉孜节") << u"2025-03-28"_qs << 1 << u"2025-03-31"_qs << u"2025-04-01"_qs;
        QTest::newRow("2025 古尔邦节") << u"2025-06-05"_qs << 1 << u"2025-06-06"_qs << u"2025-06-11"_qs;
    }

    void regionalHolidays()
    {
        QFETCH(QString, start);
        QFETCH(int, n);
        QFETCH(QString, national);
        QFETCH(QString, xinjiang);
        QCOMPARE(str(calendar().addWorkdays(date(start), n)), national);
        QCOMPARE(str(calendar().addWorkdays(date(start), n, "110101")), national); // Beijing
        QCOMPARE(str(calendar().addWorkdays(date(start), n, "640104")), national); // Ningxia
        QCOMPARE(str(calendar().addWorkdays(date(start), n, "650102")), xinjiang); // Urumqi
        QCOMPARE(str(calendar().addWorkdays(date(start), n, "659001")), xinjiang); // Shihezi
        QCOMPARE(str(calendar().addWorkdays(date(start), n, "650000")), xinjiang);
    }

    void regionalHolidayOnAdjustedWorkday()
    {
        // A regional holiday on a national adjusted working day (Sat 2024-10-12) is off there.
        const auto national = CalendarLayer::fromFile(kNational);
        const auto regional = CalendarLayer::fromJsonText(R"({"format": 1, "id": "test", "name": "测试",
            "regionPrefix": "65", "years": [{"year": 2024, "source": "测试", "confirmed": false,
            "holidays": [{"name": "测试节", "from": "2024-10-12", "to": "2024-10-12"}]}]})");
        QVERIFY(regional.ok());
        const auto cal = WorkCalendar::fromLayers({national.value(), regional.value()});
        QVERIFY(cal.ok());
        QVERIFY(cal->isWorkday(date(u"2024-10-12"_qs)));
        QVERIFY(!cal->isWorkday(date(u"2024-10-12"_qs), "650102"));
        // Fri 10-11 + 1: national Sat 10-12, Xinjiang Mon 10-14.
        QCOMPARE(str(cal->addWorkdays(date(u"2024-10-11"_qs), 1)), u"2024-10-12"_qs);
        QCOMPARE(str(cal->addWorkdays(date(u"2024-10-11"_qs), 1, "650102")), u"2024-10-14"_qs);
    }

    void nestedRegionalLayers()
    {
        // A prefecture layer (6501, Urumqi) on top of the region layer (65).
        const auto region = CalendarLayer::fromJsonText(R"({"format": 1, "id": "r", "name": "区",
            "regionPrefix": "65", "years": [{"year": 2024, "holidays": [
            {"name": "区节", "from": "2024-03-05", "to": "2024-03-05"}]}]})");
        const auto city = CalendarLayer::fromJsonText(R"({"format": 1, "id": "c", "name": "市",
            "regionPrefix": "6501", "years": [{"year": 2024,
            "holidays": [{"name": "市节", "from": "2024-03-06", "to": "2024-03-06"}],
            "workdays": [{"name": "市节", "date": "2024-03-09"}]}]})");
        QVERIFY(region.ok());
        QVERIFY(city.ok());
        // Given in the "wrong" order: the shorter prefix still applies first.
        const auto cal = WorkCalendar::fromLayers({city.value(), region.value()});
        QVERIFY(cal.ok());
        QVERIFY(!cal->isWorkday(date(u"2024-03-05"_qs), "650102"));
        QVERIFY(!cal->isWorkday(date(u"2024-03-06"_qs), "650102"));
        QVERIFY(cal->isWorkday(date(u"2024-03-09"_qs), "650102"));
        QVERIFY(!cal->isWorkday(date(u"2024-03-05"_qs), "650200"));
        QVERIFY(cal->isWorkday(date(u"2024-03-06"_qs), "650200"));
        QVERIFY(!cal->isWorkday(date(u"2024-03-09"_qs), "650200"));
        QVERIFY(cal->isWorkday(date(u"2024-03-05"_qs)));
        // Mon 03-04 + 2 in Urumqi: 03-05, 03-06 off → 03-07, 03-08.
        QCOMPARE(str(cal->addWorkdays(date(u"2024-03-04"_qs), 2, "650102")), u"2024-03-08"_qs);
        QCOMPARE(str(cal->addWorkdays(date(u"2024-03-04"_qs), 3, "650102")), u"2024-03-09"_qs);
    }

    void naturalDays()
    {
        const auto &cal = calendar();
        using Rule = WorkCalendar::NaturalDayRule;
        // Fri 2024-09-27 + 3 = Mon 09-30, a working day.
        QCOMPARE(str(cal.addDays(date(u"2024-09-27"_qs), 3)), u"2024-09-30"_qs);
        // + 5 = 10-02 in 国庆节: postponed to Tue 10-08 (民法典 第二百零三条), or kept with Fixed.
        QCOMPARE(str(cal.addDays(date(u"2024-09-27"_qs), 5)), u"2024-10-08"_qs);
        QCOMPARE(str(cal.addDays(date(u"2024-09-27"_qs), 5, {}, Rule::Fixed)), u"2024-10-02"_qs);
        // Thu 09-26 + 3 = Sun 09-29, an adjusted working day: not moved.
        QCOMPARE(str(cal.addDays(date(u"2024-09-26"_qs), 3)), u"2024-09-29"_qs);
        // Fri 2024-03-01 + 1 = Sat 03-02 → Mon 03-04.
        QCOMPARE(str(cal.addDays(date(u"2024-03-01"_qs), 1)), u"2024-03-04"_qs);
        // Sun 2025-06-01 + 5 = Fri 06-06: worked nationally, 古尔邦节 in Xinjiang → Wed 06-11.
        QCOMPARE(str(cal.addDays(date(u"2025-06-01"_qs), 5)), u"2025-06-06"_qs);
        QCOMPARE(str(cal.addDays(date(u"2025-06-01"_qs), 5, "650102")), u"2025-06-11"_qs);
        QCOMPARE(str(cal.addDays(date(u"2025-06-01"_qs), 5, "650102", Rule::Fixed)), u"2025-06-06"_qs);
        // 30 natural days across a month end and 春节 2026: 2026-01-26 + 30 = 02-25, a Wednesday.
        QCOMPARE(str(cal.addDays(date(u"2026-01-26"_qs), 30)), u"2026-02-25"_qs);
        // 2026-01-22 + 30 = 02-21, inside 春节 (02-15..02-23) → Tue 02-24.
        QCOMPARE(str(cal.addDays(date(u"2026-01-22"_qs), 30)), u"2026-02-24"_qs);
    }

    // Natural-day limits ending in a holiday period move to the next working day (an adjusted
    // working weekend day counts as one); checked by hand against the notices.
    void naturalDaysAcrossPeriods_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("2019 国庆: 10-01 → Tue 10-08") << u"2019-09-27"_qs << 4 << u"2019-10-08"_qs;
        // 2020: 01-30 in 春节, extended to 02-02; Sat 02-01 no longer worked → Mon 02-03.
        QTest::newRow("2020 春节 extended: 01-30 → Mon 02-03") << u"2020-01-20"_qs << 10 << u"2020-02-03"_qs;
        QTest::newRow("2021 春节: 02-11 → Thu 02-18") << u"2021-02-01"_qs << 10 << u"2021-02-18"_qs;
        QTest::newRow("2022 清明: Sat 04-02 worked, kept") << u"2022-04-01"_qs << 1 << u"2022-04-02"_qs;
        QTest::newRow("2023 端午: 06-22 → Sun 06-25 worked") << u"2023-06-20"_qs << 2 << u"2023-06-25"_qs;
        QTest::newRow("2024 春节: Sun 02-18 worked, kept") << u"2024-02-01"_qs << 17 << u"2024-02-18"_qs;
        // 2025 reform: 除夕 01-28 and 05-02 are holidays.
        QTest::newRow("2025 除夕 01-28 → Wed 02-05") << u"2025-01-21"_qs << 7 << u"2025-02-05"_qs;
        QTest::newRow("2025 劳动 05-02 → Tue 05-06") << u"2025-04-30"_qs << 2 << u"2025-05-06"_qs;
        QTest::newRow("2026 春节: 02-15 → Tue 02-24") << u"2026-02-10"_qs << 5 << u"2026-02-24"_qs;
    }

    void naturalDaysAcrossPeriods()
    {
        QFETCH(QString, start);
        QFETCH(int, n);
        QFETCH(QString, expected);
        QCOMPARE(str(calendar().addDays(date(start), n)), expected);
    }

    void instantsUseBeijingDays()
    {
        const auto &cal = calendar();
        // 2024-09-27 10:00 Beijing (Fri) to 2024-10-08 09:00: 09-29, 09-30, 10-08 → 3.
        QCOMPARE(cal.workdaysBetween(spgl::beijingMs(date(u"2024-09-27"_qs), 10),
                                     spgl::beijingMs(date(u"2024-10-08"_qs), 9)),
                 3);
        // 2024-09-29T17:00Z is Mon 09-30 01:00 in Beijing (Sun 23:00 in Urumqi local time, the
        // zone the tests run in; Sun 17:00 in UTC): 09-29 and 09-30 → 2.
        const std::int64_t monEarly = 1727629200000LL; // 2024-09-29T17:00:00Z
        QCOMPARE(str(Date{spgl::beijingDay(monEarly)}), u"2024-09-30"_qs);
        QCOMPARE(cal.workdaysBetween(spgl::beijingMs(date(u"2024-09-27"_qs), 10), monEarly), 2);
        // Same day, or earlier: 0 or negative.
        QCOMPARE(cal.workdaysBetween(spgl::beijingMs(date(u"2024-09-27"_qs), 8),
                                     spgl::beijingMs(date(u"2024-09-27"_qs), 18)),
                 0);
        QCOMPARE(cal.workdaysBetween(monEarly, spgl::beijingMs(date(u"2024-09-27"_qs), 10)), -2);
        // Beijing midnight edges.
        QCOMPARE(str(Date{spgl::beijingDay(spgl::beijingMs(date(u"2024-01-01"_qs)))}), u"2024-01-01"_qs);
        QCOMPARE(str(Date{spgl::beijingDay(spgl::beijingMs(date(u"2024-01-01"_qs)) - 1)}), u"2023-12-31"_qs);
        QCOMPARE(str(Date{spgl::beijingDay(-1)}), u"1970-01-01"_qs); // 07:59:59.999 Beijing
        QCOMPARE(str(Date{spgl::beijingDay(-8LL * 3600 * 1000 - 1)}), u"1969-12-31"_qs);
    }

    void yearAccessor()
    {
        const auto all = calendar().year(2025);
        QCOMPARE(int(all.size()), 2);
        QCOMPARE(all[0].id(), std::string("cn-national"));
        QCOMPARE(all[1].id(), std::string("xj-regional"));
        QCOMPARE(int(all[0].years().size()), 1);
        const CalendarLayer::Year *national = all[0].year(2025);
        QVERIFY(national);
        QCOMPARE(int(national->holidays.size()), 6);
        QCOMPARE(national->holidays[1].name, std::string("春节"));
        QCOMPARE(str(national->holidays[1].from), u"2025-01-28"_qs);
        QCOMPARE(str(national->holidays[1].to), u"2025-02-04"_qs);
        QCOMPARE(int(national->workdays.size()), 5);
        QCOMPARE(str(national->workdays[0].date), u"2025-01-26"_qs);

        QCOMPARE(int(calendar().year(2025, "").size()), 1);
        QCOMPARE(int(calendar().year(2025, "110101").size()), 1);
        const auto xj = calendar().year(2025, "650102");
        QCOMPARE(int(xj.size()), 2);
        QCOMPARE(xj[1].year(2025)->holidays[1].name, std::string("古尔邦节"));
        QVERIFY(calendar().year(2030).empty());
    }

    void emptyCalendarIsMondayToFriday()
    {
        const WorkCalendar plain;
        QVERIFY(!plain.isWorkday(date(u"2024-10-05"_qs)));
        QVERIFY(plain.isWorkday(date(u"2024-10-01"_qs)));
        QCOMPARE(str(plain.addWorkdays(date(u"2024-09-27"_qs), 1)), u"2024-09-30"_qs);
        QCOMPARE(str(plain.addWorkdays(date(u"2024-09-27"_qs), 6)), u"2024-10-07"_qs);
        QCOMPARE(plain.workdaysBetween(date(u"2024-09-27"_qs), date(u"2024-10-07"_qs)), 6);
        QVERIFY(!plain.covers(2024));
    }

    void layerJsonRoundTrip()
    {
        for (const std::string &path : {kNational, kXinjiang}) {
            const auto layer = CalendarLayer::fromFile(path);
            QVERIFY(layer.ok());
            const auto again = CalendarLayer::fromJson(layer->toJson());
            QVERIFY(again.ok());
            QVERIFY(again.value() == layer.value());
        }
    }

    void badData_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << u"{"_qs << u"calendar.json"_qs;
        QTest::newRow("not object") << u"[]"_qs << u"calendar.format"_qs;
        QTest::newRow("no format") << u"{\"id\": \"x\", \"years\": []}"_qs << u"calendar.format"_qs;
        QTest::newRow("format 2") << u"{\"format\": 2, \"id\": \"x\", \"years\": []}"_qs << u"calendar.version"_qs;
        QTest::newRow("no id") << u"{\"format\": 1, \"years\": []}"_qs << u"calendar.format"_qs;
        QTest::newRow("bad prefix") << u"{\"format\": 1, \"id\": \"x\", \"regionPrefix\": \"6a\", \"years\": []}"_qs
                                    << u"calendar.format"_qs;
        QTest::newRow("no years") << u"{\"format\": 1, \"id\": \"x\"}"_qs << u"calendar.format"_qs;
        QTest::newRow("bad date")
            << u"{\"format\": 1, \"id\": \"x\", \"years\": [{\"year\": 2024, \"holidays\": [{\"name\": \"a\", \"from\": \"2024-02-30\", \"to\": \"2024-03-01\"}]}]}"_qs
            << u"calendar.date"_qs;
        QTest::newRow("reversed range")
            << u"{\"format\": 1, \"id\": \"x\", \"years\": [{\"year\": 2024, \"holidays\": [{\"name\": \"a\", \"from\": \"2024-03-02\", \"to\": \"2024-03-01\"}]}]}"_qs
            << u"calendar.range"_qs;
        QTest::newRow("date far from year")
            << u"{\"format\": 1, \"id\": \"x\", \"years\": [{\"year\": 2024, \"workdays\": [{\"name\": \"a\", \"date\": \"2025-03-01\"}]}]}"_qs
            << u"calendar.range"_qs;
        QTest::newRow("off and worked")
            << u"{\"format\": 1, \"id\": \"x\", \"years\": [{\"year\": 2024, \"holidays\": [{\"name\": \"a\", \"from\": \"2024-03-01\", \"to\": \"2024-03-03\"}], \"workdays\": [{\"name\": \"a\", \"date\": \"2024-03-02\"}]}]}"_qs
            << u"calendar.conflict"_qs;
        QTest::newRow("duplicate year")
            << u"{\"format\": 1, \"id\": \"x\", \"years\": [{\"year\": 2024}, {\"year\": 2024}]}"_qs
            << u"calendar.duplicate"_qs;
        QTest::newRow("wrong type")
            << u"{\"format\": 1, \"id\": \"x\", \"years\": [{\"year\": 2024, \"confirmed\": \"yes\"}]}"_qs
            << u"calendar.format"_qs;
    }

    void badData()
    {
        QFETCH(QString, json);
        QFETCH(QString, code);
        const auto layer = CalendarLayer::fromJsonText(json.toStdString());
        QVERIFY(!layer.ok());
        QCOMPARE(QString::fromStdString(layer.error().code), code);
        QVERIFY(!layer.error().message.empty());
    }

    void badLayers()
    {
        const auto national = CalendarLayer::fromFile(kNational);
        QVERIFY(national.ok());
        const auto twoNational = WorkCalendar::fromLayers({national.value(), national.value()});
        QVERIFY(!twoNational.ok());
        QCOMPARE(twoNational.error().code, std::string("calendar.layers"));
        const auto missing = WorkCalendar::fromFiles({SPGL_SOURCE_DIR "/resources/calendar/none.json"});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, std::string("calendar.file"));
        const auto fromJson = WorkCalendar::fromJson({national->toJson(), nlohmann::json::object()});
        QVERIFY(!fromJson.ok());
        QVERIFY(fromJson.error().message.find("第2个日历图层") != std::string::npos);
    }

    void copiesShareTheIndex()
    {
        const WorkCalendar copy = calendar();
        QCOMPARE(str(copy.addWorkdays(date(u"2024-09-27"_qs), 1, "650102")), u"2024-09-29"_qs);
        QCOMPARE(copy.layers().size(), calendar().layers().size());
    }
};

QTEST_APPLESS_MAIN(tst_WorkCalendar)
#include "tst_workcalendar.moc"
