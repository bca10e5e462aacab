#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

namespace spgl {

/**
 * @brief 统一社会信用代码 (unified social credit code, GB 32100-2015).
 *
 * 18 characters over the alphabet 0-9 A-H J-N P-R T U W-Y: registration authority, organisation
 * type, a 6-digit division code, a 9-character organisation code and a check character computed
 * modulo 31.
 */
class CreditCode
{
public:
    /// Validates @p text (surrounding blanks ignored, letters upper-cased) and returns the code.
    static Result<CreditCode> parse(std::string_view text);

    /// The check character for the first 17 characters, or '\0' when they are not valid.
    static char checkCharacter(std::string_view first17);

    const std::string &text() const { return m_text; }
    /// The division code embedded in positions 3–8.
    std::string regionCode() const { return m_text.substr(2, 6); }

private:
    explicit CreditCode(std::string text)
        : m_text(std::move(text))
    {}
    std::string m_text;
};

} // namespace spgl
