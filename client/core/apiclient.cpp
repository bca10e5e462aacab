#include "core/apiclient.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <utility>

namespace spgl::desk {

nlohmann::json ApiReply::json() const
{
    return nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
}

QString ApiReply::message() const
{
    if (status == 0)
        return QCoreApplication::translate("ApiReply", "无法连接服务器：%1").arg(networkError);
    const auto j = json();
    if (j.is_object() && j.contains("detail") && j["detail"].is_string())
        return QString::fromStdString(j["detail"].get<std::string>());
    return QCoreApplication::translate("ApiReply", "服务器返回 %1").arg(status);
}

ApiClient::ApiClient(QUrl server)
    : m_server(std::move(server))
    , m_network(std::make_unique<QNetworkAccessManager>())
{}

ApiClient::~ApiClient() = default;

void ApiClient::abort()
{
    m_aborted = true;
    if (m_current)
        m_current->abort();
    (void)takePrefetched({}); // dropped
}

void ApiClient::prefetch(const QString &path)
{
    (void)takePrefetched({}); // an earlier one is dropped
    if (m_aborted)
        return;
    m_prefetched = send("GET", path, {}, QByteArrayLiteral("application/json"), {});
    m_prefetchedPath = path;
    // QNetworkAccessManager starts a reply from this thread's event queue; start it now, not when
    // this thread next waits (which would be for this very answer).
    QCoreApplication::sendPostedEvents(m_prefetched, QEvent::MetaCall);
}

QNetworkReply *ApiClient::takePrefetched(const QString &path)
{
    QNetworkReply *ahead = std::exchange(m_prefetched, nullptr);
    if (ahead && !path.isEmpty() && m_prefetchedPath == path)
        return ahead;
    if (ahead) {
        ahead->abort();
        ahead->deleteLater();
    }
    return nullptr;
}

ApiReply ApiClient::get(const QString &path)
{
    return request("GET", path, {}, QByteArrayLiteral("application/json"));
}

int ApiClient::download(const QString &path, const QString &file)
{
    if (m_aborted)
        return 0;
    const QString partPath = file + QStringLiteral(".part");
    QFile part(partPath);
    if (!part.open(QIODevice::ReadWrite | QIODevice::Append))
        return 0;
    const qint64 have = part.size();
    QUrl url = m_server;
    url.setPath(m_server.path() + path);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (have > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(have) + '-');
    QNetworkReply *reply = m_network->get(request);
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, &part] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 || status == 206)
            part.write(reply->readAll());
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QNetworkReply *const outer = m_current; // a request waited for around this one (nested loops)
    m_current = reply;
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    m_current = outer;
    int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200 && have > 0) {
        // The server sent the whole file again: start the part over with it.
        part.resize(0);
        part.write(reply->readAll());
    } else if (status == 200 || status == 206) {
        part.write(reply->readAll());
    }
    const bool failed
        = reply->error() != QNetworkReply::NoError && reply->error() < QNetworkReply::ProxyConnectionRefusedError;
    reply->deleteLater();
    part.close();
    if (failed)
        return 0;
    if (status == 416) { // already complete
        status = 206;
    } else if (status != 200 && status != 206) {
        return status;
    }
    QFile::remove(file);
    return QFile::rename(partPath, file) ? status : 0;
}

ApiReply ApiClient::post(const QString &path, const nlohmann::json &body)
{
    return request("POST", path, QByteArray::fromStdString(body.dump()), QByteArrayLiteral("application/json"));
}

QNetworkReply *ApiClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                               const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_server;
    const int query = path.indexOf(QLatin1Char('?'));
    url.setPath(m_server.path() + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest req(url);
    req.setTransferTimeout(m_timeoutMs);
    req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &[name, value] : headers)
        req.setRawHeader(name, value);
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    return m_network->sendCustomRequest(req, method, body);
}

ApiReply ApiClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                            const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    if (m_aborted) {
        ApiReply stopped;
        stopped.networkError = QCoreApplication::translate("ApiReply", "已取消");
        return stopped;
    }
    QNetworkReply *reply = method == "GET" ? takePrefetched(path) : nullptr;
    if (!reply)
        reply = send(method, path, body, contentType, headers);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QNetworkReply *const outer = m_current; // a request waited for around this one (nested loops)
    m_current = reply;
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    m_current = outer;
    ApiReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.etag = reply->rawHeader("ETag");
    // A transport failure (connection refused, reset, closed in the middle of the answer, timeout)
    // is "no answer", even when the status line had arrived: a partial body must never be used.
    const auto error = reply->error();
    if (error != QNetworkReply::NoError && error < QNetworkReply::ProxyConnectionRefusedError) {
        out.status = 0;
        out.body.clear();
    }
    if (out.status == 0)
        out.networkError = reply->errorString();
    reply->deleteLater();
    return out;
}

} // namespace spgl::desk
