#pragma once

#include "auth/passwordhasher.h"
#include "auth/principal.h"
#include "auth/tokenservice.h"
#include "storage/database.h"
#include "storage/userrepository.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <unordered_map>

namespace spgl::server {

/// Login lockout and refresh token lifetime.
struct AuthPolicy
{
    int maxFailures = 5;
    std::int64_t lockMs = 15 * 60 * 1000;
    std::int64_t refreshTtlMs = 30LL * 24 * 3600 * 1000;
};

/**
 * Log in, refresh, log out. Refresh tokens are opaque, stored only as SHA-256 hashes, rotate on
 * every use, and belong to a family: presenting a refresh token that was already used revokes
 * the whole family (a stolen token is then useless to both parties).
 */
class AuthService
{
public:
    using Policy = AuthPolicy;

    AuthService(Database &db, const PasswordHasher &hasher, const TokenService &tokens, Policy policy = {})
        : m_db(db)
        , m_hasher(hasher)
        , m_tokens(tokens)
        , m_policy(policy)
    {}

    /// The login response of API.md; throws ApiError 401 (wrong) or 429 (locked).
    /// A success records the request's audit row (target the user) with the token it issues.
    nlohmann::json login(const std::string &username, const std::string &password);
    /// A success records the request's audit row (actor and target the user) with the rotation.
    nlohmann::json refresh(const std::string &refreshToken);
    /// Revokes the token's family; unknown tokens are ignored (logging out twice is fine).
    void logout(const std::string &refreshToken);
    /**
     * POST /auth/password {current_password, new_password}: the caller changes their own password.
     * A wrong current password counts towards the lockout like a failed login (422 naming the
     * field, 429 once locked); the new one must meet the policy and differ. Every session of the
     * user ends (a stolen session cannot outlive the change); the answer is a fresh login.
     */
    nlohmann::json changePassword(const Principal &who, const nlohmann::json &body);
    /**
     * Whether a login session still has a live refresh token (false after logout, a password
     * change or a detected reuse): its access tokens are refused once it has ended. Asked on every
     * authenticated request, so a session found open is remembered while the data does not change
     * (Database::generation) and otherwise for at most kSessionRecheck, as long as this server has
     * ended no session meanwhile. A session ended on this server is refused at once; one ended on
     * another instance or by hand within kSessionRecheck (and the time one look takes: while a
     * request looks the session up again, the others go on believing it open).
     */
    bool sessionOpen(const std::string &session);
    /// How long a session found open is believed while other writes go on (see sessionOpen()).
    static constexpr std::chrono::milliseconds kSessionRecheck{1000};

private:
    nlohmann::json issue(Connection &c, const User &user, const std::string &family);
    [[noreturn]] void failLogin(const std::string &key);

    Database &m_db;
    const PasswordHasher &m_hasher;
    const TokenService &m_tokens;
    Policy m_policy;
    /// A session seen open: at which generation, after how many sessions ended here, and when.
    struct SeenOpen
    {
        DataGeneration generation;
        std::uint64_t ended = 0;
        std::chrono::steady_clock::time_point at;
        bool looking = false; ///< a request is looking it up again (because of time only)
    };
    /// After a commit that may have ended sessions: no session is believed open from before it.
    void sessionsEnded() { m_ended.fetch_add(1, std::memory_order_acq_rel); }

    std::atomic<std::uint64_t> m_ended{0};
    std::mutex m_openMutex;
    std::unordered_map<std::string, SeenOpen> m_open;
};

} // namespace spgl::server
