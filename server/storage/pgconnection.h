#pragma once

#include "storage/connection.h"

#include <string>
#include <unordered_map>
#include <vector>

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
    void executeLater(std::string_view sql, const SqlParams &params = {}, const char *origin = nullptr) override;
    void begin(bool write) override;
    void commit() override;
    void rollback() override;
    bool healthy() override;
    void lockChain(std::int64_t key) override;

    /// Rewrites `?` placeholders (outside quotes) to `$1`, `$2`, …
    static std::string translate(std::string_view sql);

private:
    /// A statement as sent: translated once, and prepared on this connection once it is reused.
    struct Statement
    {
        std::string sql;
        std::string name; ///< server-side prepared statement, empty until prepared
        int uses = 0;
    };

    pg_result *run(std::string_view sql, const SqlParams &params);
    /// The statement of @p sql; prepares it (now, or in the pipeline when @p piped) once reused.
    Statement &statement(std::string_view sql, std::size_t parameters, bool piped);
    /// Puts @p sql into the pipeline (entering pipeline mode first); @p origin: see executeLater.
    void send(std::string_view sql, const SqlParams &params, const char *origin = nullptr);
    /// Ends the pipeline: sends a sync, reads every result in order, leaves pipeline mode. Returns
    /// the last command's result when @p keepLast (the caller clears it); throws the first error.
    pg_result *finish(bool keepLast);
    /// Starts a new session (PQreset) and forgets what belonged to the old one.
    void reset();
    [[noreturn]] void fail(pg_result *result, std::string_view what, const char *origin = nullptr);

    pg_conn *m_conn = nullptr;
    std::unordered_map<std::string, Statement> m_statements;
    int m_prepared = 0;
    bool m_inTransaction = false;
    /// A command sent in pipeline mode whose result is still to be read.
    struct Pending
    {
        Statement *prepared = nullptr; ///< the statement of a Parse (prepare); null for an execution
        const char *origin = nullptr;  ///< what an execution was for (executeLater)
    };
    std::vector<Pending> m_pipeline; ///< in the order sent
    bool m_piped = false;
};

} // namespace spgl::server
