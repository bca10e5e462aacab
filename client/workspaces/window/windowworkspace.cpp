#include "workspaces/window/windowworkspace.h"

#include "core/deskcalendar.h"
#include "core/deskcontext.h"
#include "gui/applicationtablemodel.h"
#include "gui/formdialog.h"
#include "gui/materialviewer.h"
#include "gui/outboxwidget.h"
#include "gui/texts.h"
#include "workflow/workflowjson.h"
#include "workspaces/window/walkindialog.h"

#include <QColor>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimeZone>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace spgl::desk {

using nlohmann::json;

namespace {
QString q(const std::string &s)
{
    return QString::fromStdString(s);
}
QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}
QTableView *tableView(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}
} // namespace

WindowWorkspace::WindowWorkspace(DeskContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("windowWorkspace"));
    m_tabs = new QTabWidget(this);

    // 受理: the queue and the application.
    auto *intake = new QWidget(this);
    m_queueModel = new ApplicationTableModel(context.cache(), this);
    m_queueModel->setStatuses({QStringLiteral("submitted"), QStringLiteral("supplement_requested")});
    m_queueProxy = new QSortFilterProxyModel(this);
    m_queueProxy->setSourceModel(m_queueModel);
    m_queueProxy->setSortRole(ApplicationTableModel::SortRole);
    m_queueProxy->setFilterKeyColumn(-1);
    m_queueProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search = new QLineEdit(intake);
    m_search->setObjectName(QStringLiteral("queueSearch"));
    m_search->setPlaceholderText(tr("搜索申报编号、项目代码、项目名称"));
    m_search->setClearButtonEnabled(true);
    auto *searchLabel = new QLabel(tr("搜索(&S)："), intake);
    searchLabel->setBuddy(m_search);
    m_queue = tableView(m_queueProxy, QStringLiteral("applicationQueue"), intake);
    m_queue->sortByColumn(ApplicationTableModel::Submitted, Qt::AscendingOrder);
    m_detail = new QTextBrowser(intake);
    m_detail->setObjectName(QStringLiteral("applicationDetail"));
    m_viewer = new MaterialViewer(intake);
    m_viewer->setFilesDir(context.filesDir());
    m_detailTabs = new QTabWidget(intake);
    m_detailTabs->setObjectName(QStringLiteral("applicationTabs"));
    m_detailTabs->addTab(m_detail, tr("申报详情(&D)"));
    // 材料核验: each material handed in passes or is rejected with a reason (kept in the cache).
    auto *materials = new QWidget(intake);
    m_checks = new QTableWidget(0, 3, materials);
    m_checks->setObjectName(QStringLiteral("materialChecks"));
    m_checks->setHorizontalHeaderLabels({tr("材料"), tr("核验"), tr("退回理由")});
    m_checks->horizontalHeader()->setStretchLastSection(true);
    m_checks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checks->setSelectionMode(QAbstractItemView::SingleSelection);
    m_checks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checks->verticalHeader()->hide();
    m_passMaterial = new QPushButton(tr("核验通过(&G)"), materials);
    m_passMaterial->setObjectName(QStringLiteral("passMaterial"));
    m_rejectMaterial = new QPushButton(tr("退回(&N)…"), materials);
    m_rejectMaterial->setObjectName(QStringLiteral("rejectMaterial"));
    auto *checkLabel = new QLabel(tr("材料核验(&K)："), materials);
    checkLabel->setBuddy(m_checks);
    auto *checkButtons = new QHBoxLayout;
    checkButtons->addWidget(checkLabel);
    checkButtons->addStretch();
    checkButtons->addWidget(m_passMaterial);
    checkButtons->addWidget(m_rejectMaterial);
    auto *checkPanel = new QWidget(materials);
    auto *checkLayout = new QVBoxLayout(checkPanel);
    checkLayout->setContentsMargins(0, 0, 0, 0);
    checkLayout->addLayout(checkButtons);
    checkLayout->addWidget(m_checks);
    auto *materialSplit = new QSplitter(Qt::Vertical, materials);
    materialSplit->addWidget(m_viewer);
    materialSplit->addWidget(checkPanel);
    materialSplit->setStretchFactor(0, 3);
    materialSplit->setStretchFactor(1, 1);
    auto *materialsLayout = new QVBoxLayout(materials);
    materialsLayout->setContentsMargins(0, 0, 0, 0);
    materialsLayout->addWidget(materialSplit);
    m_detailTabs->addTab(materials, tr("材料(&M)"));

    m_accept = new QPushButton(tr("受理(&A)"), intake);
    m_accept->setObjectName(QStringLiteral("accept"));
    m_refuse = new QPushButton(tr("不予受理(&J)"), intake);
    m_refuse->setObjectName(QStringLiteral("refuse"));
    m_supplement = new QPushButton(tr("补正材料(&B)"), intake);
    m_supplement->setObjectName(QStringLiteral("requestSupplement"));
    m_open = new QPushButton(tr("打开通知书(&P)"), intake);
    m_open->setObjectName(QStringLiteral("openNotice"));
    m_save = new QPushButton(tr("另存通知书(&V)…"), intake);
    m_save->setObjectName(QStringLiteral("saveNotice"));
    m_open->setEnabled(false);
    m_save->setEnabled(false);
    m_message = new QLabel(intake);
    m_message->setObjectName(QStringLiteral("windowMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *left = new QWidget(intake);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_walkIn = new QPushButton(tr("代办申报(&C)…"), intake);
    m_walkIn->setObjectName(QStringLiteral("walkIn"));
    m_walkIn->setToolTip(tr("窗口代办：为到窗口办理的申请人填报申报（需要在线）"));
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_walkIn);
    leftLayout->addLayout(searchRow);
    leftLayout->addWidget(m_queue);
    auto *right = new QWidget(intake);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_detailTabs, 1);
    auto *buttons = new QHBoxLayout;
    for (auto *b : {m_accept, m_refuse, m_supplement})
        buttons->addWidget(b);
    buttons->addStretch();
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(m_message);
    auto *split = new QSplitter(Qt::Horizontal, intake);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    m_outbox = new OutboxWidget(context, intake);
    connect(m_outbox, &OutboxWidget::editRequested, this, &WindowWorkspace::redoFiling);
    auto *vertical = new QSplitter(Qt::Vertical, intake);
    vertical->addWidget(split);
    vertical->addWidget(m_outbox);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    auto *intakeLayout = new QVBoxLayout(intake);
    intakeLayout->setContentsMargins(0, 0, 0, 0);
    intakeLayout->addWidget(vertical);
    m_tabs->addTab(intake, tr("受理(&1)"));

    // 综合查询: every application in the window's scope.
    auto *query = new QWidget(this);
    m_queryModel = new ApplicationTableModel(context.cache(), this);
    m_queryProxy = new QSortFilterProxyModel(this);
    m_queryProxy->setSourceModel(m_queryModel);
    m_queryProxy->setSortRole(ApplicationTableModel::SortRole);
    m_query = new QLineEdit(query);
    m_query->setObjectName(QStringLiteral("querySearch"));
    m_query->setPlaceholderText(tr("申报编号、项目代码、项目名称、建设单位或状态"));
    m_query->setClearButtonEnabled(true);
    auto *queryLabel = new QLabel(tr("查询(&Q)："), query);
    queryLabel->setBuddy(m_query);
    m_queryView = tableView(m_queryProxy, QStringLiteral("queryResults"), query);
    auto *queryLayout = new QVBoxLayout(query);
    auto *queryRow = new QHBoxLayout;
    queryRow->addWidget(queryLabel);
    queryRow->addWidget(m_query, 1);
    queryLayout->addLayout(queryRow);
    queryLayout->addWidget(m_queryView);
    m_tabs->addTab(query, tr("综合查询(&2)"));

    // 统一出件 (5.5 d): the concluded applications whose results wait to be handed over.
    auto *delivery = new QWidget(this);
    m_deliveryModel = new ApplicationTableModel(context.cache(), this);
    m_deliveryModel->setStatuses({QStringLiteral("concluded"), QStringLiteral("not_passed")});
    m_deliveryProxy = new QSortFilterProxyModel(this);
    m_deliveryProxy->setSourceModel(m_deliveryModel);
    m_deliveryProxy->setSortRole(ApplicationTableModel::SortRole);
    m_deliveryView = tableView(m_deliveryProxy, QStringLiteral("deliveryQueue"), delivery);
    auto *deliveryLabel = new QLabel(tr("待出件(&L)："), delivery);
    deliveryLabel->setBuddy(m_deliveryView);
    m_deliveryDetail = new QTextBrowser(delivery);
    m_deliveryDetail->setObjectName(QStringLiteral("deliveryDetail"));
    m_deliver = new QPushButton(tr("出件(&E)…"), delivery);
    m_deliver->setObjectName(QStringLiteral("deliver"));
    m_deliver->setEnabled(false);
    m_deliveryMessage = new QLabel(delivery);
    m_deliveryMessage->setObjectName(QStringLiteral("deliveryMessage"));
    m_deliveryMessage->setWordWrap(true);
    auto *deliveryLeft = new QWidget(delivery);
    auto *deliveryLeftLayout = new QVBoxLayout(deliveryLeft);
    deliveryLeftLayout->setContentsMargins(0, 0, 0, 0);
    deliveryLeftLayout->addWidget(deliveryLabel);
    deliveryLeftLayout->addWidget(m_deliveryView);
    auto *deliveryRight = new QWidget(delivery);
    auto *deliveryRightLayout = new QVBoxLayout(deliveryRight);
    deliveryRightLayout->setContentsMargins(0, 0, 0, 0);
    deliveryRightLayout->addWidget(m_deliveryDetail, 1);
    auto *deliveryButtons = new QHBoxLayout;
    deliveryButtons->addWidget(m_deliver);
    deliveryButtons->addStretch();
    deliveryRightLayout->addLayout(deliveryButtons);
    deliveryRightLayout->addWidget(m_deliveryMessage);
    auto *deliverySplit = new QSplitter(Qt::Horizontal, delivery);
    deliverySplit->addWidget(deliveryLeft);
    deliverySplit->addWidget(deliveryRight);
    deliverySplit->setStretchFactor(0, 3);
    deliverySplit->setStretchFactor(1, 2);
    auto *deliveryLayout = new QVBoxLayout(delivery);
    deliveryLayout->addWidget(deliverySplit);
    m_tabs->addTab(delivery, tr("统一出件(&3)"));
    connect(m_deliveryView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                showDelivery(current.isValid() ? current.data(ApplicationTableModel::IdRole).toString() : QString());
            });
    connect(m_deliver, &QPushButton::clicked, this, &WindowWorkspace::deliver);
    connect(m_walkIn, &QPushButton::clicked, this, &WindowWorkspace::walkIn);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs);

    setTabOrder(m_search, m_walkIn);
    setTabOrder(m_walkIn, m_queue);
    setTabOrder(m_queue, m_detailTabs);
    setTabOrder(m_detailTabs, m_detail);
    setTabOrder(m_detail, m_viewer);
    setTabOrder(m_viewer, m_checks);
    setTabOrder(m_checks, m_passMaterial);
    setTabOrder(m_passMaterial, m_rejectMaterial);
    setTabOrder(m_rejectMaterial, m_accept);
    setTabOrder(m_accept, m_refuse);
    setTabOrder(m_refuse, m_supplement);
    setTabOrder(m_supplement, m_open);
    setTabOrder(m_open, m_save);

    connect(m_search, &QLineEdit::textChanged, m_queueProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_query, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_queryModel->setSearch(text);
        m_queryModel->reload();
    });
    connect(m_queue->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                showApplication(current.isValid() ? current.data(ApplicationTableModel::IdRole).toString() : QString());
            });
    connect(m_queryView, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(ApplicationTableModel::IdRole).toString();
        m_tabs->setCurrentIndex(0);
        if (!selectApplication(id))
            showApplication(id);
    });
    connect(m_passMaterial, &QPushButton::clicked, this, &WindowWorkspace::passMaterial);
    connect(m_rejectMaterial, &QPushButton::clicked, this, &WindowWorkspace::rejectMaterial);
    connect(m_checks, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && m_checks->item(row, 0))
            m_viewer->showMaterial(m_checks->item(row, 0)->data(Qt::UserRole).toString());
    });
    connect(m_accept, &QPushButton::clicked, this, &WindowWorkspace::accept);
    connect(m_refuse, &QPushButton::clicked, this, &WindowWorkspace::refuse);
    connect(m_supplement, &QPushButton::clicked, this, &WindowWorkspace::requestSupplement);
    connect(m_open, &QPushButton::clicked, this, &WindowWorkspace::openLastNotice);
    connect(m_save, &QPushButton::clicked, this, &WindowWorkspace::saveLastNotice);
    connect(&m_context, &DeskContext::dataChanged, this, &WindowWorkspace::reload);
    connect(&m_context, &DeskContext::fetched, this, [this](const QString &path, const QByteArray &body) {
        static const QString prefix = QStringLiteral("/api/v1/catalog/items/");
        if (!path.startsWith(prefix) || body.isEmpty())
            return;
        const json item = json::parse(body.toStdString(), nullptr, false);
        if (item.is_object()) {
            const QString code = path.mid(prefix.size());
            m_catalog.insert(code, item);
            // Kept for offline work: 容缺 and 告知承诺 need the catalog's rules.
            (void)m_context.cache().setMeta(QStringLiteral("catalog_item/") + code,
                                            QString::fromStdString(item.dump()));
            updateMaterials(); // the catalog's names of the materials
        }
    });
    connect(&m_context, &DeskContext::filesFetched, m_viewer, &MaterialViewer::refresh);
    connect(&m_context, &DeskContext::loggedIn, this, [this] { m_viewer->setFilesDir(m_context.filesDir()); });
    connect(&m_context, &DeskContext::commandFinished, this, [this](int id, bool ok, const QString &text) {
        if (m_deliveryRequests.contains(id)) {
            const json request = m_deliveryRequests.take(id);
            if (!ok) {
                m_deliveryMessage->setText(tr("未执行：%1").arg(text));
                m_deliveryMessage->setStyleSheet(QStringLiteral("color: #b00000"));
            } else {
                const QString app = q(request.value("application_id", std::string()));
                m_deliveryMessage->setStyleSheet(QString());
                m_deliveryMessage->setText(
                    tr("已记录出件，待同步：%1 %2").arg(app, Texts::delivery(deliveryRecord(app))));
            }
            showDelivery(m_deliveryId);
            return;
        }
        if (!m_requests.contains(id))
            return;
        const Notice notice = m_requests.take(id);
        updateActions();
        if (!ok) {
            m_message->setText(tr("未执行：%1").arg(text));
            m_message->setStyleSheet(QStringLiteral("color: #b00000"));
            return;
        }
        const QString path
            = QDir(m_context.dataDir())
                  .filePath(
                      QStringLiteral("notices/%1-%2.pdf").arg(notice.applicationId, NoticeWriter::title(notice.kind)));
        QString error;
        if (!NoticeWriter::write(notice, path, &error)) {
            m_message->setText(tr("操作已记录，待同步；但通知书未能生成：%1").arg(error));
            return;
        }
        m_lastNotice = path;
        m_open->setEnabled(true);
        m_save->setEnabled(true);
        m_message->setStyleSheet(QString());
        m_message->setText(tr("已记录，待同步。%1已生成：%2").arg(NoticeWriter::title(notice.kind), path));
        Q_EMIT noticeWritten(path);
        if (m_openNotices)
            openLastNotice();
    });
    reload();
}

QString WindowWorkspace::message() const
{
    return m_message->text();
}

QString WindowWorkspace::windowName() const
{
    return tr("乌鲁木齐市政务服务中心工程建设项目综合服务窗口");
}

void WindowWorkspace::reload()
{
    const QString keep = m_appId;
    m_queueModel->reload();
    m_queryModel->reload();
    m_deliveryModel->reload();
    m_outbox->reload();
    const QString keepDelivery = m_deliveryId;
    if (!keepDelivery.isEmpty() && !selectDelivery(keepDelivery))
        showDelivery({});
    if (!keep.isEmpty() && !selectApplication(keep))
        showApplication(keep);
}

bool WindowWorkspace::selectApplication(const QString &applicationId)
{
    for (int r = 0; r < m_queueProxy->rowCount(); ++r) {
        const QModelIndex index = m_queueProxy->index(r, 0);
        if (index.data(ApplicationTableModel::IdRole).toString() == applicationId) {
            m_queue->selectionModel()->setCurrentIndex(index,
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            showApplication(applicationId);
            return true;
        }
    }
    return false;
}

void WindowWorkspace::showApplication(const QString &applicationId)
{
    m_appId = applicationId;
    m_app = applicationId.isEmpty() ? std::nullopt : m_context.cache().application(applicationId);
    const bool waiting
        = m_app
          && (m_app->status == ApplicationStatus::Submitted || m_app->status == ApplicationStatus::SupplementRequested);
    // A walk-in filed here is the server's to accept once it has it.
    bool pending = LocalCache::isFilingId(applicationId);
    for (const auto &op : m_context.cache().ops(QStringLiteral("pending")))
        pending = pending || op.target == applicationId;
    m_actionable = waiting && !pending;
    updateActions();
    updateMaterials();
    if (!m_app) {
        m_detail->setHtml(tr("<p>请在左侧选择一个待受理的申报。</p>"));
        return;
    }
    for (const auto &item : m_app->items)
        if (!m_catalog.contains(q(item.code))) {
            const QString kept = m_context.cache().meta(QStringLiteral("catalog_item/") + q(item.code));
            const json cached = json::parse(kept.toStdString(), nullptr, false);
            if (cached.is_object())
                m_catalog.insert(q(item.code), cached);
            m_context.fetch(QStringLiteral("/api/v1/catalog/items/") + q(item.code));
        }
    const json project = m_context.cache().project(q(m_app->projectId));
    const auto pstr = [&](const char *k) {
        return project.is_object() && project.contains(k) && project[k].is_string() ? q(project[k].get<std::string>())
                                                                                    : QString();
    };
    QString h;
    h += tr("<h3>申报 %1</h3>").arg(esc(q(m_app->id)));
    h += tr("<p><b>项目：</b>%1（%2）<br><b>建设单位：</b>%3<br><b>阶段：</b>%4　<b>渠道：</b>%5　<b>状态：</b>%6%7</"
            "p>")
             .arg(esc(pstr("name")), esc(pstr("project_code")), esc(pstr("builder_name")), Texts::stage(m_app->stage),
                  Texts::channel(q(m_app->channel)), Texts::applicationStatus(q(toString(m_app->status))),
                  pending ? tr("（待同步）") : QString());
    if (!m_app->supplementMaterials.empty()) {
        QStringList s;
        for (const auto &m : m_app->supplementMaterials)
            s << esc(q(m));
        h += tr("<p><b>待补正：</b>%1</p>").arg(s.join(QStringLiteral("、")));
    }
    if (m_app->delivery)
        h += tr("<p><b>出件：</b>%1</p>").arg(esc(Texts::delivery(*m_app->delivery)));
    h += tr("<h4>申报事项</h4><ul>");
    for (const auto &item : m_app->items)
        h += QStringLiteral("<li>%1 v%2</li>").arg(esc(q(item.code)), esc(q(item.version)));
    h += QStringLiteral("</ul>");
    h += tr("<h4>申请材料</h4><ul>");
    for (const auto &m : m_app->materials)
        h += QStringLiteral("<li>%1 %2</li>")
                 .arg(esc(q(m.key())),
                      m.fileId.empty() ? tr("（纸质原件，窗口核验）") : esc(q(m.fileId.substr(0, 12))));
    h += QStringLiteral("</ul>");
    h += tr("<h4>申报表单</h4><table border=0 cellpadding=2>");
    for (const auto &[key, value] : m_app->form.items())
        h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                 .arg(esc(q(key)), esc(value.is_string() ? q(value.get<std::string>()) : q(value.dump())));
    h += QStringLiteral("</table>");
    m_detail->setHtml(h);
}

QString WindowWorkspace::materialName(const QString &key) const
{
    const auto it = m_catalog.constFind(key.section(QLatin1Char('/'), 0, 0));
    if (it == m_catalog.constEnd())
        return {};
    const std::string code = key.section(QLatin1Char('/'), 1).toStdString();
    for (const auto &m : it->value("materials", json::array()))
        if (m.value("code", std::string()) == code)
            return q(m.value("name", std::string()));
    return {};
}

void WindowWorkspace::updateMaterials()
{
    QList<MaterialViewer::Material> list;
    if (m_app)
        for (const auto &m : m_app->materials)
            list.append({q(m.key()), materialName(q(m.key())), q(m.fileId)});
    m_viewer->setMaterials(list);
    updateChecks();
}

const json *WindowWorkspace::catalogItem(const QString &code) const
{
    const auto it = m_catalog.constFind(code);
    return it == m_catalog.constEnd() ? nullptr : &*it;
}

json WindowWorkspace::checks() const
{
    if (m_appId.isEmpty())
        return json::object();
    const json j = json::parse(m_context.cache().meta(QStringLiteral("material_checks/") + m_appId).toStdString(),
                               nullptr, false);
    return j.is_object() ? j : json::object();
}

QString WindowWorkspace::materialCheck(const QString &key, QString *reason) const
{
    const json all = checks();
    const auto it = all.find(key.toStdString());
    if (it == all.end() || !it->is_object())
        return {};
    if (reason)
        *reason = q(it->value("reason", std::string()));
    return q(it->value("status", std::string()));
}

bool WindowWorkspace::setMaterialCheck(const QString &key, const QString &status, const QString &reason)
{
    if (!m_app
        || !m_app->hasMaterial(key.section(QLatin1Char('/'), 0, 0).toStdString(),
                               key.section(QLatin1Char('/'), 1).toStdString()))
        return false;
    json all = checks();
    if (status.isEmpty())
        all.erase(key.toStdString());
    else
        all[key.toStdString()] = {{"status", status.toStdString()}, {"reason", reason.trimmed().toStdString()}};
    if (!m_context.cache()
             .setMeta(QStringLiteral("material_checks/") + m_appId, QString::fromStdString(all.dump()))
             .ok())
        return false;
    updateChecks();
    return true;
}

void WindowWorkspace::updateChecks()
{
    const int keepRow = m_checks->currentRow();
    const json all = checks();
    const int rows = m_app ? int(m_app->materials.size()) : 0;
    m_checks->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        const QString key = q(m_app->materials[std::size_t(r)].key());
        const QString name = materialName(key);
        QString status, reason;
        if (auto it = all.find(key.toStdString()); it != all.end() && it->is_object()) {
            status = q(it->value("status", std::string()));
            reason = q(it->value("reason", std::string()));
        }
        auto *keyItem = new QTableWidgetItem(name.isEmpty() ? key : key + QLatin1Char(' ') + name);
        keyItem->setData(Qt::UserRole, key);
        auto *statusItem = new QTableWidgetItem(status == QLatin1String("passed")     ? tr("通过")
                                                : status == QLatin1String("rejected") ? tr("退回")
                                                                                      : tr("待核验"));
        if (status == QLatin1String("rejected"))
            statusItem->setForeground(QColor(0xb0, 0, 0));
        else if (status == QLatin1String("passed"))
            statusItem->setForeground(QColor(0, 0x80, 0));
        m_checks->setItem(r, 0, keyItem);
        m_checks->setItem(r, 1, statusItem);
        m_checks->setItem(r, 2, new QTableWidgetItem(reason));
    }
    m_checks->resizeColumnToContents(0);
    if (rows > 0)
        m_checks->setCurrentCell(std::clamp(keepRow, 0, rows - 1), 0);
    const bool checkable = rows > 0 && m_actionable;
    m_passMaterial->setEnabled(checkable);
    m_rejectMaterial->setEnabled(checkable);
}

void WindowWorkspace::passMaterial()
{
    const int row = m_checks->currentRow();
    if (row < 0 || !m_checks->item(row, 0))
        return;
    setMaterialCheck(m_checks->item(row, 0)->data(Qt::UserRole).toString(), QStringLiteral("passed"));
}

void WindowWorkspace::rejectMaterial()
{
    const int row = m_checks->currentRow();
    if (row < 0 || !m_checks->item(row, 0))
        return;
    const QString key = m_checks->item(row, 0)->data(Qt::UserRole).toString();
    QString reason;
    (void)materialCheck(key, &reason);
    FormDialog d(tr("退回材料"), this);
    d.addNote(tr("材料：%1").arg(m_checks->item(row, 0)->text()));
    d.addText(QStringLiteral("reason"), tr("退回理由(&R)："), reason, true);
    if (d.exec() != QDialog::Accepted)
        return;
    setMaterialCheck(key, QStringLiteral("rejected"), d.value(QStringLiteral("reason")));
}

Notice WindowWorkspace::noticeFor(Notice::Kind kind) const
{
    Notice n;
    n.kind = kind;
    n.windowName = windowName();
    n.applicationId = m_appId;
    n.clerk = m_context.user().displayName;
    n.date = beijingToday();
    if (m_app) {
        const json project = m_context.cache().project(q(m_app->projectId));
        if (project.is_object()) {
            n.projectCode = q(project.value("project_code", std::string()));
            n.projectName = q(project.value("name", std::string()));
            n.applicant = q(project.value("builder_name", std::string()));
        }
    }
    return n;
}

void WindowWorkspace::updateActions()
{
    // No second command while one is on its way to the sync engine (no double submission).
    const bool enabled = m_actionable && m_requests.isEmpty();
    m_accept->setEnabled(enabled);
    m_refuse->setEnabled(enabled);
    m_supplement->setEnabled(enabled);
}

void WindowWorkspace::run(CommandKind kind, const json &args, const Notice &notice)
{
    if (m_appId.isEmpty() || !m_requests.isEmpty())
        return;
    m_requests.insert(m_context.command(kind, m_appId, args), notice);
    m_message->setText(tr("正在记录……"));
    updateActions();
}

void WindowWorkspace::accept()
{
    if (!m_app)
        return;
    // 容缺: the tolerable materials (of items that allow it) not handed in; 告知承诺: the items
    // that allow it. Both from the catalog (fetched when online, kept in the cache for offline).
    FormDialog::Choices missing;
    FormDialog::Choices commitment;
    QHash<QString, QString> names; // value -> text for the notice
    bool catalogComplete = true;
    for (const auto &item : m_app->items) {
        const json *def = catalogItem(q(item.code));
        if (!def) {
            catalogComplete = false;
            continue;
        }
        const QString itemName = q(def->value("name", std::string()));
        if (def->value("commitment_allowed", false)) {
            commitment.append({q(item.code) + QLatin1Char(' ') + itemName, q(item.code)});
            names.insert(q(item.code), q(item.code) + QLatin1Char(' ') + itemName);
        }
        if (!def->value("tolerance_allowed", false))
            continue;
        for (const auto &m : def->value("materials", json::array())) {
            const std::string code = m.value("code", std::string());
            if (m.value("requirement", std::string()) != "tolerable" || m_app->hasMaterial(item.code, code))
                continue;
            const QString key = q(item.code) + QLatin1Char('/') + q(code);
            const QString text = key + QStringLiteral(" ") + q(m.value("name", std::string()));
            missing.append({text, key});
            names.insert(key, text);
        }
    }
    QStringList rejected;
    for (const auto &m : m_app->materials) {
        QString reason;
        if (materialCheck(q(m.key()), &reason) == QLatin1String("rejected"))
            rejected << q(m.key()) + QStringLiteral("：") + reason;
    }
    FormDialog d(tr("受理"), this);
    d.addNote(tr("受理后各部门办件开始计时。容缺受理的材料须由申请人承诺在期限内补齐；告知承诺制事项按承诺办理。"));
    if (!rejected.isEmpty())
        d.addNote(tr("注意：以下材料核验未通过，宜先要求补正：%1").arg(rejected.join(QStringLiteral("；"))));
    if (!catalogComplete)
        d.addNote(tr("（部分事项的目录尚未读取：离线且此前未读取过，无法列出容缺和告知承诺选项。）"));
    if (missing.isEmpty())
        d.addNote(tr("没有可容缺受理的缺失材料。"));
    else
        d.addChecks(QStringLiteral("tolerated"), tr("容缺材料(&T)："), missing);
    if (!commitment.isEmpty())
        d.addChecks(QStringLiteral("commitment"), tr("告知承诺事项(&C)："), commitment);
    d.addText(QStringLiteral("opinion"), tr("受理意见(&O)："), tr("材料齐全，符合法定形式，予以受理。"));
    if (d.exec() != QDialog::Accepted)
        return;
    const QStringList tolerated = d.checked(QStringLiteral("tolerated"));
    const QStringList committed = d.checked(QStringLiteral("commitment"));
    json args = {{"opinion", d.value(QStringLiteral("opinion")).toStdString()}};
    const auto list = [](const QStringList &values) {
        json out = json::array();
        for (const auto &v : values)
            out.push_back(v.toStdString());
        return out;
    };
    if (!tolerated.isEmpty())
        args["tolerated"] = list(tolerated);
    if (!committed.isEmpty())
        args["commitment"] = list(committed);
    Notice n = noticeFor(Notice::Kind::Acceptance);
    for (const auto &t : tolerated)
        n.materials << names.value(t, t);
    for (const auto &c : committed)
        n.commitments << names.value(c, c);
    run(CommandKind::Accept, args, n);
}

void WindowWorkspace::refuse()
{
    FormDialog d(tr("不予受理"), this);
    d.addText(QStringLiteral("reason"), tr("理由(&R)："), {}, true);
    if (d.exec() != QDialog::Accepted)
        return;
    Notice n = noticeFor(Notice::Kind::Refusal);
    n.reason = d.value(QStringLiteral("reason"));
    run(CommandKind::Refuse, {{"reason", n.reason.toStdString()}}, n);
}

void WindowWorkspace::requestSupplement()
{
    if (!m_app)
        return;
    // The materials rejected in the check come first, checked, with their reasons.
    FormDialog::Choices materials;
    QHash<QString, QString> lines; // key -> the notice's line
    QStringList rejected;
    for (const auto &m : m_app->materials) {
        const QString key = q(m.key());
        const QString name = materialName(key);
        const QString text = name.isEmpty() ? key : key + QLatin1Char(' ') + name;
        QString reason;
        if (materialCheck(key, &reason) == QLatin1String("rejected")) {
            rejected << key;
            materials.prepend({text + tr("（退回：%1）").arg(reason), key});
            lines.insert(key, tr("%1（退回理由：%2）").arg(text, reason));
        } else {
            materials.append({text + tr("（已交，需更正）"), key});
            lines.insert(key, text + tr("（需更正）"));
        }
    }
    for (const auto &item : m_app->items) {
        const json *def = catalogItem(q(item.code));
        if (!def)
            continue;
        for (const auto &m : def->value("materials", json::array())) {
            const std::string code = m.value("code", std::string());
            if (m_app->hasMaterial(item.code, code))
                continue;
            const QString key = q(item.code) + QLatin1Char('/') + q(code);
            const QString text = key + QStringLiteral(" ") + q(m.value("name", std::string()));
            materials.append({text + tr("（未交）"), key});
            lines.insert(key, text + tr("（未交）"));
        }
    }
    FormDialog d(tr("补正材料"), this);
    QListWidget *list = d.addChecks(QStringLiteral("materials"), tr("补正材料(&M)："), materials, true);
    for (int i = 0; i < list->count(); ++i)
        if (rejected.contains(list->item(i)->data(Qt::UserRole).toString()))
            list->item(i)->setCheckState(Qt::Checked);
    d.addText(QStringLiteral("opinion"), tr("说明(&N)："));
    if (d.exec() != QDialog::Accepted)
        return;
    Notice n = noticeFor(Notice::Kind::Supplement);
    const QStringList keys = d.checked(QStringLiteral("materials"));
    QStringList reasons;
    for (const auto &k : keys) {
        n.materials << lines.value(k, k);
        QString reason;
        if (materialCheck(k, &reason) == QLatin1String("rejected"))
            reasons << tr("%1：%2").arg(k, reason);
    }
    n.reason = d.value(QStringLiteral("opinion"));
    // The applicant sees why each material came back (the opinion carries the reasons).
    QString opinion = n.reason;
    if (!reasons.isEmpty())
        opinion = (opinion.isEmpty() ? QString() : opinion + QStringLiteral("\n")) + tr("退回理由：")
                  + reasons.join(QStringLiteral("；"));
    json keyList = json::array();
    for (const auto &k : keys)
        keyList.push_back(k.toStdString());
    run(CommandKind::RequestSupplement, {{"missing_materials", keyList}, {"opinion", opinion.toStdString()}}, n);
}

bool WindowWorkspace::selectDelivery(const QString &applicationId)
{
    for (int r = 0; r < m_deliveryProxy->rowCount(); ++r) {
        const QModelIndex index = m_deliveryProxy->index(r, 0);
        if (index.data(ApplicationTableModel::IdRole).toString() == applicationId) {
            m_deliveryView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                                         | QItemSelectionModel::Rows);
            showDelivery(applicationId);
            return true;
        }
    }
    return false;
}

json WindowWorkspace::deliveryRecord(const QString &applicationId) const
{
    // The application's own record: the server's, or the one decided here and waiting to sync.
    const auto app = m_context.cache().application(applicationId);
    if (!app || !app->delivery)
        return json();
    return workflowjson::toJson(*app).value("delivery", json());
}

void WindowWorkspace::showDelivery(const QString &applicationId)
{
    m_deliveryId = applicationId;
    const auto app = applicationId.isEmpty() ? std::nullopt : m_context.cache().application(applicationId);
    bool pending = false;
    for (const auto &op : m_context.cache().ops(QStringLiteral("pending")))
        pending = pending || op.target == applicationId;
    const bool waiting
        = app && (app->status == ApplicationStatus::Concluded || app->status == ApplicationStatus::NotPassed);
    m_deliver->setEnabled(waiting && !pending && m_deliveryRequests.isEmpty());
    if (!app) {
        m_deliveryDetail->setHtml(tr("<p>请在左侧选择一个待出件的申报。</p>"));
        return;
    }
    const json project = m_context.cache().project(q(app->projectId));
    const auto pstr = [&](const char *k) {
        return project.is_object() && project.contains(k) && project[k].is_string() ? q(project[k].get<std::string>())
                                                                                    : QString();
    };
    QString h;
    h += tr("<h3>申报 %1</h3>").arg(esc(q(app->id)));
    h += tr("<p><b>项目：</b>%1（%2）<br><b>建设单位：</b>%3<br><b>阶段：</b>%4　<b>状态：</b>%5</p>")
             .arg(esc(pstr("name")), esc(pstr("project_code")), esc(pstr("builder_name")), Texts::stage(app->stage),
                  Texts::applicationStatus(q(toString(app->status))));
    h += tr("<h4>审批结果</h4><table border=1 cellspacing=0 cellpadding=3><tr><th>办件</th><th>事项</th>"
            "<th>结论</th><th>批复文件</th></tr>");
    for (const auto &k : app->cases) {
        QString doc;
        if (k.document)
            doc = tr("%1《%2》").arg(esc(q(k.document->number)), esc(q(k.document->title)));
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                 .arg(esc(q(k.id)), esc(q(k.itemName)), Texts::caseStatus(q(toString(k.status))), doc);
    }
    h += QStringLiteral("</table>");
    if (app->delivery)
        h += tr("<p><b>出件：</b>%1</p>").arg(esc(Texts::delivery(*app->delivery)));
    if (pending)
        h += tr("<p>（出件已记录，待同步）</p>");
    m_deliveryDetail->setHtml(h);
}

void WindowWorkspace::deliver()
{
    const auto app = m_deliveryId.isEmpty() ? std::nullopt : m_context.cache().application(m_deliveryId);
    if (!app || !m_deliveryRequests.isEmpty())
        return;
    FormDialog d(tr("统一出件"), this);
    d.addNote(tr("申报 %1 的审批结果由综合窗口统一出件。请记录交付方式。").arg(q(app->id)));
    d.addChoice(QStringLiteral("method"), tr("出件方式(&W)："),
                {{tr("网上送达（电子证照）"), QStringLiteral("online")},
                 {tr("现场领取"), QStringLiteral("in_person")},
                 {tr("邮寄送达"), QStringLiteral("post")}});
    d.addLine(QStringLiteral("recipient"), tr("领取人/收件人(&R)："));
    d.addLine(QStringLiteral("tracking"), tr("邮件单号(&T)："));
    d.addText(QStringLiteral("remark"), tr("备注(&N)："));
    d.setValidator([](const FormDialog &f) {
        const QString method = f.value(QStringLiteral("method"));
        if (method == QLatin1String("post") && f.value(QStringLiteral("tracking")).isEmpty())
            return tr("邮寄送达须填写邮件单号");
        static const QRegularExpression trackingShape(QStringLiteral("^[A-Za-z0-9-]{6,40}$"));
        if (method == QLatin1String("post")
            && !trackingShape.match(f.value(QStringLiteral("tracking")).trimmed()).hasMatch())
            return tr("邮件单号应为 6–40 位字母、数字或连字符");
        if (method == QLatin1String("in_person") && f.value(QStringLiteral("recipient")).isEmpty())
            return tr("现场领取须填写领取人");
        return QString();
    });
    if (d.exec() != QDialog::Accepted)
        return;
    const QString method = d.value(QStringLiteral("method"));
    json args = {{"method", method.toStdString()},
                 {"recipient", d.value(QStringLiteral("recipient")).trimmed().toStdString()},
                 // When it was handed over, not when the op reaches the server (maybe hours later).
                 {"delivered_at", QDateTime::currentDateTime()
                                      .toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")))
                                      .toString(Qt::ISODate)
                                      .toStdString()}};
    if (method == QLatin1String("post"))
        args["tracking_no"] = d.value(QStringLiteral("tracking")).trimmed().toStdString();
    if (const QString remark = d.value(QStringLiteral("remark")).trimmed(); !remark.isEmpty())
        args["opinion"] = remark.toStdString();
    m_deliveryRequests.insert(m_context.command(CommandKind::Deliver, m_deliveryId, args),
                              {{"application_id", m_deliveryId.toStdString()}});
    m_deliver->setEnabled(false);
    m_deliveryMessage->setText(tr("正在记录……"));
}

void WindowWorkspace::walkIn()
{
    WalkInDialog d(m_context, this);
    connect(&d, &WalkInDialog::filed, this, &WindowWorkspace::walkInFiled);
    d.exec();
}

void WindowWorkspace::walkInFiled(const QString &id)
{
    m_message->setStyleSheet(QString());
    m_message->setText(tr("已代办申报 %1（待同步），已列入待受理列表。").arg(id));
    reload();
    selectApplication(id);
    if (m_context.online())
        m_context.syncNow();
}

void WindowWorkspace::redoFiling(const QString &opId)
{
    OutboxOp refused;
    for (const auto &op : m_context.cache().ops())
        if (op.opId == opId)
            refused = op;
    if (refused.opId.isEmpty())
        return;
    WalkInDialog d(m_context, this);
    if (!d.prefill(refused.target, refused.args)) {
        m_message->setStyleSheet(QStringLiteral("color: #b00000"));
        m_message->setText(tr("无法重做：本机缓存中没有该项目或它的办事指南，请先同步。"));
        return;
    }
    connect(&d, &WalkInDialog::filed, this, [this, opId](const QString &id) {
        m_context.dropOp(opId); // filed anew: the refused one has been dealt with
        walkInFiled(id);
    });
    d.exec();
}

void WindowWorkspace::openLastNotice()
{
    if (!m_lastNotice.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_lastNotice));
}

void WindowWorkspace::saveLastNotice()
{
    if (m_lastNotice.isEmpty())
        return;
    const QString target = QFileDialog::getSaveFileName(this, tr("另存通知书"), QFileInfo(m_lastNotice).fileName(),
                                                        tr("PDF 文件 (*.pdf)"));
    if (target.isEmpty())
        return;
    QFile::remove(target);
    if (!QFile::copy(m_lastNotice, target))
        m_message->setText(tr("无法保存到 %1").arg(target));
}

} // namespace spgl::desk
