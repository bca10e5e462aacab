#include "http/response.h"

namespace spgl::server {

Response Response::json(const nlohmann::json &value, int status)
{
    Response r;
    r.status = status;
    r.body = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

Response Response::empty(int status)
{
    Response r;
    r.status = status;
    r.contentType.clear();
    return r;
}

} // namespace spgl::server
