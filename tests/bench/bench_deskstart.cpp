// Issue target (spgl-desk): start to a usable window with 10,000 cached cases ≤ 1.5 s; memory of
// the desktop with that cache ≤ 300 MB.
//
// Usage: QT_QPA_PLATFORM=offscreen bench_deskstart --data-dir=DIR [--projects=N] [--runs=5]
//   DIR is shared with bench_initialsync: when it holds no database, `spgl-server demo` fills it
//   (default 2,500 projects ≈ 10,000 cases). The supervisor's region is synced once into a cache
//   under DIR/desk (not timed). Then, --runs times: a fresh DeskContext opens that cache with the
//   last session ("work offline", as after a restart without network), the main window opens the
//   supervise workspace, and the clock stops when the window is exposed and its tables hold rows.
//   Prints each run, the median, and the resident memory (VmRSS, VmHWM) after the last run.
#include "app/mainwindow.h"
#include "core/deskcontext.h"
#include "core/localcache.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QThread>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace spgl::desk;

namespace {
QString option(const QStringList &args, const QString &name, const QString &fallback)
{
    for (const auto &a : args)
        if (a.startsWith(QLatin1String("--") + name + QLatin1Char('=')))
            return a.mid(name.size() + 3);
    return fallback;
}

/// A line of /proc/self/status in MB (VmRSS, VmHWM).
double statusMb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key)) + 1).trimmed().split(' ').front().toDouble() / 1024.0;
    return -1;
}

bool waitUntil(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

int rowsShown(const QWidget &window)
{
    int rows = 0;
    for (const auto *view : window.findChildren<QAbstractItemView *>())
        if (view->isVisible() && view->model())
            rows += view->model()->rowCount();
    return rows;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString dataDir = option(args, QStringLiteral("data-dir"), {});
    const QString projects = option(args, QStringLiteral("projects"), QStringLiteral("2500"));
    const int runs = option(args, QStringLiteral("runs"), QStringLiteral("5")).toInt();
    if (dataDir.isEmpty()) {
        std::fprintf(stderr, "usage: bench_deskstart --data-dir=DIR [--projects=N] [--runs=N]\n");
        return 2;
    }
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

    const QString deskDir = dataDir + QStringLiteral("/desk");
    if (!DeskContext::lastSession(deskDir)) {
        QProcess server;
        const QString portFile = dataDir + QStringLiteral("/port");
        QFile::remove(portFile);
        server.start(QStringLiteral(SPGL_SERVER_BIN),
                     {QStringLiteral("--data-dir=") + dataDir, QStringLiteral("--demo"),
                      QStringLiteral("--clock-scan=0"), QStringLiteral("--listen=127.0.0.1:0"),
                      QStringLiteral("--port-file=") + portFile});
        int port = 0;
        for (int i = 0; i < 600 && port == 0; ++i) {
            QThread::msleep(100);
            QFile f(portFile);
            if (f.open(QIODevice::ReadOnly))
                port = f.readAll().trimmed().toInt();
        }
        if (port == 0) {
            std::fprintf(stderr, "server did not start\n");
            return 1;
        }
        DeskContext context(deskDir);
        QSignalSpy loggedIn(&context, &DeskContext::loggedIn);
        QSignalSpy synced(&context, &DeskContext::syncFinished);
        context.login(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), QStringLiteral("supervisor"),
                      QStringLiteral("Demo@2026"));
        if (!loggedIn.wait(60000) || !loggedIn.front().at(0).toBool()) {
            std::fprintf(stderr, "login failed\n");
            return 1;
        }
        context.syncNow();
        if (!synced.wait(600000) || !synced.front().at(0).toBool()) {
            std::fprintf(stderr, "first sync failed\n");
            return 1;
        }
        std::printf("cache filled: %d cases, %d applications\n", context.cache().count(QStringLiteral("case")),
                    context.cache().count(QStringLiteral("application")));
        server.terminate();
        server.waitForFinished(10000);
    }

    const auto last = DeskContext::lastSession(deskDir);
    if (!last) {
        std::fprintf(stderr, "no cached session in %s\n", qPrintable(deskDir));
        return 1;
    }
    std::vector<double> times;
    int cases = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        DeskContext context(deskDir);
        QSignalSpy opened(&context, &DeskContext::loggedIn);
        context.workOffline(*last);
        if (!opened.wait(30000) || !opened.front().at(0).toBool()) {
            std::fprintf(stderr, "the cache did not open\n");
            return 1;
        }
        MainWindow window(context);
        window.showWorkspace(QStringLiteral("supervise"));
        window.resize(1366, 768);
        window.show();
        const bool usable = waitUntil(
            [&] { return window.windowHandle() && window.windowHandle()->isExposed() && rowsShown(window) > 0; },
            30000);
        const double seconds = timer.nsecsElapsed() / 1e9;
        cases = context.cache().count(QStringLiteral("case"));
        if (!usable) {
            std::fprintf(stderr, "the window showed no rows within 30 s\n");
            return 1;
        }
        times.push_back(seconds);
        std::printf("run %d: usable window after %.3f s (%d rows shown)\n", run + 1, seconds, rowsShown(window));
    }
    std::sort(times.begin(), times.end());
    std::printf("start to a usable window with %d cached cases: median %.3f s, best %.3f s (target ≤ 1.5 s)\n", cases,
                times[times.size() / 2], times.front());
    std::printf("memory: VmRSS %.0f MB, VmHWM %.0f MB (target ≤ 300 MB)\n", statusMb("VmRSS:"), statusMb("VmHWM:"));
    return 0;
}
