#pragma once

#include "workflow/application.h"
#include "workflow/command.h"

#include <nlohmann/json.hpp>

#include <QSet>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace spgl::desk {

class CaseTableModel;
class DeskContext;
class MaterialViewer;
class OutboxWidget;

/**
 * @brief 并联审批: the department's case queue coloured by clock level and sorted by deadline;
 *        the case detail (application, form, materials, other departments' progress, clock,
 *        opinions, consultations, special procedures); the review actions, each a command through
 *        the sync engine shown at once as pending; the outbox with failed ops.
 */
class ReviewWorkspace : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewWorkspace(DeskContext &context, QWidget *parent = nullptr);

    /// Selects a case in the queue; false when it is not there.
    bool selectCase(const QString &caseId);
    QString currentCaseId() const { return m_caseId; }
    QTableView *queue() const { return m_view; }
    /// The materials of the case's application (PDF and image viewer).
    MaterialViewer *materialViewer() const { return m_viewer; }
    QString message() const;

public Q_SLOTS:
    void reload();
    void claim();
    void addOpinion();
    void requestConsultation();
    void replyConsultation();
    void startSpecialProcedure();
    void endSpecialProcedure();
    void requestSupplement();
    void decide();

private:
    void showCase(const QString &caseId);
    void updateActions();
    void run(CommandKind kind, const nlohmann::json &args = {});
    QString detailHtml(const Application &app, const ApprovalCase &c) const;

    DeskContext &m_context;
    CaseTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QTextBrowser *m_detail = nullptr;
    MaterialViewer *m_viewer = nullptr;
    QLabel *m_message = nullptr;
    OutboxWidget *m_outbox = nullptr;
    QPushButton *m_claim = nullptr;
    QPushButton *m_opinion = nullptr;
    QPushButton *m_consult = nullptr;
    QPushButton *m_reply = nullptr;
    QPushButton *m_startProcedure = nullptr;
    QPushButton *m_endProcedure = nullptr;
    QPushButton *m_supplement = nullptr;
    QPushButton *m_decide = nullptr;
    QString m_caseId;
    std::optional<Application> m_app;
    QSet<int> m_requests;
};

} // namespace spgl::desk
