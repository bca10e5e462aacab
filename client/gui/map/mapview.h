#pragma once

#include "core/result.h"
#include "gui/map/maptooldrawpolygon.h"

#include <QWidget>

#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QToolBar;

namespace spgl::desk {

class LayerTreeWidget;
class MapCanvas;
class MapLayer;
class MapLayerStore;
class MapTool;
class MapToolIdentify;
class MapToolMeasure;
class MapToolPan;
class MapToolZoomBox;
class ScaleBar;

/**
 * @brief The map workspace widget: tool bar (pan P, zoom box Z, full extent Home, identify I,
 *        measure length M / area A, draw polygon D, add layer Ctrl+O), the layer tree, the canvas
 *        with its scale bar, and a status row with the coordinates under the mouse and the scale.
 *
 * Overlay layers (annotations, a drawn site) stay above the catalog layers: addOverlayLayer().
 */
class MapView : public QWidget
{
    Q_OBJECT

public:
    explicit MapView(QWidget *parent = nullptr);

    MapCanvas *canvas() const { return m_canvas; }
    LayerTreeWidget *layerTree() const { return m_tree; }
    ScaleBar *scaleBar() const { return m_scaleBar; }
    QToolBar *toolBar() const { return m_toolBar; }
    MapToolPan *panTool() const { return m_pan; }
    MapToolZoomBox *zoomBoxTool() const { return m_zoomBox; }
    MapToolIdentify *identifyTool() const { return m_identify; }
    MapToolMeasure *measureLengthTool() const { return m_measureLength; }
    MapToolMeasure *measureAreaTool() const { return m_measureArea; }
    MapToolDrawPolygon *drawPolygonTool() const { return m_draw; }
    QLabel *coordinateLabel() const { return m_coordinates; }
    QLabel *scaleLabel() const { return m_scale; }

    /// The catalog layers (bottom to top); overlays stay on top of them.
    void setLayers(const QList<std::shared_ptr<MapLayer>> &layers);
    /// Opens every layer of @p store; returns the messages of files that failed.
    QStringList loadStore(const MapLayerStore &store);
    /// Opens the layers of @p store on a worker thread (a 1,000,000-polygon layer takes
    /// seconds) and shows them when done: layersLoaded() tells.
    void loadStoreInBackground(const MapLayerStore &store);
    bool isLoading() const { return m_loading; }
    /// Adds a layer from a file (GeoPackage, Shapefile, GeoJSON, GeoTIFF …) above the catalog layers.
    Result<std::shared_ptr<MapLayer>> addLayerFromFile(const QString &path);
    /// Adds an overlay layer (e.g. a MemoryVectorLayer of annotations) on top of everything.
    void addOverlayLayer(const std::shared_ptr<MapLayer> &layer);
    void removeOverlayLayer(const std::shared_ptr<MapLayer> &layer);
    /// Activates @p tool on the canvas and checks its action.
    void setTool(MapTool *tool);
    /// Starts a fresh drawing of @p shape with the draw tool on behalf of @p owner (the panel
    /// that takes the finished geometry: MapToolDrawPolygon::owner()).
    void startDrawing(MapToolDrawPolygon::Shape shape, const QObject *owner);

Q_SIGNALS:
    /// A polygon drawn with the draw tool (GeoJSON geometry, EPSG:4490).
    void polygonDrawn(const QByteArray &geoJson);
    /// loadStoreInBackground() finished; @p errors of the files that failed.
    void layersLoaded(const QStringList &errors);

private:
    void rebuild();
    void addLayerInteractive();
    QAction *addToolAction(MapTool *tool, const QString &icon, const QKeySequence &key);
    void updateScale();
    void showStoreResult(const QString &directory, int layerCount, const QStringList &errors);

    MapCanvas *m_canvas = nullptr;
    LayerTreeWidget *m_tree = nullptr;
    ScaleBar *m_scaleBar = nullptr;
    QToolBar *m_toolBar = nullptr;
    QActionGroup *m_toolGroup = nullptr;
    QLabel *m_coordinates = nullptr;
    QLabel *m_scale = nullptr;
    QLabel *m_message = nullptr;
    MapToolPan *m_pan = nullptr;
    MapToolZoomBox *m_zoomBox = nullptr;
    MapToolIdentify *m_identify = nullptr;
    MapToolMeasure *m_measureLength = nullptr;
    MapToolMeasure *m_measureArea = nullptr;
    MapToolDrawPolygon *m_draw = nullptr;
    QList<std::shared_ptr<MapLayer>> m_layers;
    QList<std::shared_ptr<MapLayer>> m_overlays;
    bool m_loading = false;
};

} // namespace spgl::desk
