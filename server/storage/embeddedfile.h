#pragma once

#include <string_view>
#include <vector>

namespace spgl::server {

/// A file compiled into the binary (see cmake/EmbedFiles.cmake).
struct EmbeddedFile
{
    std::string_view name;
    std::string_view content;
};

/// The numbered SQL migrations of server/storage/migrations, in order.
const std::vector<EmbeddedFile> &migrationFiles();

} // namespace spgl::server
