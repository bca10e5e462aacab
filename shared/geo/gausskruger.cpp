#include "geo/gausskruger.h"

#include <algorithm>
#include <cmath>

namespace spgl::geo {

int gaussKrugerCentralMeridian(double longitude)
{
    const int zone = static_cast<int>(std::lround(longitude / 3.0));
    return std::clamp(zone, 25, 45) * 3;
}

int gaussKrugerEpsg(double longitude)
{
    return 4534 + (gaussKrugerCentralMeridian(longitude) - 75) / 3;
}

} // namespace spgl::geo
