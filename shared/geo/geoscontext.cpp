#include "geo/geoscontext.h"

namespace spgl::geo {

GeosContext::GeosContext()
    : m_handle(GEOS_init_r())
{
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::onMessage, this);
    m_reader = GEOSWKBReader_create_r(m_handle);
    m_writer = GEOSWKBWriter_create_r(m_handle);
}

GeosContext::~GeosContext()
{
    GEOSWKBReader_destroy_r(m_handle, m_reader);
    GEOSWKBWriter_destroy_r(m_handle, m_writer);
    GEOS_finish_r(m_handle);
}

void GeosContext::onMessage(const char *message, void *userdata)
{
    static_cast<GeosContext *>(userdata)->m_lastError = message ? message : "";
}

GeosContext::Geom GeosContext::fromWkb(const unsigned char *wkb, size_t size) const
{
    return own(GEOSWKBReader_read_r(m_handle, m_reader, wkb, size));
}

std::string GeosContext::toWkb(const GEOSGeometry *g) const
{
    size_t size = 0;
    unsigned char *buf = GEOSWKBWriter_write_r(m_handle, m_writer, g, &size);
    std::string out(reinterpret_cast<const char *>(buf), size);
    GEOSFree_r(m_handle, buf);
    return out;
}

} // namespace spgl::geo
