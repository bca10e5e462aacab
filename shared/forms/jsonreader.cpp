#include "forms/jsonreader.h"

#include "rules/jsonlogic.h"

#include <cmath>
#include <utility>

namespace spgl {

namespace {
using json = nlohmann::json;

std::string typeName(const json &value)
{
    switch (value.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "布尔值";
    case json::value_t::string:
        return "字符串";
    case json::value_t::array:
        return "数组";
    case json::value_t::object:
        return "对象";
    default:
        return "数字";
    }
}

/// Whether @p text is valid UTF-8.
bool validUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3, cp = c & 0x07;
        } else {
            return false;
        }
        if (i + n >= text.size())
            return false;
        for (std::size_t k = 1; k <= n; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

std::optional<Error> checkRuleNode(const json &node, const std::string &field, const std::string &code, int depth)
{
    static const JsonLogic logic;
    if (depth > JsonLogic::maxDepth)
        return Error{code, "规则嵌套过深", field};
    if (node.is_array()) {
        for (const auto &element : node) {
            if (auto e = checkRuleNode(element, field, code, depth + 1))
                return e;
        }
        return std::nullopt;
    }
    if (!node.is_object())
        return std::nullopt;
    if (node.size() != 1)
        return Error{code, "规则中的对象应只有一个键（运算符）", field};
    const auto it = node.begin();
    if (!logic.hasOperation(it.key()))
        return Error{code, "规则使用了未知的运算符“" + displayKey(it.key()) + "”", field};
    return checkRuleNode(it.value(), field, code, depth + 1);
}
} // namespace

std::string displayKey(std::string_view key)
{
    std::string out;
    std::size_t chars = 0;
    std::size_t i = 0;
    while (i < key.size() && chars < 40) {
        const auto c = static_cast<unsigned char>(key[i]);
        const std::size_t n = c < 0x80             ? 1
                              : (c & 0xE0) == 0xC0 ? 2
                              : (c & 0xF0) == 0xE0 ? 3
                              : (c & 0xF8) == 0xF0 ? 4
                                                   : 0;
        if (n == 0 || i + n > key.size() || !validUtf8(key.substr(i, n))) {
            out += "\xEF\xBF\xBD"; // U+FFFD
            ++i;
        } else if (n == 1 && (c < 0x20 || c == 0x7F)) {
            out += '?';
            ++i;
        } else {
            out.append(key.substr(i, n));
            i += n;
        }
        ++chars;
    }
    if (i < key.size())
        out += "…";
    return out;
}

std::optional<Error> checkRuleShape(const nlohmann::json &rule, const std::string &field, const std::string &codePrefix)
{
    const std::string code = codePrefix + ".rule";
    if (rule.is_null() || rule.is_boolean())
        return std::nullopt;
    if (!JsonLogic::isLogic(rule))
        return Error{code, "规则应为 JSON Logic 运算（只有一个键的对象）或布尔值", field};
    if (auto e = checkRuleNode(rule, field, code, 0))
        return e;
    // Evaluating with empty data finds what the shape cannot (e.g. {"*":[]}).
    const auto result = JsonLogic::evaluate(rule, json{{"form", json::object()}});
    if (!result.ok() && result.error().code != "rules.operation_failed")
        return Error{code, "规则无法计算：" + result.error().message, field};
    return std::nullopt;
}

JsonReader::JsonReader(const nlohmann::json &object, std::string path, std::string codePrefix)
    : m_object(object)
    , m_path(std::move(path))
    , m_prefix(std::move(codePrefix))
{
    if (!m_object.is_object())
        m_error = Error{m_prefix + ".type", "应为 JSON 对象，实际为" + typeName(m_object), m_path};
}

std::string JsonReader::path(std::string_view key) const
{
    if (key.empty())
        return m_path;
    if (m_path.empty())
        return std::string(key);
    return m_path + '.' + std::string(key);
}

bool JsonReader::fail(std::string_view key, std::string code, std::string message)
{
    if (!m_error)
        m_error = Error{m_prefix + '.' + code, std::move(message), path(key)};
    return false;
}

const nlohmann::json *JsonReader::value(std::string_view key)
{
    if (m_error)
        return nullptr;
    m_known.emplace(key);
    const auto it = m_object.find(key);
    if (it == m_object.end() || it->is_null())
        return nullptr;
    return &*it;
}

bool JsonReader::string(std::string_view key, std::string &out, Presence presence)
{
    if (m_error)
        return false;
    const json *v = value(key);
    if (!v) {
        if (presence == Required)
            return fail(key, "missing", "缺少必填项“" + std::string(key) + "”");
        return true;
    }
    if (!v->is_string())
        return fail(key, "type", "“" + std::string(key) + "”应为字符串，实际为" + typeName(*v));
    const auto &text = v->get_ref<const std::string &>();
    if (!validUtf8(text))
        return fail(key, "encoding", "“" + std::string(key) + "”不是有效的 UTF-8 文本");
    if (presence == Required && text.empty())
        return fail(key, "missing", "“" + std::string(key) + "”不能为空");
    out = text;
    return true;
}

bool JsonReader::boolean(std::string_view key, bool &out, Presence presence)
{
    if (m_error)
        return false;
    const json *v = value(key);
    if (!v) {
        if (presence == Required)
            return fail(key, "missing", "缺少必填项“" + std::string(key) + "”");
        return true;
    }
    if (!v->is_boolean())
        return fail(key, "type", "“" + std::string(key) + "”应为布尔值，实际为" + typeName(*v));
    out = v->get<bool>();
    return true;
}

bool JsonReader::integer(std::string_view key, int &out, Presence presence, long long min, long long max)
{
    if (m_error)
        return false;
    const json *v = value(key);
    if (!v) {
        if (presence == Required)
            return fail(key, "missing", "缺少必填项“" + std::string(key) + "”");
        return true;
    }
    long long n = 0;
    if (v->is_number_unsigned()) {
        const auto u = v->get<unsigned long long>();
        if (u > static_cast<unsigned long long>(max))
            return fail(key, "range",
                        "“" + std::string(key) + "”应在" + std::to_string(min) + "至" + std::to_string(max) + "之间");
        n = static_cast<long long>(u);
    } else if (v->is_number_integer()) {
        n = v->get<long long>();
    } else if (v->is_number_float() && std::isfinite(v->get<double>())
               && std::trunc(v->get<double>()) == v->get<double>() && std::fabs(v->get<double>()) < 9e15) {
        n = static_cast<long long>(v->get<double>());
    } else {
        return fail(key, "type", "“" + std::string(key) + "”应为整数，实际为" + typeName(*v));
    }
    if (n < min || n > max)
        return fail(key, "range",
                    "“" + std::string(key) + "”应在" + std::to_string(min) + "至" + std::to_string(max) + "之间");
    out = static_cast<int>(n);
    return true;
}

bool JsonReader::number(std::string_view key, std::optional<double> &out)
{
    if (m_error)
        return false;
    const json *v = value(key);
    if (!v)
        return true;
    if (!v->is_number() || !std::isfinite(v->get<double>()))
        return fail(key, "type", "“" + std::string(key) + "”应为数字，实际为" + typeName(*v));
    out = v->get<double>();
    return true;
}

bool JsonReader::count(std::string_view key, std::optional<std::size_t> &out)
{
    if (m_error)
        return false;
    const json *v = value(key);
    if (!v)
        return true;
    if (!v->is_number_integer() || v->get<long long>() < 0 || v->get<long long>() > 1000000)
        return fail(key, "type", "“" + std::string(key) + "”应为不小于0的整数");
    out = static_cast<std::size_t>(v->get<long long>());
    return true;
}

bool JsonReader::rule(std::string_view key, nlohmann::json &out)
{
    if (m_error)
        return false;
    const json *v = value(key);
    if (!v) {
        out = nullptr;
        return true;
    }
    if (auto e = checkRuleShape(*v, path(key), m_prefix)) {
        m_error = std::move(*e);
        return false;
    }
    out = *v;
    return true;
}

const nlohmann::json *JsonReader::array(std::string_view key, Presence presence)
{
    if (m_error)
        return nullptr;
    const json *v = value(key);
    if (!v) {
        if (presence == Required)
            fail(key, "missing", "缺少必填项“" + std::string(key) + "”");
        return nullptr;
    }
    if (!v->is_array()) {
        fail(key, "type", "“" + std::string(key) + "”应为数组，实际为" + typeName(*v));
        return nullptr;
    }
    return v;
}

bool JsonReader::finish()
{
    if (m_error)
        return false;
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_known.contains(it.key()))
            return fail(displayKey(it.key()), "unknown_key", "未知的键“" + displayKey(it.key()) + "”");
    }
    return true;
}

} // namespace spgl
