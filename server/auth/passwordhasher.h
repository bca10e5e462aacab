#pragma once

#include "core/error.h"

#include <cstdint>
#include <string>

namespace spgl::server {

/// Argon2id cost parameters.
struct Argon2Cost
{
    std::uint32_t memoryKiB = 47104; ///< 46 MiB (OWASP's first Argon2id option)
    std::uint32_t iterations = 1;
    std::uint32_t lanes = 1;
};

/**
 * Argon2id password hashes in the PHC string format (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`),
 * so the cost can be raised later and old hashes still verify.
 */
class PasswordHasher
{
public:
    using Cost = Argon2Cost;

    explicit PasswordHasher(Cost cost = {})
        : m_cost(cost)
    {}

    std::string hash(const std::string &password) const;
    bool verify(const std::string &encoded, const std::string &password) const;
    /// Spends the time of one verification, for unknown user names (no timing oracle).
    void burn(const std::string &password) const;

    /// Password policy: 8–64 characters, at least three of lower case, upper case, digits and
    /// symbols, and not containing the user name.
    static Errors checkPolicy(const std::string &password, const std::string &username);

private:
    Cost m_cost;
};

} // namespace spgl::server
