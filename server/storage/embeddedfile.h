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
/// The shipped working-day calendar layers of resources/calendar, national first.
const std::vector<EmbeddedFile> &calendarFiles();
/// The shipped catalog of resources/catalog (items, processes, forms).
const std::vector<EmbeddedFile> &catalogFiles();

} // namespace spgl::server
