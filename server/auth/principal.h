#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spgl::server {

/// The roles of ARCHITECTURE §1, as they appear in tokens and the route table.
namespace role {
inline constexpr const char *Applicant = "applicant";
inline constexpr const char *Agency = "agency";
inline constexpr const char *WindowClerk = "window_clerk";
inline constexpr const char *Reviewer = "reviewer";
inline constexpr const char *DepartmentHead = "department_head";
inline constexpr const char *Coordinator = "coordinator";
inline constexpr const char *Supervisor = "supervisor";
inline constexpr const char *Admin = "admin";

/// Every role, in the order of the permission matrix.
inline const std::vector<std::string> &all()
{
    static const std::vector<std::string> roles
        = {Applicant, Agency, WindowClerk, Reviewer, DepartmentHead, Coordinator, Supervisor, Admin};
    return roles;
}
/// Whether @p name is a staff role (as opposed to applicant or agency).
inline bool isStaff(const std::string &name)
{
    return name != Applicant && name != Agency;
}
} // namespace role

/// Who is calling: taken from a verified access token, never from the request body.
struct Principal
{
    std::int64_t userId = 0;
    std::string username;
    std::string displayName;
    std::vector<std::string> roles;
    std::string regionCode;
    std::optional<std::int64_t> departmentId;
    /// The login session (the refresh-token family) the access token belongs to; empty for none.
    std::string session;

    bool hasRole(const std::string &r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }
    bool isStaff() const { return std::any_of(roles.begin(), roles.end(), role::isStaff); }
};

} // namespace spgl::server
