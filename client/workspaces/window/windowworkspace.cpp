#include "workspaces/window/windowworkspace.h"

#include "core/deskcontext.h"
#include "gui/applicationtablemodel.h"
#include "gui/formdialog.h"
#include "gui/outboxwidget.h"
#include "gui/texts.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

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
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    leftLayout->addLayout(searchRow);
    leftLayout->addWidget(m_queue);
    auto *right = new QWidget(intake);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_detail, 1);
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs);

    setTabOrder(m_search, m_queue);
    setTabOrder(m_queue, m_detail);
    setTabOrder(m_detail, m_accept);
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
        if (item.is_object())
            m_catalog.insert(path.mid(prefix.size()), item);
    });
    connect(&m_context, &DeskContext::commandFinished, this, [this](int id, bool ok, const QString &text) {
        if (!m_requests.contains(id))
            return;
        const Notice notice = m_requests.take(id);
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
    m_outbox->reload();
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
    bool pending = false;
    for (const auto &op : m_context.cache().ops(QStringLiteral("pending")))
        pending = pending || op.target == applicationId;
    m_accept->setEnabled(waiting && !pending);
    m_refuse->setEnabled(waiting && !pending);
    m_supplement->setEnabled(waiting && !pending);
    if (!m_app) {
        m_detail->setHtml(tr("<p>请在左侧选择一个待受理的申报。</p>"));
        return;
    }
    for (const auto &item : m_app->items)
        if (!m_catalog.contains(q(item.code)))
            m_context.fetch(QStringLiteral("/api/v1/catalog/items/") + q(item.code));
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

Notice WindowWorkspace::noticeFor(Notice::Kind kind) const
{
    Notice n;
    n.kind = kind;
    n.windowName = windowName();
    n.applicationId = m_appId;
    n.clerk = m_context.user().displayName;
    n.date = QDate::currentDate();
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

void WindowWorkspace::run(CommandKind kind, const json &args, const Notice &notice)
{
    if (m_appId.isEmpty())
        return;
    m_requests.insert(m_context.command(kind, m_appId, args), notice);
    m_message->setText(tr("正在记录……"));
}

void WindowWorkspace::accept()
{
    if (!m_app)
        return;
    // 容缺: the tolerable materials of the applied items not handed in (from the catalog, online).
    FormDialog::Choices missing;
    for (const auto &item : m_app->items) {
        const auto it = m_catalog.constFind(q(item.code));
        if (it == m_catalog.constEnd())
            continue;
        for (const auto &m : it->value("materials", json::array())) {
            const std::string code = m.value("code", std::string());
            if (m.value("requirement", std::string()) == "optional" || m_app->hasMaterial(item.code, code))
                continue;
            const QString key = q(item.code) + QLatin1Char('/') + q(code);
            missing.append({key + QStringLiteral(" ") + q(m.value("name", std::string())), key});
        }
    }
    FormDialog d(tr("受理"), this);
    d.addNote(tr("受理后各部门办件开始计时。容缺受理的材料须由申请人承诺在期限内补齐。"));
    if (missing.isEmpty())
        d.addNote(tr("（没有可容缺的缺失材料，或离线时无法读取事项目录。）"));
    else
        d.addChecks(QStringLiteral("tolerated"), tr("容缺材料(&T)："), missing);
    d.addText(QStringLiteral("opinion"), tr("受理意见(&O)："), tr("材料齐全，符合法定形式，予以受理。"));
    if (d.exec() != QDialog::Accepted)
        return;
    const QStringList tolerated = d.checked(QStringLiteral("tolerated"));
    json args = {{"opinion", d.value(QStringLiteral("opinion")).toStdString()}};
    if (!tolerated.isEmpty()) {
        json list = json::array();
        for (const auto &t : tolerated)
            list.push_back(t.toStdString());
        args["tolerated"] = list;
    }
    Notice n = noticeFor(Notice::Kind::Acceptance);
    n.materials = tolerated;
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
    FormDialog::Choices materials;
    for (const auto &m : m_app->materials)
        materials.append({q(m.key()) + tr("（已交，需更正）"), q(m.key())});
    for (const auto &item : m_app->items) {
        const auto it = m_catalog.constFind(q(item.code));
        if (it == m_catalog.constEnd())
            continue;
        for (const auto &m : it->value("materials", json::array())) {
            const std::string code = m.value("code", std::string());
            if (!m_app->hasMaterial(item.code, code))
                materials.append({q(item.code) + QLatin1Char('/') + q(code) + QStringLiteral(" ")
                                      + q(m.value("name", std::string())) + tr("（未交）"),
                                  q(item.code) + QLatin1Char('/') + q(code)});
        }
    }
    FormDialog d(tr("补正材料"), this);
    d.addChecks(QStringLiteral("materials"), tr("补正材料(&M)："), materials, true);
    d.addText(QStringLiteral("opinion"), tr("说明(&N)："));
    if (d.exec() != QDialog::Accepted)
        return;
    Notice n = noticeFor(Notice::Kind::Supplement);
    n.materials = d.checked(QStringLiteral("materials"));
    n.reason = d.value(QStringLiteral("opinion"));
    json list = json::array();
    for (const auto &m : n.materials)
        list.push_back(m.toStdString());
    run(CommandKind::RequestSupplement, {{"missing_materials", list}, {"opinion", n.reason.toStdString()}}, n);
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
