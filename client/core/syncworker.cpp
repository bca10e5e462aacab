#include "core/syncworker.h"

#include "core/apiclient.h"
#include "core/localcache.h"
#include "core/syncengine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace spgl::desk {

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

SyncWorker::SyncWorker(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
{}

SyncWorker::~SyncWorker()
{
    shutdown();
}

QByteArray SyncWorker::userToJson(const UserInfo &user)
{
    QJsonObject o;
    o[QStringLiteral("id")] = user.id;
    o[QStringLiteral("username")] = user.username;
    o[QStringLiteral("display_name")] = user.displayName;
    o[QStringLiteral("roles")] = QJsonArray::fromStringList(user.roles);
    o[QStringLiteral("region_code")] = user.regionCode;
    o[QStringLiteral("department_id")] = user.departmentId;
    o[QStringLiteral("department_code")] = user.departmentCode;
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

UserInfo SyncWorker::userFromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    UserInfo u;
    u.id = o.value(QStringLiteral("id")).toString();
    u.username = o.value(QStringLiteral("username")).toString();
    u.displayName = o.value(QStringLiteral("display_name")).toString();
    for (const auto &r : o.value(QStringLiteral("roles")).toArray())
        u.roles << r.toString();
    u.regionCode = o.value(QStringLiteral("region_code")).toString();
    u.departmentId = o.value(QStringLiteral("department_id")).toString();
    u.departmentCode = o.value(QStringLiteral("department_code")).toString();
    return u;
}

bool SyncWorker::openCache(const QUrl &server, const UserInfo &user, QString *error)
{
    QDir().mkpath(m_dataDir);
    m_cache = std::make_unique<LocalCache>();
    const QString path = LocalCache::pathFor(m_dataDir, server.toString(), user.id);
    if (auto s = m_cache->open(path); !s.ok()) {
        *error = qs(s.error().message);
        m_cache.reset();
        return false;
    }
    m_engine = std::make_unique<SyncEngine>(*m_api, *m_session, *m_cache);
    connect(m_engine.get(), &SyncEngine::pulled, this, [this](int n, bool) { Q_EMIT syncProgress(n); });
    return true;
}

void SyncWorker::login(const QUrl &server, const QString &username, const QString &password)
{
    shutdown();
    m_api = std::make_unique<ApiClient>(server);
    m_api->setTimeout(20000);
    m_session = std::make_unique<Session>(*m_api);
    auto who = m_session->login(username, password);
    if (!who.ok()) {
        Q_EMIT loginFinished(false, qs(who.error().message), {}, {});
        return;
    }
    QString error;
    if (!openCache(server, who.value(), &error)) {
        Q_EMIT loginFinished(false, error, {}, {});
        return;
    }
    m_offlineOnly = false;
    const QByteArray user = userToJson(who.value());
    Q_EMIT loginFinished(true, {}, user, m_cache->path());
}

void SyncWorker::openOffline(const QUrl &server, const QByteArray &userJson)
{
    shutdown();
    const UserInfo user = userFromJson(userJson);
    if (user.id.isEmpty()) {
        Q_EMIT loginFinished(false, tr("没有可用的离线会话"), {}, {});
        return;
    }
    m_api = std::make_unique<ApiClient>(server);
    m_session = std::make_unique<Session>(*m_api);
    m_session->restore(user);
    QString error;
    if (!openCache(server, user, &error)) {
        Q_EMIT loginFinished(false, error, {}, {});
        return;
    }
    m_offlineOnly = true;
    Q_EMIT loginFinished(true, {}, userJson, m_cache->path());
}

void SyncWorker::sync()
{
    if (!m_engine) {
        Q_EMIT syncFinished(false, false, tr("未登录"));
        return;
    }
    if (m_offlineOnly) {
        Q_EMIT syncFinished(false, false, tr("离线工作：登录后才能同步"));
        return;
    }
    Q_EMIT syncStarted();
    const Status s = m_engine->sync();
    if (s.ok()) {
        Q_EMIT syncFinished(true, true, {});
        return;
    }
    const bool offline = s.error().code == "sync.offline";
    Q_EMIT syncFinished(false, !offline, qs(s.error().message));
}

void SyncWorker::runCommand(int requestId, const QString &kind, const QString &target, const QByteArray &args)
{
    if (!m_engine) {
        Q_EMIT commandFinished(requestId, false, tr("未登录"));
        return;
    }
    const auto k = commandKindFromString(kind.toStdString());
    if (!k) {
        Q_EMIT commandFinished(requestId, false, tr("未知的操作：%1").arg(kind));
        return;
    }
    nlohmann::json a = nlohmann::json::parse(args.toStdString(), nullptr, false);
    if (a.is_discarded() || a.is_null())
        a = nlohmann::json::object();
    auto op = m_engine->command(*k, target, a);
    if (!op.ok())
        Q_EMIT commandFinished(requestId, false, qs(op.error().message));
    else
        Q_EMIT commandFinished(requestId, true, op.value());
}

void SyncWorker::fetch(const QString &path)
{
    if (!m_api || m_offlineOnly) {
        Q_EMIT fetched(path, {});
        return;
    }
    ApiReply reply = m_api->get(path);
    if (reply.status == 401 && m_session->refresh())
        reply = m_api->get(path);
    Q_EMIT fetched(path, reply.ok() ? reply.body : QByteArray());
}

void SyncWorker::shutdown()
{
    m_engine.reset();
    if (m_cache)
        m_cache->close();
    m_cache.reset();
    m_session.reset();
    m_api.reset();
}

} // namespace spgl::desk
