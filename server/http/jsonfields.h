#pragma once

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace spgl::server {

/**
 * Reads typed fields out of a JSON request body and collects every field error, so that one 422
 * answer lists all of them (wrong type, missing, too long) instead of failing at the first.
 */
class JsonFields
{
public:
    explicit JsonFields(nlohmann::json body)
        : m_body(std::move(body))
    {}

    /// A string field, trimmed; "" when absent and not required. @p maxChars counts characters.
    std::string string(const std::string &name, bool required, std::size_t maxChars = 200);
    std::optional<std::string> optionalString(const std::string &name, std::size_t maxChars = 200);
    std::optional<std::int64_t> integer(const std::string &name, bool required, std::int64_t min, std::int64_t max);
    std::vector<std::string> stringArray(const std::string &name, bool required, std::size_t maxItems = 50);
    /// One of @p allowed; an unknown value is a field error naming the allowed values.
    std::string enumeration(const std::string &name, bool required, const std::vector<std::string> &allowed);

    void add(Error error) { m_errors.push_back(std::move(error)); }
    /// Adds @p error with @p field set, when it is not already reported for that field.
    void addFor(const std::string &field, Error error);
    bool hasErrorFor(const std::string &field) const;
    const Errors &errors() const { return m_errors; }
    /// Throws a 422 listing every error when there is any.
    void check() const;

    static std::size_t characters(const std::string &utf8);

private:
    const nlohmann::json *find(const std::string &name) const;

    nlohmann::json m_body;
    Errors m_errors;
};

} // namespace spgl::server
