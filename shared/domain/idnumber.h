#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

namespace spgl {

/**
 * @brief 居民身份证号码 (citizen ID number, GB 11643-1999).
 *
 * 18 characters: a 6-digit division code, the birth date YYYYMMDD, a 3-digit sequence and an
 * ISO 7064 MOD 11-2 check digit (0–9 or X).
 */
class IdNumber
{
public:
    /// Validates @p text (blanks ignored, a lower-case x accepted) and returns the number.
    static Result<IdNumber> parse(std::string_view text);

    /// The check digit for the first 17 digits, or '\0' when they are not all digits.
    static char checkDigit(std::string_view first17);

    const std::string &text() const { return m_text; }
    /// The birth date as YYYY-MM-DD.
    std::string birthDate() const;

private:
    explicit IdNumber(std::string text)
        : m_text(std::move(text))
    {}
    std::string m_text;
};

} // namespace spgl
