#pragma once

#include "storage/sqlvalue.h"

#include <cstdint>
#include <string>

namespace spgl::server {

class Connection;

/**
 * Many rows of one table in as few statements as possible: `INSERT INTO t (a, b) VALUES (?, ?),
 * (?, ?) …`. On PostgreSQL each statement is a round trip; a write that adds several events,
 * notifications or change rows sends each kind once.
 *
 * Rows are gathered with add() and sent by run(), in the order added (serial columns follow it).
 */
class RowsInsert
{
public:
    /// @p head is "INSERT INTO table (col, …)"; @p columns the number of columns it names;
    /// @p tail what follows the values (e.g. "ON CONFLICT … DO UPDATE …"), may be empty.
    RowsInsert(std::string head, int columns, std::string tail = {});

    /// One row: exactly as many values as columns.
    void add(SqlParams row);
    bool empty() const { return m_rows == 0; }

    /// Inserts the rows gathered (nothing when none) and forgets them; returns the rows affected.
    std::int64_t run(Connection &c);
    /// As run(), through Connection::executeLater: inside a transaction on PostgreSQL the rows
    /// travel with the next statement that needs an answer, or with the commit.
    void runLater(Connection &c);

private:
    /// Calls @p statement(sql, params) for each statement of at most kMaxRows rows; forgets the rows.
    template<typename F>
    void statements(F &&statement);

    std::string m_head;
    int m_columns;
    std::string m_tail;
    int m_rows = 0;
    SqlParams m_values;
};

} // namespace spgl::server
