#include "storage/pgconnection.h"

#include "storage/dberror.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>

namespace spgl::server {

PgConnection::PgConnection(const std::string &url)
{
    m_conn = PQconnectdb(url.c_str());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const std::string message = PQerrorMessage(m_conn);
        PQfinish(m_conn);
        m_conn = nullptr;
        throw DbError(DbError::Kind::ConnectionLost, "cannot connect to PostgreSQL: " + message);
    }
    PQclear(PQexec(m_conn, "SET client_min_messages TO warning; SET TIME ZONE 'Asia/Shanghai'"));
}

PgConnection::~PgConnection()
{
    PQfinish(m_conn);
}

std::string PgConnection::translate(std::string_view sql)
{
    std::string out;
    out.reserve(sql.size() + 16);
    int n = 0;
    char quote = 0;
    for (char c : sql) {
        if (quote) {
            if (c == quote)
                quote = 0;
            out.push_back(c);
        } else if (c == '\'' || c == '"') {
            quote = c;
            out.push_back(c);
        } else if (c == '?') {
            out.push_back('$');
            out += std::to_string(++n);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

void PgConnection::fail(pg_result *result, std::string_view what)
{
    std::string message = std::string(what) + ": " + PQerrorMessage(m_conn);
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    PQclear(result);
    if (PQstatus(m_conn) != CONNECTION_OK)
        throw DbError(DbError::Kind::ConnectionLost, message);
    if (sqlstate == "23505")
        throw DbError(DbError::Kind::UniqueViolation, message);
    if (sqlstate == "23503")
        throw DbError(DbError::Kind::ForeignKeyViolation, message);
    if (sqlstate == "40001" || sqlstate == "40P01")
        throw DbError(DbError::Kind::Retryable, message);
    throw DbError(DbError::Kind::Other, message);
}

void PgConnection::execScript(const std::string &sql)
{
    pg_result *result = PQexec(m_conn, sql.c_str());
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(result, "script");
    PQclear(result);
}

pg_result *PgConnection::run(std::string_view sql, const SqlParams &params)
{
    const std::string key(sql);
    auto it = m_statements.find(key);
    if (it == m_statements.end())
        it = m_statements.emplace(key, Statement{translate(sql), {}, 0}).first;
    Statement &statement = it->second;
    // A statement run a second time is prepared, so that PostgreSQL parses and plans it once per
    // connection instead of on every call (the same text always has the same parameter count).
    // Bounded: statements built with varying text beyond kMaxPrepared stay unprepared.
    constexpr int kMaxPrepared = 400;
    if (statement.name.empty() && ++statement.uses >= 2 && m_prepared < kMaxPrepared) {
        const std::string name = "spgl_" + std::to_string(m_prepared + 1);
        pg_result *prepared = PQprepare(m_conn, name.c_str(), statement.sql.c_str(), int(params.size()), nullptr);
        if (PQresultStatus(prepared) != PGRES_COMMAND_OK)
            fail(prepared, "prepare");
        PQclear(prepared);
        statement.name = name;
        ++m_prepared;
    }

    std::vector<std::string> storage(params.size());
    std::vector<const char *> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
        std::visit(
            [&](const auto &v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::nullptr_t>) {
                    values[i] = nullptr;
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    storage[i] = std::to_string(v);
                    values[i] = storage[i].c_str();
                } else if constexpr (std::is_same_v<T, double>) {
                    char buffer[64];
                    auto res = std::to_chars(buffer, buffer + sizeof buffer, v);
                    storage[i].assign(buffer, res.ptr);
                    values[i] = storage[i].c_str();
                } else {
                    values[i] = v.c_str();
                }
            },
            params[i]);
    }
    pg_result *result = statement.name.empty() ? PQexecParams(m_conn, statement.sql.c_str(), int(params.size()),
                                                              nullptr, values.data(), nullptr, nullptr, 0)
                                               : PQexecPrepared(m_conn, statement.name.c_str(), int(params.size()),
                                                                values.data(), nullptr, nullptr, 0);
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(result, "query");
    return result;
}

SqlRows PgConnection::query(std::string_view sql, const SqlParams &params)
{
    pg_result *result = run(sql, params);
    const int rowCount = PQntuples(result);
    const int columns = PQnfields(result);
    SqlRows rows;
    rows.reserve(size_t(rowCount));
    for (int r = 0; r < rowCount; ++r) {
        std::vector<std::optional<std::string>> values;
        values.reserve(size_t(columns));
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result, r, c))
                values.emplace_back(std::nullopt);
            else
                values.emplace_back(std::string(PQgetvalue(result, r, c), size_t(PQgetlength(result, r, c))));
        }
        rows.emplace_back(std::move(values));
    }
    PQclear(result);
    return rows;
}

std::int64_t PgConnection::execute(std::string_view sql, const SqlParams &params)
{
    pg_result *result = run(sql, params);
    const char *tuples = PQcmdTuples(result);
    const std::int64_t changed = (tuples && *tuples) ? std::strtoll(tuples, nullptr, 10) : 0;
    PQclear(result);
    return changed;
}

void PgConnection::begin(bool)
{
    execScript("BEGIN");
    m_inTransaction = true;
}

void PgConnection::commit()
{
    m_inTransaction = false;
    execScript("COMMIT");
}

void PgConnection::rollback()
{
    m_inTransaction = false;
    if (PQstatus(m_conn) == CONNECTION_OK)
        PQclear(PQexec(m_conn, "ROLLBACK"));
}

bool PgConnection::healthy()
{
    if (PQstatus(m_conn) == CONNECTION_OK)
        return true;
    PQreset(m_conn);
    m_statements.clear(); // a new session: its prepared statements are gone
    m_prepared = 0;
    return PQstatus(m_conn) == CONNECTION_OK;
}

void PgConnection::lockChain(std::int64_t key)
{
    query("SELECT pg_advisory_xact_lock(?)", {key});
}

} // namespace spgl::server
