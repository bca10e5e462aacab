// Resumable uploads and downloads (API.md: /api/v1/uploads, /api/v1/files): resuming after a cut
// connection, content checks, limits, ranges and ETags, and who may see what; on both backends.
#include "testserver.h"

#include <QCryptographicHash>
#include <QtTest>

#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>

using nlohmann::json;
using spgl::test::HttpReply;
using spgl::test::requestHead;
using spgl::test::sendAll;
using spgl::test::TestServer;

namespace {
constexpr std::int64_t kMiB = 1024 * 1024;

/// "%PDF-1.7\n" followed by deterministic pseudo-random bytes, @p size bytes in all.
std::string pdfLike(std::size_t size, std::uint32_t seed = 0x9E3779B9u)
{
    std::string s = "%PDF-1.7\n";
    s.reserve(size);
    std::uint32_t x = seed;
    while (s.size() < size) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        s.push_back(char(x & 0xff));
    }
    s.resize(size);
    return s;
}

std::string withFiller(std::string prefix, std::size_t size)
{
    std::uint32_t x = 2463534242u;
    while (prefix.size() < size) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        prefix.push_back(char(x & 0xff));
    }
    return prefix;
}

std::string sha256Hex(const std::string &data)
{
    return QCryptographicHash::hash(QByteArrayView(data.data(), qsizetype(data.size())), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

std::string bytes(std::initializer_list<int> list)
{
    std::string s;
    for (int b : list)
        s.push_back(char(b));
    return s;
}

QString describe(const HttpReply &r)
{
    const std::string type = r.header("Content-Type");
    const bool text = type.find("json") != std::string::npos || type.rfind("text/", 0) == 0;
    const QString body = text ? QString::fromUtf8(r.body.substr(0, 400).c_str())
                              : QStringLiteral("<%1 bytes of %2>").arg(r.body.size()).arg(QString::fromStdString(type));
    return QStringLiteral("status %1: %2%3")
        .arg(r.status)
        .arg(body)
        .arg(r.error.empty() ? QString()
                             : QStringLiteral(" (") + QString::fromStdString(r.error) + QStringLiteral(")"));
}

#define QCOMPARE_STATUS(reply, expected)                                                                               \
    do {                                                                                                               \
        const auto &r_ = (reply);                                                                                      \
        QVERIFY2(r_.status == (expected),                                                                              \
                 qPrintable(QStringLiteral("expected %1, got ").arg(expected) + describe(r_)));                        \
    } while (false)

/// A raw HTTP request head for @p method @p path with @p headers.
} // namespace

class tst_Uploads : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        m_applicant = m_server.login("applicant");
        QVERIFY(!m_applicant.empty());
        m_clerk = m_server.login("clerk");
        QVERIFY(!m_clerk.empty());
        const auto reg = m_server.postJson("/api/v1/auth/register", {{"kind", "person"},
                                                                     {"username", "second_applicant"},
                                                                     {"password", "Xinjiang#2026"},
                                                                     {"display_name", "阿依古丽"},
                                                                     {"id_number", "650102199003071235"}});
        QCOMPARE_STATUS(reg, 201);
        m_other = m_server.login("second_applicant", "Xinjiang#2026");
        QVERIFY(!m_other.empty());
        m_content = pdfLike(std::size_t(3 * kMiB));
        m_sha = sha256Hex(m_content);
    }

    void resumeAfterACutConnection()
    {
        const std::int64_t total = std::int64_t(m_content.size());
        const auto created = create(m_applicant, "总平面图.pdf", total);
        QCOMPARE_STATUS(created, 201);
        const json state = created.json();
        m_uploadId = state["id"].get<std::string>();
        QVERIFY(!m_uploadId.empty());
        QCOMPARE(state["status"], "open");
        QCOMPARE(state["offset"], 0);
        QCOMPARE(state["length"], total);
        QCOMPARE(state["filename"], "总平面图.pdf");
        QCOMPARE(created.header("Upload-Offset"), std::string("0"));
        QCOMPARE(created.header("Location"), "/api/v1/uploads/" + m_uploadId);

        // Send the head announcing everything, then half of the bytes, then cut the connection.
        const std::int64_t half = total / 2;
        {
            Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", Poco::UInt16(m_server.port())));
            socket.setSendTimeout(Poco::Timespan(60, 0));
            const std::string head = requestHead("PATCH", "/api/v1/uploads/" + m_uploadId,
                                                 {{"Authorization", "Bearer " + m_applicant},
                                                  {"Upload-Offset", "0"},
                                                  {"Content-Type", "application/offset+octet-stream"},
                                                  {"Content-Length", std::to_string(total)}});
            sendAll(socket, head.data(), head.size());
            sendAll(socket, m_content.data(), std::size_t(half));
            socket.close();
        }
        // Bounded wait until the server has finished with the cut request: it writes the audit
        // row of the PATCH once the handler is done with it.
        const std::string auditCount
            = "SELECT COUNT(*) FROM audit_log WHERE action = 'PATCH /api/v1/uploads/{id}' AND target = 'upload:"
              + m_uploadId + "'";
        QTRY_VERIFY_WITH_TIMEOUT(m_server.sql(auditCount).at(0).at(0) == "1", 30000);

        auto head = m_server.request("HEAD", "/api/v1/uploads/" + m_uploadId, {}, {}, m_applicant);
        QCOMPARE_STATUS(head, 200);
        QVERIFY(head.body.empty());
        const std::int64_t arrived = std::stoll(head.header("Upload-Offset"));
        QVERIFY2(arrived > 0 && arrived <= half,
                 qPrintable(QStringLiteral("Upload-Offset %1 of %2 sent").arg(arrived).arg(half)));
        QCOMPARE(head.header("Upload-Length"), std::to_string(total));
        QCOMPARE(head.header("Cache-Control"), std::string("no-store"));

        // A PATCH at the wrong offset is refused with the server's offset.
        for (const std::int64_t wrong : {std::int64_t(0), arrived - 1, arrived + 1}) {
            const std::string piece = m_content.substr(std::size_t(wrong), 1000);
            const auto conflict = patch(m_applicant, m_uploadId, wrong, piece);
            QCOMPARE_STATUS(conflict, 409);
            QVERIFY(conflict.isProblem());
            QCOMPARE(conflict.header("Upload-Offset"), std::to_string(arrived));
        }
        // …and changed nothing.
        head = m_server.request("HEAD", "/api/v1/uploads/" + m_uploadId, {}, {}, m_applicant);
        QCOMPARE(head.header("Upload-Offset"), std::to_string(arrived));

        // The rest from where the server stands completes the file.
        const auto done = patch(m_applicant, m_uploadId, arrived, m_content.substr(std::size_t(arrived)));
        QCOMPARE_STATUS(done, 200);
        const json finished = done.json();
        QCOMPARE(finished["status"], "complete");
        QCOMPARE(finished["offset"], total);
        QCOMPARE(QString::fromStdString(finished["file"]["sha256"]), QString::fromStdString(m_sha));
        QCOMPARE(finished["file"]["size"], total);
        QCOMPARE(finished["file"]["media_type"], "application/pdf");
        QCOMPARE(finished["file"]["url"], "/api/v1/files/" + m_sha);
        QCOMPARE(done.header("Upload-Offset"), std::to_string(total));

        head = m_server.request("HEAD", "/api/v1/uploads/" + m_uploadId, {}, {}, m_applicant);
        QCOMPARE_STATUS(head, 200);
        QCOMPARE(head.header("Upload-Offset"), std::to_string(total));
        const auto status = m_server.get("/api/v1/uploads/" + m_uploadId, m_applicant);
        QCOMPARE_STATUS(status, 200);
        QCOMPARE(status.json()["status"], "complete");
        QCOMPARE(status.json()["file"]["sha256"], m_sha);
    }

    void uploadInSeveralChunks()
    {
        const std::string content = pdfLike(std::size_t(kMiB) + 12345, 77);
        const auto created = create(m_applicant, "分段.pdf", std::int64_t(content.size()));
        QCOMPARE_STATUS(created, 201);
        const std::string id = created.json()["id"];
        std::int64_t offset = 0;
        for (const std::size_t size : {std::size_t(100), std::size_t(600), std::size_t(300000), std::size_t(1)}) {
            const auto r = patch(m_applicant, id, offset, content.substr(std::size_t(offset), size));
            QCOMPARE_STATUS(r, 200);
            offset += std::int64_t(size);
            QCOMPARE(r.json()["status"], "open");
            QCOMPARE(r.header("Upload-Offset"), std::to_string(offset));
        }
        // More than declared is refused.
        const auto tooMuch = patch(m_applicant, id, offset, content.substr(std::size_t(offset)) + "extra");
        QCOMPARE_STATUS(tooMuch, 413);
        const auto last = patch(m_applicant, id, offset, content.substr(std::size_t(offset)));
        QCOMPARE_STATUS(last, 200);
        QCOMPARE(last.json()["status"], "complete");
        QCOMPARE(last.json()["file"]["sha256"], sha256Hex(content));
    }

    void download()
    {
        QVERIFY(!m_uploadId.empty());
        const std::string path = "/api/v1/files/" + m_sha;
        const std::string etag = "\"" + m_sha + "\"";
        const std::int64_t size = std::int64_t(m_content.size());

        const auto full = m_server.get(path, m_applicant);
        QCOMPARE_STATUS(full, 200);
        QCOMPARE(full.body.size(), m_content.size());
        QVERIFY(full.body == m_content);
        QCOMPARE(full.header("ETag"), etag);
        QVERIFY(full.header("Content-Type").rfind("application/pdf", 0) == 0);
        QCOMPARE(full.header("Content-Length"), std::to_string(size));
        QCOMPARE(full.header("Accept-Ranges"), std::string("bytes"));

        auto part = m_server.request("GET", path, {}, {{"Range", "bytes=100-199"}}, m_applicant);
        QCOMPARE_STATUS(part, 206);
        QCOMPARE(part.header("Content-Range"), "bytes 100-199/" + std::to_string(size));
        QCOMPARE(part.body.size(), std::size_t(100));
        QVERIFY(part.body == m_content.substr(100, 100));
        QCOMPARE(part.header("ETag"), etag);

        part = m_server.request("GET", path, {}, {{"Range", "bytes=-10"}}, m_applicant);
        QCOMPARE_STATUS(part, 206);
        QCOMPARE(part.body.size(), std::size_t(10));
        QVERIFY(part.body == m_content.substr(m_content.size() - 10));
        QCOMPARE(part.header("Content-Range"),
                 "bytes " + std::to_string(size - 10) + "-" + std::to_string(size - 1) + "/" + std::to_string(size));

        part
            = m_server.request("GET", path, {}, {{"Range", "bytes=" + std::to_string(size - 1000) + "-"}}, m_applicant);
        QCOMPARE_STATUS(part, 206);
        QVERIFY(part.body == m_content.substr(m_content.size() - 1000));

        // A last byte past the end is clipped to the end.
        part = m_server.request("GET", path, {},
                                {{"Range", "bytes=" + std::to_string(size - 5) + "-" + std::to_string(size + 100)}},
                                m_applicant);
        QCOMPARE_STATUS(part, 206);
        QVERIFY(part.body == m_content.substr(m_content.size() - 5));

        const auto cached = m_server.request("GET", path, {}, {{"If-None-Match", etag}}, m_applicant);
        QCOMPARE_STATUS(cached, 304);
        QVERIFY(cached.body.empty());
        const auto stale
            = m_server.request("GET", path, {}, {{"If-None-Match", "\"" + std::string(64, 'f') + "\""}}, m_applicant);
        QCOMPARE_STATUS(stale, 200);
        QCOMPARE(stale.body.size(), m_content.size());

        for (const std::string &range : {"bytes=" + std::to_string(size) + "-",
                                         "bytes=" + std::to_string(size + 100) + "-" + std::to_string(size + 200)}) {
            const auto beyond = m_server.request("GET", path, {}, {{"Range", range}}, m_applicant);
            QCOMPARE_STATUS(beyond, 416);
            QVERIFY(beyond.isProblem());
            QCOMPARE(beyond.header("Content-Range"), "bytes */" + std::to_string(size));
        }

        const auto head = m_server.request("HEAD", path, {}, {}, m_applicant);
        QCOMPARE_STATUS(head, 200);
        QCOMPARE(head.header("Content-Length"), std::to_string(size));
        QCOMPARE(head.header("ETag"), etag);
    }

    void rangeAndConditionalEdgeCases_data()
    {
        // RFC 9110 §13–14 semantics of the download.
        QTest::addColumn<QString>("range");
        QTest::addColumn<QString>("ifRange");
        QTest::addColumn<QString>("ifNoneMatch");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("first"); ///< first byte of the expected body (200/206)
        QTest::addColumn<int>("count"); ///< its length; -1 = to the end
        const QString etag
            = QStringLiteral("\"%1\"").arg(QString::fromStdString(sha256Hex(pdfLike(std::size_t(3 * kMiB)))));
        QTest::newRow("first byte only") << u"bytes=0-0"_qs << QString() << QString() << 206 << 0 << 1;
        QTest::newRow("suffix of zero bytes") << u"bytes=-0"_qs << QString() << QString() << 416 << 0 << 0;
        QTest::newRow("suffix longer than the file")
            << u"bytes=-99999999"_qs << QString() << QString() << 206 << 0 << -1;
        QTest::newRow("unknown range unit is ignored") << u"items=0-5"_qs << QString() << QString() << 200 << 0 << -1;
        QTest::newRow("If-Range with another ETag")
            << u"bytes=0-9"_qs << u"\"other\""_qs << QString() << 200 << 0 << -1;
        QTest::newRow("If-Range with the ETag") << u"bytes=10-19"_qs << etag << QString() << 206 << 10 << 10;
        QTest::newRow("If-None-Match list containing the ETag")
            << QString() << QString() << QString(u"\"aaaa\", "_qs + etag) << 304 << 0 << 0;
        QTest::newRow("If-None-Match star") << QString() << QString() << u"*"_qs << 304 << 0 << 0;
        QTest::newRow("If-None-Match weak ETag") << QString() << QString() << QString(u"W/"_qs + etag) << 304 << 0 << 0;
    }

    void rangeAndConditionalEdgeCases()
    {
        QFETCH(QString, range);
        QFETCH(QString, ifRange);
        QFETCH(QString, ifNoneMatch);
        QFETCH(int, status);
        QFETCH(int, first);
        QFETCH(int, count);
        QVERIFY(!m_uploadId.empty());
        std::map<std::string, std::string> headers;
        if (!range.isEmpty())
            headers["Range"] = range.toStdString();
        if (!ifRange.isEmpty())
            headers["If-Range"] = ifRange.toStdString();
        if (!ifNoneMatch.isEmpty())
            headers["If-None-Match"] = ifNoneMatch.toStdString();
        const auto reply = m_server.request("GET", "/api/v1/files/" + m_sha, {}, headers, m_applicant);
        QCOMPARE_STATUS(reply, status);
        if (status == 200 || status == 206) {
            const std::string expected
                = m_content.substr(std::size_t(first), count < 0 ? std::string::npos : std::size_t(count));
            QCOMPARE(reply.body.size(), expected.size());
            QVERIFY(reply.body == expected);
        } else if (status == 304) {
            QVERIFY(reply.body.empty());
        } else {
            QVERIFY(reply.isProblem());
        }
    }

    void tooLargeIsRefusedNamingTheLimit()
    {
        const auto reply = create(m_applicant, "航拍.pdf", 300 * kMiB);
        QCOMPARE_STATUS(reply, 413);
        QVERIFY(reply.isProblem());
        QVERIFY2(QString::fromStdString(reply.json()["detail"]).contains(QStringLiteral("200 MB")), reply.body.c_str());
        // Just at the limit is allowed to start.
        QCOMPARE_STATUS(create(m_applicant, "航拍.pdf", 200 * kMiB), 201);
    }

    void disguisedExecutableIsRefusedAtTheFirstPatch()
    {
        const std::string exe
            = withFiller(bytes({'M', 'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00}), 64 * 1024);
        const auto created = create(m_applicant, "说明.pdf", std::int64_t(exe.size()));
        QCOMPARE_STATUS(created, 201);
        const std::string id = created.json()["id"];
        const auto refused = patch(m_applicant, id, 0, exe);
        QCOMPARE_STATUS(refused, 415);
        QVERIFY(refused.isProblem());
        QVERIFY(QString::fromStdString(refused.json()["detail"]).contains(QStringLiteral("说明.pdf")));

        // The upload is unusable afterwards, even with acceptable bytes.
        const std::string pdf = pdfLike(exe.size());
        const auto again = patch(m_applicant, id, 0, pdf);
        QVERIFY2(again.status >= 400 && again.status < 500, qPrintable(describe(again)));
        QVERIFY(again.isProblem());
        const auto status = m_server.get("/api/v1/uploads/" + id, m_applicant);
        if (status.status == 200) {
            QCOMPARE(status.json()["status"], "rejected");
            QVERIFY(!status.json().contains("file"));
        } else {
            QCOMPARE_STATUS(status, 404);
        }
    }

    void disguisedExecutableIsRefusedBeforeTheRestIsSent()
    {
        // 16 MiB announced: the server judges the first bytes and answers without reading on.
        const std::string exe = withFiller(bytes({'M', 'Z', 0x90, 0x00}), std::size_t(16 * kMiB));
        const auto created = create(m_applicant, "总图.pdf", std::int64_t(exe.size()));
        QCOMPARE_STATUS(created, 201);
        const std::string id = created.json()["id"];
        std::size_t sent = 0;
        const auto reply
            = spgl::test::sendUntilAnswered(m_server.port(),
                                            requestHead("PATCH", "/api/v1/uploads/" + id,
                                                        {{"Authorization", "Bearer " + m_applicant},
                                                         {"Upload-Offset", "0"},
                                                         {"Content-Type", "application/offset+octet-stream"},
                                                         {"Content-Length", std::to_string(exe.size())}}),
                                            exe, false, &sent);
        QCOMPARE_STATUS(reply, 415);
        QVERIFY(reply.isProblem());
        QVERIFY2(sent < exe.size(), "the whole body was sent before the refusal arrived");
    }

    void disguisedExecutableIsRefusedOnceEnoughBytesArrived()
    {
        // A first chunk too short to judge is taken; the chunk that brings enough bytes to judge
        // the content must be refused: the rest of a large disguised file is never accepted.
        const std::string exe = withFiller(bytes({'M', 'Z', 0x90, 0x00, 0x03, 0x00}), std::size_t(2 * kMiB));
        const auto created = create(m_applicant, "施工图.pdf", std::int64_t(exe.size()));
        QCOMPARE_STATUS(created, 201);
        const std::string id = created.json()["id"];
        const auto first = patch(m_applicant, id, 0, exe.substr(0, 100));
        QVERIFY2(first.status == 200 || first.status == 415, qPrintable(describe(first)));
        if (first.status == 415)
            return; // refused even earlier: fine
        const auto second = patch(m_applicant, id, 100, exe.substr(100, std::size_t(kMiB)));
        QCOMPARE_STATUS(second, 415);
        QVERIFY(second.isProblem());
        const auto rest = patch(m_applicant, id, 100 + kMiB, exe.substr(std::size_t(100 + kMiB)));
        QVERIFY2(rest.status >= 400 && rest.status < 500, qPrintable(describe(rest)));
    }

    void concurrentPatchIsRefused()
    {
        // While one connection is appending, a second PATCH to the same upload must not interleave.
        const std::string content = pdfLike(300000, 11);
        const auto created = create(m_applicant, "并发.pdf", std::int64_t(content.size()));
        QCOMPARE_STATUS(created, 201);
        const std::string id = created.json()["id"];

        Poco::Net::StreamSocket a(Poco::Net::SocketAddress("127.0.0.1", Poco::UInt16(m_server.port())));
        a.setReceiveTimeout(Poco::Timespan(60, 0));
        a.setSendTimeout(Poco::Timespan(60, 0));
        const std::string head = requestHead("PATCH", "/api/v1/uploads/" + id,
                                             {{"Authorization", "Bearer " + m_applicant},
                                              {"Upload-Offset", "0"},
                                              {"Content-Type", "application/offset+octet-stream"},
                                              {"Content-Length", std::to_string(content.size())}});
        sendAll(a, head.data(), head.size());
        sendAll(a, content.data(), 100000);
        // Bounded wait until the server has stored part of it (it is now inside connection A's append).
        std::int64_t stored = 0;
        const auto storedNow = [&] {
            const std::string value
                = m_server.request("HEAD", "/api/v1/uploads/" + id, {}, {}, m_applicant).header("Upload-Offset");
            return value.empty() ? std::int64_t(-1) : std::int64_t(std::stoll(value));
        };
        QTRY_VERIFY_WITH_TIMEOUT((stored = storedNow()) > 0, 30000);
        QVERIFY(stored <= 100000);

        const auto b = patch(m_applicant, id, stored, content.substr(std::size_t(stored)));
        QCOMPARE_STATUS(b, 409);
        QVERIFY(b.isProblem());

        // A finishes undisturbed, with the right content.
        sendAll(a, content.data() + 100000, content.size() - 100000);
        Poco::Net::SocketStream stream(a);
        Poco::Net::HTTPResponse res;
        res.read(stream);
        QCOMPARE(int(res.getStatus()), 200);
        std::string body(std::size_t(res.getContentLength64()), '\0');
        stream.read(body.data(), std::streamsize(body.size()));
        const json state = json::parse(body, nullptr, false);
        QCOMPARE(state.value("status", std::string()), std::string("complete"));
        QCOMPARE(state["file"]["sha256"], sha256Hex(content));
    }

    void badUploadOffset_data()
    {
        QTest::addColumn<QString>("offset");
        QTest::newRow("missing") << QString();
        QTest::newRow("negative") << QStringLiteral("-1");
        QTest::newRow("text") << QStringLiteral("abc");
        QTest::newRow("overflow") << QStringLiteral("99999999999999999999999");
    }

    void badUploadOffset()
    {
        QFETCH(QString, offset);
        const std::string content = pdfLike(5000, 3);
        const auto created = create(m_applicant, "偏移.pdf", std::int64_t(content.size()));
        QCOMPARE_STATUS(created, 201);
        const std::string id = created.json()["id"];
        std::map<std::string, std::string> headers = {{"Content-Type", "application/offset+octet-stream"}};
        if (!offset.isNull())
            headers["Upload-Offset"] = offset.toStdString();
        const auto reply = m_server.request("PATCH", "/api/v1/uploads/" + id, content, headers, m_applicant);
        QCOMPARE_STATUS(reply, 400);
        QVERIFY(reply.isProblem());
        // Nothing was stored.
        QCOMPARE(m_server.request("HEAD", "/api/v1/uploads/" + id, {}, {}, m_applicant).header("Upload-Offset"),
                 std::string("0"));
    }

    void emptyFileIsRefused()
    {
        const auto reply = create(m_applicant, "空.pdf", 0);
        QCOMPARE_STATUS(reply, 422);
        QVERIFY(reply.isProblem());
        QVERIFY(reply.json()["errors"].is_array() && !reply.json()["errors"].empty());
    }

    void filenameWithAPathIsRefused_data()
    {
        QTest::addColumn<QString>("filename");
        QTest::newRow("parent dirs") << QStringLiteral("../../etc/passwd.pdf");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd.pdf");
        QTest::newRow("windows path") << QStringLiteral("C:\\Windows\\system32\\a.pdf");
        QTest::newRow("newline") << QStringLiteral("a\nb.pdf");
        QTest::newRow("empty") << QString();
        QTest::newRow("too long") << QString(QString(201, QChar(0x56FE)) + QStringLiteral(".pdf"));
    }

    void filenameWithAPathIsRefused()
    {
        QFETCH(QString, filename);
        const auto reply = create(m_applicant, filename.toStdString(), 1000);
        QCOMPARE_STATUS(reply, 422);
        QVERIFY(reply.isProblem());
        const json errors = reply.json()["errors"];
        QVERIFY(errors.is_array() && !errors.empty());
        QCOMPARE(errors[0]["field"], "filename");
    }

    void othersCannotSeeAnUpload()
    {
        QVERIFY(!m_uploadId.empty());
        // A fresh, still open upload of the first applicant.
        const std::string content = pdfLike(50000, 5);
        const auto created = create(m_applicant, "私有.pdf", std::int64_t(content.size()));
        QCOMPARE_STATUS(created, 201);
        const std::string openId = created.json()["id"];
        QCOMPARE_STATUS(patch(m_applicant, openId, 0, content.substr(0, 1000)), 200);

        for (const std::string &id : {openId, m_uploadId}) {
            QCOMPARE_STATUS(m_server.request("HEAD", "/api/v1/uploads/" + id, {}, {}, m_other), 404);
            QCOMPARE_STATUS(m_server.get("/api/v1/uploads/" + id, m_other), 404);
        }
        const auto hijack = patch(m_other, openId, 1000, content.substr(1000));
        QCOMPARE_STATUS(hijack, 404);
        QVERIFY(hijack.isProblem());
        // The owner's upload is untouched.
        const auto head = m_server.request("HEAD", "/api/v1/uploads/" + openId, {}, {}, m_applicant);
        QCOMPARE(head.header("Upload-Offset"), std::string("1000"));

        const auto download = m_server.get("/api/v1/files/" + m_sha, m_other);
        QCOMPARE_STATUS(download, 404);
        QVERIFY(download.isProblem());
        QVERIFY(download.body.find("%PDF") == std::string::npos);
        QCOMPARE_STATUS(m_server.request("GET", "/api/v1/files/" + m_sha, {}, {{"Range", "bytes=0-9"}}, m_other), 404);

        // Staff may download it.
        const auto staff = m_server.get("/api/v1/files/" + m_sha, m_clerk);
        QCOMPARE_STATUS(staff, 200);
        QVERIFY(staff.body == m_content);

        // Without a login, nothing.
        QCOMPARE_STATUS(m_server.get("/api/v1/files/" + m_sha), 401);
        QCOMPARE_STATUS(m_server.request("HEAD", "/api/v1/uploads/" + openId), 401);
    }

    void oddIdsAreNotFound()
    {
        for (const std::string &id :
             {std::string("nope"), std::string("..%2F..%2Fetc"), std::string(65, 'a'), std::string("a.b")})
            QCOMPARE_STATUS(m_server.request("HEAD", "/api/v1/uploads/" + id, {}, {}, m_applicant), 404);
        for (const std::string &sha :
             {std::string(64, '0'), std::string(63, 'a'), std::string(64, 'g'), std::string("..")})
            QCOMPARE_STATUS(m_server.get("/api/v1/files/" + sha, m_applicant), 404);
    }

    void acceptedKinds_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("filename");
        QTest::addColumn<QString>("mediaType");
        const auto row = [](const char *tag, const std::string &content, const QString &name, const char *type) {
            QTest::newRow(tag) << QByteArray(content.data(), qsizetype(content.size())) << name
                               << QString::fromLatin1(type);
        };
        // A real 1×1 PNG.
        const std::string png = bytes(
            {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
             0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00,
             0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01,
             0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82});
        row("png", png, u"现场照片.png"_qs, "image/png");

        std::string gpkg(std::string_view("SQLite format 3\0", 16));
        gpkg.resize(4096, '\0');
        gpkg.replace(68, 4, "GPKG");
        row("gpkg", gpkg, u"用地红线.gpkg"_qs, "application/geopackage+sqlite3");

        std::string shp = bytes({0x00, 0x00, 0x27, 0x0a});
        shp.resize(100, '\0');
        shp[24] = 0;
        shp[25] = 0;
        shp[26] = 0;
        shp[27] = 50; // file length in 16-bit words (big-endian)
        shp[28] = char(0xe8);
        shp[29] = 0x03; // version 1000 (little-endian)
        shp[32] = 5;    // polygon
        row("shp", shp, u"用地红线.shp"_qs, "application/x-esri-shape");

        row("docx", withFiller(bytes({'P', 'K', 0x03, 0x04, 0x14, 0x00, 0x06, 0x00}), 3000), u"设计说明.docx"_qs,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    void acceptedKinds()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, filename);
        QFETCH(QString, mediaType);
        const std::string data(content.constData(), std::size_t(content.size()));
        const auto created = create(m_applicant, filename.toStdString(), std::int64_t(data.size()));
        QCOMPARE_STATUS(created, 201);
        const auto done = patch(m_applicant, created.json()["id"], 0, data);
        QCOMPARE_STATUS(done, 200);
        const json state = done.json();
        QCOMPARE(state["status"], "complete");
        QCOMPARE(QString::fromStdString(state["file"]["media_type"]), mediaType);
        QCOMPARE(state["file"]["sha256"], sha256Hex(data));
        const auto download = m_server.get("/api/v1/files/" + sha256Hex(data), m_applicant);
        QCOMPARE_STATUS(download, 200);
        QVERIFY(download.body == data);
        QVERIFY(download.header("Content-Type").rfind(mediaType.toStdString(), 0) == 0);
    }

    void sameContentFromTwoApplicants()
    {
        // Content-addressed storage: the second copy completes too, and each owner may read it.
        const std::string data = withFiller(bytes({'P', 'K', 0x03, 0x04}), 5000);
        std::string sha;
        for (const std::string &token : {m_applicant, m_other}) {
            const auto created = create(token, "合同.zip", std::int64_t(data.size()));
            QCOMPARE_STATUS(created, 201);
            const auto done = patch(token, created.json()["id"], 0, data);
            QCOMPARE_STATUS(done, 200);
            QCOMPARE(done.json()["status"], "complete");
            sha = done.json()["file"]["sha256"].get<std::string>();
            QCOMPARE(sha, sha256Hex(data));
        }
        for (const std::string &token : {m_applicant, m_other}) {
            const auto download = m_server.get("/api/v1/files/" + sha, token);
            QCOMPARE_STATUS(download, 200);
            QVERIFY(download.body == data);
        }
    }

private:
    HttpReply create(const std::string &token, const std::string &filename, std::int64_t length) const
    {
        return m_server.request("POST", "/api/v1/uploads", json{{"filename", filename}}.dump(),
                                {{"Content-Type", "application/json"}, {"Upload-Length", std::to_string(length)}},
                                token);
    }

    HttpReply patch(const std::string &token, const std::string &id, std::int64_t offset, const std::string &data) const
    {
        return m_server.request(
            "PATCH", "/api/v1/uploads/" + id, data,
            {{"Content-Type", "application/offset+octet-stream"}, {"Upload-Offset", std::to_string(offset)}}, token);
    }

    TestServer m_server;
    std::string m_applicant, m_clerk, m_other;
    std::string m_content, m_sha, m_uploadId;
};

QTEST_GUILESS_MAIN(tst_Uploads)
#include "tst_uploads.moc"
