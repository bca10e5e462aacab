#pragma once

#include "auth/principal.h"
#include "services/requestaudit.h"

#include <nlohmann/json.hpp>

#include <istream>
#include <map>
#include <optional>
#include <string>

namespace Poco::Net {
class HTTPServerRequest;
}

namespace spgl::server {

/// One HTTP request as handlers see it: path parameters, query, body, the verified caller.
class Request
{
public:
    Request(const Poco::Net::HTTPServerRequest &raw, std::string path, std::string query);

    const std::string &method() const { return m_method; }
    const std::string &path() const { return m_path; }
    std::string header(const std::string &name, const std::string &fallback = {}) const;
    bool hasHeader(const std::string &name) const;
    /// Whether If-None-Match lists @p etag (RFC 9110 weak comparison: W/ ignored, lists, "*"):
    /// the client's copy is current and the answer is 304.
    bool ifNoneMatch(const std::string &etag) const;
    /// A cookie the client sent (the Cookie header); empty when there is none of that name.
    std::string cookie(const std::string &name) const;
    /// The scheme the client used: "https" when a reverse proxy says so (the first item of
    /// X-Forwarded-Proto), else "http" (spgl-server itself speaks plain HTTP).
    std::string forwardedProto() const;
    /// The host the client addressed: X-Forwarded-Host (first item) when a reverse proxy sets
    /// it, else Host; "" when neither is a plain host[:port].
    std::string forwardedHost() const;
    /// The path prefix a reverse proxy serves the server under (X-Forwarded-Prefix: "/spgl"),
    /// with a leading and no trailing slash; "" when there is none or it is not a plain path.
    std::string forwardedPrefix() const;

    /// A path parameter of the matched route ("{id}").
    const std::string &param(const std::string &name) const;
    std::map<std::string, std::string> &params() { return m_params; }
    std::optional<std::string> query(const std::string &name) const;
    /// Every query parameter (the first value of repeated names).
    std::map<std::string, std::string> queryMap() const;
    /// A query parameter as an integer within [min, max]; 400 when it is not one.
    std::int64_t queryInt(const std::string &name, std::int64_t fallback, std::int64_t min, std::int64_t max) const;

    /// The buffered body (routes that do not stream).
    const std::string &body() const { return m_body; }
    void setBody(std::string body) { m_body = std::move(body); }
    /// The body as JSON; 415 when it is not declared JSON, 400 when it does not parse
    /// (malformed, bad UTF-8), 400 when the top level is not an object.
    nlohmann::json json() const;

    /// The body stream (streaming routes only: uploads).
    std::istream &stream() const { return *m_stream; }
    void setStream(std::istream *stream) { m_stream = stream; }
    std::int64_t contentLength() const { return m_contentLength; }

    bool authenticated() const { return m_principal.has_value(); }
    /// The caller; only on routes that require a login.
    const Principal &principal() const { return *m_principal; }
    void setPrincipal(Principal p) { m_principal = std::move(p); }

    const std::string &requestId() const { return m_requestId; }
    void setRequestId(std::string id) { m_requestId = std::move(id); }
    const std::string &clientAddress() const { return m_clientAddress; }

    /// The audit of this request (audited state-changing routes only): set what its row names
    /// before the change; the service records the row in the change's transaction
    /// (RequestAudit::record). Never passwords or tokens.
    RequestAudit &audit() const;
    void setAudit(RequestAudit *audit) { m_audit = audit; }

private:
    const Poco::Net::HTTPServerRequest &m_raw;
    std::string m_method;
    std::string m_path;
    std::multimap<std::string, std::string> m_query;
    std::map<std::string, std::string> m_params;
    std::string m_body;
    std::istream *m_stream = nullptr;
    std::int64_t m_contentLength = -1;
    std::optional<Principal> m_principal;
    std::string m_requestId;
    std::string m_clientAddress;
    RequestAudit *m_audit = nullptr;
};

} // namespace spgl::server
