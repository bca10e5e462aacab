#include "auth/datascope.h"

#include "domain/regioncode.h"

namespace spgl::server {

DataScope DataScope::of(const Principal &principal)
{
    DataScope scope;
    const auto region = RegionCode::parse(principal.regionCode);
    // A malformed region in a token must never widen the scope: fall back to the literal code.
    scope.m_regionPrefix = region ? region->scopePrefix() : principal.regionCode + "#";
    if (!principal.isStaff())
        scope.m_ownerId = principal.userId;
    const bool departmentBound = !principal.hasRole(role::Admin) && !principal.hasRole(role::Supervisor)
                                 && !principal.hasRole(role::WindowClerk) && !principal.hasRole(role::Coordinator);
    if (departmentBound && principal.isStaff())
        scope.m_departmentId = principal.departmentId;
    return scope;
}

DataScope DataScope::system()
{
    DataScope scope;
    scope.m_system = true;
    return scope;
}

} // namespace spgl::server
