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

    void portalOnAnotherOriginKeepsItsCookieSession()
    {
        // The portal served from https://portal.example.cn talks to this server on another origin
        // of the same site: its fetches carry credentials, so the refresh cookie needs
        // Access-Control-Allow-Credentials, and the X-SPGL-Session header must pass the preflight.
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--cors-origin=") + QString::fromStdString(kPortal)}),
                 qPrintable(server.lastError()));
        const auto preflight = server.request("OPTIONS", "/api/v1/auth/refresh", {},
                                              {{"Origin", kPortal},
                                               {"Access-Control-Request-Method", "POST"},
                                               {"Access-Control-Request-Headers", "x-spgl-session"}});
        QCOMPARE(preflight.status, 204);
        QCOMPARE(preflight.header("Access-Control-Allow-Origin"), kPortal);
        QCOMPARE(preflight.header("Access-Control-Allow-Credentials"), std::string("true"));
        QVERIFY(preflight.header("Access-Control-Allow-Headers").find("X-SPGL-Session") != std::string::npos);

        const auto login
            = server.request("POST", "/api/v1/auth/login", R"({"username":"applicant","password":"Demo@2026"})",
                             {{"Origin", kPortal}, {"Content-Type", "application/json"}, {"X-SPGL-Session", "cookie"}});
        QCOMPARE(login.status, 200);
        QCOMPARE(login.header("Access-Control-Allow-Origin"), kPortal);
        QCOMPARE(login.header("Access-Control-Allow-Credentials"), std::string("true"));
        const std::string setCookie = login.header("Set-Cookie");
        QVERIFY2(setCookie.rfind("spgl_refresh=", 0) == 0, setCookie.c_str());
        QVERIFY(setCookie.find("HttpOnly") != std::string::npos);
        QVERIFY(!login.json().contains("refresh_token")); // the page never sees it

        // The browser sends the cookie back with the next credentialed request (a reload).
        const std::string cookie = setCookie.substr(0, setCookie.find(';'));
        const auto refreshed = server.request("POST", "/api/v1/auth/refresh", {},
                                              {{"Origin", kPortal}, {"Cookie", cookie}, {"X-SPGL-Session", "cookie"}});
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(refreshed.header("Access-Control-Allow-Credentials"), std::string("true"));
        QVERIFY(!refreshed.json()["access_token"].get<std::string>().empty());
        // The cookie rotated: the old one is spent.
        QVERIFY(refreshed.header("Set-Cookie").rfind("spgl_refresh=", 0) == 0);
        QVERIFY(refreshed.header("Set-Cookie").substr(0, refreshed.header("Set-Cookie").find(';')) != cookie);

        // Another origin gets no credentials permission: a browser will not hand it the answer.
        const auto foreign = server.request("POST", "/api/v1/auth/refresh", {},
                                            {{"Origin", "https://evil.example.com"}, {"Cookie", cookie}});
        QVERIFY(foreign.header("Access-Control-Allow-Credentials").empty());
        QVERIFY(foreign.header("Access-Control-Allow-Origin").empty());
        QCOMPARE(foreign.status, 403); // a cookie without the header: a forged cross-site request
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
