#include "http/handlers/calendarhandlers.h"

#include "app/servercontext.h"
#include "calendar/dates.h"
#include "core/beijingtime.h"
#include "http/apierror.h"

namespace spgl::server {

namespace {
using nlohmann::json;

json dateSchema()
{
    return {{"type", "string"}, {"format", "date"}};
}

json nullableString()
{
    return {{"type", {"string", "null"}}};
}

/// The JSON form of one year of a layer, as in resources/calendar/*.json.
json layerYearSchema()
{
    return {{"type", "object"},
            {"properties",
             {{"year", {{"type", "integer"}}},
              {"source", {{"type", "string"}}},
              {"confirmed", {{"type", "boolean"}}},
              {"holidays",
               {{"type", "array"},
                {"items",
                 {{"type", "object"},
                  {"required", {"name", "from", "to"}},
                  {"properties",
                   {{"name", {{"type", "string"}}},
                    {"from", dateSchema()},
                    {"to", dateSchema()},
                    {"note", {{"type", "string"}}}}}}}}},
              {"workdays",
               {{"type", "array"},
                {"items",
                 {{"type", "object"},
                  {"required", {"name", "date"}},
                  {"properties",
                   {{"name", {{"type", "string"}}}, {"date", dateSchema()}, {"note", {{"type", "string"}}}}}}}}}}}};
}

json editSchema()
{
    return {{"type", "object"},
            {"required", {"layer", "id", "year", "version", "changed", "data"}},
            {"properties",
             {{"layer", {{"type", "string"}}},
              {"id", {{"type", "string"}}},
              {"year", {{"type", "integer"}}},
              {"version", {{"type", "integer"}}},
              {"changed", {{"type", "boolean"}}},
              {"data", layerYearSchema()},
              {"updated_by", {{"type", "string"}}},
              {"updated_at", nullableString()}}}};
}

json queryParam(const std::string &name, json schema, const std::string &description, bool required = false)
{
    return {{"name", name}, {"in", "query"}, {"required", required}, {"description", description}, {"schema", schema}};
}

json timestamp(std::int64_t ms)
{
    return ms > 0 ? json(beijing::rfc3339(ms)) : json(nullptr);
}

json dates(const std::vector<CalendarService::Date> &days)
{
    json out = json::array();
    for (const auto &d : days)
        out.push_back(isoDate(d));
    return out;
}

json editJson(const CalendarService::Edit &e)
{
    return {{"layer", e.key},
            {"id", e.id},
            {"year", e.year},
            {"version", e.version},
            {"changed", e.changed},
            {"data", e.data},
            {"updated_by", e.updatedBy},
            {"updated_at", timestamp(e.updatedAt)}};
}

json layerYearJson(const CalendarService::LayerYear &l)
{
    json holidays = json::array();
    json periods = json::array();
    json workdays = json::array();
    if (l.entry) {
        for (const auto &h : l.entry->holidays) {
            json period = {{"name", h.name}, {"from", isoDate(h.from)}, {"to", isoDate(h.to)}};
            if (!h.note.empty())
                period["note"] = h.note;
            periods.push_back(period);
            for (auto d = std::chrono::sys_days{h.from}; d <= std::chrono::sys_days{h.to}; d += std::chrono::days{1})
                holidays.push_back({{"date", isoDate(CalendarService::Date{d})}, {"name", h.name}});
        }
        for (const auto &w : l.entry->workdays) {
            json day = {{"date", isoDate(w.date)}, {"name", w.name}};
            if (!w.note.empty())
                day["note"] = w.note;
            workdays.push_back(day);
        }
    }
    return {{"layer", l.key},
            {"id", l.id},
            {"name", l.name},
            {"region_prefix", l.regionPrefix},
            {"known", l.entry.has_value()},
            {"source", l.entry ? json(l.entry->source) : json(nullptr)},
            {"confirmed", l.entry ? l.entry->confirmed : false},
            {"version", l.version},
            {"periods", periods},
            {"holidays", holidays},
            {"workdays", workdays}};
}

std::string auditTarget(const Request &req)
{
    return "calendar:" + req.param("layer") + ":" + req.param("year");
}
} // namespace

void CalendarHandlers::registerRoutes(Router &router, ServerContext &ctx)
{
    const json regionParam = queryParam("region", {{"type", "string"}, {"pattern", "^[0-9]{6}$"}},
                                        "行政区划代码（6位）：适用覆盖该代码的地区日历图层；不填则只用全国日历");

    Route deadline;
    deadline.method = "GET";
    deadline.pattern = "/api/v1/calendar/deadline";
    deadline.isPublic = true;
    deadline.tag = "calendar";
    deadline.summary = "期限计算：从起算日次日起数 days 个工作日（或自然日）的最后一天";
    deadline.parameters
        = {queryParam("start", {{"type", "string"}},
                      "起算日：YYYY-MM-DD 或 RFC 3339 时间（取其北京时间的日期），当天不计入", true),
           queryParam("days", {{"type", "integer"}, {"minimum", 0}, {"maximum", CalendarService::kMaxDays}}, "期限天数",
                      true),
           queryParam("unit", {{"type", "string"}, {"enum", {"workday", "day"}}, {"default", "workday"}},
                      "workday 工作日；day 自然日（末日为休息日时顺延至下一个工作日）"),
           regionParam};
    deadline.responseSchema = {{"type", "object"},
                               {"required", {"deadline", "workdays", "covered"}},
                               {"properties",
                                {{"deadline", dateSchema()},
                                 {"workdays", {{"type", "array"}, {"items", dateSchema()}}},
                                 {"start", dateSchema()},
                                 {"days", {{"type", "integer"}}},
                                 {"unit", {{"type", "string"}, {"enum", {"workday", "day"}}}},
                                 {"region", nullableString()},
                                 {"covered", {{"type", "boolean"}}},
                                 {"postponed", {{"type", "boolean"}}}}}};
    deadline.handler = [&ctx](Request &req) {
        const auto d
            = ctx.calendar().deadline(req.query("start"), req.query("days"), req.query("unit"), req.query("region"));
        return Response::json({{"deadline", isoDate(d.deadline)},
                               {"workdays", dates(d.counts)},
                               {"start", isoDate(d.start)},
                               {"days", d.days},
                               {"unit", d.unit},
                               {"region", d.region.empty() ? json(nullptr) : json(d.region)},
                               {"covered", d.covered},
                               {"postponed", d.postponed}});
    };
    deadline.problems = {{422, "参数取值无效（日期不存在、天数超出范围、单位或行政区划代码无效）"}};
    router.add(std::move(deadline));

    Route ics;
    ics.method = "GET";
    ics.pattern = "/api/v1/calendar/{year}.ics";
    ics.isPublic = true;
    ics.tag = "calendar";
    ics.summary = "导出一个日历图层某年的放假和调休上班安排（iCalendar）";
    ics.parameters = {queryParam("layer", {{"type", "string"}, {"enum", {"national", "xj"}}, {"default", "national"}},
                                 "national 全国节假日；xj 新疆少数民族习惯节日")};
    ics.responseSchema = {{"type", "string"}, {"x-content-type", "text/calendar"}};
    ics.handler = [&ctx](Request &req) {
        std::string fileName;
        Response r;
        r.body = ctx.calendar().exportIcs(req.param("year"), req.query("layer"), fileName);
        r.contentType = "text/calendar; charset=utf-8";
        std::string disposition = "attachment; filename=\"";
        disposition += fileName;
        disposition += '"';
        r.headers.resize(r.headers.size() + 1);
        r.headers.back().first = "Content-Disposition";
        r.headers.back().second = std::move(disposition);
        return r;
    };
    ics.problems = {{404, "该图层没有这一年的数据"}, {422, "年份或图层无效"}};
    router.add(std::move(ics));

    Route year;
    year.method = "GET";
    year.pattern = "/api/v1/calendar/{year}";
    year.isPublic = true;
    year.tag = "calendar";
    year.summary = "某年的放假日和调休上班日（全国，及适用于该地区的地区图层）";
    year.parameters = {regionParam};
    year.responseSchema
        = {{"type", "object"},
           {"required", {"year", "covered", "layers"}},
           {"properties",
            {{"year", {{"type", "integer"}}},
             {"region", nullableString()},
             {"covered", {{"type", "boolean"}}},
             {"layers",
              {{"type", "array"},
               {"items",
                {{"type", "object"},
                 {"properties",
                  {{"layer", {{"type", "string"}}},
                   {"id", {{"type", "string"}}},
                   {"name", {{"type", "string"}}},
                   {"region_prefix", {{"type", "string"}}},
                   {"known", {{"type", "boolean"}}},
                   {"source", nullableString()},
                   {"confirmed", {{"type", "boolean"}}},
                   {"version", {{"type", "integer"}}},
                   {"periods", layerYearSchema()["properties"]["holidays"]},
                   {"holidays",
                    {{"type", "array"},
                     {"items",
                      {{"type", "object"}, {"properties", {{"date", dateSchema()}, {"name", {{"type", "string"}}}}}}}}},
                   {"workdays", layerYearSchema()["properties"]["workdays"]}}}}}}}}}};
    year.handler = [&ctx](Request &req) {
        const auto view = ctx.calendar().year(req.param("year"), req.query("region"));
        json layers = json::array();
        for (const auto &l : view.layers)
            layers.push_back(layerYearJson(l));
        return Response::json({{"year", view.year},
                               {"region", view.region.empty() ? json(nullptr) : json(view.region)},
                               {"covered", view.covered},
                               {"layers", layers}});
    };
    year.problems = {{422, "年份或行政区划代码无效"}};
    router.add(std::move(year));

    json putBody = layerYearSchema();
    putBody["properties"]["expected_version"] = {{"type", "integer"}, {"minimum", 0}};
    Route put;
    put.method = "PUT";
    put.pattern = "/api/v1/admin/calendar/{layer}/{year}";
    put.roles = {role::Admin};
    put.tag = "calendar";
    put.summary = "修改一个日历图层某年的安排（新版本；不能更改今天及以前的日期）";
    put.requestSchema = putBody;
    put.responseSchema = editSchema();
    put.handler = [&ctx](Request &req) {
        req.audit().setTarget(auditTarget(req));
        const auto edit
            = ctx.calendar().putYear(req.param("layer"), req.param("year"), req.json(), req.principal().username);
        return Response::json(editJson(edit));
    };
    put.problems = {{404, "没有这个日历图层"}, {409, "expected_version 与当前版本不一致（附当前数据）"}};
    router.add(std::move(put));

    Route importIcs;
    importIcs.method = "POST";
    importIcs.pattern = "/api/v1/admin/calendar/{layer}/{year}/import";
    importIcs.roles = {role::Admin};
    importIcs.tag = "calendar";
    importIcs.summary = "从 iCalendar 文件导入并替换一个日历图层某年的安排（新版本）";
    importIcs.parameters = {queryParam("expected_version", {{"type", "integer"}, {"minimum", 0}},
                                       "当前版本号；与服务器上的不一致时返回 409")};
    importIcs.requestSchema = {{"type", "string"}, {"x-content-type", "text/calendar"}};
    importIcs.responseSchema = editSchema();
    importIcs.handler = [&ctx](Request &req) {
        req.audit().setTarget(auditTarget(req));
        const std::string type = req.header("Content-Type");
        if (type.rfind("text/calendar", 0) != 0 && type.rfind("text/plain", 0) != 0)
            throw ApiError::unsupportedMediaType("请求体应为 iCalendar 文件（Content-Type: text/calendar），收到的是“"
                                                 + (type.empty() ? std::string("未声明") : type) + "”");
        const auto edit = ctx.calendar().importIcs(req.param("layer"), req.param("year"), req.body(),
                                                   req.query("expected_version"), req.principal().username);
        return Response::json(editJson(edit));
    };
    importIcs.problems = {{404, "没有这个日历图层"},
                          {409, "expected_version 与当前版本不一致（附当前数据）"},
                          {415, "请求体不是 text/calendar"}};
    router.add(std::move(importIcs));

    Route versions;
    versions.method = "GET";
    versions.pattern = "/api/v1/admin/calendar/{layer}/{year}/versions";
    versions.roles = {role::Admin};
    versions.tag = "calendar";
    versions.summary = "一个日历图层某年的全部版本（最新在前；第1版为随程序发布的数据）";
    versions.responseSchema
        = {{"type", "object"},
           {"required", {"layer", "year", "current_version", "items"}},
           {"properties",
            {{"layer", {{"type", "string"}}},
             {"id", {{"type", "string"}}},
             {"year", {{"type", "integer"}}},
             {"current_version", {{"type", "integer"}}},
             {"items",
              {{"type", "array"},
               {"items",
                {{"type", "object"},
                 {"properties",
                  {{"version", {{"type", "integer"}}},
                   {"builtin", {{"type", "boolean"}}},
                   {"action", {{"type", "string"}, {"enum", {"builtin", "edit", "import", "revert"}}}},
                   {"based_on", {{"type", {"integer", "null"}}}},
                   {"updated_by", {{"type", "string"}}},
                   {"updated_at", nullableString()},
                   {"data", layerYearSchema()}}}}}}}}}};
    versions.handler = [&ctx](Request &req) {
        const auto v = ctx.calendar().versions(req.param("layer"), req.param("year"));
        json items = json::array();
        for (const auto &item : v.items)
            items.push_back({{"version", item.version},
                             {"builtin", item.builtin},
                             {"action", item.action},
                             {"based_on", item.basedOn ? json(*item.basedOn) : json(nullptr)},
                             {"updated_by", item.updatedBy},
                             {"updated_at", timestamp(item.updatedAt)},
                             {"data", item.data}});
        return Response::json(
            {{"layer", v.key}, {"id", v.id}, {"year", v.year}, {"current_version", v.current}, {"items", items}});
    };
    versions.problems = {{404, "该图层没有这一年的数据"}, {422, "年份无效"}};
    router.add(std::move(versions));

    Route revert;
    revert.method = "POST";
    revert.pattern = "/api/v1/admin/calendar/{layer}/{year}/revert";
    revert.roles = {role::Admin};
    revert.tag = "calendar";
    revert.summary = "恢复某个旧版本（作为新版本保存；不能更改今天及以前的日期）";
    revert.requestSchema = {{"type", "object"},
                            {"required", {"version"}},
                            {"properties",
                             {{"version", {{"type", "integer"}, {"minimum", 1}}},
                              {"expected_version", {{"type", "integer"}, {"minimum", 0}}}}}};
    revert.responseSchema = editSchema();
    revert.handler = [&ctx](Request &req) {
        req.audit().setTarget(auditTarget(req));
        const auto edit
            = ctx.calendar().revert(req.param("layer"), req.param("year"), req.json(), req.principal().username);
        return Response::json(editJson(edit));
    };
    revert.problems = {{404, "没有这个版本"}, {409, "expected_version 与当前版本不一致（附当前数据）"}};
    router.add(std::move(revert));
} // namespace spgl::server

} // namespace spgl::server
