#pragma once

#include "core/session.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

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

public Q_SLOTS:
    /// Logs in at @p server; answers with loginFinished.
    void login(const QUrl &server, const QString &username, const QString &password);
    /// Works offline as @p userJson on @p server's cache; answers with loginFinished.
    void openOffline(const QUrl &server, const QByteArray &userJson);
    /// push() then pull(); answers with syncFinished.
    void sync();
    /// Runs a command through the sync engine; answers with commandFinished.
    void runCommand(int requestId, const QString &kind, const QString &target, const QByteArray &args);
    /// GET @p path (e.g. /api/v1/applications/{id}); answers with fetched (empty body when offline).
    void fetch(const QString &path);
    /// Closes everything (before the thread stops).
    void shutdown();

Q_SIGNALS:
    void loginFinished(bool ok, const QString &error, const QByteArray &userJson, const QString &cachePath);
    void syncStarted();
    void syncProgress(int changes);
    void syncFinished(bool ok, bool online, const QString &message);
    void commandFinished(int requestId, bool ok, const QString &opIdOrError);
    void fetched(const QString &path, const QByteArray &body);

private:
    bool openCache(const QUrl &server, const UserInfo &user, QString *error);

    QString m_dataDir;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<SyncEngine> m_engine;
    bool m_offlineOnly = false;
};

} // namespace spgl::desk
