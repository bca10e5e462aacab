#pragma once

#include "storage/sqlvalue.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spgl::server {

enum class Backend { Sqlite, PostgreSql };

/**
 * One database connection. Repositories write one SQL text for both backends with `?`
 * placeholders, integer booleans, BIGINT epoch-millisecond timestamps and `RETURNING`;
 * the backend translates what differs.
 */
class Connection
{
public:
    virtual ~Connection() = default;

    virtual Backend backend() const = 0;
    /// Runs a script of several statements without parameters (migrations).
    virtual void execScript(const std::string &sql) = 0;
    virtual SqlRows query(std::string_view sql, const SqlParams &params = {}) = 0;
    /// Runs a statement and returns the number of rows it changed.
    virtual std::int64_t execute(std::string_view sql, const SqlParams &params = {}) = 0;

    /// Runs a statement whose outcome the caller does not need at once (a row written inside a
    /// transaction). PostgreSQL sends it without waiting for it: it travels with the next
    /// statement that needs an answer, or with the commit, in one round trip (libpq's pipeline
    /// mode); an error then fails that later call, and with it the transaction, as a DbError
    /// whose origin() is @p origin (a string literal naming what the statement was for). Outside
    /// a transaction, and on SQLite, it runs at once.
    virtual void executeLater(std::string_view sql, const SqlParams &params = {}, const char *origin = nullptr)
    {
        (void)origin;
        execute(sql, params);
    }

    virtual void begin(bool write) = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    /// Whether the connection is still usable (after an error it may have to be dropped).
    virtual bool healthy() = 0;

    std::optional<SqlRow> queryOne(std::string_view sql, const SqlParams &params = {})
    {
        SqlRows rows = query(sql, params);
        if (rows.empty())
            return std::nullopt;
        return std::move(rows.front());
    }

    /// Serialises writers of an append-only chain (the audit log) within a transaction.
    virtual void lockChain(std::int64_t key) = 0;

    /// A step that gives rows written by committed transactions their final place (the change
    /// feed's order, the audit chain's links).
    using PlacingStep = void (*)(Connection &);
    /// Asks for @p step to run on this connection once the current write transaction has
    /// committed, in a short transaction of its own (Database runs it; each step once however
    /// often it was asked for). A rolled-back transaction drops its steps.
    void placeAfterCommit(PlacingStep step)
    {
        if (std::find(m_placing.begin(), m_placing.end(), step) == m_placing.end())
            m_placing.push_back(step);
    }
    /// The steps asked for since the last call (Database::place orders them).
    std::vector<PlacingStep> takePlacingSteps() { return std::exchange(m_placing, {}); }

private:
    std::vector<PlacingStep> m_placing;
};

} // namespace spgl::server
