#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace spgl::server {

/**
 * Decides from a file's first bytes and its declared name whether it is one of the accepted
 * kinds (PDF, images, Office, DWG/DXF, ZIP, GeoPackage, Shapefile parts), and which. The name's
 * extension must agree with the content: an executable renamed to .pdf is refused.
 */
class ContentSniffer
{
public:
    /// How many leading bytes sniff() wants (it works with fewer for short files).
    static constexpr std::size_t kHeadBytes = 512;

    /// The media type, or nothing when the content is not accepted for that name.
    static std::optional<std::string> sniff(std::string_view head, const std::string &filename);
    /// The lower-case extension of @p filename without the dot.
    static std::string extension(const std::string &filename);
};

} // namespace spgl::server
