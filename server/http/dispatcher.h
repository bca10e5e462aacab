#pragma once

#include "http/responsecache.h"

#include <Poco/Net/HTTPRequestHandler.h>

#include <string>

namespace spgl::server {

class Request;
struct Route;
class ServerContext;

/**
 * The one request handler (shared by all connections): request id, CORS, route lookup,
 * authentication and role check, body limits, the handler call, the mapping of every failure to
 * problem+json, the audit of state-changing requests (RequestAudit: the row commits with the
 * change, or is written here after the fact), the answers of cached routes (ResponseCache), and
 * the access log line.
 */
class Dispatcher final : public Poco::Net::HTTPRequestHandler
{
public:
    explicit Dispatcher(ServerContext &context)
        : m_context(context)
    {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;
    /// A fresh request id (when the client sent none): a per-process prefix and a counter.
    static std::string newRequestId();

private:
    /// The answer of a cached route: kept, or computed and kept (when the data can be watched).
    Response cachedAnswer(const Route &route, Request &req, const std::string &query);

    ServerContext &m_context;
    ResponseCache m_cache;
};

} // namespace spgl::server
