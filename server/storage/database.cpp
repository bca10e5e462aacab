#include "storage/database.h"

#include "storage/pgconnection.h"
#include "storage/sqliteconnection.h"

#include <filesystem>

namespace spgl::server {

namespace {
std::string withoutPassword(const std::string &url)
{
    // postgresql://user:secret@host/db -> postgresql://user@host/db
    const auto scheme = url.find("://");
    const auto at = url.find('@');
    if (scheme == std::string::npos || at == std::string::npos)
        return url;
    const auto colon = url.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at)
        return url;
    return url.substr(0, colon) + url.substr(at);
}
} // namespace

std::unique_ptr<Database> Database::open(const std::string &spec, const std::string &dataDir, int poolSize)
{
    if (spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0) {
        auto db = std::unique_ptr<Database>(new Database(
            Backend::PostgreSql, withoutPassword(spec), [spec] { return std::make_unique<PgConnection>(spec); },
            poolSize > 0 ? poolSize : 16));
        db->release(db->acquire()); // fail now, not at the first request, when it cannot connect
        return db;
    }
    std::string path;
    if (spec.empty() || spec == "sqlite") {
        path = (std::filesystem::path(dataDir) / "spgl.db").string();
    } else if (spec.rfind("sqlite:", 0) == 0) {
        path = spec.substr(7);
    } else {
        throw DbError(DbError::Kind::Other,
                      "unknown database '" + spec
                          + "': use sqlite, sqlite:/path/file.db or postgresql://user@host:port/db");
    }
    std::filesystem::create_directories(std::filesystem::path(path).parent_path().empty()
                                            ? std::filesystem::path(".")
                                            : std::filesystem::path(path).parent_path());
    auto db = std::unique_ptr<Database>(new Database(
        Backend::Sqlite, path, [path] { return std::make_unique<SqliteConnection>(path); },
        poolSize > 0 ? poolSize : 8));
    db->release(db->acquire());
    return db;
}

Database::Database(Backend backend, std::string location, std::function<std::unique_ptr<Connection>()> factory,
                   int poolSize)
    : m_backend(backend)
    , m_location(std::move(location))
    , m_factory(std::move(factory))
    , m_poolSize(poolSize)
    , m_watcher(m_factory)
{}

Database::~Database() = default;

std::unique_ptr<Connection> Database::acquire()
{
    std::unique_lock lock(m_mutex);
    m_available.wait(lock, [this] { return !m_idle.empty() || m_open < m_poolSize; });
    if (!m_idle.empty()) {
        auto connection = std::move(m_idle.back());
        m_idle.pop_back();
        return connection;
    }
    ++m_open;
    lock.unlock();
    try {
        return m_factory();
    } catch (...) {
        lock.lock();
        --m_open;
        m_available.notify_one();
        throw;
    }
}

void Database::release(std::unique_ptr<Connection> connection)
{
    const bool keep = connection && connection->healthy();
    std::lock_guard lock(m_mutex);
    if (keep)
        m_idle.push_back(std::move(connection));
    else
        --m_open;
    m_available.notify_one();
}

void Database::commit(Connection &connection, bool write, TransactionObserver *observer)
{
    connection.commit();
    if (write)
        m_watcher.committed();
    if (observer)
        observer->committed(connection);
}

void Database::rollback(std::unique_ptr<Connection> connection, TransactionObserver *observer)
{
    connection->rollback();
    if (observer)
        observer->rolledBack(*connection);
    release(std::move(connection));
}

} // namespace spgl::server
