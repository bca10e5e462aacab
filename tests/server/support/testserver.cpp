#include "testserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <sstream>
#include <stdexcept>

namespace spgl::test {

namespace {
std::string lower(std::string s)
{
    for (auto &c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string pgAdminUrl()
{
    const QByteArray url = qgetenv("SPGL_TEST_PG");
    return url.isEmpty() ? std::string("postgresql://postgres@127.0.0.1:55432/postgres") : url.toStdString();
}

std::string withDatabase(const std::string &url, const std::string &db)
{
    const auto slash = url.rfind('/');
    return url.substr(0, slash + 1) + db;
}

std::vector<std::vector<std::string>> pgExec(const std::string &url, const std::string &statement)
{
    PGconn *conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        const std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        throw std::runtime_error("PostgreSQL test cluster not reachable at " + url + ": " + message
                                 + " (run the tests through ctest or scripts/test.sh, which start it)");
    }
    PGresult *result = PQexec(conn, statement.c_str());
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const std::string message = PQerrorMessage(conn);
        PQclear(result);
        PQfinish(conn);
        throw std::runtime_error("SQL failed: " + message);
    }
    std::vector<std::vector<std::string>> rows;
    for (int r = 0; r < PQntuples(result); ++r) {
        std::vector<std::string> row;
        for (int c = 0; c < PQnfields(result); ++c)
            row.emplace_back(PQgetisnull(result, r, c) ? "" : PQgetvalue(result, r, c));
        rows.push_back(std::move(row));
    }
    PQclear(result);
    PQfinish(conn);
    return rows;
}
} // namespace

std::string requestHead(const std::string &method, const std::string &path,
                        const std::map<std::string, std::string> &headers)
{
    std::string head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &[k, v] : headers)
        head += k + ": " + v + "\r\n";
    return head + "\r\n";
}

void sendAll(Poco::Net::StreamSocket &socket, const char *data, std::size_t size)
{
    std::size_t sent = 0;
    while (sent < size) {
        const int n = socket.sendBytes(data + sent, int(std::min<std::size_t>(size - sent, 65536)));
        if (n <= 0)
            throw std::runtime_error("send failed");
        sent += std::size_t(n);
    }
}

HttpReply sendUntilAnswered(int port, const std::string &head, const std::string &body, bool chunked,
                            std::size_t *sentBody)
{
    HttpReply reply;
    std::size_t sent = 0;
    try {
        Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", Poco::UInt16(port)));
        socket.setReceiveTimeout(Poco::Timespan(60, 0));
        socket.setSendTimeout(Poco::Timespan(60, 0));
        sendAll(socket, head.data(), head.size());
        try {
            constexpr std::size_t piece = 64 * 1024;
            for (std::size_t at = 0; at < body.size(); at += piece) {
                if (socket.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ))
                    break;
                const std::string part = body.substr(at, piece);
                if (chunked) {
                    char size[32];
                    std::snprintf(size, sizeof size, "%zx\r\n", part.size());
                    const std::string framed = size + part + "\r\n";
                    sendAll(socket, framed.data(), framed.size());
                } else {
                    sendAll(socket, part.data(), part.size());
                }
                sent += part.size();
            }
            if (chunked && !socket.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ))
                sendAll(socket, "0\r\n\r\n", 5);
        } catch (const std::exception &) {
            // The server stopped reading: its answer is what counts.
        }
        Poco::Net::SocketStream stream(socket);
        Poco::Net::HTTPResponse res;
        res.read(stream);
        reply.status = int(res.getStatus());
        for (const auto &[k, v] : res)
            reply.headers[lower(k)] = v;
        if (res.hasContentLength()) {
            std::string data(std::size_t(res.getContentLength64()), '\0');
            stream.read(data.data(), std::streamsize(data.size()));
            data.resize(std::size_t(stream.gcount()));
            reply.body = data;
        }
    } catch (const std::exception &e) {
        reply.status = 0;
        reply.error = e.what();
    }
    if (sentBody)
        *sentBody = sent;
    return reply;
}

QString kitPath(const QString &relative)
{
    return QDir(QStringLiteral(SPGL_KIT_DIR)).filePath(relative);
}

nlohmann::json HttpReply::json() const
{
    return nlohmann::json::parse(body, nullptr, false);
}

std::string HttpReply::header(const std::string &name) const
{
    auto it = headers.find(lower(name));
    return it == headers.end() ? std::string() : it->second;
}

TestServer::TestServer()
    : m_dir(std::make_unique<QTemporaryDir>())
{}

TestServer::~TestServer()
{
    if (running())
        kill();
    if (!m_pgDatabase.empty()) {
        try {
            pgExec(pgAdminUrl(), "DROP DATABASE IF EXISTS " + m_pgDatabase + " WITH (FORCE)");
        } catch (const std::exception &) {
        }
    }
}

QString TestServer::backend()
{
    const QByteArray b = qgetenv("SPGL_TEST_BACKEND");
    return b.isEmpty() ? QStringLiteral("sqlite") : QString::fromUtf8(b);
}

bool TestServer::start(const QStringList &extraArgs)
{
    if (m_dbSpec.isEmpty()) {
        if (backend() == QStringLiteral("postgresql")) {
            static std::atomic<int> counter{0};
            m_pgDatabase
                = "spgl_t" + std::to_string(QCoreApplication::applicationPid()) + "_" + std::to_string(++counter);
            try {
                pgExec(pgAdminUrl(), "CREATE DATABASE " + m_pgDatabase);
            } catch (const std::exception &e) {
                m_error = QString::fromStdString(e.what());
                return false;
            }
            m_dbSpec = QString::fromStdString(withDatabase(pgAdminUrl(), m_pgDatabase));
        } else {
            m_dbSpec = QStringLiteral("sqlite");
        }
        m_args = extraArgs;
    } else if (!extraArgs.isEmpty()) {
        m_args = extraArgs; // a restart with other options (without any: the previous ones)
    }
    const QString portFile = m_dir->path() + QStringLiteral("/port");
    QFile::remove(portFile);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir->path() + QStringLiteral("/server.log"), QIODevice::Append);
    // A request that commits a change without its audit row in the same transaction fails (500).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SPGL_AUDIT_STRICT"), QStringLiteral("1"));
    m_process->setProcessEnvironment(env);
    QStringList args
        = {QStringLiteral("--listen=127.0.0.1:0"), QStringLiteral("--port-file=") + portFile,
           QStringLiteral("--data-dir=") + dataDir(), QStringLiteral("--db=") + m_dbSpec, QStringLiteral("--demo")};
    args += m_args;
    m_process->start(QStringLiteral(SPGL_SERVER_BIN), args);
    if (!m_process->waitForStarted(5000)) {
        m_error = QStringLiteral("spgl-server did not start: ") + m_process->errorString();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 120000) { // generous: the machine may be busy building
        QFile f(portFile);
        if (f.open(QIODevice::ReadOnly)) {
            m_port = f.readAll().trimmed().toInt();
            if (m_port > 0 && get("/api/v1/health").status == 200)
                return true;
        }
        if (m_process->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("spgl-server exited: ") + log();
            return false;
        }
        QThread::msleep(20);
    }
    m_error = QStringLiteral("spgl-server did not answer within 120 s: ") + log();
    return false;
}

bool TestServer::startWithDemo(int projects, int seed, const QStringList &extraArgs)
{
    if (!start())
        return false;
    if (stop() != 0) {
        m_error = QStringLiteral("spgl-server did not stop cleanly: ") + log();
        return false;
    }
    QString output;
    if (runCommand({QStringLiteral("demo"), QStringLiteral("--projects=%1").arg(projects),
                    QStringLiteral("--seed=%1").arg(seed)},
                   &output)
        != 0) {
        m_error = QStringLiteral("spgl-server demo failed: ") + output;
        return false;
    }
    return start(extraArgs);
}

int TestServer::stop()
{
    if (!running())
        return m_process ? m_process->exitCode() : -1;
    m_process->terminate();
    if (!m_process->waitForFinished(30000)) {
        m_process->kill();
        m_process->waitForFinished();
        return -1;
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void TestServer::kill()
{
    if (!running())
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

bool TestServer::running() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString TestServer::log(qsizetype lastBytes) const
{
    QFile f(m_dir->path() + QStringLiteral("/server.log"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = f.readAll();
    return QString::fromUtf8(lastBytes < 0 ? all : all.right(lastBytes));
}

HttpReply TestServer::request(const std::string &method, const std::string &path, const std::string &body,
                              const std::map<std::string, std::string> &headers, const std::string &token) const
{
    HttpReply reply;
    try {
        Poco::Net::HTTPClientSession session("127.0.0.1", Poco::UInt16(m_port));
        session.setTimeout(Poco::Timespan(60, 0));
        Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        for (const auto &[k, v] : headers)
            req.set(k, v);
        if (!token.empty())
            req.set("Authorization", "Bearer " + token);
        if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT")
            req.setContentLength64(body.size());
        std::ostream &out = session.sendRequest(req);
        out << body;
        Poco::Net::HTTPResponse res;
        std::istream &in = session.receiveResponse(res);
        reply.status = int(res.getStatus());
        for (const auto &[k, v] : res)
            reply.headers[lower(k)] = v;
        if (method != "HEAD")
            Poco::StreamCopier::copyToString(in, reply.body);
    } catch (const std::exception &e) {
        reply.status = 0;
        reply.error = e.what();
    }
    return reply;
}

HttpReply TestServer::get(const std::string &path, const std::string &token) const
{
    return request("GET", path, {}, {}, token);
}

HttpReply TestServer::postJson(const std::string &path, const nlohmann::json &body, const std::string &token) const
{
    return request("POST", path, body.dump(), {{"Content-Type", "application/json"}}, token);
}

HttpReply TestServer::slowPatch(const std::string &path, const std::string &content, const std::string &token,
                                int milliseconds) const
{
    HttpReply reply;
    try {
        Poco::Net::HTTPClientSession session("127.0.0.1", Poco::UInt16(m_port));
        session.setTimeout(Poco::Timespan(60, 0));
        Poco::Net::HTTPRequest req("PATCH", path, Poco::Net::HTTPMessage::HTTP_1_1);
        req.set("Authorization", "Bearer " + token);
        req.set("Upload-Offset", "0");
        req.setContentType("application/offset+octet-stream");
        req.setContentLength64(content.size());
        std::ostream &out = session.sendRequest(req);
        constexpr int pieces = 20;
        const std::size_t step = content.size() / pieces + 1;
        for (std::size_t sent = 0; sent < content.size(); sent += step) {
            out.write(content.data() + sent, std::streamsize(std::min(step, content.size() - sent)));
            out.flush();
            QThread::msleep(unsigned(milliseconds / pieces));
        }
        Poco::Net::HTTPResponse res;
        std::istream &in = session.receiveResponse(res);
        reply.status = int(res.getStatus());
        Poco::StreamCopier::copyToString(in, reply.body);
    } catch (const std::exception &e) {
        reply.error = e.what();
    }
    return reply;
}

std::string TestServer::login(const std::string &username, const std::string &password) const
{
    const auto reply = postJson("/api/v1/auth/login", {{"username", username}, {"password", password}});
    if (reply.status != 200)
        return {};
    return reply.json().value("access_token", std::string());
}

int TestServer::runCommand(const QStringList &args, QString *output) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(SPGL_SERVER_BIN),
            args + QStringList{QStringLiteral("--db=") + m_dbSpec, QStringLiteral("--data-dir=") + dataDir()});
    p.waitForFinished(120000);
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

std::vector<std::vector<std::string>> TestServer::sql(const std::string &statement) const
{
    if (!m_pgDatabase.empty())
        return pgExec(m_dbSpec.toStdString(), statement);
    sqlite3 *db = nullptr;
    const std::string path = (dataDir() + QStringLiteral("/spgl.db")).toStdString();
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK)
        throw std::runtime_error("cannot open " + path);
    sqlite3_busy_timeout(db, 10000);
    std::vector<std::vector<std::string>> rows;
    char *error = nullptr;
    const int rc = sqlite3_exec(
        db, statement.c_str(),
        [](void *out, int n, char **values, char **) {
            auto *rows = static_cast<std::vector<std::vector<std::string>> *>(out);
            std::vector<std::string> row;
            for (int i = 0; i < n; ++i)
                row.emplace_back(values[i] ? values[i] : "");
            rows->push_back(std::move(row));
            return 0;
        },
        &rows, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    if (rc != SQLITE_OK)
        throw std::runtime_error("SQL failed: " + message);
    return rows;
}

} // namespace spgl::test
