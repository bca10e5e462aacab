#include "core/session.h"

#include <QCoreApplication>

namespace spgl::desk {

namespace {
QString text(const nlohmann::json &j, const char *key)
{
    if (!j.contains(key) || j[key].is_null())
        return {};
    return j[key].is_string() ? QString::fromStdString(j[key].get<std::string>())
                              : QString::fromStdString(j[key].dump());
}
} // namespace

Result<UserInfo> Session::login(const QString &username, const QString &password)
{
    const ApiReply reply = m_api.post(QStringLiteral("/api/v1/auth/login"),
                                      {{"username", username.toStdString()}, {"password", password.toStdString()}});
    if (!reply.ok())
        return Error{reply.offline() ? "session.offline" : "session.login", reply.message().toStdString(), {}};
    const auto body = reply.json();
    m_api.setToken(text(body, "access_token"));
    m_refreshToken = text(body, "refresh_token");
    const auto &u = body["user"];
    m_user = {};
    m_user.id = text(u, "id");
    m_user.username = text(u, "username");
    m_user.displayName = text(u, "display_name");
    for (const auto &r : u.value("roles", nlohmann::json::array()))
        m_user.roles << QString::fromStdString(r.get<std::string>());
    m_user.regionCode = text(u, "region_code");
    m_user.departmentId = text(u, "department_id");
    if (!m_user.departmentId.isEmpty()) {
        const ApiReply departments = m_api.get(QStringLiteral("/api/v1/departments"));
        const auto list = departments.json();
        if (list.is_object())
            for (const auto &d : list.value("items", nlohmann::json::array()))
                if (text(d, "id") == m_user.departmentId)
                    m_user.departmentCode = text(d, "code");
    }
    return m_user;
}

bool Session::refresh()
{
    if (m_refreshToken.isEmpty())
        return false;
    const ApiReply reply
        = m_api.post(QStringLiteral("/api/v1/auth/refresh"), {{"refresh_token", m_refreshToken.toStdString()}});
    if (!reply.ok())
        return false;
    const auto body = reply.json();
    m_api.setToken(text(body, "access_token"));
    m_refreshToken = text(body, "refresh_token");
    return true;
}

Actor Session::actor() const
{
    Actor a;
    a.id = m_user.id.toStdString();
    a.name = m_user.displayName.toStdString();
    for (const auto &r : m_user.roles)
        a.roles.push_back(r.toStdString());
    a.department = m_user.departmentCode.toStdString();
    return a;
}

} // namespace spgl::desk
