#include "services/idempotencystore.h"

#include "http/apierror.h"

#include <algorithm>

namespace spgl::server {

bool IdempotencyStore::validKey(const std::string &key)
{
    return !key.empty() && key.size() <= 128 && std::all_of(key.begin(), key.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':';
    });
}

std::optional<Response> IdempotencyStore::claim(std::int64_t userId, const std::string &key, const std::string &method,
                                                const std::string &path, std::int64_t now)
{
    return m_db.write([&](Connection &c) -> std::optional<Response> {
        const auto row = c.queryOne(
            "SELECT method, path, status, body FROM idempotency_keys WHERE user_id = ? AND key = ?", {userId, key});
        if (!row) {
            c.execute("INSERT INTO idempotency_keys (user_id, key, method, path, status, body, created_at) "
                      "VALUES (?, ?, ?, ?, 0, '', ?)",
                      {userId, key, method, path, now});
            return std::nullopt;
        }
        if (row->text(0) != method || row->text(1) != path)
            throw ApiError::validation(
                {{"idempotency.reused",
                  "Idempotency-Key 已用于另一请求（" + row->text(0) + " " + row->text(1) + "），请为新请求使用新的键",
                  "Idempotency-Key"}});
        const int status = int(row->integer(2));
        if (status == 0)
            throw ApiError::conflict("使用同一 Idempotency-Key 的请求正在处理或结果未知，请查询资源的当前状态");
        Response r;
        r.status = status;
        r.body = row->text(3);
        if (status >= 400)
            r.contentType = "application/problem+json; charset=utf-8";
        r.header("Idempotent-Replayed", "true");
        return r;
    });
}

void IdempotencyStore::complete(std::int64_t userId, const std::string &key, const Response &response)
{
    if (response.writer || response.status >= 500 || response.status == 0) {
        release(userId, key);
        return;
    }
    m_db.write([&](Connection &c) {
        c.execute("UPDATE idempotency_keys SET status = ?, body = ? WHERE user_id = ? AND key = ?",
                  {std::int64_t(response.status), response.body, userId, key});
    });
}

void IdempotencyStore::release(std::int64_t userId, const std::string &key)
{
    m_db.write([&](Connection &c) {
        c.execute("DELETE FROM idempotency_keys WHERE user_id = ? AND key = ?", {userId, key});
    });
}

} // namespace spgl::server
