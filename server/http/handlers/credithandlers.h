#pragma once

#include "http/router.h"

namespace spgl::server {

class ServerContext;

/// The routes of the 失信 list: /api/v1/credit/blacklist (list, add, look up, lift).
class CreditHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &ctx);
};

} // namespace spgl::server
