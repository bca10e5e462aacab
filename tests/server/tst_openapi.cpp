// GET /api/v1/openapi.json documents every routed endpoint and passes a real OpenAPI linter.
#include "testserver.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using nlohmann::json;
using spgl::test::TestServer;

class tst_OpenApi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        const auto reply = m_server.get("/api/v1/openapi.json");
        QCOMPARE(reply.status, 200);
        m_doc = reply.json();
        QVERIFY(m_doc.is_object());
    }

    void passesRedoclyLint()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("openapi.json"));
        std::ofstream(file.toStdString()) << m_doc.dump(2);
        const QString redocly = QStringLiteral(SPGL_SOURCE_DIR "/tools/node_modules/.bin/redocly");
        QVERIFY2(QFile::exists(redocly),
                 "the linter is missing: run scripts/bootstrap.sh (installs tools/ from its lock file)");
        QProcess lint;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REDOCLY_TELEMETRY"), QStringLiteral("off"));
        env.insert(QStringLiteral("REDOCLY_SUPPRESS_UPDATE_NOTICE"), QStringLiteral("true"));
        lint.setProcessEnvironment(env);
        lint.start(redocly, {QStringLiteral("lint"), QStringLiteral("--format=json"), file});
        QVERIFY(lint.waitForFinished(120000));
        const QByteArray out = lint.readAllStandardOutput();
        const QByteArray err = lint.readAllStandardError();
        const json report = json::parse(out.constData(), nullptr, false);
        QVERIFY2(report.is_object() && report.contains("totals"), QByteArray(out + err).constData());
        // Every finding is printed so that a failure says what to fix.
        for (const auto &problem : report.value("problems", json::array()))
            qWarning("%s: %s", problem.value("ruleId", "").c_str(), problem.value("message", "").c_str());
        QCOMPARE(report["totals"]["errors"].get<int>(), 0);
        QCOMPARE(report["totals"]["warnings"].get<int>(), 0);
        QCOMPARE(lint.exitCode(), 0);
        QCOMPARE(QString::fromStdString(m_doc["openapi"].get<std::string>()), QStringLiteral("3.1.0"));
    }

    void everyDocumentedPathIsRouted()
    {
        int operations = 0;
        for (auto &[path, item] : m_doc["paths"].items()) {
            std::string concrete = path;
            for (size_t pos; (pos = concrete.find('{')) != std::string::npos;)
                concrete.replace(pos, concrete.find('}', pos) - pos + 1, "1");
            for (auto &[method, op] : item.items()) {
                std::string upper = method;
                for (auto &c : upper)
                    c = char(std::toupper(static_cast<unsigned char>(c)));
                const auto reply = m_server.request(upper, concrete, {}, {{"Content-Type", "application/json"}});
                ++operations;
                QVERIFY2(reply.status != 405, (upper + " " + path).c_str());
                if (reply.status == 404) {
                    const std::string detail = reply.json().value("detail", "");
                    QVERIFY2(detail.find("没有这个接口") == std::string::npos,
                             (upper + " " + path + " is not routed").c_str());
                }
                QVERIFY2(op.contains("x-spgl-roles"), (upper + " " + path).c_str());
                QVERIFY2(op.contains("responses"), (upper + " " + path).c_str());
            }
        }
        QVERIFY(operations >= 15);
    }

    void documentsTheContractOfApiMd()
    {
        // The endpoints of API.md that this build implements must be in the document.
        const std::vector<std::pair<std::string, std::string>> expected
            = {{"/api/v1/health", "get"},         {"/api/v1/auth/login", "post"},    {"/api/v1/auth/refresh", "post"},
               {"/api/v1/auth/register", "post"}, {"/api/v1/regions", "get"},        {"/api/v1/departments", "get"},
               {"/api/v1/uploads", "post"},       {"/api/v1/uploads/{id}", "patch"}, {"/api/v1/uploads/{id}", "head"},
               {"/api/v1/files/{sha256}", "get"}, {"/api/v1/openapi.json", "get"}};
        for (const auto &[path, method] : expected)
            QVERIFY2(m_doc["paths"].contains(path) && m_doc["paths"][path].contains(method),
                     (method + " " + path).c_str());
        QCOMPARE(m_doc["paths"]["/api/v1/health"]["get"]["x-spgl-roles"], "public");
        QCOMPARE(m_doc["paths"]["/api/v1/users"]["post"]["x-spgl-roles"], json::array({"admin"}));
    }

private:
    TestServer m_server;
    json m_doc;
};

QTEST_GUILESS_MAIN(tst_OpenApi)
#include "tst_openapi.moc"
