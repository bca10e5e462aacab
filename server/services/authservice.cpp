#include "services/authservice.h"

#include "core/beijingtime.h"
#include "http/apierror.h"
#include "http/jsonfields.h"
#include "services/requestaudit.h"
#include "storage/userrepository.h"

#include <algorithm>

namespace spgl::server {

namespace {
std::string loginKey(std::string username)
{
    std::transform(username.begin(), username.end(), username.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return username;
}

ApiError lockedError(std::int64_t until)
{
    const std::string time = beijing::rfc3339(until).substr(11, 5);
    ApiError e(429, "login-locked", "账户已临时锁定",
               "连续登录失败次数过多，该账户已锁定15分钟，请于北京时间 " + time + " 后再试", {},
               {{"locked_until", beijing::rfc3339(until)}});
    const std::int64_t seconds = std::max<std::int64_t>(1, (until - beijing::nowMs() + 999) / 1000);
    e.headers.emplace_back("Retry-After", std::to_string(seconds));
    return e;
}
} // namespace

void AuthService::failLogin(const std::string &key)
{
    const std::int64_t now = beijing::nowMs();
    std::int64_t failures = 0;
    std::int64_t lockedUntil = 0;
    m_db.write([&](Connection &c) {
        const auto row = c.queryOne("SELECT failures, locked_until FROM login_failures WHERE username = ?", {key});
        // A lock that has run out starts a fresh count.
        failures = (row && row->integer(1) <= now && row->integer(1) != 0) ? 1 : (row ? row->integer(0) + 1 : 1);
        if (failures >= m_policy.maxFailures)
            lockedUntil = now + m_policy.lockMs;
        if (row)
            c.execute("UPDATE login_failures SET failures = ?, last_failure = ?, locked_until = ? WHERE username = ?",
                      {failures, now, lockedUntil, key});
        else
            c.execute("INSERT INTO login_failures (username, failures, last_failure, locked_until) VALUES (?, ?, ?, ?)",
                      {key, failures, now, lockedUntil});
    });
    if (lockedUntil)
        throw lockedError(lockedUntil);
    throw ApiError(401, "login-failed", "登录失败",
                   "用户名或密码错误，再失败 " + std::to_string(m_policy.maxFailures - failures)
                       + " 次账户将被锁定15分钟",
                   {}, {{"attempts_left", m_policy.maxFailures - failures}});
}

nlohmann::json AuthService::login(const std::string &username, const std::string &password)
{
    const std::string key = loginKey(username);
    const std::int64_t now = beijing::nowMs();
    const auto state = m_db.read([&](Connection &c) {
        return std::make_pair(c.queryOne("SELECT locked_until FROM login_failures WHERE username = ?", {key}),
                              UserRepository::findByUsername(c, username));
    });
    if (state.first && state.first->integer(0) > now)
        throw lockedError(state.first->integer(0));
    const auto &user = state.second;
    if (!user) {
        m_hasher.burn(password);
        failLogin(key);
    }
    if (!m_hasher.verify(user->passwordHash, password))
        failLogin(key);
    if (user->disabled)
        throw ApiError(403, "account-disabled", "账户已停用", "该账户已停用，请联系系统管理员");
    return m_db.write([&](Connection &c) {
        c.execute("DELETE FROM login_failures WHERE username = ?", {key});
        RequestAudit::record(c, "user:" + std::to_string(user->id));
        return issue(c, *user, TokenService::randomToken(12));
    });
}

nlohmann::json AuthService::changePassword(const Principal &who, const nlohmann::json &body)
{
    if (!body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    JsonFields f(body);
    const std::string current = f.string("current_password", true, 64);
    const std::string next = f.string("new_password", true, 64);
    f.check();
    const std::string key = loginKey(who.username);
    const std::int64_t now = beijing::nowMs();
    const auto state = m_db.read([&](Connection &c) {
        return std::make_pair(c.queryOne("SELECT locked_until FROM login_failures WHERE username = ?", {key}),
                              UserRepository::findById(c, who.userId, DataScope::system()));
    });
    if (state.first && state.first->integer(0) > now)
        throw lockedError(state.first->integer(0));
    if (!state.second || state.second->disabled)
        throw ApiError::unauthorized("账户不存在或已停用，请重新登录");
    const User &user = *state.second;
    if (!m_hasher.verify(user.passwordHash, current)) {
        try {
            failLogin(key);
        } catch (const ApiError &e) {
            if (e.status() != 401)
                throw;
            throw ApiError::validation({{"password.current", "当前密码不正确", "current_password"}});
        }
    }
    JsonFields policy(body);
    for (auto &e : PasswordHasher::checkPolicy(next, user.username))
        policy.addFor("new_password", e);
    if (next == current)
        policy.addFor("new_password", {"password.same", "新密码不能与当前密码相同", {}});
    policy.check();
    const std::string hash = m_hasher.hash(next);
    nlohmann::json fresh = m_db.write([&](Connection &c) {
        UserRepository::updatePassword(c, user.id, hash);
        c.execute("DELETE FROM login_failures WHERE username = ?", {key});
        c.execute("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", {now, user.id});
        RequestAudit::record(c, "user:" + std::to_string(user.id));
        return issue(c, user, TokenService::randomToken(12));
    });
    sessionsEnded();
    return fresh;
}

nlohmann::json AuthService::issue(Connection &c, const User &user, const std::string &family)
{
    const std::string refresh = TokenService::randomToken();
    const std::int64_t now = beijing::nowMs();
    c.execute("INSERT INTO refresh_tokens (token_hash, user_id, family, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)",
              {TokenService::sha256Hex(refresh), user.id, family, now, now + m_policy.refreshTtlMs});
    nlohmann::json u = user.toJson();
    Principal principal = user.principal();
    principal.session = family;
    return {{"access_token", m_tokens.issue(principal)},
            {"refresh_token", refresh},
            {"token_type", "Bearer"},
            {"expires_in", m_tokens.accessTtlSeconds()},
            {"refresh_expires_at", beijing::rfc3339(now + m_policy.refreshTtlMs)},
            {"user", u}};
}

nlohmann::json AuthService::refresh(const std::string &refreshToken)
{
    const std::string hash = TokenService::sha256Hex(refreshToken);
    const std::int64_t now = beijing::nowMs();
    bool reused = false;
    auto result = m_db.write([&](Connection &c) -> nlohmann::json {
        const auto row = c.queryOne(
            "SELECT user_id, family, expires_at, revoked_at FROM refresh_tokens WHERE token_hash = ?", {hash});
        if (!row)
            return nullptr;
        const std::string family = row->text(1);
        if (!row->isNull(3)) {
            // A rotated token came back: someone holds a copy. Revoke the family.
            c.execute("UPDATE refresh_tokens SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL",
                      {now, family});
            reused = true;
            return nullptr;
        }
        if (row->integer(2) <= now)
            return nullptr;
        const auto user = UserRepository::findById(c, row->integer(0), DataScope::system());
        if (!user || user->disabled)
            return nullptr;
        c.execute("UPDATE refresh_tokens SET revoked_at = ? WHERE token_hash = ?", {now, hash});
        RequestAudit::record(c, "user:" + std::to_string(user->id), {}, user->username);
        return issue(c, *user, family);
    });
    if (reused)
        sessionsEnded();
    if (result.is_null()) {
        throw ApiError::unauthorized(reused ? "刷新令牌已被使用过，为安全起见本次登录已失效，请重新登录"
                                            : "登录已过期或已退出，请重新登录");
    }
    return result;
}

bool AuthService::sessionOpen(const std::string &session)
{
    // Read before the data (see ResponseCache): whatever commits later moves them.
    const auto generation = m_db.generation();
    const std::uint64_t ended = m_ended.load(std::memory_order_acquire);
    const auto now = std::chrono::steady_clock::now();
    bool looking = false; // this request looks the session up again for the others
    if (generation) {
        std::lock_guard lock(m_openMutex);
        if (const auto it = m_open.find(session); it != m_open.end()) {
            SeenOpen &seen = it->second;
            if (seen.generation == *generation || (seen.ended == ended && now - seen.at < kSessionRecheck))
                return true;
            if (seen.ended == ended) {
                // Only time says to look again: one request looks, the others go on meanwhile
                // (instead of every request in flight asking the database at once).
                if (seen.looking)
                    return true;
                seen.looking = looking = true;
            }
        }
    }
    bool open = false;
    try {
        open = m_db.readOne([&](Connection &c) {
            return c.queryOne("SELECT 1 FROM refresh_tokens WHERE family = ? AND revoked_at IS NULL LIMIT 1", {session})
                .has_value();
        });
    } catch (...) {
        if (looking) {
            std::lock_guard lock(m_openMutex);
            if (const auto it = m_open.find(session); it != m_open.end())
                it->second.looking = false;
        }
        throw;
    }
    if (generation) {
        std::lock_guard lock(m_openMutex);
        if (open) {
            if (m_open.size() > 100000)
                m_open.clear();
            m_open[session] = SeenOpen{*generation, ended, now};
        } else {
            m_open.erase(session);
        }
    }
    return open;
}

void AuthService::logout(const std::string &refreshToken)
{
    const std::string hash = TokenService::sha256Hex(refreshToken);
    const std::int64_t now = beijing::nowMs();
    m_db.write([&](Connection &c) {
        const auto row = c.queryOne("SELECT family FROM refresh_tokens WHERE token_hash = ?", {hash});
        if (row)
            c.execute("UPDATE refresh_tokens SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL",
                      {now, row->text(0)});
        RequestAudit::record(c);
    });
    sessionsEnded();
}

} // namespace spgl::server
