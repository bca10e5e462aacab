#include "storage/database.h"

#include "storage/pgconnection.h"
#include "storage/sqliteconnection.h"

#include <algorithm>
#include <filesystem>
#include <functional>

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

std::vector<Connection::PlacingStep> Database::commit(Connection &connection, TransactionObserver *observer)
{
    connection.commit();
    if (observer)
        observer->committed(connection);
    return connection.takePlacingSteps();
}

void Database::committed(bool write, const std::vector<Connection::PlacingStep> &placing) noexcept
{
    if (!placing.empty())
        place(placing);
    if (write)
        m_watcher.committed();
}

void Database::place(const std::vector<Connection::PlacingStep> &steps) noexcept
{
    std::unique_lock lock(m_placing.mutex);
    // This thread's rows are committed: a placing that starts after this ticket sees them.
    const std::uint64_t ticket = ++m_placing.requested;
    for (const auto step : steps)
        if (std::find(m_placing.steps.begin(), m_placing.steps.end(), step) == m_placing.steps.end())
            m_placing.steps.push_back(step);
    while (m_placing.completed < ticket) {
        if (m_placing.running) {
            m_placing.done.wait(lock);
            continue;
        }
        // Nobody is placing: this thread places everything asked for so far.
        m_placing.running = true;
        const std::uint64_t upTo = m_placing.requested;
        std::vector<Connection::PlacingStep> todo = std::exchange(m_placing.steps, {});
        std::sort(todo.begin(), todo.end(), std::less<>());
        std::unique_ptr<Connection> connection = std::move(m_placing.connection);
        lock.unlock();
        // Should it fail, the rows keep waiting: the next placing (any later write, or the next
        // start) takes every row still waiting, not only its own. Nothing may escape here: the
        // transactions themselves have committed.
        try {
            if (!connection)
                connection = m_factory();
            connection->begin(true);
            try {
                for (const auto step : todo)
                    step(*connection);
                connection->commit();
            } catch (const std::exception &) {
                connection->rollback();
                throw;
            }
        } catch (const std::exception &) {
            if (connection && !connection->healthy())
                connection.reset();
        }
        lock.lock();
        m_placing.connection = std::move(connection);
        m_placing.running = false;
        m_placing.completed = upTo;
        m_placing.done.notify_all();
    }
}

void Database::done(std::unique_ptr<Connection> &connection, bool write, bool inTransaction,
                    TransactionObserver *observer)
{
    std::vector<Connection::PlacingStep> placing;
    if (inTransaction)
        placing = commit(*connection, observer); // throws with the connection still held
    release(std::move(connection));
    committed(write, placing);
}

void Database::abandon(std::unique_ptr<Connection> connection, bool inTransaction, TransactionObserver *observer)
{
    if (!connection)
        return; // given back already: what failed came after (placing and the watcher do not throw)
    if (inTransaction)
        rollback(std::move(connection), observer);
    else
        release(std::move(connection));
}

void Database::rollback(std::unique_ptr<Connection> connection, TransactionObserver *observer)
{
    (void)connection->takePlacingSteps(); // what the transaction wrote is gone
    connection->rollback();
    if (observer)
        observer->rolledBack(*connection);
    release(std::move(connection));
}

} // namespace spgl::server
