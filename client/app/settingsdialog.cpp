#include "app/settingsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>

namespace spgl::desk {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("设置"));
    QSettings s;
    m_server = new QLineEdit(s.value(QStringLiteral("login/server")).toString(), this);
    m_interval = new QSpinBox(this);
    m_interval->setRange(15, 3600);
    m_interval->setSuffix(tr(" 秒"));
    m_interval->setValue(syncIntervalSeconds());
    auto *form = new QFormLayout(this);
    form->addRow(tr("默认服务器(&S)："), m_server);
    form->addRow(tr("自动同步间隔(&I)："), m_interval);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

int SettingsDialog::syncIntervalSeconds()
{
    return QSettings().value(QStringLiteral("sync/interval"), 60).toInt();
}

void SettingsDialog::accept()
{
    QSettings s;
    s.setValue(QStringLiteral("login/server"), m_server->text().trimmed());
    s.setValue(QStringLiteral("sync/interval"), m_interval->value());
    QDialog::accept();
}

} // namespace spgl::desk
