#include "workflow/catalog.h"

#include "domain/regioncode.h"
#include "forms/jsonreader.h"

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

namespace spgl {

namespace {
using json = nlohmann::json;
const std::string kPrefix = "catalog";

std::string_view unitText(Clock::Unit unit)
{
    return unit == Clock::Unit::Day ? "day" : "workday";
}

bool readUnit(JsonReader &r, std::string_view key, Clock::Unit &out)
{
    std::string text = std::string(unitText(out));
    if (!r.string(key, text))
        return false;
    if (text == "workday")
        out = Clock::Unit::Workday;
    else if (text == "day")
        out = Clock::Unit::Day;
    else
        return r.fail(key, "unit", "时限单位“" + displayKey(text) + "”应为 workday（工作日）或 day（自然日）");
    return true;
}

bool readStatus(JsonReader &r, DefinitionStatus &out)
{
    std::string text = std::string(toString(out));
    if (!r.string("status", text))
        return false;
    const auto status = definitionStatusFromString(text);
    if (!status)
        return r.fail("status", "status", "状态“" + displayKey(text) + "”应为 draft、published 或 retired");
    out = *status;
    return true;
}

bool readVersion(JsonReader &r, std::string &out)
{
    if (!r.string("version", out, JsonReader::Required))
        return false;
    if (!Catalog::isVersion(out))
        return r.fail("version", "version", "版本号“" + displayKey(out) + "”应为十进制数字，如 1.0");
    return true;
}

std::string indexed(const std::string &path, std::string_view key, std::size_t i)
{
    std::string out = path.empty() ? std::string(key) : path + '.' + std::string(key);
    return out + '[' + std::to_string(i) + ']';
}

std::string_view requirementText(MaterialDefinition::Requirement r)
{
    switch (r) {
    case MaterialDefinition::Requirement::Optional:
        return "optional";
    case MaterialDefinition::Requirement::Tolerable:
        return "tolerable";
    case MaterialDefinition::Requirement::Required:
        break;
    }
    return "required";
}

bool validDate(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (s[i] < '0' || s[i] > '9')
            return false;
    }
    const int y = std::stoi(std::string(s.substr(0, 4)));
    const unsigned m = unsigned(std::stoi(std::string(s.substr(5, 2))));
    const unsigned d = unsigned(std::stoi(std::string(s.substr(8, 2))));
    return y >= 1900
           && std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}.ok();
}

std::string key(const std::string &code, const std::string &version)
{
    return code + '@' + version;
}

/// The form field names a rule reads through {"var": "form.<name>…"}.
void formVars(const json &rule, std::set<std::string> &out)
{
    if (rule.is_array()) {
        for (const auto &e : rule)
            formVars(e, out);
        return;
    }
    if (!rule.is_object())
        return;
    for (auto it = rule.begin(); it != rule.end(); ++it) {
        if (it.key() == "var") {
            const json &arg = it->is_array() && !it->empty() ? (*it)[0] : *it;
            if (arg.is_string()) {
                const auto &name = arg.get_ref<const std::string &>();
                if (name.rfind("form.", 0) == 0) {
                    const auto rest = name.substr(5);
                    out.insert(rest.substr(0, rest.find('.')));
                }
            }
        }
        formVars(it.value(), out);
    }
}

template<typename Map>
auto *findVersion(const Map &map, std::string_view code, std::string_view version)
{
    using T = typename Map::mapped_type::mapped_type;
    const T *none = nullptr;
    const auto c = map.find(code);
    if (c == map.end())
        return none;
    const auto v = c->second.find(std::string(version));
    return v == c->second.end() ? none : &v->second;
}

template<typename Map, typename Published>
auto *findLatest(const Map &map, std::string_view code, Published published)
{
    using T = typename Map::mapped_type::mapped_type;
    const T *none = nullptr;
    const auto c = map.find(code);
    if (c == map.end())
        return none;
    for (auto it = c->second.rbegin(); it != c->second.rend(); ++it) {
        if (published(it->second))
            return &it->second;
    }
    return none;
}

template<typename Map>
auto all(const Map &map)
{
    using T = typename Map::mapped_type::mapped_type;
    std::vector<const T *> out;
    for (const auto &[code, versions] : map) {
        for (const auto &[version, value] : versions)
            out.push_back(&value);
    }
    return out;
}

bool isPublished(const ItemDefinition &i)
{
    return i.status == DefinitionStatus::Published;
}
bool isPublished(const ProcessDefinition &p)
{
    return p.status == DefinitionStatus::Published;
}
bool isPublished(const FormDefinition &f)
{
    return f.status() == "published";
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Items and processes as JSON

nlohmann::json itemToJson(const ItemDefinition &item)
{
    json materials = json::array();
    for (const auto &m : item.materials) {
        json j = {{"code", m.code},
                  {"name", m.name},
                  {"requirement", std::string(requirementText(m.requirement))},
                  {"form", m.form},
                  {"copies", m.copies}};
        if (!m.note.empty())
            j["note"] = m.note;
        if (!m.requiredIf.is_null())
            j["required_if"] = m.requiredIf;
        materials.push_back(std::move(j));
    }
    json procedures = json::array();
    for (const auto &p : item.specialProcedures)
        procedures.push_back(
            {{"kind", p.kind}, {"name", p.name}, {"limit", p.limit}, {"unit", std::string(unitText(p.unit))}});
    json j = {
        {"code", item.code},
        {"version", item.version},
        {"status", std::string(toString(item.status))},
        {"name", item.name},
        {"national_code", item.nationalCode},
        {"department", item.department},
        {"statutory_limit", item.statutoryLimit},
        {"statutory_unit", std::string(unitText(item.statutoryUnit))},
        {"promised_limit", item.promisedLimit},
        {"promised_unit", std::string(unitText(item.promisedUnit))},
        {"warning_days", item.warningDays},
        {"tolerance_allowed", item.toleranceAllowed},
        {"tolerance_days", item.toleranceDays},
        {"commitment_allowed", item.commitmentAllowed},
        {"result_type", item.resultType},
        {"result_name", item.resultName},
        {"legal_basis", item.legalBasis},
        {"materials", std::move(materials)},
        {"special_procedures", std::move(procedures)},
    };
    if (!item.appliesIf.is_null())
        j["applies_if"] = item.appliesIf;
    return j;
}

Result<ItemDefinition> itemFromJson(const nlohmann::json &object, const std::string &path)
{
    ItemDefinition item;
    JsonReader r(object, path, kPrefix);
    r.string("code", item.code, JsonReader::Required);
    readVersion(r, item.version);
    readStatus(r, item.status);
    r.string("name", item.name, JsonReader::Required);
    r.string("national_code", item.nationalCode);
    r.string("department", item.department);
    r.integer("statutory_limit", item.statutoryLimit, JsonReader::Optional, 0, 3650);
    readUnit(r, "statutory_unit", item.statutoryUnit);
    r.integer("promised_limit", item.promisedLimit, JsonReader::Optional, 0, 3650);
    readUnit(r, "promised_unit", item.promisedUnit);
    r.integer("warning_days", item.warningDays, JsonReader::Optional, 0, 365);
    r.boolean("tolerance_allowed", item.toleranceAllowed);
    r.integer("tolerance_days", item.toleranceDays, JsonReader::Optional, 0, 365);
    r.boolean("commitment_allowed", item.commitmentAllowed);
    r.string("result_type", item.resultType);
    r.string("result_name", item.resultName);
    r.string("legal_basis", item.legalBasis);
    r.rule("applies_if", item.appliesIf);
    if (const json *list = r.array("materials")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            MaterialDefinition m;
            JsonReader rm((*list)[i], indexed(path, "materials", i), kPrefix);
            rm.string("code", m.code, JsonReader::Required);
            rm.string("name", m.name, JsonReader::Required);
            std::string requirement = "required";
            if (rm.string("requirement", requirement)) {
                if (requirement == "required")
                    m.requirement = MaterialDefinition::Requirement::Required;
                else if (requirement == "optional")
                    m.requirement = MaterialDefinition::Requirement::Optional;
                else if (requirement == "tolerable")
                    m.requirement = MaterialDefinition::Requirement::Tolerable;
                else
                    rm.fail("requirement", "requirement",
                            "材料要求“" + displayKey(requirement) + "”应为 required、optional 或 tolerable");
            }
            if (rm.string("form", m.form) && m.form != "electronic" && m.form != "paper" && m.form != "both")
                rm.fail("form", "material_form", "材料形式“" + displayKey(m.form) + "”应为 electronic、paper 或 both");
            rm.integer("copies", m.copies, JsonReader::Optional, 0, 100);
            rm.string("note", m.note);
            rm.rule("required_if", m.requiredIf);
            if (!rm.finish())
                return rm.error();
            item.materials.push_back(std::move(m));
        }
    }
    if (const json *list = r.array("special_procedures")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            SpecialProcedureDefinition p;
            JsonReader rp((*list)[i], indexed(path, "special_procedures", i), kPrefix);
            rp.string("kind", p.kind, JsonReader::Required);
            rp.string("name", p.name, JsonReader::Required);
            rp.integer("limit", p.limit, JsonReader::Required, 0, 3650);
            readUnit(rp, "unit", p.unit);
            if (!rp.finish())
                return rp.error();
            item.specialProcedures.push_back(std::move(p));
        }
    }
    if (!r.finish())
        return r.error();
    return item;
}

nlohmann::json processToJson(const ProcessDefinition &process)
{
    json stages = json::array();
    for (const auto &s : process.stages) {
        json items = json::array();
        for (const auto &i : s.items)
            items.push_back({{"code", i.code}, {"version", i.version}, {"milestone", i.milestone}});
        stages.push_back({
            {"seq", s.seq},
            {"national_seq", s.nationalSeq},
            {"code", s.code},
            {"name", s.name},
            {"lead_department", s.leadDepartment},
            {"limit", s.limit},
            {"unit", std::string(unitText(s.unit))},
            {"completion", int(s.completion)},
            {"form", {{"code", s.formCode}, {"version", s.formVersion}}},
            {"items", std::move(items)},
        });
    }
    return {
        {"code", process.code},
        {"version", process.version},
        {"status", std::string(toString(process.status))},
        {"name", process.name},
        {"process_type", process.processType},
        {"region_code", process.regionCode},
        {"effective_date", process.effectiveDate},
        {"description", process.description},
        {"stages", std::move(stages)},
    };
}

Result<ProcessDefinition> processFromJson(const nlohmann::json &object, const std::string &path)
{
    ProcessDefinition process;
    JsonReader r(object, path, kPrefix);
    r.string("code", process.code, JsonReader::Required);
    readVersion(r, process.version);
    readStatus(r, process.status);
    r.string("name", process.name, JsonReader::Required);
    r.integer("process_type", process.processType, JsonReader::Required, 1, 10);
    if (r.string("region_code", process.regionCode, JsonReader::Required)) {
        const auto region = RegionCode::parse(process.regionCode);
        if (!region)
            r.fail("region_code", "region_code", region.error().message);
    }
    if (r.string("effective_date", process.effectiveDate) && !process.effectiveDate.empty()
        && !validDate(process.effectiveDate))
        r.fail("effective_date", "date", "生效日期应为有效日期，格式为 YYYY-MM-DD");
    r.string("description", process.description);
    if (const json *list = r.array("stages", JsonReader::Required)) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            StageDefinition s;
            const std::string stagePath = indexed(path, "stages", i);
            JsonReader rs((*list)[i], stagePath, kPrefix);
            rs.integer("seq", s.seq, JsonReader::Required, 1, 99);
            rs.integer("national_seq", s.nationalSeq, JsonReader::Required, 1, 5);
            rs.string("code", s.code, JsonReader::Required);
            rs.string("name", s.name, JsonReader::Required);
            rs.string("lead_department", s.leadDepartment);
            rs.integer("limit", s.limit, JsonReader::Required, 0, 3650);
            readUnit(rs, "unit", s.unit);
            int completion = 1;
            rs.integer("completion", completion, JsonReader::Optional, 1, 2);
            s.completion = StageDefinition::Completion(completion);
            if (const json *form = rs.value("form")) {
                JsonReader rf(*form, rs.path("form"), kPrefix);
                rf.string("code", s.formCode, JsonReader::Required);
                if (rf.string("version", s.formVersion, JsonReader::Required) && !Catalog::isVersion(s.formVersion))
                    rf.fail("version", "version", "版本号“" + displayKey(s.formVersion) + "”应为十进制数字，如 1.0");
                if (!rf.finish())
                    return rf.error();
            }
            if (const json *items = rs.array("items")) {
                for (std::size_t k = 0; k < items->size(); ++k) {
                    StageItemRef ref;
                    JsonReader ri((*items)[k], indexed(stagePath, "items", k), kPrefix);
                    ri.string("code", ref.code, JsonReader::Required);
                    if (ri.string("version", ref.version, JsonReader::Required) && !Catalog::isVersion(ref.version))
                        ri.fail("version", "version", "版本号“" + displayKey(ref.version) + "”应为十进制数字，如 1.0");
                    ri.boolean("milestone", ref.milestone);
                    if (!ri.finish())
                        return ri.error();
                    s.items.push_back(std::move(ref));
                }
            }
            if (!rs.finish())
                return rs.error();
            process.stages.push_back(std::move(s));
        }
    }
    if (!r.finish())
        return r.error();
    return process;
}

// ---------------------------------------------------------------------------------------------
// Catalog

bool Catalog::isVersion(std::string_view v)
{
    if (v.empty() || v.size() > 20 || v.front() == '.' || v.back() == '.')
        return false;
    char previous = '.';
    for (char c : v) {
        if (c == '.' && previous == '.')
            return false;
        if (c != '.' && (c < '0' || c > '9'))
            return false;
        previous = c;
    }
    return true;
}

int Catalog::compareVersions(std::string_view a, std::string_view b)
{
    // Component by component, each as a number (leading zeros ignored); missing components are 0.
    const auto next = [](std::string_view &s) {
        const auto dot = s.find('.');
        std::string_view part = s.substr(0, dot);
        s = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
        while (part.size() > 1 && part.front() == '0')
            part.remove_prefix(1);
        return part;
    };
    while (!a.empty() || !b.empty()) {
        std::string_view pa = next(a);
        std::string_view pb = next(b);
        if (pa.empty())
            pa = "0";
        if (pb.empty())
            pb = "0";
        if (pa.size() != pb.size())
            return pa.size() < pb.size() ? -1 : 1;
        if (const int c = pa.compare(pb); c != 0)
            return c < 0 ? -1 : 1;
    }
    return 0;
}

Status Catalog::add(ItemDefinition item)
{
    if (item.code.empty())
        return Error{kPrefix + ".missing", "事项编码不能为空", "code"};
    if (!isVersion(item.version))
        return Error{kPrefix + ".version", "事项“" + item.code + "”的版本号应为十进制数字", "version"};
    auto &versions = m_items[item.code];
    if (versions.contains(item.version))
        return Error{kPrefix + ".duplicate", "事项“" + item.code + "”的版本 " + item.version + " 已存在", "version"};
    const std::string version = item.version;
    versions.emplace(version, std::move(item));
    return {};
}

Status Catalog::add(ProcessDefinition process)
{
    if (process.code.empty())
        return Error{kPrefix + ".missing", "流程编码不能为空", "code"};
    if (!isVersion(process.version))
        return Error{kPrefix + ".version", "流程“" + process.code + "”的版本号应为十进制数字", "version"};
    auto &versions = m_processes[process.code];
    if (versions.contains(process.version))
        return Error{kPrefix + ".duplicate", "流程“" + process.code + "”的版本 " + process.version + " 已存在",
                     "version"};
    const std::string version = process.version;
    versions.emplace(version, std::move(process));
    return {};
}

Status Catalog::add(FormDefinition form)
{
    if (form.code().empty())
        return Error{kPrefix + ".missing", "表单编码不能为空", "code"};
    if (!isVersion(form.version()))
        return Error{kPrefix + ".version", "表单“" + form.code() + "”的版本号应为十进制数字", "version"};
    auto &versions = m_forms[form.code()];
    if (versions.contains(form.version()))
        return Error{kPrefix + ".duplicate", "表单“" + form.code() + "”的版本 " + form.version() + " 已存在",
                     "version"};
    const std::string version = form.version();
    versions.emplace(version, std::move(form));
    return {};
}

Status Catalog::merge(const nlohmann::json &doc)
{
    Catalog copy = *this;
    JsonReader r(doc, {}, kPrefix);
    const json *items = r.array("items");
    const json *processes = r.array("processes");
    const json *forms = r.array("forms");
    if (!r.finish())
        return r.error();
    const auto located = [](Error e, const std::string &path) {
        e.field = e.field.empty() || e.field == "code" || e.field == "version"
                      ? path + (e.field.empty() ? "" : "." + e.field)
                      : e.field;
        return e;
    };
    if (items) {
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string path = indexed({}, "items", i);
            auto item = itemFromJson((*items)[i], path);
            if (!item)
                return item.error();
            if (auto s = copy.add(std::move(item).value()); !s)
                return located(s.error(), path);
        }
    }
    if (processes) {
        for (std::size_t i = 0; i < processes->size(); ++i) {
            const std::string path = indexed({}, "processes", i);
            auto process = processFromJson((*processes)[i], path);
            if (!process)
                return process.error();
            if (auto s = copy.add(std::move(process).value()); !s)
                return located(s.error(), path);
        }
    }
    if (forms) {
        for (std::size_t i = 0; i < forms->size(); ++i) {
            const std::string path = indexed({}, "forms", i);
            auto form = FormDefinition::fromJson((*forms)[i]);
            if (!form) {
                Error e = form.error();
                e.field = e.field.empty() ? path : path + '.' + e.field;
                return e;
            }
            if (auto s = copy.add(std::move(form).value()); !s)
                return located(s.error(), path);
        }
    }
    *this = std::move(copy);
    return {};
}

Result<Catalog> Catalog::fromJson(const nlohmann::json &doc)
{
    Catalog catalog;
    if (auto s = catalog.merge(doc); !s)
        return s.error();
    return catalog;
}

Result<Catalog> Catalog::fromFiles(const std::vector<std::string> &paths)
{
    Catalog catalog;
    for (const auto &path : paths) {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return Error{kPrefix + ".file", "无法读取目录文件 " + path, path};
        std::ostringstream text;
        text << in.rdbuf();
        json doc;
        try {
            doc = json::parse(text.str());
        } catch (const std::exception &e) {
            return Error{kPrefix + ".json", "目录文件 " + path + " 不是有效的 JSON：" + e.what(), path};
        }
        if (auto s = catalog.merge(doc); !s) {
            Error e = s.error();
            e.field = path + ": " + e.field;
            return e;
        }
    }
    return catalog;
}

nlohmann::json Catalog::toJson() const
{
    json items = json::array();
    for (const auto *i : this->items())
        items.push_back(itemToJson(*i));
    json processes = json::array();
    for (const auto *p : this->processes())
        processes.push_back(processToJson(*p));
    json forms = json::array();
    for (const auto *f : this->forms())
        forms.push_back(f->toJson());
    return {{"items", std::move(items)}, {"processes", std::move(processes)}, {"forms", std::move(forms)}};
}

const ItemDefinition *Catalog::item(std::string_view code, std::string_view version) const
{
    return findVersion(m_items, code, version);
}

const ItemDefinition *Catalog::latestItem(std::string_view code) const
{
    return findLatest(m_items, code, [](const ItemDefinition &i) { return isPublished(i); });
}

const ProcessDefinition *Catalog::process(std::string_view code, std::string_view version) const
{
    return findVersion(m_processes, code, version);
}

const ProcessDefinition *Catalog::latestProcess(std::string_view code) const
{
    return findLatest(m_processes, code, [](const ProcessDefinition &p) { return isPublished(p); });
}

const FormDefinition *Catalog::form(std::string_view code, std::string_view version) const
{
    return findVersion(m_forms, code, version);
}

const FormDefinition *Catalog::latestForm(std::string_view code) const
{
    return findLatest(m_forms, code, [](const FormDefinition &f) { return isPublished(f); });
}

std::vector<const ProcessDefinition *> Catalog::publishedProcesses() const
{
    std::vector<const ProcessDefinition *> out;
    for (const auto &[code, versions] : m_processes) {
        if (const auto *p = latestProcess(code))
            out.push_back(p);
    }
    return out;
}

std::vector<const ItemDefinition *> Catalog::items() const
{
    return all(m_items);
}

std::vector<const ProcessDefinition *> Catalog::processes() const
{
    return all(m_processes);
}

std::vector<const FormDefinition *> Catalog::forms() const
{
    return all(m_forms);
}

Errors Catalog::validate() const
{
    Errors errors;
    const auto report = [&](const char *code, std::string message, std::string field) {
        errors.push_back({kPrefix + '.' + code, std::move(message), std::move(field)});
    };

    for (const auto *item : items()) {
        const std::string path = "items[" + key(item->code, item->version) + "]";
        const std::string name = "事项“" + item->name + "”（" + item->code + " " + item->version + "）";
        if (item->department.empty())
            report("department", name + "未指定办理部门", path + ".department");
        if (item->statutoryLimit <= 0)
            report("limit", name + "的法定办结时限应大于0", path + ".statutory_limit");
        if (item->promisedLimit <= 0)
            report("limit", name + "的承诺办结时限应大于0", path + ".promised_limit");
        if (item->statutoryUnit == item->promisedUnit && item->promisedLimit > item->statutoryLimit)
            report("promised_limit", name + "的承诺办结时限超过法定办结时限", path + ".promised_limit");
        if (item->toleranceAllowed && item->toleranceDays <= 0)
            report("limit", name + "允许容缺受理，补齐材料的期限应大于0", path + ".tolerance_days");
        std::set<std::string> materialCodes;
        for (std::size_t i = 0; i < item->materials.size(); ++i) {
            const auto &m = item->materials[i];
            if (!materialCodes.insert(m.code).second)
                report("material", name + "的材料编码“" + m.code + "”重复",
                       path + ".materials[" + std::to_string(i) + "]");
            if (m.requirement == MaterialDefinition::Requirement::Tolerable && !item->toleranceAllowed)
                report("material", name + "不允许容缺受理，材料“" + m.name + "”不能标为可容缺",
                       path + ".materials[" + std::to_string(i) + "].requirement");
        }
        for (std::size_t i = 0; i < item->specialProcedures.size(); ++i) {
            if (item->specialProcedures[i].limit <= 0)
                report("limit", name + "的特别程序“" + item->specialProcedures[i].name + "”时限应大于0",
                       path + ".special_procedures[" + std::to_string(i) + "].limit");
        }
    }

    for (const auto *process : processes()) {
        const std::string path = "processes[" + key(process->code, process->version) + "]";
        const std::string name = "流程“" + process->name + "”（" + process->code + " " + process->version + "）";
        const bool published = isPublished(*process);
        if (published && process->stages.empty())
            report("stage_seq", name + "没有审批阶段", path + ".stages");
        std::set<int> seqs;
        int total = 0;
        for (const auto &stage : process->stages) {
            const std::string stagePath = path + ".stages[" + std::to_string(stage.seq) + "]";
            const std::string stageName = name + "的阶段“" + stage.name + "”";
            if (published && !seqs.insert(stage.seq).second)
                report("stage_seq", name + "的阶段序号 " + std::to_string(stage.seq) + " 重复", stagePath + ".seq");
            if (stage.leadDepartment.empty())
                report("department", stageName + "未指定牵头部门", stagePath + ".lead_department");
            if (stage.limit <= 0)
                report("limit", stageName + "的时限应大于0", stagePath + ".limit");
            if (stage.nationalSeq >= 1 && stage.nationalSeq <= 4)
                total += stage.limit;

            const FormDefinition *form = nullptr;
            if (stage.formCode.empty()) {
                if (published)
                    report("form_missing", stageName + "未指定表单", stagePath + ".form");
            } else {
                form = this->form(stage.formCode, stage.formVersion);
                if (!form)
                    report("form_missing",
                           stageName + "引用的表单 " + stage.formCode + " " + stage.formVersion + " 不存在",
                           stagePath + ".form");
                else if (published && !isPublished(*form))
                    report("unpublished_reference",
                           stageName + "引用的表单 " + stage.formCode + " " + stage.formVersion + " 未发布",
                           stagePath + ".form");
            }

            for (const auto &ref : stage.items) {
                const std::string refPath = stagePath + ".items[" + key(ref.code, ref.version) + "]";
                const ItemDefinition *item = this->item(ref.code, ref.version);
                if (!item) {
                    report("item_missing", stageName + "引用的事项 " + ref.code + " " + ref.version + " 不存在",
                           refPath);
                    continue;
                }
                if (published && !isPublished(*item))
                    report("unpublished_reference",
                           stageName + "引用的事项“" + item->name + "”" + ref.version + " 未发布", refPath);
                if (item->promisedUnit == stage.unit && item->promisedLimit > stage.limit)
                    report("item_exceeds_stage", stageName + "中事项“" + item->name + "”的承诺时限超过阶段时限",
                           refPath);
                if (form && !item->appliesIf.is_null()) {
                    std::set<std::string> vars;
                    formVars(item->appliesIf, vars);
                    for (const auto &v : vars) {
                        if (!form->field(v))
                            report("rule_field",
                                   "事项“" + item->name + "”的适用条件读取了表单 " + form->code() + " 中没有的字段“" + v
                                       + "”",
                                   refPath);
                    }
                }
            }
        }
        if (total > kMaxTotalWorkdays)
            report("total_limit",
                   name + "各阶段时限合计 " + std::to_string(total) + " 个工作日，超过 "
                       + std::to_string(kMaxTotalWorkdays) + " 个工作日",
                   path + ".stages");
    }
    return errors;
}

} // namespace spgl
