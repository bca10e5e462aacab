#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace spgl::server {

class ServerContext;

/**
 * The one request handler: request id, CORS, route lookup, authentication and role check, body
 * limits, the handler call, the mapping of every failure to problem+json, the audit row of
 * state-changing requests, and the access log line.
 */
class Dispatcher final : public Poco::Net::HTTPRequestHandler
{
public:
    explicit Dispatcher(ServerContext &context)
        : m_context(context)
    {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    ServerContext &m_context;
};

/// Hands every connection's requests to a Dispatcher.
class DispatcherFactory final : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    explicit DispatcherFactory(ServerContext &context)
        : m_context(context)
    {}
    Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &) override
    {
        return new Dispatcher(m_context);
    }

private:
    ServerContext &m_context;
};

} // namespace spgl::server
