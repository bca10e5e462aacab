#include "http/request.h"

#include "http/apierror.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

namespace spgl::server {

namespace {
// No text the server stores may hold NUL: PostgreSQL cannot, and a silently cut value is worse
// than a refusal.
bool containsNul(const nlohmann::json &value)
{
    if (value.is_string())
        return value.get_ref<const std::string &>().find('\0') != std::string::npos;
    if (value.is_object()) {
        for (const auto &[key, item] : value.items())
            if (key.find('\0') != std::string::npos || containsNul(item))
                return true;
    } else if (value.is_array()) {
        for (const auto &item : value)
            if (containsNul(item))
                return true;
    }
    return false;
}

/// The first item of a comma-separated header value, without surrounding blanks.
std::string firstItem(const std::string &value)
{
    const std::string item = value.substr(0, value.find(','));
    const auto b = item.find_first_not_of(" \t");
    const auto e = item.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : item.substr(b, e - b + 1);
}

bool saneHost(const std::string &host)
{
    return !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']' || c == '_';
    });
}
} // namespace

Request::Request(const Poco::Net::HTTPServerRequest &raw, std::string path, std::string query)
    : m_raw(raw)
    , m_method(raw.getMethod())
    , m_path(std::move(path))
{
    try {
        Poco::URI uri;
        uri.setRawQuery(query);
        for (auto &[k, v] : uri.getQueryParameters())
            m_query.emplace(k, v);
    } catch (const Poco::Exception &) {
        throw ApiError::badRequest("查询参数编码无效");
    }
    m_contentLength = raw.hasContentLength() ? std::int64_t(raw.getContentLength64()) : -1;
    m_clientAddress = raw.clientAddress().host().toString();
}

RequestAudit &Request::audit() const
{
    if (!m_audit)
        throw std::logic_error("audit() on a request whose route is not audited: " + m_method + " " + m_path);
    return *m_audit;
}

std::string Request::header(const std::string &name, const std::string &fallback) const
{
    return m_raw.get(name, fallback);
}

bool Request::ifNoneMatch(const std::string &etag) const
{
    const std::string list = header("If-None-Match");
    for (std::size_t pos = 0; pos < list.size();) {
        std::size_t comma = list.find(',', pos);
        if (comma == std::string::npos)
            comma = list.size();
        std::string tag = list.substr(pos, comma - pos);
        const auto first = tag.find_first_not_of(" \t");
        const auto last = tag.find_last_not_of(" \t");
        tag = first == std::string::npos ? std::string() : tag.substr(first, last - first + 1);
        if (tag.rfind("W/", 0) == 0)
            tag = tag.substr(2);
        if (tag == "*" || tag == etag)
            return true;
        pos = comma + 1;
    }
    return false;
}

std::string Request::cookie(const std::string &name) const
{
    Poco::Net::NameValueCollection cookies;
    m_raw.getCookies(cookies);
    return cookies.get(name, "");
}

std::string Request::forwardedProto() const
{
    std::string proto = firstItem(header("X-Forwarded-Proto"));
    std::transform(proto.begin(), proto.end(), proto.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return proto == "https" ? proto : "http";
}

std::string Request::forwardedHost() const
{
    if (std::string host = firstItem(header("X-Forwarded-Host")); saneHost(host))
        return host;
    if (std::string host = firstItem(header("Host")); saneHost(host))
        return host;
    return {};
}

std::string Request::forwardedPrefix() const
{
    std::string prefix = firstItem(header("X-Forwarded-Prefix"));
    const bool sane = prefix.size() <= 200 && std::all_of(prefix.begin(), prefix.end(), [](unsigned char c) {
                          return std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
                      });
    if (!sane || prefix.find("..") != std::string::npos)
        return {};
    while (!prefix.empty() && prefix.back() == '/')
        prefix.pop_back();
    if (!prefix.empty() && prefix.front() != '/')
        prefix.insert(prefix.begin(), '/');
    return prefix;
}

bool Request::hasHeader(const std::string &name) const
{
    return m_raw.has(name);
}

const std::string &Request::param(const std::string &name) const
{
    static const std::string empty;
    auto it = m_params.find(name);
    return it == m_params.end() ? empty : it->second;
}

std::optional<std::string> Request::query(const std::string &name) const
{
    auto it = m_query.find(name);
    if (it == m_query.end())
        return std::nullopt;
    return it->second;
}

std::int64_t Request::queryInt(const std::string &name, std::int64_t fallback, std::int64_t min, std::int64_t max) const
{
    const auto text = query(name);
    if (!text)
        return fallback;
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || ptr != text->data() + text->size() || value < min || value > max) {
        throw ApiError::badRequest("查询参数 " + name + " 应为 " + std::to_string(min) + " 到 " + std::to_string(max)
                                       + " 之间的整数",
                                   {{"query.range", "取值无效", name}});
    }
    return value;
}

nlohmann::json Request::json() const
{
    const std::string type = header("Content-Type");
    const bool isJson = type.rfind("application/json", 0) == 0
                        || (type.find("+json") != std::string::npos && type.rfind("application/", 0) == 0);
    if (!isJson) {
        throw ApiError::unsupportedMediaType("请求体应为 JSON（Content-Type: application/json），收到的是“"
                                             + (type.empty() ? std::string("未声明") : type) + "”");
    }
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(m_body);
    } catch (const nlohmann::json::parse_error &e) {
        throw ApiError::badRequest("请求体不是有效的 JSON（UTF-8 编码）：位置 " + std::to_string(e.byte)
                                   + " 附近有错误");
    } catch (const nlohmann::json::exception &) {
        throw ApiError::badRequest("请求体中有无法表示的数值（超出范围）");
    }
    if (!value.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    if (containsNul(value))
        throw ApiError::badRequest("请求体的文本中含有空字符（\\u0000），请删除后重新提交");
    return value;
}

std::map<std::string, std::string> Request::queryMap() const
{
    std::map<std::string, std::string> out;
    for (const auto &[k, v] : m_query)
        out.emplace(k, v);
    return out;
}

} // namespace spgl::server
