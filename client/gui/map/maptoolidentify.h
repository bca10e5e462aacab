#pragma once

#include "core/map/vectormaplayer.h"
#include "gui/map/maptool.h"

#include <QPointF>
#include <QPointer>

class QTreeWidget;

namespace spgl::desk {

/**
 * @brief Click on the map to list the features under the click (spatial index, then
 *        point-in-polygon; lines and points within a few pixels) of every visible vector layer,
 *        with their attributes, in a popup.
 */
class MapToolIdentify : public MapTool
{
    Q_OBJECT

public:
    explicit MapToolIdentify(MapCanvas *canvas);
    ~MapToolIdentify() override;

    QString label() const override { return tr("识别"); }
    QCursor cursor() const override { return QCursor(Qt::WhatsThisCursor); }
    void mouseRelease(QMouseEvent *event) override;
    void deactivate() override;

    /// Identifies at @p pixel (what a click does).
    QList<IdentifyResult> identifyAt(const QPointF &pixel);
    QList<IdentifyResult> lastResults() const { return m_results; }
    /// The "id" attribute of the first of @p results on layer @p layerName (empty when none):
    /// what a panel beside the map selects when its overlay is clicked.
    static QString featureId(const QList<IdentifyResult> &results, const QString &layerName);
    /// The popup with the last results (created on first use).
    QTreeWidget *popup() const;

Q_SIGNALS:
    void identified(const QList<spgl::desk::IdentifyResult> &results);

private:
    void showPopup(const QPointF &pixel);

    QList<IdentifyResult> m_results;
    QPointer<QTreeWidget> m_popup;
};

} // namespace spgl::desk
