// Migrator::render: backend sections and the {{id}} placeholder, for SQLite and PostgreSQL.
#include "storage/migrator.h"

#include <QtTest>

using spgl::server::Backend;
using spgl::server::Migrator;

namespace {
QString render(const char *content, Backend backend)
{
    return QString::fromStdString(Migrator::render(content, backend));
}
} // namespace

class tst_Migrator : public QObject
{
    Q_OBJECT
private slots:
    void plainSqlIsKeptForBoth()
    {
        const char *sql = "CREATE TABLE t (a TEXT NOT NULL);\nINSERT INTO t VALUES ('x');\n";
        QCOMPARE(render(sql, Backend::Sqlite), QString::fromLatin1(sql));
        QCOMPARE(render(sql, Backend::PostgreSql), QString::fromLatin1(sql));
    }

    void idPlaceholder()
    {
        const char *sql = "CREATE TABLE users (id {{id}}, name TEXT);\n";
        QCOMPARE(render(sql, Backend::Sqlite),
                 u"CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT);\n"_qs);
        QCOMPARE(render(sql, Backend::PostgreSql), u"CREATE TABLE users (id BIGSERIAL PRIMARY KEY, name TEXT);\n"_qs);
    }

    void everyIdPlaceholderOnALineIsReplaced()
    {
        const char *sql = "CREATE TABLE a (id {{id}}); CREATE TABLE b (id {{id}});\n";
        const QString sqlite = render(sql, Backend::Sqlite);
        QCOMPARE(sqlite.count(u"INTEGER PRIMARY KEY AUTOINCREMENT"_qs), 2);
        QVERIFY(!sqlite.contains(u"{{"_qs));
        const QString pg = render(sql, Backend::PostgreSql);
        QCOMPARE(pg.count(u"BIGSERIAL PRIMARY KEY"_qs), 2);
        QVERIFY(!pg.contains(u"{{"_qs));
    }

    void sections()
    {
        const char *sql = "CREATE TABLE common (x INTEGER);\n"
                          "-- @sqlite\n"
                          "CREATE INDEX only_sqlite ON common (x);\n"
                          "PRAGMA foo = 1;\n"
                          "-- @all\n"
                          "CREATE TABLE shared (y INTEGER);\n"
                          "-- @postgresql\n"
                          "CREATE INDEX only_pg ON common USING brin (x);\n"
                          "-- @all\n"
                          "CREATE TABLE tail (z INTEGER);\n";
        QCOMPARE(render(sql, Backend::Sqlite), u"CREATE TABLE common (x INTEGER);\n"
                                               "CREATE INDEX only_sqlite ON common (x);\n"
                                               "PRAGMA foo = 1;\n"
                                               "CREATE TABLE shared (y INTEGER);\n"
                                               "CREATE TABLE tail (z INTEGER);\n"_qs);
        QCOMPARE(render(sql, Backend::PostgreSql), u"CREATE TABLE common (x INTEGER);\n"
                                                   "CREATE TABLE shared (y INTEGER);\n"
                                                   "CREATE INDEX only_pg ON common USING brin (x);\n"
                                                   "CREATE TABLE tail (z INTEGER);\n"_qs);
    }

    void aSectionRunsToTheNextMarker()
    {
        // One backend's section directly followed by the other's, and a section left open at
        // the end of the file.
        const char *sql = "-- @postgresql\n"
                          "SELECT 'pg1';\n"
                          "-- @sqlite\n"
                          "SELECT 'lite1';\n"
                          "-- @postgresql\n"
                          "SELECT 'pg2';\n";
        QCOMPARE(render(sql, Backend::Sqlite), u"SELECT 'lite1';\n"_qs);
        QCOMPARE(render(sql, Backend::PostgreSql), u"SELECT 'pg1';\nSELECT 'pg2';\n"_qs);
    }

    void markersAreDroppedAndIdWorksInsideSections()
    {
        const char *sql = "-- @sqlite\n"
                          "CREATE TABLE s (id {{id}});\n"
                          "-- @postgresql\n"
                          "CREATE TABLE p (id {{id}});\n"
                          "-- @all\n";
        const QString sqlite = render(sql, Backend::Sqlite);
        const QString pg = render(sql, Backend::PostgreSql);
        QVERIFY(!sqlite.contains(u"-- @"_qs));
        QVERIFY(!pg.contains(u"-- @"_qs));
        QCOMPARE(sqlite, u"CREATE TABLE s (id INTEGER PRIMARY KEY AUTOINCREMENT);\n"_qs);
        QCOMPARE(pg, u"CREATE TABLE p (id BIGSERIAL PRIMARY KEY);\n"_qs);
    }

    void ordinaryCommentsStay()
    {
        // Only the three markers at the start of a line are special.
        const char *sql = "-- a comment mentioning @sqlite in passing\n"
                          "SELECT 1; -- @postgresql is not a marker here\n"
                          "  -- @sqlite indented is not a marker\n"
                          "SELECT 2;\n";
        QCOMPARE(render(sql, Backend::PostgreSql), QString::fromLatin1(sql));
        QCOMPARE(render(sql, Backend::Sqlite), QString::fromLatin1(sql));
    }

    void chineseTextPassesThrough()
    {
        const char *sql = "INSERT INTO regions VALUES ('650200', '克拉玛依市');\n";
        QCOMPARE(render(sql, Backend::PostgreSql), QString::fromUtf8(sql));
        QCOMPARE(render(sql, Backend::Sqlite), QString::fromUtf8(sql));
    }

    void lastLineWithoutNewline()
    {
        QCOMPARE(render("SELECT 1;", Backend::Sqlite), u"SELECT 1;\n"_qs);
        QCOMPARE(render("", Backend::PostgreSql), QString());
    }

    void realMigrationsRenderCleanly()
    {
        // The migrations compiled into the binary: no marker or placeholder survives rendering.
        const auto &files = spgl::server::migrationFiles();
        QVERIFY(!files.empty());
        for (const auto &f : files) {
            const QByteArray name(f.name.data(), qsizetype(f.name.size()));
            for (Backend b : {Backend::Sqlite, Backend::PostgreSql}) {
                const QString out = QString::fromStdString(Migrator::render(f.content, b));
                QVERIFY2(!out.contains(u"{{id}}"_qs), name.constData());
                QVERIFY2(!out.contains(u"\n-- @"_qs) && !out.startsWith(u"-- @"_qs), name.constData());
            }
        }
    }
};

QTEST_APPLESS_MAIN(tst_Migrator)
#include "tst_migrator.moc"
