#include "gui/formdialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace spgl::desk {

FormDialog::FormDialog(const QString &title, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("formError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00000"));
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("确定"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("取消"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &FormDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FormDialog::reject);
    // Ctrl+Enter accepts from any field (Enter alone makes a new line in the text fields).
    buttons->button(QDialogButtonBox::Ok)->setToolTip(tr("确定（Ctrl+Enter）"));
    for (const QKeySequence &key : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, &FormDialog::accept);
    }
    setMinimumWidth(480);
}

void FormDialog::addNote(const QString &text)
{
    auto *label = new QLabel(text, this);
    label->setWordWrap(true);
    m_form->addRow(label);
}

QLineEdit *FormDialog::addLine(const QString &name, const QString &label, const QString &value, bool required)
{
    auto *edit = new QLineEdit(value, this);
    edit->setObjectName(name);
    m_form->addRow(label, edit);
    if (required)
        m_required << name;
    return edit;
}

QPlainTextEdit *FormDialog::addText(const QString &name, const QString &label, const QString &value, bool required)
{
    auto *edit = new QPlainTextEdit(value, this);
    edit->setObjectName(name);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(90);
    m_form->addRow(label, edit);
    if (required)
        m_required << name;
    return edit;
}

QComboBox *FormDialog::addChoice(const QString &name, const QString &label, const Choices &choices)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(name);
    for (const auto &[text, value] : choices)
        combo->addItem(text, value);
    m_form->addRow(label, combo);
    return combo;
}

QDateEdit *FormDialog::addDate(const QString &name, const QString &label, const QDate &value)
{
    auto *edit = new QDateEdit(value, this);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_form->addRow(label, edit);
    return edit;
}

QListWidget *FormDialog::addChecks(const QString &name, const QString &label, const Choices &choices, bool required)
{
    auto *list = new QListWidget(this);
    list->setObjectName(name);
    for (const auto &[text, value] : choices) {
        auto *item = new QListWidgetItem(text, list);
        item->setData(Qt::UserRole, value);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_form->addRow(label, list);
    if (required)
        m_required << name;
    return list;
}

QString FormDialog::value(const QString &name) const
{
    QWidget *w = findChild<QWidget *>(name);
    if (auto *e = qobject_cast<QLineEdit *>(w))
        return e->text().trimmed();
    if (auto *e = qobject_cast<QPlainTextEdit *>(w))
        return e->toPlainText().trimmed();
    if (auto *c = qobject_cast<QComboBox *>(w))
        return c->currentData().toString();
    if (auto *d = qobject_cast<QDateEdit *>(w))
        return d->date().toString(QStringLiteral("yyyy-MM-dd"));
    if (qobject_cast<QListWidget *>(w))
        return checked(name).join(QLatin1Char(','));
    return {};
}

QStringList FormDialog::checked(const QString &name) const
{
    QStringList out;
    if (auto *l = findChild<QListWidget *>(name))
        for (int i = 0; i < l->count(); ++i)
            if (l->item(i)->checkState() == Qt::Checked)
                out << l->item(i)->data(Qt::UserRole).toString();
    return out;
}

void FormDialog::accept()
{
    for (const auto &name : m_required)
        if (value(name).isEmpty()) {
            m_error->setText(tr("请填写所有必填项"));
            m_error->show();
            if (QWidget *w = findChild<QWidget *>(name))
                w->setFocus();
            return;
        }
    if (m_validator) {
        const QString problem = m_validator(*this);
        if (!problem.isEmpty()) {
            m_error->setText(problem);
            m_error->show();
            return;
        }
    }
    QDialog::accept();
}

} // namespace spgl::desk
