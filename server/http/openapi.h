#pragma once

#include "http/router.h"

#include <nlohmann/json.hpp>

namespace spgl::server {

/// Builds the OpenAPI 3.1 document from the route table, so the document cannot drift from the
/// code: every route appears with its roles (`x-spgl-roles`), parameters and schemas.
class OpenApi
{
public:
    static nlohmann::json build(const Router &router, const std::string &version);
};

} // namespace spgl::server
