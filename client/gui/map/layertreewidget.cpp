#include "gui/map/layertreewidget.h"

#include "core/map/maplayer.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

namespace spgl::desk {

namespace {

QIcon swatch(const LegendEntry &e)
{
    QPixmap pm(16, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setBrush(e.fill);
    p.setPen(e.stroke.alpha() > 0 ? QPen(e.stroke, 1.5) : QPen(Qt::NoPen));
    p.drawRect(QRectF(1, 1, 14, 10));
    return QIcon(pm);
}

} // namespace

LayerTreeWidget::LayerTreeWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("layerTree"));
    m_tree = new QTreeWidget(this);
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setObjectName(QStringLiteral("layerOpacity"));
    m_opacity->setRange(0, 100);
    m_opacity->setEnabled(false);
    m_opacityLabel = new QLabel(tr("不透明度"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_opacityLabel);
    row->addWidget(m_opacity, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("图层"), this));
    layout->addWidget(m_tree, 1);
    layout->addLayout(row);
    connect(m_tree, &QTreeWidget::itemChanged, this, &LayerTreeWidget::itemChanged);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &LayerTreeWidget::currentChanged);
    connect(m_opacity, &QSlider::valueChanged, this, [this](int v) {
        if (auto layer = currentLayer(); layer && !m_filling)
            layer->setOpacity(v / 100.0);
    });
}

void LayerTreeWidget::setLayers(const QList<std::shared_ptr<MapLayer>> &layers)
{
    m_filling = true;
    const QSignalBlocker blocker(m_tree); // no itemChanged while the rows are built
    m_layers = layers;
    m_tree->clear();
    for (int k = int(layers.size()) - 1; k >= 0; --k) {
        const auto &layer = layers[k];
        auto *item = new QTreeWidgetItem(m_tree, {layer->name()});
        item->setData(0, Qt::UserRole, k);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, layer->isVisible() ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(0, layer->source());
        const QList<LegendEntry> legend = layer->legend();
        if (legend.size() == 1 && legend.front().label == layer->name()) {
            item->setIcon(0, swatch(legend.front()));
        } else {
            for (const LegendEntry &e : legend) {
                auto *child = new QTreeWidgetItem(item, {e.label});
                child->setIcon(0, swatch(e));
                child->setFlags(Qt::ItemIsEnabled);
            }
        }
        item->setExpanded(legend.size() <= 6);
    }
    m_filling = false;
    currentChanged();
}

std::shared_ptr<MapLayer> LayerTreeWidget::currentLayer() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    while (item && item->parent())
        item = item->parent();
    if (!item)
        return nullptr;
    const int k = item->data(0, Qt::UserRole).toInt();
    return k >= 0 && k < m_layers.size() ? m_layers[k] : nullptr;
}

void LayerTreeWidget::setCurrentLayer(const std::shared_ptr<MapLayer> &layer)
{
    const qsizetype k = m_layers.indexOf(layer);
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->data(0, Qt::UserRole).toInt() == k)
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
}

void LayerTreeWidget::itemChanged(QTreeWidgetItem *item, int column)
{
    if (m_filling || item->parent() || column != 0)
        return;
    const int k = item->data(0, Qt::UserRole).toInt();
    if (k >= 0 && k < m_layers.size())
        m_layers[k]->setVisible(item->checkState(0) == Qt::Checked);
}

void LayerTreeWidget::currentChanged()
{
    const auto layer = currentLayer();
    const bool filling = std::exchange(m_filling, true);
    m_opacity->setEnabled(bool(layer));
    m_opacity->setValue(layer ? int(std::lround(layer->opacity() * 100)) : 100);
    m_filling = filling;
}

} // namespace spgl::desk
