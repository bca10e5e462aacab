#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace spgl::desk {

class DeskContext;

/**
 * @brief Login: server address, user, password; or "离线工作" with the last cached session
 *        (its local cache opens without network). Accepted once the context is logged in.
 */
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(DeskContext &context, const QString &server, QWidget *parent = nullptr);

    void setUser(const QString &user);
    void setPassword(const QString &password);

public Q_SLOTS:
    void login();
    void workOffline();

private:
    void busy(bool on);

    DeskContext &m_context;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_login = nullptr;
    QPushButton *m_offline = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace spgl::desk
