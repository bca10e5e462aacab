#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace spgl::desk {

class AnnotationLabels;
class LocalCache;
class MapView;
class MemoryVectorLayer;

/**
 * @brief Finds a project in the local cache (by name, 项目代码 or 建设单位) and locates it on
 *        the blueprint: zooms to its site and highlights it, shows its approval progress (the
 *        cached applications and their cases with status and clock level) and the history of
 *        its site (the versions of the geometry, drawn as dated outlines).
 *
 * Works offline from the cache; the site history needs the server: siteVersionsWanted() asks the
 * owner to GET /api/v1/projects/{id}/site/versions and setSiteVersions() takes the answer.
 */
class ProjectSearchPanel : public QWidget
{
    Q_OBJECT

public:
    ProjectSearchPanel(MapView *view, LocalCache &cache, QWidget *parent = nullptr);
    ~ProjectSearchPanel() override;

    /// Lists the cached projects matching @p text; returns how many.
    int search(const QString &text);
    /// Asks the server for projects matching the search text (serverSearchWanted()): for projects
    /// the change feed does not bring, e.g. one in planning before any application.
    void searchServer();
    /// The answer of GET /api/v1/projects?q=…: the projects are kept in the cache (for offline
    /// use) and the search is listed again; an empty or unreadable body says the server is
    /// unreachable.
    void setServerResults(const QByteArray &body);
    /// Locates project @p projectId: zoom, highlight, progress; false when it is not cached.
    bool locate(const QString &projectId);
    QString projectId() const { return m_projectId; }
    /// The answer of GET /projects/{id}/site/versions for @p projectId (ignored when another project
    /// is shown by now; an empty or unreadable body says the history is not available offline).
    void setSiteVersions(const QString &projectId, const QByteArray &body);

    /// Writes the compliance check @p reportJson (POST /blueprint/compliance or GET
    /// /projects/{id}/compliance) of the located project as a PDF at @p path, the map drawn from
    /// the catalog layers shown.
    Status exportComplianceReport(const QByteArray &reportJson, const QString &path) const;

    QLineEdit *searchEdit() const { return m_search; }
    QPushButton *serverSearchButton() const { return m_serverSearch; }
    QListWidget *results() const { return m_results; }
    QTreeWidget *progress() const { return m_progress; }
    QListWidget *history() const { return m_history; }
    QLabel *summary() const { return m_summary; }
    std::shared_ptr<MemoryVectorLayer> siteLayer() const { return m_siteLayer; }
    std::shared_ptr<MemoryVectorLayer> historyLayer() const { return m_historyLayer; }
    AnnotationLabels *historyLabels() const { return m_historyLabels; }

Q_SIGNALS:
    /// A project was located (the annotation panel follows it).
    void projectSelected(const QString &projectId);
    /// Projects matching @p text are wanted from the server (GET /api/v1/projects?q=).
    void serverSearchWanted(const QString &text);
    /// The site history of @p projectId is wanted from the server.
    void siteVersionsWanted(const QString &projectId);
    /// The user asked for the compliance report of @p projectId (the owner fetches it and calls
    /// exportComplianceReport()).
    void complianceReportWanted(const QString &projectId);

private:
    void showProgress(const nlohmann::json &project);
    void clearHistory(const QString &message);

    MapView *m_view;
    LocalCache &m_cache;
    QString m_projectId;
    std::shared_ptr<MemoryVectorLayer> m_siteLayer;
    std::shared_ptr<MemoryVectorLayer> m_historyLayer;
    AnnotationLabels *m_historyLabels = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_serverSearch = nullptr;
    QString m_serverQuery;
    QListWidget *m_results = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_progress = nullptr;
    QListWidget *m_history = nullptr;
};

} // namespace spgl::desk
