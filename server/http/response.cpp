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
    nlohmann::json body = {
        {"type", "urn:spgl:problem:" + e.type()}, {"title", e.title()}, {"status", e.status()}, {"detail", e.detail()}};
    if (!e.errors().empty()) {
        nlohmann::json errors = nlohmann::json::array();
        for (const auto &err : e.errors())
            errors.push_back({{"field", err.field}, {"code", err.code}, {"message", err.message}});
        body["errors"] = errors;
    }
    for (auto &[k, v] : e.extra().items())
        body[k] = v;
    Response r = json(body, e.status());
    r.contentType = "application/problem+json; charset=utf-8";
    for (const auto &h : e.headers)
        r.headers.push_back(h);
    return r;
}

} // namespace spgl::server
