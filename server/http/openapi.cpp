#include "http/openapi.h"

#include <algorithm>
#include <cctype>

namespace spgl::server {

namespace {
std::string operationId(const Route &r)
{
    std::string id;
    for (char c : r.method)
        id.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    bool upper = true;
    const std::string prefix = "/api/v1";
    const std::string path = r.pattern.rfind(prefix, 0) == 0 ? r.pattern.substr(prefix.size()) : r.pattern;
    for (char c : path) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            id.push_back(upper ? char(std::toupper(static_cast<unsigned char>(c))) : c);
            upper = false;
        } else {
            upper = true;
        }
    }
    return id;
}

nlohmann::json problemResponse(const std::string &description)
{
    return {{"description", description},
            {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}
} // namespace

nlohmann::json OpenApi::build(const Router &router, const std::string &version)
{
    nlohmann::json paths = nlohmann::json::object();
    std::vector<std::string> tags;
    for (const Route &r : router.routes()) {
        // Only the REST API: /ogc has its own OpenAPI 3.0 document at /ogc/api (OGC API – Features).
        if (r.pattern.rfind("/api/", 0) != 0)
            continue;
        nlohmann::json op = {{"operationId", operationId(r)},
                             {"summary", r.summary.empty() ? r.method + " " + r.pattern : r.summary},
                             {"tags", {r.tag.empty() ? "misc" : r.tag}}};
        if (!r.description.empty())
            op["description"] = r.description;
        if (std::find(tags.begin(), tags.end(), op["tags"][0]) == tags.end())
            tags.push_back(op["tags"][0]);
        nlohmann::json params = nlohmann::json::array();
        for (size_t pos = 0; (pos = r.pattern.find('{', pos)) != std::string::npos; ++pos) {
            const auto end = r.pattern.find('}', pos);
            params.push_back({{"name", r.pattern.substr(pos + 1, end - pos - 1)},
                              {"in", "path"},
                              {"required", true},
                              {"schema", {{"type", "string"}}}});
        }
        for (const auto &p : r.parameters)
            params.push_back(p);
        if (!params.empty())
            op["parameters"] = params;
        if (!r.requestSchema.is_null()) {
            const std::string type = r.requestSchema.value("x-content-type", std::string("application/json"));
            nlohmann::json schema = r.requestSchema;
            schema.erase("x-content-type");
            op["requestBody"] = {{"required", true}, {"content", {{type, {{"schema", schema}}}}}};
        }
        nlohmann::json responses = nlohmann::json::object();
        nlohmann::json ok = {{"description", "成功"}};
        if (!r.responseSchema.is_null() && r.successStatus != 204 && r.method != "HEAD") {
            const bool binary = r.responseSchema.value("format", "") == "binary";
            const std::string type = r.responseSchema.value(
                "x-content-type", std::string(binary ? "application/octet-stream" : "application/json"));
            nlohmann::json schema = r.responseSchema;
            schema.erase("x-content-type");
            ok["content"] = {{type, {{"schema", schema}}}};
        }
        responses[std::to_string(r.successStatus)] = ok;
        if (r.method == "HEAD")
            responses = {{"200", {{"description", "成功（见响应头）"}}}};
        else
            responses["400"] = problemResponse("请求无效");
        if (!r.isPublic) {
            responses["401"] = problemResponse("未登录或令牌过期");
            responses["403"] = problemResponse("角色无权");
            op["security"] = {{{"bearer", nlohmann::json::array()}}};
            op["x-spgl-roles"] = r.roles.empty() ? nlohmann::json("any") : nlohmann::json(r.roles);
        } else {
            op["security"] = nlohmann::json::array();
            op["x-spgl-roles"] = "public";
        }
        if (r.method != "GET" && r.method != "HEAD")
            responses["422"] = problemResponse("字段校验失败");
        for (const auto &[status, description] : r.problems)
            responses[std::to_string(status)] = problemResponse(description);
        op["responses"] = responses;
        std::string method = r.method;
        std::transform(method.begin(), method.end(), method.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        paths[r.pattern][method] = op;
    }
    nlohmann::json tagList = nlohmann::json::array();
    for (const auto &t : tags)
        tagList.push_back({{"name", t}, {"description", "SPGL " + t}});
    return {
        {"openapi", "3.1.0"},
        {"info",
         {{"title", "SPGL 工程建设项目审批管理系统 API"},
          {"version", version},
          {"description", "REST API v1 of spgl-server: the applicant portal, spgl-desk and outside systems use it."},
          {"license", {{"name", "Proprietary"}, {"identifier", "LicenseRef-SPGL"}}}}},
        {"servers", {{{"url", "/"}}}},
        {"tags", tagList},
        {"paths", paths},
        {"components",
         {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "JWT"}}}}},
          {"schemas",
           {{"Problem",
             {{"type", "object"},
              {"properties",
               {{"type", {{"type", "string"}}},
                {"title", {{"type", "string"}}},
                {"status", {{"type", "integer"}}},
                {"detail", {{"type", "string"}}},
                {"errors",
                 {{"type", "array"},
                  {"items",
                   {{"type", "object"},
                    {"properties",
                     {{"field", {{"type", "string"}}},
                      {"code", {{"type", "string"}}},
                      {"message", {{"type", "string"}}}}}}}}}}}}}}}}}};
}

} // namespace spgl::server
