#pragma once

#include "core/apiclient.h"
#include "core/session.h"
#include "core/syncengine.h"
#include "gui/map/maptooldrawpolygon.h"

#include <QByteArray>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace spgl::desk {

class AnnotationLabels;
class LocalCache;
class MapView;
class MemoryVectorLayer;

/**
 * @brief Planning generation (项目策划生成, guideline 5.2 d) of the located project beside the
 *        map: the departments' conditions and required assessments (text and an optional point,
 *        line or polygon drawn on the map), and the coordinator's merged planning opinion that
 *        the applicant reads on the portal.
 *
 * A department puts a condition forward and withdraws its own through SyncEngine (additive
 * outbox ops `plan_condition` / `plan_withdraw`), so that works offline; the list is the
 * server's copy last read (LocalCache::planning, kept for offline reading) with this desktop's
 * unsent work laid over it. Reading the server's copy and publishing the opinion (which
 * notifies the applicant) need the network: the panel asks its owner through planningWanted()
 * and opinionWanted() and takes the answers through setServerPlanning() and setOpinionResult().
 */
class PlanningPanel : public QWidget
{
    Q_OBJECT

public:
    /// @p cache is the GUI thread's cache connection; @p user decides what the panel offers
    /// (conditions: reviewers, department heads and the coordinator; publishing: the coordinator).
    PlanningPanel(MapView *view, LocalCache &cache, const UserInfo &user, QWidget *parent = nullptr);
    ~PlanningPanel() override;

    /// Shows the planning of @p projectId from the cache and asks for the server's copy.
    void setProject(const QString &projectId);
    QString projectId() const { return m_projectId; }
    /// Reads the cache again (after a sync or a local change).
    void reload();
    /// The answer of GET /projects/{id}/planning for @p projectId: stored for offline reading
    /// and shown. An empty or unreadable body (offline) keeps the cached copy and says so.
    void setServerPlanning(const QString &projectId, const QByteArray &body);

    /// Starts drawing the geometry of a new condition (optional) on the map.
    void startDrawing(MapToolDrawPolygon::Shape shape);
    /// Puts the condition in the form forward (queued for the next sync): false and a message
    /// when something is missing or wrong; the form keeps what was entered.
    bool putForward();
    /// Withdraws the selected condition.
    bool withdrawSelected();
    /// Asks to publish the opinion text for the selected active conditions (all active ones when
    /// none is selected): opinionWanted(); false and a message when it cannot be published.
    bool publishOpinion();
    /// The answer to opinionWanted(): HTTP status (0 offline), body, the problem's detail.
    void setOpinionResult(const QString &projectId, int status, const QByteArray &body, const QString &message);
    /// Selects the condition @p id in the list.
    void select(const QString &id);

    QTreeWidget *list() const { return m_list; }
    QComboBox *kindBox() const { return m_kind; }
    QComboBox *assessmentBox() const { return m_assessment; }
    QLineEdit *textEdit() const { return m_text; }
    QPlainTextEdit *opinionEdit() const { return m_opinionText; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *sourceLabel() const { return m_source; }
    QLabel *opinionLabel() const { return m_opinion; }
    QPushButton *putForwardButton() const { return m_put; }
    QPushButton *withdrawButton() const { return m_withdraw; }
    QPushButton *publishButton() const { return m_publish; }
    std::shared_ptr<MemoryVectorLayer> layer() const { return m_layer; }
    AnnotationLabels *labels() const { return m_labels; }
    /// The geometry drawn and not yet put forward (GeoJSON), empty when none.
    QByteArray drawnGeometry() const { return m_drawn; }

Q_SIGNALS:
    /// The server's planning of @p projectId is wanted (GET /api/v1/projects/{id}/planning).
    void planningWanted(const QString &projectId);
    /// Publish: POST @p body to /api/v1/projects/{id}/planning/opinion.
    void opinionWanted(const QString &projectId, const nlohmann::json &body);
    /// A condition was put forward or withdrawn here (queued for the next sync).
    void changed();

private:
    void geometryDrawn(const QByteArray &geoJson);
    void showOpinion(const nlohmann::json &current);
    void updateButtons();
    bool canPlan() const;

    MapView *m_view;
    LocalCache &m_cache;
    UserInfo m_user;
    // A local engine for the cache-only calls (they never touch the network); the sync worker
    // sends the ops they queue.
    ApiClient m_api;
    Session m_session;
    SyncEngine m_engine;
    QString m_projectId;
    QByteArray m_drawn;
    bool m_drawing = false;
    bool m_publishing = false;
    std::shared_ptr<MemoryVectorLayer> m_layer;
    AnnotationLabels *m_labels = nullptr;
    QLabel *m_source = nullptr;
    QTreeWidget *m_list = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_assessment = nullptr;
    QLineEdit *m_text = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_put = nullptr;
    QPushButton *m_withdraw = nullptr;
    QLabel *m_opinion = nullptr;
    QPlainTextEdit *m_opinionText = nullptr;
    QPushButton *m_publish = nullptr;
};

} // namespace spgl::desk
