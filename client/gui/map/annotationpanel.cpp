#include "gui/map/annotationpanel.h"

#include "core/localcache.h"
#include "core/map/layerstyle.h"
#include "core/map/memoryvectorlayer.h"
#include "gui/map/annotationlabels.h"
#include "gui/map/drawshapebuttons.h"
#include "gui/map/mapcanvas.h"
#include "gui/map/maptoolidentify.h"
#include "gui/map/mapview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using nlohmann::json;

namespace spgl::desk {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kStatusRole = Qt::UserRole + 1;

QColor statusColor(const QString &status)
{
    if (status == QLatin1String("resolved"))
        return QColor(26, 152, 80);
    if (status == QLatin1String("withdrawn"))
        return QColor(128, 128, 128);
    return QColor(215, 48, 31);
}

QString q(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace

AnnotationPanel::AnnotationPanel(MapView *view, LocalCache &cache, const UserInfo &user, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_cache(cache)
    , m_api(QUrl())
    , m_session(m_api)
    , m_engine(m_api, m_session, m_cache)
{
    setObjectName(QStringLiteral("annotationPanel"));
    m_session.restore(user);

    m_layer = std::make_shared<MemoryVectorLayer>(QStringLiteral("annotations"), tr("审查批注"));
    LayerStyle style;
    style.setStroke(QColor(150, 30, 20));
    style.setStrokeWidth(1.6);
    style.setFill(statusColor(QStringLiteral("open")).lighter(110));
    style.setCategoryField(QStringLiteral("status"));
    QColor open = statusColor(QStringLiteral("open"));
    open.setAlpha(140);
    QColor resolved = statusColor(QStringLiteral("resolved"));
    resolved.setAlpha(140);
    style.setCategory(QStringLiteral("open"), open, statusText(QStringLiteral("open")));
    style.setCategory(QStringLiteral("resolved"), resolved, statusText(QStringLiteral("resolved")));
    m_layer->setStyle(style);
    m_labels = new AnnotationLabels(view->canvas());

    auto *title = new QLabel(tr("<b>审查批注</b>"), this);
    QHBoxLayout *shapes = drawShapeButtons(
        this,
        {{{tr("点批注"), QStringLiteral("drawPointAnnotation"), tr("在地图上点击一处，再填写批注内容")},
          {tr("线批注"), QStringLiteral("drawLineAnnotation"), tr("在地图上依次点击各顶点，双击或回车结束")},
          {tr("面批注"), QStringLiteral("drawPolygonAnnotation"), tr("在地图上依次点击各顶点，双击或回车结束")}}},
        [this](MapToolDrawPolygon::Shape shape) { startDrawing(shape); });

    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("annotationText"));
    m_text->setPlaceholderText(tr("批注内容（先在地图上绘制，再填写并保存）"));
    m_text->setMaxLength(2000);
    m_save = new QPushButton(tr("保存批注"), this);
    m_save->setObjectName(QStringLiteral("saveAnnotation"));
    connect(m_save, &QPushButton::clicked, this, &AnnotationPanel::saveAnnotation);
    connect(m_text, &QLineEdit::returnPressed, this, &AnnotationPanel::saveAnnotation);
    connect(m_text, &QLineEdit::textChanged, this, &AnnotationPanel::updateButtons);
    auto *textRow = new QHBoxLayout;
    textRow->addWidget(m_text, 1);
    textRow->addWidget(m_save);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("annotationMessage"));
    m_message->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("annotationList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("内容"), tr("作者"), tr("部门"), tr("状态"), tr("时间")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &AnnotationPanel::updateButtons);

    m_resolve = new QPushButton(tr("标记已解决"), this);
    m_withdraw = new QPushButton(tr("撤回"), this);
    m_reopen = new QPushButton(tr("重新打开"), this);
    m_resolve->setObjectName(QStringLiteral("resolveAnnotation"));
    m_withdraw->setObjectName(QStringLiteral("withdrawAnnotation"));
    m_reopen->setObjectName(QStringLiteral("reopenAnnotation"));
    connect(m_resolve, &QPushButton::clicked, this, [this] { setSelectedStatus(QStringLiteral("resolved")); });
    connect(m_withdraw, &QPushButton::clicked, this, [this] { setSelectedStatus(QStringLiteral("withdrawn")); });
    connect(m_reopen, &QPushButton::clicked, this, [this] { setSelectedStatus(QStringLiteral("open")); });
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_resolve);
    actions->addWidget(m_withdraw);
    actions->addWidget(m_reopen);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title);
    layout->addLayout(shapes);
    layout->addLayout(textRow);
    layout->addWidget(m_message);
    layout->addWidget(m_list, 1);
    layout->addLayout(actions);

    MapToolDrawPolygon *draw = view->drawPolygonTool();
    connect(draw, &MapToolDrawPolygon::geometryFinished, this, &AnnotationPanel::geometryDrawn);
    connect(draw, &MapToolDrawPolygon::drawError, this, [this](const QString &message) {
        if (m_drawing)
            m_message->setText(message);
    });
    connect(view->canvas(), &MapCanvas::mapToolChanged, this, [this, draw](MapTool *tool) {
        if (tool != draw)
            m_drawing = false;
    });
    // A click with the identify tool on an annotation selects it here.
    connect(view->identifyTool(), &MapToolIdentify::identified, this, [this](const QList<IdentifyResult> &results) {
        if (const QString id = MapToolIdentify::featureId(results, m_layer->name()); !id.isEmpty())
            select(id);
    });
    updateButtons();
}

AnnotationPanel::~AnnotationPanel() = default;

QString AnnotationPanel::statusText(const QString &status)
{
    if (status == QLatin1String("resolved"))
        return tr("已解决");
    if (status == QLatin1String("withdrawn"))
        return tr("已撤回");
    return tr("待处理");
}

void AnnotationPanel::setProject(const QString &projectId)
{
    if (projectId != m_projectId) {
        m_drawn.clear();
        m_message->clear();
    }
    m_projectId = projectId;
    m_view->addOverlayLayer(m_layer); // on first use (once)
    reload();
}

void AnnotationPanel::reload()
{
    const QString selected = selectedId();
    m_list->clear();
    QJsonArray features;
    QList<MapLabel> labels;
    const auto annotations = m_projectId.isEmpty() ? std::vector<json>() : m_cache.annotations(m_projectId);
    for (const json &a : annotations) {
        const QString id = q(a, "id");
        const QString status = q(a, "status");
        const bool pending = a.value("pending", false);
        const QString author = q(a, "author_name");
        QString state = statusText(status);
        if (pending)
            state += tr("（待同步）");
        auto *item
            = new QTreeWidgetItem(m_list, {q(a, "text"), author, q(a, "department"), state,
                                           q(a, "created_at").left(16).replace(QLatin1Char('T'), QLatin1Char(' '))});
        item->setData(0, kIdRole, id);
        item->setData(0, kStatusRole, status);
        item->setToolTip(0, q(a, "text"));
        item->setForeground(3, statusColor(status));
        if (status == QLatin1String("withdrawn"))
            continue; // listed, not drawn
        const json shape = a.value("geometry", json());
        const QJsonObject geometry = QJsonDocument::fromJson(QByteArray::fromStdString(shape.dump())).object();
        features.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("Feature")},
            {QStringLiteral("geometry"), geometry},
            {QStringLiteral("properties"), QJsonObject{{QStringLiteral("id"), id},
                                                       {QStringLiteral("text"), q(a, "text")},
                                                       {QStringLiteral("author"), author},
                                                       {QStringLiteral("status"), status},
                                                       {QStringLiteral("pending"), pending ? tr("是") : tr("否")}}}});
        labels.append(MapLabel{AnnotationLabels::anchorOf(shape),
                               tr("%1 — %2").arg(q(a, "text"), author) + (pending ? tr("（待同步）") : QString()),
                               statusColor(status), pending});
    }
    if (auto s = m_layer->setFeatures(features); !s.ok())
        m_message->setText(QString::fromStdString(s.error().message));
    m_labels->setLabels(labels);
    if (!selected.isEmpty())
        select(selected);
    updateButtons();
}

void AnnotationPanel::startDrawing(MapToolDrawPolygon::Shape shape)
{
    if (m_projectId.isEmpty()) {
        m_message->setText(tr("请先选择项目"));
        return;
    }
    m_view->startDrawing(shape, this);
    m_drawing = true;
    m_drawn.clear();
    m_message->setText(shape == MapToolDrawPolygon::Shape::Point ? tr("请在地图上点击批注位置")
                                                                 : tr("请在地图上绘制，双击或回车结束"));
    updateButtons();
}

void AnnotationPanel::geometryDrawn(const QByteArray &geoJson)
{
    if (!m_drawing || m_view->drawPolygonTool()->owner() != this)
        return; // a site or a planning condition drawn with the same tool, not an annotation
    m_drawn = geoJson;
    m_message->setText(tr("已绘制，请填写批注内容后保存"));
    m_text->setFocus();
    updateButtons();
}

bool AnnotationPanel::saveAnnotation()
{
    if (m_projectId.isEmpty()) {
        m_message->setText(tr("请先选择项目"));
        return false;
    }
    if (m_drawn.isEmpty()) {
        m_message->setText(tr("请先在地图上绘制批注的位置（点、线或面）"));
        return false;
    }
    if (m_text->text().trimmed().isEmpty()) {
        m_message->setText(tr("请填写批注内容"));
        return false;
    }
    const json geometry = json::parse(m_drawn.toStdString(), nullptr, false);
    auto id = m_engine.annotate(m_projectId, geometry, m_text->text());
    if (!id.ok()) {
        m_message->setText(QString::fromStdString(id.error().message)); // the drawing and text stay
        return false;
    }
    m_drawn.clear();
    m_drawing = false;
    m_text->clear();
    m_view->drawPolygonTool()->clear();
    m_view->setTool(m_view->identifyTool());
    m_message->setText(tr("批注已保存，将在下次同步时发送"));
    reload();
    select(id.value());
    Q_EMIT changed();
    return true;
}

bool AnnotationPanel::setSelectedStatus(const QString &status)
{
    const QString id = selectedId();
    if (id.isEmpty()) {
        m_message->setText(tr("请先在列表中选择一条批注"));
        return false;
    }
    auto done = m_engine.setAnnotationStatus(id, status);
    if (!done.ok()) {
        m_message->setText(QString::fromStdString(done.error().message));
        return false;
    }
    m_message->setText(tr("批注已标记为“%1”，将在下次同步时发送").arg(statusText(status)));
    reload();
    Q_EMIT changed();
    return true;
}

void AnnotationPanel::select(const QString &id)
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

QString AnnotationPanel::selectedId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, kIdRole).toString() : QString();
}

void AnnotationPanel::updateButtons()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    const QString status = item ? item->data(0, kStatusRole).toString() : QString();
    m_resolve->setEnabled(item && status == QLatin1String("open"));
    m_withdraw->setEnabled(item && status != QLatin1String("withdrawn"));
    m_reopen->setEnabled(item && status != QLatin1String("open"));
    m_save->setEnabled(!m_drawn.isEmpty() && !m_text->text().trimmed().isEmpty());
}

} // namespace spgl::desk
