#include "gui/map/maptool.h"

#include "gui/map/mapcanvas.h"

namespace spgl::desk {

MapTool::MapTool(MapCanvas *canvas)
    : QObject(canvas)
    , m_canvas(canvas)
{}

} // namespace spgl::desk
