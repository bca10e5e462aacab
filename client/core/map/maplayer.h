#pragma once

#include "core/map/layerstyle.h"

#include <QObject>
#include <QRectF>
#include <QString>

#include <memory>

namespace spgl::desk {

class MapLayerRenderer;
class MapSettings;

/**
 * @brief A layer of the map: a name, visibility, opacity, a style and an extent in EPSG:4490.
 *        Subclasses hold their data (immutable once loaded) and make renderers for render jobs.
 *
 * Lives in the GUI thread; changes emit changed() so the canvas can render again.
 */
class MapLayer : public QObject
{
    Q_OBJECT

public:
    enum class Type { Vector, Raster };

    MapLayer(Type type, const QString &id, const QString &name, QObject *parent = nullptr);

    Type type() const { return m_type; }
    QString id() const { return m_id; }
    QString name() const { return m_name; }
    void setName(const QString &name);
    /// The kind of content, e.g. "land_use", "imagery", "annotation" (catalog's kind).
    QString kind() const { return m_kind; }
    void setKind(const QString &kind) { m_kind = kind; }
    /// The file the layer was read from (empty for memory layers).
    QString source() const { return m_source; }

    bool isVisible() const { return m_visible; }
    void setVisible(bool visible);
    /// Layer opacity 0…1 (starts at the style's opacity).
    double opacity() const { return m_opacity; }
    void setOpacity(double opacity);
    const LayerStyle &style() const { return m_style; }
    virtual void setStyle(const LayerStyle &style);

    /// Extent in EPSG:4490 (empty when the layer has no data).
    virtual QRectF extent() const = 0;
    /// Legend rows from the style.
    virtual QList<LegendEntry> legend() const { return m_style.legend(m_name); }
    /// A renderer for @p settings, made on the GUI thread; nullptr when nothing to draw.
    virtual std::unique_ptr<MapLayerRenderer> createRenderer(const MapSettings &settings) const = 0;

Q_SIGNALS:
    void changed();

protected:
    void setSource(const QString &source) { m_source = source; }

    LayerStyle m_style;

private:
    Type m_type;
    QString m_id;
    QString m_name;
    QString m_kind;
    QString m_source;
    bool m_visible = true;
    double m_opacity = 1.0;
};

} // namespace spgl::desk
