#include "core/deskcontext.h"

#include "core/deskcalendar.h"

#include "core/syncworker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QSaveFile>

namespace spgl::desk {

namespace {
QString lastSessionPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("last-session.json"));
}
} // namespace

DeskContext::DeskContext(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
{
    QDir().mkpath(m_dataDir);
    auto calendar = deskCalendar();
    if (calendar.ok())
        m_calendar = calendar.value();

    m_thread.setObjectName(QStringLiteral("spgl-sync"));
    m_worker = new SyncWorker(m_dataDir);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::loginFinished, this, &DeskContext::onLogin);
    connect(m_worker, &SyncWorker::syncStarted, this, [this] {
        m_syncing = true;
        Q_EMIT statusChanged();
    });
    connect(m_worker, &SyncWorker::syncProgress, this, [this](int pages, int rows, bool first) {
        Q_EMIT syncProgress(pages, rows, first);
        if (!first || rows < 2000) // the lists reload once at the end of a long first sync
            Q_EMIT dataChanged();
    });
    connect(m_worker, &SyncWorker::sessionExpired, this, &DeskContext::sessionExpired);
    connect(m_worker, &SyncWorker::reauthenticated, this, [this](bool ok, const QString &error) {
        if (ok) {
            m_offlineOnly = false;
            m_online = true;
            rememberSession(SyncWorker::userToJson(m_user));
        }
        Q_EMIT reauthenticated(ok, error);
        if (ok)
            syncNow(); // the outbox waited for this
    });
    connect(m_worker, &SyncWorker::syncFinished, this, [this](bool ok, bool online, const QString &message) {
        m_syncing = false;
        m_online = online;
        m_lastError = message;
        if (ok) {
            m_lastSync = QDateTime::currentDateTime();
            (void)m_cache.setMeta(QStringLiteral("desk_last_sync"), m_lastSync.toString(Qt::ISODate));
        }
        Q_EMIT statusChanged();
        Q_EMIT dataChanged();
        Q_EMIT syncFinished(ok);
    });
    connect(m_worker, &SyncWorker::commandFinished, this, [this](int id, bool ok, const QString &text) {
        Q_EMIT commandFinished(id, ok, text);
        if (ok) {
            Q_EMIT dataChanged();
            Q_EMIT statusChanged();
        }
    });
    connect(m_worker, &SyncWorker::fetched, this, &DeskContext::fetched);
    connect(m_worker, &SyncWorker::filesFetched, this, &DeskContext::filesFetched);
    connect(m_worker, &SyncWorker::layersSynced, this, &DeskContext::layersSynced);
    connect(m_worker, &SyncWorker::posted, this, &DeskContext::posted);
    m_thread.start();
}

DeskContext::~DeskContext()
{
    stopWorker(false);
    m_thread.quit();
    m_thread.wait();
    m_cache.close();
}

std::optional<LastSession> DeskContext::lastSession(const QString &dataDir)
{
    QFile f(lastSessionPath(dataDir));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    LastSession s;
    s.server = QUrl(o.value(QStringLiteral("server")).toString());
    s.userJson = QJsonDocument(o.value(QStringLiteral("user")).toObject()).toJson(QJsonDocument::Compact);
    s.user = SyncWorker::userFromJson(s.userJson);
    if (!s.server.isValid() || s.user.id.isEmpty())
        return std::nullopt;
    return s;
}

void DeskContext::setLayersDirectory(const QString &directory)
{
    QMetaObject::invokeMethod(m_worker, "setLayersDirectory", Qt::QueuedConnection, Q_ARG(QString, directory));
}

void DeskContext::login(const QUrl &server, const QString &username, const QString &password)
{
    m_server = server;
    m_offlineOnly = false;
    QMetaObject::invokeMethod(m_worker, "login", Qt::QueuedConnection, Q_ARG(QUrl, server), Q_ARG(QString, username),
                              Q_ARG(QString, password));
}

void DeskContext::workOffline(const LastSession &session)
{
    m_server = session.server;
    m_offlineOnly = true;
    QMetaObject::invokeMethod(m_worker, "openOffline", Qt::QueuedConnection, Q_ARG(QUrl, session.server),
                              Q_ARG(QByteArray, session.userJson));
}

void DeskContext::onLogin(bool ok, const QString &error, const QByteArray &userJson, const QString &cachePath)
{
    if (!ok) {
        Q_EMIT loggedIn(false, error);
        return;
    }
    m_user = SyncWorker::userFromJson(userJson);
    if (auto s = m_cache.open(cachePath); !s.ok()) {
        Q_EMIT loggedIn(false, QString::fromStdString(s.error().message));
        return;
    }
    m_online = !m_offlineOnly;
    if (!m_offlineOnly)
        rememberSession(userJson);
    const QString last = m_cache.meta(QStringLiteral("desk_last_sync"));
    if (!last.isEmpty())
        m_lastSync = QDateTime::fromString(last, Qt::ISODate);
    Q_EMIT loggedIn(true, {});
    Q_EMIT statusChanged();
    Q_EMIT dataChanged();
}

void DeskContext::rememberSession(const QByteArray &userJson)
{
    // Remember the session (server and who, never the password) for "work offline".
    QJsonObject o;
    o[QStringLiteral("server")] = m_server.toString();
    o[QStringLiteral("user")] = QJsonDocument::fromJson(userJson).object();
    QSaveFile f(lastSessionPath(m_dataDir));
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(o).toJson());
        f.commit();
    }
}

void DeskContext::stopWorker(bool endSession)
{
    // Not a blocking queued call: the worker may be inside a request, whose local event loop
    // would run the call in the middle of it. stop() aborts the request and closes once it has
    // unwound; wait for that here.
    m_worker->armStop();
    QMetaObject::invokeMethod(m_worker, "stop", Qt::QueuedConnection, Q_ARG(bool, endSession));
    QElapsedTimer waited;
    waited.start();
    while (!m_worker->stopped() && waited.elapsed() < 60000)
        QThread::msleep(2);
}

void DeskContext::reauthenticate(const QString &password)
{
    QMetaObject::invokeMethod(m_worker, "reauthenticate", Qt::QueuedConnection, Q_ARG(QString, password));
}

bool DeskContext::logout(bool wipe, bool discardPending, QString *error)
{
    if (!isLoggedIn()) {
        if (error)
            *error = tr("未登录");
        return false;
    }
    const int pending = pendingOps();
    if (wipe && pending > 0 && !discardPending) {
        if (error)
            *error = tr("还有 %1 个操作未同步到服务器，清除本机缓存会丢失它们").arg(pending);
        return false;
    }
    const QString cachePath = m_cache.path();
    const QString filesDir = m_cache.filesDir();
    stopWorker(true);
    m_cache.close();
    if (wipe) {
        for (const QString &suffix :
             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(cachePath + suffix);
        QDir(filesDir).removeRecursively();
        // "Work offline" needs the cache: the last session goes with it when it is this user's.
        const auto last = lastSession(m_dataDir);
        if (last && last->user.id == m_user.id && last->server == m_server)
            QFile::remove(lastSessionPath(m_dataDir));
    }
    m_user = {};
    m_online = false;
    m_syncing = false;
    m_offlineOnly = false;
    m_lastSync = {};
    m_lastError.clear();
    Q_EMIT statusChanged();
    Q_EMIT loggedOut();
    return true;
}

int DeskContext::pendingOps() const
{
    return m_cache.isOpen() ? int(m_cache.ops(QStringLiteral("pending")).size()) : 0;
}

int DeskContext::failedOps() const
{
    if (!m_cache.isOpen())
        return 0;
    return int(m_cache.ops(QStringLiteral("rejected")).size() + m_cache.ops(QStringLiteral("conflict")).size());
}

void DeskContext::syncNow()
{
    if (m_syncing || !isLoggedIn())
        return;
    m_syncing = true;
    Q_EMIT statusChanged();
    QMetaObject::invokeMethod(m_worker, "sync", Qt::QueuedConnection);
}

int DeskContext::command(CommandKind kind, const QString &target, const nlohmann::json &args)
{
    const int id = m_nextRequest++;
    const std::string_view name = toString(kind);
    QMetaObject::invokeMethod(
        m_worker, "runCommand", Qt::QueuedConnection, Q_ARG(int, id),
        Q_ARG(QString, QString::fromUtf8(name.data(), qsizetype(name.size()))), Q_ARG(QString, target),
        Q_ARG(QByteArray, QByteArray::fromStdString(args.is_null() ? std::string("{}") : args.dump())));
    return id;
}

int DeskContext::file(const nlohmann::json &filing)
{
    const int id = m_nextRequest++;
    QMetaObject::invokeMethod(m_worker, "runFiling", Qt::QueuedConnection, Q_ARG(int, id),
                              Q_ARG(QByteArray, QByteArray::fromStdString(filing.dump())));
    return id;
}

void DeskContext::fetch(const QString &path)
{
    QMetaObject::invokeMethod(m_worker, "fetch", Qt::QueuedConnection, Q_ARG(QString, path));
}

void DeskContext::post(const QString &path, const nlohmann::json &body)
{
    QMetaObject::invokeMethod(m_worker, "post", Qt::QueuedConnection, Q_ARG(QString, path),
                              Q_ARG(QByteArray, QByteArray::fromStdString(body.dump())));
}

bool DeskContext::dropOp(const QString &opId)
{
    if (!m_cache.dropOp(opId).ok())
        return false;
    Q_EMIT statusChanged();
    Q_EMIT dataChanged();
    return true;
}

} // namespace spgl::desk
