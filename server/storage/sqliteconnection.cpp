#include "storage/sqliteconnection.h"

#include "storage/dberror.h"

#include <sqlite3.h>

namespace spgl::server {

SqliteConnection::SqliteConnection(const std::string &path)
{
    const int rc = sqlite3_open_v2(path.c_str(), &m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DbError(DbError::Kind::ConnectionLost, "cannot open SQLite database " + path + ": " + message);
    }
    sqlite3_busy_timeout(m_db, 15000);
    execScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
}

SqliteConnection::~SqliteConnection()
{
    for (auto &[sql, stmt] : m_statements)
        sqlite3_finalize(stmt);
    sqlite3_close(m_db);
}

void SqliteConnection::fail(int rc, std::string_view what)
{
    const int ext = sqlite3_extended_errcode(m_db);
    std::string message = std::string(what) + ": " + sqlite3_errmsg(m_db);
    if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
        throw DbError(DbError::Kind::UniqueViolation, message);
    if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
        throw DbError(DbError::Kind::ForeignKeyViolation, message);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        throw DbError(DbError::Kind::Retryable, message);
    throw DbError(DbError::Kind::Other, message);
}

void SqliteConnection::execScript(const std::string &sql)
{
    char *error = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        fail(rc, message);
    }
}

sqlite3_stmt *SqliteConnection::prepare(std::string_view sql, const SqlParams &params)
{
    sqlite3_stmt *stmt = nullptr;
    const std::string key(sql);
    if (auto it = m_statements.find(key); it != m_statements.end()) {
        stmt = it->second;
    } else {
        const int rc = sqlite3_prepare_v2(m_db, key.c_str(), int(key.size()), &stmt, nullptr);
        if (rc != SQLITE_OK)
            fail(rc, "prepare");
        m_statements.emplace(key, stmt);
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (size_t i = 0; i < params.size(); ++i) {
        const int index = int(i + 1);
        int rc = SQLITE_OK;
        std::visit(
            [&](const auto &v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::nullptr_t>)
                    rc = sqlite3_bind_null(stmt, index);
                else if constexpr (std::is_same_v<T, std::int64_t>)
                    rc = sqlite3_bind_int64(stmt, index, v);
                else if constexpr (std::is_same_v<T, double>)
                    rc = sqlite3_bind_double(stmt, index, v);
                else
                    rc = sqlite3_bind_text(stmt, index, v.data(), int(v.size()), SQLITE_TRANSIENT);
            },
            params[i]);
        if (rc != SQLITE_OK)
            fail(rc, "bind");
    }
    return stmt;
}

SqlRows SqliteConnection::query(std::string_view sql, const SqlParams &params)
{
    sqlite3_stmt *stmt = prepare(sql, params);
    SqlRows rows;
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW) {
            sqlite3_reset(stmt);
            fail(rc, "query");
        }
        std::vector<std::optional<std::string>> values;
        values.reserve(size_t(columns));
        for (int c = 0; c < columns; ++c) {
            if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
                values.emplace_back(std::nullopt);
            } else {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, c));
                values.emplace_back(std::string(text, size_t(sqlite3_column_bytes(stmt, c))));
            }
        }
        rows.emplace_back(std::move(values));
    }
    sqlite3_reset(stmt);
    return rows;
}

std::int64_t SqliteConnection::execute(std::string_view sql, const SqlParams &params)
{
    sqlite3_stmt *stmt = prepare(sql, params);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE)
        fail(rc, "execute");
    return sqlite3_changes(m_db);
}

void SqliteConnection::begin(bool write)
{
    execScript(write ? "BEGIN IMMEDIATE" : "BEGIN");
}

void SqliteConnection::commit()
{
    execScript("COMMIT");
}

void SqliteConnection::rollback()
{
    if (!sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

} // namespace spgl::server
