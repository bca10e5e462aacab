#include "app/mainwindow.h"

#include "app/settingsdialog.h"
#include "core/deskcontext.h"
#include "core/localcache.h"
#include "core/map/maplayerstore.h"
#include "gui/formdialog.h"
#include "gui/map/annotationpanel.h"
#include "gui/map/mapview.h"
#include "gui/map/planningpanel.h"
#include "gui/map/projectsearchpanel.h"
#include "workspaces/review/reviewworkspace.h"
#include "workspaces/supervise/superviseworkspace.h"
#include "workspaces/window/windowworkspace.h"

#include <QApplication>
#include <QFileDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUrl>

namespace spgl::desk {

MainWindow::MainWindow(DeskContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    const UserInfo &user = context.user();
    setWindowTitle(tr("工程建设项目审批管理系统 — %1").arg(user.displayName));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("workspaces"));
    setCentralWidget(m_tabs);
    if (user.hasRole(QStringLiteral("window_clerk"))) {
        m_window = new WindowWorkspace(context, this);
        m_tabs->addTab(m_window, tr("窗口受理"));
    }
    if (user.hasRole(QStringLiteral("reviewer")) || user.hasRole(QStringLiteral("department_head"))
        || user.hasRole(QStringLiteral("coordinator"))) {
        m_review = new ReviewWorkspace(context, this);
        m_tabs->addTab(m_review, tr("并联审批"));
    }
    if (user.hasRole(QStringLiteral("supervisor"))) {
        m_supervise = new SuperviseWorkspace(context, this);
        m_tabs->addTab(m_supervise, tr("效能督察"));
    }
    if (m_tabs->count() == 0) {
        auto *none = new QLabel(tr("您的角色没有可用的工作区（管理工作区将在后续版本提供）。"), this);
        none->setAlignment(Qt::AlignCenter);
        m_tabs->addTab(none, tr("提示"));
    }
    // The one blueprint (一张蓝图): every staff member sees the map; its layers load on first show.
    // Beside it: project search and locate, the project's review annotations and its planning
    // (项目策划生成).
    auto *blueprint = new QSplitter(this);
    blueprint->setObjectName(QStringLiteral("blueprint"));
    m_map = new MapView(blueprint);
    auto *side = new QSplitter(Qt::Vertical, blueprint);
    auto *search = new ProjectSearchPanel(m_map, context.cache(), side);
    auto *sideTabs = new QTabWidget(side);
    sideTabs->setObjectName(QStringLiteral("blueprintSideTabs"));
    auto *annotations = new AnnotationPanel(m_map, context.cache(), user, sideTabs);
    auto *planning = new PlanningPanel(m_map, context.cache(), user, sideTabs);
    sideTabs->addTab(annotations, tr("审查批注"));
    sideTabs->addTab(planning, tr("项目策划"));
    blueprint->addWidget(m_map);
    blueprint->addWidget(side);
    blueprint->setStretchFactor(0, 1);
    blueprint->setSizes({900, 360});
    m_tabs->addTab(blueprint, tr("一张蓝图"));
    connect(search, &ProjectSearchPanel::projectSelected, annotations, &AnnotationPanel::setProject);
    connect(search, &ProjectSearchPanel::projectSelected, planning, &PlanningPanel::setProject);
    connect(search, &ProjectSearchPanel::serverSearchWanted, this, [this](const QString &text) {
        m_context.fetch(
            QStringLiteral("/api/v1/projects?limit=50&q=%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(text))));
    });
    connect(planning, &PlanningPanel::planningWanted, this, [this](const QString &projectId) {
        m_context.fetch(QStringLiteral("/api/v1/projects/%1/planning").arg(projectId));
    });
    connect(planning, &PlanningPanel::opinionWanted, this,
            [this](const QString &projectId, const nlohmann::json &body) {
                m_context.post(QStringLiteral("/api/v1/projects/%1/planning/opinion").arg(projectId), body);
            });
    connect(&m_context, &DeskContext::posted, planning,
            [planning](const QString &path, int status, const QByteArray &body, const QString &message) {
                if (path.endsWith(QLatin1String("/planning/opinion")))
                    planning->setOpinionResult(path.section(QLatin1Char('/'), 4, 4), status, body, message);
            });
    // What was put forward here is queued: the status bar counts it at once.
    connect(annotations, &AnnotationPanel::changed, this, &MainWindow::updateStatus);
    connect(planning, &PlanningPanel::changed, this, &MainWindow::updateStatus);
    connect(search, &ProjectSearchPanel::siteVersionsWanted, this, [this](const QString &projectId) {
        m_context.fetch(QStringLiteral("/api/v1/projects/%1/site/versions").arg(projectId));
    });
    // Online, the report is a fresh check (stored with the project); offline or when the check
    // cannot run, the last stored report.
    connect(search, &ProjectSearchPanel::complianceReportWanted, this, [this](const QString &projectId) {
        if (m_context.online() && !m_context.offlineOnly())
            m_context.post(QStringLiteral("/api/v1/blueprint/compliance"),
                           nlohmann::json{{"project_id", projectId.toStdString()}});
        else
            m_context.fetch(QStringLiteral("/api/v1/projects/%1/compliance").arg(projectId));
    });
    auto saveReport = [this, search](const QByteArray &body) {
        if (!QJsonDocument::fromJson(body).object().contains(QLatin1String("checks"))) {
            statusBar()->showMessage(tr("没有可用的合规性检查结果（离线或尚未检查）"), 10000);
            return;
        }
        const QString file = QFileDialog::getSaveFileName(this, tr("保存合规性检查报告"),
                                                          tr("合规性检查报告-%1.pdf").arg(search->projectId()),
                                                          tr("PDF 文件 (*.pdf)"));
        if (file.isEmpty())
            return;
        const Status written = search->exportComplianceReport(body, file);
        statusBar()->showMessage(
            written.ok() ? tr("已保存 %1").arg(file) : QString::fromStdString(written.error().message), 10000);
    };
    connect(
        &m_context, &DeskContext::posted, search,
        [this, search, saveReport](const QString &path, int status, const QByteArray &body, const QString &message) {
            if (path != QLatin1String("/api/v1/blueprint/compliance") || search->projectId().isEmpty())
                return;
            if (status == 200) {
                saveReport(body);
                return;
            }
            statusBar()->showMessage(tr("未能重新检查（%1），使用上次的检查结果").arg(message), 10000);
            m_context.fetch(QStringLiteral("/api/v1/projects/%1/compliance").arg(search->projectId()));
        });
    connect(&m_context, &DeskContext::fetched, search,
            [search, planning, saveReport](const QString &path, const QByteArray &body) {
                if (path.startsWith(QLatin1String("/api/v1/projects?"))) {
                    search->setServerResults(body);
                } else if (path.endsWith(QLatin1String("/planning"))) {
                    planning->setServerPlanning(path.section(QLatin1Char('/'), 4, 4), body);
                } else if (path.endsWith(QLatin1String("/site/versions"))) {
                    search->setSiteVersions(path.section(QLatin1Char('/'), 4, 4), body);
                } else if (path.endsWith(QLatin1String("/compliance"))
                           && path.section(QLatin1Char('/'), 4, 4) == search->projectId()) {
                    saveReport(body);
                }
            });
    connect(&m_context, &DeskContext::dataChanged, annotations, &AnnotationPanel::reload);
    connect(&m_context, &DeskContext::dataChanged, planning, &PlanningPanel::reload);
    // After a sync the server's planning holds what was pushed: read it again.
    connect(&m_context, &DeskContext::syncFinished, planning, [this, planning](bool ok) {
        if (ok && !planning->projectId().isEmpty())
            m_context.fetch(QStringLiteral("/api/v1/projects/%1/planning").arg(planning->projectId()));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_map->parentWidget())
            loadMapLayers();
    });

    auto *file = menuBar()->addMenu(tr("文件(&F)"));
    QAction *sync = file->addAction(tr("立即同步(&S)"), this, &MainWindow::syncNow);
    sync->setShortcut(QKeySequence(Qt::Key_F5));
    file->addAction(tr("设置(&E)…"), this, &MainWindow::settings);
    file->addSeparator();
    QAction *logout = file->addAction(tr("注销(&L)…"), this, &MainWindow::logout);
    logout->setObjectName(QStringLiteral("logout"));
    logout->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    QAction *quit = file->addAction(tr("退出(&X)"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    auto *view = menuBar()->addMenu(tr("工作区(&W)"));
    for (int i = 0; i < m_tabs->count(); ++i) {
        QAction *a = view->addAction(m_tabs->tabText(i), this, [this, i] { m_tabs->setCurrentIndex(i); });
        a->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | (Qt::Key_1 + i)));
    }
    auto *help = menuBar()->addMenu(tr("帮助(&H)"));
    help->addAction(tr("关于(&A)…"), this, &MainWindow::about);

    m_online = new QLabel(this);
    m_online->setObjectName(QStringLiteral("onlineStatus"));
    m_lastSync = new QLabel(this);
    m_lastSync->setObjectName(QStringLiteral("lastSync"));
    m_ops = new QLabel(this);
    m_ops->setObjectName(QStringLiteral("opCounts"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setRange(0, 0); // the feed has no total: busy, with the counts beside it
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_progressText = new QLabel(this);
    m_progressText->setObjectName(QStringLiteral("syncCounts"));
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_progressText);
    connect(&m_context, &DeskContext::syncProgress, this, [this](int pages, int rows, bool first) {
        if (!first)
            return;
        m_firstSync = true;
        m_progress->show();
        m_progressText->setText(tr("首次同步：第 %1 页，已接收 %2 条").arg(pages).arg(rows));
    });
    connect(&m_context, &DeskContext::syncFinished, this, [this](bool ok) {
        m_progress->hide();
        if (!m_firstSync)
            return;
        m_firstSync = false;
        m_progressText->setText(ok ? m_progressText->text().replace(tr("首次同步："), tr("首次同步完成："))
                                   : tr("首次同步未完成，下次同步时继续"));
    });
    connect(&m_context, &DeskContext::sessionExpired, this, [this] {
        m_passwordError.clear();
        QTimer::singleShot(0, this, &MainWindow::askPassword);
    });
    connect(&m_context, &DeskContext::reauthenticated, this, [this](bool ok, const QString &error) {
        if (ok) {
            statusBar()->showMessage(tr("已重新登录，正在同步未同步的操作……"), 10000);
            return;
        }
        m_passwordError = error;
        QTimer::singleShot(0, this, &MainWindow::askPassword);
    });
    statusBar()->addPermanentWidget(m_online);
    statusBar()->addPermanentWidget(m_lastSync);
    statusBar()->addPermanentWidget(m_ops);
    connect(&m_context, &DeskContext::statusChanged, this, &MainWindow::updateStatus);
    // The blueprint's layers follow the server's catalog after each sync (kept for offline use).
    m_context.setLayersDirectory(MapLayerStore::defaultDirectory());
    connect(&m_context, &DeskContext::layersSynced, this, [this](int changed, const QStringList &errors) {
        if (!errors.isEmpty())
            statusBar()->showMessage(tr("部分图层未能更新：%1").arg(errors.join(QStringLiteral("；"))), 10000);
        if (changed > 0 && m_mapLoaded)
            m_map->loadStoreInBackground(MapLayerStore());
    });
    updateStatus();

    m_timer = new QTimer(this);
    m_timer->setInterval(SettingsDialog::syncIntervalSeconds() * 1000);
    connect(m_timer, &QTimer::timeout, this, &MainWindow::syncNow);
    m_timer->start();
    resize(1280, 800);
}

bool MainWindow::showWorkspace(const QString &name)
{
    QWidget *w = name == QLatin1String("window")      ? static_cast<QWidget *>(m_window)
                 : name == QLatin1String("review")    ? static_cast<QWidget *>(m_review)
                 : name == QLatin1String("supervise") ? static_cast<QWidget *>(m_supervise)
                 : name == QLatin1String("map")       ? m_map->parentWidget()
                                                      : nullptr;
    if (!w)
        return false;
    m_tabs->setCurrentWidget(w);
    return true;
}

void MainWindow::loadMapLayers()
{
    if (m_mapLoaded)
        return;
    m_mapLoaded = true;
    statusBar()->showMessage(tr("正在加载图层……"));
    connect(m_map, &MapView::layersLoaded, this, [this](const QStringList &errors) {
        statusBar()->showMessage(errors.isEmpty() ? tr("图层已加载")
                                                  : tr("部分图层无法打开：%1").arg(errors.join(QStringLiteral("；"))),
                                 10000);
    });
    m_map->loadStoreInBackground(MapLayerStore());
}

void MainWindow::syncNow()
{
    m_context.syncNow();
}

QString MainWindow::progressText() const
{
    return m_progressText->text();
}

bool MainWindow::progressVisible() const
{
    return m_progress->isVisible();
}

void MainWindow::logout()
{
    FormDialog d(tr("注销"), this);
    d.setObjectName(QStringLiteral("logoutDialog"));
    d.addNote(tr("注销后需重新登录。不清除时，本机缓存和未同步的操作都会保留，下次登录后继续同步。"));
    d.addChecks(QStringLiteral("wipe"), tr("本机缓存(&W)："),
                {{tr("同时清除本机缓存（离线数据、已下载的材料、离线登录信息）"), QStringLiteral("wipe")}});
    if (d.exec() != QDialog::Accepted)
        return;
    const bool wipe = !d.checked(QStringLiteral("wipe")).isEmpty();
    bool discard = false;
    const int pending = m_context.pendingOps();
    if (wipe && pending > 0) {
        QMessageBox box(
            QMessageBox::Warning, tr("清除本机缓存"),
            tr("还有 %1 个操作尚未同步到服务器。清除本机缓存将永久丢失这些操作。\n\n仍要清除吗？").arg(pending),
            QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("confirmWipe"));
        box.button(QMessageBox::Discard)->setText(tr("丢弃并清除"));
        box.button(QMessageBox::Cancel)->setText(tr("取消"));
        box.setDefaultButton(QMessageBox::Cancel);
        if (box.exec() != QMessageBox::Discard) {
            statusBar()->showMessage(tr("未注销：还有未同步的操作"), 10000);
            return;
        }
        discard = true;
    }
    m_timer->stop();
    QString error;
    if (!m_context.logout(wipe, discard, &error)) {
        m_timer->start();
        statusBar()->showMessage(tr("未注销：%1").arg(error), 10000);
    }
}

void MainWindow::askPassword()
{
    if (m_askingPassword || !m_context.isLoggedIn())
        return;
    m_askingPassword = true;
    FormDialog d(tr("登录已过期"), this);
    d.setObjectName(QStringLiteral("passwordDialog"));
    d.addNote(tr("%1，登录已过期，请重新输入密码。未同步的 %2 个操作已保留，登录后立即发送。")
                  .arg(m_context.user().displayName)
                  .arg(m_context.pendingOps()));
    if (!m_passwordError.isEmpty())
        d.addNote(tr("上次输入未通过：%1").arg(m_passwordError));
    QLineEdit *password = d.addLine(QStringLiteral("password"), tr("密码(&P)："), {}, true);
    password->setEchoMode(QLineEdit::Password);
    const int answer = d.exec();
    m_askingPassword = false;
    if (answer != QDialog::Accepted) {
        statusBar()->showMessage(tr("登录已过期：未同步的操作保留在本机，按 F5 同步时可重新登录"), 15000);
        return;
    }
    m_context.reauthenticate(password->text());
}

QString MainWindow::statusText() const
{
    return m_online->text() + QLatin1Char(' ') + m_lastSync->text() + QLatin1Char(' ') + m_ops->text();
}

void MainWindow::updateStatus()
{
    QString online;
    if (m_context.syncing())
        online = tr("● 正在同步……");
    else if (m_context.offlineOnly())
        online = tr("○ 离线工作");
    else
        online = m_context.online() ? tr("● 在线") : tr("○ 离线");
    m_online->setText(online);
    m_online->setToolTip(m_context.lastSyncError());
    m_lastSync->setText(m_context.lastSync().isValid()
                            ? tr("上次同步：%1").arg(m_context.lastSync().toString(QStringLiteral("MM-dd HH:mm:ss")))
                            : tr("尚未同步"));
    const int failed = m_context.failedOps();
    m_ops->setText(tr("待同步 %1　失败 %2").arg(m_context.pendingOps()).arg(failed));
    m_ops->setStyleSheet(failed > 0 ? QStringLiteral("color: #b00000") : QString());
    if (!m_context.lastSyncError().isEmpty() && !m_context.syncing())
        statusBar()->showMessage(tr("同步未完成：%1").arg(m_context.lastSyncError()), 10000);
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("关于 spgl-desk"),
        tr("<h3>工程建设项目审批管理系统 · 工作人员桌面端</h3>"
           "<p>spgl-desk %1<br>Qt %2（运行时 %3）<br>本地缓存结构版本 %4<br>服务器：%5</p>"
           "<p>乌鲁木齐市工程建设项目审批制度改革</p>")
            .arg(QApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()))
            .arg(LocalCache::kSchemaVersion)
            .arg(m_context.server().toString()));
}

void MainWindow::settings()
{
    SettingsDialog d(this);
    if (d.exec() == QDialog::Accepted)
        m_timer->setInterval(SettingsDialog::syncIntervalSeconds() * 1000);
}

} // namespace spgl::desk
