#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace spgl::desk {

class MapLayer;

/**
 * @brief Writes a project's blueprint compliance check (合规性检查, the answer of POST
 *        /api/v1/blueprint/compliance or the stored GET /projects/{id}/compliance) as an A4 PDF:
 *        the map around the site (rendered with MapRendererJob from the given layers, the site
 *        outlined on top), the table of rules with block / warn / info, overlap m² and ratios, the
 *        check time and the layer versions, and "合成演示数据" when the layers are synthetic.
 */
class ComplianceReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(ComplianceReportWriter)

public:
    struct Input
    {
        QString projectName;
        QString projectCode;
        QJsonObject site;                        ///< GeoJSON geometry, EPSG:4490
        QJsonObject report;                      ///< the compliance JSON
        QList<std::shared_ptr<MapLayer>> layers; ///< the blueprint layers for the map picture
        bool synthetic = false;                  ///< the layers are the synthetic demo set
    };

    /// Writes @p input to @p path (directories created); an error when the site or the file is bad.
    static Status write(const Input &input, const QString &path);
    /// The map picture of the report: @p size pixels around the site.
    static QImage mapPicture(const Input &input, const QSize &size);
    /// severity code → 禁止 / 警示 / 提示.
    static QString severityText(const QString &severity);
    /// "checked_at" (epoch ms or s, or RFC 3339) in Beijing time, "yyyy-MM-dd HH:mm".
    static QString checkTime(const QJsonValue &value);
};

} // namespace spgl::desk
