#include "http/handlers/ogchandlers.h"

#include "app/servercontext.h"
#include "core/beijingtime.h"
#include "gis/ogcfeatures.h"
#include "http/apierror.h"
#include "http/routebuilder.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <regex>

namespace spgl::server {

namespace {

constexpr const char *kCrs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
constexpr const char *kJson = "application/json";
constexpr const char *kGeoJson = "application/geo+json";
constexpr const char *kOpenApi = "application/vnd.oai.openapi+json;version=3.0";
constexpr std::int64_t kMaxLimit = 10000;
constexpr std::int64_t kMaxOffset = 1'000'000'000'000; // far beyond any layer; keeps offset + limit in range

/// What a resource is written as.
enum class Kind { Json, GeoJson, OpenApi };

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

ApiError notAcceptable(const std::string &asked)
{
    return ApiError(406, "not-acceptable", "不支持请求的格式",
                    "此接口只提供 JSON / GeoJSON（f=json，或 Accept: application/geo+json、application/json），"
                    "不支持“"
                        + asked + "”");
}

/// Checks the f parameter and the Accept header; 406 when neither JSON nor GeoJSON is acceptable.
void negotiate(const Request &req, Kind kind)
{
    if (const auto f = req.query("f")) {
        const std::string v = lower(*f);
        if (v == "json" || v == "geojson" || (kind == Kind::OpenApi && (v == "oas30" || v == "openapi")))
            return;
        throw notAcceptable("f=" + *f);
    }
    const std::string accept = req.header("Accept");
    if (trim(accept).empty())
        return;
    std::size_t start = 0;
    while (start <= accept.size()) {
        const auto comma = accept.find(',', start);
        const std::string range = accept.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        start = comma == std::string::npos ? accept.size() + 1 : comma + 1;
        const auto semicolon = range.find(';');
        const std::string type = lower(trim(range.substr(0, semicolon)));
        if (semicolon != std::string::npos) {
            std::string params = lower(range.substr(semicolon));
            params.erase(std::remove(params.begin(), params.end(), ' '), params.end());
            static const std::regex refused(";q=0(\\.0*)?(;|$)");
            if (std::regex_search(params, refused))
                continue; // explicitly not acceptable
        }
        if (type == "*/*" || type == "application/*" || type == kJson || type == kGeoJson
            || type == "application/vnd.oai.openapi+json" || type == "application/openapi+json"
            || type == "application/schema+json")
            return;
    }
    throw notAcceptable(accept);
}

/// The absolute URL of /ogc as the client reached it (honouring a reverse proxy's X-Forwarded-*).
std::string baseUrl(const Request &req)
{
    const std::string host = req.forwardedHost();
    if (host.empty())
        throw ApiError::badRequest("请求头 Host 缺失或无效");
    return req.forwardedProto() + "://" + host + req.forwardedPrefix() + "/ogc";
}

nlohmann::json link(const std::string &href, const std::string &rel, const std::string &type,
                    const std::string &title = {})
{
    nlohmann::json l = {{"href", href}, {"rel", rel}, {"type", type}};
    if (!title.empty())
        l["title"] = title;
    return l;
}

Response jsonResponse(const nlohmann::json &value, const std::string &type = kJson)
{
    Response r = Response::json(value);
    r.contentType = type;
    r.header("Vary", "Accept");
    return r;
}

std::string percentEncode(const std::string &text)
{
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ',') {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string shortest(double v)
{
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, ec == std::errc() ? end : buffer);
}

ApiError badParameter(const std::string &name, const std::string &detail)
{
    return ApiError::badRequest(detail, {{name, "query.invalid", detail}});
}

/// bbox=minLon,minLat,maxLon,maxLat (or 6 numbers with heights), CRS84.
OgcFeatures::Bbox parseBbox(const std::string &text)
{
    std::vector<double> values;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const std::string part
            = trim(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        start = comma == std::string::npos ? text.size() + 1 : comma + 1;
        double v = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
        if (part.empty() || ec != std::errc() || end != part.data() + part.size() || !std::isfinite(v))
            throw badParameter("bbox",
                               "bbox 应为 4 个数：最小经度,最小纬度,最大经度,最大纬度（CRS84），收到“" + text + "”");
        values.push_back(v);
    }
    if (values.size() != 4 && values.size() != 6)
        throw badParameter("bbox",
                           "bbox 应为 4 个数（或含高程的 6 个数），收到 " + std::to_string(values.size()) + " 个");
    const std::size_t h = values.size() / 2; // index of the upper corner
    OgcFeatures::Bbox b{values[0], values[1], values[h], values[h + 1]};
    if (b.minLon < -180 || b.maxLon > 180 || b.minLat < -90 || b.maxLat > 90)
        throw badParameter("bbox", "bbox 超出经纬度范围（经度 -180 到 180，纬度 -90 到 90）");
    if (b.minLat > b.maxLat)
        throw badParameter("bbox", "bbox 的最小纬度大于最大纬度");
    if (b.minLon > b.maxLon)
        throw badParameter("bbox", "bbox 的最小经度大于最大经度（不支持跨越 180° 经线的范围）");
    return b;
}

/// datetime: an RFC 3339 instant or date, or an interval with ".." open ends.
bool validDatetime(const std::string &text)
{
    static const std::regex instant(R"(\d{4}-\d{2}-\d{2}([Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?)");
    const auto slash = text.find('/');
    if (slash == std::string::npos)
        return std::regex_match(text, instant);
    const std::string a = text.substr(0, slash), b = text.substr(slash + 1);
    const auto end = [](const std::string &s) { return s.empty() || s == ".." || std::regex_match(s, instant); };
    const auto open = [](const std::string &s) { return s.empty() || s == ".."; };
    return b.find('/') == std::string::npos && end(a) && end(b) && !(open(a) && open(b));
}

std::int64_t integerParameter(const Request &req, const std::string &name, std::int64_t fallback, std::int64_t min,
                              std::int64_t max)
{
    const auto text = req.query(name);
    if (!text)
        return fallback;
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (text->empty() || ec != std::errc() || end != text->data() + text->size() || v < min || v > max)
        throw badParameter(name, "查询参数 " + name + " 应为 " + std::to_string(min) + " 到 " + std::to_string(max)
                                     + " 之间的整数，收到“" + *text + "”");
    return v;
}

nlohmann::json collectionJson(OgcFeatures &ogc, const OgcCollection &c, const std::string &base)
{
    const std::string self = base + "/collections/" + percentEncode(c.id);
    nlohmann::json j
        = {{"id", c.id},
           {"title", c.title.empty() ? c.id : c.title},
           {"description", c.description},
           {"itemType", "feature"},
           {"crs", {kCrs84}},
           {"spgl:version", c.version},
           {"links",
            {link(self, "self", kJson, "图层说明"), link(self + "/items", "items", kGeoJson, "要素（GeoJSON）"),
             link(base + "/collections", "parent", kJson, "全部图层")}}};
    try {
        const auto info = ogc.describe(c);
        if (info.extent) {
            const auto &e = *info.extent;
            j["extent"] = {{"spatial", {{"bbox", {{e.minLon, e.minLat, e.maxLon, e.maxLat}}}, {"crs", kCrs84}}}};
        }
        j["spgl:geometryType"] = info.geometryType;
        j["spgl:featureCount"] = info.featureCount;
    } catch (const ApiError &e) {
        // An unreadable layer file is listed without its extent rather than failing the whole list.
        Poco::Logger::get("spgl").warning("OGC collection %s: %s", c.id, e.detail());
    }
    return j;
}

nlohmann::json problemRef(const std::string &description)
{
    return {{"description", description},
            {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

/// The OpenAPI 3.0 definition of the /ogc routes (conformance class oas30).
nlohmann::json apiDocument(const std::string &base, bool isPublic)
{
    const auto ok = [](const std::string &description, const std::string &type) {
        return nlohmann::json{{"description", description}, {"content", {{type, {{"schema", {{"type", "object"}}}}}}}};
    };
    const auto responses = [&](const std::string &description, const std::string &type, bool notFound) {
        nlohmann::json r = {{"200", ok(description, type)},
                            {"400", problemRef("请求参数无效")},
                            {"406", problemRef("不支持请求的格式")}};
        if (notFound)
            r["404"] = problemRef("图层或要素不存在");
        if (!isPublic) {
            r["401"] = problemRef("未登录或令牌过期");
            r["403"] = problemRef("仅限工作人员");
        }
        return r;
    };
    const nlohmann::json f = {{"name", "f"},
                              {"in", "query"},
                              {"description", "输出格式：json（GeoJSON）"},
                              {"required", false},
                              {"schema", {{"type", "string"}, {"enum", {"json", "geojson"}}}}};
    const nlohmann::json collectionId
        = {{"name", "collectionId"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}};
    const nlohmann::json featureId
        = {{"name", "featureId"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}};
    const auto get
        = [&](const std::string &id, const std::string &summary, nlohmann::json params, nlohmann::json answers) {
              return nlohmann::json{{"get",
                                     {{"operationId", id},
                                      {"summary", summary},
                                      {"tags", {"ogc"}},
                                      {"parameters", params},
                                      {"responses", answers}}}};
          };
    nlohmann::json items
        = {collectionId,
           {{"name", "bbox"},
            {"in", "query"},
            {"description", "经纬度范围（CRS84）：最小经度,最小纬度,最大经度,最大纬度"},
            {"required", false},
            {"style", "form"},
            {"explode", false},
            {"schema", {{"type", "array"}, {"minItems", 4}, {"maxItems", 6}, {"items", {{"type", "number"}}}}}},
           {{"name", "bbox-crs"},
            {"in", "query"},
            {"required", false},
            {"schema", {{"type", "string"}, {"enum", {kCrs84}}}}},
           {{"name", "limit"},
            {"in", "query"},
            {"description", "每页要素数（默认 10，最多 10000；更大的值按 10000 处理）"},
            {"required", false},
            {"style", "form"},
            {"explode", false},
            {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxLimit}, {"default", 10}}}},
           {{"name", "offset"},
            {"in", "query"},
            {"description", "跳过的要素数（翻页链接使用）"},
            {"required", false},
            {"schema", {{"type", "integer"}, {"minimum", 0}, {"default", 0}}}},
           {{"name", "after"},
            {"in", "query"},
            {"description", "从该要素编号之后开始（翻页链接使用，优先于 offset）"},
            {"required", false},
            {"schema", {{"type", "integer"}}}},
           {{"name", "datetime"},
            {"in", "query"},
            {"description", "时间过滤（图层没有时间属性，校验格式后不做过滤）"},
            {"required", false},
            {"schema", {{"type", "string"}}}},
           f};
    nlohmann::json doc
        = {{"openapi", "3.0.3"},
           {"info",
            {{"title", "SPGL 一张蓝图 OGC API – Features"},
             {"version", SPGL_VERSION},
             {"description", "工程建设项目审批管理系统的矢量图层（GeoPackage），坐标为经纬度（CRS84 / CGCS2000）。"},
             {"license", {{"name", "Proprietary（使用条件见服务首页）"}, {"url", base}}}}},
           {"servers", {{{"url", base}}}},
           {"tags", {{{"name", "ogc"}, {"description", "OGC API – Features Part 1 Core"}}}},
           {"paths",
            {{"/", get("getLandingPage", "服务首页", nlohmann::json::array({f}), responses("服务首页", kJson, false))},
             {"/conformance",
              get("getConformance", "遵循的标准类", nlohmann::json::array({f}), responses("标准类", kJson, false))},
             {"/api",
              get("getApi", "本 OpenAPI 文档", nlohmann::json::array({f}), responses("OpenAPI 3.0", kOpenApi, false))},
             {"/collections",
              get("getCollections", "图层列表", nlohmann::json::array({f}), responses("图层列表", kJson, false))},
             {"/collections/{collectionId}",
              get("describeCollection", "图层说明", nlohmann::json::array({collectionId, f}),
                  responses("图层说明", kJson, true))},
             {"/collections/{collectionId}/items",
              get("getFeatures", "要素（分页）", items, responses("GeoJSON FeatureCollection", kGeoJson, true))},
             {"/collections/{collectionId}/items/{featureId}",
              get("getFeature", "单个要素", nlohmann::json::array({collectionId, featureId, f}),
                  responses("GeoJSON Feature", kGeoJson, true))}}},
           {"components",
            {{"schemas",
              {{"Problem",
                {{"type", "object"},
                 {"properties",
                  {{"type", {{"type", "string"}}},
                   {"title", {{"type", "string"}}},
                   {"status", {{"type", "integer"}}},
                   {"detail", {{"type", "string"}}}}}}}}}}}};
    if (isPublic) {
        doc["security"] = nlohmann::json::array(); // no login
    } else {
        doc["components"]["securitySchemes"]
            = {{"bearer", {{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "JWT"}}}};
        doc["security"] = {{{"bearer", nlohmann::json::array()}}};
    }
    return doc;
}

void rejectUnknownParameters(const Request &req, const std::vector<std::string> &known)
{
    for (const auto &[name, value] : req.queryMap()) {
        if (std::find(known.begin(), known.end(), name) == known.end())
            throw badParameter(name, "不支持查询参数“" + name + "”");
    }
}

} // namespace

void OgcHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    const bool isPublic = ctx.config().ogcPublic;
    std::vector<std::string> staff;
    for (const auto &r : role::all())
        if (role::isStaff(r))
            staff.push_back(r);
    const auto add = [&](const std::string &pattern, const std::string &summary, Handler handler) {
        RouteBuilder b("GET", pattern);
        b.tag("ogc").summary(summary).handler(std::move(handler));
        if (isPublic)
            b.isPublic();
        else
            b.roles(staff);
        router.add(b.build());
    };

    add("/ogc", "OGC API – Features 服务首页", [](Request &req) {
        negotiate(req, Kind::Json);
        rejectUnknownParameters(req, {"f"});
        const std::string base = baseUrl(req);
        return jsonResponse(
            {{"title", "SPGL 一张蓝图图层服务"},
             {"description",
              "工程建设项目审批管理系统的矢量图层（OGC API – Features），可用 QGIS 或 GDAL 的 OAPIF 读取。"},
             {"links",
              {link(base, "self", kJson, "本页"), link(base + "/api", "service-desc", kOpenApi, "OpenAPI 3.0 文档"),
               link(base + "/conformance", "conformance", kJson, "遵循的标准类"),
               link(base + "/collections", "data", kJson, "图层列表")}}});
    });
    add("/ogc/conformance", "OGC API – Features 遵循的标准类", [](Request &req) {
        negotiate(req, Kind::Json);
        rejectUnknownParameters(req, {"f"});
        return jsonResponse({{"conformsTo",
                              {"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                               "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                               "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"}}});
    });
    add("/ogc/api", "OGC API – Features 的 OpenAPI 3.0 文档", [isPublic](Request &req) {
        negotiate(req, Kind::OpenApi);
        rejectUnknownParameters(req, {"f"});
        return jsonResponse(apiDocument(baseUrl(req), isPublic), kOpenApi);
    });
    add("/ogc/collections", "图层（要素集合）列表", [&ctx](Request &req) {
        negotiate(req, Kind::Json);
        rejectUnknownParameters(req, {"f"});
        const std::string base = baseUrl(req);
        nlohmann::json list = nlohmann::json::array();
        for (const auto &c : ctx.ogc().collections())
            list.push_back(collectionJson(ctx.ogc(), c, base));
        return jsonResponse(
            {{"links", {link(base + "/collections", "self", kJson, "图层列表")}}, {"collections", std::move(list)}});
    });
    add("/ogc/collections/{collectionId}", "图层说明：范围、属性", [&ctx](Request &req) {
        negotiate(req, Kind::Json);
        rejectUnknownParameters(req, {"f"});
        const OgcCollection c = ctx.ogc().collection(req.param("collectionId"));
        return jsonResponse(collectionJson(ctx.ogc(), c, baseUrl(req)));
    });
    add("/ogc/collections/{collectionId}/items", "图层要素（GeoJSON，bbox 过滤，分页）", [&ctx](Request &req) {
        negotiate(req, Kind::GeoJson);
        rejectUnknownParameters(req, {"f", "bbox", "bbox-crs", "limit", "offset", "after", "datetime"});
        OgcFeatures::ItemsQuery q;
        // A limit above the maximum is not an error (OGC API – Features): it is read as the maximum.
        q.limit = std::min(integerParameter(req, "limit", 10, 1, std::numeric_limits<std::int64_t>::max()), kMaxLimit);
        q.offset = integerParameter(req, "offset", 0, 0, kMaxOffset);
        if (req.query("after"))
            q.after = integerParameter(req, "after", 0, std::numeric_limits<std::int64_t>::min(),
                                       std::numeric_limits<std::int64_t>::max());
        if (const auto bbox = req.query("bbox"))
            q.bbox = parseBbox(*bbox);
        if (const auto crs = req.query("bbox-crs"); crs && *crs != kCrs84)
            throw badParameter("bbox-crs", "bbox-crs 只支持 " + std::string(kCrs84));
        if (const auto dt = req.query("datetime"); dt && !validDatetime(*dt))
            throw badParameter("datetime",
                               "datetime 应为 RFC 3339 时间或时间区间（如 2025-01-01/..），收到“" + *dt + "”");
        const OgcCollection c = ctx.ogc().collection(req.param("collectionId"));
        const auto page = ctx.ogc().items(c, q);

        const std::string base = baseUrl(req);
        const std::string items = base + "/collections/" + percentEncode(c.id) + "/items";
        const auto pageUrl = [&](std::int64_t offset, std::optional<std::int64_t> after) {
            std::string url = items + "?limit=" + std::to_string(q.limit) + "&offset=" + std::to_string(offset);
            if (after)
                url += "&after=" + std::to_string(*after);
            if (q.bbox)
                url += "&bbox="
                       + percentEncode(shortest(q.bbox->minLon) + "," + shortest(q.bbox->minLat) + ","
                                       + shortest(q.bbox->maxLon) + "," + shortest(q.bbox->maxLat));
            if (const auto f = req.query("f"))
                url += "&f=" + percentEncode(*f);
            return url;
        };
        nlohmann::json links = {link(pageUrl(q.offset, q.after), "self", kGeoJson, "本页"),
                                link(base + "/collections/" + percentEncode(c.id), "collection", kJson, "图层说明")};
        if (page.numberReturned == q.limit && q.offset + page.numberReturned < page.numberMatched)
            links.push_back(link(pageUrl(q.offset + q.limit, page.lastId), "next", kGeoJson, "下一页"));
        if (q.offset > 0)
            links.push_back(
                link(pageUrl(std::max<std::int64_t>(0, q.offset - q.limit), std::nullopt), "prev", kGeoJson, "上一页"));

        Response r;
        r.contentType = kGeoJson;
        r.header("Vary", "Accept");
        r.body.reserve(page.featuresJson.size() + 1024);
        r.body = R"({"type":"FeatureCollection","numberMatched":)" + std::to_string(page.numberMatched)
                 + R"(,"numberReturned":)" + std::to_string(page.numberReturned) + R"(,"timeStamp":")"
                 + beijing::rfc3339(beijing::nowMs()) + R"(","links":)"
                 + links.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + R"(,"features":)";
        r.body += page.featuresJson;
        r.body += '}';
        return r;
    });
    add("/ogc/collections/{collectionId}/items/{featureId}", "单个要素（GeoJSON）", [&ctx](Request &req) {
        negotiate(req, Kind::GeoJson);
        rejectUnknownParameters(req, {"f"});
        const OgcCollection c = ctx.ogc().collection(req.param("collectionId"));
        std::string feature = ctx.ogc().item(c, req.param("featureId"));
        const std::string base = baseUrl(req);
        const std::string collection = base + "/collections/" + percentEncode(c.id);
        const nlohmann::json links
            = {link(collection + "/items/" + percentEncode(req.param("featureId")), "self", kGeoJson, "本要素"),
               link(collection, "collection", kJson, "图层说明")};
        feature.pop_back(); // the closing brace: the links go in
        Response r;
        r.contentType = kGeoJson;
        r.header("Vary", "Accept");
        r.body = feature + R"(,"links":)" + links.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "}";
        return r;
    });
}

} // namespace spgl::server
