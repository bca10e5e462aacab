#include "http/handlers/blueprinthandlers.h"

#include "app/servercontext.h"
#include "auth/tokenservice.h"
#include "core/beijingtime.h"
#include "http/apierror.h"
#include "http/routebuilder.h"
#include "services/blueprintservice.h"

#include <Poco/Net/MediaType.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/Net/NameValueCollection.h>

#include <filesystem>
#include <fstream>

namespace spgl::server {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// The roles that may read blueprint files: every staff role (not applicants or agencies).
const std::vector<std::string> kStaff
    = {role::WindowClerk, role::Reviewer, role::DepartmentHead, role::Coordinator, role::Supervisor, role::Admin};

/// A file name safe to keep on disk: its last path component, without control characters.
std::string safeFileName(std::string name)
{
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string::npos)
        name = name.substr(slash + 1);
    std::string out;
    for (unsigned char c : name)
        if (c >= 0x20 && c != ':' && c != '*' && c != '?' && c != '"' && c != '<' && c != '>' && c != '|')
            out.push_back(char(c));
    if (out.empty() || out == "." || out == "..")
        out = "upload";
    if (out.size() > 200)
        out = out.substr(out.size() - 200);
    return out;
}

/**
 * Reads a multipart/form-data body: the part "file" is streamed into a new directory under
 * @p incoming (at most @p maxBytes), the other parts are short text fields.
 */
BlueprintService::Upload readUpload(Request &req, const fs::path &incoming, std::int64_t maxBytes,
                                    std::map<std::string, std::string> &fields)
{
    const std::string contentType = req.header("Content-Type");
    std::string boundary;
    try {
        Poco::Net::MediaType type(contentType);
        if (type.matches("multipart", "form-data") && type.hasParameter("boundary"))
            boundary = type.getParameter("boundary");
    } catch (const Poco::Exception &) {
    }
    if (boundary.empty())
        throw ApiError::unsupportedMediaType(
            "请以 multipart/form-data 上传：文件放在 file 字段，另可带 id、name、kind、style、note 字段");
    if (req.contentLength() > maxBytes + 64 * 1024)
        throw ApiError::payloadTooLarge("文件过大：不能超过 " + std::to_string(maxBytes / (1024 * 1024)) + " MB");

    BlueprintService::Upload upload;
    const fs::path dir = incoming / ("upload-" + TokenService::randomToken(12));
    struct Guard
    {
        fs::path dir;
        bool keep = false;
        ~Guard()
        {
            if (!keep) {
                std::error_code ec;
                fs::remove_all(dir, ec);
            }
        }
    } guard{dir};
    try {
        Poco::Net::MultipartReader reader(req.stream(), boundary);
        while (reader.hasNextPart()) {
            Poco::Net::MessageHeader header;
            reader.nextPart(header);
            std::string disposition;
            Poco::Net::NameValueCollection params;
            Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
            const std::string name = params.get("name", "");
            std::istream &in = reader.stream();
            char buffer[1 << 16];
            if (name == "file") {
                if (!upload.file.empty())
                    throw ApiError::badRequest("一次只能上传一个文件（把 Shapefile 的各个部分打包成 zip）");
                upload.sourceName = safeFileName(params.get("filename", "upload"));
                fs::create_directories(dir);
                upload.file = dir / upload.sourceName;
                std::ofstream out(upload.file, std::ios::binary);
                std::int64_t total = 0;
                while (in) {
                    in.read(buffer, sizeof buffer);
                    const auto got = in.gcount();
                    total += got;
                    if (total > maxBytes)
                        throw ApiError::payloadTooLarge("文件过大：不能超过 " + std::to_string(maxBytes / (1024 * 1024))
                                                        + " MB");
                    out.write(buffer, got);
                }
                if (!out)
                    throw ApiError(507, "about:blank", "存储空间不足", "上传的文件无法保存");
                if (total == 0)
                    throw ApiError::validation({{"blueprint.file.empty", "上传的文件是空的", "file"}});
            } else {
                std::string value;
                while (in) {
                    in.read(buffer, sizeof buffer);
                    value.append(buffer, std::size_t(in.gcount()));
                    if (value.size() > 64 * 1024)
                        throw ApiError::payloadTooLarge("表单字段 " + name + " 过长");
                }
                fields[name] = value;
            }
        }
    } catch (const Poco::Exception &e) {
        throw ApiError::badRequest("multipart/form-data 格式有误：" + e.displayText());
    }
    if (upload.file.empty())
        throw ApiError::validation(
            {{"blueprint.file.missing", "请在 file 字段上传图层文件（zip、geojson、gpkg、tif 等）", "file"}});
    const auto field = [&](const char *key) {
        auto it = fields.find(key);
        return it == fields.end() ? std::string() : it->second;
    };
    upload.id = field("id");
    upload.name = field("name");
    upload.kind = field("kind");
    upload.note = field("note");
    if (!field("style").empty()) {
        upload.style = json::parse(field("style"), nullptr, false);
        if (upload.style.is_discarded())
            throw ApiError::validation({{"style.json", "style 应为 JSON 对象", "style"}});
    }
    guard.keep = true;
    return upload;
}

Route uploadRoute(std::string pattern, std::string summary)
{
    Route r
        = RouteBuilder("POST", std::move(pattern))
              .tag("blueprint")
              .summary(std::move(summary))
              .roles({role::Admin})
              .request({{"type", "object"},
                        {"x-content-type", "multipart/form-data"},
                        {"required", {"file"}},
                        {"properties",
                         {{"file", {{"type", "string"}, {"format", "binary"}}},
                          {"id", {{"type", "string"}, {"description", "新图层的标识（如 eco_redline）"}}},
                          {"name", {{"type", "string"}}},
                          {"kind", {{"type", "string"}, {"description", "图层类型代码（eco_redline、land_use …）"}}},
                          {"style", {{"type", "string"}, {"description", "样式 JSON"}}},
                          {"note", {{"type", "string"}}}}}})
              .response({{"type", "object"}}, 201)
              .build();
    r.streamBody = true;
    r.parameters.push_back({{"name", "Prefer"},
                            {"in", "header"},
                            {"description", "respond-async：后台导入，立即返回 202 与导入任务（Location 指向 "
                                            "/api/v1/blueprint/imports/{id}，可查询进度）"},
                            {"schema", {{"type", "string"}}}});
    r.problems = {{409, "图层已存在"}, {413, "文件过大"}, {422, "文件无法导入（缺少 .prj、没有要素、不是 GIS 文件…）"}};
    return r;
}

/// RFC 7240 Prefer: respond-async — the import runs in the background and the answer is its job.
bool respondAsync(const Request &req)
{
    return req.header("Prefer").find("respond-async") != std::string::npos;
}

/// 202 Accepted with the job, where to follow it, and that the preference was honoured.
Response queued(const json &job)
{
    Response r = Response::json(job, 202);
    r.header("Location", job.value("href", std::string()));
    r.header("Preference-Applied", "respond-async");
    return r;
}

} // namespace

void BlueprintHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    router.add(RouteBuilder("GET", "/api/v1/blueprint/layers")
                   .tag("blueprint")
                   .summary("蓝图图层目录：每个图层的类型、当前版本、样式、范围")
                   .handler([&ctx](Request &) { return Response::json(ctx.blueprint().list()); })
                   .build());
    router.add(RouteBuilder("GET", "/api/v1/blueprint/layers/{id}")
                   .tag("blueprint")
                   .summary("一个蓝图图层")
                   .handler([&ctx](Request &req) { return Response::json(ctx.blueprint().layerJson(req.param("id"))); })
                   .build());
    router.add(RouteBuilder("GET", "/api/v1/blueprint/layers/{id}/versions")
                   .tag("blueprint")
                   .roles(kStaff)
                   .summary("图层的历史版本（含每次导入的修复与拒绝报告）")
                   .handler([&ctx](Request &req) { return Response::json(ctx.blueprint().versions(req.param("id"))); })
                   .build());

    Route create = uploadRoute("/api/v1/blueprint/layers",
                               "新建图层并导入文件（Shapefile zip、GeoJSON、GeoPackage、FileGDB zip、GeoTIFF），转换到 "
                               "CGCS2000（EPSG:4490）");
    create.handler = [&ctx](Request &req) {
        std::map<std::string, std::string> fields;
        auto upload = readUpload(req, ctx.blueprint().incomingDir(), ctx.config().maxUploadBytes, fields);
        req.audit().setTarget("blueprint_layer:" + upload.id);
        req.audit().setDetail("import " + upload.sourceName);
        if (respondAsync(req)) {
            const std::string id = upload.id;
            return queued(ctx.imports().enqueue(req.principal(), id, true, std::move(upload), beijing::nowMs()));
        }
        json out = ctx.blueprint().create(req.principal(), std::move(upload), beijing::nowMs());
        Response r = Response::json(out, 201);
        r.header("Location", "/api/v1/blueprint/layers/" + out["id"].get<std::string>());
        return r;
    };
    router.add(std::move(create));

    Route version = uploadRoute("/api/v1/blueprint/layers/{id}/versions", "导入图层的新版本（旧版本保留，可恢复）");
    version.handler = [&ctx](Request &req) {
        std::map<std::string, std::string> fields;
        const std::string id = req.param("id");
        req.audit().setTarget("blueprint_layer:" + id);
        if (!ctx.blueprint().layer(id))
            throw ApiError::notFound("没有这个蓝图图层：" + id);
        auto upload = readUpload(req, ctx.blueprint().incomingDir(), ctx.config().maxUploadBytes, fields);
        req.audit().setDetail("import " + upload.sourceName);
        if (respondAsync(req))
            return queued(ctx.imports().enqueue(req.principal(), id, false, std::move(upload), beijing::nowMs()));
        return Response::json(ctx.blueprint().importVersion(req.principal(), id, std::move(upload), beijing::nowMs()),
                              201);
    };
    router.add(std::move(version));

    router.add(RouteBuilder("GET", "/api/v1/blueprint/imports")
                   .tag("blueprint")
                   .roles({role::Admin})
                   .summary("后台导入任务（最近 50 个，新的在前）")
                   .handler([&ctx](Request &) { return Response::json(ctx.imports().list(50)); })
                   .build());
    router.add(
        RouteBuilder("GET", "/api/v1/blueprint/imports/{id}")
            .tag("blueprint")
            .roles({role::Admin})
            .summary("一个后台导入任务：queued / running（progress 0–1 与当前步骤）/ done（result 为导入后的图层）/ "
                     "failed（problem 为同步导入会返回的错误）")
            .handler([&ctx](Request &req) { return Response::json(ctx.imports().job(req.param("id"))); })
            .build());

    router.add(RouteBuilder("POST", "/api/v1/blueprint/layers/{id}/restore")
                   .tag("blueprint")
                   .roles({role::Admin})
                   .summary("恢复图层的旧版本（生成指向旧文件的新版本，可再次撤销）")
                   .request({{"type", "object"},
                             {"required", {"version"}},
                             {"properties", {{"version", {{"type", "integer"}}}, {"note", {{"type", "string"}}}}}})
                   .handler([&ctx](Request &req) {
                       req.audit().setTarget("blueprint_layer:" + req.param("id"));
                       const json body = req.json();
                       req.audit().setDetail("restore v" + body.value("version", json()).dump());
                       return Response::json(
                           ctx.blueprint().restore(req.principal(), req.param("id"), body, beijing::nowMs()));
                   })
                   .build());
    router.add(RouteBuilder("PUT", "/api/v1/blueprint/layers/{id}/style")
                   .tag("blueprint")
                   .roles({role::Admin})
                   .summary("设置图层样式（填充、边线、按字段分类着色）")
                   .request({{"type", "object"}, {"properties", {{"style", {{"type", "object"}}}}}})
                   .handler([&ctx](Request &req) {
                       req.audit().setTarget("blueprint_layer:" + req.param("id"));
                       return Response::json(
                           ctx.blueprint().setStyle(req.principal(), req.param("id"), req.json(), beijing::nowMs()));
                   })
                   .build());

    Route download = RouteBuilder("GET", "/api/v1/blueprint/layers/{id}.gpkg")
                         .tag("blueprint")
                         .roles(kStaff)
                         .summary("下载图层当前版本的 GeoPackage（离线使用；ETag 为文件 sha256，支持 If-None-Match）")
                         .response({{"type", "string"}, {"format", "binary"}})
                         .build();
    download.parameters = {{{"name", "If-None-Match"}, {"in", "header"}, {"schema", {{"type", "string"}}}}};
    download.handler = [&ctx](Request &req) {
        const auto file = ctx.blueprint().download(req.param("id"));
        const std::string etag = "\"" + file.sha256 + "\"";
        Response r;
        r.contentType = file.format == "gtiff" ? "image/tiff" : "application/geopackage+sqlite3";
        r.header("ETag", etag);
        r.header("Cache-Control", "private, no-cache");
        r.header("Content-Disposition", "attachment; filename=\"" + file.fileName + "\"");
        if (req.ifNoneMatch(etag)) {
            r.status = 304;
            r.contentType.clear();
            return r;
        }
        r.contentLength = file.size;
        const auto path = file.path;
        r.writer = [path](std::ostream &out) {
            std::ifstream in(path, std::ios::binary);
            std::string buffer(1 << 16, '\0');
            while (in && out) {
                in.read(buffer.data(), std::streamsize(buffer.size()));
                if (in.gcount() <= 0)
                    break;
                out.write(buffer.data(), in.gcount());
            }
        };
        return r;
    };
    router.add(std::move(download));
}

} // namespace spgl::server
