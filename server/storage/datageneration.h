#pragma once

#include <cstdint>

namespace spgl::server {

/**
 * Where the database stands, for answers computed from it and kept (WriteWatcher,
 * ResponseCache, AuthService's open sessions). Read it before the data an answer is computed
 * from: whatever commits later moves it.
 */
struct DataGeneration
{
    /// Moves with every write seen: an answer kept from an older number is wrong.
    std::uint64_t writes = 0;
    /// Moves every WriteWatcher::kOutsideEdits where writes made outside spgl-server cannot be
    /// seen (PostgreSQL); never on SQLite. An answer kept from an older tick with the same
    /// writes is right as far as anyone knows, but due to be read again.
    std::uint64_t tick = 0;

    friend bool operator==(const DataGeneration &, const DataGeneration &) = default;
};

} // namespace spgl::server
