// spgl-server serves the portal's built assets at / (--portal-dir): index.html for client-side
// routes, hashed assets cached for a year, ETag and 304, precompressed gzip, and never a file
// outside the folder; /api/... stays the API with problem+json.
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

using spgl::test::HttpReply;
using spgl::test::TestServer;

namespace {
void write(const QString &path, const std::string &content)
{
    std::ofstream(path.toStdString(), std::ios::binary) << content;
}
const std::string kIndex = "<!doctype html><title>SPGL portal</title><script src=\"./assets/app-3f2a9c.js\"></script>";
const std::string kScript = "console.log('portal')";
const std::string kSecret = "TOP-SECRET-OUTSIDE-THE-PORTAL";
} // namespace

class tst_Portal : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // <tmp>/secret.txt and <tmp>/portal/{index.html, assets/…, link -> <tmp>}
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("portal/assets")));
        write(m_dir.filePath(QStringLiteral("secret.txt")), kSecret);
        write(m_dir.filePath(QStringLiteral("portal/index.html")), kIndex);
        write(m_dir.filePath(QStringLiteral("portal/assets/app-3f2a9c.js")), kScript);
        write(m_dir.filePath(QStringLiteral("portal/assets/app-3f2a9c.js.gz")), "GZIPPED-BYTES");
        write(m_dir.filePath(QStringLiteral("portal/assets/style-77aa.css")), "body{}");
        std::filesystem::create_directory_symlink(m_dir.path().toStdString(),
                                                  m_dir.filePath(QStringLiteral("portal/link")).toStdString());
        QVERIFY2(m_server.start({QStringLiteral("--portal-dir=") + m_dir.filePath(QStringLiteral("portal"))}),
                 qPrintable(m_server.lastError()));
    }

    void indexAtRoot()
    {
        const HttpReply r = m_server.get("/");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, kIndex);
        QCOMPARE(r.header("content-type"), "text/html; charset=utf-8");
        QCOMPARE(r.header("cache-control"), "no-cache");
        QVERIFY(!r.header("etag").empty());
        const HttpReply again = m_server.request("GET", "/", {}, {{"If-None-Match", r.header("etag")}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.empty());
        const HttpReply head = m_server.request("HEAD", "/");
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.empty());
    }

    void clientRoutesGetIndex()
    {
        for (const char *path : {"/projects", "/applications/20261128000001", "/guides/", "/%E5%8A%9E%E4%BA%8B"}) {
            const HttpReply r = m_server.get(path);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, kIndex);
        }
    }

    void hashedAssetsAreImmutable()
    {
        const HttpReply js = m_server.get("/assets/app-3f2a9c.js");
        QCOMPARE(js.status, 200);
        QCOMPARE(js.body, kScript);
        QCOMPARE(js.header("content-type"), "text/javascript; charset=utf-8");
        QCOMPARE(js.header("cache-control"), "public, max-age=31536000, immutable");
        QVERIFY(js.header("content-encoding").empty());
        const HttpReply css = m_server.get("/assets/style-77aa.css");
        QCOMPARE(css.header("content-type"), "text/css; charset=utf-8");
        const HttpReply gz = m_server.request("GET", "/assets/app-3f2a9c.js", {}, {{"Accept-Encoding", "gzip, br"}});
        QCOMPARE(gz.status, 200);
        QCOMPARE(gz.header("content-encoding"), "gzip");
        QCOMPARE(gz.body, "GZIPPED-BYTES");
        QCOMPARE(gz.header("content-type"), "text/javascript; charset=utf-8");
        QVERIFY(gz.header("etag") != js.header("etag"));
    }

    void missingAssetIsNotIndex()
    {
        for (const char *path : {"/assets/gone-123.js", "/favicon.ico"}) {
            const HttpReply r = m_server.get(path);
            QCOMPARE(r.status, 404);
            QVERIFY(r.body.find("SPGL portal") == std::string::npos);
        }
    }

    void nothingOutsideThePortal_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *p :
             {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/assets/%2E%2E/%2e%2e/secret.txt",
              "/assets/..%2f..%2fsecret.txt", "/..%5csecret.txt", "/link/secret.txt", "/link/portal/index.html",
              "/assets/%00/../../secret.txt", "/./../secret.txt", "//etc/passwd", "/..", "/assets/.."})
            QTest::newRow(p) << QString::fromLatin1(p);
    }
    void nothingOutsideThePortal()
    {
        QFETCH(QString, path);
        const HttpReply r = m_server.get(path.toStdString());
        QVERIFY2(r.status == 404 || r.status == 400 || (r.status == 200 && r.body == kIndex),
                 qPrintable(QString::number(r.status)));
        QVERIFY2(r.body.find(kSecret) == std::string::npos, r.body.c_str());
        QVERIFY(r.body.find("root:") == std::string::npos);
    }

    void apiStaysTheApi()
    {
        for (const char *path : {"/api/v1/nothing-here", "/api", "/api/", "/ogc/unknown"}) {
            const HttpReply r = m_server.get(path);
            QCOMPARE(r.status, 404);
            QVERIFY2(r.isProblem(), path);
        }
        QCOMPARE(m_server.get("/api/v1/health").status, 200);
        // Other methods on a page path are not the portal.
        const HttpReply post = m_server.request("POST", "/projects", "{}", {{"Content-Type", "application/json"}});
        QCOMPARE(post.status, 404);
        QVERIFY(post.isProblem());
    }

    void noPortalFolder()
    {
        TestServer bare;
        QVERIFY2(bare.start({QStringLiteral("--portal-dir=") + m_dir.filePath(QStringLiteral("missing"))}),
                 qPrintable(bare.lastError()));
        const HttpReply r = bare.get("/");
        QCOMPARE(r.status, 404);
        QVERIFY(r.isProblem());
        QVERIFY(r.json()["detail"].get<std::string>().find("--portal-dir") != std::string::npos);
        QCOMPARE(bare.get("/api/v1/health").status, 200);
    }

private:
    QTemporaryDir m_dir;
    TestServer m_server;
};

QTEST_GUILESS_MAIN(tst_Portal)
#include "tst_portal.moc"
