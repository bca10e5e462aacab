// Bad input never yields a 500: every refusal is RFC 9457 application/problem+json with a clear
// Chinese detail and the right 4xx status, on both backends.
#include "testserver.h"

#include <QtTest>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

using nlohmann::json;
using spgl::test::HttpReply;
using spgl::test::TestServer;

namespace {
constexpr std::size_t kMiB = 1024 * 1024;

bool hasChinese(const std::string &utf8)
{
    const QString s = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

/// Why @p r is not a proper problem+json answer with @p status; empty when it is.
QString problemIssue(const HttpReply &r, int status)
{
    const QString where
        = QStringLiteral(" [status %1, body %2%3]")
              .arg(r.status)
              .arg(QString::fromUtf8(r.body.substr(0, 300).c_str()))
              .arg(r.error.empty() ? QString() : QStringLiteral(", error ") + QString::fromStdString(r.error));
    if (r.status != status)
        return QStringLiteral("expected status %1").arg(status) + where;
    if (!r.isProblem())
        return QStringLiteral("Content-Type is \"%1\", not application/problem+json")
                   .arg(QString::fromStdString(r.header("Content-Type")))
               + where;
    const json body = r.json();
    if (!body.is_object())
        return QStringLiteral("body is not a JSON object") + where;
    for (const char *key : {"type", "title", "detail"}) {
        if (!body.contains(key) || !body[key].is_string() || body[key].get<std::string>().empty())
            return QStringLiteral("missing or empty \"%1\"").arg(QLatin1String(key)) + where;
    }
    if (!body.contains("status") || !body["status"].is_number_integer() || body["status"].get<int>() != status)
        return QStringLiteral("\"status\" member does not equal the HTTP status") + where;
    if (!hasChinese(body["detail"].get<std::string>()) || !hasChinese(body["title"].get<std::string>()))
        return QStringLiteral("title/detail is not a Chinese explanation") + where;
    if (body.contains("errors")) {
        if (!body["errors"].is_array() || body["errors"].empty())
            return QStringLiteral("\"errors\" is not a non-empty array") + where;
        for (const auto &e : body["errors"]) {
            if (!e.is_object() || !e.value("field", json()).is_string() || !e.value("code", json()).is_string()
                || !e.value("message", json()).is_string() || !hasChinese(e["message"].get<std::string>()))
                return QStringLiteral("an \"errors\" entry lacks field/code/Chinese message") + where;
        }
    }
    return {};
}

#define QVERIFY_PROBLEM(reply, status)                                                                                 \
    do {                                                                                                               \
        const QString issue_ = problemIssue((reply), (status));                                                        \
        QVERIFY2(issue_.isEmpty(), qPrintable(issue_));                                                                \
    } while (false)

QStringList errorFields(const HttpReply &r)
{
    QStringList fields;
    const json body = r.json();
    if (body.is_object() && body.contains("errors") && body["errors"].is_array()) {
        for (const auto &e : body["errors"])
            fields << QString::fromStdString(e.value("field", std::string()));
    }
    fields.sort();
    return fields;
}

std::string bytesOf(const QByteArray &b)
{
    return std::string(b.constData(), std::size_t(b.size()));
}

/// A JSON body of exactly @p size bytes: {"username":"aaa…","password":"x"}.
std::string jsonOfSize(std::size_t size)
{
    const std::string head = R"({"username":")", tail = R"(","password":"x"})";
    return head + std::string(size - head.size() - tail.size(), 'a') + tail;
}

} // namespace

class tst_BadInput : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        m_admin = m_server.login("admin");
        QVERIFY(!m_admin.empty());
        m_applicant = m_server.login("applicant");
        QVERIFY(!m_applicant.empty());
    }

    void cleanupTestCase()
    {
        // Nothing above may have taken the server down.
        QVERIFY(m_server.running());
        QCOMPARE(m_server.get("/api/v1/health").status, 200);
    }

    void malformedJson_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated") << QByteArray(R"({"username":)");
        QTest::newRow("unterminated string") << QByteArray("{\"username\":\"abc");
        QTest::newRow("trailing comma") << QByteArray(R"({"username":"a","password":"b",})");
        QTest::newRow("single quotes") << QByteArray("{'username':'a','password':'b'}");
        QTest::newRow("unquoted keys") << QByteArray("{username:\"a\"}");
        QTest::newRow("comment") << QByteArray("{/"
                                               "* hi *"
                                               "/ \"username\":\"a\"}");
        QTest::newRow("NaN") << QByteArray(R"({"username":NaN})");
        QTest::newRow("trailing garbage") << QByteArray(R"({"username":"a","password":"b"} xyz)");
        QTest::newRow("two objects") << QByteArray(R"({"username":"a"}{"password":"b"})");
        QTest::newRow("not json at all") << QByteArray("username=admin&password=Demo@2026");
        QTest::newRow("empty body") << QByteArray();
        QTest::newRow("only whitespace") << QByteArray(" \r\n\t ");
        QTest::newRow("bad escape") << QByteArray(R"({"username":"a\qb"})");
        QTest::newRow("raw control character") << QByteArray("{\"username\":\"a\x01b\"}");
        QTest::newRow("unclosed deep nesting") << QByteArray(200000, '[');
    }

    void malformedJson()
    {
        QFETCH(QByteArray, body);
        const auto reply
            = m_server.request("POST", "/api/v1/auth/login", bytesOf(body), {{"Content-Type", "application/json"}});
        QVERIFY_PROBLEM(reply, 400);
        QVERIFY2(QString::fromStdString(reply.json()["detail"]).contains(QStringLiteral("JSON")), reply.body.c_str());
    }

    void jsonThatIsNotAnObject_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty array") << QByteArray("[]");
        QTest::newRow("array of the right object") << QByteArray(R"([{"username":"admin","password":"Demo@2026"}])");
        QTest::newRow("string") << QByteArray(R"("admin")");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("true") << QByteArray("true");
        QTest::newRow("deeply nested arrays") << QByteArray(100000, '[') + QByteArray(100000, ']');
    }

    void jsonThatIsNotAnObject()
    {
        QFETCH(QByteArray, body);
        const auto reply
            = m_server.request("POST", "/api/v1/auth/login", bytesOf(body), {{"Content-Type", "application/json"}});
        QVERIFY_PROBLEM(reply, 400);
        QVERIFY2(QString::fromStdString(reply.json()["detail"]).contains(QStringLiteral("对象")), reply.body.c_str());
    }

    void wrongFieldTypesListEveryField()
    {
        auto reply = m_server.request("POST", "/api/v1/auth/login", R"({"username":5,"password":[]})",
                                      {{"Content-Type", "application/json"}});
        QVERIFY_PROBLEM(reply, 422);
        QCOMPARE(errorFields(reply), QStringList({QStringLiteral("password"), QStringLiteral("username")}));
        const json errors = reply.json()["errors"];
        for (const auto &e : errors)
            QCOMPARE(e["code"], "type");

        reply = m_server.request("POST", "/api/v1/auth/login", R"({"username":{"a":1},"password":true})",
                                 {{"Content-Type", "application/json"}});
        QVERIFY_PROBLEM(reply, 422);
        QCOMPARE(errorFields(reply), QStringList({QStringLiteral("password"), QStringLiteral("username")}));

        // Missing fields are named too.
        reply = m_server.request("POST", "/api/v1/auth/login", "{}", {{"Content-Type", "application/json"}});
        QVERIFY_PROBLEM(reply, 422);
        QCOMPARE(errorFields(reply), QStringList({QStringLiteral("password"), QStringLiteral("username")}));

        // An unknown enum value.
        reply = m_server.postJson(
            "/api/v1/auth/register",
            {{"kind", "alien"}, {"username", "zhangsan"}, {"password", "Xinjiang#2026"}, {"display_name", "张三"}});
        QVERIFY_PROBLEM(reply, 422);
        QVERIFY(errorFields(reply).contains(QStringLiteral("kind")));

        // Wrong types on a staff-only endpoint: every field at once.
        reply = m_server.postJson(
            "/api/v1/users",
            {{"username", 1}, {"password", 2}, {"display_name", false}, {"roles", "admin"}, {"region_code", 650100}},
            m_admin);
        QVERIFY_PROBLEM(reply, 422);
        QCOMPARE(errorFields(reply),
                 QStringList({QStringLiteral("display_name"), QStringLiteral("password"), QStringLiteral("region_code"),
                              QStringLiteral("roles"), QStringLiteral("username")}));
    }

    void unrepresentableNumbers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("float overflow") << QByteArray(R"({"username":1e999,"password":"x"})");
        QTest::newRow("negative float overflow") << QByteArray(R"({"username":"a","password":-1e400})");
        QTest::newRow("huge integer") << QByteArray(R"({"username":123456789012345678901234567890,"password":"x"})");
    }

    void unrepresentableNumbers()
    {
        // A number JSON allows but C++ cannot hold is still bad input: 400 or 422, never 500.
        QFETCH(QByteArray, body);
        const auto reply
            = m_server.request("POST", "/api/v1/auth/login", bytesOf(body), {{"Content-Type", "application/json"}});
        QVERIFY2(reply.status == 400 || reply.status == 422,
                 qPrintable(QStringLiteral("status %1: %2").arg(reply.status).arg(QString::fromStdString(reply.body))));
        QVERIFY_PROBLEM(reply, reply.status);
    }

    void invalidUtf8InAString_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("ff fe") << QByteArray("ab\xff\xfe");
        QTest::newRow("lone continuation byte") << QByteArray("a\x80z");
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf");
        QTest::newRow("truncated sequence") << QByteArray("\xe4\xb8");
        QTest::newRow("utf-8 encoded surrogate") << QByteArray("\xed\xa0\x80");
        QTest::newRow("beyond U+10FFFF") << QByteArray("\xf4\x90\x80\x80");
        QTest::newRow("gbk bytes") << QByteArray("\xd0\xc2\xbd\xae"); // 新疆 in GBK
        QTest::newRow("lone surrogate escape") << QByteArray("\\ud800");
    }

    void invalidUtf8InAString()
    {
        QFETCH(QByteArray, text);
        const std::string body = "{\"username\":\"" + bytesOf(text) + "\",\"password\":\"Demo@2026\"}";
        const auto reply = m_server.request("POST", "/api/v1/auth/login", body, {{"Content-Type", "application/json"}});
        QVERIFY_PROBLEM(reply, 400);
        // The answer itself stays valid UTF-8: the bad bytes are not echoed into it.
        QStringDecoder strict(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = strict(QByteArray::fromStdString(reply.body));
        QVERIFY2(!strict.hasError(), reply.body.c_str());
        Q_UNUSED(decoded);
    }

    void validUtf8IsFine()
    {
        // The boundary case: proper Chinese text and escapes are not "bad UTF-8".
        const auto reply = m_server.request("POST", "/api/v1/auth/login",
                                            R"({"username":"新疆\u5929\u5c71","password":"密码Demo@2026"})",
                                            {{"Content-Type", "application/json; charset=utf-8"}});
        QCOMPARE(reply.status, 401);
        QVERIFY_PROBLEM(reply, 401);
    }

    void nulCharactersAreNotSilentlyTruncatedInLogin()
    {
        // "admin\u0000x" is not "admin": it must not log in as admin on any backend.
        const auto reply
            = m_server.request("POST", "/api/v1/auth/login", R"({"username":"admin\u0000x","password":"Demo@2026"})",
                               {{"Content-Type", "application/json"}});
        QVERIFY2(reply.status == 400 || reply.status == 401 || reply.status == 422,
                 qPrintable(QStringLiteral("status %1: %2")
                                .arg(reply.status)
                                .arg(QString::fromStdString(reply.body.substr(0, 200)))));
        QVERIFY_PROBLEM(reply, reply.status);
    }

    void nulCharactersAreNotSilentlyTruncatedInStorage()
    {
        // Text with a NUL is refused or kept whole, never cut short in storage.
        const std::string name = std::string("阿依") + '\0' + "古丽";
        const auto reply = m_server.postJson("/api/v1/auth/register", {{"kind", "enterprise"},
                                                                       {"username", "nul_test"},
                                                                       {"password", "Tianshan#2026"},
                                                                       {"display_name", name},
                                                                       {"organization", "新疆测试有限公司"},
                                                                       {"credit_code", "91350100M000100Y43"}});
        if (reply.status == 201) {
            const std::string token = m_server.login("nul_test", "Tianshan#2026");
            QVERIFY(!token.empty());
            const auto me = m_server.get("/api/v1/auth/me", token);
            QCOMPARE(me.status, 200);
            const std::string stored = me.json()["display_name"];
            QVERIFY2(
                stored == name,
                qPrintable(
                    QStringLiteral("stored display_name has %1 bytes, sent %2").arg(stored.size()).arg(name.size())));
        } else {
            QVERIFY_PROBLEM(reply, reply.status);
            QVERIFY(reply.status == 400 || reply.status == 422);
        }
    }

    void bodyOverTheLimitWithContentLength()
    {
        const std::string body = jsonOfSize(kMiB + 1);
        const auto viaSession
            = m_server.request("POST", "/api/v1/auth/login", body, {{"Content-Type", "application/json"}});
        QVERIFY_PROBLEM(viaSession, 413);
        QVERIFY2(QString::fromStdString(viaSession.json()["detail"]).contains(QStringLiteral("1024 KB")),
                 viaSession.body.c_str());

        // A much larger body (the client keeps sending until it sees the answer).
        const std::string big = jsonOfSize(8 * kMiB);
        const std::string head
            = "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              "Content-Length: "
              + std::to_string(big.size()) + "\r\n\r\n";
        const auto raw = spgl::test::sendUntilAnswered(m_server.port(), head, big, false);
        QVERIFY_PROBLEM(raw, 413);

        // Exactly at the limit is not too large: the body is read and judged (too long a name).
        const auto atLimit
            = m_server.request("POST", "/api/v1/auth/login", jsonOfSize(kMiB), {{"Content-Type", "application/json"}});
        QVERIFY_PROBLEM(atLimit, 422);
        QCOMPARE(errorFields(atLimit), QStringList({QStringLiteral("username")}));
    }

    void bodyOverTheLimitChunked()
    {
        // Without Content-Length the server must count what it reads.
        const std::string body = jsonOfSize(2 * kMiB);
        HttpReply reply;
        try {
            Poco::Net::HTTPClientSession session("127.0.0.1", Poco::UInt16(m_server.port()));
            session.setTimeout(Poco::Timespan(60, 0));
            Poco::Net::HTTPRequest req("POST", "/api/v1/auth/login", Poco::Net::HTTPMessage::HTTP_1_1);
            req.setContentType("application/json");
            req.setChunkedTransferEncoding(true);
            std::ostream &out = session.sendRequest(req);
            for (std::size_t at = 0; at < body.size() && out; at += 65536)
                out.write(body.data() + at, std::streamsize(std::min<std::size_t>(65536, body.size() - at)));
            Poco::Net::HTTPResponse res;
            std::istream &in = session.receiveResponse(res);
            reply.status = int(res.getStatus());
            for (const auto &[k, v] : res) {
                std::string key = k;
                for (auto &c : key)
                    c = char(std::tolower(static_cast<unsigned char>(c)));
                reply.headers[key] = v;
            }
            Poco::StreamCopier::copyToString(in, reply.body);
        } catch (const std::exception &e) {
            reply.error = e.what();
        }
        QVERIFY_PROBLEM(reply, 413);

        // The same over a raw socket that stops sending once the answer is there.
        const std::string head
            = "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              "Transfer-Encoding: chunked\r\n\r\n";
        const auto raw = spgl::test::sendUntilAnswered(m_server.port(), head, jsonOfSize(8 * kMiB), true);
        QVERIFY_PROBLEM(raw, 413);

        // A small chunked body is fine.
        const auto small = spgl::test::sendUntilAnswered(m_server.port(), head,
                                                         R"({"username":"admin","password":"Demo@2026"})", true);
        QCOMPARE(small.status, 200);
    }

    void wrongContentType_data()
    {
        QTest::addColumn<QString>("contentType");
        QTest::newRow("text/plain") << QStringLiteral("text/plain");
        QTest::newRow("text/plain utf-8") << QStringLiteral("text/plain; charset=utf-8");
        QTest::newRow("form") << QStringLiteral("application/x-www-form-urlencoded");
        QTest::newRow("multipart") << QStringLiteral("multipart/form-data; boundary=x");
        QTest::newRow("octet-stream") << QStringLiteral("application/octet-stream");
        QTest::newRow("xml") << QStringLiteral("application/xml");
        QTest::newRow("text/json") << QStringLiteral("text/json");
        QTest::newRow("missing") << QString();
    }

    void wrongContentType()
    {
        QFETCH(QString, contentType);
        std::map<std::string, std::string> headers;
        if (!contentType.isEmpty())
            headers["Content-Type"] = contentType.toStdString();
        const auto reply
            = m_server.request("POST", "/api/v1/auth/login", R"({"username":"admin","password":"Demo@2026"})", headers);
        QVERIFY_PROBLEM(reply, 415);
        QVERIFY(reply.json()["detail"].get<std::string>().find("application/json") != std::string::npos);
    }

    void jsonContentTypeVariantsAreAccepted()
    {
        for (const char *type :
             {"application/json", "application/json; charset=utf-8", "application/merge-patch+json"}) {
            const auto reply = m_server.request("POST", "/api/v1/auth/login", "{}", {{"Content-Type", type}});
            QVERIFY2(reply.status == 422, type);
        }
    }

    void unknownPath_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("GET api") << QStringLiteral("GET") << QStringLiteral("/api/v1/no-such-thing");
        QTest::newRow("GET v2") << QStringLiteral("GET") << QStringLiteral("/api/v2/health");
        QTest::newRow("GET deeper") << QStringLiteral("GET") << QStringLiteral("/api/v1/health/extra");
        QTest::newRow("GET trailing slash") << QStringLiteral("GET") << QStringLiteral("/api/v1/users/");
        QTest::newRow("GET outside api") << QStringLiteral("GET") << QStringLiteral("/wp-admin/setup.php");
        QTest::newRow("GET traversal") << QStringLiteral("GET") << QStringLiteral("/api/v1/../../etc/passwd");
        QTest::newRow("GET encoded traversal")
            << QStringLiteral("GET") << QStringLiteral("/api/v1/files/..%2F..%2Fetc%2Fpasswd");
        QTest::newRow("POST unknown") << QStringLiteral("POST") << QStringLiteral("/api/v1/no-such-thing");
        QTest::newRow("DELETE unknown") << QStringLiteral("DELETE") << QStringLiteral("/api/v1/no-such-thing/1");
    }

    void unknownPath()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        const std::string body = method == QStringLiteral("POST") ? "{}" : "";
        const auto reply = m_server.request(method.toStdString(), path.toStdString(), body,
                                            {{"Content-Type", "application/json"}}, m_admin);
        QVERIFY_PROBLEM(reply, 404);
    }

    void wrongMethod_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("allow");
        QTest::newRow("DELETE users") << QStringLiteral("DELETE") << QStringLiteral("/api/v1/users")
                                      << QStringList({QStringLiteral("GET"), QStringLiteral("POST")});
        QTest::newRow("PUT health") << QStringLiteral("PUT") << QStringLiteral("/api/v1/health")
                                    << QStringList({QStringLiteral("GET")});
        QTest::newRow("GET login") << QStringLiteral("GET") << QStringLiteral("/api/v1/auth/login")
                                   << QStringList({QStringLiteral("POST")});
        QTest::newRow("PATCH user") << QStringLiteral("PATCH") << QStringLiteral("/api/v1/users/1")
                                    << QStringList({QStringLiteral("GET")});
        QTest::newRow("DELETE upload") << QStringLiteral("DELETE") << QStringLiteral("/api/v1/uploads/abc")
                                       << QStringList(
                                              {QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("PATCH")});
    }

    void wrongMethod()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QStringList, allow);
        // Without and with a token: a 405 is about the path, not about who calls.
        for (const std::string &token : {std::string(), m_admin}) {
            const auto reply = m_server.request(method.toStdString(), path.toStdString(),
                                                method == QStringLiteral("GET") ? "" : "{}",
                                                {{"Content-Type", "application/json"}}, token);
            QVERIFY_PROBLEM(reply, 405);
            QStringList got;
            for (const auto &m :
                 QString::fromStdString(reply.header("Allow")).split(QLatin1Char(','), Qt::SkipEmptyParts))
                got << m.trimmed();
            got.sort();
            got.removeDuplicates();
            QVERIFY2(!got.isEmpty(), "no Allow header");
            for (const auto &m : allow)
                QVERIFY2(got.contains(m), qPrintable(QStringLiteral("Allow: ") + got.join(QStringLiteral(", "))));
            QVERIFY(!got.contains(method));
        }
    }

    void badQueryParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("limit=abc") << QStringLiteral("limit=abc");
        QTest::newRow("limit empty") << QStringLiteral("limit=");
        QTest::newRow("limit=0") << QStringLiteral("limit=0");
        QTest::newRow("limit=-1") << QStringLiteral("limit=-1");
        QTest::newRow("limit=501") << QStringLiteral("limit=501");
        QTest::newRow("limit=1.5") << QStringLiteral("limit=1.5");
        QTest::newRow("limit=10abc") << QStringLiteral("limit=10abc");
        QTest::newRow("limit huge") << QStringLiteral("limit=99999999999999999999999");
        QTest::newRow("cursor=xyz") << QStringLiteral("cursor=xyz");
        QTest::newRow("bad percent encoding") << QStringLiteral("limit=%ZZ");
    }

    void badQueryParameters()
    {
        QFETCH(QString, query);
        const auto reply = m_server.get("/api/v1/users?" + query.toStdString(), m_admin);
        QVERIFY_PROBLEM(reply, 400);
    }

    void goodQueryParametersStillWork()
    {
        for (const char *q : {"limit=1", "limit=500", "limit=50&cursor=0"}) {
            const auto reply = m_server.get(std::string("/api/v1/users?") + q, m_admin);
            QVERIFY2(reply.status == 200, q);
        }
    }

    void garbageAuthorization_data()
    {
        QTest::addColumn<QString>("authorization");
        QTest::newRow("garbage") << QStringLiteral("garbage");
        QTest::newRow("scheme only") << QStringLiteral("Bearer");
        QTest::newRow("empty token") << QStringLiteral("Bearer ");
        QTest::newRow("token of spaces") << QStringLiteral("Bearer      ");
        QTest::newRow("random token") << QStringLiteral("Bearer not-a-token");
        QTest::newRow("three dots") << QStringLiteral("Bearer a.b.c");
        QTest::newRow("jwt header only") << QStringLiteral("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
        QTest::newRow("jwt header and dot") << QStringLiteral("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.");
        QTest::newRow("basic auth") << QStringLiteral("Basic YWRtaW46RGVtb0AyMDI2");
        QTest::newRow("very long") << QString(QStringLiteral("Bearer ") + QString(6000, QLatin1Char('x')));
        QTest::newRow("non-ascii") << QStringLiteral("Bearer 令牌");
    }

    void garbageAuthorization()
    {
        QFETCH(QString, authorization);
        const auto reply
            = m_server.request("GET", "/api/v1/auth/me", {}, {{"Authorization", authorization.toStdString()}});
        QVERIFY_PROBLEM(reply, 401);
        QCOMPARE(reply.header("WWW-Authenticate"), std::string("Bearer"));
        // The same on a state-changing, role-restricted route.
        const auto post
            = m_server.request("POST", "/api/v1/users", "{}",
                               {{"Authorization", authorization.toStdString()}, {"Content-Type", "application/json"}});
        QVERIFY_PROBLEM(post, 401);
    }

    void forgedTokens()
    {
        // The applicant's real token with the payload changed to claim admin: the signature no
        // longer matches.
        const QList<QByteArray> parts = QByteArray::fromStdString(m_applicant).split('.');
        QCOMPARE(parts.size(), 3);
        const auto opts = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        json payload = json::parse(bytesOf(QByteArray::fromBase64(parts[1], opts)));
        payload["roles"] = json::array({"admin"});
        const QByteArray forged
            = parts[0] + '.' + QByteArray::fromStdString(payload.dump()).toBase64(opts) + '.' + parts[2];
        auto reply = m_server.get("/api/v1/users", bytesOf(forged));
        QVERIFY_PROBLEM(reply, 401);

        // "alg":"none" with no signature.
        const QByteArray none = QByteArray(R"({"alg":"none","typ":"JWT"})").toBase64(opts) + '.'
                                + QByteArray::fromStdString(payload.dump()).toBase64(opts) + '.';
        reply = m_server.get("/api/v1/users", bytesOf(none));
        QVERIFY_PROBLEM(reply, 401);

        // The signature cut off.
        reply = m_server.get("/api/v1/auth/me", bytesOf(parts[0] + '.' + parts[1] + '.'));
        QVERIFY_PROBLEM(reply, 401);

        // The genuine token still works.
        QCOMPARE(m_server.get("/api/v1/auth/me", m_applicant).status, 200);
    }

    void badUploadHeaders_data()
    {
        QTest::addColumn<QString>("uploadLength");
        QTest::newRow("missing") << QString();
        QTest::newRow("text") << QStringLiteral("abc");
        QTest::newRow("negative") << QStringLiteral("-1");
        QTest::newRow("fraction") << QStringLiteral("1.5");
        QTest::newRow("overflow") << QStringLiteral("99999999999999999999999999");
    }

    void badUploadHeaders()
    {
        QFETCH(QString, uploadLength);
        std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}};
        if (!uploadLength.isNull())
            headers["Upload-Length"] = uploadLength.toStdString();
        const auto reply = m_server.request("POST", "/api/v1/uploads", R"({"filename":"a.pdf"})", headers, m_applicant);
        QVERIFY_PROBLEM(reply, 400);
    }

    // Requests whose head cannot be parsed never reach the router: the connection itself answers,
    // in problem+json like every other refusal, closes, and the server goes on serving.
    void unparsableRequestHeads_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("request line that is not HTTP") << QByteArray("THIS IS NOT HTTP\r\n\r\n");
        QTest::newRow("method of 40 letters")
            << QByteArray(std::string(40, 'G').append(" /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n").c_str());
        QTest::newRow("mangled version") << QByteArray("GET /api/v1/health HTTP/1.1.7\r\nHost: x\r\n\r\n");
        QTest::newRow("20 KB address") << QByteArray(
            ("GET /api/v1/health?q=" + std::string(20 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n").c_str());
        QTest::newRow("20 KB header line") << QByteArray(
            ("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20 * 1024, 'a') + "\r\n\r\n").c_str());
        std::string many = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 200; ++i)
            many += "X-Header-" + std::to_string(i) + ": " + std::to_string(i) + "\r\n";
        QTest::newRow("200 headers") << QByteArray((many + "\r\n").c_str());
        QTest::newRow("Content-Length not a number")
            << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          "Content-Length: abc\r\n\r\n");
    }

    void unparsableRequestHeads()
    {
        QFETCH(QByteArray, head);
        const auto reply = spgl::test::sendUntilAnswered(m_server.port(), bytesOf(head), {});
        QVERIFY_PROBLEM(reply, 400);
        QCOMPARE(reply.json()["type"].get<std::string>(), std::string("urn:spgl:problem:malformed-request"));
        QCOMPARE(QString::fromStdString(reply.header("Connection")).toLower(), QStringLiteral("close"));
        QVERIFY(!reply.header("X-Request-Id").empty());
        // The next connection is served as usual.
        QCOMPARE(m_server.get("/api/v1/health").status, 200);
    }

    void badChunkedEncoding()
    {
        const std::string head = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                 "Transfer-Encoding: chunked\r\n\r\n";
        // A chunk size that is not hexadecimal.
        const auto reply = spgl::test::sendUntilAnswered(m_server.port(), head + "zz\r\n{}\r\n0\r\n\r\n", {});
        QVERIFY_PROBLEM(reply, 400);
        QCOMPARE(QString::fromStdString(reply.header("Connection")).toLower(), QStringLiteral("close"));
        QCOMPARE(m_server.get("/api/v1/health").status, 200);
    }

    void requestIdIsEchoedWhenSane()
    {
        // On success and on failure alike.
        auto reply = m_server.request("GET", "/api/v1/health", {}, {{"X-Request-Id", "desk-7f3a_01.retry-2"}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("X-Request-Id"), std::string("desk-7f3a_01.retry-2"));

        reply = m_server.request("GET", "/api/v1/no-such-thing", {}, {{"X-Request-Id", "req-404-check"}});
        QVERIFY_PROBLEM(reply, 404);
        QCOMPARE(reply.header("X-Request-Id"), std::string("req-404-check"));

        reply = m_server.request("POST", "/api/v1/auth/login", "[",
                                 {{"X-Request-Id", "req-400-check"}, {"Content-Type", "application/json"}});
        QVERIFY_PROBLEM(reply, 400);
        QCOMPARE(reply.header("X-Request-Id"), std::string("req-400-check"));
        // The access log names each request by its id.
        QVERIFY(m_server.log(-1).contains(QStringLiteral("req-404-check GET /api/v1/no-such-thing 404")));
        QVERIFY(m_server.log(-1).contains(QStringLiteral("req-400-check POST /api/v1/auth/login 400")));

        // Without one, the server makes one up.
        reply = m_server.get("/api/v1/health");
        QVERIFY(!reply.header("X-Request-Id").empty());

        // An insane one (spaces, markup, too long) is replaced, never reflected.
        for (const std::string &insane :
             {std::string("has spaces"), std::string("<script>"), std::string(65, 'a'), std::string("a;b=c")}) {
            reply = m_server.request("GET", "/api/v1/health", {}, {{"X-Request-Id", insane}});
            QCOMPARE(reply.status, 200);
            QVERIFY(!reply.header("X-Request-Id").empty());
            QVERIFY2(reply.header("X-Request-Id") != insane, insane.c_str());
        }
    }

private:
    TestServer m_server;
    std::string m_admin;
    std::string m_applicant;
};

QTEST_GUILESS_MAIN(tst_BadInput)
#include "tst_badinput.moc"
