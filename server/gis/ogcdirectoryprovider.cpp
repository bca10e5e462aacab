#include "gis/ogcdirectoryprovider.h"

#include <algorithm>
#include <cctype>
#include <system_error>

namespace spgl::server {

namespace {
/// N of a file name "v<N>.gpkg"; -1 when it is not one.
int versionOf(const std::string &name)
{
    if (name.size() < 7 || name[0] != 'v' || name.compare(name.size() - 5, 5, ".gpkg") != 0)
        return -1;
    const std::string digits = name.substr(1, name.size() - 6);
    if (digits.empty() || digits.size() > 9
        || !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); }))
        return -1;
    return std::stoi(digits);
}

/// Collection ids appear in URLs: letters, digits, '_', '-', '.' only.
bool usableId(const std::string &id)
{
    return !id.empty() && id.size() <= 128 && id.front() != '.'
           && std::all_of(id.begin(), id.end(),
                          [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c == '.'; });
}
} // namespace

std::vector<OgcCollection> OgcDirectoryProvider::scan(const std::filesystem::path &blueprintDir)
{
    namespace fs = std::filesystem;
    std::vector<OgcCollection> out;
    std::error_code ec;
    for (fs::directory_iterator it(blueprintDir, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_directory(ec))
            continue;
        const std::string id = it->path().filename().string();
        if (!usableId(id))
            continue;
        OgcCollection best;
        best.version = -1;
        std::error_code inner;
        for (fs::directory_iterator f(it->path(), inner), fend; !inner && f != fend; f.increment(inner)) {
            const int v = versionOf(f->path().filename().string());
            if (v > best.version && f->is_regular_file(inner)) {
                best.version = v;
                best.gpkg = f->path();
            }
        }
        if (best.version < 0)
            continue;
        best.id = id;
        best.title = id;
        best.description = "图层 " + id + "（第 " + std::to_string(best.version) + " 版）";
        out.push_back(std::move(best));
    }
    std::sort(out.begin(), out.end(), [](const OgcCollection &a, const OgcCollection &b) { return a.id < b.id; });
    return out;
}

OgcCollectionProvider OgcDirectoryProvider::provider(std::filesystem::path blueprintDir)
{
    return [dir = std::move(blueprintDir)] { return scan(dir); };
}

} // namespace spgl::server
