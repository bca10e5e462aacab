#include "core/syncworker.h"

#include "core/apiclient.h"
#include "core/blueprintlayersync.h"
#include "core/localcache.h"
#include "core/syncengine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace spgl::desk {

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

class SyncWorker::Running
{
public:
    explicit Running(SyncWorker &worker)
        : m_worker(worker)
    {
        ++m_worker.m_depth;
    }
    ~Running()
    {
        if (--m_worker.m_depth == 0 && m_worker.m_stopPending) {
            m_worker.m_stopPending = false;
            m_worker.finishStop(std::exchange(m_worker.m_stopEndsSession, false));
        }
    }
    Running(const Running &) = delete;
    Running &operator=(const Running &) = delete;

private:
    SyncWorker &m_worker;
};

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
    connect(m_engine.get(), &SyncEngine::pulled, this, [this](int n, bool) {
        ++m_pages;
        m_rows += n;
        Q_EMIT syncProgress(m_pages, m_rows, m_first);
    });
    return true;
}

void SyncWorker::login(const QUrl &server, const QString &username, const QString &password)
{
    const Running running(*this);
    if (m_depth > 1) { // asked from inside another call's wait: never close what it uses
        Q_EMIT loginFinished(false, tr("正在同步，请稍后再试"), {}, {});
        return;
    }
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
    const Running running(*this);
    if (m_depth > 1) { // asked from inside another call's wait: never close what it uses
        Q_EMIT loginFinished(false, tr("正在同步，请稍后再试"), {}, {});
        return;
    }
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
    const Running running(*this);
    if (!m_engine) {
        Q_EMIT syncFinished(false, false, tr("未登录"));
        return;
    }
    if (m_offlineOnly) {
        Q_EMIT syncFinished(false, false, tr("离线工作：登录后才能同步"));
        return;
    }
    m_pages = 0;
    m_rows = 0;
    m_first = m_cache->cursor() == QLatin1String("0");
    Q_EMIT syncStarted();
    const Status s = m_engine->sync();
    if (s.ok()) {
        Q_EMIT syncFinished(true, true, {});
        // Then the files the user's cases need, for offline reading (resumable, verified).
        auto files = m_engine->fetchFiles(m_cache->filesDir());
        Q_EMIT filesFetched(files.ok() ? files.value() : -1, files.ok() ? QString() : qs(files.error().message));
        // And the blueprint's layers for the map (only what changed; a server without them is skipped).
        if (!m_layersDir.isEmpty() && !m_stopPending) {
            auto layers = BlueprintLayerSync(*m_api, m_layersDir).sync();
            if (layers.ok() && layers.value().available)
                Q_EMIT layersSynced(layers.value().downloaded, layers.value().errors);
        }
        return;
    }
    const bool offline = s.error().code == "sync.offline";
    Q_EMIT syncFinished(false, !offline, qs(s.error().message));
    if (s.error().code == "session.expired")
        Q_EMIT sessionExpired();
}

void SyncWorker::setLayersDirectory(const QString &directory)
{
    m_layersDir = directory;
}

void SyncWorker::reauthenticate(const QString &password)
{
    const Running running(*this);
    if (!m_session || !m_api || !m_cache) {
        Q_EMIT reauthenticated(false, tr("未登录"));
        return;
    }
    const UserInfo before = m_session->user();
    auto who = m_session->login(before.username, password);
    if (!who.ok()) {
        Q_EMIT reauthenticated(false, qs(who.error().message));
        return;
    }
    if (who.value().id != before.id) { // cannot happen with the same user name; never mix caches
        m_api->setToken({});
        m_session->restore(before);
        Q_EMIT reauthenticated(false, tr("登录的用户与本机缓存的用户不同"));
        return;
    }
    // The same user: the session (and the engine holding it) continues with the new tokens.
    m_offlineOnly = false;
    Q_EMIT reauthenticated(true, {});
}

void SyncWorker::stop(bool endSession)
{
    if (m_api)
        m_api->abort(); // what is in flight ends now
    if (m_depth > 0) {  // called from inside a request's wait: close once it has unwound
        m_stopPending = true;
        m_stopEndsSession = m_stopEndsSession || endSession;
        return;
    }
    finishStop(endSession);
}

void SyncWorker::finishStop(bool endSession)
{
    if (endSession && m_api && m_session && !m_offlineOnly && !m_session->refreshToken().isEmpty()) {
        m_api->resume();
        m_api->setTimeout(3000);
        (void)m_api->post(QStringLiteral("/api/v1/auth/logout"),
                          {{"refresh_token", m_session->refreshToken().toStdString()}});
    }
    shutdown();
    m_stopped = true;
}

void SyncWorker::runCommand(int requestId, const QString &kind, const QString &target, const QByteArray &args)
{
    const Running running(*this);
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

void SyncWorker::runFiling(int requestId, const QByteArray &filing)
{
    const Running running(*this);
    if (!m_engine) {
        Q_EMIT commandFinished(requestId, false, tr("未登录"));
        return;
    }
    auto filed = m_engine->file(nlohmann::json::parse(filing.toStdString(), nullptr, false));
    if (!filed.ok())
        Q_EMIT commandFinished(requestId, false, qs(filed.error().message));
    else
        Q_EMIT commandFinished(requestId, true, filed.value());
}

void SyncWorker::fetch(const QString &path)
{
    const Running running(*this);
    if (!m_api || m_offlineOnly) {
        Q_EMIT fetched(path, {});
        return;
    }
    ApiReply reply = m_api->get(path);
    if (reply.status == 401 && m_session->refresh())
        reply = m_api->get(path);
    Q_EMIT fetched(path, reply.ok() ? reply.body : QByteArray());
}

void SyncWorker::post(const QString &path, const QByteArray &body)
{
    const Running running(*this);
    if (!m_api || !m_session || m_offlineOnly) {
        Q_EMIT posted(path, 0, {}, tr("离线工作：需要连接服务器"));
        return;
    }
    const nlohmann::json json = nlohmann::json::parse(body.toStdString(), nullptr, false);
    ApiReply reply = m_api->post(path, json);
    if (reply.status == 401 && m_session->refresh())
        reply = m_api->post(path, json);
    if (reply.status == 401)
        Q_EMIT sessionExpired();
    Q_EMIT posted(path, reply.status, reply.body, reply.ok() ? QString() : reply.message());
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
