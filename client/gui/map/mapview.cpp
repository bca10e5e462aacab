#include "gui/map/mapview.h"

#include "core/map/maplayer.h"
#include "core/map/maplayerstore.h"
#include "gui/map/layertreewidget.h"
#include "gui/map/mapcanvas.h"
#include "gui/map/maptooldrawpolygon.h"
#include "gui/map/maptoolidentify.h"
#include "gui/map/maptoolmeasure.h"
#include "gui/map/maptoolpan.h"
#include "gui/map/maptoolzoombox.h"
#include "gui/map/scalebar.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QThread>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace spgl::desk {

MapView::MapView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mapView"));
    m_canvas = new MapCanvas(this);
    m_tree = new LayerTreeWidget(this);
    m_scaleBar = new ScaleBar(m_canvas);
    m_pan = new MapToolPan(m_canvas);
    m_zoomBox = new MapToolZoomBox(m_canvas);
    m_identify = new MapToolIdentify(m_canvas);
    m_measureLength = new MapToolMeasure(m_canvas, MapToolMeasure::Mode::Length);
    m_measureArea = new MapToolMeasure(m_canvas, MapToolMeasure::Mode::Area);
    m_draw = new MapToolDrawPolygon(m_canvas);

    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolGroup = new QActionGroup(this);
    addToolAction(m_pan, QString(), QKeySequence(Qt::Key_P));
    addToolAction(m_zoomBox, QString(), QKeySequence(Qt::Key_Z));
    QAction *full = m_toolBar->addAction(tr("全图"), m_canvas, &MapCanvas::zoomToFullExtent);
    full->setShortcut(QKeySequence(Qt::Key_Home));
    full->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    full->setToolTip(tr("全图 (Home)"));
    m_toolBar->addSeparator();
    addToolAction(m_identify, QString(), QKeySequence(Qt::Key_I));
    addToolAction(m_measureLength, QString(), QKeySequence(Qt::Key_M));
    addToolAction(m_measureArea, QString(), QKeySequence(Qt::Key_A));
    addToolAction(m_draw, QString(), QKeySequence(Qt::Key_D));
    m_toolBar->addSeparator();
    QAction *add = m_toolBar->addAction(tr("添加图层…"), this, &MapView::addLayerInteractive);
    add->setShortcut(QKeySequence::Open);
    add->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions(m_toolBar->actions());

    m_coordinates = new QLabel(this);
    m_coordinates->setObjectName(QStringLiteral("mapCoordinates"));
    m_coordinates->setMinimumWidth(260);
    m_scale = new QLabel(this);
    m_scale->setObjectName(QStringLiteral("mapScale"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("mapMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #b00000"));
    auto *status = new QHBoxLayout;
    status->addWidget(m_message, 1);
    status->addWidget(m_coordinates);
    status->addWidget(m_scale);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_canvas);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 900});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolBar);
    layout->addWidget(splitter, 1);
    layout->addLayout(status);

    connect(m_canvas, &MapCanvas::coordinatesChanged, this, [this](const QPointF &p) {
        m_coordinates->setText(tr("经度 %1°  纬度 %2°（CGCS2000）").arg(p.x(), 0, 'f', 6).arg(p.y(), 0, 'f', 6));
    });
    connect(m_canvas, &MapCanvas::extentChanged, this, &MapView::updateScale);
    connect(m_canvas, &MapCanvas::renderError, m_message, &QLabel::setText);
    connect(m_draw, &MapToolDrawPolygon::polygonFinished, this, [this](const QByteArray &json) {
        m_message->clear();
        Q_EMIT polygonDrawn(json);
    });
    connect(m_draw, &MapToolDrawPolygon::drawError, m_message, &QLabel::setText);
    setTool(m_pan);
    updateScale();
}

QAction *MapView::addToolAction(MapTool *tool, const QString &, const QKeySequence &key)
{
    QAction *a = m_toolBar->addAction(tool->label());
    a->setCheckable(true);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setToolTip(QStringLiteral("%1 (%2)").arg(tool->label(), key.toString(QKeySequence::NativeText)));
    a->setData(QVariant::fromValue(static_cast<QObject *>(tool)));
    m_toolGroup->addAction(a);
    connect(a, &QAction::triggered, this, [this, tool] { setTool(tool); });
    return a;
}

void MapView::setTool(MapTool *tool)
{
    m_canvas->setMapTool(tool);
    const auto actions = m_toolGroup->actions();
    for (QAction *a : actions)
        if (a->data().value<QObject *>() == tool)
            a->setChecked(true);
}

void MapView::startDrawing(MapToolDrawPolygon::Shape shape, const QObject *owner)
{
    m_draw->setShape(shape);
    m_draw->clear();
    m_draw->setOwner(owner);
    setTool(m_draw);
}

void MapView::updateScale()
{
    m_scale->setText(tr("比例尺 1:%L1").arg(qRound64(m_canvas->scaleDenominator())));
}

void MapView::rebuild()
{
    const auto all = m_layers + m_overlays;
    m_canvas->setLayers(all);
    m_tree->setLayers(all);
}

void MapView::setLayers(const QList<std::shared_ptr<MapLayer>> &layers)
{
    m_layers = layers;
    rebuild();
}

QStringList MapView::loadStore(const MapLayerStore &store)
{
    QStringList errors;
    const auto layers = store.loadAll(&errors);
    setLayers(layers);
    showStoreResult(store.directory(), int(layers.size()), errors);
    return errors;
}

void MapView::showStoreResult(const QString &directory, int layerCount, const QStringList &errors)
{
    if (layerCount == 0 && errors.isEmpty())
        m_message->setText(tr("图层目录 %1 中没有图层文件").arg(directory));
    else
        m_message->setText(errors.join(QStringLiteral("；")));
}

void MapView::loadStoreInBackground(const MapLayerStore &store)
{
    struct Loaded
    {
        QList<std::shared_ptr<MapLayer>> layers;
        QStringList errors;
    };
    m_loading = true;
    m_message->setText(tr("正在加载图层目录 %1 ……").arg(store.directory()));
    QThread *gui = thread();
    auto *watcher = new QFutureWatcher<Loaded>(this);
    const QString directory = store.directory();
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, directory] {
        const Loaded loaded = watcher->result();
        watcher->deleteLater();
        m_loading = false;
        setLayers(loaded.layers);
        showStoreResult(directory, int(loaded.layers.size()), loaded.errors);
        Q_EMIT layersLoaded(loaded.errors);
    });
    watcher->setFuture(QtConcurrent::run([store, gui] {
        Loaded out;
        out.layers = store.loadAll(&out.errors);
        for (const auto &layer : std::as_const(out.layers))
            layer->moveToThread(gui); // made here, used by the GUI thread
        return out;
    }));
}

Result<std::shared_ptr<MapLayer>> MapView::addLayerFromFile(const QString &path)
{
    auto layer = MapLayerStore::load(MapLayerStore::sourceFor(path));
    if (!layer) {
        m_message->setText(QString::fromStdString(layer.error().message));
        return layer.error();
    }
    m_layers.append(*layer);
    rebuild();
    return layer;
}

void MapView::addOverlayLayer(const std::shared_ptr<MapLayer> &layer)
{
    if (!layer || m_overlays.contains(layer))
        return;
    m_overlays.append(layer);
    rebuild();
}

void MapView::removeOverlayLayer(const std::shared_ptr<MapLayer> &layer)
{
    if (m_overlays.removeAll(layer) > 0)
        rebuild();
}

void MapView::addLayerInteractive()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("添加图层"), QString(),
        tr("GIS 数据 (*.gpkg *.shp *.geojson *.json *.fgb *.kml *.tif *.tiff *.vrt);;所有文件 (*)"));
    if (!path.isEmpty())
        (void)addLayerFromFile(path);
}

} // namespace spgl::desk
