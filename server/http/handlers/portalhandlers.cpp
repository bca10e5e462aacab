#include "http/handlers/portalhandlers.h"

#include "app/servercontext.h"
#include "http/apierror.h"

#include <Poco/URI.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#ifndef SPGL_PORTAL_DEFAULT_DIR
#define SPGL_PORTAL_DEFAULT_DIR ""
#endif

namespace spgl::server {

namespace fs = std::filesystem;

namespace {
std::string mediaType(const fs::path &file)
{
    static const std::pair<const char *, const char *> types[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".map", "application/json; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".woff", "font/woff"},
        {".woff2", "font/woff2"},
        {".ttf", "font/ttf"},
        {".txt", "text/plain; charset=utf-8"},
        {".wasm", "application/wasm"},
    };
    std::string ext = file.extension().string();
    for (auto &c : ext)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    for (const auto &[e, t] : types)
        if (ext == e)
            return t;
    return "application/octet-stream";
}

bool readFile(const fs::path &file, std::string &out)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

/// The file for a request path inside @p root, or empty when the path is not a safe plain
/// relative path (no `..`, `.`, backslash, NUL or empty segment) or leaves the folder.
fs::path resolve(const fs::path &root, const std::string &decoded)
{
    if (decoded.empty() || decoded.front() != '/')
        return {};
    fs::path rel;
    std::stringstream parts(decoded.substr(1));
    std::string part;
    while (std::getline(parts, part, '/')) {
        if (part.empty())
            continue;
        if (part == "." || part == ".." || part.find('\\') != std::string::npos || part.find('\0') != std::string::npos
            || part.find(':') != std::string::npos)
            return {};
        rel /= part;
    }
    if (rel.empty())
        return root / "index.html";
    std::error_code ec;
    const fs::path full = fs::weakly_canonical(root / rel, ec);
    if (ec)
        return {};
    const std::string r = root.string(), f = full.string();
    if (f.size() <= r.size() || f.compare(0, r.size(), r) != 0 || f[r.size()] != '/')
        return {}; // a symbolic link pointing outside
    return full;
}

struct Portal
{
    fs::path root; ///< canonical, empty when the folder does not exist

    Response serve(Request &req) const
    {
        if (root.empty() || !fs::is_regular_file(root / "index.html"))
            throw ApiError::notFound("门户页面未构建或 --portal-dir 指向的目录中没有 index.html");
        std::string decoded;
        try {
            Poco::URI::decode(req.path(), decoded);
        } catch (const std::exception &) {
            throw ApiError::notFound("没有这个页面");
        }
        const fs::path file = resolve(root, decoded);
        if (file.empty())
            throw ApiError::notFound("没有这个页面");
        std::error_code ec;
        if (fs::is_regular_file(file, ec))
            return send(req, file);
        // A missing asset is a 404 (a stale index.html must not get HTML for its script);
        // any other path is a client-side route: the app's index.html answers it.
        if (decoded.rfind("/assets/", 0) == 0 || file.has_extension())
            throw ApiError::notFound("没有这个文件：" + decoded);
        return send(req, root / "index.html");
    }

    Response send(Request &req, const fs::path &file) const
    {
        const bool immutable = file.parent_path() == root / "assets";
        fs::path body = file;
        bool gzip = false;
        const std::string accept = req.header("Accept-Encoding");
        if (accept.find("gzip") != std::string::npos) {
            fs::path gz = file;
            gz += ".gz";
            std::error_code ec;
            if (fs::is_regular_file(gz, ec)) {
                body = gz;
                gzip = true;
            }
        }
        std::error_code ec;
        const auto size = fs::file_size(body, ec);
        const auto mtime = fs::last_write_time(body, ec).time_since_epoch().count();
        std::ostringstream tag;
        tag << '"' << std::hex << size << '-' << mtime << (gzip ? "-gz" : "") << '"';
        Response r;
        r.contentType = mediaType(file);
        r.header("ETag", tag.str());
        r.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
        r.header("Vary", "Accept-Encoding");
        r.header("X-Content-Type-Options", "nosniff");
        if (gzip)
            r.header("Content-Encoding", "gzip");
        if (req.ifNoneMatch(tag.str())) {
            r.status = 304;
            r.contentType.clear();
            return r;
        }
        if (!readFile(body, r.body))
            throw ApiError::notFound("没有这个文件");
        return r;
    }
};
} // namespace

void PortalHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    auto portal = std::make_shared<Portal>();
    std::error_code ec;
    fs::path dir = ctx.config().portalDir;
    if (dir.empty()) {
        // Next to the binary, then ../share/spgl/portal (the Debian package's layout), else where
        // this build put it.
        std::error_code exeError;
        const fs::path bin = fs::read_symlink("/proc/self/exe", exeError).parent_path();
        dir = SPGL_PORTAL_DEFAULT_DIR;
        for (const fs::path &candidate : {bin / "portal", bin.parent_path() / "share" / "spgl" / "portal"})
            if (!exeError && fs::is_regular_file(candidate / "index.html", ec)) {
                dir = candidate;
                break;
            }
    }
    if (fs::is_directory(dir, ec))
        portal->root = fs::canonical(dir, ec);
    router.setFallback([portal](Request &req) { return portal->serve(req); });
}

} // namespace spgl::server
