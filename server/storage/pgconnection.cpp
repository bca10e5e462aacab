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

void PgConnection::fail(pg_result *result, std::string_view what, const char *origin)
{
    const char *resultMessage = result ? PQresultErrorMessage(result) : nullptr;
    std::string message
        = std::string(what) + ": " + (resultMessage && *resultMessage ? resultMessage : PQerrorMessage(m_conn));
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    PQclear(result);
    const std::string from = origin ? origin : "";
    if (PQstatus(m_conn) != CONNECTION_OK)
        throw DbError(DbError::Kind::ConnectionLost, message, from);
    if (sqlstate == "23505")
        throw DbError(DbError::Kind::UniqueViolation, message, from);
    if (sqlstate == "23503")
        throw DbError(DbError::Kind::ForeignKeyViolation, message, from);
    if (sqlstate == "40001" || sqlstate == "40P01")
        throw DbError(DbError::Kind::Retryable, message, from);
    throw DbError(DbError::Kind::Other, message, from);
}

void PgConnection::execScript(const std::string &sql)
{
    if (m_piped)
        PQclear(finish(false));
    pg_result *result = PQexec(m_conn, sql.c_str());
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(result, "script");
    PQclear(result);
}

namespace {
/// Parameters as libpq takes them: text, or null.
struct Bound
{
    explicit Bound(const SqlParams &params)
        : storage(params.size())
        , values(params.size(), nullptr)
    {
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
    }
    std::vector<std::string> storage;
    std::vector<const char *> values;
};
} // namespace

PgConnection::Statement &PgConnection::statement(std::string_view sql, std::size_t parameters, bool piped)
{
    const std::string key(sql);
    auto it = m_statements.find(key);
    if (it == m_statements.end())
        it = m_statements.emplace(key, Statement{translate(sql), {}, 0}).first;
    Statement &st = it->second;
    // A statement run a second time is prepared, so that PostgreSQL parses and plans it once per
    // connection instead of on every call (the same text always has the same parameter count).
    // Bounded: statements built with varying text beyond kMaxPrepared stay unprepared.
    constexpr int kMaxPrepared = 400;
    if (st.name.empty() && ++st.uses >= 2 && m_prepared < kMaxPrepared) {
        const std::string name = "spgl_" + std::to_string(m_prepared + 1);
        if (piped) {
            if (PQsendPrepare(m_conn, name.c_str(), st.sql.c_str(), int(parameters), nullptr) != 1)
                fail(nullptr, "prepare");
            m_pipeline.push_back({&st, nullptr});
        } else {
            pg_result *prepared = PQprepare(m_conn, name.c_str(), st.sql.c_str(), int(parameters), nullptr);
            if (PQresultStatus(prepared) != PGRES_COMMAND_OK)
                fail(prepared, "prepare");
            PQclear(prepared);
        }
        st.name = name;
        ++m_prepared;
    }
    return st;
}

pg_result *PgConnection::run(std::string_view sql, const SqlParams &params)
{
    if (m_piped) {
        // Statements are waiting in the pipeline: this one goes with them, one round trip.
        send(sql, params);
        pg_result *result = finish(true);
        if (!result)
            fail(nullptr, "query");
        return result;
    }
    const Statement &st = statement(sql, params.size(), false);
    const Bound bound(params);
    pg_result *result = st.name.empty() ? PQexecParams(m_conn, st.sql.c_str(), int(params.size()), nullptr,
                                                       bound.values.data(), nullptr, nullptr, 0)
                                        : PQexecPrepared(m_conn, st.name.c_str(), int(params.size()),
                                                         bound.values.data(), nullptr, nullptr, 0);
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(result, "query");
    return result;
}

void PgConnection::send(std::string_view sql, const SqlParams &params, const char *origin)
{
    if (!m_piped) {
        if (PQenterPipelineMode(m_conn) != 1)
            fail(nullptr, "pipeline");
        m_piped = true;
    }
    const Statement &st = statement(sql, params.size(), true);
    const Bound bound(params); // libpq copies the values into its output buffer
    const int sent = st.name.empty() ? PQsendQueryParams(m_conn, st.sql.c_str(), int(params.size()), nullptr,
                                                         bound.values.data(), nullptr, nullptr, 0)
                                     : PQsendQueryPrepared(m_conn, st.name.c_str(), int(params.size()),
                                                           bound.values.data(), nullptr, nullptr, 0);
    if (sent != 1)
        fail(nullptr, "send");
    m_pipeline.push_back({nullptr, origin});
}

pg_result *PgConnection::finish(bool keepLast)
{
    pg_result *error = nullptr;
    const char *errorOrigin = nullptr;
    pg_result *last = nullptr;
    const bool synced = PQpipelineSync(m_conn) == 1;
    // One result per command, in the order sent (libpq returns a null between two commands),
    // then the sync. After an error the rest come back aborted, up to the sync.
    std::size_t index = 0;
    while (synced) {
        pg_result *r = PQgetResult(m_conn);
        if (!r) {
            if (PQstatus(m_conn) != CONNECTION_OK)
                break;
            continue;
        }
        const auto status = PQresultStatus(r);
        if (status == PGRES_PIPELINE_SYNC) {
            PQclear(r);
            break;
        }
        const Pending pending = index < m_pipeline.size() ? m_pipeline[index] : Pending{};
        Statement *prepared = pending.prepared;
        ++index;
        const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
        if (!ok && prepared) {
            prepared->name.clear(); // not prepared after all: prepare again when next used
            prepared->uses = 0;
        }
        if (status == PGRES_FATAL_ERROR && !error) {
            error = r;
            errorOrigin = pending.origin;
        } else if (ok && keepLast && index == m_pipeline.size())
            last = r;
        else
            PQclear(r);
    }
    m_pipeline.clear();
    m_piped = false;
    if (PQstatus(m_conn) == CONNECTION_OK && PQexitPipelineMode(m_conn) != 1) {
        // Results left unread: the session cannot be trusted any more. Start a new one.
        PQclear(error);
        PQclear(last);
        reset();
        throw DbError(DbError::Kind::ConnectionLost, "pipeline: results left unread; connection reset");
    }
    if (error || !synced || PQstatus(m_conn) != CONNECTION_OK) {
        PQclear(last);
        fail(error, "query", errorOrigin);
    }
    return last;
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

void PgConnection::executeLater(std::string_view sql, const SqlParams &params, const char *origin)
{
    if (!m_inTransaction) {
        execute(sql, params); // nothing would send it later: a connection back in the pool is idle
        return;
    }
    send(sql, params, origin);
}

void PgConnection::begin(bool)
{
    // Sent with the transaction's first statement that needs an answer.
    m_inTransaction = true;
    send("BEGIN", {});
}

void PgConnection::commit()
{
    m_inTransaction = false;
    if (!m_piped) {
        execScript("COMMIT");
        return;
    }
    // The statements still waiting and the commit: one round trip.
    send("COMMIT", {});
    PQclear(finish(false));
}

void PgConnection::rollback()
{
    m_inTransaction = false;
    if (m_piped) {
        try {
            PQclear(finish(false)); // what was sent is read (and dropped) before the rollback
        } catch (const DbError &) {
        }
    }
    if (PQstatus(m_conn) == CONNECTION_OK)
        PQclear(PQexec(m_conn, "ROLLBACK"));
}

bool PgConnection::healthy()
{
    if (PQstatus(m_conn) == CONNECTION_OK)
        return true;
    reset();
    return PQstatus(m_conn) == CONNECTION_OK;
}

void PgConnection::reset()
{
    PQreset(m_conn);
    m_statements.clear(); // a new session: its prepared statements are gone
    m_prepared = 0;
    m_pipeline.clear();
    m_piped = false;
}

void PgConnection::lockChain(std::int64_t key)
{
    // The statements after it run after it (a pipeline keeps its order): no need to wait here.
    executeLater("SELECT pg_advisory_xact_lock(?)", {key});
}

} // namespace spgl::server
