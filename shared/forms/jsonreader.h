#pragma once

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace spgl {

/**
 * @brief Reads the members of one JSON object of a definition document (form, item, process)
 *        with path-like error fields, and rejects unknown keys.
 *
 * Each reader method returns false after the first problem and keeps it in error(); later
 * calls then do nothing and return false too. Never throws.
 *
 * @code
 * JsonReader r(json, "items[3]", "catalog");
 * r.string("code", item.code, JsonReader::Required);
 * r.integer("promised_limit", item.promisedLimit);
 * if (!r.finish()) return r.error();
 * @endcode
 */
class JsonReader
{
public:
    /// Whether a member must be present.
    enum Presence {
        Optional,
        Required,
    };

    /**
     * @param object the JSON value that must be an object
     * @param path the path of @p object, e.g. "items[3]"; empty at the top
     * @param codePrefix the prefix of error codes, e.g. "catalog" → "catalog.missing"
     */
    JsonReader(const nlohmann::json &object, std::string path, std::string codePrefix);

    /// The member @p key (marked as known), or nullptr when absent or null.
    const nlohmann::json *value(std::string_view key);

    bool string(std::string_view key, std::string &out, Presence presence = Optional);
    bool boolean(std::string_view key, bool &out, Presence presence = Optional);
    /// An integer within [@p min, @p max].
    bool integer(std::string_view key, int &out, Presence presence = Optional, long long min = -2147483647LL,
                 long long max = 2147483647LL);
    bool number(std::string_view key, std::optional<double> &out);
    bool count(std::string_view key, std::optional<std::size_t> &out);
    /// A JSON Logic rule (checked with checkRuleShape); null when absent.
    bool rule(std::string_view key, nlohmann::json &out);
    /// An array member; nullptr when absent (or on error, see ok()).
    const nlohmann::json *array(std::string_view key, Presence presence = Optional);

    /// Records an error about @p key (or the object itself when empty).
    bool fail(std::string_view key, std::string code, std::string message);

    /// Checks that no unknown key is present; true when everything read was fine.
    bool finish();

    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }
    /// The path of a member: "items[3].code".
    std::string path(std::string_view key) const;

private:
    const nlohmann::json &m_object;
    std::string m_path;
    std::string m_prefix;
    std::set<std::string, std::less<>> m_known;
    std::optional<Error> m_error;
};

/// A JSON key shown in a message: valid UTF-8 only, at most 40 characters.
std::string displayKey(std::string_view key);

/**
 * @brief Checks the shape of a JSON Logic rule of a definition: null, a boolean, or an
 *        operation object whose nested operations are all known to spgl::JsonLogic; every
 *        object inside must be an operation (one key), nesting at most JsonLogic::maxDepth.
 * @return the Error (code "<codePrefix>.rule", field @p field) or success
 */
std::optional<Error> checkRuleShape(const nlohmann::json &rule, const std::string &field,
                                    const std::string &codePrefix);

} // namespace spgl
