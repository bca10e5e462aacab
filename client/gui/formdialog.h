#pragma once

#include <QDate>
#include <QDialog>
#include <QList>
#include <QPair>
#include <QStringList>

#include <functional>

class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace spgl::desk {

/**
 * @brief A small dialog of named fields (line, text, choice, date, check list) for the staff
 *        actions: opinion, consultation, special procedure, decision, acceptance, refusal …
 *
 * Each field widget carries its name as objectName, so tests and accessibility tools find it;
 * the tab order is the order fields were added. Required fields must not be empty on OK.
 * Ctrl+Enter accepts from any field, as OK does.
 */
class FormDialog : public QDialog
{
    Q_OBJECT

public:
    using Choices = QList<QPair<QString, QString>>; ///< (text shown, value)

    explicit FormDialog(const QString &title, QWidget *parent = nullptr);

    void addNote(const QString &text);
    QLineEdit *addLine(const QString &name, const QString &label, const QString &value = {}, bool required = false);
    QPlainTextEdit *addText(const QString &name, const QString &label, const QString &value = {},
                            bool required = false);
    QComboBox *addChoice(const QString &name, const QString &label, const Choices &choices);
    QDateEdit *addDate(const QString &name, const QString &label, const QDate &value);
    QListWidget *addChecks(const QString &name, const QString &label, const Choices &choices, bool required = false);

    /// The text or value of field @p name (dates as yyyy-MM-dd).
    QString value(const QString &name) const;
    /// The values checked in the check list @p name.
    QStringList checked(const QString &name) const;

    /// A check across fields run on OK after the required ones: returns why the input cannot be
    /// taken (shown, the dialog stays open with everything typed), or an empty string.
    void setValidator(std::function<QString(const FormDialog &)> validator) { m_validator = std::move(validator); }

    void accept() override;

private:
    QFormLayout *m_form = nullptr;
    QLabel *m_error = nullptr;
    QStringList m_required;
    std::function<QString(const FormDialog &)> m_validator;
};

} // namespace spgl::desk
