#include "gui/outboxwidget.h"

#include "core/deskcontext.h"
#include "gui/texts.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace spgl::desk {

OutboxWidget::OutboxWidget(DeskContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("待同步与失败的操作"), this);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("outboxTable"));
    m_table->setHorizontalHeaderLabels({tr("操作"), tr("对象"), tr("状态"), tr("服务器答复")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    title->setBuddy(m_table);
    m_redo = new QPushButton(tr("重做(&R)"), this);
    m_redo->setObjectName(QStringLiteral("redoOp"));
    m_redo->setToolTip(tr("按当前状态重新执行该操作，并放弃失败的记录"));
    m_drop = new QPushButton(tr("放弃(&X)"), this);
    m_drop->setObjectName(QStringLiteral("dropOp"));
    m_drop->setToolTip(tr("已看到服务器的答复，放弃该失败操作"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(title);
    buttons->addStretch();
    buttons->addWidget(m_redo);
    buttons->addWidget(m_drop);
    layout->addLayout(buttons);
    layout->addWidget(m_table);
    connect(m_redo, &QPushButton::clicked, this, &OutboxWidget::redoSelected);
    connect(m_drop, &QPushButton::clicked, this, &OutboxWidget::dropSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const QString id = selectedOp();
        bool failed = false;
        for (const auto &op : m_context.cache().ops())
            if (op.opId == id)
                failed = op.status == QLatin1String("rejected") || op.status == QLatin1String("conflict");
        m_redo->setEnabled(failed);
        m_drop->setEnabled(failed);
    });
    m_redo->setEnabled(false);
    m_drop->setEnabled(false);
}

int OutboxWidget::rowCount() const
{
    return m_table->rowCount();
}

void OutboxWidget::reload()
{
    const QString selected = selectedOp();
    m_table->setRowCount(0);
    if (!m_context.cache().isOpen())
        return;
    for (const auto &op : m_context.cache().ops()) {
        if (op.status == QLatin1String("applied"))
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *kind = new QTableWidgetItem(Texts::command(op.command));
        kind->setData(Qt::UserRole, op.opId);
        m_table->setItem(row, 0, kind);
        QString target = op.target;
        if (op.command == QLatin1String("submit")) { // a walk-in filing: its project and stage
            const auto project = m_context.cache().project(op.target);
            target = tr("%1（项目 %2，%3）")
                         .arg(LocalCache::filingId(op.opId),
                              QString::fromStdString(project.is_object() ? project.value("name", std::string())
                                                                         : op.target.toStdString()),
                              Texts::stage(op.args.value("stage", 0)));
        }
        m_table->setItem(row, 1, new QTableWidgetItem(target));
        auto *status = new QTableWidgetItem(Texts::opStatus(op.status));
        if (op.status != QLatin1String("pending"))
            status->setBackground(QColor(255, 205, 205));
        m_table->setItem(row, 2, status);
        QString answer = op.error;
        if (op.current.is_object()) {
            const std::string s = op.current.value("status", std::string());
            if (!s.empty())
                answer += tr("（服务器当前状态：%1，版本 %2）")
                              .arg(Texts::caseStatus(QString::fromStdString(s)))
                              .arg(op.current.value("version", qint64(0)));
        }
        auto *answerItem = new QTableWidgetItem(answer);
        answerItem->setToolTip(QString::fromStdString(op.current.dump(2)));
        m_table->setItem(row, 3, answerItem);
        if (op.opId == selected)
            m_table->selectRow(row);
    }
}

QString OutboxWidget::selectedOp() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_table->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
}

void OutboxWidget::redoSelected()
{
    const QString id = selectedOp();
    for (const auto &op : m_context.cache().ops()) {
        if (op.opId != id)
            continue;
        const auto kind = commandKindFromString(op.command.toStdString());
        if (!kind)
            return;
        if (*kind == CommandKind::Submit) { // filed again from its form, once fixed
            Q_EMIT editRequested(id);
            return;
        }
        m_context.dropOp(id);
        m_context.command(*kind, op.target, op.args);
        return;
    }
}

void OutboxWidget::dropSelected()
{
    const QString id = selectedOp();
    if (id.isEmpty())
        return;
    if (QMessageBox::question(this, tr("放弃操作"), tr("放弃这个失败的操作？服务器上的状态不会改变。"))
        != QMessageBox::Yes)
        return;
    m_context.dropOp(id);
}

} // namespace spgl::desk
