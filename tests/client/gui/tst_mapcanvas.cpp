// The map canvas and its tools driven offscreen on the small demo blueprint: wheel zoom around
// the cursor, pan from the cached picture, identify, measure, draw and edit a polygon, layer tree.
#include "core/map/measurement.h"
#include "core/map/memoryvectorlayer.h"
#include "core/map/vectormaplayer.h"
#include "gui/map/layertreewidget.h"
#include "gui/map/mapcanvas.h"
#include "gui/map/maptooldrawpolygon.h"
#include "gui/map/maptoolidentify.h"
#include "gui/map/maptoolmeasure.h"
#include "gui/map/maptoolpan.h"
#include "gui/map/mapview.h"
#include "gui/map/scalebar.h"
#include "support/demomapfixture.h"

#include <ogr_geometry.h>

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QThread>
#include <QTreeWidget>

using namespace spgl::desk;

namespace {

void wheel(QWidget *w, const QPointF &pos, int delta)
{
    QWheelEvent e(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                  false);
    QApplication::sendEvent(w, &e);
}

bool near(const QPointF &a, const QPointF &b, double eps)
{
    return std::abs(a.x() - b.x()) < eps && std::abs(a.y() - b.y()) < eps;
}

} // namespace

class TestMapCanvas : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MapView> m_view;
    QList<std::shared_ptr<MapLayer>> m_layers;

    MapCanvas *canvas() const { return m_view->canvas(); }
    std::shared_ptr<VectorMapLayer> landUse() const
    {
        for (const auto &l : m_layers)
            if (l->kind() == QStringLiteral("land_use"))
                return std::dynamic_pointer_cast<VectorMapLayer>(l);
        return nullptr;
    }
    bool waitRendered()
    {
        return QTest::qWaitFor([this] { return !canvas()->isRendering(); }, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto &fixture = DemoMapFixture::instance();
        QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
        m_view = std::make_unique<MapView>();
        m_view->resize(1100, 700);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QVERIFY(m_view->loadStore(MapLayerStore(fixture.dir())).isEmpty());
        m_layers = canvas()->layers();
        QCOMPARE(m_layers.size(), qsizetype(fixture.files().size()));
        QVERIFY(waitRendered());
        QVERIFY(canvas()->cache().matches(canvas()->settings()));
        QVERIFY(!canvas()->renderedImage().isNull());
        for (const auto &l : std::as_const(m_layers))
            QVERIFY2(l->isVisible(), qPrintable(l->name()));
        QTreeWidget *tree = m_view->layerTree()->tree();
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            QCOMPARE(tree->topLevelItem(i)->checkState(0), Qt::Checked);
    }

    void fullExtentShowsAllLayers()
    {
        canvas()->zoomToFullExtent();
        const QRectF full = canvas()->fullExtent();
        QVERIFY(canvas()->extent().contains(full));
        QVERIFY(!m_view->scaleLabel()->text().isEmpty());
        QVERIFY(m_view->scaleBar()->barPixels() > 40 && m_view->scaleBar()->barPixels() <= 120.5);
        QVERIFY(m_view->scaleBar()->text().contains(QStringLiteral("米")));
    }

    void wheelZoomsAroundTheCursor()
    {
        canvas()->zoomToFullExtent();
        QVERIFY(waitRendered());
        const QPointF cursor(200, 150);
        const QPointF before = canvas()->toMap(cursor);
        const double scale = canvas()->scaleDenominator();
        QSignalSpy scaleChanged(canvas(), &MapCanvas::scaleChanged);
        wheel(canvas(), cursor, 120);
        QCOMPARE(scaleChanged.size(), 1);
        QVERIFY2(std::abs(canvas()->scaleDenominator() - scale / 1.25) < scale * 1e-9,
                 qPrintable(QString::number(canvas()->scaleDenominator())));
        QVERIFY(near(canvas()->toMap(cursor), before, 1e-9)); // the point under the cursor stays
        // The cached picture is shown scaled at once, before the new render finishes.
        QVERIFY(!canvas()->cache().matches(canvas()->settings()));
        const QRectF preview = canvas()->cache().targetRect(canvas()->settings());
        QVERIFY(preview.width() > canvas()->width() * 1.2);
        wheel(canvas(), cursor, -240);
        QVERIFY(std::abs(canvas()->scaleDenominator() - scale * 1.25) < scale * 1e-9);
        QVERIFY(near(canvas()->toMap(cursor), before, 1e-9));
        QVERIFY(waitRendered());
        QVERIFY(canvas()->cache().matches(canvas()->settings()));
    }

    void dragPansTheMap()
    {
        canvas()->zoomToFullExtent();
        QVERIFY(waitRendered());
        m_view->setTool(m_view->panTool());
        const QRectF before = canvas()->extent();
        const double mupp = canvas()->mapUnitsPerPixel();
        QTest::mousePress(canvas(), Qt::LeftButton, {}, QPoint(300, 300));
        QMouseEvent move(QEvent::MouseMove, QPointF(360, 270), canvas()->mapToGlobal(QPointF(360, 270)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(canvas(), &move);
        QCOMPARE(canvas()->extent(), before); // only the picture moves while dragging
        QTest::mouseRelease(canvas(), Qt::LeftButton, {}, QPoint(360, 270));
        QVERIFY(std::abs(canvas()->extent().left() - (before.left() - 60 * mupp)) < 1e-9);
        QVERIFY(std::abs(canvas()->extent().top() - (before.top() - 30 * mupp)) < 1e-9);
        const QRectF cached = canvas()->cache().targetRect(canvas()->settings());
        QVERIFY(near(cached.topLeft(), QPointF(60, -30), 1e-6));
        QVERIFY(waitRendered());
    }

    void identifyShowsAttributes()
    {
        const auto layer = landUse();
        QVERIFY(layer);
        const auto store = layer->store();
        const uint32_t feature = 2000;
        const auto ring = store->rings(feature).front();
        QPointF centre;
        for (int k = 0; k + 1 < ring.size(); ++k)
            centre += ring[k];
        centre /= double(ring.size() - 1);
        canvas()->setExtent(QRectF(centre - QPointF(0.01, 0.01), QSizeF(0.02, 0.02)));
        QVERIFY(waitRendered());
        m_view->setTool(m_view->identifyTool());
        QSignalSpy identified(m_view->identifyTool(), &MapToolIdentify::identified);
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, canvas()->toPixel(centre).toPoint());
        QCOMPARE(identified.size(), 1);
        const auto results = m_view->identifyTool()->lastResults();
        bool found = false;
        for (const auto &r : results) {
            if (r.fid != store->fid(feature))
                continue;
            found = true;
            QCOMPARE(r.layerName, layer->name());
            QCOMPARE(r.attributes.at(0).first, QStringLiteral("ghbh"));
            QCOMPARE(r.attributes.at(0).second, store->attribute(feature, 0));
            QCOMPARE(r.attributes.at(1).first, QStringLiteral("dlbm"));
        }
        QVERIFY(found);
        QTreeWidget *popup = m_view->identifyTool()->popup();
        QVERIFY(popup && popup->isVisible());
        const auto items = popup->findItems(store->attribute(feature, 0), Qt::MatchExactly | Qt::MatchRecursive, 1);
        QCOMPARE(items.size(), qsizetype(1));
        // Hidden layers are not identified.
        layer->setVisible(false);
        m_view->identifyTool()->identifyAt(canvas()->toPixel(centre));
        for (const auto &r : m_view->identifyTool()->lastResults())
            QVERIFY(r.layerName != layer->name());
        layer->setVisible(true);
    }

    void measureShowsTheValue()
    {
        canvas()->setExtent(QRectF(87.55, 43.78, 0.1, 0.06));
        m_view->setTool(m_view->measureLengthTool());
        const QPoint a(100, 300), b(500, 300);
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, a);
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, b);
        QSignalSpy measured(m_view->measureLengthTool(), &MapToolMeasure::measured);
        QTest::keyClick(canvas(), Qt::Key_Return);
        QCOMPARE(measured.size(), 1);
        const double expected = Measurement::geodesicLength({canvas()->toMap(a), canvas()->toMap(b)});
        QVERIFY(expected > 1000);
        QVERIFY(std::abs(measured.at(0).at(0).toDouble() - expected) < 1e-6);
        QVERIFY(std::abs(measured.at(0).at(1).toDouble() - expected) < expected * 0.002); // GK ≈ ellipsoid near CM
        auto *label = canvas()->findChild<QLabel *>(QStringLiteral("measureResult"));
        QVERIFY(label && label->isVisible());
        QVERIFY2(label->text().contains(Measurement::formatLength(expected)), qPrintable(label->text()));
        QVERIFY(label->text().contains(QStringLiteral("EPSG:4538")));

        m_view->setTool(m_view->measureAreaTool());
        QVERIFY(!label->isVisible() || label->text().contains(QStringLiteral("面积")));
        for (const QPoint &p : {QPoint(100, 100), QPoint(300, 100), QPoint(300, 300)})
            QTest::mouseClick(canvas(), Qt::LeftButton, {}, p);
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, QPoint(100, 300));
        QTest::mouseDClick(canvas(), Qt::LeftButton, {}, QPoint(100, 300));
        auto *areaLabel = canvas()->findChildren<QLabel *>(QStringLiteral("measureResult")).last();
        QVERIFY(areaLabel->isVisible());
        QVERIFY2(areaLabel->text().contains(QStringLiteral("面积")), qPrintable(areaLabel->text()));
        const double area = m_view->measureAreaTool()->geodesicValue();
        const double side
            = Measurement::geodesicLength({canvas()->toMap(QPoint(100, 100)), canvas()->toMap(QPoint(300, 100))});
        const double height
            = Measurement::geodesicLength({canvas()->toMap(QPoint(100, 100)), canvas()->toMap(QPoint(100, 300))});
        QVERIFY2(std::abs(area - side * height) < side * height * 0.01, qPrintable(QString::number(area)));
        QVERIFY(areaLabel->text().contains(Measurement::formatArea(area)));
        QTest::keyClick(canvas(), Qt::Key_Escape);
        QVERIFY(!areaLabel->isVisible());
    }

    void drawPolygonEmitsValidGeoJson()
    {
        canvas()->setExtent(QRectF(87.55, 43.78, 0.1, 0.06));
        m_view->setTool(m_view->drawPolygonTool());
        QSignalSpy drawn(m_view.get(), &MapView::polygonDrawn);
        const QList<QPoint> clicks{{200, 200}, {400, 200}, {400, 400}, {200, 400}};
        for (int k = 0; k < 3; ++k)
            QTest::mouseClick(canvas(), Qt::LeftButton, {}, clicks[k]);
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, clicks[3]);
        QTest::mouseDClick(canvas(), Qt::LeftButton, {}, clicks[3]);
        QCOMPARE(drawn.size(), 1);
        const QByteArray json = drawn.at(0).at(0).toByteArray();
        const QJsonObject geometry = QJsonDocument::fromJson(json).object();
        QCOMPARE(geometry.value(QStringLiteral("type")).toString(), QStringLiteral("Polygon"));
        const QJsonArray ring = geometry.value(QStringLiteral("coordinates")).toArray().at(0).toArray();
        QCOMPARE(ring.size(), qsizetype(5));
        QVERIFY(ring.first() == ring.last());
        const QPointF first(ring.at(0).toArray().at(0).toDouble(), ring.at(0).toArray().at(1).toDouble());
        QVERIFY(near(first, canvas()->toMap(clicks[0]), 1e-6));
        std::unique_ptr<OGRGeometry> g(OGRGeometryFactory::createFromGeoJson(json.constData()));
        QVERIFY(g);
        QVERIFY(g->IsValid());

        // Edit: drag the third vertex outwards; the polygon is emitted again.
        QTest::mousePress(canvas(), Qt::LeftButton, {}, clicks[2]);
        QMouseEvent move(QEvent::MouseMove, QPointF(450, 450), canvas()->mapToGlobal(QPointF(450, 450)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(canvas(), &move);
        QTest::mouseRelease(canvas(), Qt::LeftButton, {}, QPoint(450, 450));
        QCOMPARE(drawn.size(), 2);
        QVERIFY(near(m_view->drawPolygonTool()->vertices().at(2), canvas()->toMap(QPointF(450, 450)), 1e-9));

        // A bow tie is refused with a message, nothing emitted.
        QSignalSpy errors(m_view->drawPolygonTool(), &MapToolDrawPolygon::drawError);
        QTest::keyClick(canvas(), Qt::Key_Escape);
        QVERIFY(m_view->drawPolygonTool()->vertices().isEmpty());
        for (const QPoint &p : {QPoint(200, 200), QPoint(400, 400), QPoint(400, 200), QPoint(200, 400)})
            QTest::mouseClick(canvas(), Qt::LeftButton, {}, p);
        QTest::keyClick(canvas(), Qt::Key_Return);
        QCOMPARE(drawn.size(), 2);
        QCOMPARE(errors.size(), 1);
        QVERIFY(!m_view->findChild<QLabel *>(QStringLiteral("mapMessage"))->text().isEmpty());
        QTest::keyClick(canvas(), Qt::Key_Escape);
    }

    void layerTreeControlsLayers()
    {
        LayerTreeWidget *tree = m_view->layerTree();
        QCOMPARE(tree->tree()->topLevelItemCount(), int(m_layers.size()));
        // Top layer first.
        QCOMPARE(tree->tree()->topLevelItem(0)->text(0), m_layers.last()->name());
        const auto layer = landUse();
        QTreeWidgetItem *item = nullptr;
        for (int i = 0; i < tree->tree()->topLevelItemCount(); ++i)
            if (tree->tree()->topLevelItem(i)->text(0) == layer->name())
                item = tree->tree()->topLevelItem(i);
        QVERIFY(item);
        QVERIFY(item->childCount() > 10); // legend of the land-use classes
        QVERIFY(!item->child(0)->icon(0).isNull());
        item->setCheckState(0, Qt::Unchecked);
        QVERIFY(!layer->isVisible());
        QVERIFY(canvas()->isRendering());
        item->setCheckState(0, Qt::Checked);
        QVERIFY(layer->isVisible());
        tree->tree()->setCurrentItem(item);
        QCOMPARE(tree->currentLayer(), std::static_pointer_cast<MapLayer>(layer));
        tree->opacitySlider()->setValue(40);
        QVERIFY(std::abs(layer->opacity() - 0.4) < 1e-9);
        QVERIFY(waitRendered());
    }

    void keyboardShortcutsSwitchTools()
    {
        if (auto *popup = m_view->identifyTool()->popup())
            popup->hide();
        QApplication::setActiveWindow(m_view.get()); // the identify popup had taken it
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        canvas()->setFocus();
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(canvas()));
        QTest::keyClick(canvas(), Qt::Key_I);
        QCOMPARE(canvas()->mapTool(), static_cast<MapTool *>(m_view->identifyTool()));
        QTest::keyClick(canvas(), Qt::Key_M);
        QCOMPARE(canvas()->mapTool(), static_cast<MapTool *>(m_view->measureLengthTool()));
        QTest::keyClick(canvas(), Qt::Key_D);
        QCOMPARE(canvas()->mapTool(), static_cast<MapTool *>(m_view->drawPolygonTool()));
        QTest::keyClick(canvas(), Qt::Key_P);
        QCOMPARE(canvas()->mapTool(), static_cast<MapTool *>(m_view->panTool()));
        const double scale = canvas()->scaleDenominator();
        QTest::keyClick(canvas(), Qt::Key_Minus);
        QVERIFY(canvas()->scaleDenominator() > scale);
        QTest::keyClick(canvas(), Qt::Key_Home);
        QVERIFY(canvas()->extent().contains(canvas()->fullExtent()));
    }

    void loadsInTheBackground()
    {
        MapView view;
        QSignalSpy loaded(&view, &MapView::layersLoaded);
        view.loadStoreInBackground(MapLayerStore(DemoMapFixture::instance().dir()));
        QVERIFY(view.isLoading());
        QVERIFY(loaded.wait(60000));
        QVERIFY(loaded.at(0).at(0).toStringList().isEmpty());
        QVERIFY(!view.isLoading());
        const auto layers = view.canvas()->layers();
        QCOMPARE(layers.size(), qsizetype(DemoMapFixture::instance().files().size()));
        for (const auto &l : layers)
            QCOMPARE(l->thread(), QThread::currentThread()); // usable by the GUI thread
        // An empty directory says so.
        QTemporaryDir empty;
        view.loadStoreInBackground(MapLayerStore(empty.path()));
        QVERIFY(loaded.wait(60000));
        QVERIFY(view.canvas()->layers().isEmpty());
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("mapMessage"))->text().contains(empty.path()));
    }

    void overlayAndFileLayers()
    {
        auto notes = std::make_shared<MemoryVectorLayer>(QStringLiteral("notes"), QStringLiteral("审查批注"));
        QVERIFY(
            notes->setGeoJson(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"text":"退让"},
            "geometry":{"type":"Point","coordinates":[87.6,43.8]}}]})"));
        m_view->addOverlayLayer(notes);
        QCOMPARE(canvas()->layers().last(), std::static_pointer_cast<MapLayer>(notes));
        // A file added later goes under the overlay.
        const auto added = m_view->addLayerFromFile(
            QString::fromStdString(DemoMapFixture::instance().file(spgl::geo::LayerKind::UrbanBoundary).path));
        QVERIFY(added);
        QCOMPARE(canvas()->layers().last(), std::static_pointer_cast<MapLayer>(notes));
        QCOMPARE(canvas()->layers().at(canvas()->layers().size() - 2), *added);
        QVERIFY(!m_view->addLayerFromFile(QStringLiteral("/nonexistent.gpkg")));
        QVERIFY(!m_view->findChild<QLabel *>(QStringLiteral("mapMessage"))->text().isEmpty());
        QVERIFY(waitRendered());
        // Rebuilding the layer list keeps every layer's visibility.
        for (const auto &l : canvas()->layers())
            QVERIFY2(l->isVisible(), qPrintable(l->name()));
        // SPGL_SCREENSHOT_DIR=<dir> saves a picture of the map view there (docs/screenshots).
        if (const QString dir = qEnvironmentVariable("SPGL_SCREENSHOT_DIR"); !dir.isEmpty()) {
            canvas()->zoomToFullExtent();
            QVERIFY(waitRendered());
            QVERIFY(m_view->grab().save(dir + QStringLiteral("/map-view.png")));
        }
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    TestMapCanvas t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_mapcanvas.moc"
