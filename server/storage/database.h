#pragma once

#include "storage/connection.h"
#include "storage/dberror.h"
#include "storage/transactionobserver.h"
#include "storage/writewatcher.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace spgl::server {

/**
 * The server's database: a pool of connections to one SQLite file or one PostgreSQL database,
 * and the only way to run a transaction. SQLite writers are serialised in-process (SQLite allows
 * one writer at a time anyway), so no request sleeps in SQLite's busy handler.
 */
class Database
{
public:
    /// @p spec is "sqlite" (a file in @p dataDir), "sqlite:/path/file.db" or "postgresql://…".
    static std::unique_ptr<Database> open(const std::string &spec, const std::string &dataDir, int poolSize = 0);
    ~Database();

    Backend backend() const { return m_backend; }
    std::string backendName() const { return m_backend == Backend::Sqlite ? "sqlite" : "postgresql"; }
    /// Where the data lives: the SQLite file path or the PostgreSQL URL without password.
    const std::string &location() const { return m_location; }

    /// Runs @p work in a write transaction; commits when it returns, rolls back when it throws.
    /// A retryable conflict (serialisation failure, deadlock) is retried up to three times.
    /// The thread's TransactionObserver, if any, hears how the transaction ended.
    template<typename F>
    auto write(F &&work) -> decltype(work(std::declval<Connection &>()))
    {
        return run(true, true, std::forward<F>(work));
    }

    /// Where the data stands: its writes move whenever the data may have changed (this server's
    /// commits at once, anyone else's within a poll interval); nothing while changes cannot be
    /// watched. Answers computed at one generation stay right while it lasts (see WriteWatcher).
    std::optional<DataGeneration> generation() { return m_watcher.generation(); }

    /// Runs @p work in a read-only transaction (a consistent snapshot on SQLite).
    template<typename F>
    auto read(F &&work) -> decltype(work(std::declval<Connection &>()))
    {
        return run(false, true, std::forward<F>(work));
    }

    /// Runs @p work, of one statement, outside a transaction: the statement commits on its own.
    /// On PostgreSQL that is one round trip instead of three (BEGIN, the statement, COMMIT) and a
    /// row the statement locks is free again at once. For a single read, or one atomic write
    /// (e.g. INSERT … ON CONFLICT … RETURNING) that carries no audit row and no change-feed row.
    template<typename F>
    auto readOne(F &&work) -> decltype(work(std::declval<Connection &>()))
    {
        return run(false, false, std::forward<F>(work));
    }
    /// As readOne() for one statement that writes (SQLite's writers are still serialised).
    template<typename F>
    auto writeOne(F &&work) -> decltype(work(std::declval<Connection &>()))
    {
        return run(true, false, std::forward<F>(work));
    }

private:
    class Lease;
    Database(Backend backend, std::string location, std::function<std::unique_ptr<Connection>()> factory, int poolSize);

    std::unique_ptr<Connection> acquire();
    void release(std::unique_ptr<Connection> connection);

    /// Runs @p work on a pooled connection: in a transaction (committed when it returns, rolled
    /// back when it throws, retried on a retryable conflict), or alone (its one statement commits
    /// by itself).
    template<typename F>
    auto run(bool write, bool inTransaction, F &&work) -> decltype(work(std::declval<Connection &>()))
    {
        TransactionObserver *observer = write && inTransaction ? TransactionObserver::current() : nullptr;
        for (int attempt = 0;; ++attempt) {
            std::unique_lock<std::mutex> writer(m_writeMutex, std::defer_lock);
            if (write && m_backend == Backend::Sqlite)
                writer.lock();
            auto connection = acquire();
            try {
                if (inTransaction)
                    connection->begin(write);
                if constexpr (std::is_void_v<decltype(work(*connection))>) {
                    work(*connection);
                    done(connection, write, inTransaction, observer);
                    return;
                } else {
                    auto result = work(*connection);
                    done(connection, write, inTransaction, observer);
                    return result;
                }
            } catch (const DbError &e) {
                abandon(std::move(connection), inTransaction, observer);
                if (e.kind() != DbError::Kind::Retryable || attempt >= 2)
                    throw;
            } catch (...) {
                abandon(std::move(connection), inTransaction, observer);
                throw;
            }
        }
    }
    /// After the work: commits (in a transaction), gives @p connection back (it is null after),
    /// places what the transaction wrote, tells the watcher of a write.
    void done(std::unique_ptr<Connection> &connection, bool write, bool inTransaction, TransactionObserver *observer);
    /// After a failure: rolls back (in a transaction) and gives @p connection back, if still held.
    void abandon(std::unique_ptr<Connection> connection, bool inTransaction, TransactionObserver *observer);
    /// Commits; the placing steps the transaction asked for (Connection::placeAfterCommit).
    std::vector<Connection::PlacingStep> commit(Connection &connection, TransactionObserver *observer);
    /// After a commit, its connection back in the pool: places what it wrote, then tells the watcher.
    void committed(bool write, const std::vector<Connection::PlacingStep> &placing) noexcept;
    /// Runs the placing steps once the rows of this thread's commit can be seen, together with
    /// those of every writer waiting at the same time: one thread runs one placing transaction
    /// (on a connection of its own) for all of them while the others wait for it.
    void place(const std::vector<Connection::PlacingStep> &steps) noexcept;
    void rollback(std::unique_ptr<Connection> connection, TransactionObserver *observer);

    Backend m_backend;
    std::string m_location;
    std::function<std::unique_ptr<Connection>()> m_factory;
    int m_poolSize;
    int m_open = 0;
    std::vector<std::unique_ptr<Connection>> m_idle;
    std::mutex m_mutex;
    std::condition_variable m_available;
    std::mutex m_writeMutex;
    WriteWatcher m_watcher;

    /// Group placing (place()): who asked, whose rows are placed, the steps still to run.
    struct Placing
    {
        std::mutex mutex;
        std::condition_variable done;
        std::uint64_t requested = 0;
        std::uint64_t completed = 0;
        bool running = false;
        std::vector<Connection::PlacingStep> steps;
        std::unique_ptr<Connection> connection;
    };
    Placing m_placing;
};

} // namespace spgl::server
