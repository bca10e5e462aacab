#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace spgl::server {

class ApiError;

/// What a handler answers: a status, headers and either a body or a writer that streams one.
struct Response
{
    int status = 200;
    std::string contentType = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    /// When set, streams the body (files); contentLength must then be set too.
    std::function<void(std::ostream &)> writer;
    std::int64_t contentLength = -1;

    static Response json(const nlohmann::json &value, int status = 200);
    static Response empty(int status = 204);
    /// The RFC 9457 application/problem+json answer of @p error (the one mapping of errors).
    static Response problem(const ApiError &error);
    Response &header(std::string name, std::string value)
    {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

} // namespace spgl::server
