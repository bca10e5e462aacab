#pragma once

#include <QMainWindow>

class QLabel;
class QProgressBar;
class QTabWidget;
class QTimer;

namespace spgl::desk {

class DeskContext;
class MapView;
class ReviewWorkspace;
class SuperviseWorkspace;
class WindowWorkspace;

/**
 * @brief The main window: the workspaces the user's roles allow (window_clerk → 窗口受理;
 *        reviewer, department_head, coordinator → 并联审批; supervisor → 效能督察; everyone → 一张蓝图,
 *        the map over the layers directory, loaded when the tab is first shown), the status bar
 *        (online/offline, last sync, pending and failed ops), F5 and a timer to sync.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(DeskContext &context, QWidget *parent = nullptr);

    /// Shows the workspace "window", "review", "supervise" or "map"; false when the user has no access.
    bool showWorkspace(const QString &name);
    WindowWorkspace *windowWorkspace() const { return m_window; }
    ReviewWorkspace *reviewWorkspace() const { return m_review; }
    SuperviseWorkspace *superviseWorkspace() const { return m_supervise; }
    MapView *mapView() const { return m_map; }
    QString statusText() const;
    /// The counts of the first sync (pages and rows) shown beside its progress bar.
    QString progressText() const;
    bool progressVisible() const;

public Q_SLOTS:
    void syncNow();
    void about();
    void settings();
    /// Asks whether to wipe the local cache too (refusing while commands are unsent unless the
    /// user confirms losing them), then logs out: the context emits loggedOut.
    void logout();
    /// Asks for the password after the session expired; the outbox is sent once it is right.
    void askPassword();

private:
    void updateStatus();
    void loadMapLayers();

    DeskContext &m_context;
    QTabWidget *m_tabs = nullptr;
    WindowWorkspace *m_window = nullptr;
    ReviewWorkspace *m_review = nullptr;
    SuperviseWorkspace *m_supervise = nullptr;
    MapView *m_map = nullptr;
    bool m_mapLoaded = false;
    QLabel *m_online = nullptr;
    QLabel *m_lastSync = nullptr;
    QLabel *m_ops = nullptr;
    QTimer *m_timer = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    bool m_firstSync = false;
    bool m_askingPassword = false;
    QString m_passwordError;
};

} // namespace spgl::desk
