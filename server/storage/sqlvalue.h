#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace spgl::server {

/// A bound SQL parameter. Booleans are stored as integers 0/1 on every backend.
using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using SqlParams = std::vector<SqlValue>;

/// One result row; every value arrives as text (or null) from both backends.
class SqlRow
{
public:
    explicit SqlRow(std::vector<std::optional<std::string>> values)
        : m_values(std::move(values))
    {}

    size_t size() const { return m_values.size(); }
    bool isNull(size_t i) const { return !m_values.at(i).has_value(); }
    const std::string &text(size_t i) const;
    std::int64_t integer(size_t i) const;
    double real(size_t i) const;
    std::optional<std::string> optionalText(size_t i) const { return m_values.at(i); }
    std::optional<std::int64_t> optionalInteger(size_t i) const;

private:
    std::vector<std::optional<std::string>> m_values;
};

using SqlRows = std::vector<SqlRow>;

/// Wraps an optional value as a parameter (null when empty).
template<typename T>
SqlValue sqlOptional(const std::optional<T> &v)
{
    if (!v)
        return nullptr;
    return SqlValue(*v);
}

} // namespace spgl::server
