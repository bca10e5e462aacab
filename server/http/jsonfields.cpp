#include "http/jsonfields.h"

#include "http/apierror.h"

namespace spgl::server {

namespace {
std::string trimmed(const std::string &s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}
} // namespace

std::size_t JsonFields::characters(const std::string &utf8)
{
    std::size_t n = 0;
    for (unsigned char c : utf8)
        n += (c & 0xC0) != 0x80;
    return n;
}

const nlohmann::json *JsonFields::find(const std::string &name) const
{
    auto it = m_body.find(name);
    if (it == m_body.end() || it->is_null())
        return nullptr;
    return &*it;
}

void JsonFields::addFor(const std::string &field, Error error)
{
    if (hasErrorFor(field))
        return;
    error.field = field;
    m_errors.push_back(std::move(error));
}

bool JsonFields::hasErrorFor(const std::string &field) const
{
    for (const auto &e : m_errors)
        if (e.field == field)
            return true;
    return false;
}

std::string JsonFields::string(const std::string &name, bool required, std::size_t maxChars)
{
    const auto *v = find(name);
    if (!v) {
        if (required)
            addFor(name, {"required", "此项为必填项", {}});
        return {};
    }
    if (!v->is_string()) {
        addFor(name, {"type", "应为文本", {}});
        return {};
    }
    std::string s = trimmed(v->get<std::string>());
    if (required && s.empty())
        addFor(name, {"required", "此项为必填项", {}});
    else if (characters(s) > maxChars)
        addFor(name, {"too_long", "不能超过 " + std::to_string(maxChars) + " 个字符", {}});
    return s;
}

std::optional<std::string> JsonFields::optionalString(const std::string &name, std::size_t maxChars)
{
    if (!find(name))
        return std::nullopt;
    std::string s = string(name, false, maxChars);
    if (s.empty())
        return std::nullopt;
    return s;
}

std::optional<std::int64_t> JsonFields::integer(const std::string &name, bool required, std::int64_t min,
                                                std::int64_t max)
{
    const auto *v = find(name);
    if (!v) {
        if (required)
            addFor(name, {"required", "此项为必填项", {}});
        return std::nullopt;
    }
    if (!v->is_number_integer()) {
        addFor(name, {"type", "应为整数", {}});
        return std::nullopt;
    }
    const auto n = v->get<std::int64_t>();
    if (n < min || n > max) {
        addFor(name, {"range", "应在 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间", {}});
        return std::nullopt;
    }
    return n;
}

std::vector<std::string> JsonFields::stringArray(const std::string &name, bool required, std::size_t maxItems)
{
    const auto *v = find(name);
    if (!v) {
        if (required)
            addFor(name, {"required", "此项为必填项", {}});
        return {};
    }
    if (!v->is_array() || v->size() > maxItems) {
        addFor(name, {"type", "应为不超过 " + std::to_string(maxItems) + " 项的文本列表", {}});
        return {};
    }
    std::vector<std::string> out;
    for (const auto &item : *v) {
        if (!item.is_string()) {
            addFor(name, {"type", "列表中的每一项都应为文本", {}});
            return {};
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::string JsonFields::enumeration(const std::string &name, bool required, const std::vector<std::string> &allowed)
{
    std::string s = string(name, required, 64);
    if (s.empty() || hasErrorFor(name))
        return s;
    for (const auto &a : allowed)
        if (a == s)
            return s;
    std::string list;
    for (const auto &a : allowed)
        list += (list.empty() ? "" : "、") + a;
    addFor(name, {"enum", "取值无效，应为：" + list, {}});
    return {};
}

void JsonFields::check() const
{
    if (!m_errors.empty())
        throw ApiError::validation(m_errors);
}

} // namespace spgl::server
