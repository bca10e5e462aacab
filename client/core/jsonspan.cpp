#include "core/jsonspan.h"

#include <charconv>

namespace spgl::desk {

namespace {

/// Nesting deeper than this is refused (as a parser with a bounded stack would).
constexpr int kMaxDepth = 512;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// The UTF-16 unit of the escape `\uXXXX` at @p p, or -1 when there is none (text ends at @p end).
int escapedUnitAt(const char *p, const char *end)
{
    if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
        return -1;
    int code = 0;
    for (int i = 2; i < 6; ++i) {
        const int digit = hexValue(p[i]);
        if (digit < 0)
            return -1;
        code = code << 4 | digit;
    }
    return code;
}

/// Walks one JSON text; every step returns false on the first byte that breaks the grammar.
struct Scanner
{
    const char *p;
    const char *end;
    /// The text is known to be well-formed (a span of a text checked before): values are skipped
    /// by their structure alone, without checking numbers, escapes or UTF-8 again.
    bool trusted = false;

    explicit Scanner(std::string_view text, JsonSpan::Check check = JsonSpan::Check::Full)
        : p(text.data())
        , end(text.data() + text.size())
        , trusted(check == JsonSpan::Check::Trusted)
    {}

    /// Skips a string, number or literal of a trusted text.
    bool skipTrustedScalar(bool *escaped)
    {
        if (*p != '"') {
            while (p < end && *p != ',' && *p != ']' && *p != '}' && *p != ' ' && *p != '\n' && *p != '\r'
                   && *p != '\t')
                ++p;
            return true;
        }
        for (++p; p < end; ++p) {
            if (*p == '"') {
                ++p;
                return true;
            }
            if (*p == '\\') {
                if (escaped)
                    *escaped = true;
                ++p; // the escaped character (of \uXXXX, the hex digits follow as plain bytes)
            }
        }
        return false;
    }

    bool atEnd() const { return p >= end; }

    int escapedUnit(const char *at) const { return escapedUnitAt(at, end); }

    void whitespace()
    {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
    }

    bool expect(char c)
    {
        if (p >= end || *p != c)
            return false;
        ++p;
        return true;
    }

    bool literal(std::string_view word)
    {
        if (std::size_t(end - p) < word.size() || std::string_view(p, word.size()) != word)
            return false;
        p += word.size();
        return true;
    }

    bool digits()
    {
        const char *start = p;
        while (p < end && isDigit(*p))
            ++p;
        return p > start;
    }

    bool number()
    {
        if (p < end && *p == '-')
            ++p;
        if (p < end && *p == '0')
            ++p;
        else if (p < end && *p >= '1' && *p <= '9')
            digits();
        else
            return false;
        if (p < end && *p == '.') {
            ++p;
            if (!digits())
                return false;
        }
        if (p < end && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < end && (*p == '+' || *p == '-'))
                ++p;
            if (!digits())
                return false;
        }
        return true;
    }

    /// One UTF-8 sequence of two to four bytes (RFC 3629: no overlongs, no surrogates).
    bool multibyte()
    {
        const auto lead = static_cast<unsigned char>(*p);
        int more = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF)
            more = 1;
        else if (lead == 0xE0)
            more = 2, low = 0xA0;
        else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF)
            more = 2;
        else if (lead == 0xED)
            more = 2, high = 0x9F;
        else if (lead == 0xF0)
            more = 3, low = 0x90;
        else if (lead >= 0xF1 && lead <= 0xF3)
            more = 3;
        else if (lead == 0xF4)
            more = 3, high = 0x8F;
        else
            return false;
        if (end - p <= more)
            return false;
        const auto second = static_cast<unsigned char>(p[1]);
        if (second < low || second > high)
            return false;
        for (int i = 2; i <= more; ++i)
            if (!isContinuation(static_cast<unsigned char>(p[i])))
                return false;
        p += more + 1;
        return true;
    }

    /// A string, from its opening quote past its closing one; sets @p escaped when it holds escapes.
    bool string(bool *escaped = nullptr)
    {
        if (trusted && p < end && *p == '"')
            return skipTrustedScalar(escaped);
        if (!expect('"'))
            return false;
        for (;;) {
            // The common case first: printable ASCII other than the quote and the backslash.
            while (p < end) {
                const auto c = static_cast<unsigned char>(*p);
                if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
                    break;
                ++p;
            }
            if (p >= end)
                return false;
            const auto c = static_cast<unsigned char>(*p);
            if (c == '"') {
                ++p;
                return true;
            }
            if (c == '\\') {
                if (escaped)
                    *escaped = true;
                if (end - p < 2)
                    return false;
                const char e = p[1];
                if (e == 'u') {
                    // A surrogate only as a high-low pair (a lone one has no UTF-8 form).
                    const int code = escapedUnit(p);
                    if (code < 0 || (code >= 0xDC00 && code <= 0xDFFF))
                        return false;
                    p += 6;
                    if (code >= 0xD800 && code <= 0xDBFF) {
                        const int low = escapedUnit(p);
                        if (low < 0xDC00 || low > 0xDFFF)
                            return false;
                        p += 6;
                    }
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                           || e == 't') {
                    p += 2;
                } else {
                    return false;
                }
                continue;
            }
            if (c < 0x20 || !multibyte())
                return false;
        }
    }

    bool value(int depth)
    {
        if (p >= end)
            return false;
        switch (*p) {
        case '{':
            return object(depth + 1, nullptr);
        case '[':
            return array(depth + 1, nullptr);
        case '"':
            return string();
        default:
            break;
        }
        if (trusted)
            return skipTrustedScalar(nullptr);
        switch (*p) {
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool object(int depth, std::vector<JsonSpan::Member> *out)
    {
        if (depth > kMaxDepth || !expect('{'))
            return false;
        whitespace();
        if (expect('}'))
            return true;
        for (;;) {
            const char *keyStart = p;
            bool escaped = false;
            if (!string(&escaped))
                return false;
            const std::string_view keyText(keyStart, std::size_t(p - keyStart));
            whitespace();
            if (!expect(':'))
                return false;
            whitespace();
            const char *valueStart = p;
            if (!value(depth))
                return false;
            if (out) {
                JsonSpan::Member m;
                m.key = escaped ? JsonSpan::string(keyText).value_or(std::string())
                                : std::string(keyText.substr(1, keyText.size() - 2));
                m.value = std::string_view(valueStart, std::size_t(p - valueStart));
                out->push_back(std::move(m));
            }
            whitespace();
            if (expect('}'))
                return true;
            if (!expect(','))
                return false;
            whitespace();
        }
    }

    bool array(int depth, std::vector<std::string_view> *out)
    {
        if (depth > kMaxDepth || !expect('['))
            return false;
        whitespace();
        if (expect(']'))
            return true;
        for (;;) {
            const char *valueStart = p;
            if (!value(depth))
                return false;
            if (out)
                out->emplace_back(valueStart, std::size_t(p - valueStart));
            whitespace();
            if (expect(']'))
                return true;
            if (!expect(','))
                return false;
            whitespace();
        }
    }
};

void appendUtf8(std::string &out, unsigned code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

} // namespace

bool JsonSpan::isValid(std::string_view text)
{
    Scanner s(text);
    s.whitespace();
    if (!s.value(0))
        return false;
    s.whitespace();
    return s.atEnd();
}

namespace {

/// What @p split (an object or array walk of a Scanner) gathers from the whole of @p text, which
/// holds nothing else but whitespace.
template<typename Item, typename Split>
std::optional<std::vector<Item>> splitWhole(std::string_view text, JsonSpan::Check check, Split split)
{
    Scanner s(text, check);
    std::vector<Item> out;
    s.whitespace();
    if (!split(s, &out))
        return std::nullopt;
    s.whitespace();
    if (!s.atEnd())
        return std::nullopt;
    return out;
}

} // namespace

std::optional<std::vector<JsonSpan::Member>> JsonSpan::members(std::string_view text, Check check)
{
    return splitWhole<Member>(text, check, [](Scanner &s, std::vector<Member> *out) { return s.object(1, out); });
}

std::optional<std::vector<std::string_view>> JsonSpan::elements(std::string_view text, Check check)
{
    return splitWhole<std::string_view>(text, check,
                                        [](Scanner &s, std::vector<std::string_view> *out) { return s.array(1, out); });
}

std::string_view JsonSpan::find(const std::vector<Member> &members, std::string_view key)
{
    for (auto it = members.rbegin(); it != members.rend(); ++it)
        if (it->key == key)
            return it->value;
    return {};
}

std::optional<std::string> JsonSpan::string(std::string_view value)
{
    Scanner s(value);
    if (!s.string() || !s.atEnd())
        return std::nullopt;
    std::string out;
    out.reserve(value.size() - 2);
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
        const char c = value[i];
        if (c != '\\') {
            out += c;
            continue;
        }
        const char e = value[++i];
        switch (e) {
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            // Checked by the scanner: a high surrogate is followed by its low one.
            const char *at = value.data() + i - 1;
            const char *end = value.data() + value.size();
            unsigned code = unsigned(escapedUnitAt(at, end));
            i += 4;
            if (code >= 0xD800 && code <= 0xDBFF) {
                code = 0x10000 + ((code - 0xD800) << 10) + (unsigned(escapedUnitAt(at + 6, end)) - 0xDC00);
                i += 6;
            }
            appendUtf8(out, code);
            break;
        }
        default: // '"', '\\', '/'
            out += e;
        }
    }
    return out;
}

std::optional<long long> JsonSpan::integer(std::string_view value)
{
    Scanner s(value);
    if (!s.number() || !s.atEnd())
        return std::nullopt;
    long long out = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (ec != std::errc() || ptr != value.data() + value.size())
        return std::nullopt;
    return out;
}

} // namespace spgl::desk
