#pragma once

#include "gui/map/maptooldrawpolygon.h"

#include <QString>

#include <array>
#include <functional>

class QHBoxLayout;
class QWidget;

namespace spgl::desk {

/// One button of drawShapeButtons(): its (translated) text, object name and tool tip.
struct DrawShapeButton
{
    QString text;
    QString objectName;
    QString toolTip;
};

/**
 * The row of point / line / polygon buttons the map panels put above their text field: each
 * button calls @p start with its shape (MapToolDrawPolygon::Shape::Point, Line, Polygon, in the
 * order of @p buttons). The panels keep their own texts, so each is translated in its own context.
 */
QHBoxLayout *drawShapeButtons(QWidget *parent, const std::array<DrawShapeButton, 3> &buttons,
                              const std::function<void(MapToolDrawPolygon::Shape)> &start);

} // namespace spgl::desk
