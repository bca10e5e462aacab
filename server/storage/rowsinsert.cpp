#include "storage/rowsinsert.h"

#include "storage/connection.h"

#include <algorithm>
#include <stdexcept>

namespace spgl::server {

namespace {
// Both backends bind at most 32,766 parameters to one statement (SQLite's default limit); a
// statement's text depends on its row count, and each text is prepared once per connection.
constexpr int kMaxRows = 100;
} // namespace

RowsInsert::RowsInsert(std::string head, int columns, std::string tail)
    : m_head(std::move(head))
    , m_columns(columns)
    , m_tail(std::move(tail))
{}

void RowsInsert::add(SqlParams row)
{
    if (int(row.size()) != m_columns)
        throw std::logic_error("RowsInsert: " + std::to_string(row.size()) + " values for " + std::to_string(m_columns)
                               + " columns");
    std::move(row.begin(), row.end(), std::back_inserter(m_values));
    ++m_rows;
}

template<typename F>
void RowsInsert::statements(F &&statement)
{
    std::string tuple = "(";
    for (int i = 0; i < m_columns; ++i)
        tuple += i ? ", ?" : "?";
    tuple += ")";
    for (int first = 0; first < m_rows; first += kMaxRows) {
        const int n = std::min(kMaxRows, m_rows - first);
        std::string sql = m_head + " VALUES ";
        for (int r = 0; r < n; ++r) {
            if (r)
                sql += ", ";
            sql += tuple;
        }
        if (!m_tail.empty())
            sql += " " + m_tail;
        const auto begin = m_values.begin() + std::ptrdiff_t(first) * m_columns;
        statement(sql, SqlParams(begin, begin + std::ptrdiff_t(n) * m_columns));
    }
    m_values.clear();
    m_rows = 0;
}

std::int64_t RowsInsert::run(Connection &c)
{
    std::int64_t affected = 0;
    statements([&](const std::string &sql, const SqlParams &params) { affected += c.execute(sql, params); });
    return affected;
}

void RowsInsert::runLater(Connection &c)
{
    statements([&](const std::string &sql, const SqlParams &params) { c.executeLater(sql, params); });
}

} // namespace spgl::server
