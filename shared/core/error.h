#pragma once

#include <string>
#include <vector>

namespace spgl {

/**
 * @brief A typed domain error: a stable machine code, a human message and, for input errors,
 *        the field it concerns.
 *
 * Domain code in shared/ returns errors as values (see Result); the server maps them to
 * RFC 9457 problem+json and the desktop shows them, translated by code.
 */
struct Error
{
    std::string code;    ///< stable identifier, e.g. "credit_code.check_char"
    std::string message; ///< explanation for people (Simplified Chinese)
    std::string field;   ///< the input field concerned, empty when none

    bool operator==(const Error &) const = default;
};

using Errors = std::vector<Error>;

} // namespace spgl
