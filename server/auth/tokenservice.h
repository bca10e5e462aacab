#pragma once

#include "auth/principal.h"

#include <Poco/Timestamp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace spgl::server {

/// Short-lived JWT access tokens (HS256) that carry the caller's roles and data scope, so that a
/// request needs no database read to know who calls.
class TokenService
{
public:
    TokenService(std::string secret, int accessTtlSeconds);

    std::string issue(const Principal &principal) const;
    /// The principal of a valid, unexpired token. Each thread remembers the last tokens it
    /// verified (a desk's keep-alive connection sends the same one again and again) until they
    /// expire, so the signature and the claims are checked once per token and thread.
    std::optional<Principal> verify(const std::string &token) const;
    int accessTtlSeconds() const { return m_ttl; }

    /// A new random opaque token (refresh tokens, upload ids): 32 bytes, base64url.
    static std::string randomToken(std::size_t bytes = 32);
    /// Lower-case hex SHA-256 of @p text.
    static std::string sha256Hex(const std::string &text);

private:
    /// Signature, expiry and claims: the principal and when the token expires.
    std::optional<std::pair<Principal, Poco::Timestamp>> check(const std::string &token) const;

    std::string m_secret;
    int m_ttl;
    std::uint64_t m_instance; ///< tells the remembered tokens of different services apart
};

} // namespace spgl::server
