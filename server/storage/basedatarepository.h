#pragma once

#include "storage/connection.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace spgl::server {

/// Base data seeded by migrations: administrative divisions and departments (public data).
class BaseDataRepository
{
public:
    /// Regions as API.md items, all or the children of @p parent.
    static nlohmann::json regions(Connection &c, const std::optional<std::string> &parent);
    /// Departments and windows as API.md items, all or those of @p region.
    static nlohmann::json departments(Connection &c, const std::optional<std::string> &region);
};

} // namespace spgl::server
