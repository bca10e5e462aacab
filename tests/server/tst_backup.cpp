// Backup and restore of the embedded SQLite deployment (an operator's undo path): a consistent
// copy taken while the server runs, restored into an empty data directory, serves the same data
// with an intact audit chain; restore refuses to overwrite. On PostgreSQL the command points the
// operator to pg_dump instead.
#include "testserver.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using nlohmann::json;
using spgl::test::TestServer;

class tst_Backup : public QObject
{
    Q_OBJECT
private slots:
    void backupWhileRunningAndRestore()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QCOMPARE(server.stop(), 0);
        QCOMPARE(
            server.runCommand({QStringLiteral("demo"), QStringLiteral("--projects=8"), QStringLiteral("--seed=2")}), 0);
        QVERIFY2(server.start({QStringLiteral("--clock-scan=0")}), qPrintable(server.lastError()));
        const std::string clerk = server.login("clerk");
        QVERIFY(!clerk.empty());

        QTemporaryDir out;
        const QString backup = out.path() + QStringLiteral("/backup");
        QString output;
        const int rc = server.runCommand({QStringLiteral("backup"), QStringLiteral("--out=") + backup}, &output);
        if (TestServer::backend() == QStringLiteral("postgresql")) {
            QVERIFY(rc != 0);
            QVERIFY2(output.contains(QStringLiteral("pg_dump")), qPrintable(output));
            return;
        }
        QCOMPARE(rc, 0);
        QVERIFY(QFile::exists(backup + QStringLiteral("/spgl.db")));
        const auto applications = server.sql("SELECT COUNT(*) FROM applications")[0][0];
        const auto events = server.sql("SELECT COUNT(*) FROM events")[0][0];
        // The backup is a snapshot: later changes are not in it.
        const auto open = server.sql("SELECT id FROM applications WHERE status = 'submitted' ORDER BY id LIMIT 1");
        if (!open.empty())
            QCOMPARE(server
                         .postJson("/api/v1/applications/" + open[0][0] + "/refuse",
                                   {{"reason", "测试：快照之后的变更"}}, clerk)
                         .status,
                     200);
        QCOMPARE(server.stop(), 0);

        // Restore refuses a data dir that already holds a database.
        QCOMPARE(server.runCommand({QStringLiteral("restore"), QStringLiteral("--in=") + backup}) == 0, false);

        // Into an empty data dir: the same rows, an intact audit chain, a working server.
        QTemporaryDir fresh;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(SPGL_SERVER_BIN), {QStringLiteral("restore"), QStringLiteral("--in=") + backup,
                                                  QStringLiteral("--data-dir=") + fresh.path()});
        QVERIFY(p.waitForFinished(60000));
        const QString log = QString::fromUtf8(p.readAll());
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(log.contains(QStringLiteral("audit chain ok")), qPrintable(log));
        QProcess s;
        s.start(QStringLiteral(SPGL_SERVER_BIN),
                {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--data-dir=") + fresh.path()});
        QVERIFY(s.waitForFinished(60000));
        QCOMPARE(s.exitCode(), 0);
        // The restored database holds the snapshot's rows.
        QProcess count;
        count.start(QStringLiteral("sqlite3"), {fresh.path() + QStringLiteral("/spgl.db"),
                                                QStringLiteral("SELECT COUNT(*) FROM applications; SELECT COUNT(*) "
                                                               "FROM events;")});
        QVERIFY(count.waitForFinished(30000));
        const QStringList lines = QString::fromUtf8(count.readAll()).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].toStdString(), applications);
        QCOMPARE(lines[1].toStdString(), events);
    }
};

QTEST_GUILESS_MAIN(tst_Backup)
#include "tst_backup.moc"
