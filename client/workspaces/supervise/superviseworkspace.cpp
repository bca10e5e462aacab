#include "workspaces/supervise/superviseworkspace.h"

#include "core/deskcontext.h"
#include "gui/casetablemodel.h"
#include "gui/texts.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace spgl::desk {

using nlohmann::json;

namespace {
QString q(const std::string &s)
{
    return QString::fromStdString(s);
}
QTableView *caseView(CaseTableModel *model, const QString &name, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(CaseTableModel::SortRole);
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(CaseTableModel::Deadline, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}
} // namespace

SuperviseWorkspace::SuperviseWorkspace(DeskContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("superviseWorkspace"));
    m_counts = new QTableWidget(0, 5, this);
    m_counts->setObjectName(QStringLiteral("levelCounts"));
    m_counts->setHorizontalHeaderLabels({tr("部门"), tr("办理中"), tr("正常"), tr("预警"), tr("超期")});
    m_counts->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_counts->verticalHeader()->hide();
    m_overdue = new CaseTableModel(context.cache(), this);
    m_overdue->setLevels({QStringLiteral("overdue"), QStringLiteral("urged")});
    m_warning = new CaseTableModel(context.cache(), this);
    m_warning->setLevels({QStringLiteral("warning")});
    m_overdueView = caseView(m_overdue, QStringLiteral("overdueList"), this);
    m_warningView = caseView(m_warning, QStringLiteral("warningList"), this);
    m_timeline = new QTextBrowser(this);
    m_timeline->setObjectName(QStringLiteral("timeline"));

    auto labelled = [this](const QString &text, QWidget *w) {
        auto *box = new QWidget(this);
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(text, box);
        label->setBuddy(w);
        l->addWidget(label);
        l->addWidget(w);
        return box;
    };
    auto *lists = new QSplitter(Qt::Vertical, this);
    lists->addWidget(labelled(tr("按部门和预警级别统计(&C)（未办结办件）"), m_counts));
    lists->addWidget(labelled(tr("超期办件(&O)"), m_overdueView));
    lists->addWidget(labelled(tr("预警办件(&W)"), m_warningView));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(lists);
    split->addWidget(labelled(tr("办理过程(&T)（回车查看所选办件）"), m_timeline));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);
    setTabOrder(m_counts, m_overdueView);
    setTabOrder(m_overdueView, m_warningView);
    setTabOrder(m_warningView, m_timeline);

    for (auto *view : {m_overdueView, m_warningView})
        connect(view, &QTableView::activated, this,
                [this](const QModelIndex &index) { showTimeline(index.data(CaseTableModel::IdRole).toString()); });
    connect(&m_context, &DeskContext::dataChanged, this, &SuperviseWorkspace::reload);
    connect(&m_context, &DeskContext::fetched, this, [this](const QString &path, const QByteArray &body) {
        if (m_timelineApp.isEmpty() || path != QStringLiteral("/api/v1/applications/") + m_timelineApp
            || body.isEmpty())
            return;
        const json app = json::parse(body.toStdString(), nullptr, false);
        if (!app.is_object())
            return;
        QString h = tr("<h3>申报 %1 的办理过程</h3><p>（来自服务器）</p><table border=1 cellspacing=0 "
                       "cellpadding=3><tr><th>时间</th><th>办件</th><th>环节</th><th>经办人</th><th>意见</th></tr>")
                        .arg(m_timelineApp.toHtmlEscaped());
        for (const auto &e : app.value("timeline", json::array())) {
            auto s = [&](const char *k) {
                return e.contains(k) && e[k].is_string() ? q(e[k].get<std::string>()).toHtmlEscaped() : QString();
            };
            QString at = s("time").left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
            const QString actor = s("actor_name").isEmpty() ? s("actor_id") : s("actor_name");
            QString text = s("text");
            if (e.contains("delivery")) // 统一出件: how, the tracking number, to whom, when
                text = Texts::delivery(e["delivery"]).toHtmlEscaped() + (text.isEmpty() ? QString() : tr("；") + text);
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                     .arg(at, s("case_id"), s("blzt_name").isEmpty() ? s("kind") : s("blzt_name"), actor, text);
        }
        h += QStringLiteral("</table>");
        m_timeline->setHtml(h);
    });
    reload();
}

void SuperviseWorkspace::reload()
{
    m_overdue->reload();
    m_warning->reload();
    struct Count
    {
        int open = 0, normal = 0, warning = 0, overdue = 0;
    };
    QMap<QString, Count> byDepartment;
    if (m_context.cache().isOpen())
        for (const auto &c : m_context.cache().cases()) {
            const std::string status = c.value("status", std::string());
            if (status == "approved" || status == "approved_tolerated" || status == "disapproved")
                continue;
            Count &n = byDepartment[q(c.value("department", std::string()))];
            ++n.open;
            const std::string level = c.value("level", std::string());
            if (level == "overdue" || level == "urged")
                ++n.overdue;
            else if (level == "warning")
                ++n.warning;
            else
                ++n.normal;
        }
    m_counts->setRowCount(0);
    Count total;
    auto addRow = [this](const QString &name, const Count &n) {
        const int row = m_counts->rowCount();
        m_counts->insertRow(row);
        m_counts->setItem(row, 0, new QTableWidgetItem(name));
        const int values[] = {n.open, n.normal, n.warning, n.overdue};
        for (int i = 0; i < 4; ++i) {
            auto *item = new QTableWidgetItem(QString::number(values[i]));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (i == 2 && values[i] > 0)
                item->setBackground(Texts::levelColor(QStringLiteral("warning")));
            if (i == 3 && values[i] > 0)
                item->setBackground(Texts::levelColor(QStringLiteral("overdue")));
            m_counts->setItem(row, i + 1, item);
        }
    };
    for (auto it = byDepartment.cbegin(); it != byDepartment.cend(); ++it) {
        addRow(it.key(), it.value());
        total.open += it->open;
        total.normal += it->normal;
        total.warning += it->warning;
        total.overdue += it->overdue;
    }
    addRow(tr("合计"), total);
}

void SuperviseWorkspace::showTimeline(const QString &caseId)
{
    if (caseId.isEmpty())
        return;
    m_timelineApp = caseId.left(caseId.lastIndexOf(QLatin1Char('-')));
    // The cached state first; the server's timeline replaces it when it answers.
    const auto app = m_context.cache().application(m_timelineApp);
    QString h = tr("<h3>申报 %1</h3><p>（本地缓存的状态%2）</p><ul>")
                    .arg(m_timelineApp.toHtmlEscaped(),
                         m_context.offlineOnly() || !m_context.online() ? tr("，离线") : tr("，正在读取办理过程……"));
    if (app)
        for (const auto &k : app->cases)
            h += tr("<li>%1 %2 %3：%4</li>")
                     .arg(q(k.id).toHtmlEscaped(), q(k.itemName).toHtmlEscaped(), q(k.department).toHtmlEscaped(),
                          Texts::caseStatus(
                              QString::fromUtf8(toString(k.status).data(), qsizetype(toString(k.status).size()))));
    h += QStringLiteral("</ul>");
    m_timeline->setHtml(h);
    m_context.fetch(QStringLiteral("/api/v1/applications/") + m_timelineApp);
}

} // namespace spgl::desk
