#pragma once

#include <Poco/Net/HTTPServerParams.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>

namespace Poco {
class ThreadPool;
}
namespace Poco::Net {
class ServerSocket;
class TCPServer;
} // namespace Poco::Net

namespace spgl::server {

class Dispatcher;
class HttpConnection;

/**
 * spgl-server's HTTP/1.1 server: Poco's TCPServer accepts connections on a thread pool, each
 * served by an HttpConnection (our own request loop, so that every answer, even to a request
 * Poco cannot parse, is problem+json). Keep-alive, request timeouts and limits come from
 * @p params.
 */
class HttpServer
{
public:
    HttpServer(Dispatcher &dispatcher, Poco::ThreadPool &pool, const Poco::Net::ServerSocket &socket,
               Poco::Net::HTTPServerParams::Ptr params);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    void start();
    /// Accepts no new connection and ends each open one after the request it is serving; returns
    /// once those requests are answered.
    void stop();
    /// Connections being served.
    int currentConnections() const;

    Dispatcher &dispatcher() { return m_dispatcher; }
    const Poco::Net::HTTPServerParams::Ptr &params() const { return m_params; }
    bool stopping() const { return m_stopping; }

    /// Connections register themselves, so that stop() can reach them.
    void attach(HttpConnection *connection);
    void detach(HttpConnection *connection);

private:
    class ConnectionFactory;

    Dispatcher &m_dispatcher;
    Poco::Net::HTTPServerParams::Ptr m_params;
    std::mutex m_mutex;
    std::set<HttpConnection *> m_connections;
    std::atomic<bool> m_stopping{false};
    std::unique_ptr<Poco::Net::TCPServer> m_tcp;
};

} // namespace spgl::server
