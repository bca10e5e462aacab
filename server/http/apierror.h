#pragma once

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace spgl::server {

/**
 * The one exception type handlers and services throw for a client-visible failure. The
 * dispatcher turns it into RFC 9457 application/problem+json in one place (Response::problem).
 */
class ApiError : public std::runtime_error
{
public:
    ApiError(int status, std::string type, std::string title, std::string detail, Errors errors = {},
             nlohmann::json extra = nlohmann::json::object());

    int status() const { return m_status; }
    const std::string &type() const { return m_type; }
    const std::string &title() const { return m_title; }
    const std::string &detail() const { return m_detail; }
    const Errors &errors() const { return m_errors; }
    const nlohmann::json &extra() const { return m_extra; }
    /// The RFC 9457 problem document of this error (type, title, status, detail, errors, extra).
    nlohmann::json problem() const;
    /// Extra response headers (Retry-After, Upload-Offset …).
    std::vector<std::pair<std::string, std::string>> headers;

    static ApiError badRequest(std::string detail, Errors errors = {});
    static ApiError validation(Errors errors);
    static ApiError unauthorized(std::string detail = "需要登录：访问令牌缺失、无效或已过期");
    static ApiError forbidden(std::string detail = "当前角色无权执行此操作");
    static ApiError notFound(std::string detail = "请求的资源不存在");
    static ApiError conflict(std::string detail, nlohmann::json current = nullptr);
    static ApiError payloadTooLarge(std::string detail);
    static ApiError unsupportedMediaType(std::string detail);
    static ApiError methodNotAllowed(std::string detail);

private:
    int m_status;
    std::string m_type;
    std::string m_title;
    std::string m_detail;
    Errors m_errors;
    nlohmann::json m_extra;
};

} // namespace spgl::server
