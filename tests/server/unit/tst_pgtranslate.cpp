// PgConnection::translate: `?` placeholders become $1, $2 … except inside quotes.
#include "storage/pgconnection.h"

#include <QtTest>

using spgl::server::PgConnection;

class tst_PgTranslate : public QObject
{
    Q_OBJECT
private slots:
    void translate_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *tag, const char *sql, const char *expected) {
            QTest::newRow(tag) << QString::fromUtf8(sql) << QString::fromUtf8(expected);
        };
        row("no placeholders", "SELECT 1", "SELECT 1");
        row("empty", "", "");
        row("one", "SELECT * FROM users WHERE id = ?", "SELECT * FROM users WHERE id = $1");
        row("several in order", "INSERT INTO t (a, b, c) VALUES (?, ?, ?)",
            "INSERT INTO t (a, b, c) VALUES ($1, $2, $3)");
        row("adjacent", "SELECT ??", "SELECT $1$2");
        row("ten and more", "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)");
        row("inside a string literal", "SELECT '?' WHERE a = ?", "SELECT '?' WHERE a = $1");
        row("numbering skips quoted marks", "SELECT ?, 'what?', ?", "SELECT $1, 'what?', $2");
        row("string with several marks", "WHERE note = 'a ? b ? c' AND id = ?", "WHERE note = 'a ? b ? c' AND id = $1");
        row("doubled quote escape", "SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1");
        row("quoted identifier", "SELECT \"col?\" FROM t WHERE x = ?", "SELECT \"col?\" FROM t WHERE x = $1");
        row("double quote inside string", "SELECT 'say \"?\"', ?", "SELECT 'say \"?\"', $1");
        row("single quote inside identifier", "SELECT \"o'?\" , ?", "SELECT \"o'?\" , $1");
        row("LIKE pattern literal", "WHERE region_code LIKE '65%' AND name LIKE ?",
            "WHERE region_code LIKE '65%' AND name LIKE $1");
        row("chinese text", "WHERE name = '克拉玛依？?' AND code = ?", "WHERE name = '克拉玛依？?' AND code = $1");
        row("placeholder right after a string", "SELECT 'x'||?", "SELECT 'x'||$1");
        row("placeholder right after an identifier", "SELECT \"a\"=?", "SELECT \"a\"=$1");
        row("existing dollar params untouched", "SELECT $1", "SELECT $1");
    }

    void translate()
    {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        const std::string in = sql.toStdString();
        QCOMPARE(QString::fromStdString(PgConnection::translate(in)), expected);
    }
};

QTEST_APPLESS_MAIN(tst_PgTranslate)
#include "tst_pgtranslate.moc"
