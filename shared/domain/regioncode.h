#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

namespace spgl {

/**
 * @brief 行政区划代码 (GB/T 2260): six digits, province–prefecture–county.
 *
 * A code also names a data scope: 650000 covers every code starting with "65", 650100 every code
 * starting with "6501", a county code only itself.
 */
class RegionCode
{
public:
    /// Validates that @p text is six digits with a known province prefix (11–82).
    static Result<RegionCode> parse(std::string_view text);

    const std::string &text() const { return m_text; }

    /// The prefix that the scope of this code covers ("65", "6501" or all six digits).
    std::string scopePrefix() const;
    /// Whether @p other lies within the scope of this code.
    bool covers(std::string_view other) const;
    /// Level: 1 province, 2 prefecture, 3 county.
    int level() const;

private:
    explicit RegionCode(std::string text)
        : m_text(std::move(text))
    {}
    std::string m_text;
};

} // namespace spgl
