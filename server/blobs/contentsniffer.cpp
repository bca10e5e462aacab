#include "blobs/contentsniffer.h"

#include <algorithm>
#include <cctype>

namespace spgl::server {

namespace {
bool startsWith(std::string_view head, std::string_view magic)
{
    return head.substr(0, magic.size()) == magic;
}

bool looksLikeText(std::string_view head)
{
    return std::none_of(head.begin(), head.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x09 || (u > 0x0d && u < 0x20) || u == 0x7f;
    });
}

std::string_view trimmedFront(std::string_view s)
{
    if (s.substr(0, 3) == "\xEF\xBB\xBF")
        s.remove_prefix(3);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    return s;
}
} // namespace

std::string ContentSniffer::extension(const std::string &filename)
{
    const auto dot = filename.find_last_of('.');
    if (dot == std::string::npos || dot + 1 == filename.size())
        return {};
    std::string ext = filename.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

std::optional<std::string> ContentSniffer::sniff(std::string_view head, const std::string &filename)
{
    const std::string ext = extension(filename);
    const auto is = [&ext](std::initializer_list<std::string_view> list) {
        return std::find(list.begin(), list.end(), ext) != list.end();
    };

    if (startsWith(head, "%PDF-") && is({"pdf"}))
        return "application/pdf";
    if (startsWith(head, "\x89PNG\r\n\x1a\n") && is({"png"}))
        return "image/png";
    if (startsWith(head, "\xFF\xD8\xFF") && is({"jpg", "jpeg"}))
        return "image/jpeg";
    if ((startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) && is({"gif"}))
        return "image/gif";
    if ((startsWith(head, std::string_view("II*\0", 4)) || startsWith(head, std::string_view("MM\0*", 4)))
        && is({"tif", "tiff"}))
        return "image/tiff";
    if (startsWith(head, "PK\x03\x04") || startsWith(head, "PK\x05\x06")) {
        if (is({"docx"}))
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        if (is({"xlsx"}))
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        if (is({"pptx"}))
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        if (is({"ofd"}))
            return "application/ofd";
        if (is({"zip"}))
            return "application/zip";
    }
    if (startsWith(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        if (is({"doc"}))
            return "application/msword";
        if (is({"xls"}))
            return "application/vnd.ms-excel";
    }
    if (startsWith(head, "AC10") && is({"dwg"}))
        return "image/vnd.dwg";
    if (startsWith(head, std::string_view("SQLite format 3\0", 16)) && is({"gpkg"})) {
        // GeoPackage sets application_id 'GPKG' (or 'GP10'/'GP11') at offset 68.
        if (head.size() < 72 || head.substr(68, 2) == "GP")
            return "application/geopackage+sqlite3";
    }
    if ((startsWith(head, std::string_view("\x00\x00\x27\x0a", 4))) && is({"shp", "shx"}))
        return "application/x-esri-shape";
    if (is({"dbf"}) && !head.empty()) {
        const auto v = static_cast<unsigned char>(head[0]);
        if (v == 0x03 || v == 0x83 || v == 0x8B || v == 0x30 || v == 0xF5)
            return "application/x-dbf";
    }
    if (looksLikeText(head)) {
        const std::string_view text = trimmedFront(head);
        if (is({"dxf"})
            && (startsWith(text, "0\r\nSECTION") || startsWith(text, "0\nSECTION") || startsWith(text, "999")))
            return "image/vnd.dxf";
        if (is({"prj"})
            && (startsWith(text, "PROJCS[") || startsWith(text, "GEOGCS[") || startsWith(text, "GEOGCRS[")
                || startsWith(text, "PROJCRS[")))
            return "text/plain";
        if (is({"cpg"}) && text.size() < 64)
            return "text/plain";
    }
    if (startsWith(head, "AC1018") || startsWith(head, "AC1021") || startsWith(head, "AC1024")
        || startsWith(head, "AC1027") || startsWith(head, "AC1032")) {
        if (is({"dwg"}))
            return "image/vnd.dwg";
    }
    return std::nullopt;
}

} // namespace spgl::server
