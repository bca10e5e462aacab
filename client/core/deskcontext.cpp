#include "core/deskcontext.h"

#include "core/deskcalendar.h"

#include "core/syncworker.h"

#include <QDir>
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
    connect(m_worker, &SyncWorker::syncProgress, this, [this](int changes) {
        if (changes > 0)
            Q_EMIT dataChanged();
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
    m_thread.start();
}

DeskContext::~DeskContext()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::shutdown, Qt::BlockingQueuedConnection);
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
    if (!m_offlineOnly) {
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
    const QString last = m_cache.meta(QStringLiteral("desk_last_sync"));
    if (!last.isEmpty())
        m_lastSync = QDateTime::fromString(last, Qt::ISODate);
    Q_EMIT loggedIn(true, {});
    Q_EMIT statusChanged();
    Q_EMIT dataChanged();
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

void DeskContext::fetch(const QString &path)
{
    QMetaObject::invokeMethod(m_worker, "fetch", Qt::QueuedConnection, Q_ARG(QString, path));
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
