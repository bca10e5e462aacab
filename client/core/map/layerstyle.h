#pragma once

#include <QColor>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace spgl::desk {

/// One row of a layer's legend: a label and the swatch colours.
struct LegendEntry
{
    QString label;
    QColor fill;
    QColor stroke;
};

/**
 * @brief How a vector layer is drawn: fill, stroke, stroke width, opacity, and optionally a fill
 *        colour per value of one attribute (categorized, e.g. land-use classes by `dlbm`).
 *
 * Read from the layer catalog's JSON style. Both shapes in use are accepted:
 * `{"fill":"#rrggbb","stroke":"#rrggbb","width":1,"opacity":0.6,"categories":{"field":"dlbm","values":{"0701":"#…"}}}`
 * and the demo generator's
 * `{"fill","stroke","stroke_width","categorized":{"field","classes":[{"value","label","fill"}]}}`. Colours are
 * `#rrggbb` or `#rrggbbaa` (alpha last, as in CSS).
 */
class LayerStyle
{
public:
    LayerStyle() = default;

    /// Parses @p json (an object); unknown keys are ignored, a bad colour keeps the default.
    static LayerStyle fromJson(const QJsonObject &json);
    /// Parses JSON text; an empty or invalid text gives the default style.
    static LayerStyle fromJsonText(const QByteArray &text);
    /// `#rrggbb` / `#rrggbbaa` / named colours → colour; invalid colour when unparsable.
    static QColor parseColor(const QString &text);

    QColor fill() const { return m_fill; }
    QColor stroke() const { return m_stroke; }
    double strokeWidth() const { return m_strokeWidth; }
    double opacity() const { return m_opacity; }
    void setFill(const QColor &c) { m_fill = c; }
    void setStroke(const QColor &c) { m_stroke = c; }
    void setStrokeWidth(double w) { m_strokeWidth = w; }
    void setOpacity(double o) { m_opacity = o; }

    /// The attribute the fill is categorized by; empty when the style is a single symbol.
    QString categoryField() const { return m_categoryField; }
    /// Category values in legend order.
    QStringList categoryValues() const { return m_categoryValues; }
    /// Fill for attribute value @p value: its category colour, else fill().
    QColor fillFor(const QString &value) const { return m_categoryFills.value(value, m_fill); }
    void setCategory(const QString &value, const QColor &fill, const QString &label = {});
    void setCategoryField(const QString &field) { m_categoryField = field; }

    /// Legend rows: one per category (then "其他" for the default fill), or one for the layer.
    QList<LegendEntry> legend(const QString &layerName) const;

private:
    QColor m_fill = QColor(200, 200, 200, 160);
    QColor m_stroke = QColor(80, 80, 80);
    double m_strokeWidth = 0.6;
    double m_opacity = 1.0;
    QString m_categoryField;
    QStringList m_categoryValues;
    QHash<QString, QColor> m_categoryFills;
    QHash<QString, QString> m_categoryLabels;
};

} // namespace spgl::desk
