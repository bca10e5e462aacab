#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <string>

namespace spgl::server {

class ServerContext;

/**
 * The one request handler (shared by all connections): request id, CORS, route lookup,
 * authentication and role check, body limits, the handler call, the mapping of every failure to
 * problem+json, the audit of state-changing requests (RequestAudit: the row commits with the
 * change, or is written here after the fact), and the access log line.
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
    ServerContext &m_context;
};

} // namespace spgl::server
