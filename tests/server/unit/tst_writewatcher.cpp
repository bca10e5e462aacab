// Database::generation (WriteWatcher) on SQLite: this server's commits move its writes at once,
// another connection's commits within a poll, reads and time never.
#include "storage/database.h"

#include <QtTest>

#include <QTemporaryDir>

using spgl::server::Connection;
using spgl::server::Database;

namespace {
std::uint64_t settled(Database &db)
{
    // The first call starts the watcher; it has a number once its first poll succeeded.
    std::optional<spgl::server::DataGeneration> g;
    // Without one in time, 0: the callers' comparisons then fail.
    if (!QTest::qWaitFor([&] { return (g = db.generation()).has_value(); }, 5000))
        return 0;
    return g->writes;
}

std::uint64_t writes(Database &db)
{
    const auto g = db.generation();
    return g ? g->writes : 0;
}
} // namespace

class tst_WriteWatcher : public QObject
{
    Q_OBJECT
private slots:
    void ownWritesMoveItAtOnceReadsNever()
    {
        QTemporaryDir dir;
        auto db = Database::open("sqlite:" + dir.filePath(u"w.db"_qs).toStdString(), dir.path().toStdString());
        db->write([](Connection &c) { c.execute("CREATE TABLE t (n INTEGER)"); });
        const std::uint64_t before = settled(*db);
        QVERIFY(before > 0);
        db->read([](Connection &c) { c.query("SELECT COUNT(*) FROM t"); });
        QTest::qWait(100); // several polls
        QCOMPARE(writes(*db), before);
        db->write([](Connection &c) { c.execute("INSERT INTO t VALUES (1)"); });
        // No waiting: a request right after its own write must not see an answer kept from before.
        QVERIFY(writes(*db) > before);
    }

    void onSqliteNothingIsDueWithoutAWrite()
    {
        // SQLite sees every write, whoever makes it: an answer kept stays current however long
        // nothing is written (on PostgreSQL the tick moves every WriteWatcher::kOutsideEdits).
        QTemporaryDir dir;
        auto db = Database::open("sqlite:" + dir.filePath(u"w.db"_qs).toStdString(), dir.path().toStdString());
        db->write([](Connection &c) { c.execute("CREATE TABLE t (n INTEGER)"); });
        QVERIFY(settled(*db) > 0);
        const auto before = db->generation();
        QTest::qWait(int(spgl::server::WriteWatcher::kOutsideEdits.count()) + 300);
        QVERIFY(db->generation() == before);
    }

    void anotherConnectionsWriteMovesItWithinAPoll()
    {
        QTemporaryDir dir;
        const std::string file = "sqlite:" + dir.filePath(u"w.db"_qs).toStdString();
        auto server = Database::open(file, dir.path().toStdString());
        server->write([](Connection &c) { c.execute("CREATE TABLE t (n INTEGER)"); });
        const std::uint64_t before = settled(*server);
        // Another process (an operator command, a second instance) writes the same file.
        auto other = Database::open(file, dir.path().toStdString());
        other->write([](Connection &c) { c.execute("INSERT INTO t VALUES (2)"); });
        QTRY_VERIFY_WITH_TIMEOUT(writes(*server) > before, 2000);
    }
};

QTEST_GUILESS_MAIN(tst_WriteWatcher)
#include "tst_writewatcher.moc"
