#pragma once

#include "core/apiclient.h"
#include "core/result.h"
#include "workflow/actor.h"

#include <QString>
#include <QStringList>

namespace spgl::desk {

/// Who is logged in, as the server told at login.
struct UserInfo
{
    QString id;
    QString username;
    QString displayName;
    QStringList roles;
    QString regionCode;
    QString departmentId;
    QString departmentCode; ///< resolved from the department list

    bool hasRole(const QString &role) const { return roles.contains(role); }
};

/**
 * @brief The login session with one server: tokens, silent refresh, and the user's identity as
 *        the shared engine needs it (Actor).
 */
class Session
{
public:
    explicit Session(ApiClient &api)
        : m_api(api)
    {}

    /// Logs in; on success the client carries the access token.
    Result<UserInfo> login(const QString &username, const QString &password);
    /// Gets a new access token with the refresh token; false when the session has expired (the
    /// user must give the password again; nothing local is lost).
    bool refresh();
    bool loggedIn() const { return !m_user.id.isEmpty(); }
    /// Works offline as @p user (the last cached session): no tokens, so every call to the
    /// server answers "session.expired" until the user logs in again; the outbox is kept.
    void restore(const UserInfo &user) { m_user = user; }
    const UserInfo &user() const { return m_user; }
    QString refreshToken() const { return m_refreshToken; }
    /// The engine's actor for the logged-in user.
    Actor actor() const;

private:
    ApiClient &m_api;
    UserInfo m_user;
    QString m_refreshToken;
};

} // namespace spgl::desk
