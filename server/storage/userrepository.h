#pragma once

#include "auth/datascope.h"
#include "storage/connection.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace spgl::server {

/// A user account as stored.
struct User
{
    std::int64_t id = 0;
    std::string username;
    std::string displayName;
    std::string passwordHash;
    std::vector<std::string> roles;
    std::string regionCode;
    std::optional<std::int64_t> departmentId;
    std::string kind = "staff"; ///< staff | enterprise | person
    std::optional<std::string> creditCode;
    std::optional<std::string> idNumber;
    std::optional<std::string> organization;
    std::optional<std::string> phone;
    std::optional<std::string> email;
    bool disabled = false;
    std::int64_t createdAt = 0;
    std::int64_t version = 1;

    Principal principal() const;
    /// Roles from their stored and command-line form "a,b" (empty items dropped).
    static std::vector<std::string> parseRoles(const std::string &text);
    /// The stored form of @p roles: "a,b".
    static std::string joinRoles(const std::vector<std::string> &roles);
    /// The public shape of API.md (no hash; the ID number masked).
    nlohmann::json toJson() const;
};

/// Users, always read through a DataScope.
class UserRepository
{
public:
    static std::optional<User> findByUsername(Connection &c, const std::string &username);
    static std::optional<User> findById(Connection &c, std::int64_t id, const DataScope &scope);
    /// Users in scope, ordered by id, after @p afterId.
    static std::vector<User> list(Connection &c, const DataScope &scope, std::int64_t afterId, int limit,
                                  const std::optional<std::string> &role);
    static std::int64_t insert(Connection &c, const User &user);
    static void updatePassword(Connection &c, std::int64_t id, const std::string &hash);
    static bool departmentExists(Connection &c, std::int64_t id, const std::string &regionCode);
    static bool regionExists(Connection &c, const std::string &code);
};

} // namespace spgl::server
