#include "gui/map/projectsearchpanel.h"

#include "core/localcache.h"
#include "core/map/compliancereportwriter.h"
#include "core/map/layerstyle.h"
#include "core/map/memoryvectorlayer.h"
#include "gui/map/annotationlabels.h"
#include "gui/map/mapcanvas.h"
#include "gui/map/mapview.h"
#include "gui/texts.h"

#include <QDateTime>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using nlohmann::json;

namespace spgl::desk {

namespace {

constexpr int kIdRole = Qt::UserRole;

QJsonObject toQt(const json &value)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(value.dump())).object();
}

/// Every position of a GeoJSON geometry, into @p box.
void extend(const json &coordinates, QRectF &box)
{
    if (!coordinates.is_array() || coordinates.empty())
        return;
    if (coordinates[0].is_number() && coordinates.size() >= 2 && coordinates[1].is_number()) {
        // QRectF::united() skips empty rectangles: grow by hand.
        const double x = coordinates[0].get<double>(), y = coordinates[1].get<double>();
        if (box == QRectF()) // no point yet (China has no (0, 0))
            box = QRectF(x, y, 0, 0);
        box.setCoords(std::min(box.left(), x), std::min(box.top(), y), std::max(box.right(), x),
                      std::max(box.bottom(), y));
        return;
    }
    for (const json &c : coordinates)
        extend(c, box);
}

QPointF firstPosition(const json &coordinates)
{
    if (!coordinates.is_array() || coordinates.empty())
        return {};
    if (coordinates[0].is_number() && coordinates.size() >= 2)
        return {coordinates[0].get<double>(), coordinates[1].get<double>()};
    return firstPosition(coordinates[0]);
}

/// A time the server sent as epoch seconds (or milliseconds) or RFC 3339, in Beijing time.
QString beijingDate(const json &value)
{
    QDateTime t;
    if (value.is_number()) {
        double v = value.get<double>();
        if (v > 1e11)
            v /= 1000; // milliseconds
        t = QDateTime::fromSecsSinceEpoch(qint64(v), QTimeZone("Asia/Shanghai"));
    } else if (value.is_string()) {
        t = QDateTime::fromString(QString::fromStdString(value.get<std::string>()), Qt::ISODate);
        t = t.toTimeZone(QTimeZone("Asia/Shanghai"));
    }
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

} // namespace

ProjectSearchPanel::ProjectSearchPanel(MapView *view, LocalCache &cache, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_cache(cache)
{
    setObjectName(QStringLiteral("projectSearchPanel"));
    m_siteLayer = std::make_shared<MemoryVectorLayer>(QStringLiteral("projectSite"), tr("项目用地范围"));
    LayerStyle site;
    site.setFill(QColor(255, 200, 0, 110));
    site.setStroke(QColor(230, 120, 0));
    site.setStrokeWidth(2.5);
    m_siteLayer->setStyle(site);
    m_historyLayer = std::make_shared<MemoryVectorLayer>(QStringLiteral("projectSiteHistory"), tr("用地范围历史"));
    LayerStyle history;
    history.setFill(QColor(0, 0, 0, 0));
    history.setStroke(QColor(90, 90, 160));
    history.setStrokeWidth(1.2);
    m_historyLayer->setStyle(history);
    m_historyLabels = new AnnotationLabels(view->canvas());

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("projectSearch"));
    m_search->setPlaceholderText(tr("搜索项目：名称、项目代码或建设单位"));
    m_search->setClearButtonEnabled(true);
    m_serverSearch = new QPushButton(tr("在服务器上查找"), this);
    m_serverSearch->setObjectName(QStringLiteral("serverProjectSearch"));
    m_serverSearch->setToolTip(tr("查找本机缓存以外的项目，例如尚未申报、正在策划的项目（需要联网）"));
    connect(m_serverSearch, &QPushButton::clicked, this, &ProjectSearchPanel::searchServer);
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("projectResults"));
    m_results->setMaximumHeight(140);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("projectSummary"));
    m_summary->setWordWrap(true);
    m_progress = new QTreeWidget(this);
    m_progress->setObjectName(QStringLiteral("projectProgress"));
    m_progress->setHeaderLabels({tr("申请 / 审批事项"), tr("部门"), tr("状态"), tr("时限")});
    m_progress->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_history = new QListWidget(this);
    m_history->setObjectName(QStringLiteral("siteHistory"));
    m_history->setMaximumHeight(110);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(new QLabel(tr("<b>项目定位</b>"), this));
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_serverSearch);
    layout->addLayout(searchRow);
    layout->addWidget(m_results);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("审批进度"), this));
    layout->addWidget(m_progress, 1);
    layout->addWidget(new QLabel(tr("用地范围历史"), this));
    layout->addWidget(m_history);
    auto *report = new QPushButton(tr("合规性检查报告（PDF）…"), this);
    report->setObjectName(QStringLiteral("complianceReport"));
    connect(report, &QPushButton::clicked, this, [this] {
        if (!m_projectId.isEmpty())
            Q_EMIT complianceReportWanted(m_projectId);
    });
    layout->addWidget(report);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) { search(t); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_results->count() > 0 && m_results->item(0)->data(kIdRole).isValid())
            m_results->setCurrentRow(0);
        else
            searchServer(); // nothing cached matches: ask the server
    });
    connect(m_results, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            locate(item->data(kIdRole).toString());
    });
}

ProjectSearchPanel::~ProjectSearchPanel() = default;

int ProjectSearchPanel::search(const QString &needle)
{
    const QSignalBlocker block(m_results);
    m_results->clear();
    if (needle.trimmed().isEmpty())
        return 0;
    const auto projects = m_cache.findProjects(needle, 50);
    for (const json &p : projects) {
        auto *item = new QListWidgetItem(tr("%1（%2）").arg(Texts::field(p, "name"), Texts::field(p, "project_code")),
                                         m_results);
        item->setData(kIdRole, Texts::field(p, "id"));
        item->setToolTip(tr("建设单位：%1").arg(Texts::field(p, "builder_name")));
    }
    if (projects.empty())
        m_results->addItem(tr("本地缓存中没有匹配的项目（按回车在服务器上查找）"));
    return int(projects.size());
}

void ProjectSearchPanel::searchServer()
{
    const QString needle = m_search->text().trimmed();
    if (needle.isEmpty()) {
        m_summary->setText(tr("请输入项目名称或项目代码"));
        return;
    }
    m_serverQuery = needle;
    m_summary->setText(tr("正在服务器上查找“%1”……").arg(needle));
    Q_EMIT serverSearchWanted(needle);
}

void ProjectSearchPanel::setServerResults(const QByteArray &body)
{
    const json answer = json::parse(body.toStdString(), nullptr, false);
    if (!answer.is_object() || !answer.contains("items") || !answer["items"].is_array()) {
        m_summary->setText(tr("无法连接服务器，只能查找本机缓存中的项目"));
        return;
    }
    if (auto s = m_cache.storeProjects(answer["items"]); !s.ok()) {
        m_summary->setText(QString::fromStdString(s.error().message));
        return;
    }
    const int found = search(m_serverQuery);
    m_summary->setText(found > 0 ? tr("服务器上找到 %1 个项目，已保存到本机以便离线使用").arg(answer["items"].size())
                                 : tr("服务器上也没有匹配“%1”的项目").arg(m_serverQuery));
}

bool ProjectSearchPanel::locate(const QString &projectId)
{
    const json project = m_cache.project(projectId);
    if (project.is_null() || !project.is_object()) {
        m_summary->setText(tr("本地缓存中没有该项目，请先同步"));
        return false;
    }
    m_projectId = projectId;
    m_view->addOverlayLayer(m_historyLayer); // on first use (once)
    m_view->addOverlayLayer(m_siteLayer);
    m_summary->setText(tr("%1\n项目代码：%2\n建设单位：%3")
                           .arg(Texts::field(project, "name"), Texts::field(project, "project_code"),
                                Texts::field(project, "builder_name")));
    const json site = project.contains("site") ? project["site"] : json();
    QJsonArray features;
    if (site.is_object()) {
        features.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                        {QStringLiteral("geometry"), toQt(site)},
                        {QStringLiteral("properties"),
                         QJsonObject{{QStringLiteral("project_id"), projectId},
                                     {QStringLiteral("name"), Texts::field(project, "name")},
                                     {QStringLiteral("project_code"), Texts::field(project, "project_code")}}}});
        QRectF box;
        extend(site.value("coordinates", json()), box);
        if (box != QRectF()) {
            // The site with a margin around it (at least about 200 m).
            const double margin = std::max({box.width(), box.height(), 0.004});
            m_view->canvas()->setExtent(box.adjusted(-margin, -margin, margin, margin));
        }
    } else {
        m_summary->setText(m_summary->text() + tr("\n该项目尚未登记用地范围"));
    }
    (void)m_siteLayer->setFeatures(features);
    showProgress(project);
    clearHistory(tr("正在读取用地范围历史……"));
    Q_EMIT projectSelected(projectId);
    Q_EMIT siteVersionsWanted(projectId);
    return true;
}

void ProjectSearchPanel::showProgress(const json &project)
{
    m_progress->clear();
    const QString projectId = Texts::field(project, "id");
    std::vector<json> cases = m_cache.cases();
    for (const json &a : m_cache.applications()) {
        if (Texts::field(a, "project_id") != projectId)
            continue;
        const QString appId = Texts::field(a, "id");
        auto *app = new QTreeWidgetItem(m_progress, {tr("%1 申请 %2").arg(Texts::stage(a.value("stage", 0)), appId),
                                                     QString(), Texts::applicationStatus(Texts::field(a, "status")),
                                                     Texts::field(a, "submitted_at").left(10)});
        for (const json &c : cases) {
            if (Texts::field(c, "application_id") != appId)
                continue;
            const QString level = Texts::field(c, "level");
            auto *item = new QTreeWidgetItem(
                app, {Texts::field(c, "item_name"), Texts::field(c, "department"),
                      Texts::caseStatus(Texts::field(c, "status")),
                      tr("%1 %2").arg(Texts::level(level), Texts::field(c, "deadline").left(10))});
            item->setForeground(3, Texts::levelColor(level));
        }
        app->setExpanded(true);
    }
    if (m_progress->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_progress, {tr("本地缓存中没有该项目的申请")});
}

Status ProjectSearchPanel::exportComplianceReport(const QByteArray &reportJson, const QString &path) const
{
    const json project = m_cache.project(m_projectId);
    if (project.is_null())
        return Error{"report.project", tr("请先定位项目").toStdString(), {}};
    const QJsonDocument report = QJsonDocument::fromJson(reportJson);
    if (!report.object().contains(QLatin1String("checks"))) // offline (empty) or a problem (not checked yet)
        return Error{"report.json", tr("没有可用的合规性检查结果（离线或尚未检查）").toStdString(), {}};
    ComplianceReportWriter::Input in;
    in.projectName = Texts::field(project, "name");
    in.projectCode = Texts::field(project, "project_code");
    in.site = project.contains("site") && project["site"].is_object() ? toQt(project["site"]) : QJsonObject();
    in.report = report.object();
    // The catalog layers shown (not this panel's overlays); synthetic when a sidecar says so.
    for (const auto &layer : m_view->canvas()->layers()) {
        if (layer == m_siteLayer || layer == m_historyLayer || layer->source().isEmpty())
            continue;
        in.layers.append(layer);
        QFile sidecar(layer->source() + QStringLiteral(".style.json"));
        if (sidecar.open(QIODevice::ReadOnly)
            && QJsonDocument::fromJson(sidecar.readAll()).object().value(QLatin1String("synthetic")).toBool())
            in.synthetic = true;
    }
    return ComplianceReportWriter::write(in, path);
}

void ProjectSearchPanel::clearHistory(const QString &message)
{
    m_history->clear();
    if (!message.isEmpty())
        m_history->addItem(message);
    (void)m_historyLayer->setFeatures({});
    m_historyLabels->setLabels({});
}

void ProjectSearchPanel::setSiteVersions(const QString &projectId, const QByteArray &body)
{
    if (projectId != m_projectId)
        return;
    const json answer = json::parse(body.toStdString(), nullptr, false);
    const json items = answer.is_object() && answer.contains("items") ? answer["items"] : answer;
    if (!items.is_array()) {
        clearHistory(tr("离线时无法读取用地范围历史"));
        return;
    }
    clearHistory({});
    QJsonArray features;
    QList<MapLabel> labels;
    for (const json &v : items) {
        const json site = v.contains("site") ? v["site"] : v.value("geometry", json());
        const QString date = beijingDate(v.value("created_at", json()));
        const QString version = Texts::field(v, "version");
        QString line = tr("第 %1 版  %2").arg(version, date);
        if (v.contains("area_m2") && v["area_m2"].is_number())
            line += tr("  %L1 m²").arg(v["area_m2"].get<double>(), 0, 'f', 0);
        if (!Texts::field(v, "note").isEmpty())
            line += QStringLiteral("  ") + Texts::field(v, "note");
        m_history->addItem(line);
        if (!site.is_object())
            continue;
        features.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                                    {QStringLiteral("geometry"), toQt(site)},
                                    {QStringLiteral("properties"), QJsonObject{{QStringLiteral("version"), version},
                                                                               {QStringLiteral("date"), date}}}});
        labels.append(MapLabel{firstPosition(site.value("coordinates", json())), tr("第 %1 版 %2").arg(version, date),
                               QColor(90, 90, 160), false});
    }
    if (items.empty())
        m_history->addItem(tr("没有用地范围的历史版本"));
    if (auto s = m_historyLayer->setFeatures(features); !s.ok())
        m_history->addItem(QString::fromStdString(s.error().message));
    m_historyLabels->setLabels(labels);
}

} // namespace spgl::desk
