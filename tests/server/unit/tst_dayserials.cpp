// DaySerials: the daily serials of application ids, on the backend of SPGL_TEST_BACKEND.
#include "services/dayserials.h"
#include "unitdatabase.h"

#include <QtTest>

#include <set>
#include <thread>

using namespace spgl::server;

namespace {
// 2026-11-28 12:00 and 2026-11-29 00:30 in Beijing (UTC+8).
constexpr std::int64_t kDay1 = 1795838400000;
constexpr std::int64_t kDay2 = 1795883400000;
} // namespace

class tst_DaySerials : public QObject
{
    Q_OBJECT
private slots:
    void init() { m_db = std::make_unique<testing::UnitDatabase>(4); }
    void cleanup() { m_db.reset(); }

    void twoServersNeverGiveTheSameSerial()
    {
        // Two server instances on one database, each with its block of 5.
        DaySerials a(**m_db, 5);
        DaySerials b(**m_db, 5);
        QCOMPARE(int(a.next(kDay1)), 1);
        QCOMPARE(int(b.next(kDay1)), 6); // b's block comes after a's
        QCOMPARE(int(a.next(kDay1)), 2); // a goes on with its own block
        for (int i = 3; i <= 5; ++i)
            QCOMPARE(int(a.next(kDay1)), i);
        QCOMPARE(int(a.next(kDay1)), 11); // a's block is used up: the next one follows b's
        QCOMPARE(int(counter("application:2026-11-28")), 15);
    }

    void concurrentSubmissionsGetDistinctSerials()
    {
        DaySerials a(**m_db, 7);
        DaySerials b(**m_db, 7);
        std::vector<std::vector<std::int64_t>> got(4);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 50; ++i)
                    got[std::size_t(t)].push_back((t % 2 ? b : a).next(kDay1));
            });
        for (auto &t : threads)
            t.join();
        std::set<std::int64_t> all;
        for (const auto &list : got)
            for (const auto serial : list)
                QVERIFY2(all.insert(serial).second, qPrintable(QString::number(serial) + u" given twice"_qs));
        QCOMPARE(int(all.size()), 200);
        QVERIFY(*all.begin() >= 1);
        // Nothing beyond the blocks taken: at most one block per instance is left unused.
        QVERIFY(counter("application:2026-11-28") >= 200);
        QVERIFY(counter("application:2026-11-28") < 200 + 2 * 7);
    }

    void aNewDayStartsAtOne()
    {
        DaySerials a(**m_db, 5);
        QCOMPARE(int(a.next(kDay1)), 1);
        QCOMPARE(int(a.next(kDay1)), 2);
        // After midnight in Beijing the block in hand belongs to yesterday.
        QCOMPARE(int(a.next(kDay2)), 1);
        QCOMPARE(int(a.next(kDay2)), 2);
        QCOMPARE(int(counter("application:2026-11-29")), 5);
    }

    void takenInsideATransactionLeavesNoGapOnRollback()
    {
        // SQLite's way (one writer): the serial is part of the submission's transaction.
        QCOMPARE(int((*m_db)->write([](Connection &c) { return DaySerials::take(c, kDay1); })), 1);
        try {
            (*m_db)->write([](Connection &c) {
                QCOMPARE(int(DaySerials::take(c, kDay1)), 2);
                throw std::runtime_error("the submission is refused");
            });
            QFAIL("the transaction should have failed");
        } catch (const std::runtime_error &) {
        }
        QCOMPARE(int((*m_db)->write([](Connection &c) { return DaySerials::take(c, kDay1); })), 2);
    }

private:
    std::int64_t counter(const std::string &name)
    {
        return (*m_db)->read(
            [&](Connection &c) { return c.queryOne("SELECT value FROM counters WHERE name = ?", {name})->integer(0); });
    }

    std::unique_ptr<testing::UnitDatabase> m_db;
};

QTEST_GUILESS_MAIN(tst_DaySerials)
#include "tst_dayserials.moc"
