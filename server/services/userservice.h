#pragma once

#include "auth/datascope.h"
#include "auth/passwordhasher.h"
#include "storage/database.h"
#include "storage/userrepository.h"

#include <nlohmann/json.hpp>

namespace spgl::server {

/// Creating and reading accounts: staff accounts by administrators (API and `user add`), and
/// applicants' self-registration. All input checks live here.
class UserService
{
public:
    UserService(Database &db, const PasswordHasher &hasher)
        : m_db(db)
        , m_hasher(hasher)
    {}

    /// Creates a staff account from @p body ({username, password, display_name, roles, region_code,
    /// department_id}); the new account must lie within @p creatorScope. Throws ApiError 422.
    User createStaff(const nlohmann::json &body, const DataScope &creatorScope);
    /// Applicant self-registration ({kind: enterprise|person, username, password, display_name,
    /// credit_code | id_number, organization, phone, email, region_code}).
    User registerApplicant(const nlohmann::json &body);

    User find(std::int64_t id, const DataScope &scope);
    std::vector<User> list(const DataScope &scope, std::int64_t afterId, int limit,
                           const std::optional<std::string> &role);

    static bool validUsername(const std::string &username);

private:
    User insertChecked(User user);

    Database &m_db;
    const PasswordHasher &m_hasher;
};

} // namespace spgl::server
