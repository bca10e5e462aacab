#include "gui/map/drawshapebuttons.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace spgl::desk {

QHBoxLayout *drawShapeButtons(QWidget *parent, const std::array<DrawShapeButton, 3> &buttons,
                              const std::function<void(MapToolDrawPolygon::Shape)> &start)
{
    using Shape = MapToolDrawPolygon::Shape;
    const std::array<Shape, 3> shapes{Shape::Point, Shape::Line, Shape::Polygon};
    auto *row = new QHBoxLayout;
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        auto *button = new QPushButton(buttons[i].text, parent);
        button->setObjectName(buttons[i].objectName);
        button->setToolTip(buttons[i].toolTip);
        QObject::connect(button, &QPushButton::clicked, parent, [start, shape = shapes[i]] { start(shape); });
        row->addWidget(button);
    }
    return row;
}

} // namespace spgl::desk
