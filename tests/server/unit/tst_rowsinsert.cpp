// RowsInsert: many rows in one statement, on the backend of SPGL_TEST_BACKEND.
#include "storage/rowsinsert.h"
#include "unitdatabase.h"

#include <QtTest>

using namespace spgl::server;

class tst_RowsInsert : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_db = std::make_unique<testing::UnitDatabase>(2);
        (*m_db)->write([](Connection &c) {
            c.execScript("CREATE TABLE t (k INTEGER PRIMARY KEY, name TEXT, n BIGINT, x DOUBLE PRECISION)");
        });
    }
    void cleanup() { m_db.reset(); }

    void rowsArriveInOrderWithTheirValues()
    {
        // 250 rows: three statements (100 rows at most each), values of every kind.
        RowsInsert rows("INSERT INTO t (k, name, n, x)", 4);
        for (int i = 1; i <= 250; ++i)
            rows.add({std::int64_t(i), i % 7 ? SqlValue("行 '" + std::to_string(i) + "' \"q\"") : SqlValue(nullptr),
                      std::int64_t(i) * 1'000'000'007LL, i / 4.0});
        QVERIFY(!rows.empty());
        QCOMPARE((*m_db)->write([&](Connection &c) { return rows.run(c); }), 250);
        QVERIFY(rows.empty());
        // Forgotten after a run: nothing is inserted twice.
        QCOMPARE((*m_db)->write([&](Connection &c) { return rows.run(c); }), 0);
        const SqlRows back
            = (*m_db)->read([](Connection &c) { return c.query("SELECT k, name, n, x FROM t ORDER BY k"); });
        QCOMPARE(int(back.size()), 250);
        for (int i = 1; i <= 250; ++i) {
            const SqlRow &r = back[size_t(i - 1)];
            QCOMPARE(r.integer(0), i);
            if (i % 7)
                QVERIFY(r.text(1) == "行 '" + std::to_string(i) + "' \"q\"");
            else
                QVERIFY(r.isNull(1));
            QCOMPARE(r.integer(2), std::int64_t(i) * 1'000'000'007LL);
            QCOMPARE(r.real(3), i / 4.0);
        }
    }

    void theTailAppliesToEveryRow()
    {
        (*m_db)->write([](Connection &c) { c.execute("INSERT INTO t (k, name) VALUES (1, 'old'), (2, 'old')"); });
        RowsInsert rows("INSERT INTO t (k, name)", 2, "ON CONFLICT (k) DO UPDATE SET name = excluded.name");
        rows.add({std::int64_t(1), "new"});
        rows.add({std::int64_t(3), "new"});
        QCOMPARE((*m_db)->write([&](Connection &c) { return rows.run(c); }), 2);
        const SqlRows back = (*m_db)->read([](Connection &c) { return c.query("SELECT k, name FROM t ORDER BY k"); });
        QCOMPARE(int(back.size()), 3);
        QVERIFY(back[0].text(1) == "new" && back[1].text(1) == "old" && back[2].text(1) == "new");
    }

    void aRowOfTheWrongWidthIsRefusedBeforeAnythingIsSent()
    {
        RowsInsert rows("INSERT INTO t (k, name)", 2);
        QVERIFY_THROWS_EXCEPTION(std::logic_error, rows.add({std::int64_t(1)}));
        QVERIFY(rows.empty());
    }

    void aFailingRowTakesItsWholeTransactionBack()
    {
        bool failed = false;
        try {
            (*m_db)->write([](Connection &c) {
                c.execute("INSERT INTO t (k, name) VALUES (5, 'before')");
                RowsInsert rows("INSERT INTO t (k, name)", 2);
                rows.add({std::int64_t(6), "a"});
                rows.add({std::int64_t(6), "duplicate key"});
                rows.run(c);
            });
        } catch (const DbError &e) {
            failed = e.kind() == DbError::Kind::UniqueViolation;
        }
        QVERIFY(failed);
        QCOMPARE((*m_db)->read([](Connection &c) { return c.queryOne("SELECT COUNT(*) FROM t")->integer(0); }), 0);
    }

private:
    std::unique_ptr<testing::UnitDatabase> m_db;
};

QTEST_GUILESS_MAIN(tst_RowsInsert)
#include "tst_rowsinsert.moc"
