#pragma once

#include <geos_c.h>

#include <memory>
#include <string>

namespace spgl::geo {

/**
 * @brief A re-entrant GEOS context (one per thread or per object that uses GEOS), with owning
 *        handles for the geometries made in it.
 *
 * GEOS errors are kept as text (lastError()) instead of being printed.
 */
class GeosContext
{
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext &) = delete;
    GeosContext &operator=(const GeosContext &) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }
    const std::string &lastError() const { return m_lastError; }

    struct GeomDeleter
    {
        GEOSContextHandle_t handle;
        void operator()(GEOSGeometry *g) const
        {
            if (g)
                GEOSGeom_destroy_r(handle, g);
        }
    };
    struct PreparedDeleter
    {
        GEOSContextHandle_t handle;
        void operator()(const GEOSPreparedGeometry *g) const
        {
            if (g)
                GEOSPreparedGeom_destroy_r(handle, g);
        }
    };
    using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;
    using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

    /// Takes ownership of @p g (may be null).
    Geom own(GEOSGeometry *g) const { return Geom(g, GeomDeleter{m_handle}); }
    Prepared prepare(const GEOSGeometry *g) const
    {
        return Prepared(GEOSPrepare_r(m_handle, g), PreparedDeleter{m_handle});
    }
    /// Reads WKB (as stored in GeoPackage after its header, or made by OGR); null when invalid.
    Geom fromWkb(const unsigned char *wkb, size_t size) const;
    /// Writes ISO WKB.
    std::string toWkb(const GEOSGeometry *g) const;

private:
    static void onMessage(const char *message, void *userdata);

    GEOSContextHandle_t m_handle = nullptr;
    GEOSWKBReader *m_reader = nullptr;
    GEOSWKBWriter *m_writer = nullptr;
    std::string m_lastError;
};

} // namespace spgl::geo
