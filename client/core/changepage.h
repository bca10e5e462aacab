#pragma once

#include "core/result.h"

#include <QString>

#include <string_view>
#include <vector>

namespace spgl::desk {

/**
 * @brief One page of GET /api/v1/sync/changes, checked against the JSON grammar once and split
 *        into its changes, not yet applied.
 *
 * Read before it is applied, the page tells where the feed goes on (next(), hasMore()), so the
 * next page can be asked for while this one is stored. The changes are spans of the page's text
 * (JsonSpan), which must outlive the ChangePage.
 */
class ChangePage
{
public:
    /// Reads @p text; malformed() when it is not a well-formed page (anywhere, however deep).
    static Result<ChangePage> read(std::string_view text);
    /// The error of a page that is not what GET /sync/changes answers.
    static Error malformed();

    /// Each change's JSON text, in feed order (checked: split them with JsonSpan::Check::Trusted).
    const std::vector<std::string_view> &changes() const { return m_changes; }
    /// The cursor after this page.
    const QString &next() const { return m_next; }
    /// Whether the feed holds more after this page.
    bool hasMore() const { return m_hasMore; }

private:
    std::vector<std::string_view> m_changes;
    QString m_next;
    bool m_hasMore = false;
};

} // namespace spgl::desk
