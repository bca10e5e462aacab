#include "storage/migrator.h"

#include <chrono>
#include <sstream>
#include <stdexcept>

namespace spgl::server {

namespace {
constexpr std::int64_t kMigrationLock = 0x5350474c; // "SPGL"

int versionOf(std::string_view name)
{
    int v = 0;
    for (char c : name) {
        if (c < '0' || c > '9')
            break;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}
} // namespace

Migrator::Migrator(Database &db, const std::vector<EmbeddedFile> &files)
    : m_db(db)
    , m_files(files)
{}

std::string Migrator::render(std::string_view content, Backend backend)
{
    std::istringstream in{std::string(content)};
    std::string out;
    std::string line;
    bool include = true;
    while (std::getline(in, line)) {
        if (line.rfind("-- @sqlite", 0) == 0) {
            include = backend == Backend::Sqlite;
            continue;
        }
        if (line.rfind("-- @postgresql", 0) == 0) {
            include = backend == Backend::PostgreSql;
            continue;
        }
        if (line.rfind("-- @all", 0) == 0) {
            include = true;
            continue;
        }
        if (!include)
            continue;
        for (size_t pos; (pos = line.find("{{id}}")) != std::string::npos;) {
            line.replace(pos, 6,
                         backend == Backend::Sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY");
        }
        out += line;
        out += '\n';
    }
    return out;
}

int Migrator::latestVersion() const
{
    int latest = 0;
    for (const auto &f : m_files)
        latest = std::max(latest, versionOf(f.name));
    return latest;
}

int Migrator::currentVersion()
{
    return m_db.read([](Connection &c) {
        const auto exists
            = c.backend() == Backend::Sqlite
                  ? c.queryOne("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'")
                  : c.queryOne("SELECT 1 FROM information_schema.tables WHERE table_name='schema_migrations' AND "
                               "table_schema=current_schema()");
        if (!exists)
            return 0;
        const auto row = c.queryOne("SELECT COALESCE(MAX(version),0) FROM schema_migrations");
        return int(row ? row->integer(0) : 0);
    });
}

std::vector<std::string> Migrator::migrate()
{
    std::vector<std::string> applied;
    m_db.write([&](Connection &c) {
        c.lockChain(kMigrationLock);
        c.execScript("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                     "name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    });
    for (const auto &file : m_files) {
        const int version = versionOf(file.name);
        if (version <= 0)
            throw std::runtime_error("migration file without a number: " + std::string(file.name));
        m_db.write([&](Connection &c) {
            c.lockChain(kMigrationLock);
            if (c.queryOne("SELECT 1 FROM schema_migrations WHERE version = ?", {std::int64_t(version)}))
                return;
            c.execScript(render(file.content, c.backend()));
            c.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                      {std::int64_t(version), std::string(file.name), nowMs()});
            applied.emplace_back(file.name);
        });
    }
    return applied;
}

} // namespace spgl::server
