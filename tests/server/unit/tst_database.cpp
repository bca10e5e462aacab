// Database::readOne / writeOne (one statement outside a transaction) and Connection::executeLater
// (on PostgreSQL: statements pipelined until an answer or the commit), on the backend of
// SPGL_TEST_BACKEND.
#include "storage/rowsinsert.h"
#include "unitdatabase.h"

#include <QtTest>

using namespace spgl::server;

namespace {
std::int64_t count(Database &db, const char *sql = "SELECT COUNT(*) FROM t")
{
    return db.readOne([&](Connection &c) { return c.queryOne(sql)->integer(0); });
}

/// Runs @p work in a write transaction; true when it failed with a database error.
template<typename F>
bool fails(Database &db, F &&work)
{
    try {
        db.write(std::forward<F>(work));
    } catch (const DbError &) {
        return true;
    }
    return false;
}
} // namespace

class tst_Database : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_db = std::make_unique<testing::UnitDatabase>(2); // two connections: a leak would hang
        (*m_db)->write([](Connection &c) { c.execScript("CREATE TABLE t (k INTEGER PRIMARY KEY, n BIGINT)"); });
    }
    void cleanup() { m_db.reset(); }

    void oneStatementAloneCommitsByItself()
    {
        Database &db = **m_db;
        const auto bump = [&] {
            return db.writeOne([](Connection &c) {
                return c
                    .queryOne("INSERT INTO t (k, n) VALUES (1, 41) ON CONFLICT (k) DO UPDATE SET n = t.n + 1 "
                              "RETURNING n")
                    ->integer(0);
            });
        };
        QCOMPARE(bump(), 41);
        QCOMPARE(bump(), 42);
        QCOMPARE(count(db, "SELECT n FROM t WHERE k = 1"), 42);
    }

    void failingStatementsGiveTheirConnectionBack()
    {
        Database &db = **m_db;
        for (int i = 0; i < 6; ++i) {
            bool failed = false;
            try {
                db.readOne([](Connection &c) { return c.query("SELECT no_such_column FROM t"); });
            } catch (const DbError &) {
                failed = true;
            }
            QVERIFY(failed);
        }
        QCOMPARE(count(db), 0);
        // And no transaction was left open behind: a write elsewhere is seen.
        db.write([](Connection &c) { c.execute("INSERT INTO t (k) VALUES (9)"); });
        QCOMPARE(count(db), 1);
    }

    void laterStatementsAreSeenByTheNextQueryAndCommitted()
    {
        Database &db = **m_db;
        const std::int64_t seen = db.write([](Connection &c) {
            for (int k = 1; k <= 5; ++k)
                c.executeLater("INSERT INTO t (k, n) VALUES (?, ?)", {std::int64_t(k), std::int64_t(k * 10)});
            c.executeLater("UPDATE t SET n = n + 1 WHERE k = ?", {std::int64_t(3)});
            return c.queryOne("SELECT SUM(n) FROM t")->integer(0); // the transaction's own rows
        });
        QCOMPARE(seen, 151);
        // Rows sent only with the commit are committed too.
        db.write([](Connection &c) {
            RowsInsert rows("INSERT INTO t (k, n)", 2);
            for (int k = 6; k <= 8; ++k)
                rows.add({std::int64_t(k), std::int64_t(0)});
            rows.runLater(c);
        });
        QCOMPARE(count(db), 8);
        QCOMPARE(count(db, "SELECT n FROM t WHERE k = 3"), 31);
    }

    void aFailingLaterStatementFailsItsTransactionAndKeepsNothing()
    {
        Database &db = **m_db;
        db.write([](Connection &c) { c.execute("INSERT INTO t (k, n) VALUES (1, 1)"); });
        // Three times: a statement used again is prepared inside the pipeline, and its failure
        // must not leave a prepared statement that does not exist behind.
        for (int round = 0; round < 3; ++round) {
            // The failure surfaces at the next statement that needs an answer …
            QVERIFY(fails(db, [](Connection &c) {
                c.executeLater("INSERT INTO t (k, n) VALUES (2, 2)");
                c.executeLater("INSERT INTO t (k, n) VALUES (1, 1)"); // duplicate key
                c.executeLater("INSERT INTO t (k, n) VALUES (3, 3)");
                c.queryOne("SELECT COUNT(*) FROM t");
            }));
            // … or at the commit.
            QVERIFY(fails(db, [](Connection &c) {
                c.executeLater("INSERT INTO t (k, n) VALUES (4, 4)");
                c.executeLater("INSERT INTO t (k, n) VALUES (1, 1)");
            }));
            QCOMPARE(count(db), 1);
        }
        // The connections are fine afterwards, in and out of transactions.
        db.write([](Connection &c) {
            c.executeLater("INSERT INTO t (k, n) VALUES (2, 2)");
            c.executeLater("INSERT INTO t (k, n) VALUES (3, 3)");
        });
        QCOMPARE(count(db), 3);
    }

    void aLaterFailureNamesWhatTheStatementWasFor()
    {
        // PostgreSQL: the failure surfaces at the commit, named after the statement that failed
        // (the dispatcher answers an audit row's failure as such). SQLite: at once, unnamed.
        Database &db = **m_db;
        db.write([](Connection &c) { c.execute("INSERT INTO t (k, n) VALUES (1, 1)"); });
        std::string origin = "none";
        try {
            db.write([](Connection &c) {
                c.executeLater("INSERT INTO t (k, n) VALUES (2, 2)", {}, "first");
                c.executeLater("INSERT INTO t (k, n) VALUES (1, 1)", {}, "second"); // duplicate key
                c.executeLater("INSERT INTO t (k, n) VALUES (3, 3)", {}, "third");
            });
        } catch (const DbError &e) {
            QCOMPARE(e.kind(), DbError::Kind::UniqueViolation);
            origin = e.origin();
        }
        QVERIFY(origin == (db.backend() == Backend::PostgreSql ? "second" : ""));
        QCOMPARE(count(db), 1);
    }

    void aStatementOutsideATransactionRunsAtOnce()
    {
        Database &db = **m_db;
        db.writeOne([](Connection &c) { c.executeLater("INSERT INTO t (k, n) VALUES (1, 1)"); });
        QCOMPARE(count(db), 1);
    }

    void aRolledBackTransactionDropsWhatWasWaiting()
    {
        Database &db = **m_db;
        bool thrown = false;
        try {
            db.write([](Connection &c) {
                c.executeLater("INSERT INTO t (k, n) VALUES (1, 1)");
                throw std::runtime_error("the request failed");
            });
        } catch (const std::runtime_error &) {
            thrown = true;
        }
        QVERIFY(thrown);
        QCOMPARE(count(db), 0);
        db.write([](Connection &c) { c.executeLater("INSERT INTO t (k, n) VALUES (1, 1)"); });
        QCOMPARE(count(db), 1);
    }

private:
    std::unique_ptr<testing::UnitDatabase> m_db;
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
