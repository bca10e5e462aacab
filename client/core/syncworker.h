#pragma once

#include "core/session.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

#include <atomic>
#include <memory>

namespace spgl::desk {

class ApiClient;
class LocalCache;
class SyncEngine;

/**
 * @brief The desktop's network side on its worker thread: the API client, the session, a cache
 *        connection and the sync engine, all created in the worker's thread (the client's
 *        QNetworkAccessManager must live where it is used).
 *
 * The GUI talks to it only through queued slots and signals. Nothing here throws: failures come
 * back as signal arguments.
 */
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    explicit SyncWorker(const QString &dataDir, QObject *parent = nullptr);
    ~SyncWorker() override;

    /// The user as JSON (for the last-session file and the signals).
    static QByteArray userToJson(const UserInfo &user);
    static UserInfo userFromJson(const QByteArray &json);

    /// Thread-safe: prepares stop() (clears stopped()).
    void armStop() { m_stopped = false; }
    /// Thread-safe: whether the last stop() has finished (everything closed).
    bool stopped() const { return m_stopped; }

public Q_SLOTS:
    /// Logs in at @p server; answers with loginFinished.
    void login(const QUrl &server, const QString &username, const QString &password);
    /// Works offline as @p userJson on @p server's cache; answers with loginFinished.
    void openOffline(const QUrl &server, const QByteArray &userJson);
    /// push() then pull(); answers with syncFinished.
    void sync();
    /// Where the blueprint layers are kept for offline use; after each sync the changed layers of
    /// the server's catalog are downloaded there (BlueprintLayerSync). Empty: not at all.
    void setLayersDirectory(const QString &directory);
    /// Runs a command through the sync engine; answers with commandFinished.
    void runCommand(int requestId, const QString &kind, const QString &target, const QByteArray &args);
    /// Files a walk-in application through the sync engine (SyncEngine::file, @p filing as JSON);
    /// answers with commandFinished (the local application id, or why it was refused).
    void runFiling(int requestId, const QByteArray &filing);
    /// GET @p path (e.g. /api/v1/applications/{id}); answers with fetched (empty body when offline).
    void fetch(const QString &path);
    /// POST @p body (JSON) to @p path; answers with posted (status 0 when offline). For what the
    /// sync protocol does not carry.
    void post(const QString &path, const QByteArray &body);
    /// Logs in again as the same user with @p password after the session expired (or to go online
    /// from "work offline"); the cache and its outbox stay. Answers with reauthenticated.
    void reauthenticate(const QString &password);
    /// Closes everything, ending the session on the server first when @p endSession (best
    /// effort). A request in flight is aborted; when called from inside one (the API client waits
    /// in a local event loop, which delivers queued calls), the closing waits until that call has
    /// unwound. stopped() tells when it is done.
    void stop(bool endSession);
    /// Closes everything (before the thread stops).
    void shutdown();

Q_SIGNALS:
    void loginFinished(bool ok, const QString &error, const QByteArray &userJson, const QString &cachePath);
    void syncStarted();
    /// A page of the change feed was applied: pages and rows so far in this sync; @p first when
    /// the cache was empty before it (the first sync of this device).
    void syncProgress(int pages, int rows, bool first);
    /// The server refused the refresh token: the user must give the password again.
    void sessionExpired();
    void reauthenticated(bool ok, const QString &error);
    void syncFinished(bool ok, bool online, const QString &message);
    /// The background download of the cached applications' files after a sync ended: how many
    /// files are complete, and why it stopped early (empty when all went well).
    void filesFetched(int complete, const QString &error);
    /// The blueprint layers were brought up to date after a sync: @p changed files were written.
    void layersSynced(int changed, const QStringList &errors);
    void commandFinished(int requestId, bool ok, const QString &opIdOrError);
    void fetched(const QString &path, const QByteArray &body);
    void posted(const QString &path, int status, const QByteArray &body, const QString &message);

private:
    bool openCache(const QUrl &server, const UserInfo &user, QString *error);
    void finishStop(bool endSession);
    /// Counts the slots running (nested ones included); the outermost finishes a pending stop.
    class Running;

    QString m_dataDir;
    QString m_layersDir;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<SyncEngine> m_engine;
    bool m_offlineOnly = false;
    int m_depth = 0;
    bool m_stopPending = false;
    bool m_stopEndsSession = false;
    std::atomic<bool> m_stopped{false};
    int m_pages = 0;
    int m_rows = 0;
    bool m_first = false;
};

} // namespace spgl::desk
