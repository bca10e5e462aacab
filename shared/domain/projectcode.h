#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

namespace spgl {

/**
 * @brief 项目代码: the code the national investment project online approval platform gives a
 *        project, `YYYY-DDDDDD-II-TT-SSSSSS` (year, division code, industry, type, serial).
 */
class ProjectCode
{
public:
    /// Validates the shape, the year and the division code of @p text.
    static Result<ProjectCode> parse(std::string_view text);

    const std::string &text() const { return m_text; }
    int year() const;
    std::string regionCode() const { return m_text.substr(5, 6); }
    std::string industry() const { return m_text.substr(12, 2); }
    std::string type() const { return m_text.substr(15, 2); }

private:
    explicit ProjectCode(std::string text)
        : m_text(std::move(text))
    {}
    std::string m_text;
};

} // namespace spgl
