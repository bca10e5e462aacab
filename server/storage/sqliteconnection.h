#pragma once

#include "storage/connection.h"

#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace spgl::server {

/// A connection to the embedded SQLite file: WAL journal, synchronous=FULL, foreign keys on,
/// prepared statements cached per SQL text.
class SqliteConnection final : public Connection
{
public:
    explicit SqliteConnection(const std::string &path);
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    Backend backend() const override { return Backend::Sqlite; }
    void execScript(const std::string &sql) override;
    SqlRows query(std::string_view sql, const SqlParams &params) override;
    std::int64_t execute(std::string_view sql, const SqlParams &params) override;
    void begin(bool write) override;
    void commit() override;
    void rollback() override;
    bool healthy() override { return m_db != nullptr; }
    void lockChain(std::int64_t) override {}

private:
    sqlite3_stmt *prepare(std::string_view sql, const SqlParams &params);
    [[noreturn]] void fail(int rc, std::string_view what);

    sqlite3 *m_db = nullptr;
    std::unordered_map<std::string, sqlite3_stmt *> m_statements;
};

} // namespace spgl::server
