#pragma once

#include "core/apiclient.h"
#include "core/session.h"
#include "core/syncengine.h"
#include "gui/map/maptooldrawpolygon.h"

#include <QByteArray>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace spgl::desk {

class AnnotationLabels;
class LocalCache;
class MapView;
class MemoryVectorLayer;

/**
 * @brief The reviewers' annotations (审查批注) of one project beside the map: the list (text,
 *        author, department, status, 待同步 for those not yet confirmed by the server), the
 *        annotations drawn on the map as an overlay (coloured by status, labelled with text and
 *        author), and the actions: draw a point, line or polygon with a text, mark the selected
 *        annotation resolved, withdraw it, open it again.
 *
 * Everything reads and writes the local cache, so it works offline: a new annotation or status
 * goes through SyncEngine::annotate / setAnnotationStatus (additive outbox ops the next sync
 * sends). Clicking an annotation with the identify tool selects it in the list.
 */
class AnnotationPanel : public QWidget
{
    Q_OBJECT

public:
    /// @p cache is the GUI thread's cache connection; @p user signs the annotations drawn here.
    AnnotationPanel(MapView *view, LocalCache &cache, const UserInfo &user, QWidget *parent = nullptr);
    ~AnnotationPanel() override;

    /// Shows the annotations of @p projectId (empty: none).
    void setProject(const QString &projectId);
    QString projectId() const { return m_projectId; }
    /// Reads the project's annotations from the cache again (after a sync).
    void reload();

    /// Starts drawing a new annotation of @p shape on the map.
    void startDrawing(MapToolDrawPolygon::Shape shape);
    /// Saves the drawn geometry with the text typed: false (and a message) when something is missing.
    bool saveAnnotation();
    /// Sets the status of the selected annotation ("open", "resolved", "withdrawn").
    bool setSelectedStatus(const QString &status);
    /// Selects the annotation @p id in the list.
    void select(const QString &id);
    QString selectedId() const;

    QTreeWidget *list() const { return m_list; }
    QLineEdit *textEdit() const { return m_text; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *saveButton() const { return m_save; }
    std::shared_ptr<MemoryVectorLayer> layer() const { return m_layer; }
    AnnotationLabels *labels() const { return m_labels; }
    /// The geometry drawn and not yet saved (GeoJSON), empty when none.
    QByteArray drawnGeometry() const { return m_drawn; }

    /// Status → display text (待处理 / 已解决 / 已撤回).
    static QString statusText(const QString &status);

Q_SIGNALS:
    /// An annotation was drawn or its status changed here (queued for the next sync).
    void changed();

private:
    void geometryDrawn(const QByteArray &geoJson);
    void updateButtons();

    MapView *m_view;
    LocalCache &m_cache;
    // A local engine for the cache-only calls (annotate, setAnnotationStatus never touch the
    // network); the sync worker sends the ops they queue.
    ApiClient m_api;
    Session m_session;
    SyncEngine m_engine;
    QString m_projectId;
    QByteArray m_drawn;
    bool m_drawing = false;
    std::shared_ptr<MemoryVectorLayer> m_layer;
    AnnotationLabels *m_labels = nullptr;
    QTreeWidget *m_list = nullptr;
    QLineEdit *m_text = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_resolve = nullptr;
    QPushButton *m_withdraw = nullptr;
    QPushButton *m_reopen = nullptr;
};

} // namespace spgl::desk
