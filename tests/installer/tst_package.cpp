// The Debian packages a prefecture installs: cpack builds them from this build, the test reads
// their control data and file lists, unpacks the server package into a scratch root and runs the
// packaged binary with the packaged configuration file, as systemd would (only the data folder and
// the port are overridden), and checks that it serves the API and the portal and stops cleanly.
#include "testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace spgl::test;

namespace {
QString run(const QString &program, const QStringList &args, int *exitCode = nullptr, int timeoutMs = 600000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}
} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serverPackageHoldsWhatAnOperatorNeeds();
    void serverPackageDeclaresItsLibraries();
    void packagedServerRunsFromItsConfigFile();
    void deskPackageHoldsTheDesktop();

private:
    QString deb(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_serverDeb;
    QString m_deskDeb;
};

QString TestPackage::deb(const QString &name) const
{
    const QStringList found
        = QDir(m_dir.path() + QStringLiteral("/out")).entryList({name + QStringLiteral("_*.deb")}, QDir::Files);
    return found.isEmpty() ? QString() : m_dir.path() + QStringLiteral("/out/") + found.first();
}

void TestPackage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    int rc = 0;
    const QString log = run(QStringLiteral("cpack"),
                            {QStringLiteral("--config"), QStringLiteral(SPGL_BINARY_DIR "/CPackConfig.cmake"),
                             QStringLiteral("-B"), m_dir.path() + QStringLiteral("/out")},
                            &rc);
    QVERIFY2(rc == 0, qPrintable(log));
    m_serverDeb = deb(QStringLiteral("spgl-server"));
    QVERIFY2(!m_serverDeb.isEmpty(), qPrintable(log));
    m_deskDeb = deb(QStringLiteral("spgl-desk"));
}

void TestPackage::serverPackageHoldsWhatAnOperatorNeeds()
{
    int rc = 0;
    const QString files = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--contents"), m_serverDeb}, &rc);
    QCOMPARE(rc, 0);
    for (const char *path : {"./usr/bin/spgl-server", "./usr/share/spgl/portal/index.html",
                             "./lib/systemd/system/spgl-server.service", "./etc/spgl/spgl-server.conf"})
        QVERIFY2(files.contains(QString::fromUtf8(path)), path);
    // The configuration survives upgrades (dpkg asks before replacing an edited one).
    const QString conffiles
        = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--info"), m_serverDeb, QStringLiteral("conffiles")}, &rc);
    QCOMPARE(rc, 0);
    QCOMPARE(conffiles.trimmed(), QStringLiteral("/etc/spgl/spgl-server.conf"));
}

void TestPackage::serverPackageDeclaresItsLibraries()
{
    int rc = 0;
    const QString depends
        = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--field"), m_serverDeb, QStringLiteral("Depends")}, &rc);
    QCOMPARE(rc, 0);
    // dpkg-shlibdeps found the shared libraries the binary needs, so apt installs them.
    for (const char *lib : {"libpoco", "libsqlite3", "libpq5", "libgdal"})
        QVERIFY2(depends.contains(QString::fromUtf8(lib)),
                 qPrintable(QStringLiteral("%1 not in %2").arg(QString::fromUtf8(lib), depends)));
    const QString postinst
        = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--info"), m_serverDeb, QStringLiteral("postinst")}, &rc);
    QCOMPARE(rc, 0);
    QVERIFY(postinst.contains(QStringLiteral("adduser --system")));
}

void TestPackage::packagedServerRunsFromItsConfigFile()
{
    const QString root = m_dir.path() + QStringLiteral("/root");
    int rc = 0;
    const QString log = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_serverDeb, root}, &rc);
    QVERIFY2(rc == 0, qPrintable(log));

    // The unit starts the server with the packaged config; systemd gives it /var/lib/spgl.
    QFile unitFile(root + QStringLiteral("/lib/systemd/system/spgl-server.service"));
    QVERIFY(unitFile.open(QIODevice::ReadOnly));
    const QString unit = QString::fromUtf8(unitFile.readAll());
    QVERIFY(unit.contains(QStringLiteral("ExecStart=/usr/bin/spgl-server --config=/etc/spgl/spgl-server.conf")));
    QVERIFY(unit.contains(QStringLiteral("StateDirectory=spgl")));

    const QString data = m_dir.path() + QStringLiteral("/data");
    const QString portFile = m_dir.path() + QStringLiteral("/port");
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(root + QStringLiteral("/usr/bin/spgl-server"),
                 {QStringLiteral("--config=") + root + QStringLiteral("/etc/spgl/spgl-server.conf"),
                  QStringLiteral("--data-dir=") + data, QStringLiteral("--listen=127.0.0.1:0"),
                  QStringLiteral("--port-file=") + portFile, QStringLiteral("--demo")});
    QVERIFY(server.waitForStarted(10000));
    int port = 0;
    QElapsedTimer timer;
    timer.start();
    while (port == 0 && timer.elapsed() < 120000 && server.state() == QProcess::Running) {
        QFile f(portFile);
        if (f.open(QIODevice::ReadOnly))
            port = f.readAll().trimmed().toInt();
        QThread::msleep(50);
    }
    QVERIFY2(port > 0, qPrintable(QString::fromUtf8(server.readAll())));

    HttpReply health;
    while (timer.elapsed() < 120000
           && (health = sendUntilAnswered(port, requestHead("GET", "/api/v1/health", {}), {})).status != 200)
        QThread::msleep(100);
    QCOMPARE(health.status, 200);
    // The packaged config chose the embedded SQLite file in the data folder.
    QVERIFY(QFile::exists(data + QStringLiteral("/spgl.db")));

    // The portal comes from /usr/share/spgl/portal (next to ../bin), not from the build tree.
    const HttpReply portal = sendUntilAnswered(port, requestHead("GET", "/", {}), {});
    QCOMPARE(portal.status, 200);
    QVERIFY(portal.body.find("id=\"app\"") != std::string::npos);

    const std::string login = R"({"username":"clerk","password":"Demo@2026"})";
    const HttpReply token = sendUntilAnswered(
        port,
        requestHead("POST", "/api/v1/auth/login",
                    {{"Content-Type", "application/json"}, {"Content-Length", std::to_string(login.size())}}),
        login);
    QCOMPARE(token.status, 200);
    QVERIFY(!token.json().value("access_token", std::string()).empty());

    server.terminate(); // what systemctl stop sends
    QVERIFY(server.waitForFinished(60000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

void TestPackage::deskPackageHoldsTheDesktop()
{
#ifndef SPGL_WITH_DESK
    QSKIP("spgl-desk is not part of this build (SPGL_BUILD_CLIENT=OFF)");
#endif
    QVERIFY(!m_deskDeb.isEmpty());
    int rc = 0;
    const QString files = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--contents"), m_deskDeb}, &rc);
    QCOMPARE(rc, 0);
    QVERIFY(files.contains(QStringLiteral("./usr/bin/spgl-desk")));
    QVERIFY(files.contains(QStringLiteral("./usr/share/applications/spgl-desk.desktop")));
    const QString depends
        = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--field"), m_deskDeb, QStringLiteral("Depends")}, &rc);
    QVERIFY2(depends.contains(QStringLiteral("libqt6widgets6")), qPrintable(depends));
}

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
