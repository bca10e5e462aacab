#include "services/catalogservice.h"

#include "auth/tokenservice.h"
#include "core/beijingtime.h"
#include "http/apierror.h"
#include "services/requestaudit.h"
#include "storage/embeddedfile.h"

#include <Poco/Logger.h>

namespace spgl::server {

using nlohmann::json;

namespace {

const char *table(CatalogService::Kind kind)
{
    switch (kind) {
    case CatalogService::Kind::Item:
        return "catalog_items";
    case CatalogService::Kind::Process:
        return "catalog_processes";
    case CatalogService::Kind::Form:
        return "catalog_forms";
    }
    return "catalog_items";
}

const char *docKey(CatalogService::Kind kind)
{
    switch (kind) {
    case CatalogService::Kind::Item:
        return "items";
    case CatalogService::Kind::Process:
        return "processes";
    case CatalogService::Kind::Form:
        return "forms";
    }
    return "items";
}

std::string_view unitText(Clock::Unit unit)
{
    return unit == Clock::Unit::Day ? "day" : "workday";
}

ApiError catalogErrors(const Errors &errors)
{
    return ApiError(422, "catalog", "目录定义有误", "目录定义未通过检查：" + errors.front().message, errors);
}

void insertRow(Connection &c, CatalogService::Kind kind, const json &def, std::int64_t now)
{
    const std::string status = def.value("status", "draft");
    const std::optional<std::int64_t> published = status == "draft" ? std::nullopt : std::optional(now);
    switch (kind) {
    case CatalogService::Kind::Item:
        c.execute("INSERT INTO catalog_items (code, version, status, name, department, data, created_at, published_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  {def.value("code", ""), def.value("version", ""), status, def.value("name", ""),
                   def.value("department", ""), def.dump(), now, sqlOptional(published)});
        break;
    case CatalogService::Kind::Process:
        c.execute("INSERT INTO catalog_processes (code, version, status, name, process_type, region_code, data, "
                  "created_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {def.value("code", ""), def.value("version", ""), status, def.value("name", ""),
                   std::int64_t(def.value("process_type", 0)), def.value("region_code", ""), def.dump(), now,
                   sqlOptional(published)});
        break;
    case CatalogService::Kind::Form:
        c.execute("INSERT INTO catalog_forms (code, version, status, data, created_at) VALUES (?, ?, ?, ?, ?)",
                  {def.value("code", ""), def.value("version", ""), status, def.dump(), now});
        break;
    }
}

void bumpRevision(Connection &c)
{
    const std::string revision = std::to_string(beijing::nowMs());
    if (c.execute("UPDATE settings SET value = ? WHERE key = 'catalog_revision'", {revision}) == 0)
        c.execute("INSERT INTO settings (key, value) VALUES ('catalog_revision', ?)", {revision});
}

json materialsView(const ItemDefinition &item)
{
    json out = json::array();
    for (const auto &m : item.materials) {
        json v = {{"code", m.code},
                  {"name", m.name},
                  {"requirement", m.requirement == MaterialDefinition::Requirement::Required   ? "required"
                                  : m.requirement == MaterialDefinition::Requirement::Optional ? "optional"
                                                                                               : "tolerable"},
                  {"form", m.form},
                  {"copies", m.copies},
                  {"note", m.note}};
        // The portal evaluates it like the engine: over {"form", "project": blueprint facts}.
        if (!m.requiredIf.is_null())
            v["required_if"] = m.requiredIf;
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace

CatalogService::CatalogService(Database &db)
    : m_db(db)
{}

std::optional<CatalogService::Kind> CatalogService::kindFromPath(const std::string &segment)
{
    if (segment == "items")
        return Kind::Item;
    if (segment == "processes")
        return Kind::Process;
    if (segment == "forms")
        return Kind::Form;
    return std::nullopt;
}

void CatalogService::initialize()
{
    const bool empty = m_db.read([](Connection &c) {
        return c.queryOne("SELECT 1 FROM catalog_processes").has_value()
                   ? false
                   : !c.queryOne("SELECT 1 FROM catalog_items").has_value();
    });
    if (empty) {
        Catalog shipped;
        for (const auto &file : catalogFiles()) {
            json doc = json::parse(file.content, nullptr, false);
            if (doc.is_discarded())
                throw std::runtime_error("shipped catalog " + std::string(file.name) + " is not valid JSON");
            if (auto s = shipped.merge(doc); !s.ok())
                throw std::runtime_error("shipped catalog " + std::string(file.name) + ": " + s.error().field + " "
                                         + s.error().message);
        }
        if (const Errors errors = shipped.validate(); !errors.empty())
            throw std::runtime_error("shipped catalog is inconsistent: " + errors.front().field + " "
                                     + errors.front().message);
        const json doc = shipped.toJson();
        const std::int64_t now = beijing::nowMs();
        m_db.write([&](Connection &c) {
            if (c.queryOne("SELECT 1 FROM catalog_items"))
                return; // another instance seeded meanwhile
            for (Kind kind : {Kind::Item, Kind::Process, Kind::Form})
                for (const auto &def : doc.value(docKey(kind), json::array()))
                    insertRow(c, kind, def, now);
            bumpRevision(c);
        });
        Poco::Logger::get("spgl").information("catalog seeded: %z items, %z processes, %z forms",
                                              shipped.items().size(), shipped.processes().size(),
                                              shipped.forms().size());
    }
    load();
}

void CatalogService::load()
{
    auto [doc, revision] = m_db.read([](Connection &c) {
        json d = {{"items", json::array()}, {"processes", json::array()}, {"forms", json::array()}};
        for (Kind kind : {Kind::Item, Kind::Process, Kind::Form})
            for (const auto &row : c.query(std::string("SELECT data, status FROM ") + table(kind))) {
                json def = json::parse(row.text(0), nullptr, false);
                if (def.is_discarded())
                    continue;
                def["status"] = row.text(1);
                d[docKey(kind)].push_back(std::move(def));
            }
        const auto rev = c.queryOne("SELECT value FROM settings WHERE key = 'catalog_revision'");
        return std::pair{d, rev ? rev->text(0) : std::string()};
    });
    auto parsed = Catalog::fromJson(doc);
    if (!parsed.ok())
        throw std::runtime_error("stored catalog is unreadable: " + parsed.error().field + " "
                                 + parsed.error().message);
    std::lock_guard lock(m_mutex);
    m_catalog = std::make_shared<const Catalog>(std::move(parsed).value());
    m_revision = revision;
    m_checked = std::chrono::steady_clock::now();
}

std::shared_ptr<const Catalog> CatalogService::catalog()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_catalog && std::chrono::steady_clock::now() - m_checked < std::chrono::seconds(2))
            return m_catalog;
        m_checked = std::chrono::steady_clock::now();
    }
    const std::string revision = m_db.read([](Connection &c) {
        const auto row = c.queryOne("SELECT value FROM settings WHERE key = 'catalog_revision'");
        return row ? row->text(0) : std::string();
    });
    {
        std::lock_guard lock(m_mutex);
        if (m_catalog && revision == m_revision)
            return m_catalog;
    }
    load();
    std::lock_guard lock(m_mutex);
    return m_catalog;
}

ItemResolver CatalogService::resolver(std::shared_ptr<const Catalog> catalog)
{
    return [catalog = std::move(catalog)](std::string_view code, std::string_view version) {
        return catalog->item(code, version);
    };
}

json CatalogService::createDraft(Kind kind, const json &body)
{
    if (!body.is_object())
        throw ApiError::badRequest("请求体应为 JSON 对象");
    json def = body;
    def["status"] = "draft";
    // Check the definition on its own first, with the catalog's own reader.
    Catalog probe;
    json doc = {{docKey(kind), json::array({def})}};
    if (auto s = probe.merge(doc); !s.ok())
        throw catalogErrors({s.error()});
    const std::string code = def.value("code", "");
    const std::string version = def.value("version", "");
    auto current = catalog();
    const bool exists = kind == Kind::Item      ? current->item(code, version) != nullptr
                        : kind == Kind::Process ? current->process(code, version) != nullptr
                                                : current->form(code, version) != nullptr;
    if (exists)
        throw ApiError::conflict("版本 " + code + " " + version + " 已存在；请使用新的版本号");
    // Normalized JSON, as the catalog writes it.
    const json normalized = probe.toJson()[docKey(kind)][0];
    m_db.write([&](Connection &c) {
        insertRow(c, kind, normalized, beijing::nowMs());
        bumpRevision(c);
        RequestAudit::record(c, std::string("catalog:") + docKey(kind) + ":" + code + "@" + version);
    });
    load();
    return normalized;
}

json CatalogService::setStatus(Kind kind, const std::string &code, const std::string &version,
                               const std::string &status)
{
    const auto target = definitionStatusFromString(status);
    if (!target)
        throw ApiError::validation({{"catalog.status", "状态应为 draft、published 或 retired", "status"}});
    auto current = catalog();
    json doc = current->toJson();
    bool found = false;
    std::string previous;
    for (auto &def : doc[docKey(kind)])
        if (def.value("code", "") == code && def.value("version", "") == version) {
            previous = def.value("status", "");
            def["status"] = status;
            found = true;
        }
    if (!found)
        throw ApiError::notFound("目录中没有 " + code + " " + version);
    if (previous == status)
        return json{{"code", code}, {"version", version}, {"status", status}};
    if (*target == DefinitionStatus::Draft)
        throw ApiError::conflict("已发布或已废止的版本不能改回草稿；请新建版本");
    if (*target == DefinitionStatus::Published && previous == "retired")
        throw ApiError::conflict("已废止的版本不能重新发布；请新建版本");
    // Checked against what is in force afterwards: the other drafts are nobody's business yet (an
    // unfinished draft of another definition must not block this publication), and a published
    // definition may not lean on a draft.
    if (*target == DefinitionStatus::Published)
        for (Kind k : {Kind::Item, Kind::Process, Kind::Form}) {
            json kept = json::array();
            for (auto &def : doc[docKey(k)])
                if (def.value("status", "") != "draft")
                    kept.push_back(std::move(def));
            doc[docKey(k)] = std::move(kept);
        }
    auto next = Catalog::fromJson(doc);
    if (!next.ok())
        throw catalogErrors({next.error()});
    if (*target == DefinitionStatus::Published)
        if (const Errors errors = next.value().validate(); !errors.empty())
            throw catalogErrors(errors);
    m_db.write([&](Connection &c) {
        const std::int64_t now = beijing::nowMs();
        if (kind == Kind::Form)
            c.execute("UPDATE catalog_forms SET status = ? WHERE code = ? AND version = ?", {status, code, version});
        else
            c.execute(std::string("UPDATE ") + table(kind)
                          + " SET status = ?, published_at = COALESCE(published_at, ?) WHERE code = ? AND version = ?",
                      {status, now, code, version});
        bumpRevision(c);
        RequestAudit::record(c);
    });
    load();
    return json{{"code", code}, {"version", version}, {"status", status}, {"previous", previous}};
}

json CatalogService::versions(Kind kind, const std::string &code)
{
    json items = json::array();
    m_db.read([&](Connection &c) {
        const std::string sql = std::string("SELECT version, status, created_at, ")
                                + (kind == Kind::Form ? "NULL" : "published_at") + " FROM " + table(kind)
                                + " WHERE code = ?";
        for (const auto &row : c.query(sql, {code}))
            items.push_back({{"version", row.text(0)},
                             {"status", row.text(1)},
                             {"created_at", beijing::rfc3339(row.integer(2))},
                             {"published_at", row.isNull(3) ? json(nullptr) : json(beijing::rfc3339(row.integer(3)))}});
    });
    if (items.empty())
        throw ApiError::notFound("目录中没有 " + code);
    std::sort(items.begin(), items.end(), [](const json &a, const json &b) {
        return Catalog::compareVersions(a["version"].get<std::string>(), b["version"].get<std::string>()) > 0;
    });
    return json{{"code", code}, {"items", items}};
}

json CatalogService::processesView()
{
    auto current = catalog();
    json items = json::array();
    for (const ProcessDefinition *p : current->publishedProcesses()) {
        json stages = json::array();
        for (const auto &s : p->stages) {
            json stageItems = json::array();
            for (const auto &ref : s.items) {
                const ItemDefinition *item = current->item(ref.code, ref.version);
                stageItems.push_back({{"code", ref.code},
                                      {"version", ref.version},
                                      {"milestone", ref.milestone},
                                      {"name", item ? item->name : ""},
                                      {"department", item ? item->department : ""},
                                      {"promised_limit", item ? item->promisedLimit : 0},
                                      {"promised_unit", unitText(item ? item->promisedUnit : Clock::Unit::Workday)},
                                      {"statutory_limit", item ? item->statutoryLimit : 0},
                                      {"statutory_unit", unitText(item ? item->statutoryUnit : Clock::Unit::Workday)}});
            }
            stages.push_back({{"seq", s.seq},
                              {"national_seq", s.nationalSeq},
                              {"code", s.code},
                              {"name", s.name},
                              {"lead_department", s.leadDepartment},
                              {"limit", s.limit},
                              {"unit", unitText(s.unit)},
                              {"completion", int(s.completion)},
                              {"form", {{"code", s.formCode}, {"version", s.formVersion}}},
                              {"items", stageItems}});
        }
        items.push_back({{"code", p->code},
                         {"version", p->version},
                         {"name", p->name},
                         {"process_type", p->processType},
                         {"region_code", p->regionCode},
                         {"effective_date", p->effectiveDate},
                         {"description", p->description},
                         {"stages", stages}});
    }
    return json{{"items", items}};
}

json CatalogService::itemView(const std::string &code, const std::optional<std::string> &version)
{
    auto current = catalog();
    const ItemDefinition *item = version ? current->item(code, *version) : current->latestItem(code);
    if (!item)
        throw ApiError::notFound("没有这个审批事项：" + code);
    json out = itemToJson(*item);
    out["materials"] = materialsView(*item);
    // Where the item is used: process, stage and its unified form.
    json usedIn = json::array();
    for (const ProcessDefinition *p : current->publishedProcesses())
        for (const auto &s : p->stages)
            for (const auto &ref : s.items)
                if (ref.code == item->code && ref.version == item->version)
                    usedIn.push_back({{"process_code", p->code},
                                      {"process_version", p->version},
                                      {"stage", s.seq},
                                      {"stage_name", s.name},
                                      {"form", {{"code", s.formCode}, {"version", s.formVersion}}}});
    out["used_in"] = usedIn;
    return out;
}

json CatalogService::formView(const std::string &code, const std::optional<std::string> &version)
{
    auto current = catalog();
    const FormDefinition *form = version ? current->form(code, *version) : current->latestForm(code);
    if (!form)
        throw ApiError::notFound("没有这个表单：" + code);
    return form->toJson();
}

std::shared_ptr<const CatalogService::RenderedGuides>
CatalogService::renderedGuides(const std::optional<std::string> &stage, const std::optional<std::string> &processType,
                               const std::optional<std::string> &versions)
{
    const auto current = catalog();
    const auto part = [](const std::optional<std::string> &v) { return v ? "=" + *v : std::string("-"); };
    const std::string key = part(stage) + '\n' + part(processType) + '\n' + part(versions);
    {
        std::lock_guard lock(m_guidesMutex);
        if (m_guidesCatalog != current) {
            m_guides.clear();
            m_guidesCatalog = current;
        }
        if (const auto it = m_guides.find(key); it != m_guides.end())
            return it->second;
    }
    // A query that is refused throws here and keeps nothing.
    auto rendered = std::make_shared<RenderedGuides>();
    rendered->text = guidesOf(*current, stage, processType, versions)
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    rendered->sha256 = TokenService::sha256Hex(rendered->text);
    std::lock_guard lock(m_guidesMutex);
    if (m_guidesCatalog == current) {
        // Queries are few (stage, process type, versions), but spelled variously ("1", "01").
        if (m_guides.size() >= kGuidesKept)
            m_guides.clear();
        m_guides.emplace(key, rendered);
    }
    return rendered;
}

json CatalogService::guidesOf(const Catalog &current, const std::optional<std::string> &stage,
                              const std::optional<std::string> &processType, const std::optional<std::string> &versions)
{
    auto parseSmall = [](const std::optional<std::string> &text, const char *field, int max) -> std::optional<int> {
        if (!text)
            return std::nullopt;
        if (text->empty() || text->size() > 2 || !std::all_of(text->begin(), text->end(), ::isdigit)
            || std::stoi(*text) < 1 || std::stoi(*text) > max)
            throw ApiError::validation(
                {{"query.range", std::string(field) + " 应为 1–" + std::to_string(max) + " 的整数", field}});
        return std::stoi(*text);
    };
    const auto wantStage = parseSmall(stage, "stage", 5);
    const auto wantType = parseSmall(processType, "process_type", 10);
    if (versions && *versions != "latest" && *versions != "all")
        throw ApiError::validation({{"query.enum", "versions 应为 latest 或 all", "versions"}});
    const bool every = versions && *versions == "all";
    json items = json::array();
    for (const ProcessDefinition *p : every ? current.processes() : current.publishedProcesses()) {
        if (wantType && p->processType != *wantType)
            continue;
        if (p->status == DefinitionStatus::Draft)
            continue;
        const bool latest = current.latestProcess(p->code) == p;
        for (const auto &s : p->stages) {
            if (wantStage && s.seq != *wantStage)
                continue;
            json stageItems = json::array();
            for (const auto &ref : s.items) {
                const ItemDefinition *item = current.item(ref.code, ref.version);
                if (!item)
                    continue;
                stageItems.push_back({{"code", item->code},
                                      {"version", item->version},
                                      {"name", item->name},
                                      {"department", item->department},
                                      {"promised_limit", item->promisedLimit},
                                      {"promised_unit", unitText(item->promisedUnit)},
                                      {"statutory_limit", item->statutoryLimit},
                                      {"statutory_unit", unitText(item->statutoryUnit)},
                                      {"tolerance_allowed", item->toleranceAllowed},
                                      {"commitment_allowed", item->commitmentAllowed},
                                      {"result_name", item->resultName},
                                      {"legal_basis", item->legalBasis},
                                      {"applies_if", item->appliesIf},
                                      {"materials", materialsView(*item)}});
            }
            const FormDefinition *form = current.form(s.formCode, s.formVersion);
            items.push_back({{"process_code", p->code},
                             {"process_version", p->version},
                             {"process_name", p->name},
                             {"process_type", p->processType},
                             {"region_code", p->regionCode},
                             {"status", toString(p->status)},
                             {"latest", latest},
                             {"stage", s.seq},
                             {"stage_name", s.name},
                             {"lead_department", s.leadDepartment},
                             {"limit", s.limit},
                             {"unit", unitText(s.unit)},
                             {"form", form ? form->toJson() : json(nullptr)},
                             {"items", stageItems}});
        }
    }
    return json{{"items", items}};
}

} // namespace spgl::server
