#include "http/apierror.h"

namespace spgl::server {

ApiError::ApiError(int status, std::string type, std::string title, std::string detail, Errors errors,
                   nlohmann::json extra)
    : std::runtime_error(detail)
    , m_status(status)
    , m_type(std::move(type))
    , m_title(std::move(title))
    , m_detail(std::move(detail))
    , m_errors(std::move(errors))
    , m_extra(std::move(extra))
{}

nlohmann::json ApiError::problem() const
{
    nlohmann::json body
        = {{"type", "urn:spgl:problem:" + m_type}, {"title", m_title}, {"status", m_status}, {"detail", m_detail}};
    if (!m_errors.empty()) {
        nlohmann::json errors = nlohmann::json::array();
        for (const auto &err : m_errors)
            errors.push_back({{"field", err.field}, {"code", err.code}, {"message", err.message}});
        body["errors"] = errors;
    }
    for (auto &[k, v] : m_extra.items())
        body[k] = v;
    return body;
}

ApiError ApiError::badRequest(std::string detail, Errors errors)
{
    return ApiError(400, "bad-request", "请求无效", std::move(detail), std::move(errors));
}

ApiError ApiError::validation(Errors errors)
{
    return ApiError(422, "validation", "提交的数据未通过校验", "请按提示修改标出的字段后重新提交", std::move(errors));
}

ApiError ApiError::unauthorized(std::string detail)
{
    ApiError e(401, "unauthorized", "未登录或登录已过期", std::move(detail));
    e.headers.emplace_back("WWW-Authenticate", "Bearer");
    return e;
}

ApiError ApiError::forbidden(std::string detail)
{
    return ApiError(403, "forbidden", "无权操作", std::move(detail));
}

ApiError ApiError::notFound(std::string detail)
{
    return ApiError(404, "not-found", "未找到", std::move(detail));
}

ApiError ApiError::conflict(std::string detail, nlohmann::json current)
{
    nlohmann::json extra = nlohmann::json::object();
    if (!current.is_null())
        extra["current"] = std::move(current);
    return ApiError(409, "conflict", "数据已被他人修改或状态不允许", std::move(detail), {}, std::move(extra));
}

ApiError ApiError::payloadTooLarge(std::string detail)
{
    return ApiError(413, "payload-too-large", "内容过大", std::move(detail));
}

ApiError ApiError::unsupportedMediaType(std::string detail)
{
    return ApiError(415, "unsupported-media-type", "不支持的内容类型", std::move(detail));
}

ApiError ApiError::methodNotAllowed(std::string detail)
{
    return ApiError(405, "method-not-allowed", "不支持的请求方法", std::move(detail));
}

} // namespace spgl::server
