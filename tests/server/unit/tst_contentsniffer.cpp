// ContentSniffer: every accepted kind by content and name, and the disguises it must refuse.
#include "blobs/contentsniffer.h"

#include <QtTest>

using spgl::server::ContentSniffer;

namespace {
std::string bytes(std::initializer_list<int> list)
{
    std::string s;
    for (int b : list)
        s.push_back(char(b));
    return s;
}

/// @p prefix followed by deterministic filler up to @p size bytes (binary, includes NULs).
std::string padded(const std::string &prefix, std::size_t size = 1024)
{
    std::string s = prefix;
    std::uint32_t x = 0x12345678u;
    while (s.size() < size) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        s.push_back(char(x & 0xff));
    }
    return s;
}

std::string sqliteHeader(const std::string &applicationId, std::size_t size = 1024)
{
    std::string s(std::string_view("SQLite format 3\0", 16));
    s.resize(size, '\0');
    s.replace(68, 4, applicationId);
    return s;
}

const std::string kPdf = padded("%PDF-1.7\n");
const std::string kPng = padded(bytes({0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}));
const std::string kJpeg = padded(bytes({0xFF, 0xD8, 0xFF, 0xE0}));
const std::string kZip = padded(bytes({'P', 'K', 3, 4}));
const std::string kEmptyZip = padded(bytes({'P', 'K', 5, 6}));
const std::string kOle = padded(bytes({0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}));
const std::string kShp = padded(bytes({0x00, 0x00, 0x27, 0x0a}), 100);
const std::string kExe = padded(bytes({'M', 'Z', 0x90, 0x00, 0x03, 0x00}));
const std::string kElf = padded(bytes({0x7f, 'E', 'L', 'F', 2, 1, 1}));
} // namespace

class tst_ContentSniffer : public QObject
{
    Q_OBJECT
private slots:
    void accepted_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("filename");
        QTest::addColumn<QString>("mediaType");
        const auto row = [](const char *tag, const std::string &head, const QString &name, const char *type) {
            QTest::newRow(tag) << QByteArray(head.data(), qsizetype(head.size())) << name << QString::fromLatin1(type);
        };
        row("pdf", kPdf, u"总平面图.pdf"_qs, "application/pdf");
        row("pdf upper-case extension", kPdf, u"SCAN.PDF"_qs, "application/pdf");
        row("pdf several dots", kPdf, u"规划.许可.v2.pdf"_qs, "application/pdf");
        row("png", kPng, u"照片.png"_qs, "image/png");
        row("jpg", kJpeg, u"现场.jpg"_qs, "image/jpeg");
        row("jpeg", kJpeg, u"现场.JPEG"_qs, "image/jpeg");
        row("gif87a", padded("GIF87a"), u"a.gif"_qs, "image/gif");
        row("gif89a", padded("GIF89a"), u"a.gif"_qs, "image/gif");
        row("tiff little-endian", padded(std::string("II*\0", 4)), u"scan.tif"_qs, "image/tiff");
        row("tiff big-endian", padded(std::string("MM\0*", 4)), u"scan.tiff"_qs, "image/tiff");
        row("docx", kZip, u"说明.docx"_qs, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        row("xlsx", kZip, u"预算.xlsx"_qs, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        row("pptx", kZip, u"汇报.pptx"_qs, "application/vnd.openxmlformats-officedocument.presentationml.presentation");
        row("ofd", kZip, u"批复.ofd"_qs, "application/ofd");
        row("zip", kZip, u"图纸.zip"_qs, "application/zip");
        row("empty zip", kEmptyZip, u"empty.zip"_qs, "application/zip");
        row("doc", kOle, u"旧文档.doc"_qs, "application/msword");
        row("xls", kOle, u"旧表格.xls"_qs, "application/vnd.ms-excel");
        row("dwg AC1018", padded("AC1018"), u"总图.dwg"_qs, "image/vnd.dwg");
        row("dwg AC1032", padded("AC1032"), u"总图.dwg"_qs, "image/vnd.dwg");
        row("gpkg GPKG", sqliteHeader("GPKG"), u"红线.gpkg"_qs, "application/geopackage+sqlite3");
        row("gpkg GP10", sqliteHeader("GP10"), u"红线.gpkg"_qs, "application/geopackage+sqlite3");
        row("gpkg GP11", sqliteHeader("GP11"), u"红线.gpkg"_qs, "application/geopackage+sqlite3");
        row("shp", kShp, u"红线.shp"_qs, "application/x-esri-shape");
        row("shx", kShp, u"红线.shx"_qs, "application/x-esri-shape");
        row("dbf dBase III", padded(bytes({0x03, 0x7c, 0x01, 0x01})), u"红线.dbf"_qs, "application/x-dbf");
        row("dbf with memo", padded(bytes({0x83, 0x7c, 0x01, 0x01})), u"红线.dbf"_qs, "application/x-dbf");
        row("dbf visual foxpro", padded(bytes({0x30, 0x7c, 0x01, 0x01})), u"红线.dbf"_qs, "application/x-dbf");
        row("dxf LF", "0\nSECTION\n2\nHEADER\n", u"总图.dxf"_qs, "image/vnd.dxf");
        row("dxf CRLF", "0\r\nSECTION\r\n2\r\nHEADER\r\n", u"总图.dxf"_qs, "image/vnd.dxf");
        row("dxf leading spaces", "  0\r\nSECTION\r\n", u"总图.dxf"_qs, "image/vnd.dxf");
        row("dxf comment", "999\nAutoCAD\n0\nSECTION\n", u"总图.dxf"_qs, "image/vnd.dxf");
        row("prj PROJCS",
            "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 87E\",GEOGCS[\"China Geodetic Coordinate System 2000\"]]",
            u"红线.prj"_qs, "text/plain");
        row("prj GEOGCS", "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"D_China_2000\"]]", u"红线.prj"_qs,
            "text/plain");
        row("prj WKT2 with BOM", "\xEF\xBB\xBFGEOGCRS[\"CGCS2000\"]", u"红线.prj"_qs, "text/plain");
        row("cpg", "UTF-8", u"红线.cpg"_qs, "text/plain");
    }

    void accepted()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, filename);
        QFETCH(QString, mediaType);
        const auto type = ContentSniffer::sniff(std::string_view(head.constData(), std::size_t(head.size())),
                                                filename.toStdString());
        QVERIFY2(type.has_value(), "refused");
        QCOMPARE(QString::fromStdString(*type), mediaType);
    }

    void shortHeadsStillWork()
    {
        // sniff() is also called with a whole short file.
        QCOMPARE(ContentSniffer::sniff("%PDF-", "a.pdf").value_or("<none>"), std::string("application/pdf"));
        const std::string tinyPng = bytes({0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        QCOMPARE(ContentSniffer::sniff(tinyPng, "a.png").value_or("<none>"), std::string("image/png"));
        // A GeoPackage head too short to reach the application id is taken on its SQLite magic.
        const std::string shortGpkg(std::string_view("SQLite format 3\0", 16));
        QCOMPARE(ContentSniffer::sniff(shortGpkg, "a.gpkg").value_or("<none>"),
                 std::string("application/geopackage+sqlite3"));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("filename");
        const auto row = [](const char *tag, const std::string &head, const QString &name) {
            QTest::newRow(tag) << QByteArray(head.data(), qsizetype(head.size())) << name;
        };
        // Disguises: the extension says one thing, the content another.
        row("exe renamed .pdf", kExe, u"说明.pdf"_qs);
        row("exe renamed .docx", kExe, u"说明.docx"_qs);
        row("exe renamed .png", kExe, u"说明.png"_qs);
        row("elf renamed .pdf", kElf, u"说明.pdf"_qs);
        row("exe as .exe", kExe, u"setup.exe"_qs);
        row("png named .pdf", kPng, u"a.pdf"_qs);
        row("pdf named .png", kPdf, u"a.png"_qs);
        row("png named .jpg", kPng, u"a.jpg"_qs);
        row("jpeg named .png", kJpeg, u"a.png"_qs);
        row("zip named .pdf", kZip, u"a.pdf"_qs);
        row("zip named .jar", kZip, u"a.jar"_qs);
        row("zip named .apk", kZip, u"a.apk"_qs);
        row("ole named .docx", kOle, u"a.docx"_qs);
        row("zip named .doc", kZip, u"a.doc"_qs);
        row("plain sqlite named .gpkg", sqliteHeader(std::string(4, '\0')), u"a.gpkg"_qs);
        row("sqlite with other app id named .gpkg", sqliteHeader("ABCD"), u"a.gpkg"_qs);
        row("gpkg named .db", sqliteHeader("GPKG"), u"a.db"_qs);
        row("gpkg named .sqlite", sqliteHeader("GPKG"), u"a.sqlite"_qs);
        row("shp little-endian magic", padded(bytes({0x0a, 0x27, 0x00, 0x00}), 100), u"a.shp"_qs);
        row("shp named .dbf", padded(bytes({0x00, 0x00, 0x27, 0x0a})), u"a.dbf"_qs);
        row("dbf bad version byte", padded(bytes({0x42, 0x7c, 0x01})), u"a.dbf"_qs);
        row("dwg without AC magic", padded("XX1018"), u"a.dwg"_qs);
        row("dxf binary", kExe, u"a.dxf"_qs);
        row("dxf random text", "hello world\n", u"a.dxf"_qs);
        row("prj not WKT", "EPSG:4490", u"a.prj"_qs);
        row("prj binary", kExe, u"a.prj"_qs);
        row("cpg too long", std::string(100, 'a'), u"a.cpg"_qs);
        row("cpg binary", bytes({'U', 'T', 0x01, 'F'}), u"a.cpg"_qs);
        row("html named .pdf", "<!DOCTYPE html><html><script>alert(1)</script>", u"a.pdf"_qs);
        row("pdf magic not at start", " %PDF-1.7\n", u"a.pdf"_qs);
        row("pdf without extension", kPdf, u"pdf"_qs);
        row("pdf with trailing dot", kPdf, u"a.pdf."_qs);
        row("pdf with double extension .pdf.exe", kPdf, u"a.pdf.exe"_qs);
        row("svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", u"a.svg"_qs);
        row("empty pdf", "", u"a.pdf"_qs);
        row("empty png", "", u"a.png"_qs);
    }

    void refused()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, filename);
        const auto type = ContentSniffer::sniff(std::string_view(head.constData(), std::size_t(head.size())),
                                                filename.toStdString());
        QVERIFY2(!type.has_value(), type ? type->c_str() : "");
    }

    void extension()
    {
        QCOMPARE(ContentSniffer::extension("a.pdf"), std::string("pdf"));
        QCOMPARE(ContentSniffer::extension("A.PDF"), std::string("pdf"));
        QCOMPARE(ContentSniffer::extension("a.tar.gz"), std::string("gz"));
        QCOMPARE(ContentSniffer::extension("总平面图.Pdf"), std::string("pdf"));
        QCOMPARE(ContentSniffer::extension("noext"), std::string());
        QCOMPARE(ContentSniffer::extension("trailing."), std::string());
        QCOMPARE(ContentSniffer::extension(".gpkg"), std::string("gpkg"));
        QCOMPARE(ContentSniffer::extension(""), std::string());
    }
};

QTEST_APPLESS_MAIN(tst_ContentSniffer)
#include "tst_contentsniffer.moc"
