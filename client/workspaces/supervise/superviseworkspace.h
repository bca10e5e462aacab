#pragma once

#include <QWidget>

class QTableView;
class QTableWidget;
class QTextBrowser;

namespace spgl::desk {

class CaseTableModel;
class DeskContext;

/**
 * @brief 效能督察 (first cut): case counts by department and clock level, the overdue and
 *        warning lists, and a case's timeline (from the server when online, the cache otherwise).
 */
class SuperviseWorkspace : public QWidget
{
    Q_OBJECT

public:
    explicit SuperviseWorkspace(DeskContext &context, QWidget *parent = nullptr);

    QTableWidget *counts() const { return m_counts; }

public Q_SLOTS:
    void reload();
    /// Shows the timeline of @p caseId's application.
    void showTimeline(const QString &caseId);

private:
    DeskContext &m_context;
    QTableWidget *m_counts = nullptr;
    CaseTableModel *m_overdue = nullptr;
    CaseTableModel *m_warning = nullptr;
    QTableView *m_overdueView = nullptr;
    QTableView *m_warningView = nullptr;
    QTextBrowser *m_timeline = nullptr;
    QString m_timelineApp;
};

} // namespace spgl::desk
