#include "core/map/layerstyle.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace spgl::desk {

QColor LayerStyle::parseColor(const QString &text)
{
    const QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('#')) && t.size() == 9) {
        bool ok = false;
        const uint v = t.mid(1).toUInt(&ok, 16);
        if (!ok)
            return {};
        return QColor(int((v >> 24) & 0xff), int((v >> 16) & 0xff), int((v >> 8) & 0xff), int(v & 0xff));
    }
    QColor c = QColor::fromString(t);
    return c;
}

LayerStyle LayerStyle::fromJson(const QJsonObject &json)
{
    LayerStyle s;
    auto color = [&json](const char *key, QColor &out) {
        const QString text = json.value(QLatin1String(key)).toString();
        if (text.isEmpty())
            return;
        const QColor c = parseColor(text);
        if (c.isValid())
            out = c;
    };
    color("fill", s.m_fill);
    color("stroke", s.m_stroke);
    if (json.contains(QLatin1String("width")))
        s.m_strokeWidth = json.value(QLatin1String("width")).toDouble(s.m_strokeWidth);
    if (json.contains(QLatin1String("stroke_width")))
        s.m_strokeWidth = json.value(QLatin1String("stroke_width")).toDouble(s.m_strokeWidth);
    if (json.contains(QLatin1String("opacity")))
        s.m_opacity = std::clamp(json.value(QLatin1String("opacity")).toDouble(1.0), 0.0, 1.0);
    const QJsonObject categories = json.value(QLatin1String("categories")).toObject();
    if (!categories.isEmpty()) {
        s.m_categoryField = categories.value(QLatin1String("field")).toString();
        const QJsonObject values = categories.value(QLatin1String("values")).toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            const QColor c = parseColor(it.value().toString());
            if (c.isValid())
                s.setCategory(it.key(), c);
        }
    }
    const QJsonObject categorized = json.value(QLatin1String("categorized")).toObject();
    if (!categorized.isEmpty()) {
        s.m_categoryField = categorized.value(QLatin1String("field")).toString();
        const QJsonArray classes = categorized.value(QLatin1String("classes")).toArray();
        for (const QJsonValue &v : classes) {
            const QJsonObject o = v.toObject();
            const QColor c = parseColor(o.value(QLatin1String("fill")).toString());
            if (c.isValid())
                s.setCategory(o.value(QLatin1String("value")).toString(), c,
                              o.value(QLatin1String("label")).toString());
        }
    }
    return s;
}

LayerStyle LayerStyle::fromJsonText(const QByteArray &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    return doc.isObject() ? fromJson(doc.object()) : LayerStyle();
}

void LayerStyle::setCategory(const QString &value, const QColor &fill, const QString &label)
{
    if (!m_categoryFills.contains(value))
        m_categoryValues.append(value);
    m_categoryFills.insert(value, fill);
    if (!label.isEmpty())
        m_categoryLabels.insert(value, label);
}

QList<LegendEntry> LayerStyle::legend(const QString &layerName) const
{
    QList<LegendEntry> out;
    if (m_categoryField.isEmpty() || m_categoryValues.isEmpty()) {
        out.append({layerName, m_fill, m_stroke});
        return out;
    }
    for (const QString &v : m_categoryValues)
        out.append({m_categoryLabels.value(v, v), m_categoryFills.value(v), m_stroke});
    out.append({QCoreApplication::translate("spgl::desk::LayerStyle", "其他"), m_fill, m_stroke});
    return out;
}

} // namespace spgl::desk
