#pragma once

#include "http/response.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <string>

namespace spgl::server {

/**
 * @brief Idempotency keys of writes (API.md: the same `Idempotency-Key` returns the first result
 *        again).
 *
 * The dispatcher claims the key before the handler runs: a placeholder row is inserted under the
 * (user, key) primary key, so a second request with the same key, even concurrent, never runs
 * the handler again. After the handler the answer is stored; a later request with the key gets
 * it back. A key whose first request is still running, or whose outcome was lost (the server
 * stopped between the change and the answer), gives 409 rather than a second execution. Server
 * errors (5xx) release the key so the client can retry.
 */
class IdempotencyStore
{
public:
    explicit IdempotencyStore(Database &db)
        : m_db(db)
    {}

    /// Whether @p key is acceptable: 1–128 characters of [A-Za-z0-9-_.:].
    static bool validKey(const std::string &key);

    /// Claims the key; returns the stored answer when it was used before by the same request
    /// (method and path). Throws ApiError 422 when it was used for another request, 409 while the
    /// first request has no stored answer.
    std::optional<Response> claim(std::int64_t userId, const std::string &key, const std::string &method,
                                  const std::string &path, std::int64_t now);
    /// Stores the answer of a claimed key (JSON answers only; others release the key).
    void complete(std::int64_t userId, const std::string &key, const Response &response);
    /// Forgets a claimed key (the request failed on the server side).
    void release(std::int64_t userId, const std::string &key);

private:
    Database &m_db;
};

} // namespace spgl::server
