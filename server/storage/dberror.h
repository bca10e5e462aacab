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

    DbError(Kind kind, const std::string &message)
        : std::runtime_error(message)
        , m_kind(kind)
    {}
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

} // namespace spgl::server
