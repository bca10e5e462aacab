#pragma once

#include "storage/database.h"
#include "storage/embeddedfile.h"

#include <string>
#include <vector>

namespace spgl::server {

/**
 * Brings the schema up to date with the numbered migrations compiled into the binary.
 *
 * A migration file `NNNN_name.sql` holds SQL for both backends; lines between `-- @sqlite` or
 * `-- @postgresql` and the next `-- @all` belong to that backend only, and `{{id}}` stands for an
 * auto-numbered primary key. Each migration runs in its own transaction together with its row
 * in `schema_migrations`; on PostgreSQL an advisory lock keeps concurrent servers from racing.
 */
class Migrator
{
public:
    explicit Migrator(Database &db, const std::vector<EmbeddedFile> &files = migrationFiles());

    /// Applies what is missing; returns the names of the migrations applied.
    std::vector<std::string> migrate();
    /// The highest applied version (0 on an empty database).
    int currentVersion();
    /// The highest version this binary knows.
    int latestVersion() const;

    /// The SQL of @p content for @p backend.
    static std::string render(std::string_view content, Backend backend);

private:
    Database &m_db;
    const std::vector<EmbeddedFile> &m_files;
};

} // namespace spgl::server
