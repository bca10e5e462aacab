#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace spgl {

/**
 * @brief One field of a form definition (表单字段): its type, label and constraints.
 *
 * JSON form (snake_case keys; only `name`, `label` and `type` are required):
 * @code
 * {"name": "land_area", "label": "用地面积", "type": "area", "section": "用地信息",
 *  "required": true, "required_if": null, "visible_if": {"var": "form.has_land"},
 *  "pattern": null, "min_length": null, "max_length": null, "min": 0, "max": null,
 *  "options": [{"value": "...", "label": "..."}], "unit": "平方米", "help": "...", "placeholder": "..."}
 * @endcode
 *
 * Rules (`required_if`, `visible_if`) are JSON Logic evaluated over `{"form": data, ...context}`.
 * A hidden field is never required; a value submitted for it is dropped from the cleaned data.
 */
struct FieldDefinition
{
    /// The value types a field may have.
    enum class Type {
        String,      ///< one line of text
        Text,        ///< several lines of text
        Integer,     ///< a JSON integer (or an integral number)
        Number,      ///< any finite JSON number
        Money,       ///< yuan as a decimal string with at most 2 decimals: "1234.50"
        Date,        ///< "YYYY-MM-DD", a real calendar date
        Boolean,     ///< true / false
        Enum,        ///< one of the options' values
        MultiEnum,   ///< an array of distinct option values
        Phone,       ///< mainland mobile (1[3-9] + 9 digits) or landline (0991-1234567)
        Email,       ///< an e-mail address
        ProjectCode, ///< 项目代码 (checked with spgl::ProjectCode)
        CreditCode,  ///< 统一社会信用代码 (checked with spgl::CreditCode)
        IdNumber,    ///< 居民身份证号码 (checked with spgl::IdNumber)
        RegionCode,  ///< 行政区划代码 (checked with spgl::RegionCode)
        Area,        ///< m², a number ≥ 0
    };

    /// One choice of an enum or multi_enum field.
    struct Option
    {
        std::string value; ///< stored value
        std::string label; ///< Chinese label shown to people

        bool operator==(const Option &) const = default;
    };

    /// Longest string value (in characters) any field accepts, whatever its max_length.
    static constexpr std::size_t kMaxTextLength = 20000;
    /// Longest string a `pattern` is run on (std::regex recurses per character).
    static constexpr std::size_t kMaxPatternInput = 2000;

    std::string name;  ///< key in the data: [a-z][a-z0-9_]*, at most 64 characters
    std::string label; ///< Chinese label, used in messages
    Type type = Type::String;
    std::string section; ///< section title the field is shown under; may be empty
    bool required = false;
    nlohmann::json requiredIf; ///< JSON Logic; null = no rule (then `required` decides)
    nlohmann::json visibleIf;  ///< JSON Logic; null = always visible
    std::string pattern;       ///< ECMAScript regex the whole value must match (string-like types); empty = none
    std::optional<std::size_t> minLength; ///< in characters (string-like types)
    std::optional<std::size_t> maxLength; ///< in characters (string-like types)
    std::optional<double> min;            ///< integer, number, money, area: smallest value; multi_enum: fewest choices
    std::optional<double> max;            ///< integer, number, money, area: largest value; multi_enum: most choices
    std::vector<Option> options;          ///< enum, multi_enum
    std::string unit;                     ///< e.g. "平方米", "万元"
    std::string help;                     ///< 填写说明
    std::string placeholder;

    bool operator==(const FieldDefinition &) const = default;

    /// "string", "text", "integer", …, "multi_enum", "project_code", …, "area".
    static std::string_view toString(Type type);
    /// Parses a type name; nullopt for an unknown one.
    static std::optional<Type> typeFromString(std::string_view text);

    /**
     * @brief Reads a field from its JSON form and checks it (name shape, type, options,
     *        pattern, limits, rule shapes).
     * @param path the prefix for Error::field, e.g. "fields[3]"
     */
    static Result<FieldDefinition> fromJson(const nlohmann::json &object, const std::string &path = {});

    /// The JSON form; fromJson(toJson()) gives an equal field.
    nlohmann::json toJson() const;

    /// The label of an option value, or nullptr when it is not one.
    const Option *option(std::string_view value) const;

    /**
     * @brief Checks one present value (not null, not empty) against the type and the
     *        constraints; returns the cleaned value (trimmed, codes normalised) or the Error
     *        (field = name, message naming the label).
     * @param compiledPattern the compiled `pattern`, when the caller keeps one; compiled here
     *        otherwise
     *
     * Never throws.
     */
    Result<nlohmann::json> checkValue(const nlohmann::json &value, const std::regex *compiledPattern = nullptr) const;

    /// Whether @p value counts as not given: null, a blank string or an empty array.
    static bool isEmptyValue(const nlohmann::json &value);
};

} // namespace spgl
