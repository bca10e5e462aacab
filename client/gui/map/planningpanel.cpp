#include "gui/map/planningpanel.h"

#include "core/localcache.h"
#include "core/map/layerstyle.h"
#include "core/map/memoryvectorlayer.h"
#include "gui/map/annotationlabels.h"
#include "gui/map/drawshapebuttons.h"
#include "gui/map/mapcanvas.h"
#include "gui/map/maptoolidentify.h"
#include "gui/map/mapview.h"
#include "gui/texts.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

using nlohmann::json;

namespace spgl::desk {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kStateRole = Qt::UserRole + 1; // active | pending | withdrawing | withdrawn | refused

QString minuteText(const QString &rfc3339)
{
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODate);
    if (!t.isValid())
        return rfc3339.left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
    return t.toTimeZone(QTimeZone("Asia/Shanghai")).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QColor kindColor(const QString &kind)
{
    return kind == QLatin1String("assessment") ? QColor(118, 42, 131) : QColor(33, 102, 172);
}

} // namespace

PlanningPanel::PlanningPanel(MapView *view, LocalCache &cache, const UserInfo &user, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_cache(cache)
    , m_user(user)
    , m_api(QUrl())
    , m_session(m_api)
    , m_engine(m_api, m_session, m_cache)
{
    setObjectName(QStringLiteral("planningPanel"));
    m_session.restore(user);

    m_layer = std::make_shared<MemoryVectorLayer>(QStringLiteral("planningConditions"), tr("项目策划条件"));
    LayerStyle style;
    style.setStroke(QColor(20, 60, 120));
    style.setStrokeWidth(1.8);
    style.setCategoryField(QStringLiteral("kind"));
    for (const QString &kind : {QStringLiteral("condition"), QStringLiteral("assessment")}) {
        QColor fill = kindColor(kind);
        fill.setAlpha(90);
        style.setCategory(kind, fill, kind == QLatin1String("assessment") ? tr("需开展的评估") : tr("策划条件"));
    }
    m_layer->setStyle(style);
    m_labels = new AnnotationLabels(view->canvas());

    auto *title = new QLabel(tr("<b>项目策划生成</b>"), this);
    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("planningSource"));
    m_source->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("planningList"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("类型"), tr("内容"), tr("部门"), tr("提出人"), tr("时间"), tr("状态")});
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &PlanningPanel::updateButtons);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("planningKind"));
    m_kind->addItem(tr("策划条件"), QStringLiteral("condition"));
    m_kind->addItem(tr("需开展的评估"), QStringLiteral("assessment"));
    m_assessment = new QComboBox(this);
    m_assessment->setObjectName(QStringLiteral("planningAssessment"));
    const QStringList kinds = Texts::assessmentKinds();
    for (const QString &kind : kinds)
        m_assessment->addItem(Texts::assessment(kind), kind);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &PlanningPanel::updateButtons);
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_kind);
    kindRow->addWidget(m_assessment, 1);

    QHBoxLayout *shapes = drawShapeButtons(
        this,
        {{{tr("标点"), QStringLiteral("drawPlanningPoint"), tr("（可选）在地图上标出条件涉及的位置")},
          {tr("画线"), QStringLiteral("drawPlanningLine"), tr("（可选）在地图上画出条件涉及的线，双击或回车结束")},
          {tr("画面"), QStringLiteral("drawPlanningPolygon"),
           tr("（可选）在地图上画出条件涉及的范围，双击或回车结束")}}},
        [this](MapToolDrawPolygon::Shape shape) { startDrawing(shape); });

    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("planningText"));
    m_text->setPlaceholderText(tr("条件或评估要求的内容"));
    m_text->setMaxLength(2000);
    m_put = new QPushButton(tr("提出"), this);
    m_put->setObjectName(QStringLiteral("putPlanningCondition"));
    m_put->setToolTip(tr("提出本部门的策划条件（离线时在下次同步时发送）"));
    connect(m_put, &QPushButton::clicked, this, &PlanningPanel::putForward);
    connect(m_text, &QLineEdit::returnPressed, this, &PlanningPanel::putForward);
    connect(m_text, &QLineEdit::textChanged, this, &PlanningPanel::updateButtons);
    auto *textRow = new QHBoxLayout;
    textRow->addWidget(m_text, 1);
    textRow->addWidget(m_put);

    m_withdraw = new QPushButton(tr("撤回所选条件"), this);
    m_withdraw->setObjectName(QStringLiteral("withdrawPlanningCondition"));
    connect(m_withdraw, &QPushButton::clicked, this, &PlanningPanel::withdrawSelected);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("planningMessage"));
    m_message->setWordWrap(true);

    m_opinion = new QLabel(this);
    m_opinion->setObjectName(QStringLiteral("planningOpinion"));
    m_opinion->setWordWrap(true);
    m_opinion->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_opinionText = new QPlainTextEdit(this);
    m_opinionText->setObjectName(QStringLiteral("planningOpinionText"));
    m_opinionText->setPlaceholderText(tr("策划意见（合并所选条件；未选择时合并全部有效条件）"));
    m_opinionText->setMaximumHeight(80);
    m_opinionText->setTabChangesFocus(true);
    m_publish = new QPushButton(tr("合并发布策划意见"), this);
    m_publish->setObjectName(QStringLiteral("publishPlanningOpinion"));
    m_publish->setToolTip(tr("发布新版策划意见并通知申请人（需要联网）"));
    connect(m_publish, &QPushButton::clicked, this, &PlanningPanel::publishOpinion);
    connect(m_opinionText, &QPlainTextEdit::textChanged, this, &PlanningPanel::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title);
    layout->addWidget(m_source);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_withdraw);
    layout->addLayout(kindRow);
    layout->addLayout(shapes);
    layout->addLayout(textRow);
    layout->addWidget(m_message);
    layout->addWidget(new QLabel(tr("当前策划意见"), this));
    layout->addWidget(m_opinion);
    layout->addWidget(m_opinionText);
    layout->addWidget(m_publish);

    const bool planner = canPlan();
    for (QWidget *w :
         {static_cast<QWidget *>(m_kind), static_cast<QWidget *>(m_assessment), static_cast<QWidget *>(m_text),
          static_cast<QWidget *>(m_put), static_cast<QWidget *>(m_withdraw)})
        w->setVisible(planner);
    for (int i = 0; i < shapes->count(); ++i)
        shapes->itemAt(i)->widget()->setVisible(planner);
    const bool coordinator = m_user.hasRole(QStringLiteral("coordinator"));
    m_opinionText->setVisible(coordinator);
    m_publish->setVisible(coordinator);

    MapToolDrawPolygon *draw = view->drawPolygonTool();
    connect(draw, &MapToolDrawPolygon::geometryFinished, this, &PlanningPanel::geometryDrawn);
    connect(draw, &MapToolDrawPolygon::drawError, this, [this, draw](const QString &message) {
        if (m_drawing && draw->owner() == this)
            m_message->setText(message);
    });
    connect(view->canvas(), &MapCanvas::mapToolChanged, this, [this, draw](MapTool *tool) {
        if (tool != draw)
            m_drawing = false;
    });
    // A click with the identify tool on a condition selects it here.
    connect(view->identifyTool(), &MapToolIdentify::identified, this, [this](const QList<IdentifyResult> &results) {
        if (const QString id = MapToolIdentify::featureId(results, m_layer->name()); !id.isEmpty())
            select(id);
    });
    reload();
}

PlanningPanel::~PlanningPanel() = default;

bool PlanningPanel::canPlan() const
{
    return m_user.hasRole(QStringLiteral("reviewer")) || m_user.hasRole(QStringLiteral("department_head"))
           || m_user.hasRole(QStringLiteral("coordinator"));
}

void PlanningPanel::setProject(const QString &projectId)
{
    if (projectId != m_projectId) {
        m_drawn.clear();
        m_message->clear();
        m_opinionText->clear();
    }
    m_projectId = projectId;
    m_view->addOverlayLayer(m_layer); // on first use (once)
    reload();
    if (!projectId.isEmpty())
        Q_EMIT planningWanted(projectId);
}

void PlanningPanel::setServerPlanning(const QString &projectId, const QByteArray &body)
{
    if (projectId.isEmpty())
        return;
    const json answer = json::parse(body.toStdString(), nullptr, false);
    if (answer.is_object() && answer.contains("opinions")) {
        if (auto s = m_cache.storePlanning(projectId, answer); !s.ok() && projectId == m_projectId)
            m_message->setText(QString::fromStdString(s.error().message));
    }
    if (projectId == m_projectId)
        reload();
}

void PlanningPanel::reload()
{
    QStringList selected;
    const auto items = m_list->selectedItems();
    for (const QTreeWidgetItem *item : items)
        selected << item->data(0, kIdRole).toString();
    m_list->clear();
    QJsonArray features;
    QList<MapLabel> labels;
    if (m_projectId.isEmpty()) {
        m_source->setText(tr("请先在“项目定位”中选择项目"));
        showOpinion(json());
        (void)m_layer->setFeatures(features);
        m_labels->setLabels(labels);
        updateButtons();
        return;
    }
    const json planning = m_cache.planning(m_projectId);
    const QString fetched = Texts::field(planning, "fetched_at");
    m_source->setText(fetched.isEmpty() ? tr("尚未从服务器读取本项目的策划（离线时只显示本机提出的条件）")
                                        : tr("服务器数据读取于 %1").arg(minuteText(fetched)));
    for (const json &c : planning["conditions"]) {
        const QString id = Texts::field(c, "id");
        const QString kind = Texts::field(c, "kind");
        const bool withdrawn = c.value("withdrawn", false);
        const bool pending = c.value("pending", false);
        const bool refused = c.value("refused", false);
        QString state = withdrawn ? tr("已撤回") : tr("有效");
        if (pending)
            state += tr("（待同步）");
        if (refused)
            state = tr("服务器拒绝：%1").arg(Texts::field(c, "error"));
        const QString kindText = kind == QLatin1String("assessment")
                                     ? tr("评估：%1").arg(Texts::assessment(Texts::field(c, "assessment")))
                                     : tr("条件");
        auto *item = new QTreeWidgetItem(m_list,
                                         {kindText, Texts::field(c, "text"), Texts::field(c, "department"),
                                          Texts::field(c, "author"), minuteText(Texts::field(c, "created_at")), state});
        item->setData(0, kIdRole, id);
        item->setData(0, kStateRole,
                      refused                ? QStringLiteral("refused")
                      : withdrawn && pending ? QStringLiteral("withdrawing")
                      : withdrawn            ? QStringLiteral("withdrawn")
                      : pending              ? QStringLiteral("pending")
                                             : QStringLiteral("active"));
        item->setToolTip(1, Texts::field(c, "text"));
        if (withdrawn || refused)
            for (int col = 0; col < item->columnCount(); ++col)
                item->setForeground(col, QColor(128, 128, 128));
        const json geometry = c.value("geometry", json());
        if (withdrawn || !geometry.is_object())
            continue;
        features.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("Feature")},
            {QStringLiteral("geometry"), QJsonDocument::fromJson(QByteArray::fromStdString(geometry.dump())).object()},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("id"), id},
                         {QStringLiteral("kind"), kind},
                         {QStringLiteral("text"), Texts::field(c, "text")},
                         {QStringLiteral("department"), Texts::field(c, "department")}}}});
        labels.append(MapLabel{AnnotationLabels::anchorOf(geometry),
                               tr("%1：%2").arg(Texts::field(c, "department"), Texts::field(c, "text").left(30)),
                               kindColor(kind), pending});
    }
    if (auto s = m_layer->setFeatures(features); !s.ok())
        m_message->setText(QString::fromStdString(s.error().message));
    m_labels->setLabels(labels);
    showOpinion(planning.value("current", json()));
    for (const QString &id : std::as_const(selected))
        for (int i = 0; i < m_list->topLevelItemCount(); ++i)
            if (m_list->topLevelItem(i)->data(0, kIdRole).toString() == id)
                m_list->topLevelItem(i)->setSelected(true);
    updateButtons();
}

void PlanningPanel::showOpinion(const json &current)
{
    if (!current.is_object()) {
        m_opinion->setText(tr("牵头部门尚未发布策划意见"));
        return;
    }
    int merged = 0;
    for (const json &c : current.value("conditions", json::array()))
        merged += c.is_object() ? 1 : 0;
    m_opinion->setText(tr("第 %1 版（%2，%3）合并 %4 条条件：\n%5")
                           .arg(Texts::field(current, "version"), Texts::field(current, "merged_by"),
                                minuteText(Texts::field(current, "merged_at")))
                           .arg(merged)
                           .arg(Texts::field(current, "text")));
}

void PlanningPanel::startDrawing(MapToolDrawPolygon::Shape shape)
{
    if (m_projectId.isEmpty()) {
        m_message->setText(tr("请先选择项目"));
        return;
    }
    m_view->startDrawing(shape, this);
    m_drawing = true;
    m_drawn.clear();
    m_message->setText(shape == MapToolDrawPolygon::Shape::Point ? tr("请在地图上点击条件涉及的位置")
                                                                 : tr("请在地图上绘制，双击或回车结束"));
    updateButtons();
}

void PlanningPanel::geometryDrawn(const QByteArray &geoJson)
{
    if (!m_drawing || m_view->drawPolygonTool()->owner() != this)
        return; // drawn for another panel
    m_drawn = geoJson;
    m_message->setText(tr("已绘制，请填写条件内容后提出"));
    m_text->setFocus();
    updateButtons();
}

bool PlanningPanel::putForward()
{
    if (m_projectId.isEmpty()) {
        m_message->setText(tr("请先选择项目"));
        return false;
    }
    if (!canPlan()) {
        m_message->setText(tr("只有审批部门人员可以提出策划条件"));
        return false;
    }
    if (m_text->text().trimmed().isEmpty()) {
        m_message->setText(tr("请填写条件内容"));
        return false;
    }
    json condition
        = {{"kind", m_kind->currentData().toString().toStdString()}, {"text", m_text->text().trimmed().toStdString()}};
    if (condition["kind"] == "assessment")
        condition["assessment"] = m_assessment->currentData().toString().toStdString();
    if (!m_drawn.isEmpty())
        condition["geometry"] = json::parse(m_drawn.toStdString(), nullptr, false);
    auto id = m_engine.addPlanningCondition(m_projectId, condition);
    if (!id.ok()) {
        m_message->setText(QString::fromStdString(id.error().message)); // the form keeps what was entered
        return false;
    }
    m_drawn.clear();
    if (m_drawing) {
        m_drawing = false;
        m_view->drawPolygonTool()->clear();
        m_view->setTool(m_view->identifyTool());
    }
    m_text->clear();
    m_message->setText(tr("策划条件已提出，将在下次同步时发送"));
    reload();
    select(id.value());
    Q_EMIT changed();
    return true;
}

bool PlanningPanel::withdrawSelected()
{
    const auto items = m_list->selectedItems();
    if (items.size() != 1) {
        m_message->setText(tr("请在列表中选择一条要撤回的条件"));
        return false;
    }
    const QString id = items.front()->data(0, kIdRole).toString();
    auto done = m_engine.withdrawPlanningCondition(m_projectId, id);
    if (!done.ok()) {
        m_message->setText(QString::fromStdString(done.error().message));
        return false;
    }
    m_message->setText(done.value().isEmpty() ? tr("尚未发送的条件已取消") : tr("撤回已记录，将在下次同步时发送"));
    reload();
    Q_EMIT changed();
    return true;
}

bool PlanningPanel::publishOpinion()
{
    if (m_projectId.isEmpty()) {
        m_message->setText(tr("请先选择项目"));
        return false;
    }
    if (!m_user.hasRole(QStringLiteral("coordinator"))) {
        m_message->setText(tr("只有牵头部门可以发布策划意见"));
        return false;
    }
    const QString text = m_opinionText->toPlainText().trimmed();
    if (text.isEmpty()) {
        m_message->setText(tr("请填写策划意见"));
        return false;
    }
    int unsent = 0;
    json ids = json::array();
    const auto selected = m_list->selectedItems();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        const QString state = item->data(0, kStateRole).toString();
        if (state == QLatin1String("pending") || state == QLatin1String("withdrawing"))
            ++unsent;
        else if (state == QLatin1String("active") && selected.contains(item))
            ids.push_back(item->data(0, kIdRole).toString().toStdString());
    }
    if (unsent > 0) {
        m_message->setText(tr("还有 %1 条策划条件或撤回尚未同步，请先同步再发布").arg(unsent));
        return false;
    }
    if (!selected.isEmpty() && ids.empty()) {
        m_message->setText(tr("所选条件均已撤回或被拒绝，请重新选择"));
        return false;
    }
    json body = {{"text", text.toStdString()}};
    if (!ids.empty())
        body["condition_ids"] = ids;
    m_publishing = true;
    m_message->setText(tr("正在发布策划意见……"));
    updateButtons();
    Q_EMIT opinionWanted(m_projectId, body);
    return true;
}

void PlanningPanel::setOpinionResult(const QString &projectId, int status, const QByteArray &body,
                                     const QString &message)
{
    m_publishing = false;
    if (projectId != m_projectId) {
        updateButtons();
        return;
    }
    if (status == 201) {
        const json opinion = json::parse(body.toStdString(), nullptr, false);
        m_message->setText(tr("第 %1 版策划意见已发布，申请人将收到通知").arg(Texts::field(opinion, "version")));
        m_opinionText->clear();
        Q_EMIT planningWanted(projectId); // the stored copy follows the server
    } else if (status == 0) {
        m_message->setText(tr("发布策划意见需要联网，当前离线：意见内容已保留，联网后再发布"));
    } else {
        m_message->setText(tr("发布失败：%1").arg(message));
    }
    updateButtons();
}

void PlanningPanel::select(const QString &id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, kIdRole).toString() == id) {
            m_list->setCurrentItem(item);
            m_list->scrollToItem(item);
            return;
        }
    }
}

void PlanningPanel::updateButtons()
{
    const bool hasProject = !m_projectId.isEmpty();
    m_assessment->setEnabled(m_kind->currentData().toString() == QLatin1String("assessment"));
    m_put->setEnabled(hasProject && !m_text->text().trimmed().isEmpty());
    const auto selected = m_list->selectedItems();
    const QString state = selected.size() == 1 ? selected.front()->data(0, kStateRole).toString() : QString();
    m_withdraw->setEnabled(state == QLatin1String("active") || state == QLatin1String("pending"));
    m_publish->setEnabled(hasProject && !m_publishing && !m_opinionText->toPlainText().trimmed().isEmpty());
}

} // namespace spgl::desk
