#pragma once

#include "auth/principal.h"
#include "storage/database.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace spgl::server {

/**
 * @brief The 失信 list of the credit platform (guideline 5.5 b): units listed there get neither
 *        容缺受理 nor 告知承诺 (the engine refuses them at acceptance).
 *
 * Administrators list a unit (统一社会信用代码, reason, listed on, optionally until) and lift a
 * listing (it ends yesterday; rows are never deleted, so the history stays); staff look a code up.
 * Each entry's `source` names where it came from (the credit platform's notice number, say).
 */
class CreditService
{
public:
    explicit CreditService(Database &db);

    /// GET /credit/blacklist?credit_code=&active=true|false: newest first, at most 500.
    nlohmann::json list(const std::map<std::string, std::string> &query, std::int64_t now);
    /// GET /credit/blacklist/{code}: {"credit_code", "listed": bool, "entries": [...]}; 422 for a bad code.
    nlohmann::json status(const std::string &creditCode, std::int64_t now);
    /// POST /credit/blacklist {credit_code, reason, source?, listed_on?, until?}: 201 with the entry;
    /// 422 for a bad code or dates, 409 when the unit is already listed on that day.
    nlohmann::json add(const Principal &who, const nlohmann::json &body, std::int64_t now);
    /// POST /credit/blacklist/{code}/lift {reason}: every active listing ends yesterday; 404 when none.
    nlohmann::json lift(const Principal &who, const std::string &creditCode, const nlohmann::json &body,
                        std::int64_t now);

private:
    Database &m_db;
};

} // namespace spgl::server
