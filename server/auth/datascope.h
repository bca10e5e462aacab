#pragma once

#include "auth/principal.h"

#include <optional>
#include <string>

namespace spgl::server {

/**
 * What a caller may see: a region code prefix (650000 → "65", 650100 → "6501"), optionally one
 * department, and for applicants only their own records. Repositories take a DataScope and put
 * it into every WHERE clause; handlers never filter.
 */
class DataScope
{
public:
    static DataScope of(const Principal &principal);
    /// No restriction: for operators' sub-commands and background jobs only.
    static DataScope system();

    /// SQL LIKE pattern for region columns, e.g. "6501%".
    std::string regionPattern() const { return m_regionPrefix + '%'; }
    const std::string &regionPrefix() const { return m_regionPrefix; }
    bool coversRegion(const std::string &code) const { return code.rfind(m_regionPrefix, 0) == 0; }
    /// Set for applicants and agencies: they see only records they own.
    std::optional<std::int64_t> ownerId() const { return m_ownerId; }
    std::optional<std::int64_t> departmentId() const { return m_departmentId; }
    bool isSystem() const { return m_system; }

private:
    std::string m_regionPrefix;
    std::optional<std::int64_t> m_ownerId;
    std::optional<std::int64_t> m_departmentId;
    bool m_system = false;
};

} // namespace spgl::server
