#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace spgl {

/// The role names the engine checks (the same strings as in access tokens).
namespace roles {
inline constexpr const char *Applicant = "applicant";
inline constexpr const char *WindowClerk = "window_clerk";
inline constexpr const char *Reviewer = "reviewer";
inline constexpr const char *DepartmentHead = "department_head";
inline constexpr const char *Coordinator = "coordinator";
} // namespace roles

/// Who issues a command: taken from the verified session, never from the command itself.
struct Actor
{
    std::string id;   ///< user id
    std::string name; ///< display name, recorded in events (BLR)
    std::vector<std::string> roles;
    std::string department; ///< department code (BLCS), empty for applicants

    bool hasRole(std::string_view role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }
};

} // namespace spgl
