#include "core/blueprintlayersync.h"

#include "core/apiclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>

using nlohmann::json;

namespace spgl::desk {

namespace {

QString str(const json &o, const char *key)
{
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

/// A layer id is used as a file name: letters, digits, '_' and '-' only.
bool safeId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,100}$"));
    return re.match(id).hasMatch();
}

} // namespace

BlueprintLayerSync::BlueprintLayerSync(ApiClient &api, const QString &directory)
    : m_api(api)
    , m_directory(directory)
{}

QString BlueprintLayerSync::fileFor(const QString &id, const QString &format) const
{
    return QDir(m_directory)
        .filePath(id + (format == QLatin1String("gtiff") ? QStringLiteral(".tif") : QStringLiteral(".gpkg")));
}

QString BlueprintLayerSync::recordedSha256(const QString &path)
{
    QFile sidecar(path + QStringLiteral(".style.json"));
    if (!QFile::exists(path) || !sidecar.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(sidecar.readAll()).object().value(QLatin1String("sha256")).toString();
}

Result<BlueprintLayerSync::Summary> BlueprintLayerSync::sync()
{
    Summary summary;
    const ApiReply catalog = m_api.get(QStringLiteral("/api/v1/blueprint/layers"));
    if (catalog.status == 404) {
        summary.available = false; // a server without the blueprint catalog
        return summary;
    }
    if (catalog.offline())
        return Error{"sync.offline", "无法连接服务器：" + catalog.networkError.toStdString(), {}};
    if (!catalog.ok())
        return Error{"blueprint.layers", "读取蓝图图层目录失败：" + catalog.message().toStdString(), {}};
    const json body = catalog.json();
    const json items = body.is_object() && body.contains("items") ? body["items"] : body;
    if (!items.is_array())
        return Error{"blueprint.layers", "蓝图图层目录的格式无法识别", {}};
    if (!QDir().mkpath(m_directory))
        return Error{"blueprint.layers", "无法创建图层目录 " + m_directory.toStdString(), {}};

    for (const json &layer : items) {
        const QString id = str(layer, "id");
        if (!safeId(id)) {
            summary.errors << QStringLiteral("图层标识无效：%1").arg(id);
            continue;
        }
        ++summary.layers;
        const QString file = fileFor(id, str(layer, "format"));
        // A layer whose file type changed (imagery moved from GeoTIFF into a GeoPackage): the old
        // file would show as a second layer.
        for (const QString &other : {fileFor(id, QStringLiteral("gtiff")), fileFor(id, QStringLiteral("gpkg"))})
            if (other != file && QFile::exists(other)) {
                QFile::remove(other);
                QFile::remove(other + QStringLiteral(".style.json"));
            }
        const QString sha = str(layer, "sha256").toLower();
        const QString name = str(layer, "name").isEmpty() ? id : str(layer, "name");
        const QString local = recordedSha256(file);
        QString error;
        int status = 304;
        if (local.isEmpty() || local != sha) {
            const QString path = str(layer, "download").isEmpty()
                                     ? QStringLiteral("/api/v1/blueprint/layers/%1.gpkg").arg(id)
                                     : str(layer, "download");
            status = download(path, file, local, &error);
        }
        if (status == 0 || !error.isEmpty()) {
            summary.errors << QStringLiteral("%1：%2").arg(name, error);
            continue;
        }
        // The sidecar: name, kind and style for MapLayerStore, the version and digest for the next sync.
        QFile sidecar(file + QStringLiteral(".style.json"));
        QJsonObject o{{QStringLiteral("name"), name},
                      {QStringLiteral("kind"), str(layer, "kind")},
                      {QStringLiteral("version"), qint64(layer.value("version", 0))},
                      {QStringLiteral("sha256"), status == 304 && !local.isEmpty() ? local : sha},
                      {QStringLiteral("synthetic"), layer.value("synthetic", false)}};
        if (layer.contains("style") && layer["style"].is_object())
            o.insert(QStringLiteral("style"),
                     QJsonDocument::fromJson(QByteArray::fromStdString(layer["style"].dump())).object());
        QSaveFile out(sidecar.fileName());
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(o).toJson()) < 0 || !out.commit()) {
            summary.errors << QStringLiteral("%1：无法写入 %2").arg(name, sidecar.fileName());
            continue;
        }
        if (status == 304)
            ++summary.unchanged;
        else
            ++summary.downloaded;
    }
    return summary;
}

int BlueprintLayerSync::download(const QString &path, const QString &file, const QString &localSha256, QString *error)
{
    QNetworkAccessManager network;
    QUrl url = m_api.server();
    const int query = path.indexOf(QLatin1Char('?'));
    url.setPath(url.path() + (query < 0 ? path : path.left(query)));
    QNetworkRequest request(url);
    request.setTransferTimeout(120000);
    if (!m_api.token().isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_api.token().toUtf8());
    if (!localSha256.isEmpty())
        request.setRawHeader("If-None-Match", '"' + localSha256.toLatin1() + '"');
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("无法写入 %1：%2").arg(file, out.errorString());
        return 0;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        const QByteArray chunk = reply->readAll();
        hash.addData(chunk);
        out.write(chunk);
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray rest = reply->readAll();
    hash.addData(rest);
    out.write(rest);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString etag
        = QString::fromLatin1(reply->rawHeader("ETag")).remove(QLatin1Char('"')).remove(QStringLiteral("W/")).toLower();
    const QString networkError = reply->errorString();
    reply->deleteLater();
    if (status == 304) {
        out.cancelWriting();
        return 304;
    }
    if (status == 0) {
        out.cancelWriting();
        *error = QStringLiteral("下载失败：%1").arg(networkError);
        return 0;
    }
    if (status != 200) {
        out.cancelWriting();
        *error = QStringLiteral("下载失败（HTTP %1）").arg(status);
        return status;
    }
    const QString got = QString::fromLatin1(hash.result().toHex());
    if (etag.isEmpty() || got != etag) {
        out.cancelWriting(); // the old file (if any) stays
        *error = QStringLiteral("下载的文件校验失败（sha256 %1，服务器 %2）").arg(got, etag);
        return status;
    }
    if (!out.commit()) {
        *error = QStringLiteral("无法写入 %1：%2").arg(file, out.errorString());
        return 0;
    }
    return 200;
}

} // namespace spgl::desk
