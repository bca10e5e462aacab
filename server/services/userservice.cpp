#include "services/userservice.h"

#include "domain/creditcode.h"
#include "domain/idnumber.h"
#include "domain/regioncode.h"
#include "http/apierror.h"
#include "http/jsonfields.h"
#include "services/requestaudit.h"

#include <algorithm>

namespace spgl::server {

bool UserService::validUsername(const std::string &u)
{
    if (u.size() < 3 || u.size() > 64)
        return false;
    return std::all_of(u.begin(), u.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '@'; });
}

User UserService::insertChecked(User user)
{
    user.passwordHash = m_hasher.hash(user.passwordHash);
    try {
        m_db.write([&](Connection &c) {
            user.id = UserRepository::insert(c, user);
            RequestAudit::record(c, "user:" + std::to_string(user.id));
        });
    } catch (const DbError &e) {
        if (e.kind() == DbError::Kind::UniqueViolation)
            throw ApiError::validation({{"username.taken", "该用户名已被使用，请换一个", "username"}});
        throw;
    }
    return user;
}

User UserService::createStaff(const nlohmann::json &body, const DataScope &creatorScope)
{
    JsonFields f(body);
    User u;
    u.username = f.string("username", true, 64);
    u.passwordHash = f.string("password", true, 64); // hashed in insertChecked
    u.displayName = f.string("display_name", true, 50);
    u.roles = f.stringArray("roles", true, 8);
    u.regionCode = f.string("region_code", true, 6);
    if (auto dept = f.string("department_id", false, 20); !dept.empty()) {
        try {
            u.departmentId = std::stoll(dept);
        } catch (const std::exception &) {
            f.addFor("department_id", {"type", "部门编号无效", {}});
        }
    }
    u.phone = f.optionalString("phone", 20);
    u.email = f.optionalString("email", 100);
    if (!u.username.empty() && !validUsername(u.username))
        f.addFor("username", {"username.format", "用户名为3到64位字母、数字或 _ . - @", {}});
    if (u.roles.empty() && !f.hasErrorFor("roles"))
        f.addFor("roles", {"required", "至少选择一个角色", {}});
    for (const auto &r : u.roles) {
        if (std::find(role::all().begin(), role::all().end(), r) == role::all().end())
            f.addFor("roles", {"enum", "未知角色：" + r, {}});
        else if (!role::isStaff(r))
            f.addFor("roles", {"roles.staff", "工作人员账号不能授予申报人角色：" + r, {}});
    }
    for (auto &e : PasswordHasher::checkPolicy(u.passwordHash, u.username))
        f.addFor("password", e);
    if (!u.regionCode.empty() && !f.hasErrorFor("region_code")) {
        if (!RegionCode::parse(u.regionCode)
            || !m_db.read([&](Connection &c) { return UserRepository::regionExists(c, u.regionCode); }))
            f.addFor("region_code", {"region_code.unknown", "行政区划代码不存在", {}});
        else if (!creatorScope.isSystem() && !creatorScope.coversRegion(u.regionCode))
            f.addFor("region_code", {"scope", "只能在本级及下级行政区划内创建用户", {}});
    }
    if (u.departmentId && !f.hasErrorFor("region_code") && !m_db.read([&](Connection &c) {
            return UserRepository::departmentExists(c, *u.departmentId, u.regionCode);
        }))
        f.addFor("department_id", {"department.unknown", "该行政区划下没有这个部门", {}});
    f.check();
    return insertChecked(std::move(u));
}

User UserService::registerApplicant(const nlohmann::json &body)
{
    JsonFields f(body);
    User u;
    u.kind = f.enumeration("kind", true, {"enterprise", "person"});
    u.username = f.string("username", true, 64);
    u.passwordHash = f.string("password", true, 64);
    u.displayName = f.string("display_name", true, 50);
    u.phone = f.optionalString("phone", 20);
    u.email = f.optionalString("email", 100);
    u.regionCode = f.string("region_code", false, 6);
    u.roles = {role::Applicant};
    if (!u.username.empty() && !validUsername(u.username))
        f.addFor("username", {"username.format", "用户名为3到64位字母、数字或 _ . - @", {}});
    for (auto &e : PasswordHasher::checkPolicy(u.passwordHash, u.username))
        f.addFor("password", e);
    if (u.kind == "enterprise") {
        u.organization = f.string("organization", true, 100);
        const std::string code = f.string("credit_code", true, 18);
        if (!code.empty() && !f.hasErrorFor("credit_code")) {
            const auto parsed = CreditCode::parse(code);
            if (!parsed)
                f.addFor("credit_code", parsed.error());
            else
                u.creditCode = parsed->text();
        }
    } else if (u.kind == "person") {
        const std::string id = f.string("id_number", true, 18);
        if (!id.empty() && !f.hasErrorFor("id_number")) {
            const auto parsed = IdNumber::parse(id);
            if (!parsed)
                f.addFor("id_number", parsed.error());
            else
                u.idNumber = parsed->text();
        }
    }
    if (u.regionCode.empty())
        u.regionCode = "650000";
    else if (!RegionCode::parse(u.regionCode)
             || !m_db.read([&](Connection &c) { return UserRepository::regionExists(c, u.regionCode); }))
        f.addFor("region_code", {"region_code.unknown", "行政区划代码不存在", {}});
    f.check();
    return insertChecked(std::move(u));
}

User UserService::find(std::int64_t id, const DataScope &scope)
{
    auto user = m_db.read([&](Connection &c) { return UserRepository::findById(c, id, scope); });
    if (!user)
        throw ApiError::notFound("用户不存在");
    return *user;
}

std::vector<User> UserService::list(const DataScope &scope, std::int64_t afterId, int limit,
                                    const std::optional<std::string> &role)
{
    return m_db.read([&](Connection &c) { return UserRepository::list(c, scope, afterId, limit, role); });
}

} // namespace spgl::server
