#include "forms/formdefinition.h"

#include "forms/jsonreader.h"
#include "rules/jsonlogic.h"

#include <algorithm>
#include <set>
#include <utility>

namespace spgl {

namespace {
using json = nlohmann::json;

constexpr std::size_t kMaxUnknownFieldErrors = 50;

bool versionOk(std::string_view v)
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
} // namespace

Result<FormDefinition> FormDefinition::fromJson(const nlohmann::json &object)
{
    static const std::string prefix = "form_definition";
    FormDefinition form;
    form.m_status = "published";
    JsonReader r(object, {}, prefix);
    r.string("code", form.m_code, JsonReader::Required);
    r.string("version", form.m_version, JsonReader::Required);
    if (r.ok() && !versionOk(form.m_version))
        r.fail("version", "version", "版本号“" + displayKey(form.m_version) + "”应为十进制数字，如 1.0");
    r.string("status", form.m_status);
    if (r.ok() && form.m_status != "draft" && form.m_status != "published" && form.m_status != "retired")
        r.fail("status", "status", "状态“" + displayKey(form.m_status) + "”应为 draft、published 或 retired");
    r.string("title", form.m_title, JsonReader::Required);
    r.string("description", form.m_description);
    const json *list = r.array("fields", JsonReader::Required);
    if (!r.finish())
        return r.error();
    std::set<std::string, std::less<>> names;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = "fields[" + std::to_string(i) + ']';
        auto field = FieldDefinition::fromJson((*list)[i], path);
        if (!field)
            return field.error();
        if (!names.insert(field->name).second)
            return Error{prefix + ".duplicate_field", "字段名“" + field->name + "”重复", path + ".name"};
        form.m_fields.push_back(std::move(field).value());
    }
    form.compilePatterns();
    return form;
}

nlohmann::json FormDefinition::toJson() const
{
    json fields = json::array();
    for (const auto &f : m_fields)
        fields.push_back(f.toJson());
    json j = {{"code", m_code}, {"version", m_version}, {"status", m_status}, {"title", m_title}};
    if (!m_description.empty())
        j["description"] = m_description;
    j["fields"] = std::move(fields);
    return j;
}

void FormDefinition::setFields(std::vector<FieldDefinition> fields)
{
    m_fields = std::move(fields);
    compilePatterns();
}

void FormDefinition::compilePatterns()
{
    m_patterns.clear();
    m_patterns.reserve(m_fields.size());
    for (const auto &f : m_fields) {
        std::shared_ptr<const std::regex> re;
        if (!f.pattern.empty()) {
            try {
                re = std::make_shared<const std::regex>(f.pattern, std::regex::ECMAScript);
            } catch (const std::exception &) {
                re = nullptr; // checkValue compiles it again and reports the field as unmatched
            }
        }
        m_patterns.push_back(std::move(re));
    }
}

const FieldDefinition *FormDefinition::field(std::string_view name) const
{
    for (const auto &f : m_fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

std::vector<std::string> FormDefinition::sections() const
{
    std::vector<std::string> out;
    for (const auto &f : m_fields) {
        if (!f.section.empty() && std::find(out.begin(), out.end(), f.section) == out.end())
            out.push_back(f.section);
    }
    return out;
}

bool FormDefinition::operator==(const FormDefinition &other) const
{
    return m_code == other.m_code && m_version == other.m_version && m_status == other.m_status
           && m_title == other.m_title && m_description == other.m_description && m_fields == other.m_fields;
}

FormValidation FormDefinition::validate(const nlohmann::json &data, const nlohmann::json &context) const
{
    FormValidation result;
    try {
        if (!data.is_object()) {
            result.errors.push_back({"form.type", "表单数据应为 JSON 对象", {}});
            return result;
        }
        std::size_t unknown = 0;
        for (auto it = data.begin(); it != data.end(); ++it) {
            if (field(it.key()))
                continue;
            if (++unknown > kMaxUnknownFieldErrors)
                break;
            result.errors.push_back(
                {"form.unknown_field", "表单中没有字段“" + displayKey(it.key()) + "”", displayKey(it.key())});
        }

        json scope = context.is_object() ? context : json::object();
        scope["form"] = data;
        const auto evaluate = [&](const FieldDefinition &f, const json &rule, const char *what, bool fallback) -> bool {
            const auto value = JsonLogic::evaluate(rule, scope);
            if (!value) {
                result.errors.push_back(
                    {"form.rule", "字段“" + f.label + "”的" + what + "规则无法计算：" + value.error().message, f.name});
                return fallback;
            }
            return JsonLogic::truthy(*value);
        };

        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            const FieldDefinition &f = m_fields[i];
            if (!f.visibleIf.is_null() && !evaluate(f, f.visibleIf, "显示", true))
                continue; // hidden: never required, value dropped
            bool required = f.required;
            if (!required && !f.requiredIf.is_null())
                required = evaluate(f, f.requiredIf, "必填", false);
            const auto it = data.find(f.name);
            if (it == data.end() || FieldDefinition::isEmptyValue(*it)) {
                if (required)
                    result.errors.push_back({"form.required", "请填写“" + f.label + "”", f.name});
                continue;
            }
            const std::regex *pattern = i < m_patterns.size() ? m_patterns[i].get() : nullptr;
            auto checked = f.checkValue(*it, pattern);
            if (checked)
                result.data[f.name] = std::move(checked).value();
            else
                result.errors.push_back(checked.error());
        }
    } catch (const std::exception &) {
        result.errors.push_back({"form.internal", "表单数据无法校验", {}});
        result.data = json::object();
    }
    return result;
}

} // namespace spgl
