#pragma once

#include "storage/database.h"

#include <cstdint>
#include <mutex>
#include <string>

namespace spgl::server {

/**
 * The daily serials of application ids (20261128000042 is the 42nd of 28 November 2026), kept
 * per Beijing day in the `counters` table.
 *
 * On PostgreSQL a server takes them in blocks: one statement of its own, outside any submission's
 * transaction, reserves the next @c block numbers of the day, and the server hands them out one by
 * one. The counter row is then locked for one short statement per block instead of once per
 * submission, and concurrent submissions do not queue on it. Every serial is still given once,
 * across any number of server instances; what a block leaves unused when the server stops or the
 * day ends, and a submission refused after taking its serial, are gaps in the day's numbers, and
 * serials from several instances interleave. SQLite has one writer: there a submission takes its
 * serial inside its own transaction (take()), without gaps.
 */
class DaySerials
{
public:
    explicit DaySerials(Database &db, std::int64_t block = 20)
        : m_db(db)
        , m_block(block)
    {}

    /// The next serial of the day of @p nowMs (Beijing time), from the block in hand or a new one.
    std::int64_t next(std::int64_t nowMs);

    /// Takes the next @p count serials of the day of @p nowMs on @p c (one statement); returns the
    /// last of them (the first is that minus @p count plus one).
    static std::int64_t take(Connection &c, std::int64_t nowMs, std::int64_t count = 1);

private:
    Database &m_db;
    const std::int64_t m_block;
    std::mutex m_mutex;
    std::string m_day;       ///< the day of the block in hand
    std::int64_t m_next = 0; ///< the next serial to give
    std::int64_t m_end = 0;  ///< one past the last serial of the block
};

} // namespace spgl::server
