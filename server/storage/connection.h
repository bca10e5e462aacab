#pragma once

#include "storage/sqlvalue.h"

#include <optional>
#include <string>
#include <string_view>

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
};

} // namespace spgl::server
