#pragma once

#include "auth/principal.h"

#include <optional>
#include <string>

namespace spgl::server {

/// Short-lived JWT access tokens (HS256) that carry the caller's roles and data scope, so that a
/// request needs no database read to know who calls.
class TokenService
{
public:
    TokenService(std::string secret, int accessTtlSeconds);

    std::string issue(const Principal &principal) const;
    /// The principal of a valid, unexpired token.
    std::optional<Principal> verify(const std::string &token) const;
    int accessTtlSeconds() const { return m_ttl; }

    /// A new random opaque token (refresh tokens, upload ids): 32 bytes, base64url.
    static std::string randomToken(std::size_t bytes = 32);
    /// Lower-case hex SHA-256 of @p text.
    static std::string sha256Hex(const std::string &text);

private:
    std::string m_secret;
    int m_ttl;
};

} // namespace spgl::server
