#pragma once

#include <QDialog>

class QLineEdit;
class QSpinBox;

namespace spgl::desk {

/// Settings (minimal): the default server and the sync interval, kept in QSettings.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    static int syncIntervalSeconds();
    void accept() override;

private:
    QLineEdit *m_server = nullptr;
    QSpinBox *m_interval = nullptr;
};

} // namespace spgl::desk
