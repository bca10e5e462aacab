#include "core/map/measurement.h"

#include "geo/gausskruger.h"
#include "geo/gkprojector.h"

#include <geodesic.h>

#include <QCoreApplication>

#include <cmath>
#include <vector>

namespace spgl::desk {

namespace {

constexpr double kCgcs2000A = 6378137.0;
constexpr double kCgcs2000F = 1.0 / 298.257222101;

const geod_geodesic &cgcs2000()
{
    static const geod_geodesic g = [] {
        geod_geodesic out;
        geod_init(&out, kCgcs2000A, kCgcs2000F);
        return out;
    }();
    return g;
}

} // namespace

double Measurement::geodesicLength(const QList<QPointF> &points)
{
    double total = 0;
    for (qsizetype k = 1; k < points.size(); ++k) {
        double s12 = 0;
        geod_inverse(&cgcs2000(), points[k - 1].y(), points[k - 1].x(), points[k].y(), points[k].x(), &s12, nullptr,
                     nullptr);
        total += s12;
    }
    return total;
}

double Measurement::geodesicArea(const QList<QPointF> &ring)
{
    QList<QPointF> r = ring;
    if (r.size() > 1 && r.front() == r.back())
        r.removeLast();
    if (r.size() < 3)
        return 0;
    std::vector<double> lats, lons;
    for (const QPointF &p : r) {
        lats.push_back(p.y());
        lons.push_back(p.x());
    }
    double area = 0, perimeter = 0;
    geod_polygonarea(&cgcs2000(), lats.data(), lons.data(), int(lats.size()), &area, &perimeter);
    return std::abs(area);
}

int Measurement::zoneFor(const QList<QPointF> &points)
{
    return geo::gaussKrugerEpsg(points.isEmpty() ? 87.0 : points.front().x());
}

Result<double> Measurement::gaussKrugerLength(const QList<QPointF> &points, int epsg)
{
    if (points.size() < 2)
        return 0.0;
    auto projector = geo::GkProjector::create(epsg ? epsg : zoneFor(points));
    if (!projector)
        return projector.error();
    std::vector<double> x, y;
    for (const QPointF &p : points) {
        x.push_back(p.x());
        y.push_back(p.y());
    }
    if (!(*projector)->project(x.data(), y.data(), int(x.size())))
        return Error{"map.measure.project", "坐标无法投影到高斯-克吕格分带", ""};
    double total = 0;
    for (size_t k = 1; k < x.size(); ++k)
        total += std::hypot(x[k] - x[k - 1], y[k] - y[k - 1]);
    return total;
}

Result<double> Measurement::gaussKrugerArea(const QList<QPointF> &ring, int epsg)
{
    if (ring.size() < 3)
        return 0.0;
    auto projector = geo::GkProjector::create(epsg ? epsg : zoneFor(ring));
    if (!projector)
        return projector.error();
    std::vector<double> x, y;
    for (const QPointF &p : ring) {
        x.push_back(p.x());
        y.push_back(p.y());
    }
    if (!(*projector)->project(x.data(), y.data(), int(x.size())))
        return Error{"map.measure.project", "坐标无法投影到高斯-克吕格分带", ""};
    double twice = 0;
    const size_t n = x.size();
    for (size_t k = 0; k < n; ++k) {
        const size_t j = (k + 1) % n;
        twice += x[k] * y[j] - x[j] * y[k];
    }
    return std::abs(twice) / 2;
}

QString Measurement::formatLength(double metres)
{
    if (metres >= 1000)
        return QCoreApplication::translate("spgl::desk::Measurement", "%1 千米").arg(metres / 1000, 0, 'f', 3);
    return QCoreApplication::translate("spgl::desk::Measurement", "%1 米").arg(metres, 0, 'f', 1);
}

QString Measurement::formatArea(double squareMetres)
{
    if (squareMetres >= 1e6)
        return QCoreApplication::translate("spgl::desk::Measurement", "%1 平方千米").arg(squareMetres / 1e6, 0, 'f', 3);
    if (squareMetres >= 1e4)
        return QCoreApplication::translate("spgl::desk::Measurement", "%1 公顷").arg(squareMetres / 1e4, 0, 'f', 2);
    return QCoreApplication::translate("spgl::desk::Measurement", "%1 平方米").arg(squareMetres, 0, 'f', 1);
}

} // namespace spgl::desk
