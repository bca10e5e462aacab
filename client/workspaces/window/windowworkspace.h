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
class QTableWidget;
class QTextBrowser;

namespace spgl::desk {

class ApplicationTableModel;
class DeskContext;
class MaterialViewer;
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
    /// The materials of the application shown (PDF and image viewer).
    MaterialViewer *materialViewer() const { return m_viewer; }
    /// The clerk's check of material @p key of the shown application: "passed", "rejected" (with
    /// @p reason) or empty when not checked yet. Kept in the local cache, so it survives a restart.
    QString materialCheck(const QString &key, QString *reason = nullptr) const;
    /// Selects an application in the 统一出件 list; false when it is not awaiting delivery.
    bool selectDelivery(const QString &applicationId);
    /// The delivery of @p applicationId as recorded in its state ({method, tracking_no, recipient,
    /// at, delivered_at}: the server's, or the one decided here and waiting to sync), or null.
    nlohmann::json deliveryRecord(const QString &applicationId) const;
    /// Records the check of material @p key (status "passed", "rejected" or empty to clear).
    bool setMaterialCheck(const QString &key, const QString &status, const QString &reason = {});

public Q_SLOTS:
    void reload();
    void accept();
    void refuse();
    void requestSupplement();
    /// The material selected in the check list passes.
    /// 统一出件: records how the result of the application selected in the delivery list was
    /// handed over (online, in person, post with the tracking number).
    void deliver();
    /// 窗口代办: files an application for a walk-in applicant (WalkInDialog, online or offline).
    void walkIn();
    /// Fixes and files again a walk-in filing the server refused (the outbox's 重做).
    void redoFiling(const QString &opId);
    void passMaterial();
    /// The material selected in the check list is rejected, with a reason the clerk gives.
    void rejectMaterial();
    void openLastNotice();
    void saveLastNotice();

Q_SIGNALS:
    void noticeWritten(const QString &path);

private:
    void showApplication(const QString &applicationId);
    void updateActions();
    void run(CommandKind kind, const nlohmann::json &args, const Notice &notice);
    Notice noticeFor(Notice::Kind kind) const;
    QString windowName() const;
    /// The catalog's name of material @p key ("item/material"), or empty when not known.
    QString materialName(const QString &key) const;
    void updateMaterials();
    void updateChecks();
    void showDelivery(const QString &applicationId);
    /// A walk-in application was filed here as @p id: shown in the queue, synced when online.
    void walkInFiled(const QString &id);
    nlohmann::json checks() const;
    /// The catalog item (from the server when online, else as last seen, kept in the cache).
    const nlohmann::json *catalogItem(const QString &code) const;

    DeskContext &m_context;
    QTabWidget *m_tabs = nullptr;
    ApplicationTableModel *m_queueModel = nullptr;
    QSortFilterProxyModel *m_queueProxy = nullptr;
    QTableView *m_queue = nullptr;
    QLineEdit *m_search = nullptr;
    QTextBrowser *m_detail = nullptr;
    QTabWidget *m_detailTabs = nullptr;
    MaterialViewer *m_viewer = nullptr;
    ApplicationTableModel *m_deliveryModel = nullptr;
    QSortFilterProxyModel *m_deliveryProxy = nullptr;
    QTableView *m_deliveryView = nullptr;
    QTextBrowser *m_deliveryDetail = nullptr;
    QPushButton *m_deliver = nullptr;
    QPushButton *m_walkIn = nullptr;
    QLabel *m_deliveryMessage = nullptr;
    QString m_deliveryId;
    QHash<int, nlohmann::json> m_deliveryRequests;
    QTableWidget *m_checks = nullptr;
    QPushButton *m_passMaterial = nullptr;
    QPushButton *m_rejectMaterial = nullptr;
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
    bool m_actionable = false; ///< the shown application waits for the window, with no pending op
};

} // namespace spgl::desk
