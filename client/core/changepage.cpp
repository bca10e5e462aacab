#include "core/changepage.h"

#include "core/jsonspan.h"

namespace spgl::desk {

Error ChangePage::malformed()
{
    return Error{"cache.page", "服务器返回的变更页格式不正确", {}};
}

Result<ChangePage> ChangePage::read(std::string_view text)
{
    // The one full check of the page; what is split out of it later is trusted.
    const auto page = JsonSpan::members(text);
    if (!page)
        return malformed();
    const auto changes = JsonSpan::elements(JsonSpan::find(*page, "changes"), JsonSpan::Check::Trusted);
    const auto next = JsonSpan::string(JsonSpan::find(*page, "next"));
    if (!changes || !next || next->empty())
        return malformed();
    ChangePage out;
    out.m_changes = std::move(*changes);
    out.m_next = QString::fromStdString(*next);
    out.m_hasMore = JsonSpan::find(*page, "has_more") == "true";
    return out;
}

} // namespace spgl::desk
