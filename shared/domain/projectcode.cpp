#include "domain/projectcode.h"

#include "domain/regioncode.h"

#include <cctype>

namespace spgl {

Result<ProjectCode> ProjectCode::parse(std::string_view input)
{
    while (!input.empty() && std::isspace(static_cast<unsigned char>(input.front())))
        input.remove_prefix(1);
    while (!input.empty() && std::isspace(static_cast<unsigned char>(input.back())))
        input.remove_suffix(1);
    const std::string text(input);
    static constexpr std::string_view shape = "9999-999999-99-99-999999";
    bool ok = text.size() == shape.size();
    for (size_t i = 0; ok && i < shape.size(); ++i) {
        ok = shape[i] == '-' ? text[i] == '-' : std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    }
    if (!ok)
        return Error{
            "project_code.format", "项目代码格式应为“年份-行政区划-行业-类型-流水号”，如 2019-650102-47-01-000123", {}};
    const ProjectCode code(text);
    if (code.year() < 2000 || code.year() > 2100)
        return Error{"project_code.year", "项目代码中的年份无效", {}};
    if (!RegionCode::parse(code.regionCode()))
        return Error{"project_code.region", "项目代码中的行政区划代码无效", {}};
    return code;
}

int ProjectCode::year() const
{
    return std::stoi(m_text.substr(0, 4));
}

} // namespace spgl
