#pragma once

#include "gui/noticewriter.h"
#include "workflow/application.h"
#include "workflow/command.h"

#include <nlohmann/json.hpp>

#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace spgl::desk {

class ApplicationTableModel;
class DeskContext;
class OutboxWidget;

/**
 * @brief 窗口受理: the queue of submitted applications (online and walk-in) with search; the
 *        application's form and materials; accept (with 容缺 materials), refuse, request
 *        supplement — each a command through the sync engine and a printable PDF notice
 *        (受理通知书 / 不予受理通知书 / 补正材料通知书); a comprehensive query over the cache.
 */
class WindowWorkspace : public QWidget
{
    Q_OBJECT

public:
    explicit WindowWorkspace(DeskContext &context, QWidget *parent = nullptr);

    bool selectApplication(const QString &applicationId);
    QString currentApplicationId() const { return m_appId; }
    /// The last notice written (PDF path).
    QString lastNotice() const { return m_lastNotice; }
    QString message() const;
    /// Whether a written notice is opened with the desktop's PDF viewer (off in tests).
    void setOpenNotices(bool open) { m_openNotices = open; }
    QTabWidget *tabs() const { return m_tabs; }

public Q_SLOTS:
    void reload();
    void accept();
    void refuse();
    void requestSupplement();
    void openLastNotice();
    void saveLastNotice();

Q_SIGNALS:
    void noticeWritten(const QString &path);

private:
    void showApplication(const QString &applicationId);
    void run(CommandKind kind, const nlohmann::json &args, const Notice &notice);
    Notice noticeFor(Notice::Kind kind) const;
    QString windowName() const;

    DeskContext &m_context;
    QTabWidget *m_tabs = nullptr;
    ApplicationTableModel *m_queueModel = nullptr;
    QSortFilterProxyModel *m_queueProxy = nullptr;
    QTableView *m_queue = nullptr;
    QLineEdit *m_search = nullptr;
    QTextBrowser *m_detail = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_refuse = nullptr;
    QPushButton *m_supplement = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_message = nullptr;
    OutboxWidget *m_outbox = nullptr;
    ApplicationTableModel *m_queryModel = nullptr;
    QSortFilterProxyModel *m_queryProxy = nullptr;
    QLineEdit *m_query = nullptr;
    QTableView *m_queryView = nullptr;
    QString m_appId;
    std::optional<Application> m_app;
    QHash<int, Notice> m_requests;
    QHash<QString, nlohmann::json> m_catalog; ///< item code -> catalog item (materials), when online
    QString m_lastNotice;
    bool m_openNotices = true;
};

} // namespace spgl::desk
