#include "app/logindialog.h"

#include "core/deskcontext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace spgl::desk {

LoginDialog::LoginDialog(DeskContext &context, const QString &server, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
{
    setWindowTitle(tr("登录 — 工程建设项目审批管理系统"));
    QSettings settings;
    m_server = new QLineEdit(server, this);
    m_server->setObjectName(QStringLiteral("server"));
    m_user = new QLineEdit(settings.value(QStringLiteral("login/user")).toString(), this);
    m_user->setObjectName(QStringLiteral("user"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("服务器(&S)："), m_server);
    form->addRow(tr("用户名(&U)："), m_user);
    form->addRow(tr("密码(&P)："), m_password);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00000"));
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(this);
    m_login = buttons->addButton(tr("登录"), QDialogButtonBox::AcceptRole);
    m_login->setObjectName(QStringLiteral("login"));
    m_login->setDefault(true);
    m_offline = buttons->addButton(tr("离线工作(&O)"), QDialogButtonBox::ActionRole);
    m_offline->setObjectName(QStringLiteral("workOffline"));
    buttons->addButton(tr("取消"), QDialogButtonBox::RejectRole);
    const auto last = DeskContext::lastSession(context.dataDir());
    m_offline->setEnabled(last.has_value());
    if (last)
        m_offline->setToolTip(
            tr("以 %1（%2）的身份使用本机缓存，不连接服务器").arg(last->user.displayName, last->server.toString()));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>工程建设项目审批管理系统</h2><p>乌鲁木齐市 · 工作人员桌面端</p>"), this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(m_login, &QPushButton::clicked, this, &LoginDialog::login);
    connect(m_offline, &QPushButton::clicked, this, &LoginDialog::workOffline);
    connect(buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    connect(&m_context, &DeskContext::loggedIn, this, [this](bool ok, const QString &error) {
        busy(false);
        if (ok) {
            QSettings().setValue(QStringLiteral("login/user"), m_user->text());
            QSettings().setValue(QStringLiteral("login/server"), m_server->text());
            QDialog::accept();
        } else {
            m_error->setText(error);
            m_password->selectAll();
            m_password->setFocus();
        }
    });
    if (m_user->text().isEmpty())
        m_user->setFocus();
    else
        m_password->setFocus();
}

void LoginDialog::setUser(const QString &user)
{
    m_user->setText(user);
}

void LoginDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

void LoginDialog::busy(bool on)
{
    m_login->setEnabled(!on);
    m_offline->setEnabled(!on && DeskContext::lastSession(m_context.dataDir()).has_value());
    if (on)
        m_error->setText(tr("正在连接……"));
}

void LoginDialog::login()
{
    const QUrl server = QUrl::fromUserInput(m_server->text().trimmed());
    if (!server.isValid() || m_user->text().trimmed().isEmpty()) {
        m_error->setText(tr("请填写服务器地址和用户名"));
        return;
    }
    busy(true);
    m_context.login(server, m_user->text().trimmed(), m_password->text());
}

void LoginDialog::workOffline()
{
    const auto last = DeskContext::lastSession(m_context.dataDir());
    if (!last)
        return;
    busy(true);
    m_context.workOffline(*last);
}

} // namespace spgl::desk
