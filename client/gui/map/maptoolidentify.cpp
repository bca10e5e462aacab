#include "gui/map/maptoolidentify.h"

#include "gui/map/mapcanvas.h"

#include <QHeaderView>
#include <QMouseEvent>
#include <QTreeWidget>

namespace spgl::desk {

MapToolIdentify::MapToolIdentify(MapCanvas *canvas)
    : MapTool(canvas)
{}

MapToolIdentify::~MapToolIdentify()
{
    delete m_popup;
}

QString MapToolIdentify::featureId(const QList<IdentifyResult> &results, const QString &layerName)
{
    for (const IdentifyResult &r : results) {
        if (r.layerName != layerName)
            continue;
        for (const auto &[field, value] : r.attributes)
            if (field == QLatin1String("id"))
                return value;
    }
    return {};
}

QList<IdentifyResult> MapToolIdentify::identifyAt(const QPointF &pixel)
{
    const QPointF point = canvas()->toMap(pixel);
    const double tolerance = 3 * canvas()->mapUnitsPerPixel();
    m_results.clear();
    const auto layers = canvas()->layers();
    // Top layer first.
    for (auto it = layers.crbegin(); it != layers.crend(); ++it) {
        const auto *vector = dynamic_cast<const VectorMapLayer *>(it->get());
        if (!vector || !vector->isVisible())
            continue;
        m_results += vector->identify(point, tolerance);
    }
    Q_EMIT identified(m_results);
    return m_results;
}

void MapToolIdentify::mouseRelease(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    identifyAt(event->position());
    showPopup(event->position());
}

QTreeWidget *MapToolIdentify::popup() const
{
    return m_popup.data();
}

void MapToolIdentify::deactivate()
{
    if (m_popup)
        m_popup->hide();
}

void MapToolIdentify::showPopup(const QPointF &pixel)
{
    if (!m_popup) {
        m_popup = new QTreeWidget(canvas());
        m_popup->setWindowFlags(Qt::Tool);
        m_popup->setAttribute(Qt::WA_ShowWithoutActivating); // the map keeps the keyboard
        m_popup->setObjectName(QStringLiteral("identifyResults"));
        m_popup->setWindowTitle(tr("识别结果"));
        m_popup->setColumnCount(2);
        m_popup->setHeaderLabels({tr("要素 / 字段"), tr("值")});
        m_popup->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        m_popup->resize(420, 320);
    }
    m_popup->clear();
    if (m_results.isEmpty()) {
        new QTreeWidgetItem(m_popup, {tr("此处没有要素")});
    }
    for (const IdentifyResult &r : std::as_const(m_results)) {
        auto *top = new QTreeWidgetItem(m_popup, {r.layerName, tr("要素 %1").arg(r.fid)});
        for (const auto &[field, value] : r.attributes)
            new QTreeWidgetItem(top, {field, value});
        top->setExpanded(true);
    }
    m_popup->move(canvas()->mapToGlobal(pixel.toPoint()) + QPoint(16, 16));
    m_popup->show();
    m_popup->raise();
}

} // namespace spgl::desk
