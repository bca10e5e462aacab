#include "rules/jsonlogic.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <exception>
#include <iostream>
#include <limits>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

// The evaluator mirrors json-logic-js 2.x (logic.js) operation by operation; the JavaScript
// semantics it relies on (ToNumber, ToString, ToPrimitive, ==, ===, <, parseFloat,
// String.prototype.substr, Number.prototype.toString) are re-implemented below, each after the
// ECMAScript algorithm of the same name.

namespace spgl {

namespace {

using json = nlohmann::json;

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Infinity = std::numeric_limits<double>::infinity();
constexpr double maxSafeInteger = 9007199254740992.0; // 2^53

const json &nullJson()
{
    static const json null;
    return null;
}

// ---------------------------------------------------------------------------------------------
// UTF-8 and UTF-16: JavaScript strings are sequences of UTF-16 code units.

/// Decodes the code point at @p pos and advances @p pos; an invalid sequence gives U+FFFD and
/// advances one byte.
char32_t decodeUtf8(std::string_view s, std::size_t &pos)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, cp = lead & 0x1F, min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, cp = lead & 0x0F, min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, cp = lead & 0x07, min = 0x10000;
    } else {
        ++pos;
        return 0xFFFD;
    }
    if (pos + length > s.size()) {
        ++pos;
        return 0xFFFD;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char c = byte(pos + i);
        if ((c & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return 0xFFFD;
    }
    pos += length;
    return cp;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::u16string toUtf16(std::string_view s)
{
    std::u16string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = decodeUtf8(s, pos);
        if (cp < 0x10000) {
            out += static_cast<char16_t>(cp);
        } else {
            out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
            out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
        }
    }
    return out;
}

/// A lone surrogate (a pair split by substr) cannot be UTF-8: it becomes U+FFFD.
std::string fromUtf16(std::u16string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char16_t u = s[i];
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            appendUtf8(out, 0x10000 + ((char32_t(u) - 0xD800) << 10) + (char32_t(s[i + 1]) - 0xDC00));
            ++i;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            appendUtf8(out, 0xFFFD);
        } else {
            appendUtf8(out, u);
        }
    }
    return out;
}

std::size_t utf16Length(std::string_view s)
{
    std::size_t length = 0;
    std::size_t pos = 0;
    while (pos < s.size())
        length += decodeUtf8(s, pos) >= 0x10000 ? 2U : 1U;
    return length;
}

/// a < b comparing UTF-16 code units, as JavaScript compares strings.
bool utf16Less(std::string_view a, std::string_view b)
{
    // UTF-8 byte order is code point order, which differs from UTF-16 order only between a
    // supplementary character (4-byte sequence, lead byte >= 0xF0) and U+E000..U+FFFF.
    const auto hasSupplementary = [](std::string_view s) {
        return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xF0; });
    };
    if (!hasSupplementary(a) && !hasSupplementary(b))
        return a < b;
    return toUtf16(a) < toUtf16(b);
}

/// StrWhiteSpaceChar of ECMAScript: WhiteSpace and LineTerminator.
bool isJsSpace(char32_t c)
{
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

std::string_view trimJsStart(std::string_view s)
{
    while (!s.empty()) {
        std::size_t pos = 0;
        if (!isJsSpace(decodeUtf8(s, pos)))
            break;
        s.remove_prefix(pos);
    }
    return s;
}

std::string_view trimJs(std::string_view s)
{
    s = trimJsStart(s);
    while (!s.empty()) {
        std::size_t start = s.size() - 1;
        while (start > 0 && s.size() - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
            --start;
        std::size_t pos = start;
        const char32_t c = decodeUtf8(s, pos);
        if (pos != s.size() || !isJsSpace(c))
            break;
        s.remove_suffix(s.size() - start);
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// Numbers.

double numberOf(const json &j)
{
    switch (j.type()) {
    case json::value_t::number_integer:
        return static_cast<double>(j.get<std::int64_t>());
    case json::value_t::number_unsigned:
        return static_cast<double>(j.get<std::uint64_t>());
    case json::value_t::number_float:
        return j.get<double>();
    default:
        return 0;
    }
}

/// A computed number: an integer when it is one, else a double (NaN and infinities included).
/// -0 stays a double while it is a scalar in the evaluation (1 / -0 is -Infinity).
json makeNumber(double d)
{
    if (std::trunc(d) == d && std::fabs(d) <= maxSafeInteger && !(d == 0 && std::signbit(d)))
        return json(static_cast<std::int64_t>(d));
    return json(d);
}

/// @p j, with -0 as 0: what JSON.stringify writes, for results and items of arrays.
json normalized(json j)
{
    if (j.is_number_float() && j.get<double>() == 0)
        return json(0);
    return j;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// Length of the longest prefix of @p s of the form digits [. digits] [e [+-] digits] with at
/// least one mantissa digit (StrUnsignedDecimalLiteral without Infinity); 0 when there is none.
std::size_t scanDecimal(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    std::size_t digits = i;
    if (i < s.size() && s[i] == '.') {
        std::size_t j = i + 1;
        while (j < s.size() && isDigit(s[j]))
            ++j;
        digits += j - i - 1;
        i = j;
    }
    if (digits == 0)
        return 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-'))
            ++j;
        std::size_t k = j;
        while (k < s.size() && isDigit(s[k]))
            ++k;
        if (k > j)
            i = k;
    }
    return i;
}

/// Value of a literal accepted by scanDecimal, rounded as JavaScript does; overflow gives
/// Infinity and underflow 0.
double parseDecimal(std::string_view literal)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(literal.data(), literal.data() + literal.size(), value);
    if (ec == std::errc())
        return value;
    // Out of range: the decimal exponent of the first significant digit tells which way.
    const std::size_t ePos = literal.find_first_of("eE");
    const std::string_view mantissa = literal.substr(0, ePos);
    long long exponent = 0;
    if (ePos != std::string_view::npos) {
        std::string_view e = literal.substr(ePos + 1);
        const bool negative = !e.empty() && e.front() == '-';
        if (!e.empty() && (e.front() == '-' || e.front() == '+'))
            e.remove_prefix(1);
        for (const char c : e)
            exponent = std::min<long long>(exponent * 10 + (c - '0'), 1'000'000'000);
        if (negative)
            exponent = -exponent;
    }
    const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
    const std::size_t first = mantissa.find_first_not_of("0.");
    if (first == std::string_view::npos)
        return 0;
    const long long magnitude
        = first < point ? static_cast<long long>(point - first - 1) : -static_cast<long long>(first - point);
    return magnitude + exponent > 0 ? Infinity : 0;
}

/// ECMAScript StringToNumber (Number("...")).
double stringToNumber(std::string_view s)
{
    s = trimJs(s);
    if (s.empty())
        return 0;
    if (s.size() > 2 && s[0] == '0') {
        int base = 0;
        switch (s[1]) {
        case 'x':
        case 'X':
            base = 16;
            break;
        case 'o':
        case 'O':
            base = 8;
            break;
        case 'b':
        case 'B':
            base = 2;
            break;
        default:
            break;
        }
        if (base != 0) {
            double value = 0;
            for (const char c : s.substr(2)) {
                int digit = 0;
                if (isDigit(c))
                    digit = c - '0';
                else if (c >= 'a' && c <= 'f')
                    digit = c - 'a' + 10;
                else if (c >= 'A' && c <= 'F')
                    digit = c - 'A' + 10;
                else
                    return NaN;
                if (digit >= base)
                    return NaN;
                value = value * base + digit;
            }
            return value;
        }
    }
    bool negative = false;
    if (s.front() == '+' || s.front() == '-') {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    double value = 0;
    if (s == "Infinity") {
        value = Infinity;
    } else {
        const std::size_t length = scanDecimal(s);
        if (length == 0 || length != s.size())
            return NaN;
        value = parseDecimal(s);
    }
    return negative ? -value : value;
}

/// ECMAScript parseFloat on a string: the longest decimal prefix after leading white space.
double parseFloatString(std::string_view s)
{
    s = trimJsStart(s);
    bool negative = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    double value = 0;
    if (s.substr(0, 8) == "Infinity") {
        value = Infinity;
    } else {
        const std::size_t length = scanDecimal(s);
        if (length == 0)
            return NaN;
        value = parseDecimal(s.substr(0, length));
    }
    return negative ? -value : value;
}

/// Number.prototype.toString() (radix 10).
std::string numberToString(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (v == 0)
        return "0";
    if (std::isinf(v))
        return v < 0 ? "-Infinity" : "Infinity";
    std::string out;
    if (v < 0) {
        out += '-';
        v = -v;
    }
    // Shortest round-trip digits, as ECMAScript requires, in the form d.ddde±x.
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v, std::chars_format::scientific);
    const std::string_view text(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
    const std::size_t ePos = text.find('e');
    std::string digits;
    for (const char c : text.substr(0, ePos)) {
        if (c != '.')
            digits += c;
    }
    std::string_view exponentText = text.substr(ePos + 1);
    if (!exponentText.empty() && exponentText.front() == '+')
        exponentText.remove_prefix(1);
    int exponent = 0;
    std::from_chars(exponentText.data(), exponentText.data() + exponentText.size(), exponent);
    const int k = static_cast<int>(digits.size());
    const int n = exponent + 1;
    if (k <= n && n <= 21) {
        out += digits;
        out.append(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, static_cast<std::size_t>(n));
        out += '.';
        out += digits.substr(static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += 'e';
        out += n - 1 >= 0 ? '+' : '-';
        out += std::to_string(std::abs(n - 1));
    }
    return out;
}

/// ToIntegerOrInfinity.
double toIntegerOrInfinity(double d)
{
    if (std::isnan(d) || d == 0)
        return 0;
    return std::trunc(d);
}

// ---------------------------------------------------------------------------------------------
// Values of the evaluation.

/**
 * A value during evaluation: JavaScript's undefined, a reference to a node of the rule, of the
 * data or of an iteration's item (no copy; the address is the object's identity for === on
 * arrays and objects), or a value computed by an operation.
 */
class Value
{
public:
    Value() = default;

    static Value ref(const json &j)
    {
        Value v;
        v.m_kind = Kind::Ref;
        v.m_ref = &j;
        return v;
    }
    static Value own(json j)
    {
        Value v;
        v.m_kind = Kind::Own;
        v.m_own = std::move(j);
        return v;
    }

    bool isUndefined() const { return m_kind == Kind::Undefined; }
    /// The JSON value; null for undefined.
    const json &get() const
    {
        switch (m_kind) {
        case Kind::Ref:
            return *m_ref;
        case Kind::Own:
            return m_own;
        case Kind::Undefined:
            break;
        }
        return nullJson();
    }
    /// The identity of an array or object, null for a computed value (a fresh object).
    const json *identity() const { return m_kind == Kind::Ref ? m_ref : nullptr; }
    /// The JSON value, moved out when computed, copied when referenced.
    json take() &&
    {
        switch (m_kind) {
        case Kind::Ref:
            return *m_ref;
        case Kind::Own:
            return std::move(m_own);
        case Kind::Undefined:
            break;
        }
        return json();
    }

private:
    enum class Kind : unsigned char { Undefined, Ref, Own };
    Kind m_kind = Kind::Undefined;
    const json *m_ref = nullptr;
    json m_own;
};

Value boolean(bool b)
{
    return Value::own(json(b));
}

Value number(double d)
{
    return Value::own(makeNumber(d));
}

Value string(std::string s)
{
    return Value::own(json(std::move(s)));
}

/// The evaluated arguments of an operation; few arguments live on the stack.
class ValueList
{
public:
    explicit ValueList(std::size_t count)
        : m_count(count)
    {
        if (count > inlineCapacity)
            m_heap.resize(count);
    }

    std::size_t size() const { return m_count; }
    Value &operator[](std::size_t i) { return m_count <= inlineCapacity ? m_inline[i] : m_heap[i]; }
    const Value &operator[](std::size_t i) const { return m_count <= inlineCapacity ? m_inline[i] : m_heap[i]; }
    /// The argument at @p i, undefined past the end.
    const Value &at(std::size_t i) const
    {
        static const Value undefined;
        return i < m_count ? (*this)[i] : undefined;
    }

private:
    static constexpr std::size_t inlineCapacity = 4;
    std::size_t m_count;
    std::array<Value, inlineCapacity> m_inline;
    std::vector<Value> m_heap;
};

/// The unevaluated arguments of an operation: its array, or its single non-array value.
struct RuleArgs
{
    const json *items = nullptr;
    std::size_t count = 0;

    const json &operator[](std::size_t i) const { return items[i]; }
    const json &at(std::size_t i) const { return i < count ? items[i] : nullJson(); }
};

RuleArgs ruleArgs(const json &values)
{
    if (values.is_array()) {
        const auto &array = values.get_ref<const json::array_t &>();
        return {array.data(), array.size()};
    }
    return {&values, 1};
}

// ---------------------------------------------------------------------------------------------
// JavaScript semantics on values.

enum class JsType { Undefined, Null, Boolean, Number, String, Object };

JsType jsTypeOf(const json &j)
{
    switch (j.type()) {
    case json::value_t::boolean:
        return JsType::Boolean;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return JsType::Number;
    case json::value_t::string:
        return JsType::String;
    case json::value_t::array:
    case json::value_t::object:
    case json::value_t::binary:
        return JsType::Object;
    case json::value_t::null:
    case json::value_t::discarded:
        break;
    }
    return JsType::Null;
}

JsType jsType(const Value &v)
{
    return v.isUndefined() ? JsType::Undefined : jsTypeOf(v.get());
}

/// Arrays nested deeper than this in the data are not stringified further (JavaScript would
/// overflow its stack far later; this only keeps ours safe).
constexpr int maxStringifyDepth = 1000;

/// Appends ToString(@p j); @p element: as an element of Array.prototype.join (null → "").
void appendJsString(std::string &out, const json &j, bool element, int depth = 0)
{
    switch (j.type()) {
    case json::value_t::null:
        if (!element)
            out += "null";
        break;
    case json::value_t::boolean:
        out += j.get<bool>() ? "true" : "false";
        break;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        out += numberToString(numberOf(j));
        break;
    case json::value_t::string:
        out += j.get_ref<const std::string &>();
        break;
    case json::value_t::array:
        if (depth < maxStringifyDepth) {
            bool first = true;
            for (const json &e : j) {
                if (!first)
                    out += ',';
                first = false;
                appendJsString(out, e, true, depth + 1);
            }
        }
        break;
    case json::value_t::object:
    case json::value_t::binary:
        out += "[object Object]";
        break;
    case json::value_t::discarded:
        break;
    }
}

/// String(v).
std::string jsToString(const Value &v)
{
    if (v.isUndefined())
        return "undefined";
    std::string out;
    appendJsString(out, v.get(), false);
    return out;
}

/// A primitive (ToPrimitive of a value): arrays and objects become strings.
struct Primitive
{
    JsType type = JsType::Undefined;
    bool boolean = false;
    double number = 0;
    std::string_view string; ///< into the value, or into storage
    std::string storage;

    Primitive() = default;
    Primitive(const Primitive &) = delete;
    Primitive &operator=(const Primitive &) = delete;
};

void toPrimitive(const Value &v, Primitive &p)
{
    p.type = jsType(v);
    const json &j = v.get();
    switch (p.type) {
    case JsType::Boolean:
        p.boolean = j.get<bool>();
        break;
    case JsType::Number:
        p.number = numberOf(j);
        break;
    case JsType::String:
        p.string = j.get_ref<const std::string &>();
        break;
    case JsType::Object:
        p.type = JsType::String;
        p.storage = jsToString(v);
        p.string = p.storage;
        break;
    case JsType::Undefined:
    case JsType::Null:
        break;
    }
}

double toNumber(const Primitive &p)
{
    switch (p.type) {
    case JsType::Undefined:
        return NaN;
    case JsType::Null:
        return 0;
    case JsType::Boolean:
        return p.boolean ? 1 : 0;
    case JsType::Number:
        return p.number;
    case JsType::String:
    case JsType::Object:
        break;
    }
    return stringToNumber(p.string);
}

/// ToNumber(v).
double toNumber(const Value &v)
{
    const json &j = v.get();
    switch (jsType(v)) {
    case JsType::Number:
        return numberOf(j);
    case JsType::String:
        return stringToNumber(j.get_ref<const std::string &>());
    case JsType::Boolean:
        return j.get<bool>() ? 1 : 0;
    case JsType::Null:
        return 0;
    case JsType::Undefined:
        return NaN;
    case JsType::Object:
        break;
    }
    return stringToNumber(jsToString(v));
}

/// parseFloat(v): parseFloat(String(v)).
double parseFloatOf(const Value &v)
{
    const json &j = v.get();
    switch (jsType(v)) {
    case JsType::Number:
        return numberOf(j);
    case JsType::String:
        return parseFloatString(j.get_ref<const std::string &>());
    case JsType::Undefined:
    case JsType::Null:
    case JsType::Boolean:
        return NaN;
    case JsType::Object:
        break;
    }
    return parseFloatString(jsToString(v));
}

/// JavaScript's !!v.
bool jsTruthy(const Value &v)
{
    const json &j = v.get();
    switch (jsType(v)) {
    case JsType::Undefined:
    case JsType::Null:
        return false;
    case JsType::Boolean:
        return j.get<bool>();
    case JsType::Number: {
        const double d = numberOf(j);
        return d != 0 && !std::isnan(d);
    }
    case JsType::String:
        return !j.get_ref<const std::string &>().empty();
    case JsType::Object:
        break;
    }
    return true;
}

/// jsonLogic.truthy: JavaScript's, except that an empty array is false.
bool logicTruthy(const Value &v)
{
    const json &j = v.get();
    if (!v.isUndefined() && j.is_array())
        return !j.empty();
    return jsTruthy(v);
}

/// x === y; arrays and objects are equal only when they are the same one.
bool strictEquals(JsType tx, const json &x, const json *xIdentity, JsType ty, const json &y, const json *yIdentity)
{
    if (tx != ty)
        return false;
    switch (tx) {
    case JsType::Undefined:
    case JsType::Null:
        return true;
    case JsType::Boolean:
        return x.get<bool>() == y.get<bool>();
    case JsType::Number:
        return numberOf(x) == numberOf(y);
    case JsType::String:
        return x.get_ref<const std::string &>() == y.get_ref<const std::string &>();
    case JsType::Object:
        break;
    }
    return xIdentity != nullptr && xIdentity == yIdentity;
}

bool strictEquals(const Value &x, const Value &y)
{
    return strictEquals(jsType(x), x.get(), x.identity(), jsType(y), y.get(), y.identity());
}

/// x == y (IsLooselyEqual).
bool looseEquals(const Value &x, const Value &y)
{
    const JsType tx = jsType(x);
    const JsType ty = jsType(y);
    if (tx == ty)
        return strictEquals(x, y);
    const bool xNullish = tx == JsType::Undefined || tx == JsType::Null;
    const bool yNullish = ty == JsType::Undefined || ty == JsType::Null;
    if (xNullish || yNullish)
        return xNullish && yNullish;
    // Booleans, numbers, strings, objects of different types: objects become strings, then two
    // strings compare as strings and anything else as numbers.
    Primitive px;
    Primitive py;
    toPrimitive(x, px);
    toPrimitive(y, py);
    if (px.type == JsType::String && py.type == JsType::String)
        return px.string == py.string;
    return toNumber(px) == toNumber(py);
}

/// x < y (IsLessThan): nullopt when undefined (a NaN was involved).
std::optional<bool> jsLess(const Value &x, const Value &y)
{
    if (jsType(x) == JsType::Number && jsType(y) == JsType::Number) {
        const double a = numberOf(x.get());
        const double b = numberOf(y.get());
        if (std::isnan(a) || std::isnan(b))
            return std::nullopt;
        return a < b;
    }
    Primitive px;
    Primitive py;
    toPrimitive(x, px);
    toPrimitive(y, py);
    if (px.type == JsType::String && py.type == JsType::String)
        return utf16Less(px.string, py.string);
    const double a = toNumber(px);
    const double b = toNumber(py);
    if (std::isnan(a) || std::isnan(b))
        return std::nullopt;
    return a < b;
}

bool less(const Value &x, const Value &y)
{
    return jsLess(x, y).value_or(false);
}

bool greater(const Value &x, const Value &y)
{
    return jsLess(y, x).value_or(false);
}

bool lessOrEqual(const Value &x, const Value &y)
{
    const auto r = jsLess(y, x);
    return r && !*r;
}

bool greaterOrEqual(const Value &x, const Value &y)
{
    const auto r = jsLess(x, y);
    return r && !*r;
}

/// ToNumber(n + v), the + operator: string concatenation when v is (or becomes) a string.
double addToNumber(double n, const Value &v)
{
    Primitive p;
    toPrimitive(v, p);
    if (p.type == JsType::String)
        return stringToNumber(numberToString(n) + std::string(p.string));
    return n + toNumber(p);
}

/// String.prototype.substr(start, length) on UTF-16 code units; length undefined when
/// @p hasLength is false.
std::u16string_view jsSubstr(std::u16string_view s, double start, bool hasLength, double length = 0)
{
    const double size = static_cast<double>(s.size());
    double intStart = toIntegerOrInfinity(start);
    if (intStart == -Infinity)
        intStart = 0;
    else if (intStart < 0)
        intStart = std::max(size + intStart, 0.0);
    else
        intStart = std::min(intStart, size);
    const double intLength = std::clamp(hasLength ? toIntegerOrInfinity(length) : size, 0.0, size);
    const double intEnd = std::min(intStart + intLength, size);
    if (intStart >= intEnd)
        return {};
    return s.substr(static_cast<std::size_t>(intStart), static_cast<std::size_t>(intEnd - intStart));
}

/// The value of obj.length for arrays and strings (and objects with a "length" member), NaN
/// otherwise (undefined).
double lengthOf(const Value &v)
{
    const json &j = v.get();
    switch (jsType(v)) {
    case JsType::String:
        return static_cast<double>(utf16Length(j.get_ref<const std::string &>()));
    case JsType::Object:
        if (j.is_array())
            return static_cast<double>(j.size());
        if (j.is_object()) {
            const auto it = j.find("length");
            if (it != j.end())
                return toNumber(Value::ref(*it));
        }
        break;
    case JsType::Undefined:
    case JsType::Null:
    case JsType::Boolean:
    case JsType::Number:
        break;
    }
    return NaN;
}

/// A canonical array index ("0", "17"; not "017", "-1", "1.0").
std::optional<std::size_t> arrayIndex(std::string_view key)
{
    if (key.empty() || key.size() > 10 || (key.size() > 1 && key.front() == '0'))
        return std::nullopt;
    std::uint64_t index = 0;
    for (const char c : key) {
        if (!isDigit(c))
            return std::nullopt;
        index = index * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (index >= 4294967295ULL)
        return std::nullopt;
    return static_cast<std::size_t>(index);
}

// ---------------------------------------------------------------------------------------------
// Operations.

enum class Op {
    // Control operations: their arguments are evaluated lazily; they cannot be replaced.
    If,
    And,
    Or,
    Filter,
    Map,
    Reduce,
    All,
    None,
    Some,
    // Operations on evaluated arguments.
    Equal,
    StrictEqual,
    NotEqual,
    StrictNotEqual,
    Greater,
    GreaterEqual,
    Less,
    LessEqual,
    NotNot,
    Not,
    Modulo,
    Log,
    In,
    Cat,
    Substr,
    Add,
    Multiply,
    Subtract,
    Divide,
    Min,
    Max,
    Merge,
    Var,
    Missing,
    MissingSome,
};

bool isControl(Op op)
{
    return op <= Op::Some;
}

std::optional<Op> builtinOperation(std::string_view name)
{
    static const std::unordered_map<std::string_view, Op> operations = {
        {"if", Op::If},
        {"?:", Op::If},
        {"and", Op::And},
        {"or", Op::Or},
        {"filter", Op::Filter},
        {"map", Op::Map},
        {"reduce", Op::Reduce},
        {"all", Op::All},
        {"none", Op::None},
        {"some", Op::Some},
        {"==", Op::Equal},
        {"===", Op::StrictEqual},
        {"!=", Op::NotEqual},
        {"!==", Op::StrictNotEqual},
        {">", Op::Greater},
        {">=", Op::GreaterEqual},
        {"<", Op::Less},
        {"<=", Op::LessEqual},
        {"!!", Op::NotNot},
        {"!", Op::Not},
        {"%", Op::Modulo},
        {"log", Op::Log},
        {"in", Op::In},
        {"cat", Op::Cat},
        {"substr", Op::Substr},
        {"+", Op::Add},
        {"*", Op::Multiply},
        {"-", Op::Subtract},
        {"/", Op::Divide},
        {"min", Op::Min},
        {"max", Op::Max},
        {"merge", Op::Merge},
        {"var", Op::Var},
        {"missing", Op::Missing},
        {"missing_some", Op::MissingSome},
    };
    const auto it = operations.find(name);
    if (it == operations.end())
        return std::nullopt;
    return it->second;
}

using Operations = std::map<std::string, JsonLogic::Operation, std::less<>>;

class Evaluator
{
public:
    explicit Evaluator(const Operations *added)
        : m_added(added)
    {}

    /// jsonLogic.apply(rule, data); @p depth: nesting level of @p rule, 1 for the top.
    Value eval(const json &rule, const json &data, int depth);

    bool failed() const { return m_failed; }
    Error takeError() { return std::move(m_error); }

private:
    Value fail(std::string code, std::string message)
    {
        if (!m_failed) {
            m_failed = true;
            m_error = Error{std::move(code), std::move(message), {}};
        }
        return Value();
    }
    Value tooDeep() { return fail("rules.too_deep", "规则嵌套超过 " + std::to_string(JsonLogic::maxDepth) + " 层"); }

    Value operation(std::string_view name, const json &values, const json &data, int depth);
    Value control(Op op, const RuleArgs &args, const json &data, int depth);
    Value builtin(Op op, ValueList &args, const json &data, int depth);
    Value callAdded(std::string_view name, const JsonLogic::Operation &op, const ValueList &args, const json &data);

    Value var(ValueList &args, const json &data);
    Value missing(const ValueList &args, const json &data, int depth);
    Value missingSome(ValueList &args, const json &data, int depth);
    static Value in(const ValueList &args);
    static Value substr(const ValueList &args);
    static Value minMax(const ValueList &args, bool max);
    static Value merge(ValueList &args);
    static bool containsLogic(const json &array, int budget);

    const Operations *m_added;
    Error m_error;
    bool m_failed = false;
};

bool Evaluator::containsLogic(const json &array, int budget)
{
    for (const json &e : array) {
        if (e.is_object() && e.size() == 1)
            return true;
        if (e.is_array() && (budget <= 0 || containsLogic(e, budget - 1)))
            return true;
    }
    return false;
}

Value Evaluator::eval(const json &rule, const json &data, int depth)
{
    if (rule.is_object()) {
        if (rule.size() != 1)
            return Value::ref(rule); // not logic: passed through as it is
        if (depth > JsonLogic::maxDepth)
            return tooDeep();
        const auto it = rule.cbegin();
        return operation(it.key(), it.value(), data, depth);
    }
    if (rule.is_array()) {
        if (depth > JsonLogic::maxDepth)
            return tooDeep();
        // An array without logic evaluates to an equal array: refer to it instead of copying.
        if (!containsLogic(rule, JsonLogic::maxDepth - depth))
            return Value::ref(rule);
        json out = json::array();
        auto &items = out.get_ref<json::array_t &>();
        items.reserve(rule.size());
        for (const json &e : rule) {
            Value v = eval(e, data, depth + 1);
            if (m_failed)
                return {};
            items.push_back(normalized(std::move(v).take()));
        }
        return Value::own(std::move(out));
    }
    return Value::ref(rule);
}

Value Evaluator::operation(std::string_view name, const json &values, const json &data, int depth)
{
    const RuleArgs rargs = ruleArgs(values);
    const std::optional<Op> op = builtinOperation(name);
    if (op && isControl(*op))
        return control(*op, rargs, data, depth);

    // Everything else: arguments first, depth-first (also before an unknown operator fails).
    ValueList args(rargs.count);
    for (std::size_t i = 0; i < rargs.count; ++i) {
        args[i] = eval(rargs[i], data, depth + 1);
        if (m_failed)
            return {};
    }
    if (m_added && !m_added->empty()) {
        const auto it = m_added->find(name);
        if (it != m_added->end())
            return callAdded(name, it->second, args, data);
    }
    if (!op)
        return fail("rules.unknown_operator", "未知的规则运算符“" + std::string(name) + "”");
    return builtin(*op, args, data, depth);
}

Value Evaluator::control(Op op, const RuleArgs &args, const json &data, int depth)
{
    switch (op) {
    case Op::If: {
        // Pairs of condition and consequent, then an optional else.
        std::size_t i = 0;
        for (; i + 1 < args.count; i += 2) {
            const Value condition = eval(args[i], data, depth + 1);
            if (m_failed)
                return {};
            if (logicTruthy(condition))
                return eval(args[i + 1], data, depth + 1);
        }
        if (args.count == i + 1)
            return eval(args[i], data, depth + 1);
        return Value::own(nullptr);
    }
    case Op::And:
    case Op::Or: {
        // The first falsy (and) or truthy (or) value, else the last; undefined without arguments.
        Value current;
        for (std::size_t i = 0; i < args.count; ++i) {
            current = eval(args[i], data, depth + 1);
            if (m_failed)
                return {};
            if (logicTruthy(current) == (op == Op::Or))
                return current;
        }
        return current;
    }
    case Op::Filter:
    case Op::Map:
    case Op::Reduce:
    case Op::All:
    case Op::None:
    case Op::Some:
        break;
    default:
        return {};
    }

    // Iterations: the logic runs with each item of the array as its data.
    const Value scoped = eval(args.at(0), data, depth + 1);
    if (m_failed)
        return {};
    const json &logic = args.at(1);
    const json &items = scoped.get();
    const bool isArray = !scoped.isUndefined() && items.is_array();

    switch (op) {
    case Op::Filter:
    case Op::Map: {
        json out = json::array();
        if (!isArray)
            return Value::own(std::move(out));
        auto &outItems = out.get_ref<json::array_t &>();
        outItems.reserve(items.size());
        for (const json &item : items) {
            Value result = eval(logic, item, depth + 1);
            if (m_failed)
                return {};
            if (op == Op::Map)
                outItems.push_back(normalized(std::move(result).take()));
            else if (logicTruthy(result))
                outItems.push_back(item);
        }
        return Value::own(std::move(out));
    }
    case Op::Reduce: {
        Value initial = args.count > 2 ? eval(args[2], data, depth + 1) : Value::own(nullptr);
        if (m_failed)
            return {};
        if (!isArray)
            return initial;
        // The data of the logic: {"current": item, "accumulator": value}, without accumulator
        // while it is undefined.
        json scope = json::object();
        json &current = scope["current"];
        const auto setAccumulator = [&scope](Value value) {
            if (value.isUndefined()) {
                scope.erase("accumulator");
                return;
            }
            json next = std::move(value).take(); // copies first when it refers into scope
            scope["accumulator"] = std::move(next);
        };
        setAccumulator(std::move(initial));
        for (const json &item : items) {
            current = item;
            Value result = eval(logic, scope, depth + 1);
            if (m_failed)
                return {};
            setAccumulator(std::move(result));
        }
        const auto it = scope.find("accumulator");
        if (it == scope.end())
            return {};
        return Value::own(std::move(*it));
    }
    case Op::All:
    case Op::None:
    case Op::Some: {
        // all: false for no items; none: true for no items; some: false for no items.
        if (!isArray || items.empty())
            return boolean(op == Op::None);
        for (const json &item : items) {
            const Value result = eval(logic, item, depth + 1);
            if (m_failed)
                return {};
            const bool truthy = logicTruthy(result);
            if (op == Op::All && !truthy)
                return boolean(false);
            if (op != Op::All && truthy)
                return boolean(op == Op::Some);
        }
        return boolean(op != Op::Some);
    }
    default:
        return {};
    }
}

Value Evaluator::callAdded(std::string_view name, const JsonLogic::Operation &op, const ValueList &args,
                           const json &data)
{
    std::array<const json *, 4> inlineItems{};
    std::vector<const json *> heapItems;
    const json **items = inlineItems.data();
    if (args.size() > inlineItems.size()) {
        heapItems.resize(args.size());
        items = heapItems.data();
    }
    for (std::size_t i = 0; i < args.size(); ++i)
        items[i] = &args[i].get();
    try {
        Result<json> result = op(JsonLogic::Arguments(items, args.size()), data);
        if (!result.ok()) {
            const Error &error = result.error();
            return fail(error.code, error.message);
        }
        return Value::own(std::move(result).value());
    } catch (const std::exception &e) {
        return fail("rules.operation_failed", "规则运算符“" + std::string(name) + "”执行失败：" + e.what());
    } catch (...) {
        return fail("rules.operation_failed", "规则运算符“" + std::string(name) + "”执行失败");
    }
}

Value Evaluator::builtin(Op op, ValueList &args, const json &data, int depth)
{
    const Value &a = args.at(0);
    const Value &b = args.at(1);
    switch (op) {
    case Op::Equal:
        return boolean(looseEquals(a, b));
    case Op::StrictEqual:
        return boolean(strictEquals(a, b));
    case Op::NotEqual:
        return boolean(!looseEquals(a, b));
    case Op::StrictNotEqual:
        return boolean(!strictEquals(a, b));
    case Op::Greater:
        return boolean(greater(a, b));
    case Op::GreaterEqual:
        return boolean(greaterOrEqual(a, b));
    case Op::Less:
    case Op::LessEqual: {
        // With a third argument: between, a < b < c (or a <= b <= c).
        const auto compare = op == Op::Less ? less : lessOrEqual;
        const Value &c = args.at(2);
        if (c.isUndefined())
            return boolean(compare(a, b));
        return boolean(compare(a, b) && compare(b, c));
    }
    case Op::NotNot:
        return boolean(logicTruthy(a));
    case Op::Not:
        return boolean(!logicTruthy(a));
    case Op::Modulo:
        return number(std::fmod(toNumber(a), toNumber(b)));
    case Op::Log:
        std::clog << (a.isUndefined() ? std::string("undefined")
                                      : a.get().dump(-1, ' ', false, json::error_handler_t::replace))
                  << std::endl;
        return args.size() > 0 ? std::move(args[0]) : Value();
    case Op::In:
        return in(args);
    case Op::Cat: {
        std::string out;
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (!args[i].isUndefined())
                appendJsString(out, args[i].get(), true);
        }
        return string(std::move(out));
    }
    case Op::Substr:
        return substr(args);
    case Op::Add: {
        double sum = 0;
        for (std::size_t i = 0; i < args.size(); ++i)
            sum += parseFloatOf(args[i]);
        return number(sum);
    }
    case Op::Multiply: {
        if (args.size() == 0)
            return fail("rules.invalid_arguments", "规则运算符“*”至少需要一个参数");
        if (args.size() == 1)
            return std::move(args[0]); // json-logic-js returns a lone argument unconverted
        double product = parseFloatOf(args[0]);
        for (std::size_t i = 1; i < args.size(); ++i)
            product *= parseFloatOf(args[i]);
        return number(product);
    }
    case Op::Subtract:
        if (b.isUndefined())
            return number(-toNumber(a));
        return number(toNumber(a) - toNumber(b));
    case Op::Divide:
        return number(toNumber(a) / toNumber(b));
    case Op::Min:
    case Op::Max:
        return minMax(args, op == Op::Max);
    case Op::Merge:
        return merge(args);
    case Op::Var:
        return var(args, data);
    case Op::Missing:
        return missing(args, data, depth);
    case Op::MissingSome:
        return missingSome(args, data, depth);
    default:
        return {};
    }
}

Value Evaluator::var(ValueList &args, const json &data)
{
    const auto notFound = [&]() {
        if (args.size() < 2 || args[1].isUndefined())
            return Value::own(nullptr);
        return std::move(args[1]);
    };
    const Value &a = args.at(0);
    const json &path = a.get();
    if (path.is_null() || (path.is_string() && path.get_ref<const std::string &>().empty()))
        return Value::ref(data); // also undefined
    std::string pathStorage;
    std::string_view remaining;
    if (path.is_string()) {
        remaining = path.get_ref<const std::string &>();
    } else {
        pathStorage = jsToString(a);
        remaining = pathStorage;
    }

    // Walk the dotted path; `length` and string indices give computed values (held in holder).
    const json *current = &data;
    json holder;
    bool computed = false;
    while (true) {
        const std::size_t dot = remaining.find('.');
        const std::string_view key = remaining.substr(0, dot);
        switch (current->type()) {
        case json::value_t::object: {
            const auto it = current->find(key);
            if (it == current->end())
                return notFound();
            current = &*it;
            break;
        }
        case json::value_t::array:
            if (key == "length") {
                holder = json(current->size());
                current = &holder;
                computed = true;
            } else if (const auto index = arrayIndex(key); index && *index < current->size()) {
                current = &(*current)[*index];
            } else {
                return notFound();
            }
            break;
        case json::value_t::string: {
            const std::u16string units = toUtf16(current->get_ref<const std::string &>());
            json next;
            if (key == "length")
                next = json(units.size());
            else if (const auto index = arrayIndex(key); index && *index < units.size())
                next = json(fromUtf16(std::u16string_view(units).substr(*index, 1)));
            else
                return notFound();
            holder = std::move(next);
            current = &holder;
            computed = true;
            break;
        }
        default:
            // null: nothing below; booleans and numbers have no (data) properties.
            return notFound();
        }
        if (dot == std::string_view::npos)
            break;
        remaining.remove_prefix(dot + 1);
    }
    return computed ? Value::own(std::move(holder)) : Value::ref(*current);
}

Value Evaluator::missing(const ValueList &args, const json &data, int depth)
{
    // The keys: one array argument, or all the arguments. Each is looked up as
    // jsonLogic.apply({"var": key}, data); null and "" count as missing.
    json result = json::array();
    const auto check = [&](const json &key) {
        const Value value = operation("var", key, data, depth + 1);
        if (m_failed)
            return false;
        const json &j = value.get();
        if (!value.isUndefined() && (j.is_null() || (j.is_string() && j.get_ref<const std::string &>().empty())))
            result.push_back(normalized(key));
        return true;
    };
    if (args.size() > 0 && !args[0].isUndefined() && args[0].get().is_array()) {
        for (const json &key : args[0].get()) {
            if (!check(key))
                return {};
        }
    } else {
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (!check(args[i].get()))
                return {};
        }
    }
    return Value::own(std::move(result));
}

Value Evaluator::missingSome(ValueList &args, const json &data, int depth)
{
    // Missing when fewer than need_count of the options are present.
    const Value &needCount = args.at(0);
    const Value &options = args.at(1);
    if (options.get().is_null()) // json-logic-js: TypeError reading options.length
        return fail("rules.invalid_arguments", "规则运算符“missing_some”缺少候选字段列表");
    Value areMissing = operation("missing", options.get(), data, depth + 1);
    if (m_failed)
        return {};
    const double present = lengthOf(options) - lengthOf(areMissing);
    if (greaterOrEqual(number(present), needCount))
        return Value::own(json::array());
    return areMissing;
}

Value Evaluator::in(const ValueList &args)
{
    const Value &a = args.at(0);
    const Value &b = args.at(1);
    if (!jsTruthy(b))
        return boolean(false);
    const json &haystack = b.get();
    if (haystack.is_string()) {
        // String.prototype.indexOf(String(a)).
        const std::string &text = haystack.get_ref<const std::string &>();
        if (jsType(a) == JsType::String)
            return boolean(text.find(a.get().get_ref<const std::string &>()) != std::string::npos);
        return boolean(text.find(jsToString(a)) != std::string::npos);
    }
    if (haystack.is_array()) {
        // Array.prototype.indexOf: strict equality.
        const JsType ta = jsType(a);
        for (const json &item : haystack) {
            if (strictEquals(ta, a.get(), a.identity(), jsTypeOf(item), item, &item))
                return boolean(true);
        }
    }
    return boolean(false);
}

Value Evaluator::substr(const ValueList &args)
{
    const std::u16string source = toUtf16(jsToString(args.at(0)));
    const double start = toNumber(args.at(1));
    const Value &end = args.at(2);
    if (less(end, number(0))) {
        // A negative end counts from the end (json-logic-js emulates PHP here).
        const std::u16string_view tail = jsSubstr(source, start, false);
        const double length = addToNumber(static_cast<double>(tail.size()), end);
        return string(fromUtf16(jsSubstr(tail, 0, true, length)));
    }
    if (end.isUndefined())
        return string(fromUtf16(jsSubstr(source, start, false)));
    return string(fromUtf16(jsSubstr(source, start, true, toNumber(end))));
}

Value Evaluator::minMax(const ValueList &args, bool max)
{
    // Math.max / Math.min: NaN when any argument is; -Infinity / Infinity without arguments.
    double result = max ? -Infinity : Infinity;
    bool nan = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const double d = toNumber(args[i]);
        if (std::isnan(d))
            nan = true;
        else if (max ? (d > result || (d == 0 && result == 0 && !std::signbit(d)))
                     : (d < result || (d == 0 && result == 0 && std::signbit(d))))
            result = d;
    }
    return number(nan ? NaN : result);
}

Value Evaluator::merge(ValueList &args)
{
    // [].concat(a, b, ...): arrays are flattened one level, other values appended.
    json out = json::array();
    auto &items = out.get_ref<json::array_t &>();
    for (std::size_t i = 0; i < args.size(); ++i) {
        json value = std::move(args[i]).take();
        if (value.is_array()) {
            for (json &item : value.get_ref<json::array_t &>())
                items.push_back(std::move(item));
        } else {
            items.push_back(normalized(std::move(value)));
        }
    }
    return Value::own(std::move(out));
}

bool isControlName(std::string_view name)
{
    const std::optional<Op> op = builtinOperation(name);
    return op && isControl(*op);
}

} // namespace

const nlohmann::json &JsonLogic::Arguments::operator[](std::size_t index) const
{
    return index < m_count ? *m_items[index] : nullJson();
}

Result<nlohmann::json> JsonLogic::evaluate(const nlohmann::json &rule, const nlohmann::json &data)
{
    Evaluator evaluator(nullptr);
    Value value = evaluator.eval(rule, data, 1);
    if (evaluator.failed())
        return Result<json>(evaluator.takeError());
    return Result<json>(normalized(std::move(value).take()));
}

Result<nlohmann::json> JsonLogic::apply(const nlohmann::json &rule, const nlohmann::json &data) const
{
    Evaluator evaluator(&m_operations);
    Value value = evaluator.eval(rule, data, 1);
    if (evaluator.failed())
        return Result<json>(evaluator.takeError());
    return Result<json>(normalized(std::move(value).take()));
}

Status JsonLogic::addOperation(const std::string &name, Operation operation)
{
    if (isControlName(name))
        return Error{"rules.reserved_operator", "不能替换控制运算符“" + name + "”", {}};
    if (!operation)
        return Error{"rules.invalid_operation", "规则运算符“" + name + "”没有实现", {}};
    m_operations.insert_or_assign(name, std::move(operation));
    return {};
}

bool JsonLogic::removeOperation(std::string_view name)
{
    const auto it = m_operations.find(name);
    if (it == m_operations.end())
        return false;
    m_operations.erase(it);
    return true;
}

bool JsonLogic::hasOperation(std::string_view name) const
{
    return builtinOperation(name).has_value() || m_operations.find(name) != m_operations.end();
}

bool JsonLogic::truthy(const nlohmann::json &value)
{
    return logicTruthy(Value::ref(value));
}

bool JsonLogic::isLogic(const nlohmann::json &value)
{
    return value.is_object() && value.size() == 1;
}

} // namespace spgl
