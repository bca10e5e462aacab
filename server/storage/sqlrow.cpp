#include "storage/sqlvalue.h"

#include <cstdlib>

namespace spgl::server {

const std::string &SqlRow::text(size_t i) const
{
    static const std::string empty;
    const auto &v = m_values.at(i);
    return v ? *v : empty;
}

std::int64_t SqlRow::integer(size_t i) const
{
    const auto &v = m_values.at(i);
    if (!v || v->empty())
        return 0;
    if (*v == "t")
        return 1;
    if (*v == "f")
        return 0;
    return std::strtoll(v->c_str(), nullptr, 10);
}

double SqlRow::real(size_t i) const
{
    const auto &v = m_values.at(i);
    return v ? std::strtod(v->c_str(), nullptr) : 0.0;
}

std::optional<std::int64_t> SqlRow::optionalInteger(size_t i) const
{
    if (isNull(i))
        return std::nullopt;
    return integer(i);
}

} // namespace spgl::server
