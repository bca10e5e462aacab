#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace spgl::desk {

/// One answer of the server as the desktop looks at it.
struct ApiReply
{
    int status = 0; ///< HTTP status; 0 when the server could not be reached
    QByteArray body;
    QString networkError; ///< why the request did not get an answer (status 0)
    QByteArray etag;      ///< the ETag header, as sent

    bool ok() const { return status >= 200 && status < 300; }
    bool offline() const { return status == 0; }
    /// The body as JSON (null when it is not JSON).
    nlohmann::json json() const;
    /// The problem+json detail, or the network error, for people.
    QString message() const;
};

/**
 * @brief A blocking client of the REST API for the sync thread: each call waits for its answer
 *        (with a timeout) in a local event loop, so it must not run on the GUI thread.
 *
 * Owns its QNetworkAccessManager, which lives in the thread that created the client.
 */
class ApiClient
{
public:
    explicit ApiClient(QUrl server);
    ~ApiClient();
    ApiClient(const ApiClient &) = delete;
    ApiClient &operator=(const ApiClient &) = delete;

    QUrl server() const { return m_server; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    /// Gives up on a request after @p ms milliseconds (default 30 s).
    void setTimeout(int ms) { m_timeoutMs = ms; }

    ApiReply get(const QString &path);
    /**
     * @brief Sends GET @p path now; the next get() of the same path waits for this answer instead
     *        of asking again. The sync engine asks for the next page of the change feed while it
     *        applies the current one, so the server builds one while the desktop stores the other.
     *        A get() of another path (or abort()) drops it.
     */
    void prefetch(const QString &path);
    /**
     * @brief Downloads @p path into @p file, resuming from the bytes already in @p file + ".part"
     *        (HTTP Range); the finished file is renamed into place. Returns the HTTP status (200 or
     *        206 on success, 0 when the link failed — the part file stays for the next attempt).
     */
    int download(const QString &path, const QString &file);
    ApiReply post(const QString &path, const nlohmann::json &body);
    /// Any request: @p body sent as @p contentType, with the extra @p headers (e.g. the resumable
    /// upload's Upload-Length and Upload-Offset).
    ApiReply request(const QByteArray &method, const QString &path, const QByteArray &body,
                     const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers = {});

    /// Aborts the request in flight and makes the following ones fail at once (no answer) until
    /// resume(): the worker stops promptly when the desktop logs out or closes. Call it in the
    /// client's thread (it may be called from inside a request's wait).
    void abort();
    void resume() { m_aborted = false; }

private:
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body,
                        const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers);
    /// The GET sent ahead for @p path, taken over; nothing when there is none (one sent ahead for
    /// another path is dropped).
    QNetworkReply *takePrefetched(const QString &path);

    QUrl m_server;
    QString m_token;
    int m_timeoutMs = 30000;
    QNetworkReply *m_current = nullptr;    ///< the request being waited for
    QNetworkReply *m_prefetched = nullptr; ///< a GET sent ahead (see prefetch())
    QString m_prefetchedPath;
    bool m_aborted = false;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace spgl::desk
