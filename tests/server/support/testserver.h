#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>

namespace Poco::Net {
class StreamSocket;
}

namespace spgl::test {

/// One HTTP answer as the tests look at it.
struct HttpReply
{
    int status = 0; ///< 0 when the connection failed
    std::string body;
    std::map<std::string, std::string> headers; ///< lower-case names
    std::string error;                          ///< transport error text when status is 0

    nlohmann::json json() const;
    std::string header(const std::string &name) const;
    bool isProblem() const { return header("content-type").rfind("application/problem+json", 0) == 0; }
};

/**
 * A real spgl-server process for integration tests: a fresh data dir, a free port, and the
 * backend named by SPGL_TEST_BACKEND (sqlite, or postgresql: a fresh database in the private
 * cluster at SPGL_TEST_PG, dropped at the end).
 */
class TestServer
{
public:
    TestServer();
    ~TestServer();

    static QString backend();
    /// Starts the server with --demo and @p extraArgs; false (and lastError()) when it does not answer.
    /// A restart without @p extraArgs keeps the options of the previous start.
    bool start(const QStringList &extraArgs = {});
    /// Starts once to make the schema, fills the database with `spgl-server demo --projects=N
    /// --seed=S` (deterministic), then serves it with @p extraArgs (no deadline scan by default,
    /// so the generated clocks stay as generated).
    bool startWithDemo(int projects, int seed, const QStringList &extraArgs = {QStringLiteral("--clock-scan=0")});
    /// SIGTERM, then waits for a clean exit; returns the exit code.
    int stop();
    /// SIGKILL: no chance to finish anything.
    void kill();
    bool running() const;

    int port() const { return m_port; }
    QString dbSpec() const { return m_dbSpec; }
    QString dataDir() const { return m_dir->path() + QStringLiteral("/data"); }
    QString lastError() const { return m_error; }
    /// The server's output: its last @p lastBytes bytes, or all of it with -1.
    QString log(qsizetype lastBytes = 4000) const;

    HttpReply request(const std::string &method, const std::string &path, const std::string &body = {},
                      const std::map<std::string, std::string> &headers = {}, const std::string &token = {}) const;
    HttpReply get(const std::string &path, const std::string &token = {}) const;
    HttpReply postJson(const std::string &path, const nlohmann::json &body, const std::string &token = {}) const;
    /// PATCHes @p content to an upload at offset 0, spreading the bytes over @p milliseconds.
    HttpReply slowPatch(const std::string &path, const std::string &content, const std::string &token,
                        int milliseconds) const;
    /// Logs in; returns the access token, or "" when the login failed.
    std::string login(const std::string &username, const std::string &password = "Demo@2026") const;

    /// Runs `spgl-server <args> --db=… --data-dir=…`; returns the exit code, output in @p output.
    int runCommand(const QStringList &args, QString *output = nullptr) const;
    /// Runs SQL directly against the server's database (to tamper or count); rows as text.
    std::vector<std::vector<std::string>> sql(const std::string &statement) const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_dbSpec;
    std::string m_pgDatabase;
    QStringList m_args;
    int m_port = 0;
    QString m_error;
};

/// An HTTP/1.1 request head (request line, Host, @p headers, blank line) for raw-socket tests.
std::string requestHead(const std::string &method, const std::string &path,
                        const std::map<std::string, std::string> &headers);
/// Sends all of @p size bytes; throws when the peer stops reading.
void sendAll(Poco::Net::StreamSocket &socket, const char *data, std::size_t size);
/**
 * Sends @p head, then @p body in pieces (chunked transfer encoding when @p chunked), stopping
 * as soon as the server answers, as a browser observes a server that refuses early; then reads
 * the answer. @p sentBody receives how many body bytes went out.
 */
HttpReply sendUntilAnswered(int port, const std::string &head, const std::string &body, bool chunked = false,
                            std::size_t *sentBody = nullptr);

/// The path of a file in the kit beside the checkout (docs, test data).
QString kitPath(const QString &relative);

} // namespace spgl::test
