// Expected deadlines and counts are worked out by hand from the holiday notices.
#include "calendar/clock.h"
#include "calendar/dates.h"
#include "calendar/workcalendar.h"

#include <QtTest>

using spgl::Clock;
using spgl::WorkCalendar;
using Date = std::chrono::year_month_day;
using Level = Clock::Level;

namespace {

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

/// The instant of @p hour:@p minute, Beijing time, on @p iso.
std::int64_t at(const QString &iso, int hour, int minute = 0)
{
    return spgl::beijingMs(date(iso), hour) + std::int64_t(minute) * 60 * 1000;
}

const WorkCalendar &calendar()
{
    static const WorkCalendar cal = [] {
        auto c = WorkCalendar::fromFiles({SPGL_SOURCE_DIR "/resources/calendar/cn-national.json",
                                          SPGL_SOURCE_DIR "/resources/calendar/xj-regional.json"});
        if (!c)
            qFatal("%s", c.error().message.c_str());
        return c.value();
    }();
    return cal;
}

Clock make(std::int64_t start, int limit, Clock::Unit unit = Clock::Unit::Workday, std::string region = {})
{
    auto clock = Clock::create(start, limit, unit, std::move(region));
    if (!clock)
        qFatal("%s", clock.error().message.c_str());
    return clock.value();
}

} // namespace

class tst_Clock : public QObject
{
    Q_OBJECT
private slots:
    // Accepted Fri 2024-09-27 10:00, 5 working days: 09-29 (Sun, 调休), 09-30, 10-08, 10-09,
    // 10-10 → deadline Thu 10-10.
    void workdayClock()
    {
        const Clock clock = make(at(u"2024-09-27"_qs, 10), 5);
        const auto &cal = calendar();
        QCOMPARE(str(clock.deadline(cal, at(u"2024-09-27"_qs, 15))), u"2024-10-10"_qs);

        auto s = clock.state(cal, at(u"2024-09-27"_qs, 15));
        QCOMPARE(s.used, 0);
        QCOMPARE(s.remaining, 5);
        QCOMPARE(s.level, Level::Normal);
        QVERIFY(!s.paused);
        QVERIFY(!s.firstOverdue);

        s = clock.state(cal, at(u"2024-09-29"_qs, 12));
        QCOMPARE(s.used, 1);
        QCOMPARE(s.remaining, 4);

        s = clock.state(cal, at(u"2024-10-04"_qs, 12)); // in the holiday
        QCOMPARE(s.used, 2);
        QCOMPARE(s.remaining, 3);
        QCOMPARE(s.level, Level::Normal);

        s = clock.state(cal, at(u"2024-10-08"_qs, 12));
        QCOMPARE(s.used, 3);
        QCOMPARE(s.remaining, 2);
        QCOMPARE(s.level, Level::Warning);

        s = clock.state(cal, at(u"2024-10-10"_qs, 23, 59)); // the last day
        QCOMPARE(s.used, 5);
        QCOMPARE(s.remaining, 0);
        QCOMPARE(s.level, Level::Warning);
        QVERIFY(!s.firstOverdue);

        s = clock.state(cal, at(u"2024-10-11"_qs, 0, 1));
        QCOMPARE(s.level, Level::Overdue);
        QCOMPARE(s.used, 6);
        QCOMPARE(s.remaining, -1);
        QCOMPARE(str(*s.firstOverdue), u"2024-10-11"_qs);

        s = clock.state(cal, at(u"2024-10-12"_qs, 9)); // Sat, worked
        QCOMPARE(s.remaining, -2);
        QCOMPARE(str(*s.firstOverdue), u"2024-10-11"_qs);
        QCOMPARE(str(s.deadline), u"2024-10-10"_qs);

        QCOMPARE(clock.used(cal, at(u"2024-10-09"_qs, 9)), 4);
        QCOMPARE(clock.remaining(cal, at(u"2024-10-09"_qs, 9)), 1);
        QCOMPARE(clock.level(cal, at(u"2024-10-09"_qs, 9)), Level::Warning);
        QVERIFY(!clock.firstOverdueDate(cal, at(u"2024-10-09"_qs, 9)));
    }

    // Mon 2024-03-04 + 4 working days = Fri 03-08. The Saturday after is already overdue,
    // with 0 working days remaining.
    void overdueOnTheWeekendAfter()
    {
        const Clock clock = make(at(u"2024-03-04"_qs, 9), 4);
        auto s = clock.state(calendar(), at(u"2024-03-09"_qs, 10));
        QCOMPARE(str(s.deadline), u"2024-03-08"_qs);
        QCOMPARE(s.level, Level::Overdue);
        QCOMPARE(s.remaining, 0);
        QCOMPARE(str(*s.firstOverdue), u"2024-03-09"_qs);
        s = clock.state(calendar(), at(u"2024-03-11"_qs, 10));
        QCOMPARE(s.remaining, -1);
        QCOMPARE(str(*s.firstOverdue), u"2024-03-09"_qs);
    }

    // Accepted Fri 2024-09-20, 10 working days (without pause: 09-23..27, 09-29, 09-30,
    // 10-08, 10-09, 10-10). 补正 from Fri 09-27 16:00 to Wed 10-09 11:00 spans 国庆节: it takes
    // out the working days after 09-27 up to 10-09: 09-29, 09-30, 10-08, 10-09 = 4. Five days
    // were used (09-23..27); the other five are 10-10, 10-11, 10-12 (Sat, 调休), 10-14, 10-15.
    void pauseSpanningHoliday()
    {
        Clock clock = make(at(u"2024-09-20"_qs, 10), 10);
        const auto &cal = calendar();
        QCOMPARE(str(clock.deadline(cal, at(u"2024-09-26"_qs, 12))), u"2024-10-10"_qs);
        QVERIFY(clock.pause(at(u"2024-09-27"_qs, 16)).ok());
        QVERIFY(clock.paused());
        QVERIFY(clock.resume(at(u"2024-10-09"_qs, 11)).ok());
        QVERIFY(!clock.paused());

        auto s = clock.state(cal, at(u"2024-10-12"_qs, 10));
        QCOMPARE(str(s.deadline), u"2024-10-15"_qs);
        QCOMPARE(s.pausedDays, 4);
        QCOMPARE(s.used, 8);
        QCOMPARE(s.remaining, 2);
        QCOMPARE(s.level, Level::Warning);
        QVERIFY(!s.paused);

        // Read as of 10-05, while the pause was open: 09-29 and 09-30 taken out so far, the
        // deadline then was five working days after 10-05: 10-08..10-12.
        s = clock.state(cal, at(u"2024-10-05"_qs, 12));
        QVERIFY(s.paused);
        QCOMPARE(s.used, 5);
        QCOMPARE(s.remaining, 5);
        QCOMPARE(s.pausedDays, 2);
        QCOMPARE(str(s.deadline), u"2024-10-12"_qs);
        QCOMPARE(s.level, Level::Normal);

        // Before the pause began it did not exist yet.
        s = clock.state(cal, at(u"2024-09-26"_qs, 12));
        QVERIFY(!s.paused);
        QCOMPARE(s.used, 4);
        QCOMPARE(s.pausedDays, 0);
        QCOMPARE(str(s.deadline), u"2024-10-10"_qs);

        s = clock.state(cal, at(u"2024-10-16"_qs, 8));
        QCOMPARE(s.level, Level::Overdue);
        QCOMPARE(str(*s.firstOverdue), u"2024-10-16"_qs);
    }

    // Accepted Mon 2024-04-01 09:00, 10 working days; paused Wed 04-03 15:00 and not resumed:
    // used stays at 2 (04-02, 04-03) and the deadline moves on with "now".
    void openPause()
    {
        Clock clock = make(at(u"2024-04-01"_qs, 9), 10);
        const auto &cal = calendar();
        QVERIFY(clock.pause(at(u"2024-04-03"_qs, 15)).ok());
        QVERIFY(clock.paused());

        // Same day: nothing taken out yet. 04-02, 03, 07 (Sun, 调休), 08..12, 15, 16.
        auto s = clock.state(cal, at(u"2024-04-03"_qs, 17));
        QVERIFY(s.paused);
        QCOMPARE(s.used, 2);
        QCOMPARE(s.remaining, 8);
        QCOMPARE(str(s.deadline), u"2024-04-16"_qs);

        // 04-08: 8 working days after it: 04-09..12, 04-15..18.
        s = clock.state(cal, at(u"2024-04-08"_qs, 10));
        QCOMPARE(s.used, 2);
        QCOMPARE(s.remaining, 8);
        QCOMPARE(str(s.deadline), u"2024-04-18"_qs);

        s = clock.state(cal, at(u"2024-04-15"_qs, 10));
        QVERIFY(s.paused);
        QCOMPARE(s.used, 2);
        QCOMPARE(s.remaining, 8);
        QCOMPARE(str(s.deadline), u"2024-04-25"_qs);
        QCOMPARE(s.level, Level::Normal);
        // Long after: still not advancing, never overdue while paused.
        s = clock.state(cal, at(u"2024-06-03"_qs, 10));
        QCOMPARE(s.used, 2);
        QCOMPARE(s.remaining, 8);
        QCOMPARE(s.level, Level::Normal);

        // Resumed Mon 04-15 10:00: counting goes on from 04-16.
        QVERIFY(clock.resume(at(u"2024-04-15"_qs, 10)).ok());
        s = clock.state(cal, at(u"2024-04-16"_qs, 12));
        QVERIFY(!s.paused);
        QCOMPARE(s.used, 3);
        QCOMPARE(s.remaining, 7);
        QCOMPARE(s.pausedDays, 7); // 04-07, 04-08..12, 04-15
        QCOMPARE(str(s.deadline), u"2024-04-25"_qs);
    }

    // Xinjiang: accepted Tue 2025-06-03, 5 working days; 古尔邦节 06-06..06-10 is off there.
    void pauseAcrossRegionalHoliday()
    {
        const auto &cal = calendar();
        Clock xj = make(at(u"2025-06-03"_qs, 10), 5, Clock::Unit::Workday, "650102");
        Clock national = make(at(u"2025-06-03"_qs, 10), 5);
        // Without pause: Xinjiang 06-04, 05, 11, 12, 13; national 06-04, 05, 06, 09, 10.
        QCOMPARE(str(xj.deadline(cal, at(u"2025-06-03"_qs, 12))), u"2025-06-13"_qs);
        QCOMPARE(str(national.deadline(cal, at(u"2025-06-03"_qs, 12))), u"2025-06-10"_qs);
        // Paused Thu 06-05 09:00 to Wed 06-11 09:00: in Xinjiang only 06-11 is a working day in
        // (06-05, 06-11]; nationally 06-06, 09, 10, 11. Both have 3 days left from 06-12:
        // 06-12, 06-13, 06-16.
        for (Clock *c : {&xj, &national}) {
            QVERIFY(c->pause(at(u"2025-06-05"_qs, 9)).ok());
            QVERIFY(c->resume(at(u"2025-06-11"_qs, 9)).ok());
        }
        auto s = xj.state(cal, at(u"2025-06-12"_qs, 9));
        QCOMPARE(str(s.deadline), u"2025-06-16"_qs);
        QCOMPARE(s.pausedDays, 1);
        QCOMPARE(s.used, 3);
        s = national.state(cal, at(u"2025-06-12"_qs, 9));
        QCOMPARE(str(s.deadline), u"2025-06-16"_qs);
        QCOMPARE(s.pausedDays, 4);
        QCOMPARE(s.used, 3);
    }

    // Mon 2024-03-04 + 4 = Fri 03-08. Paused on the last day at 15:00, resumed Tue 03-12:
    // no day was left, so the deadline becomes the resumption day.
    void pauseOnTheDeadlineDay()
    {
        Clock clock = make(at(u"2024-03-04"_qs, 9), 4);
        QVERIFY(clock.pause(at(u"2024-03-08"_qs, 15)).ok());
        QVERIFY(clock.resume(at(u"2024-03-12"_qs, 9)).ok());
        auto s = clock.state(calendar(), at(u"2024-03-12"_qs, 10));
        QCOMPARE(str(s.deadline), u"2024-03-12"_qs);
        QCOMPARE(s.used, 4);
        QCOMPARE(s.remaining, 0);
        QCOMPARE(s.level, Level::Warning);
        s = clock.state(calendar(), at(u"2024-03-13"_qs, 10));
        QCOMPARE(s.level, Level::Overdue);
        QCOMPARE(str(*s.firstOverdue), u"2024-03-13"_qs);
    }

    // A pause that begins after the deadline does not move it: the case stays overdue.
    void pauseAfterTheDeadline()
    {
        Clock clock = make(at(u"2024-03-04"_qs, 9), 4);
        QVERIFY(clock.pause(at(u"2024-03-11"_qs, 9)).ok());
        const auto s = clock.state(calendar(), at(u"2024-03-12"_qs, 10));
        QVERIFY(s.paused);
        QCOMPARE(str(s.deadline), u"2024-03-08"_qs);
        QCOMPARE(s.level, Level::Overdue);
        QCOMPARE(str(*s.firstOverdue), u"2024-03-09"_qs);
        QCOMPARE(s.remaining, -2);
        QCOMPARE(s.used, 5); // 03-05..08, 03-11; 03-12 is paused
    }

    void sameDayPauseTakesNothing()
    {
        Clock clock = make(at(u"2024-03-04"_qs, 9), 4);
        QVERIFY(clock.pause(at(u"2024-03-06"_qs, 10)).ok());
        QVERIFY(clock.resume(at(u"2024-03-06"_qs, 16)).ok());
        const auto s = clock.state(calendar(), at(u"2024-03-07"_qs, 10));
        QCOMPARE(str(s.deadline), u"2024-03-08"_qs);
        QCOMPARE(s.pausedDays, 0);
        QCOMPARE(s.used, 3);
    }

    void naturalDays()
    {
        const auto &cal = calendar();
        // Fri 2024-09-27 + 5 days = 10-02 in 国庆节 → postponed to Tue 10-08.
        Clock clock = make(at(u"2024-09-27"_qs, 10), 5, Clock::Unit::Day);
        QCOMPARE(str(clock.deadline(cal, at(u"2024-09-27"_qs, 12))), u"2024-10-08"_qs);
        auto s = clock.state(cal, at(u"2024-10-03"_qs, 12));
        QCOMPARE(s.used, 6);
        QCOMPARE(s.remaining, 5); // days up to the postponed deadline
        QCOMPARE(s.level, Level::Normal);
        clock.setNaturalDayRule(WorkCalendar::NaturalDayRule::Fixed);
        s = clock.state(cal, at(u"2024-10-03"_qs, 12));
        QCOMPARE(str(s.deadline), u"2024-10-02"_qs);
        QCOMPARE(s.level, Level::Overdue);
        QCOMPARE(str(*s.firstOverdue), u"2024-10-03"_qs);
        QCOMPARE(s.remaining, -1);

        // Fri 2024-03-01 + 10 days = Mon 03-11; a pause from 03-04 10:00 to 03-06 10:00 takes
        // out 03-05 and 03-06 → Wed 03-13.
        Clock paused = make(at(u"2024-03-01"_qs, 10), 10, Clock::Unit::Day);
        QVERIFY(paused.pause(at(u"2024-03-04"_qs, 10)).ok());
        QVERIFY(paused.resume(at(u"2024-03-06"_qs, 10)).ok());
        s = paused.state(cal, at(u"2024-03-08"_qs, 12));
        QCOMPARE(str(s.deadline), u"2024-03-13"_qs);
        QCOMPARE(s.pausedDays, 2);
        QCOMPARE(s.used, 5);
        QCOMPARE(s.remaining, 5);
        s = paused.state(cal, at(u"2024-03-11"_qs, 12));
        QCOMPARE(s.remaining, 2);
        QCOMPARE(s.level, Level::Warning);

        // Fri 2024-03-01 + 8 days = Sat 03-09 → Mon 03-11.
        Clock weekend = make(at(u"2024-03-01"_qs, 10), 8, Clock::Unit::Day);
        s = weekend.state(cal, at(u"2024-03-10"_qs, 12));
        QCOMPARE(str(s.deadline), u"2024-03-11"_qs);
        QCOMPARE(s.remaining, 1);
        QCOMPARE(s.level, Level::Warning);
        s = weekend.state(cal, at(u"2024-03-12"_qs, 12));
        QCOMPARE(s.level, Level::Overdue);
        QCOMPARE(str(*s.firstOverdue), u"2024-03-12"_qs);
        QCOMPARE(s.remaining, -1);
    }

    void warningDaysAreConfigurable()
    {
        Clock clock = make(at(u"2024-03-04"_qs, 9), 4); // deadline Fri 03-08
        QCOMPARE(clock.warningDays(), 2);
        QVERIFY(clock.setWarningDays(0).ok());
        QCOMPARE(clock.level(calendar(), at(u"2024-03-07"_qs, 9)), Level::Normal);
        QCOMPARE(clock.level(calendar(), at(u"2024-03-08"_qs, 9)), Level::Warning);
        QVERIFY(clock.setWarningDays(3).ok());
        QCOMPARE(clock.level(calendar(), at(u"2024-03-04"_qs, 18)), Level::Normal); // 4 left
        QCOMPARE(clock.level(calendar(), at(u"2024-03-05"_qs, 9)), Level::Warning); // 3 left
        QCOMPARE(clock.setWarningDays(-1).error().code, std::string("clock.warning_days"));
        QCOMPARE(int(Level::Normal), 1);
        QCOMPARE(int(Level::Warning), 2);
        QCOMPARE(int(Level::Overdue), 3);
    }

    // Days are Beijing days whatever the process time zone (the tests run with TZ=Asia/Urumqi).
    void beijingDays()
    {
        // 2024-09-26T16:30Z is Fri 09-27 00:30 in Beijing (Thu 22:30 in Urumqi): the start day
        // is Friday, so 1 working day ends on Sun 09-29 (调休), not on Fri 09-27.
        const Clock clock = make(1727368200000LL, 1);
        QCOMPARE(str(clock.deadline(calendar(), 1727368200000LL)), u"2024-09-29"_qs);
        // 2024-09-28T16:30Z is Sun 09-29 00:30 in Beijing: one day used, none left.
        const auto s = clock.state(calendar(), 1727541000000LL);
        QCOMPARE(s.used, 1);
        QCOMPARE(s.remaining, 0);
        QCOMPARE(s.level, Level::Warning);
    }

    void invalidUse()
    {
        QCOMPARE(Clock::create(0, -1, Clock::Unit::Workday).error().code, std::string("clock.limit"));
        QCOMPARE(Clock::create(0, 40000, Clock::Unit::Day).error().code, std::string("clock.limit"));
        Clock clock = make(at(u"2024-03-04"_qs, 9), 4);
        QCOMPARE(clock.resume(at(u"2024-03-05"_qs, 9)).error().code, std::string("clock.not_paused"));
        QCOMPARE(clock.pause(at(u"2024-03-04"_qs, 8)).error().code, std::string("clock.pause_order"));
        QVERIFY(clock.pause(at(u"2024-03-05"_qs, 9)).ok());
        QCOMPARE(clock.pause(at(u"2024-03-05"_qs, 10)).error().code, std::string("clock.already_paused"));
        QCOMPARE(clock.resume(at(u"2024-03-05"_qs, 8)).error().code, std::string("clock.pause_order"));
        QVERIFY(clock.resume(at(u"2024-03-06"_qs, 9)).ok());
        QCOMPARE(clock.pause(at(u"2024-03-06"_qs, 8)).error().code, std::string("clock.pause_order"));
        QCOMPARE(clock.addPause({at(u"2024-03-07"_qs, 9), at(u"2024-03-07"_qs, 8)}).error().code,
                 std::string("clock.pause_order"));
        QVERIFY(clock.addPause({at(u"2024-03-07"_qs, 9), at(u"2024-03-07"_qs, 10)}).ok());
        QCOMPARE(int(clock.pauses().size()), 2);
        QVERIFY(!clock.pause(at(u"2024-03-04"_qs, 8)).error().message.empty());
    }

    void valueSemantics()
    {
        const Clock original = make(at(u"2024-03-04"_qs, 9), 0, Clock::Unit::Workday, "650102");
        // A limit of 0 ends on the start day.
        QCOMPARE(str(original.deadline(calendar(), at(u"2024-03-04"_qs, 10))), u"2024-03-04"_qs);
        Clock copy = original;
        QVERIFY(copy == original);
        QVERIFY(copy.pause(at(u"2024-03-04"_qs, 10)).ok());
        QVERIFY(!(copy == original));
        QVERIFY(original.pauses().empty());
        QVERIFY(!original.paused());
        QCOMPARE(copy.regionCode(), std::string("650102"));
        QCOMPARE(copy.limit(), 0);
        QCOMPARE(copy.unit(), Clock::Unit::Workday);
        QCOMPARE(copy.start(), at(u"2024-03-04"_qs, 9));
    }
};

QTEST_APPLESS_MAIN(tst_Clock)
#include "tst_clock.moc"
