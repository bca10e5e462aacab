// The compliance report PDF written over the small demo blueprint: the text a reviewer reads
// (project, check time in Beijing time, rules with 禁止/警示/提示, overlap m² and ratios, layer
// versions, the synthetic-data notice) is in the PDF (read back with pdftotext), the map picture
// shows the site, and a project without a site gives a clear error and no file.
#include "core/map/compliancereportwriter.h"
#include "core/map/maplayerstore.h"
#include "support/demomapfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace spgl::desk;

namespace {
QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(30000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

class tst_ComplianceReportWriter : public QObject
{
    Q_OBJECT
private slots:
    void pdfHasTheReport()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China)); // as on a desktop in 乌鲁木齐
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils, scripts/bootstrap.sh) is not installed");
        auto &fixture = DemoMapFixture::instance();
        QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
        ComplianceReportWriter::Input in;
        in.projectName = QStringLiteral("天山区社区服务中心");
        in.projectCode = QStringLiteral("2023-650102-47-01-000123");
        in.site = QJsonObject{
            {QStringLiteral("type"), QStringLiteral("Polygon")},
            {QStringLiteral("coordinates"),
             QJsonArray{QJsonArray{QJsonArray{87.60, 43.80}, QJsonArray{87.603, 43.80}, QJsonArray{87.603, 43.802},
                                   QJsonArray{87.60, 43.802}, QJsonArray{87.60, 43.80}}}}};
        in.report = QJsonObject{
            {QStringLiteral("compliant"), false},
            {QStringLiteral("site_area_m2"), 53712.4},
            {QStringLiteral("crs_area"), QStringLiteral("EPSG:4525")},
            {QStringLiteral("checked_at"), 1780000000000.0}, // 2026-05-29 04:26:40 Beijing time
            {QStringLiteral("checks"),
             QJsonArray{QJsonObject{{QStringLiteral("layer"), QStringLiteral("eco_redline")},
                                    {QStringLiteral("layer_name"), QStringLiteral("生态保护红线")},
                                    {QStringLiteral("rule"), QStringLiteral("不得占用生态保护红线")},
                                    {QStringLiteral("severity"), QStringLiteral("block")},
                                    {QStringLiteral("overlap_area_m2"), 1234.5},
                                    {QStringLiteral("overlap_ratio"), 0.022983}},
                        QJsonObject{{QStringLiteral("layer"), QStringLiteral("land_use")},
                                    {QStringLiteral("layer_name"), QStringLiteral("国土空间规划用地")},
                                    {QStringLiteral("class_name"), QStringLiteral("城镇住宅用地")},
                                    {QStringLiteral("rule"), QStringLiteral("规划用途与申报用途不一致")},
                                    {QStringLiteral("severity"), QStringLiteral("warn")},
                                    {QStringLiteral("overlap_area_m2"), 20000.0},
                                    {QStringLiteral("overlap_ratio"), 0.372353}}}},
            {QStringLiteral("layers"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("layer"), QStringLiteral("eco_redline")}, {QStringLiteral("version"), 3}},
                 QJsonObject{{QStringLiteral("layer"), QStringLiteral("land_use")}, {QStringLiteral("version"), 1}}}}};
        in.layers = fixture.layers();
        in.synthetic = true;

        // The map picture: the site's red outline is in the middle of it.
        const QImage map = ComplianceReportWriter::mapPicture(in, QSize(800, 450));
        QCOMPARE(map.size(), QSize(800, 450));
        int red = 0;
        for (int y = 0; y < map.height(); y += 2)
            for (int x = 0; x < map.width(); x += 2) {
                const QColor c = map.pixelColor(x, y);
                red += c.red() > 200 && c.green() < 40 && c.blue() < 40;
            }
        QVERIFY2(red > 50, qPrintable(QString::number(red)));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("reports/合规性检查.pdf"));
        auto written = ComplianceReportWriter::write(in, path);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());
        QVERIFY(QFile(path).size() > 10000);
        const QString text = pdfText(path);
        for (const QString &expected :
             {QStringLiteral("一张蓝图合规性检查报告"), QStringLiteral("天山区社区服务中心"),
              QStringLiteral("2023-650102-47-01-000123"), QStringLiteral("2026-05-29 04:26"),
              QStringLiteral("53,712.40"), QStringLiteral("存在禁止性冲突"), QStringLiteral("生态保护红线"),
              QStringLiteral("不得占用生态保护红线"), QStringLiteral("禁止"), QStringLiteral("1,234.50"),
              QStringLiteral("2.30%"), QStringLiteral("警示"), QStringLiteral("37.24%"),
              QStringLiteral("eco_redline 第 3 版"), QStringLiteral("合成演示数据")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + text));

        // Real layers: no synthetic notice.
        in.synthetic = false;
        QVERIFY(ComplianceReportWriter::write(in, path).ok());
        QVERIFY(!pdfText(path).contains(QStringLiteral("合成演示数据")));

        // No site: a clear error, no file.
        in.site = QJsonObject{};
        const QString none = dir.filePath(QStringLiteral("none.pdf"));
        auto refused = ComplianceReportWriter::write(in, none);
        QVERIFY(!refused.ok());
        QVERIFY(QString::fromStdString(refused.error().message).contains(QStringLiteral("用地范围")));
        QVERIFY(!QFile::exists(none));
    }
};

QTEST_MAIN(tst_ComplianceReportWriter)
#include "tst_compliancereportwriter.moc"
