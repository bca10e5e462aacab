#include "storage/userrepository.h"

#include "core/beijingtime.h"

#include <sstream>

namespace spgl::server {

namespace {
constexpr const char *kColumns
    = "id, username, display_name, password_hash, roles, region_code, department_id, kind, credit_code, id_number, "
      "organization, phone, email, disabled, created_at, version";

User fromRow(const SqlRow &r)
{
    User u;
    u.id = r.integer(0);
    u.username = r.text(1);
    u.displayName = r.text(2);
    u.passwordHash = r.text(3);
    u.roles = User::parseRoles(r.text(4));
    u.regionCode = r.text(5);
    u.departmentId = r.optionalInteger(6);
    u.kind = r.text(7);
    u.creditCode = r.optionalText(8);
    u.idNumber = r.optionalText(9);
    u.organization = r.optionalText(10);
    u.phone = r.optionalText(11);
    u.email = r.optionalText(12);
    u.disabled = r.integer(13) != 0;
    u.createdAt = r.integer(14);
    u.version = r.integer(15);
    return u;
}

// Appends the scope's conditions on the users table.
void scopeWhere(const DataScope &scope, std::string &sql, SqlParams &params)
{
    if (scope.isSystem())
        return;
    sql += " AND region_code LIKE ?";
    params.emplace_back(scope.regionPattern());
    if (scope.ownerId()) {
        sql += " AND id = ?";
        params.emplace_back(*scope.ownerId());
    } else if (scope.departmentId()) {
        sql += " AND department_id = ?";
        params.emplace_back(*scope.departmentId());
    }
}
} // namespace

std::vector<std::string> User::parseRoles(const std::string &text)
{
    std::vector<std::string> roles;
    std::istringstream in(text);
    for (std::string r; std::getline(in, r, ',');)
        if (!r.empty())
            roles.push_back(r);
    return roles;
}

std::string User::joinRoles(const std::vector<std::string> &roles)
{
    std::string out;
    for (const auto &r : roles)
        out += (out.empty() ? "" : ",") + r;
    return out;
}

Principal User::principal() const
{
    Principal p;
    p.userId = id;
    p.username = username;
    p.displayName = displayName;
    p.roles = roles;
    p.regionCode = regionCode;
    p.departmentId = departmentId;
    return p;
}

nlohmann::json User::toJson() const
{
    nlohmann::json j
        = {{"id", std::to_string(id)},
           {"username", username},
           {"display_name", displayName},
           {"roles", roles},
           {"region_code", regionCode},
           {"department_id", departmentId ? nlohmann::json(std::to_string(*departmentId)) : nlohmann::json()},
           {"kind", kind},
           {"disabled", disabled},
           {"created_at", beijing::rfc3339(createdAt)},
           {"version", version}};
    if (creditCode)
        j["credit_code"] = *creditCode;
    if (idNumber && idNumber->size() == 18)
        j["id_number"] = idNumber->substr(0, 6) + "********" + idNumber->substr(14);
    if (organization)
        j["organization"] = *organization;
    if (phone)
        j["phone"] = *phone;
    if (email)
        j["email"] = *email;
    return j;
}

std::optional<User> UserRepository::findByUsername(Connection &c, const std::string &username)
{
    const auto row = c.queryOne(std::string("SELECT ") + kColumns + " FROM users WHERE username = ?", {username});
    if (!row)
        return std::nullopt;
    return fromRow(*row);
}

std::optional<User> UserRepository::findById(Connection &c, std::int64_t id, const DataScope &scope)
{
    std::string sql = std::string("SELECT ") + kColumns + " FROM users WHERE id = ?";
    SqlParams params{id};
    scopeWhere(scope, sql, params);
    const auto row = c.queryOne(sql, params);
    if (!row)
        return std::nullopt;
    return fromRow(*row);
}

std::vector<User> UserRepository::list(Connection &c, const DataScope &scope, std::int64_t afterId, int limit,
                                       const std::optional<std::string> &role)
{
    std::string sql = std::string("SELECT ") + kColumns + " FROM users WHERE id > ?";
    SqlParams params{afterId};
    scopeWhere(scope, sql, params);
    if (role) {
        sql += " AND (',' || roles || ',') LIKE ?";
        params.emplace_back("%," + *role + ",%");
    }
    sql += " ORDER BY id LIMIT ?";
    params.emplace_back(std::int64_t(limit));
    std::vector<User> users;
    for (const auto &r : c.query(sql, params))
        users.push_back(fromRow(r));
    return users;
}

std::int64_t UserRepository::insert(Connection &c, const User &u)
{
    const std::int64_t now = beijing::nowMs();
    const auto row = c.queryOne(
        "INSERT INTO users (username, display_name, password_hash, roles, region_code, department_id, kind, "
        "credit_code, id_number, organization, phone, email, disabled, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {u.username, u.displayName, u.passwordHash, User::joinRoles(u.roles), u.regionCode, sqlOptional(u.departmentId),
         u.kind, sqlOptional(u.creditCode), sqlOptional(u.idNumber), sqlOptional(u.organization), sqlOptional(u.phone),
         sqlOptional(u.email), std::int64_t(u.disabled ? 1 : 0), now, now});
    return row->integer(0);
}

void UserRepository::updatePassword(Connection &c, std::int64_t id, const std::string &hash)
{
    c.execute("UPDATE users SET password_hash = ?, updated_at = ?, version = version + 1 WHERE id = ?",
              {hash, beijing::nowMs(), id});
}

bool UserRepository::departmentExists(Connection &c, std::int64_t id, const std::string &regionCode)
{
    return c.queryOne("SELECT 1 FROM departments WHERE id = ? AND region_code = ?", {id, regionCode}).has_value();
}

bool UserRepository::regionExists(Connection &c, const std::string &code)
{
    return c.queryOne("SELECT 1 FROM regions WHERE code = ? AND valid = 1", {code}).has_value();
}

} // namespace spgl::server
