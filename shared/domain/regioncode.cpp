#include "domain/regioncode.h"

#include <cctype>

namespace spgl {

Result<RegionCode> RegionCode::parse(std::string_view text)
{
    if (text.size() != 6)
        return Error{"region_code.format", "行政区划代码应为6位数字", {}};
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return Error{"region_code.format", "行政区划代码应为6位数字", {}};
    }
    const int province = (text[0] - '0') * 10 + (text[1] - '0');
    if (province < 11 || province > 82)
        return Error{"region_code.province", "行政区划代码的省级代码无效", {}};
    return RegionCode(std::string(text));
}

std::string RegionCode::scopePrefix() const
{
    if (m_text.compare(2, 4, "0000") == 0)
        return m_text.substr(0, 2);
    if (m_text.compare(4, 2, "00") == 0)
        return m_text.substr(0, 4);
    return m_text;
}

bool RegionCode::covers(std::string_view other) const
{
    const std::string prefix = scopePrefix();
    return other.size() == 6 && other.substr(0, prefix.size()) == prefix;
}

int RegionCode::level() const
{
    return int(scopePrefix().size() / 2);
}

} // namespace spgl
