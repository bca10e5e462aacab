#pragma once

#include "http/request.h"
#include "http/response.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace spgl::server {

using Handler = std::function<Response(Request &)>;

/// One entry of the route table: what it matches, who may call it, how it is documented.
struct Route
{
    std::string method;
    std::string pattern; ///< e.g. "/api/v1/users/{id}"
    Handler handler;
    bool isPublic = false;          ///< no login needed
    std::vector<std::string> roles; ///< allowed roles; empty = any logged-in user
    std::size_t bodyLimit = 0;      ///< 0 = the server default for JSON bodies
    bool streamBody = false;        ///< the handler reads the body stream itself
    bool audited = true;            ///< state-changing requests write an audit row (GET/HEAD never)
    /// A GET answered from the ResponseCache while the data has not changed: its answer depends
    /// only on the data, the caller (as the token describes them) and the query string.
    bool cached = false;

    // OpenAPI documentation
    std::string tag;
    std::string summary;
    std::string description;       ///< longer text (OpenAPI description), empty when the summary says it all
    nlohmann::json requestSchema;  ///< JSON schema of the body, null when none
    nlohmann::json responseSchema; ///< JSON schema of the success body
    int successStatus = 200;
    std::vector<nlohmann::json> parameters; ///< OpenAPI parameter objects (query, header)
    /// Further documented problem answers beyond the generic ones (e.g. {404, "…"}, {409, "…"}).
    std::vector<std::pair<int, std::string>> problems;
};

} // namespace spgl::server
