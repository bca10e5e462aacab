#include "forms/fielddefinition.h"

#include "domain/creditcode.h"
#include "domain/idnumber.h"
#include "domain/projectcode.h"
#include "domain/regioncode.h"
#include "forms/jsonreader.h"

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>
#include <utility>

namespace spgl {

namespace {
using json = nlohmann::json;
using Type = FieldDefinition::Type;

constexpr std::array<std::pair<Type, std::string_view>, 16> kTypeNames = {{
    {Type::String, "string"},
    {Type::Text, "text"},
    {Type::Integer, "integer"},
    {Type::Number, "number"},
    {Type::Money, "money"},
    {Type::Date, "date"},
    {Type::Boolean, "boolean"},
    {Type::Enum, "enum"},
    {Type::MultiEnum, "multi_enum"},
    {Type::Phone, "phone"},
    {Type::Email, "email"},
    {Type::ProjectCode, "project_code"},
    {Type::CreditCode, "credit_code"},
    {Type::IdNumber, "id_number"},
    {Type::RegionCode, "region_code"},
    {Type::Area, "area"},
}};

bool isStringType(Type t)
{
    switch (t) {
    case Type::String:
    case Type::Text:
    case Type::Money:
    case Type::Date:
    case Type::Enum:
    case Type::Phone:
    case Type::Email:
    case Type::ProjectCode:
    case Type::CreditCode:
    case Type::IdNumber:
    case Type::RegionCode:
        return true;
    default:
        return false;
    }
}

bool isNumericType(Type t)
{
    return t == Type::Integer || t == Type::Number || t == Type::Money || t == Type::Area;
}

std::string quoted(const std::string &label)
{
    return "“" + label + "”";
}

std::string formatNumber(double v)
{
    char buffer[64];
    if (std::trunc(v) == v && std::fabs(v) < 1e15)
        std::snprintf(buffer, sizeof buffer, "%.0f", v);
    else
        std::snprintf(buffer, sizeof buffer, "%.10g", v);
    return buffer;
}

/// Number of code points when @p text is valid UTF-8, nullopt otherwise.
std::optional<std::size_t> utf8Length(std::string_view text)
{
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            n = 0, cp = c;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3, cp = c & 0x07;
        } else {
            return std::nullopt;
        }
        if (i + n >= text.size() && n > 0)
            return std::nullopt;
        for (std::size_t k = 1; k <= n; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80)
                return std::nullopt;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return std::nullopt;
        i += n + 1;
        ++count;
    }
    return count;
}

std::string_view trimmed(std::string_view s)
{
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    // U+3000 IDEOGRAPHIC SPACE, common in Chinese input
    while (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80")
        s.remove_prefix(3);
    while (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80")
        s.remove_suffix(3);
    return s;
}

bool allDigits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool validPhone(std::string_view s)
{
    // mobile: 1[3-9] + 9 digits
    if (s.size() == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && allDigits(s))
        return true;
    // landline: 0 + 2–3 digit area code, optional '-', 7–8 digit number, optional '-' extension
    if (s.empty() || s[0] != '0')
        return false;
    std::string_view rest = s;
    std::string_view extension;
    const auto firstDash = rest.find('-');
    std::string_view main = rest;
    if (firstDash != std::string_view::npos) {
        const auto secondDash = rest.find('-', firstDash + 1);
        if (secondDash != std::string_view::npos) {
            extension = rest.substr(secondDash + 1);
            main = rest.substr(0, secondDash);
            if (extension.size() < 1 || extension.size() > 6 || !allDigits(extension))
                return false;
        }
    }
    const auto dash = main.find('-');
    if (dash != std::string_view::npos) {
        const auto area = main.substr(0, dash);
        const auto number = main.substr(dash + 1);
        return (area.size() == 3 || area.size() == 4) && allDigits(area) && (number.size() == 7 || number.size() == 8)
               && number[0] != '0' && allDigits(number);
    }
    // no dash: area code + number written together, 10–12 digits
    return extension.empty() && main.size() >= 10 && main.size() <= 12 && allDigits(main);
}

bool validEmail(std::string_view s)
{
    if (s.size() > 254)
        return false;
    const auto at = s.find('@');
    if (at == std::string_view::npos || at == 0 || at > 64 || s.find('@', at + 1) != std::string_view::npos)
        return false;
    const auto local = s.substr(0, at);
    const auto domain = s.substr(at + 1);
    for (char c : local) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || std::string_view("._%+-").find(c) != std::string_view::npos;
        if (!ok)
            return false;
    }
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return false;
    if (domain.empty() || domain.find('.') == std::string_view::npos)
        return false;
    std::size_t start = 0;
    while (start <= domain.size()) {
        auto end = domain.find('.', start);
        if (end == std::string_view::npos)
            end = domain.size();
        const auto label = domain.substr(start, end - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (char c : label) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok)
                return false;
        }
        start = end + 1;
    }
    return true;
}

/// Parses "123", "123.4", "123.45" (no sign, no leading zeros) into cents.
std::optional<long long> moneyCents(std::string_view s)
{
    const auto dot = s.find('.');
    const auto whole = s.substr(0, dot);
    const auto fraction = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
    if (!allDigits(whole) || whole.size() > 13 || (whole.size() > 1 && whole[0] == '0'))
        return std::nullopt;
    if (dot != std::string_view::npos && (fraction.empty() || fraction.size() > 2 || !allDigits(fraction)))
        return std::nullopt;
    long long cents = 0;
    for (char c : whole)
        cents = cents * 10 + (c - '0');
    cents *= 100;
    if (fraction.size() >= 1)
        cents += (fraction[0] - '0') * 10;
    if (fraction.size() == 2)
        cents += fraction[1] - '0';
    return cents;
}

std::string moneyText(long long cents)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%lld.%02lld", cents / 100, cents % 100);
    return buffer;
}

bool validDate(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !allDigits(s.substr(0, 4)) || !allDigits(s.substr(5, 2))
        || !allDigits(s.substr(8, 2)))
        return false;
    const int y = std::stoi(std::string(s.substr(0, 4)));
    const unsigned m = unsigned(std::stoi(std::string(s.substr(5, 2))));
    const unsigned d = unsigned(std::stoi(std::string(s.substr(8, 2))));
    if (y < 1900)
        return false;
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}.ok();
}

std::optional<double> finiteNumber(const json &v)
{
    if (!v.is_number())
        return std::nullopt;
    const double d = v.get<double>();
    if (!std::isfinite(d))
        return std::nullopt;
    return d;
}

bool fieldNameOk(std::string_view name)
{
    if (name.empty() || name.size() > 64 || name[0] < 'a' || name[0] > 'z')
        return false;
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}
} // namespace

std::string_view FieldDefinition::toString(Type type)
{
    for (const auto &[t, name] : kTypeNames) {
        if (t == type)
            return name;
    }
    return "string";
}

std::optional<FieldDefinition::Type> FieldDefinition::typeFromString(std::string_view text)
{
    for (const auto &[t, name] : kTypeNames) {
        if (name == text)
            return t;
    }
    return std::nullopt;
}

bool FieldDefinition::isEmptyValue(const nlohmann::json &value)
{
    if (value.is_null())
        return true;
    if (value.is_string())
        return trimmed(value.get_ref<const std::string &>()).empty();
    if (value.is_array())
        return value.empty();
    return false;
}

const FieldDefinition::Option *FieldDefinition::option(std::string_view value) const
{
    for (const auto &o : options) {
        if (o.value == value)
            return &o;
    }
    return nullptr;
}

Result<FieldDefinition> FieldDefinition::fromJson(const nlohmann::json &object, const std::string &path)
{
    static const std::string prefix = "form_definition";
    FieldDefinition f;
    JsonReader r(object, path, prefix);
    std::string typeText;
    r.string("name", f.name, JsonReader::Required);
    if (r.ok() && !fieldNameOk(f.name))
        r.fail("name", "name",
               "字段名“" + displayKey(f.name) + "”应以小写字母开头，只含小写字母、数字和下划线（最多64个字符）");
    r.string("label", f.label, JsonReader::Required);
    r.string("type", typeText, JsonReader::Required);
    if (r.ok()) {
        if (const auto t = typeFromString(typeText))
            f.type = *t;
        else
            r.fail("type", "type", "字段“" + f.label + "”的类型“" + displayKey(typeText) + "”未知");
    }
    r.string("section", f.section);
    r.boolean("required", f.required);
    r.rule("required_if", f.requiredIf);
    r.rule("visible_if", f.visibleIf);
    r.string("pattern", f.pattern);
    r.count("min_length", f.minLength);
    r.count("max_length", f.maxLength);
    r.number("min", f.min);
    r.number("max", f.max);
    r.string("unit", f.unit);
    r.string("help", f.help);
    r.string("placeholder", f.placeholder);
    if (const json *options = r.array("options")) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < options->size() && r.ok(); ++i) {
            Option o;
            JsonReader ro((*options)[i], r.path("options") + '[' + std::to_string(i) + ']', prefix);
            ro.string("value", o.value, JsonReader::Required);
            ro.string("label", o.label, JsonReader::Required);
            if (!ro.finish())
                return ro.error();
            if (!seen.insert(o.value).second)
                return Error{prefix + ".options", "字段“" + f.label + "”的选项“" + o.value + "”重复", ro.path("value")};
            f.options.push_back(std::move(o));
        }
    }
    if (!r.finish())
        return r.error();

    // Consistency of the constraints with the type.
    const bool isEnum = f.type == Type::Enum || f.type == Type::MultiEnum;
    if (isEnum && f.options.empty())
        return Error{prefix + ".options", "字段“" + f.label + "”是选择类型，必须给出选项", r.path("options")};
    if (!isEnum && !f.options.empty())
        return Error{prefix + ".options", "字段“" + f.label + "”不是选择类型，不能有选项", r.path("options")};
    if (!f.pattern.empty()) {
        if (!isStringType(f.type))
            return Error{prefix + ".pattern", "字段“" + f.label + "”的类型不支持正则表达式", r.path("pattern")};
        if (f.pattern.size() > 1000)
            return Error{prefix + ".pattern", "字段“" + f.label + "”的正则表达式过长", r.path("pattern")};
        try {
            std::regex re(f.pattern, std::regex::ECMAScript);
        } catch (const std::exception &) {
            return Error{prefix + ".pattern", "字段“" + f.label + "”的正则表达式无效", r.path("pattern")};
        }
    }
    if ((f.minLength || f.maxLength) && !isStringType(f.type))
        return Error{prefix + ".length", "字段“" + f.label + "”的类型不支持长度限制", r.path("min_length")};
    if (f.minLength && f.maxLength && *f.minLength > *f.maxLength)
        return Error{prefix + ".length", "字段“" + f.label + "”的最小长度大于最大长度", r.path("min_length")};
    if ((f.min || f.max) && !isNumericType(f.type) && f.type != Type::MultiEnum)
        return Error{prefix + ".range", "字段“" + f.label + "”的类型不支持取值范围", r.path("min")};
    if (f.min && f.max && *f.min > *f.max)
        return Error{prefix + ".range", "字段“" + f.label + "”的最小值大于最大值", r.path("min")};
    return f;
}

nlohmann::json FieldDefinition::toJson() const
{
    json j = json::object();
    j["name"] = name;
    j["label"] = label;
    j["type"] = std::string(toString(type));
    if (!section.empty())
        j["section"] = section;
    j["required"] = required;
    if (!requiredIf.is_null())
        j["required_if"] = requiredIf;
    if (!visibleIf.is_null())
        j["visible_if"] = visibleIf;
    if (!pattern.empty())
        j["pattern"] = pattern;
    if (minLength)
        j["min_length"] = *minLength;
    if (maxLength)
        j["max_length"] = *maxLength;
    if (min)
        j["min"] = *min;
    if (max)
        j["max"] = *max;
    if (!options.empty()) {
        json list = json::array();
        for (const auto &o : options)
            list.push_back({{"value", o.value}, {"label", o.label}});
        j["options"] = std::move(list);
    }
    if (!unit.empty())
        j["unit"] = unit;
    if (!help.empty())
        j["help"] = help;
    if (!placeholder.empty())
        j["placeholder"] = placeholder;
    return j;
}

Result<nlohmann::json> FieldDefinition::checkValue(const nlohmann::json &value, const std::regex *compiledPattern) const
{
    const std::string l = quoted(label);
    const auto fail = [&](const char *code, std::string message) -> Result<json> {
        return Error{std::string("form.") + code, std::move(message), name};
    };
    const auto checkRange = [&](double v) -> std::optional<Error> {
        if (min && v < *min)
            return Error{"form.min", l + "不能小于" + formatNumber(*min), name};
        if (max && v > *max)
            return Error{"form.max", l + "不能大于" + formatNumber(*max), name};
        return std::nullopt;
    };

    try {
        // Values that are not strings.
        switch (type) {
        case Type::Boolean:
            if (!value.is_boolean())
                return fail("type", l + "应为“是”或“否”");
            return value;
        case Type::Integer: {
            const auto d = finiteNumber(value);
            if (!d || std::trunc(*d) != *d || std::fabs(*d) > 9007199254740992.0)
                return fail("type", l + "应为整数");
            if (auto e = checkRange(*d))
                return *e;
            if (value.is_number_float())
                return json(static_cast<long long>(*d));
            return value;
        }
        case Type::Number:
        case Type::Area: {
            const auto d = finiteNumber(value);
            if (!d)
                return fail("type", l + "应为数字");
            if (type == Type::Area && *d < 0)
                return fail("min", l + "不能小于0");
            if (auto e = checkRange(*d))
                return *e;
            return value;
        }
        case Type::MultiEnum: {
            if (!value.is_array())
                return fail("type", l + "应为选项列表");
            std::set<std::string> seen;
            json out = json::array();
            for (const auto &element : value) {
                if (!element.is_string())
                    return fail("type", l + "的选项应为文本");
                const auto &s = element.get_ref<const std::string &>();
                if (!option(s))
                    return fail("option", l + "的取值“" + displayKey(s) + "”不在可选项中");
                if (!seen.insert(s).second)
                    return fail("option", l + "的取值“" + displayKey(s) + "”重复");
                out.push_back(s);
            }
            if (auto e = checkRange(double(out.size()))) {
                e->message = min && double(out.size()) < *min ? l + "至少应选择" + formatNumber(*min) + "项"
                                                              : l + "最多可选择" + formatNumber(*max) + "项";
                return *e;
            }
            return out;
        }
        default:
            break;
        }

        // String types.
        if (!value.is_string())
            return fail("type", l + "应为文本");
        const auto &raw = value.get_ref<const std::string &>();
        const auto length = utf8Length(raw);
        if (!length)
            return fail("encoding", l + "含有无效的字符编码");
        if (*length > kMaxTextLength)
            return fail("max_length", l + "不能超过" + std::to_string(kMaxTextLength) + "个字");
        for (const char c : raw) {
            const auto u = static_cast<unsigned char>(c);
            const bool control = u < 0x20 || u == 0x7F;
            const bool allowed = type == Type::Text && (c == '\n' || c == '\r' || c == '\t');
            if (control && !allowed)
                return fail("characters", l + "不能含有控制字符");
        }
        std::string text(trimmed(raw));
        const std::size_t chars = *utf8Length(text);
        if (minLength && chars < *minLength)
            return fail("min_length", l + "至少应有" + std::to_string(*minLength) + "个字");
        if (maxLength && chars > *maxLength)
            return fail("max_length", l + "不能超过" + std::to_string(*maxLength) + "个字");

        json out = text;
        switch (type) {
        case Type::Money: {
            const auto cents = moneyCents(text);
            if (!cents)
                return fail("money", l + "应为金额，最多两位小数，如 1234.50");
            // limits beyond ±10^15 yuan are compared as doubles (llround would overflow)
            const auto below = [&](double limit) {
                return std::fabs(limit) < 1e15 ? *cents < std::llround(limit * 100) : double(*cents) < limit * 100;
            };
            const auto above = [&](double limit) {
                return std::fabs(limit) < 1e15 ? *cents > std::llround(limit * 100) : double(*cents) > limit * 100;
            };
            if (min && below(*min))
                return fail("min", l + "不能小于" + formatNumber(*min));
            if (max && above(*max))
                return fail("max", l + "不能大于" + formatNumber(*max));
            out = moneyText(*cents);
            break;
        }
        case Type::Date:
            if (!validDate(text))
                return fail("date", l + "应为有效日期，格式为 YYYY-MM-DD");
            break;
        case Type::Enum:
            if (!option(text))
                return fail("option", l + "的取值“" + displayKey(text) + "”不在可选项中");
            break;
        case Type::Phone:
            if (!validPhone(text))
                return fail("phone", l + "应为手机号码（11位）或固定电话（如 0991-1234567）");
            break;
        case Type::Email:
            if (!validEmail(text))
                return fail("email", l + "应为有效的电子邮箱地址");
            break;
        case Type::ProjectCode: {
            const auto code = spgl::ProjectCode::parse(text);
            if (!code)
                return fail("project_code", l + "：" + code.error().message);
            out = code->text();
            break;
        }
        case Type::CreditCode: {
            const auto code = spgl::CreditCode::parse(text);
            if (!code)
                return fail("credit_code", l + "：" + code.error().message);
            out = code->text();
            break;
        }
        case Type::IdNumber: {
            const auto code = spgl::IdNumber::parse(text);
            if (!code)
                return fail("id_number", l + "：" + code.error().message);
            out = code->text();
            break;
        }
        case Type::RegionCode: {
            const auto code = spgl::RegionCode::parse(text);
            if (!code)
                return fail("region_code", l + "：" + code.error().message);
            break;
        }
        default:
            break;
        }

        if (!pattern.empty()) {
            if (text.size() > kMaxPatternInput)
                return fail("pattern", l + "格式不正确");
            std::optional<std::regex> own;
            if (!compiledPattern) {
                own.emplace(pattern, std::regex::ECMAScript);
                compiledPattern = &*own;
            }
            if (!std::regex_match(text, *compiledPattern))
                return fail("pattern", l + "格式不正确");
        }
        return out;
    } catch (const std::exception &) {
        return fail("type", l + "的值无法校验");
    }
}

} // namespace spgl
