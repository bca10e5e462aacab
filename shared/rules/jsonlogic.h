#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace spgl {

/**
 * @brief Evaluates JsonLogic rules (jsonlogic.com) with the semantics of json-logic-js 2.x.
 *
 * The web portal runs the same rules with json-logic-js, so this evaluator follows that library
 * rather than the prose of the specification wherever the two could differ: JavaScript
 * truthiness (except that an empty array is false, as json-logic's `truthy` says), loose `==`
 * with JavaScript type coercion, `parseFloat` in `+` and `*`, `ToNumber` in `-`, `/`, `%`, the
 * comparisons and `min`/`max`, string comparison by UTF-16 code units, `substr` indices counted
 * in UTF-16 code units, numbers formatted like `Number.prototype.toString` in `cat`.
 *
 * Supported operations: `var`, `missing`, `missing_some`, `if`/`?:`, `==`, `===`, `!=`, `!==`,
 * `!`, `!!`, `or`, `and`, `>`, `>=`, `<`, `<=`, `max`, `min`, `+`, `-`, `*`, `/`, `%`, `in`,
 * `cat`, `substr`, `merge`, `map`, `filter`, `reduce`, `all`, `none`, `some`, `log` (writes the
 * value as JSON to std::clog; replace it with addOperation("log", ...) to send it elsewhere).
 *
 * Results: a number computed by an operation is stored as an integer when it is one (within
 * ±2^53), else as a double; NaN and ±Infinity (e.g. `{"/":[1,0]}`) are kept as doubles, which
 * nlohmann::json serialises as `null`, as JSON.stringify does. Values passed through from the
 * rule or the data are returned as they are (a literal `2.0` stays a double).
 *
 * Errors, returned and never thrown:
 *  - `rules.unknown_operator`: an operation that is neither built in nor added;
 *  - `rules.too_deep`: the rule nests more than maxDepth operations or arrays;
 *  - `rules.invalid_arguments`: `{"*":[]}` (json-logic-js throws a TypeError there);
 *  - any Error returned by an added operation, or `rules.operation_failed` when it throws.
 *
 * An instance is immutable during evaluation: apply() may run concurrently on several threads
 * as long as no thread calls addOperation() or removeOperation() at the same time.
 */
class JsonLogic
{
public:
    /// Deepest nesting of operations and arrays in a rule that is evaluated.
    static constexpr int maxDepth = 256;

    /**
     * @brief The evaluated arguments of an added operation, in order.
     *
     * A view into the evaluation, valid only during the call of the operation.
     */
    class Arguments
    {
    public:
        Arguments(const nlohmann::json *const *items, std::size_t count)
            : m_items(items)
            , m_count(count)
        {}

        /// Number of arguments given in the rule.
        std::size_t size() const { return m_count; }
        bool empty() const { return m_count == 0; }
        /// The argument at @p index, or null when the rule gave fewer (JavaScript's undefined).
        const nlohmann::json &operator[](std::size_t index) const;

    private:
        const nlohmann::json *const *m_items;
        std::size_t m_count;
    };

    /**
     * @brief An added operation: gets its evaluated arguments and the current data (the item in
     *        `map`, `filter`, `all`, ...; `{"current", "accumulator"}` in `reduce`).
     */
    using Operation = std::function<Result<nlohmann::json>(const Arguments &args, const nlohmann::json &data)>;

    /// An evaluator with the standard operations only.
    JsonLogic() = default;

    /**
     * @brief Evaluates @p rule against @p data with the standard operations only.
     *
     * The static counterpart of apply() on a default-constructed instance.
     */
    static Result<nlohmann::json> evaluate(const nlohmann::json &rule, const nlohmann::json &data);

    /// Evaluates @p rule against @p data with the standard and the added operations.
    Result<nlohmann::json> apply(const nlohmann::json &rule, const nlohmann::json &data) const;

    /**
     * @brief Adds the operation @p name, or replaces it (also a standard one such as `log` or
     *        `var`, as json-logic-js's add_operation does).
     *
     * The control operations whose arguments are evaluated lazily (`if`, `?:`, `and`, `or`,
     * `map`, `filter`, `reduce`, `all`, `none`, `some`) cannot be replaced:
     * Error `rules.reserved_operator`. An empty @p operation: Error `rules.invalid_operation`.
     */
    Status addOperation(const std::string &name, Operation operation);

    /// Removes an added operation; the standard one of that name, if any, applies again.
    bool removeOperation(std::string_view name);

    /// Whether @p name is a standard or added operation.
    bool hasOperation(std::string_view name) const;

    /// json-logic's truthiness: JavaScript's, except that an empty array is false.
    static bool truthy(const nlohmann::json &value);

    /// Whether @p value is an operation: an object with exactly one key.
    static bool isLogic(const nlohmann::json &value);

private:
    std::map<std::string, Operation, std::less<>> m_operations;
};

} // namespace spgl
