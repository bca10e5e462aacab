#pragma once

#include "http/router.h"

namespace spgl::server {

class ServerContext;

/// The routes of application drafts (保存草稿): PUT / GET / DELETE /api/v1/projects/{id}/drafts/{stage}.
class DraftHandlers
{
public:
    static void registerRoutes(Router &router, ServerContext &ctx);
};

} // namespace spgl::server
