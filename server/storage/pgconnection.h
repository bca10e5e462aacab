#pragma once

#include "storage/connection.h"

#include <string>
#include <unordered_map>

struct pg_conn;
struct pg_result;

namespace spgl::server {

/// A libpq connection to PostgreSQL. `?` placeholders are rewritten to `$n` once per SQL text.
class PgConnection final : public Connection
{
public:
    explicit PgConnection(const std::string &url);
    ~PgConnection() override;
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    Backend backend() const override { return Backend::PostgreSql; }
    void execScript(const std::string &sql) override;
    SqlRows query(std::string_view sql, const SqlParams &params) override;
    std::int64_t execute(std::string_view sql, const SqlParams &params) override;
    void begin(bool write) override;
    void commit() override;
    void rollback() override;
    bool healthy() override;
    void lockChain(std::int64_t key) override;

    /// Rewrites `?` placeholders (outside quotes) to `$1`, `$2`, …
    static std::string translate(std::string_view sql);

private:
    pg_result *run(std::string_view sql, const SqlParams &params);
    [[noreturn]] void fail(pg_result *result, std::string_view what);

    /// A statement as sent: translated once, and prepared on this connection once it is reused.
    struct Statement
    {
        std::string sql;
        std::string name; ///< server-side prepared statement, empty until prepared
        int uses = 0;
    };

    pg_conn *m_conn = nullptr;
    std::unordered_map<std::string, Statement> m_statements;
    int m_prepared = 0;
    bool m_inTransaction = false;
};

} // namespace spgl::server
