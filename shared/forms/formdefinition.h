#pragma once

#include "core/result.h"
#include "forms/fielddefinition.h"
#include "forms/formvalidation.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace spgl {

/**
 * @brief A versioned form (表单, the 一张表单 of a stage): its fields and their rules, and the
 *        validation of submitted data.
 *
 * JSON form (snake_case keys):
 * @code
 * {"code": "FORM-S1-ZFTZ", "version": "1.0", "status": "published",
 *  "title": "立项用地规划许可阶段申请表", "description": "…",
 *  "fields": [ FieldDefinition JSON, … ]}
 * @endcode
 * Fields are a flat list; each may name the `section` it is shown under (sections() keeps
 * their first-appearance order).
 */
class FormDefinition
{
public:
    FormDefinition() = default;

    /**
     * @brief Reads and checks a form definition. Errors (code "form_definition.*", field a path
     *        such as "fields[3].type"): not an object, missing or wrong-typed keys, unknown keys,
     *        bad version or status, unknown field type, duplicate field name, bad regex, enum
     *        without options, a rule that is not a JSON Logic operation or uses an unknown one.
     */
    static Result<FormDefinition> fromJson(const nlohmann::json &object);

    /// The JSON form; fromJson(toJson()) gives an equal definition.
    nlohmann::json toJson() const;

    /**
     * @brief Validates submitted data.
     *
     * Rules are evaluated with spgl::JsonLogic over `{"form": data, ...context}` (so a rule
     * reads `{"var": "form.kind"}`); @p context, when an object, adds e.g. `project`. A hidden
     * field (visible_if false) is never required and its value is dropped; a field is required
     * when `required` is true, or when `required_if` is given and true. Unknown keys give
     * "form.unknown_field". A rule that fails to evaluate gives "form.rule" (the field is then
     * treated as visible and, for required_if, not required). Never throws, whatever @p data is.
     */
    FormValidation validate(const nlohmann::json &data, const nlohmann::json &context = {}) const;

    const std::string &code() const { return m_code; }
    void setCode(std::string code) { m_code = std::move(code); }
    const std::string &version() const { return m_version; }
    void setVersion(std::string version) { m_version = std::move(version); }
    /// "draft" | "published" | "retired"
    const std::string &status() const { return m_status; }
    void setStatus(std::string status) { m_status = std::move(status); }
    const std::string &title() const { return m_title; }
    void setTitle(std::string title) { m_title = std::move(title); }
    const std::string &description() const { return m_description; }
    void setDescription(std::string description) { m_description = std::move(description); }

    const std::vector<FieldDefinition> &fields() const { return m_fields; }
    /// Replaces the fields (not checked: use fromJson for untrusted definitions).
    void setFields(std::vector<FieldDefinition> fields);
    /// The field named @p name, or nullptr.
    const FieldDefinition *field(std::string_view name) const;
    /// The section titles in order of first appearance (empty titles left out).
    std::vector<std::string> sections() const;

    bool operator==(const FormDefinition &other) const;

private:
    void compilePatterns();

    std::string m_code;
    std::string m_version;
    std::string m_status = "draft";
    std::string m_title;
    std::string m_description;
    std::vector<FieldDefinition> m_fields;
    /// compiled pattern per field (null when none), shared by copies
    std::vector<std::shared_ptr<const std::regex>> m_patterns;
};

} // namespace spgl
