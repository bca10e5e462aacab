// Issue targets (spgl-desk): initial sync of a scope with ~10,000 cases and ~100,000 events into an
// empty cache over HTTP from a local server within 3× the time the sqlite3 command-line tool
// needs to import the same rows from CSV in one transaction (both measured in this run);
// incremental sync of 1,000 changes ≤ 0.3 s.
//
// Usage: bench_initialsync --data-dir=DIR [--projects=N]
//   DIR is reused: when it holds no database, `spgl-server demo --projects N` fills it first
//   (default 2,500 projects, a few minutes); the server is then started on it, the supervisor's
//   whole region is pulled into a fresh cache, and the same rows are imported with sqlite3.
#include "core/localcache.h"
#include "core/session.h"
#include "core/syncengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QVariant>

#include <cstdio>

using namespace spgl;
using namespace spgl::desk;

namespace {
QString option(const QStringList &args, const QString &name, const QString &fallback)
{
    for (const auto &a : args)
        if (a.startsWith(QLatin1String("--") + name + QLatin1Char('=')))
            return a.mid(name.size() + 3);
    return fallback;
}

/// Writes one CSV field (quoted, quotes doubled).
QByteArray csv(const QString &value)
{
    QByteArray v = value.toUtf8();
    v.replace('"', "\"\"");
    return '"' + v + '"';
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString dataDir
        = option(args, QStringLiteral("data-dir"), QDir::tempPath() + QStringLiteral("/spgl-bench-sync"));
    const QString projects = option(args, QStringLiteral("projects"), QStringLiteral("2500"));
    QDir().mkpath(dataDir);

    if (!QFile::exists(dataDir + QStringLiteral("/spgl.db"))) {
        std::printf("generating %s demo projects into %s …\n", qPrintable(projects), qPrintable(dataDir));
        QProcess gen;
        gen.setProcessChannelMode(QProcess::ForwardedChannels);
        gen.start(QStringLiteral(SPGL_SERVER_BIN),
                  {QStringLiteral("demo"), QStringLiteral("--projects=") + projects, QStringLiteral("--seed=5"),
                   QStringLiteral("--data-dir=") + dataDir});
        gen.waitForFinished(-1);
        if (gen.exitCode() != 0)
            return 1;
    }

    QProcess server;
    const QString portFile = dataDir + QStringLiteral("/port");
    QFile::remove(portFile);
    server.start(QStringLiteral(SPGL_SERVER_BIN),
                 {QStringLiteral("--data-dir=") + dataDir, QStringLiteral("--demo"), QStringLiteral("--clock-scan=0"),
                  QStringLiteral("--listen=127.0.0.1:0"), QStringLiteral("--port-file=") + portFile});
    int port = 0;
    for (int i = 0; i < 300 && port == 0; ++i) {
        QThread::msleep(100);
        QFile f(portFile);
        if (f.open(QIODevice::ReadOnly))
            port = f.readAll().trimmed().toInt();
    }
    if (port == 0) {
        std::fprintf(stderr, "server did not start\n");
        return 1;
    }
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(port));

    QTemporaryDir cacheDir;
    ApiClient api(url);
    Session session(api);
    auto who = session.login(QStringLiteral("supervisor"), QStringLiteral("Demo@2026"));
    if (!who.ok())
        return 1;
    LocalCache cache;
    if (!cache.open(LocalCache::pathFor(cacheDir.path(), url.toString(), who.value().id)).ok())
        return 1;
    SyncEngine engine(api, session, cache);

    QElapsedTimer timer;
    timer.start();
    auto pulled = engine.pull(1000);
    const double syncSeconds = timer.nsecsElapsed() / 1e9;
    if (!pulled.ok()) {
        std::fprintf(stderr, "pull failed: %s\n", pulled.error().message.c_str());
        return 1;
    }
    int events = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(cache.path());
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT SUM(json_array_length(timeline)) FROM applications"));
        events = q.next() ? q.value(0).toInt() : 0;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    const int cases = cache.count(QStringLiteral("case"));
    const int applications = cache.count(QStringLiteral("application"));

    // The same rows as CSV, imported by the sqlite3 tool in one transaction.
    const QString csvDir = cacheDir.path();
    {
        QFile a(csvDir + QStringLiteral("/applications.csv")), c(csvDir + QStringLiteral("/cases.csv"));
        a.open(QIODevice::WriteOnly);
        c.open(QIODevice::WriteOnly);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("dump"));
        db.setDatabaseName(cache.path());
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT id, project_id, status, version, state, form, timeline FROM applications"));
        while (q.next())
            a.write(csv(q.value(0).toString()) + ',' + csv(q.value(1).toString()) + ',' + csv(q.value(2).toString())
                    + ',' + q.value(3).toByteArray() + ',' + csv(q.value(4).toString()) + ','
                    + csv(q.value(5).toString()) + ',' + csv(q.value(6).toString()) + '\n');
        q.exec(
            QStringLiteral("SELECT id, application_id, status, version, department, deadline, level, data FROM cases"));
        while (q.next())
            c.write(csv(q.value(0).toString()) + ',' + csv(q.value(1).toString()) + ',' + csv(q.value(2).toString())
                    + ',' + q.value(3).toByteArray() + ',' + csv(q.value(4).toString()) + ','
                    + csv(q.value(5).toString()) + ',' + csv(q.value(6).toString()) + ',' + csv(q.value(7).toString())
                    + '\n');
    }
    QSqlDatabase::removeDatabase(QStringLiteral("dump"));
    const QString script
        = QStringLiteral(
              "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n"
              "CREATE TABLE applications (id TEXT PRIMARY KEY, project_id TEXT, status TEXT, version INTEGER, state "
              "TEXT, "
              "form TEXT, timeline TEXT);\n"
              "CREATE TABLE cases (id TEXT PRIMARY KEY, application_id TEXT, status TEXT, version INTEGER, department "
              "TEXT, "
              "deadline TEXT, level TEXT, data TEXT);\nCREATE INDEX cases_deadline ON cases (deadline, id);\n"
              "BEGIN;\n.mode csv\n.import %1/applications.csv applications\n.import %1/cases.csv cases\nCOMMIT;\n")
              .arg(csvDir);
    QProcess sqlite;
    timer.restart();
    sqlite.start(QStringLiteral("sqlite3"), {csvDir + QStringLiteral("/import.sqlite")});
    sqlite.write(script.toUtf8());
    sqlite.closeWriteChannel();
    sqlite.waitForFinished(-1);
    const double importSeconds = timer.nsecsElapsed() / 1e9;

    // Incremental: 1,000 changes made online, then one pull.
    const auto open = cache.cases(QStringLiteral("in_progress"));
    int made = 0;
    {
        // Opinions by the 住建 head on the department's cases in progress (5 each).
        ApiClient reviewerApi(url);
        Session reviewer(reviewerApi);
        (void)reviewer.login(QStringLiteral("head"), QStringLiteral("Demo@2026"));
        for (const auto &c : open) {
            if (made >= 1000)
                break;
            if (c.value("department", "") != "11650100ZJJ")
                continue;
            for (int i = 0; i < 5 && made < 1000; ++i) {
                const auto r = reviewerApi.post(
                    QStringLiteral("/api/v1/cases/%1/opinions").arg(QString::fromStdString(c["id"].get<std::string>())),
                    {{"opinion", "基准测试意见"}});
                made += r.ok() ? 1 : 0;
            }
        }
    }
    timer.restart();
    auto delta = engine.pull(1000);
    const double incrementalSeconds = timer.nsecsElapsed() / 1e9;

    std::printf("initial sync: %d applications, %d cases, %d events into an empty cache in %.2f s\n", applications,
                cases, events, syncSeconds);
    std::printf("sqlite3 CSV import of the same rows (one transaction): %.2f s\n", importSeconds);
    std::printf("ratio: %.2f (target ≤ 3)\n", syncSeconds / importSeconds);
    std::printf("incremental sync after %d online changes (%d feed rows): %.3f s (target ≤ 0.3 s for 1,000)\n", made,
                delta.ok() ? delta.value() : -1, incrementalSeconds);
    server.terminate();
    server.waitForFinished(10000);
    return 0;
}
