#include "http/response.h"

#include "http/apierror.h"

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

Response Response::problem(const ApiError &e)
{
    Response r = json(e.problem(), e.status());
    r.contentType = "application/problem+json; charset=utf-8";
    for (const auto &h : e.headers)
        r.headers.push_back(h);
    return r;
}

} // namespace spgl::server
