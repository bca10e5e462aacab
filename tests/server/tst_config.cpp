// spgl-server's settings come from a file (--config=FILE), SPGL_* environment variables and
// options, in rising precedence; a bad file stops it with a clear message. CORS answers only the
// portal's configured origin. The embedded database runs in WAL mode.
#include "testserver.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using spgl::test::HttpReply;
using spgl::test::TestServer;

namespace {
const std::string kPortal = "https://portal.example.cn";

/// The Access-Control-Allow-Origin a simple GET from @p origin gets ("" when none).
std::string allowedOrigin(const TestServer &server, const std::string &origin)
{
    return server.request("GET", "/api/v1/health", {}, {{"Origin", origin}}).header("Access-Control-Allow-Origin");
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.path() + QLatin1Char('/') + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return path;
}
} // namespace

class tst_Config : public QObject
{
    Q_OBJECT
private slots:
    void fileThenEnvironmentThenOptions()
    {
        QTemporaryDir dir;
        const QString file = writeFile(dir, QStringLiteral("spgl-server.conf"),
                                       "# the portal, and a smaller upload limit\n"
                                       "cors-origin = https://file.example.cn\n"
                                       "max-upload = 3145728\n");
        const std::string applicant = "applicant";

        // The environment overrides the file; the file's other keys still apply.
        qputenv("SPGL_CORS_ORIGIN", "https://env.example.cn");
        struct Unset
        {
            ~Unset() { qunsetenv("SPGL_CORS_ORIGIN"); }
        } unset;
        TestServer server;
        const bool started = server.start({QStringLiteral("--config=") + file});
        QVERIFY2(started, qPrintable(server.lastError()));
        QCOMPARE(allowedOrigin(server, "https://env.example.cn"), std::string("https://env.example.cn"));
        QCOMPARE(allowedOrigin(server, "https://file.example.cn"), std::string());
        const HttpReply tooLarge
            = server.request("POST", "/api/v1/uploads", R"({"filename":"big.pdf"})",
                             {{"Content-Type", "application/json"}, {"Upload-Length", std::to_string(4 << 20)}},
                             server.login(applicant));
        QCOMPARE(tooLarge.status, 413);
        QVERIFY2(tooLarge.body.find("3 MB") != std::string::npos, tooLarge.body.c_str());

        // An option overrides both.
        QCOMPARE(server.stop(), 0);
        const bool restarted = server.start(
            {QStringLiteral("--config=") + file, QStringLiteral("--cors-origin=https://option.example.cn")});
        QVERIFY2(restarted, qPrintable(server.lastError()));
        QCOMPARE(allowedOrigin(server, "https://option.example.cn"), std::string("https://option.example.cn"));
        QCOMPARE(allowedOrigin(server, "https://env.example.cn"), std::string());
    }

    void badConfigFileIsRefusedWithAClearMessage_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("no key = value") << QByteArray("listen 127.0.0.1:9\n") << QStringLiteral("expected key = value");
        QTest::newRow("unknown key") << QByteArray("colour = blue\n") << QStringLiteral("unknown option --colour");
        QTest::newRow("not a number") << QByteArray("max-upload = lots\n") << QStringLiteral("needs a number");
    }

    void badConfigFileIsRefusedWithAClearMessage()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString file = writeFile(dir, QStringLiteral("bad.conf"), content);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(SPGL_SERVER_BIN),
                {QStringLiteral("--config=") + file, QStringLiteral("--data-dir=") + dir.path(),
                 QStringLiteral("migrate")});
        QVERIFY(p.waitForFinished(30000));
        const QString out = QString::fromUtf8(p.readAll());
        QVERIFY2(p.exitCode() != 0, qPrintable(out));
        QVERIFY2(out.contains(message), qPrintable(out));
        QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/spgl.db"))); // it stopped before touching data
    }

    void corsOnlyForThePortalsOrigin()
    {
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--cors-origin=") + QString::fromStdString(kPortal)}),
                 qPrintable(server.lastError()));
        // The browser's preflight from the portal is answered...
        const auto preflight = server.request("OPTIONS", "/api/v1/auth/login", {},
                                              {{"Origin", kPortal},
                                               {"Access-Control-Request-Method", "POST"},
                                               {"Access-Control-Request-Headers", "content-type"}});
        QCOMPARE(preflight.status, 204);
        QCOMPARE(preflight.header("Access-Control-Allow-Origin"), kPortal);
        QVERIFY(preflight.header("Access-Control-Allow-Methods").find("POST") != std::string::npos);
        QVERIFY(preflight.header("Access-Control-Allow-Headers").find("Authorization") != std::string::npos);
        // ... and its requests may be read by the portal, errors included.
        QCOMPARE(allowedOrigin(server, kPortal), kPortal);
        const auto missing = server.request("GET", "/api/v1/no-such-thing", {}, {{"Origin", kPortal}});
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.header("Access-Control-Allow-Origin"), kPortal);
        QCOMPARE(missing.header("Vary"), std::string("Origin"));

        // Any other origin gets no CORS permission, neither for a preflight nor for a request.
        for (const std::string other : {"https://evil.example.com", "https://portal.example.cn.evil.com", "null"}) {
            const auto refused = server.request("OPTIONS", "/api/v1/auth/login", {},
                                                {{"Origin", other}, {"Access-Control-Request-Method", "POST"}});
            QVERIFY2(refused.header("Access-Control-Allow-Origin").empty(), other.c_str());
            QVERIFY2(refused.header("Access-Control-Allow-Methods").empty(), other.c_str());
            QCOMPARE(allowedOrigin(server, other), std::string());
        }
    }

    void noCorsWithoutAConfiguredOrigin()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QCOMPARE(allowedOrigin(server, kPortal), std::string());
        QCOMPARE(allowedOrigin(server, "http://127.0.0.1:" + std::to_string(server.port())), std::string());
    }

    void embeddedDatabaseRunsInWal()
    {
        if (TestServer::backend() != QStringLiteral("sqlite"))
            QSKIP("SQLite only");
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        QCOMPARE(server.sql("PRAGMA journal_mode").at(0).at(0), std::string("wal"));
    }
};

QTEST_GUILESS_MAIN(tst_Config)
#include "tst_config.moc"
