#include "services/blueprintservice.h"

#include "auth/tokenservice.h"
#include "blobs/blobstore.h"
#include "geo/layerimporter.h"
#include "geo/layerkind.h"
#include "http/apierror.h"
#include "services/requestaudit.h"

#include <chrono>
#include <regex>

namespace spgl::server {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char *kLayerColumns = "l.id, l.name, l.kind, l.version, l.style, l.synthetic, l.created_by, "
                                      "l.created_at, l.updated_by, l.updated_at, v.file_name, v.format, "
                                      "v.feature_count, v.bbox, v.sha256, v.size_bytes, v.source_name, v.note";

/// The file extension of a layer file of @p format ("gpkg", "gpkg_raster", "gtiff").
const char *fileExtension(const std::string &format)
{
    return format == "gtiff" ? ".tif" : ".gpkg";
}

json layerRow(const SqlRow &r)
{
    const std::string id = r.text(0), kind = r.text(2), format = r.text(11);
    const auto k = geo::layerKindFromCode(kind);
    return {{"id", id},
            {"name", r.text(1)},
            {"kind", kind},
            {"kind_name", k ? std::string(geo::layerKindName(*k)) : kind},
            {"raster", format == "gtiff" || format == "gpkg_raster"},
            {"version", r.integer(3)},
            {"style", json::parse(r.text(4), nullptr, false)},
            {"synthetic", r.integer(5) != 0},
            {"created_by", r.text(6)},
            {"created_at", r.integer(7)},
            {"updated_by", r.text(8)},
            {"updated_at", r.integer(9)},
            {"format", format},
            {"feature_count", r.integer(12)},
            {"bbox", json::parse(r.text(13), nullptr, false)},
            {"crs", "EPSG:4490"},
            {"sha256", r.text(14)},
            {"size_bytes", r.integer(15)},
            {"source_name", r.text(16)},
            {"note", r.text(17)},
            {"download", "/api/v1/blueprint/layers/" + id + ".gpkg"}};
}

bool validColor(const json &v)
{
    static const std::regex color("^#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$");
    return v.is_string() && std::regex_match(v.get<std::string>(), color);
}

ApiError importProblem(const spgl::Error &e)
{
    return ApiError(422, "blueprint-import", "图层文件无法导入", e.message, {e});
}

void bumpRevision(Connection &c)
{
    c.execute("UPDATE settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'blueprint_revision'");
}

/// Removes a file or directory, ignoring errors (uploads and failed imports).
void discard(const fs::path &p)
{
    if (p.empty())
        return;
    std::error_code ec;
    fs::remove_all(p, ec);
}

} // namespace

BlueprintService::BlueprintService(Database &db, fs::path dataDir)
    : m_db(db)
    , m_root(std::move(dataDir) / "blueprint")
{
    std::error_code ec;
    fs::create_directories(incomingDir(), ec);
}

fs::path BlueprintService::incomingDir() const
{
    return m_root / ".incoming";
}

void BlueprintService::discardUpload(const fs::path &file) const
{
    const fs::path incoming = incomingDir().lexically_normal();
    const fs::path normal = file.lexically_normal();
    if (normal.parent_path() == incoming)
        discard(normal);
    else if (normal.parent_path().parent_path() == incoming)
        discard(normal.parent_path());
}

fs::path BlueprintService::layerDir(const std::string &id) const
{
    return m_root / id;
}

json BlueprintService::list() const
{
    json items = json::array();
    m_db.read([&](Connection &c) {
        for (const auto &r : c.query(std::string("SELECT ") + kLayerColumns
                                     + " FROM blueprint_layers l JOIN blueprint_layer_versions v ON v.layer_id = l.id "
                                       "AND v.version = l.version ORDER BY l.kind, l.id"))
            items.push_back(layerRow(r));
        return 0;
    });
    return {{"items", items}};
}

json BlueprintService::layerJson(const std::string &id) const
{
    return m_db.read([&](Connection &c) {
        auto r = c.queryOne(std::string("SELECT ") + kLayerColumns
                                + " FROM blueprint_layers l JOIN blueprint_layer_versions v ON v.layer_id = l.id "
                                  "AND v.version = l.version WHERE l.id = ?",
                            {id});
        if (!r)
            throw ApiError::notFound("没有这个蓝图图层：" + id);
        return layerRow(*r);
    });
}

json BlueprintService::versions(const std::string &id) const
{
    return m_db.read([&](Connection &c) {
        auto current = c.queryOne("SELECT version FROM blueprint_layers WHERE id = ?", {id});
        if (!current)
            throw ApiError::notFound("没有这个蓝图图层：" + id);
        json items = json::array();
        for (const auto &r : c.query("SELECT version, file_name, format, feature_count, bbox, sha256, size_bytes, "
                                     "source_name, report, restored_from, imported_by, imported_at, note "
                                     "FROM blueprint_layer_versions WHERE layer_id = ? ORDER BY version DESC",
                                     {id})) {
            json v = {{"version", r.integer(0)},
                      {"current", r.integer(0) == current->integer(0)},
                      {"file_name", r.text(1)},
                      {"format", r.text(2)},
                      {"feature_count", r.integer(3)},
                      {"bbox", json::parse(r.text(4), nullptr, false)},
                      {"sha256", r.text(5)},
                      {"size_bytes", r.integer(6)},
                      {"source_name", r.text(7)},
                      {"report", json::parse(r.text(8), nullptr, false)},
                      {"restored_from", r.isNull(9) ? json(nullptr) : json(r.integer(9))},
                      {"imported_by", r.text(10)},
                      {"imported_at", r.integer(11)},
                      {"note", r.text(12)}};
            items.push_back(std::move(v));
        }
        return json{{"layer", id}, {"current", current->integer(0)}, {"items", items}};
    });
}

void BlueprintService::validateStyle(const json &style)
{
    Errors errors;
    if (!style.is_object()) {
        throw ApiError::validation({{"style.type", "样式应为 JSON 对象", "style"}});
    }
    if (style.dump().size() > 64 * 1024)
        errors.push_back({"style.size", "样式不能超过 64 KB", "style"});
    for (const char *key : {"fill", "stroke"}) {
        if (style.contains(key) && !validColor(style[key]))
            errors.push_back({"style.color", std::string(key) + " 应为 #RRGGBB 或 #RRGGBBAA 颜色", key});
    }
    if (style.contains("stroke_width")) {
        const json &w = style["stroke_width"];
        if (!w.is_number() || w.get<double>() < 0 || w.get<double>() > 50)
            errors.push_back({"style.stroke_width", "stroke_width 应为 0–50 之间的数字（像素）", "stroke_width"});
    }
    if (style.contains("opacity")) {
        const json &o = style["opacity"];
        if (!o.is_number() || o.get<double>() < 0 || o.get<double>() > 1)
            errors.push_back({"style.opacity", "opacity 应为 0–1 之间的数字", "opacity"});
    }
    if (style.contains("categorized")) {
        const json &cat = style["categorized"];
        if (!cat.is_object() || !cat.contains("field") || !cat["field"].is_string()
            || cat["field"].get<std::string>().empty())
            errors.push_back({"style.categorized", "categorized 应包含分类字段名 field", "categorized.field"});
        else if (cat.contains("classes")) {
            if (!cat["classes"].is_array())
                errors.push_back({"style.categorized", "categorized.classes 应为数组", "categorized.classes"});
            else
                for (size_t i = 0; i < cat["classes"].size(); ++i) {
                    const json &c = cat["classes"][i];
                    if (!c.is_object() || !c.contains("value") || (c.contains("fill") && !validColor(c["fill"])))
                        errors.push_back({"style.categorized",
                                          "第 " + std::to_string(i + 1) + " 个分类应有 value 和 #RRGGBB(AA) 颜色 fill",
                                          "categorized.classes"});
                }
        }
    }
    if (!errors.empty())
        throw ApiError::validation(errors);
}

json BlueprintService::create(const Principal &who, Upload upload, std::int64_t now, const Progress &progress)
{
    return importUpload(who, upload.id, true, upload, now, progress);
}

json BlueprintService::importVersion(const Principal &who, const std::string &id, Upload upload, std::int64_t now,
                                     const Progress &progress)
{
    return importUpload(who, id, false, upload, now, progress);
}

BlueprintService::Target BlueprintService::checkUpload(const std::string &id, bool create, const Upload &upload) const
{
    const std::string &kind = upload.kind, &name = upload.name;
    if (create) {
        Errors errors;
        static const std::regex idPattern("^[a-z][a-z0-9_]{1,62}$");
        if (!std::regex_match(id, idPattern))
            errors.push_back(
                {"blueprint.id", "图层标识应为 2–63 位小写字母、数字或下划线，以字母开头（如 eco_redline）", "id"});
        if (name.empty() || name.size() > 300)
            errors.push_back({"blueprint.name", "请填写图层名称（不超过 100 个字）", "name"});
        if (!geo::layerKindFromCode(kind)) {
            std::string kinds;
            for (auto k : geo::allLayerKinds())
                kinds += (kinds.empty() ? "" : "、") + std::string(geo::layerKindCode(k)) + "（"
                         + std::string(geo::layerKindName(k)) + "）";
            errors.push_back({"blueprint.kind", "图层类型应为：" + kinds, "kind"});
        }
        if (!upload.style.is_null()) {
            try {
                validateStyle(upload.style);
            } catch (const ApiError &e) {
                errors.insert(errors.end(), e.errors().begin(), e.errors().end());
            }
        }
        if (!errors.empty())
            throw ApiError::validation(errors);
        const bool exists = m_db.read(
            [&](Connection &c) { return c.queryOne("SELECT 1 FROM blueprint_layers WHERE id = ?", {id}).has_value(); });
        if (exists)
            throw ApiError::conflict("图层 " + id + " 已存在；导入新版本请用 POST /api/v1/blueprint/layers/" + id
                                     + "/versions");
        return {kind, name};
    }
    // A new version: the layer's own kind and name.
    auto current = m_db.read(
        [&](Connection &c) { return c.queryOne("SELECT kind, name FROM blueprint_layers WHERE id = ?", {id}); });
    if (!current)
        throw ApiError::notFound("没有这个蓝图图层：" + id);
    return {current->text(0), current->text(1)};
}

json BlueprintService::importUpload(const Principal &who, const std::string &id, bool create, Upload &upload,
                                    std::int64_t now, const Progress &progress)
{
    struct Cleanup
    {
        const BlueprintService &service;
        const fs::path &file;
        ~Cleanup() { service.discardUpload(file); }
    } cleanup{*this, upload.file}; // only what the handler saved

    // What the layer is: given for a new layer, from the catalog for a new version.
    const Target target = checkUpload(id, create, upload);
    const std::string &kind = target.kind, &name = target.name;
    const bool rasterKind = geo::isRasterKind(*geo::layerKindFromCode(kind));

    std::lock_guard lock(m_importMutex);
    const fs::path work = incomingDir() / ("import-" + TokenService::randomToken(12));
    fs::create_directories(work);
    struct WorkCleanup
    {
        fs::path path;
        ~WorkCleanup() { discard(path); }
    } workCleanup{work};

    geo::LayerImporter importer({id, name + "（" + upload.sourceName + "）", 0.01, progress});
    auto imported = importer.importFile(upload.file.string(), (work / "layer").string());
    if (!imported)
        throw importProblem(imported.error());
    const geo::ImportReport &report = *imported;
    if (report.raster != rasterKind)
        throw importProblem({"geo.import.kind",
                             rasterKind ? "遥感影像图层需要栅格文件（GeoTIFF），上传的是矢量数据"
                                        : "该图层是矢量图层，上传的是栅格影像；影像请导入到“遥感影像”类图层",
                             "file"});
    const std::string sha = BlobStore::hashFile(report.outputPath);
    const std::int64_t size = std::int64_t(fs::file_size(report.outputPath));
    json reportJson = report;
    if (progress)
        progress(0.99, "登记新版本");

    const int version = m_db.write([&](Connection &c) {
        auto last = c.queryOne("SELECT MAX(version) FROM blueprint_layer_versions WHERE layer_id = ?", {id});
        const int v = last && !last->isNull(0) ? int(last->integer(0)) + 1 : 1;
        const std::string fileName = "v" + std::to_string(v) + fileExtension(report.format);
        if (create) {
            c.execute(
                "INSERT INTO blueprint_layers (id, name, kind, version, style, synthetic, created_by, created_at, "
                "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                {id, name, kind, std::int64_t(v), upload.style.is_null() ? std::string("{}") : upload.style.dump(),
                 who.username, now, who.username, now});
        } else {
            c.execute("UPDATE blueprint_layers SET version = ?, updated_by = ?, updated_at = ? WHERE id = ?",
                      {std::int64_t(v), who.username, now, id});
        }
        c.execute("INSERT INTO blueprint_layer_versions (layer_id, version, file_name, format, feature_count, bbox, "
                  "sha256, size_bytes, source_name, report, restored_from, imported_by, imported_at, note) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
                  {id, std::int64_t(v), fileName, report.format, report.featureCount, json(report.bbox).dump(), sha,
                   size, upload.sourceName, reportJson.dump(), who.username, now, upload.note});
        bumpRevision(c);
        RequestAudit::record(c, "blueprint_layer:" + id,
                             "import " + upload.sourceName + " -> v" + std::to_string(v) + ", "
                                 + std::to_string(report.featureCount) + " features, sha256 " + sha);
        // The file goes into place last: a failed rename rolls the rows back.
        const fs::path target = layerDir(id) / fileName;
        fs::create_directories(target.parent_path());
        if (fs::exists(target))
            throw ApiError::conflict("图层文件 " + target.filename().string() + " 已存在，请稍后重试");
        fs::rename(report.outputPath, target);
        return v;
    });
    invalidate();
    json out = layerJson(id);
    out["import_report"] = reportJson;
    out["imported_version"] = version;
    return out;
}

json BlueprintService::restore(const Principal &who, const std::string &id, const json &body, std::int64_t now)
{
    if (!body.is_object() || !body.contains("version") || !body["version"].is_number_integer())
        throw ApiError::validation({{"blueprint.version", "请给出要恢复的版本号 version（整数）", "version"}});
    const std::int64_t from = body["version"].get<std::int64_t>();
    const std::string note = body.contains("note") && body["note"].is_string()
                                 ? body["note"].get<std::string>()
                                 : "恢复到第 " + std::to_string(from) + " 版";
    m_db.write([&](Connection &c) {
        auto current = c.queryOne("SELECT version FROM blueprint_layers WHERE id = ?", {id});
        if (!current)
            throw ApiError::notFound("没有这个蓝图图层：" + id);
        auto old = c.queryOne("SELECT file_name, format, feature_count, bbox, sha256, size_bytes, source_name, report "
                              "FROM blueprint_layer_versions WHERE layer_id = ? AND version = ?",
                              {id, from});
        if (!old)
            throw ApiError::validation(
                {{"blueprint.version", "图层 " + id + " 没有第 " + std::to_string(from) + " 版", "version"}});
        if (current->integer(0) == from)
            throw ApiError::conflict("第 " + std::to_string(from) + " 版已是当前版本");
        auto last = c.queryOne("SELECT MAX(version) FROM blueprint_layer_versions WHERE layer_id = ?", {id});
        const std::int64_t v = last->integer(0) + 1;
        c.execute("INSERT INTO blueprint_layer_versions (layer_id, version, file_name, format, feature_count, bbox, "
                  "sha256, size_bytes, source_name, report, restored_from, imported_by, imported_at, note) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {id, v, old->text(0), old->text(1), old->integer(2), old->text(3), old->text(4), old->integer(5),
                   old->text(6), old->text(7), from, who.username, now, note});
        c.execute("UPDATE blueprint_layers SET version = ?, updated_by = ?, updated_at = ? WHERE id = ?",
                  {v, who.username, now, id});
        bumpRevision(c);
        RequestAudit::record(c, {}, "restore v" + std::to_string(from) + " as v" + std::to_string(v));
        return 0;
    });
    invalidate();
    return layerJson(id);
}

json BlueprintService::setStyle(const Principal &who, const std::string &id, const json &body, std::int64_t now)
{
    const json style = body.is_object() && body.contains("style") ? body["style"] : body;
    validateStyle(style);
    m_db.write([&](Connection &c) {
        if (c.execute("UPDATE blueprint_layers SET style = ?, updated_by = ?, updated_at = ? WHERE id = ?",
                      {style.dump(), who.username, now, id})
            == 0)
            throw ApiError::notFound("没有这个蓝图图层：" + id);
        bumpRevision(c);
        RequestAudit::record(c);
        return 0;
    });
    invalidate();
    return layerJson(id);
}

std::optional<BlueprintService::LayerFile> BlueprintService::layer(const std::string &id) const
{
    return m_db.read([&](Connection &c) -> std::optional<LayerFile> {
        auto r = c.queryOne("SELECT l.id, l.name, l.kind, l.version, l.style, v.file_name FROM blueprint_layers l "
                            "JOIN blueprint_layer_versions v ON v.layer_id = l.id AND v.version = l.version "
                            "WHERE l.id = ?",
                            {id});
        if (!r)
            return std::nullopt;
        return LayerFile{r->text(0),
                         r->text(1),
                         r->text(2),
                         int(r->integer(3)),
                         layerDir(id) / r->text(5),
                         json::parse(r->text(4), nullptr, false)};
    });
}

void BlueprintService::invalidate()
{
    std::lock_guard lock(m_cacheMutex);
    m_cachedAt = -1;
}

std::vector<BlueprintService::LayerFile> BlueprintService::vectorLayers() const
{
    return current().vectors;
}

std::set<std::string> BlueprintService::rasterLayerIds() const
{
    return current().rasters;
}

BlueprintService::Current BlueprintService::current() const
{
    const std::int64_t nowMs
        = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
              .count();
    {
        std::lock_guard lock(m_cacheMutex);
        if (m_cachedAt >= 0 && nowMs - m_cachedAt < 1000)
            return m_cache;
    }
    Current out;
    m_db.read([&](Connection &c) {
        for (const auto &r :
             c.query("SELECT l.id, l.name, l.kind, l.version, l.style, v.file_name, v.format FROM blueprint_layers "
                     "l JOIN blueprint_layer_versions v ON v.layer_id = l.id AND v.version = l.version ORDER BY l.id"))
            if (r.text(6) == "gpkg")
                out.vectors.push_back({r.text(0), r.text(1), r.text(2), int(r.integer(3)),
                                       layerDir(r.text(0)) / r.text(5), json::parse(r.text(4), nullptr, false)});
            else
                out.rasters.insert(r.text(0));
        return 0;
    });
    std::lock_guard lock(m_cacheMutex);
    m_cache = out;
    m_cachedAt = nowMs;
    return out;
}

BlueprintService::Download BlueprintService::download(const std::string &id) const
{
    return m_db.read([&](Connection &c) {
        auto r = c.queryOne("SELECT v.file_name, v.sha256, v.format, v.size_bytes, l.version FROM blueprint_layers l "
                            "JOIN blueprint_layer_versions v ON v.layer_id = l.id AND v.version = l.version "
                            "WHERE l.id = ?",
                            {id});
        if (!r)
            throw ApiError::notFound("没有这个蓝图图层：" + id);
        Download d{layerDir(id) / r->text(0), r->text(1), r->text(2),
                   id + "-v" + std::to_string(r->integer(4)) + fileExtension(r->text(2)), r->integer(3)};
        std::error_code ec;
        d.size = std::int64_t(fs::file_size(d.path, ec));
        if (ec)
            throw ApiError(500, "about:blank", "图层文件缺失", "图层 " + id + " 的文件不在数据目录中：" + r->text(0));
        return d;
    });
}

int BlueprintService::adopt(const std::string &id, const std::string &name, const std::string &kind, const json &style,
                            const fs::path &file, const std::string &source, const std::string &note, bool synthetic,
                            const std::string &by, std::int64_t now)
{
    auto described = geo::LayerImporter::describe(file.string());
    if (!described)
        throw std::runtime_error(described.error().message);
    fs::path adopted = file;
    if (described->format == "gtiff") {
        // Imagery is kept as a GeoPackage like every other layer where it can be (8-bit).
        const fs::path base = file.parent_path() / (file.stem().string() + "-adopted");
        auto imported = geo::LayerImporter({id, name, 0.01, {}}).importFile(file.string(), base.string());
        if (!imported)
            throw std::runtime_error(imported.error().message);
        if (imported->format == "gpkg_raster") {
            fs::remove(file);
            adopted = imported->outputPath;
            described = geo::LayerImporter::describe(adopted.string());
            if (!described)
                throw std::runtime_error(described.error().message);
        } else {
            fs::remove(imported->outputPath);
        }
    }
    const geo::ImportReport &report = *described;
    const std::string sha = BlobStore::hashFile(adopted);
    const std::int64_t size = std::int64_t(fs::file_size(adopted));
    std::lock_guard lock(m_importMutex);
    const int version = m_db.write([&](Connection &c) {
        auto last = c.queryOne("SELECT MAX(version) FROM blueprint_layer_versions WHERE layer_id = ?", {id});
        const int v = last && !last->isNull(0) ? int(last->integer(0)) + 1 : 1;
        const std::string fileName = "v" + std::to_string(v) + fileExtension(report.format);
        if (v == 1)
            c.execute(
                "INSERT INTO blueprint_layers (id, name, kind, version, style, synthetic, created_by, created_at, "
                "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                {id, name, kind, std::int64_t(v), style.dump(), std::int64_t(synthetic ? 1 : 0), by, now, by, now});
        else
            c.execute(
                "UPDATE blueprint_layers SET version = ?, name = ?, synthetic = ?, updated_by = ?, updated_at = ? "
                "WHERE id = ?",
                {std::int64_t(v), name, std::int64_t(synthetic ? 1 : 0), by, now, id});
        json reportJson = report;
        c.execute("INSERT INTO blueprint_layer_versions (layer_id, version, file_name, format, feature_count, bbox, "
                  "sha256, size_bytes, source_name, report, restored_from, imported_by, imported_at, note) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
                  {id, std::int64_t(v), fileName, report.format, report.featureCount, json(report.bbox).dump(), sha,
                   size, source, reportJson.dump(), by, now, note});
        bumpRevision(c);
        const fs::path target = layerDir(id) / fileName;
        fs::create_directories(target.parent_path());
        fs::rename(adopted, target);
        return v;
    });
    invalidate();
    return version;
}

std::string BlueprintService::currentSource(const std::string &id) const
{
    return m_db.read([&](Connection &c) {
        auto r = c.queryOne("SELECT v.source_name FROM blueprint_layers l JOIN blueprint_layer_versions v "
                            "ON v.layer_id = l.id AND v.version = l.version WHERE l.id = ?",
                            {id});
        return r ? r->text(0) : std::string();
    });
}

} // namespace spgl::server
