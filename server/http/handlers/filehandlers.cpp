#include "http/handlers/filehandlers.h"

#include "app/servercontext.h"
#include "http/apierror.h"

#include <fstream>

namespace spgl::server {

namespace {
std::int64_t headerInt(const Request &req, const std::string &name)
{
    const std::string v = req.header(name);
    if (v.empty() || v.size() > 18 || !std::all_of(v.begin(), v.end(), ::isdigit))
        throw ApiError::badRequest("请求头 " + name + " 应为非负整数", {{"header", "缺少或无效", name}});
    return std::stoll(v);
}

Response uploadResponse(const nlohmann::json &state, int status = 200)
{
    Response r = Response::json(state, status);
    r.header("Upload-Offset", std::to_string(state.value("offset", std::int64_t(0))));
    r.header("Upload-Length", std::to_string(state.value("length", std::int64_t(0))));
    r.header("Cache-Control", "no-store");
    return r;
}

/// Parses a single `bytes=a-b` range against @p size; false when absent or unsatisfiable.
bool parseRange(const std::string &header, std::int64_t size, std::int64_t &first, std::int64_t &last, bool &bad)
{
    bad = false;
    if (header.rfind("bytes=", 0) != 0)
        return false; // another unit: ignored, the whole file is sent (RFC 9110 §14.2)
    if (header.find(',') != std::string::npos)
        return false; // several ranges: served as the whole file rather than multipart
    const std::string spec = header.substr(6);
    const auto dash = spec.find('-');
    if (dash == std::string::npos) {
        bad = true;
        return false;
    }
    try {
        const std::string a = spec.substr(0, dash), b = spec.substr(dash + 1);
        if (a.empty()) {
            const std::int64_t n = std::stoll(b);
            first = std::max<std::int64_t>(0, size - n);
            last = size - 1;
        } else {
            first = std::stoll(a);
            last = b.empty() ? size - 1 : std::min<std::int64_t>(std::stoll(b), size - 1);
        }
    } catch (const std::exception &) {
        bad = true;
        return false;
    }
    if (first > last || first >= size) {
        bad = true;
        return false;
    }
    return true;
}
} // namespace

void FileHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    const nlohmann::json uploadSchema = {{"type", "object"},
                                         {"properties",
                                          {{"id", {{"type", "string"}}},
                                           {"filename", {{"type", "string"}}},
                                           {"length", {{"type", "integer"}}},
                                           {"offset", {{"type", "integer"}}},
                                           {"status", {{"type", "string"}, {"enum", {"open", "complete", "rejected"}}}},
                                           {"file", {{"type", "object"}}}}}};
    Route create;
    create.method = "POST";
    create.pattern = "/api/v1/uploads";
    create.tag = "files";
    create.summary = "创建可续传上传：Upload-Length 头给出文件长度，请求体给出文件名";
    create.parameters
        = {{{"name", "Upload-Length"}, {"in", "header"}, {"required", true}, {"schema", {{"type", "integer"}}}}};
    create.requestSchema
        = {{"type", "object"}, {"required", {"filename"}}, {"properties", {{"filename", {{"type", "string"}}}}}};
    create.responseSchema = uploadSchema;
    create.successStatus = 201;
    create.handler = [&ctx](Request &req) {
        const std::int64_t length = headerInt(req, "Upload-Length");
        const auto body = req.json();
        const auto name = body.find("filename");
        if (name == body.end() || !name->is_string())
            throw ApiError::validation({{"required", "请给出文件名", "filename"}});
        auto state = ctx.files().create(req.principal(), name->get<std::string>(), length);
        Response r = uploadResponse(state, 201);
        r.header("Location", "/api/v1/uploads/" + state["id"].get<std::string>());
        return r;
    };
    router.add(std::move(create));

    Route head;
    head.method = "HEAD";
    head.pattern = "/api/v1/uploads/{id}";
    head.tag = "files";
    head.summary = "查询上传进度（Upload-Offset 头），用于断点续传";
    head.audited = false;
    head.handler = [&ctx](Request &req) {
        Response r = uploadResponse(ctx.files().status(req.principal(), req.param("id")));
        r.body.clear();
        return r;
    };
    router.add(std::move(head));

    Route status;
    status.method = "GET";
    status.pattern = "/api/v1/uploads/{id}";
    status.tag = "files";
    status.summary = "上传状态";
    status.responseSchema = uploadSchema;
    status.handler
        = [&ctx](Request &req) { return uploadResponse(ctx.files().status(req.principal(), req.param("id"))); };
    router.add(std::move(status));

    Route patch;
    patch.method = "PATCH";
    patch.pattern = "/api/v1/uploads/{id}";
    patch.tag = "files";
    patch.summary = "从 Upload-Offset 处追加一段内容（application/offset+octet-stream）";
    patch.streamBody = true;
    patch.parameters
        = {{{"name", "Upload-Offset"}, {"in", "header"}, {"required", true}, {"schema", {{"type", "integer"}}}}};
    patch.requestSchema
        = {{"type", "string"}, {"format", "binary"}, {"x-content-type", "application/offset+octet-stream"}};
    patch.responseSchema = uploadSchema;
    patch.handler = [&ctx](Request &req) {
        const std::int64_t offset = headerInt(req, "Upload-Offset");
        // A chunk that completes the file records its row with the completion; others are audited after.
        req.audit().setDetail("offset " + std::to_string(offset) + ", " + std::to_string(req.contentLength())
                              + " bytes");
        return uploadResponse(
            ctx.files().append(req.principal(), req.param("id"), offset, req.stream(), req.contentLength()));
    };
    router.add(std::move(patch));

    Route download;
    download.method = "GET";
    download.pattern = "/api/v1/files/{sha256}";
    download.tag = "files";
    download.summary = "下载文件（支持 Range 与 ETag）";
    download.parameters = {{{"name", "Range"}, {"in", "header"}, {"schema", {{"type", "string"}}}}};
    download.responseSchema = {{"type", "string"}, {"format", "binary"}};
    download.handler = [&ctx](Request &req) {
        const auto file = ctx.files().download(req.principal(), req.param("sha256"));
        const std::string etag = "\"" + req.param("sha256") + "\"";
        Response r;
        r.contentType = file.mediaType;
        r.header("ETag", etag);
        r.header("Accept-Ranges", "bytes");
        r.header("Cache-Control", "private, max-age=31536000, immutable");
        if (!file.filename.empty()) {
            std::string encoded;
            for (unsigned char c : file.filename) {
                if (std::isalnum(c) || c == '.' || c == '-' || c == '_')
                    encoded.push_back(char(c));
                else {
                    char buf[4];
                    std::snprintf(buf, sizeof buf, "%%%02X", c);
                    encoded += buf;
                }
            }
            r.header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
        }
        if (req.ifNoneMatch(etag)) {
            r.status = 304;
            r.contentType.clear();
            return r;
        }
        std::int64_t first = 0, last = file.size - 1;
        bool bad = false;
        const std::string range = req.header("Range");
        const bool ranged = !range.empty() && (req.header("If-Range").empty() || req.header("If-Range") == etag)
                            && parseRange(range, file.size, first, last, bad);
        if (bad) {
            ApiError e(416, "range-not-satisfiable", "请求的范围无效",
                       "Range 超出文件长度 " + std::to_string(file.size));
            e.headers.emplace_back("Content-Range", "bytes */" + std::to_string(file.size));
            throw e;
        }
        if (ranged) {
            r.status = 206;
            r.header("Content-Range",
                     "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" + std::to_string(file.size));
        }
        r.contentLength = last - first + 1;
        const auto path = file.path;
        const std::int64_t start = first, count = r.contentLength;
        r.writer = [path, start, count](std::ostream &out) {
            std::ifstream in(path, std::ios::binary);
            in.seekg(start);
            std::string buffer(1 << 16, '\0');
            std::int64_t left = count;
            while (left > 0 && in && out) {
                in.read(buffer.data(), std::streamsize(std::min<std::int64_t>(left, std::int64_t(buffer.size()))));
                const auto got = in.gcount();
                if (got <= 0)
                    break;
                out.write(buffer.data(), got);
                left -= got;
            }
        };
        return r;
    };
    router.add(std::move(download));
}

} // namespace spgl::server
