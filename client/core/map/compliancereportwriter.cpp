#include "core/map/compliancereportwriter.h"

#include "core/map/layerstyle.h"
#include "core/map/maprendererjob.h"
#include "core/map/mapsettings.h"
#include "core/map/memoryvectorlayer.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QPainter>
#include <QPdfWriter>
#include <QTimeZone>

#include <algorithm>

namespace spgl::desk {

namespace {

void extend(const QJsonValue &coordinates, QRectF &box)
{
    const QJsonArray a = coordinates.toArray();
    if (a.isEmpty())
        return;
    if (a.size() >= 2 && a[0].isDouble() && a[1].isDouble()) {
        // QRectF::united() skips empty rectangles: grow by hand (a first point is a valid box).
        const double x = a[0].toDouble(), y = a[1].toDouble();
        if (box == QRectF()) // no point yet (China has no (0, 0))
            box = QRectF(x, y, 0, 0);
        box.setCoords(std::min(box.left(), x), std::min(box.top(), y), std::max(box.right(), x),
                      std::max(box.bottom(), y));
        return;
    }
    for (const QJsonValue &c : a)
        extend(c, box);
}

QRectF siteBox(const QJsonObject &site)
{
    QRectF box;
    extend(site.value(QLatin1String("coordinates")), box);
    return box;
}

} // namespace

QString ComplianceReportWriter::severityText(const QString &severity)
{
    if (severity == QLatin1String("block"))
        return tr("禁止");
    if (severity == QLatin1String("warn"))
        return tr("警示");
    return tr("提示");
}

QString ComplianceReportWriter::checkTime(const QJsonValue &value)
{
    QDateTime t;
    if (value.isDouble()) {
        double v = value.toDouble();
        if (v > 1e11)
            v /= 1000;
        t = QDateTime::fromSecsSinceEpoch(qint64(v), QTimeZone("Asia/Shanghai"));
    } else if (value.isString()) {
        t = QDateTime::fromString(value.toString(), Qt::ISODate).toTimeZone(QTimeZone("Asia/Shanghai"));
    }
    if (!t.isValid())
        t = QDateTime::currentDateTime().toTimeZone(QTimeZone("Asia/Shanghai"));
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QImage ComplianceReportWriter::mapPicture(const Input &input, const QSize &size)
{
    QRectF box = siteBox(input.site);
    const double margin = std::max({box.width(), box.height(), 0.004});
    box.adjust(-margin, -margin, margin, margin);
    auto site = std::make_shared<MemoryVectorLayer>(QStringLiteral("reportSite"), tr("项目用地范围"));
    LayerStyle style;
    style.setFill(QColor(255, 200, 0, 90));
    style.setStroke(QColor(220, 0, 0));
    style.setStrokeWidth(3);
    site->setStyle(style);
    (void)site->setFeatures(QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                                                   {QStringLiteral("geometry"), input.site},
                                                   {QStringLiteral("properties"), QJsonObject{}}}});
    MapSettings settings;
    settings.setOutputSize(size);
    settings.setExtent(box);
    settings.setBackground(Qt::white);
    settings.setLayers(input.layers + QList<std::shared_ptr<MapLayer>>{site});
    MapRendererJob job(settings);
    return job.renderSynchronously();
}

Status ComplianceReportWriter::write(const Input &input, const QString &path)
{
    if (siteBox(input.site).isEmpty())
        return Error{"report.site", tr("该项目没有用地范围，无法生成合规性检查报告").toStdString(), "site"};
    QDir().mkpath(QFileInfo(path).absolutePath());
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setResolution(300);
    pdf.setTitle(tr("一张蓝图合规性检查报告"));
    pdf.setCreator(QStringLiteral("spgl-desk"));
    QPainter p;
    if (!p.begin(&pdf))
        return Error{"report.file", tr("无法写入文件 %1").arg(path).toStdString(), "path"};
    const int width = pdf.width();
    const int height = pdf.height();
    const int margin = 200;
    const int inner = width - 2 * margin;
    QFont heading(QStringLiteral("WenQuanYi Micro Hei"));
    heading.setPointSize(18);
    heading.setBold(true);
    QFont body(QStringLiteral("WenQuanYi Micro Hei"));
    body.setPointSize(10);
    QFont small = body;
    small.setPointSize(8);

    int y = margin;
    p.setFont(heading);
    p.drawText(QRect(margin, y, inner, 120), Qt::AlignHCenter, tr("一张蓝图合规性检查报告"));
    y += 170;
    p.setFont(body);
    const QJsonObject &r = input.report;
    const bool compliant = r.value(QLatin1String("compliant")).toBool();
    const QStringList head{
        tr("项目：%1（项目代码 %2）").arg(input.projectName, input.projectCode),
        tr("检查时间：%1（北京时间）").arg(checkTime(r.value(QLatin1String("checked_at")))),
        tr("用地面积：%L1 m²（%2）")
            .arg(r.value(QLatin1String("site_area_m2")).toDouble(), 0, 'f', 2)
            .arg(r.value(QLatin1String("crs_area")).toString()),
        tr("结论：%1").arg(compliant ? tr("未发现禁止性冲突") : tr("存在禁止性冲突，需调整选址或办理相关手续")),
    };
    for (const QString &line : head) {
        p.drawText(QRect(margin, y, inner, 70), Qt::AlignLeft | Qt::AlignVCenter, line);
        y += 75;
    }
    if (input.synthetic) {
        p.save();
        p.setPen(QColor(200, 0, 0));
        p.drawText(QRect(margin, y, inner, 70), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("注意：本报告所用图层为合成演示数据，不能作为审批依据"));
        p.restore();
        y += 75;
    }
    y += 20;

    // The map around the site.
    const QSize picture(inner, inner * 9 / 16);
    const QImage map = mapPicture(input, QSize(1600, 900));
    p.drawImage(QRect(QPoint(margin, y), picture), map);
    p.setPen(QPen(Qt::black, 3));
    p.drawRect(QRect(QPoint(margin, y), picture));
    y += picture.height() + 40;

    // The rules.
    const QList<int> columns{inner * 22 / 100, inner * 30 / 100, inner * 10 / 100, inner * 19 / 100, inner * 19 / 100};
    auto row = [&](const QStringList &cells, bool bold, const QColor &color) {
        QFont f = body;
        f.setBold(bold);
        p.setFont(f);
        int x = margin;
        int rowHeight = 70;
        for (int i = 0; i < cells.size(); ++i) {
            const QRect bound = p.boundingRect(QRect(0, 0, columns[i] - 16, 2000), Qt::TextWordWrap, cells[i]);
            rowHeight = std::max(rowHeight, bound.height() + 16);
        }
        if (y + rowHeight > height - margin) {
            pdf.newPage();
            y = margin;
        }
        for (int i = 0; i < cells.size(); ++i) {
            p.setPen(i == 2 ? color : QColor(Qt::black));
            p.drawText(QRect(x + 8, y + 8, columns[i] - 16, rowHeight - 16), Qt::TextWordWrap | Qt::AlignVCenter,
                       cells[i]);
            p.setPen(QPen(QColor(160, 160, 160), 2));
            p.drawRect(QRect(x, y, columns[i], rowHeight));
            x += columns[i];
        }
        y += rowHeight;
    };
    row({tr("图层 / 类别"), tr("规则"), tr("级别"), tr("重叠面积 (m²)"), tr("占用地比例")}, true, Qt::black);
    const QJsonArray checks = r.value(QLatin1String("checks")).toArray();
    for (const QJsonValue &v : checks) {
        const QJsonObject c = v.toObject();
        const QString severity = c.value(QLatin1String("severity")).toString();
        const QColor color = severity == QLatin1String("block")  ? QColor(200, 0, 0)
                             : severity == QLatin1String("warn") ? QColor(200, 120, 0)
                                                                 : QColor(0, 100, 160);
        QString layer = c.value(QLatin1String("layer_name")).toString();
        if (layer.isEmpty())
            layer = c.value(QLatin1String("layer")).toString();
        QString cls = c.value(QLatin1String("class_name")).toString();
        if (cls.isEmpty())
            cls = c.value(QLatin1String("class")).toString();
        QString rule = c.value(QLatin1String("rule")).toString();
        if (!c.value(QLatin1String("message")).toString().isEmpty())
            rule += QStringLiteral("\n") + c.value(QLatin1String("message")).toString();
        row({cls.isEmpty() ? layer : tr("%1 / %2").arg(layer, cls), rule, severityText(severity),
             QStringLiteral("%L1").arg(c.value(QLatin1String("overlap_area_m2")).toDouble(), 0, 'f', 2),
             QStringLiteral("%1%").arg(c.value(QLatin1String("overlap_ratio")).toDouble() * 100, 0, 'f', 2)},
            false, color);
    }
    if (checks.isEmpty())
        row({tr("（无）"), tr("用地范围未与任何管控图层重叠"), tr("提示"), QStringLiteral("0"), QStringLiteral("0%")},
            false, Qt::black);

    // The layer versions the check used.
    y += 40;
    QStringList versions;
    for (const QJsonValue &v : r.value(QLatin1String("layers")).toArray()) {
        const QJsonObject l = v.toObject();
        versions << tr("%1 第 %2 版")
                        .arg(l.value(QLatin1String("layer")).toString())
                        .arg(l.value(QLatin1String("version")).toInteger());
    }
    p.setFont(small);
    p.setPen(Qt::black);
    const QString footer
        = tr("图层版本：%1").arg(versions.isEmpty() ? tr("（未提供）") : versions.join(QStringLiteral("；")))
          + (input.synthetic ? tr("\n数据来源：合成演示数据") : QString());
    const QRect f = p.boundingRect(QRect(margin, y, inner, 2000), Qt::TextWordWrap, footer);
    if (y + f.height() > height - margin) {
        pdf.newPage();
        y = margin;
    }
    p.drawText(QRect(margin, y, inner, f.height()), Qt::TextWordWrap, footer);
    p.end();
    return {};
}

} // namespace spgl::desk
