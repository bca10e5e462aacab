#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spgl::desk {

/**
 * @brief A JSON text read without building a tree: an object's members and an array's elements
 *        as views into the text, checked against RFC 8259 on the way (structure, strings with
 *        their escapes and UTF-8, numbers, literals).
 *
 * The change feed's pages are large and mostly carry values the cache stores as they are (an
 * application's engine state, its form, its timeline). Read as spans, those values keep the
 * text the server wrote and cost one pass each, where a tree would be built only to be written
 * out again. The views point into the caller's text, which must outlive them.
 */
class JsonSpan
{
public:
    /// One member of an object: its key (unescaped) and its value's text.
    struct Member
    {
        std::string key;
        std::string_view value;
    };

    /// How much a split checks.
    enum class Check {
        Full,   ///< the whole text against the grammar
        Trusted ///< only the structure: the text is a span of a text checked before (faster)
    };

    /// Whether @p text is exactly one well-formed JSON value (whitespace around it allowed).
    static bool isValid(std::string_view text);

    /// The members of the object @p text, in order; nothing when it is not a well-formed object.
    static std::optional<std::vector<Member>> members(std::string_view text, Check check = Check::Full);

    /// The elements of the array @p text, in order; nothing when it is not a well-formed array.
    static std::optional<std::vector<std::string_view>> elements(std::string_view text, Check check = Check::Full);

    /// The value of the member @p key in @p members (the last one when repeated); empty when absent.
    static std::string_view find(const std::vector<Member> &members, std::string_view key);

    /// The string @p value decodes to; nothing when @p value is not a JSON string.
    static std::optional<std::string> string(std::string_view value);

    /// The integer @p value holds; nothing when it is not a JSON number without fraction or exponent
    /// that fits 64 bits.
    static std::optional<long long> integer(std::string_view value);

    /// Whether @p value is the literal `null` (or absent: empty).
    static bool isNull(std::string_view value) { return value.empty() || value == "null"; }
};

} // namespace spgl::desk
