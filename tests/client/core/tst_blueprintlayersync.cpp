// The blueprint's layers downloaded for offline use from a real spgl-server (SQLite, demo
// layers): the first sync writes every layer with its style sidecar and MapLayerStore opens them,
// the next one downloads nothing (same sha256), a stale local copy is replaced after its digest is
// checked, and offline nothing is touched. A server without the layer catalog (404) is skipped
// quietly — the test says so (QSKIP) until the catalog routes are merged.
#include "core/apiclient.h"
#include "core/blueprintlayersync.h"
#include "core/map/maplayerstore.h"
#include "core/session.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using nlohmann::json;
using spgl::test::TestServer;
using namespace spgl;
using namespace spgl::desk;

namespace {
QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}
} // namespace

class tst_BlueprintLayerSync : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_server.startWithDemo(5, 3), qPrintable(m_server.lastError())); }

    void layersDownloadedVerifiedAndKept()
    {
        const auto catalog = m_server.get("/api/v1/blueprint/layers", m_server.login("clerk"));
        if (catalog.status == 404) {
            // Without the catalog the sync is a quiet no-op.
            ApiClient api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
            QTemporaryDir dir;
            auto skipped = BlueprintLayerSync(api, dir.filePath(QStringLiteral("layers"))).sync();
            QVERIFY(skipped.ok());
            QVERIFY(!skipped.value().available);
            QVERIFY(!QDir(dir.filePath(QStringLiteral("layers"))).exists());
            QSKIP("GET /api/v1/blueprint/layers is not on this server yet (404)");
        }
        QCOMPARE(catalog.status, 200);
        json items = json::parse(catalog.body)["items"];
        if (items.empty()) {
            QCOMPARE(m_server.stop(), 0);
            QCOMPARE(m_server.runCommand({QStringLiteral("demo-layers")}), 0);
            QVERIFY2(m_server.start({QStringLiteral("--clock-scan=0")}), qPrintable(m_server.lastError()));
            items = json::parse(m_server.get("/api/v1/blueprint/layers", m_server.login("clerk")).body)["items"];
        }
        QVERIFY(!items.empty());

        ApiClient api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
        Session session(api);
        QVERIFY(session.login(QStringLiteral("clerk"), QStringLiteral("Demo@2026")).ok());
        QTemporaryDir dir;
        const QString layers = dir.filePath(QStringLiteral("layers"));
        BlueprintLayerSync sync(api, layers);
        // A desk that synced when the server kept imagery as GeoTIFF still has that copy.
        QVERIFY(QDir().mkpath(layers));
        for (const QString &name : {u"demo_imagery.tif"_qs, u"demo_imagery.tif.style.json"_qs}) {
            QFile old(layers + u"/"_qs + name);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old");
        }
        auto first = sync.sync();
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
        QVERIFY2(first.value().errors.isEmpty(), qPrintable(first.value().errors.join(QLatin1Char('\n'))));
        QCOMPARE(first.value().layers, int(items.size()));
        QCOMPARE(first.value().downloaded, int(items.size()));
        for (const json &l : items) {
            const QString id = QString::fromStdString(l["id"].get<std::string>());
            const QString file = sync.fileFor(id, QString::fromStdString(l.value("format", std::string())));
            QVERIFY2(QFile::exists(file), qPrintable(file));
            QCOMPARE(sha256Of(file), QString::fromStdString(l["sha256"].get<std::string>()));
            QFile sidecar(file + QStringLiteral(".style.json"));
            QVERIFY(sidecar.open(QIODevice::ReadOnly));
            const QJsonObject o = QJsonDocument::fromJson(sidecar.readAll()).object();
            QCOMPARE(o.value(QLatin1String("name")).toString(), QString::fromStdString(l["name"].get<std::string>()));
            QCOMPARE(o.value(QLatin1String("version")).toInteger(), qint64(l["version"].get<qint64>()));
        }
        // Imagery comes as a GeoPackage too (tiles), and the old GeoTIFF copy is gone.
        bool imagery = false;
        for (const json &l : items)
            if (l["kind"] == "imagery") {
                imagery = true;
                QCOMPARE(l["format"].get<std::string>(), std::string("gpkg_raster"));
                QVERIFY(l["raster"].get<bool>());
                const QString file
                    = sync.fileFor(QString::fromStdString(l["id"].get<std::string>()), u"gpkg_raster"_qs);
                QVERIFY(file.endsWith(u".gpkg"_qs));
                QVERIFY(MapLayerStore::sourceFor(file).raster);
            }
        QVERIFY(imagery);
        QVERIFY(!QFile::exists(layers + u"/demo_imagery.tif"_qs));
        QVERIFY(!QFile::exists(layers + u"/demo_imagery.tif.style.json"_qs));
        // The map opens them from the directory, named and styled by their sidecars.
        QStringList errors;
        const auto loaded = MapLayerStore(layers).loadAll(&errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(int(loaded.size()), int(items.size()));

        // Nothing changed: nothing downloaded.
        auto again = sync.sync();
        QVERIFY(again.ok());
        QCOMPARE(again.value().downloaded, 0);
        QCOMPARE(again.value().unchanged, int(items.size()));

        // A stale local copy (another digest): replaced by the server's file, checked.
        const QString id = QString::fromStdString(items[0]["id"].get<std::string>());
        const QString file = sync.fileFor(id, QString::fromStdString(items[0].value("format", std::string())));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("stale");
            QFile sidecar(file + QStringLiteral(".style.json"));
            QVERIFY(sidecar.open(QIODevice::ReadWrite));
            QJsonObject o = QJsonDocument::fromJson(sidecar.readAll()).object();
            o.insert(QStringLiteral("sha256"),
                     QString::fromLatin1(QCryptographicHash::hash("stale", QCryptographicHash::Sha256).toHex()));
            sidecar.resize(0);
            sidecar.write(QJsonDocument(o).toJson());
        }
        auto stale = sync.sync();
        QVERIFY(stale.ok());
        QCOMPARE(stale.value().downloaded, 1);
        QCOMPARE(sha256Of(file), QString::fromStdString(items[0]["sha256"].get<std::string>()));

        // Offline: an error, every file stays.
        ApiClient down(QUrl(QStringLiteral("http://127.0.0.1:9")));
        auto offline = BlueprintLayerSync(down, layers).sync();
        QVERIFY(!offline.ok());
        QCOMPARE(offline.error().code, std::string("sync.offline"));
        QCOMPARE(sha256Of(file), QString::fromStdString(items[0]["sha256"].get<std::string>()));
    }

private:
    TestServer m_server;
};

QTEST_MAIN(tst_BlueprintLayerSync)
#include "tst_blueprintlayersync.moc"
