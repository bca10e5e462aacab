#pragma once

#include "calendar/workcalendar.h"
#include "core/localcache.h"
#include "core/session.h"
#include "workflow/command.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <optional>

namespace spgl::desk {

class SyncWorker;

/// The last session a desktop logged in with, for "work offline".
struct LastSession
{
    QUrl server;
    UserInfo user;
    QByteArray userJson;
};

/**
 * @brief What every workspace works with: the logged-in user, the GUI thread's connection to the
 *        local cache, and the sync worker on its own thread (commands, sync, server reads).
 *
 * Lives in the GUI thread. All network work happens in the worker; answers come back as
 * signals. The status (online, last sync, pending and failed ops) is kept here for the status bar.
 */
class DeskContext : public QObject
{
    Q_OBJECT

public:
    explicit DeskContext(const QString &dataDir, QObject *parent = nullptr);
    ~DeskContext() override;

    QString dataDir() const { return m_dataDir; }
    /// The last session stored in the data directory, if any.
    static std::optional<LastSession> lastSession(const QString &dataDir);

    /// Logs in (asynchronously): loggedIn answers.
    void login(const QUrl &server, const QString &username, const QString &password);
    /// Opens the last session's cache without network: loggedIn answers.
    void workOffline(const LastSession &session);
    bool isLoggedIn() const { return m_cache.isOpen(); }
    bool offlineOnly() const { return m_offlineOnly; }

    const UserInfo &user() const { return m_user; }
    QUrl server() const { return m_server; }
    LocalCache &cache() { return m_cache; }
    /// Where the files of the user's materials and documents are downloaded (named by SHA-256).
    QString filesDir() const { return m_cache.filesDir(); }
    const WorkCalendar &calendar() const { return m_calendar; }

    bool online() const { return m_online; }
    bool syncing() const { return m_syncing; }
    QDateTime lastSync() const { return m_lastSync; }
    QString lastSyncError() const { return m_lastError; }
    int pendingOps() const;
    int failedOps() const;

    /// push then pull on the worker; syncFinished answers (ignored while one is running).
    void syncNow();
    /// Keeps the blueprint layers for offline use in @p directory (downloaded after each sync;
    /// layersSynced tells when files changed).
    void setLayersDirectory(const QString &directory);
    /// A staff command through the sync engine (decided locally at once, queued); returns the
    /// request id that commandFinished carries.
    int command(CommandKind kind, const QString &target, const nlohmann::json &args = {});
    /// 窗口代办: files an application on behalf of an applicant (SyncEngine::file, online or
    /// offline); returns the request id that commandFinished carries (with the local application id).
    int file(const nlohmann::json &filing);
    /// GET @p path on the server from the worker; fetched answers (empty body when offline).
    void fetch(const QString &path);
    /// Drops an answered (rejected or conflicting) op the user has seen.
    bool dropOp(const QString &opId);
    /// POST @p body to @p path on the server from the worker (online only); posted answers.
    void post(const QString &path, const nlohmann::json &body);

    /// Gives the password again after the session expired (sessionExpired), or to go online from
    /// "work offline": reauthenticated answers; on success the outbox is sent at once (syncNow).
    void reauthenticate(const QString &password);
    /// Logs out: the session ends on the server (when reachable) and the cache closes. With
    /// @p wipe the cache file, its downloaded files and the "work offline" session are deleted;
    /// that is refused while the outbox holds unsent commands unless @p discardPending (the user
    /// confirmed losing them). Returns false with @p error when refused.
    bool logout(bool wipe, bool discardPending = false, QString *error = nullptr);

Q_SIGNALS:
    void loggedIn(bool ok, const QString &error);
    /// Sync state changed (online, syncing, last sync, counts).
    void statusChanged();
    void syncFinished(bool ok);
    /// The cache changed (a pull, a local command, a dropped op): lists reload.
    void dataChanged();
    void commandFinished(int requestId, bool ok, const QString &opIdOrError);
    void fetched(const QString &path, const QByteArray &body);
    /// The answer to post(): HTTP status (0 offline), body, and the problem's detail on failure.
    void posted(const QString &path, int status, const QByteArray &body, const QString &message);
    /// A page of the change feed was applied (pages and rows so far; @p first on a fresh cache).
    void syncProgress(int pages, int rows, bool first);
    /// The server refused to refresh the session: ask the user for the password (reauthenticate);
    /// nothing local is lost meanwhile.
    void sessionExpired();
    void reauthenticated(bool ok, const QString &error);
    void loggedOut();
    /// The background file download after a sync ended (@p error empty when complete).
    void filesFetched(int complete, const QString &error);
    void layersSynced(int changed, const QStringList &errors);

private:
    void onLogin(bool ok, const QString &error, const QByteArray &userJson, const QString &cachePath);
    void rememberSession(const QByteArray &userJson);
    /// Stops the worker (aborting what is in flight) and waits until it has closed everything.
    void stopWorker(bool endSession);

    QString m_dataDir;
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    LocalCache m_cache;
    WorkCalendar m_calendar;
    UserInfo m_user;
    QUrl m_server;
    bool m_offlineOnly = false;
    bool m_online = false;
    bool m_syncing = false;
    QDateTime m_lastSync;
    QString m_lastError;
    int m_nextRequest = 1;
};

} // namespace spgl::desk
