#include "geo/gdalsession.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

namespace spgl::geo {

namespace {

void CPL_STDCALL captureHandler(CPLErr errorClass, CPLErrorNum, const char *message)
{
    auto *capture = static_cast<GdalErrorCapture *>(CPLGetErrorHandlerUserData());
    if (capture)
        capture->record(static_cast<int>(errorClass), message);
}

} // namespace

void ensureGdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetConfigOption("OGR_GPKG_FOREIGN_KEY_CHECK", "NO");
        CPLSetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
        CPLSetConfigOption("GDAL_NUM_THREADS", "1");
        GDALAllRegister();
    });
}

GdalErrorCapture::GdalErrorCapture()
{
    CPLPushErrorHandlerEx(captureHandler, this);
}

GdalErrorCapture::~GdalErrorCapture()
{
    CPLPopErrorHandler();
}

void GdalErrorCapture::record(int errorClass, const char *message)
{
    const std::string text = message ? message : "";
    if (errorClass >= CE_Failure)
        m_errors.push_back(text);
    else if (errorClass == CE_Warning)
        m_warnings.push_back(text);
}

std::string GdalErrorCapture::joinedErrors() const
{
    std::string out;
    for (const auto &e : m_errors) {
        if (!out.empty())
            out += "; ";
        out += e;
    }
    return out;
}

} // namespace spgl::geo
