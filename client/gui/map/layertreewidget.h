#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QSlider;
class QTreeWidget;
class QTreeWidgetItem;

namespace spgl::desk {

class MapLayer;

/**
 * @brief The layer list beside the map: top layer first, a check box per layer for visibility,
 *        the legend (swatches from the style) under each layer, and an opacity slider for the
 *        selected layer.
 */
class LayerTreeWidget : public QWidget
{
    Q_OBJECT

public:
    explicit LayerTreeWidget(QWidget *parent = nullptr);

    /// Shows @p layers (bottom to top, as on the canvas).
    void setLayers(const QList<std::shared_ptr<MapLayer>> &layers);
    QTreeWidget *tree() const { return m_tree; }
    QSlider *opacitySlider() const { return m_opacity; }
    /// The layer of the selected row (nullptr when none).
    std::shared_ptr<MapLayer> currentLayer() const;
    /// Selects the row of @p layer.
    void setCurrentLayer(const std::shared_ptr<MapLayer> &layer);

private:
    void itemChanged(QTreeWidgetItem *item, int column);
    void currentChanged();

    QTreeWidget *m_tree = nullptr;
    QSlider *m_opacity = nullptr;
    QLabel *m_opacityLabel = nullptr;
    QList<std::shared_ptr<MapLayer>> m_layers;
    bool m_filling = false;
};

} // namespace spgl::desk
