// ChangeFeed: every change gets a place (pos, the desks' cursor) after everything placed before
// it, also when a writer commits after a later-numbered one (PostgreSQL, placed after commit).
#include "services/changefeed.h"
#include "unitdatabase.h"

#include <QtTest>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace spgl::server;

namespace {
ChangeFeed::Change change(const std::string &id)
{
    return {"application", id, 1, "650100", "", std::nullopt};
}

/// entity_id of every change in the order a reader's cursor meets them; -1 when one has no place.
std::vector<std::string> feedOrder(Database &db)
{
    return db.read([](Connection &c) {
        std::vector<std::string> ids;
        if (c.queryOne("SELECT COUNT(*) FROM changes WHERE pos IS NULL")->integer(0) != 0)
            ids.push_back("-1");
        for (const auto &r : c.query("SELECT entity_id FROM changes WHERE entity_id LIKE 'T%' ORDER BY pos"))
            ids.push_back(r.text(0));
        return ids;
    });
}
} // namespace

class tst_ChangeFeed : public QObject
{
    Q_OBJECT
private slots:
    void init() { m_db = std::make_unique<testing::UnitDatabase>(4); }
    void cleanup() { m_db.reset(); }

    void changesArePlacedInTheOrderWritten()
    {
        Database &db = **m_db;
        db.write([](Connection &c) { ChangeFeed::record(c, {change("T1"), change("T2"), change("T3")}, 1000); });
        db.write([](Connection &c) { ChangeFeed::record(c, {change("T4")}, 2000); });
        QVERIFY(feedOrder(db) == (std::vector<std::string>{"T1", "T2", "T3", "T4"}));
        const auto places = db.read([](Connection &c) { return c.query("SELECT pos FROM changes ORDER BY pos"); });
        for (std::size_t i = 1; i < places.size(); ++i)
            QVERIFY(places[i].integer(0) > places[i - 1].integer(0));
    }

    void aWriterCommittingLateIsPlacedAfterWhatWasPlacedMeanwhile()
    {
        Database &db = **m_db;
        if (db.backend() != Backend::PostgreSql)
            QSKIP("SQLite has one writer at a time: nobody commits out of turn");
        // A writes its change first (lower seq) but commits after B's change has been placed.
        std::mutex m;
        std::condition_variable cv;
        bool aWrote = false;
        bool bDone = false;
        std::thread a([&] {
            db.write([&](Connection &c) {
                ChangeFeed::record(c, {change("T-A")}, 1000);
                std::unique_lock lock(m);
                aWrote = true;
                cv.notify_all();
                cv.wait(lock, [&] { return bDone; });
            });
        });
        {
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return aWrote; });
        }
        db.write([](Connection &c) { ChangeFeed::record(c, {change("T-B")}, 2000); });
        QVERIFY(feedOrder(db) == std::vector<std::string>{"T-B"}); // A's is not visible yet
        const std::int64_t bPos = db.read([](Connection &c) {
                                        return c.queryOne("SELECT pos FROM changes WHERE entity_id = 'T-B'");
                                    })->integer(0);
        {
            std::lock_guard lock(m);
            bDone = true;
            cv.notify_all();
        }
        a.join();
        // A reader whose cursor passed B still meets A: A's place is after B's.
        QVERIFY(feedOrder(db) == (std::vector<std::string>{"T-B", "T-A"}));
        const std::int64_t aPos = db.read([](Connection &c) {
                                        return c.queryOne("SELECT pos FROM changes WHERE entity_id = 'T-A'");
                                    })->integer(0);
        QVERIFY(aPos > bPos);
        const std::int64_t newer
            = db.read([&](Connection &c) { return c.query("SELECT 1 FROM changes WHERE pos > ?", {bPos}); }).size();
        QCOMPARE(newer, 1);
        // And the feed goes on after both.
        db.write([](Connection &c) { ChangeFeed::record(c, {change("T-C")}, 3000); });
        QVERIFY(feedOrder(db) == (std::vector<std::string>{"T-B", "T-A", "T-C"}));
    }

private:
    std::unique_ptr<testing::UnitDatabase> m_db;
};

QTEST_GUILESS_MAIN(tst_ChangeFeed)
#include "tst_changefeed.moc"
