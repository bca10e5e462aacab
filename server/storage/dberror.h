#pragma once

#include <stdexcept>
#include <string>

namespace spgl::server {

/// A storage failure. Kind lets callers tell a constraint violation or a retryable conflict
/// from a broken database.
class DbError : public std::runtime_error
{
public:
    enum class Kind { Other, UniqueViolation, ForeignKeyViolation, Retryable, ConnectionLost };

    DbError(Kind kind, const std::string &message, std::string origin = {})
        : std::runtime_error(message)
        , m_kind(kind)
        , m_origin(std::move(origin))
    {}
    Kind kind() const { return m_kind; }
    /// What the failing statement was for, when it failed after it had been handed over
    /// (Connection::executeLater with an origin, e.g. "audit"); empty otherwise.
    const std::string &origin() const { return m_origin; }

private:
    Kind m_kind;
    std::string m_origin;
};

} // namespace spgl::server
