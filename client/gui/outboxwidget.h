#pragma once

#include <QWidget>

class QTableWidget;
class QPushButton;

namespace spgl::desk {

class DeskContext;

/**
 * @brief The user's commands in the outbox: pending ones, and those the server rejected or found
 *        in conflict, with its answer and current state; a failed op can be redone or dropped (a
 *        refused walk-in filing is redone by fixing its form: editRequested).
 */
class OutboxWidget : public QWidget
{
    Q_OBJECT

public:
    explicit OutboxWidget(DeskContext &context, QWidget *parent = nullptr);

    void reload();
    int rowCount() const;

Q_SIGNALS:
    /// 重做 of an op that is redone by filling its form again (a walk-in filing): whoever owns that
    /// form opens it with the op's content, and drops the op once it is filed anew.
    void editRequested(const QString &opId);

private:
    void redoSelected();
    void dropSelected();
    QString selectedOp() const;

    DeskContext &m_context;
    QTableWidget *m_table = nullptr;
    QPushButton *m_redo = nullptr;
    QPushButton *m_drop = nullptr;
};

} // namespace spgl::desk
