#include "http/httpserver.h"

#include "http/httpconnection.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/ThreadPool.h>

namespace spgl::server {

/// Makes an HttpConnection of each accepted socket.
class HttpServer::ConnectionFactory final : public Poco::Net::TCPServerConnectionFactory
{
public:
    explicit ConnectionFactory(HttpServer &server)
        : m_server(server)
    {}
    Poco::Net::TCPServerConnection *createConnection(const Poco::Net::StreamSocket &socket) override
    {
        return new HttpConnection(socket, m_server);
    }

private:
    HttpServer &m_server;
};

HttpServer::HttpServer(Dispatcher &dispatcher, Poco::ThreadPool &pool, const Poco::Net::ServerSocket &socket,
                       Poco::Net::HTTPServerParams::Ptr params)
    : m_dispatcher(dispatcher)
    , m_params(std::move(params))
    , m_tcp(std::make_unique<Poco::Net::TCPServer>(new ConnectionFactory(*this), pool, socket, m_params))
{}

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::start()
{
    m_tcp->start();
}

void HttpServer::stop()
{
    if (m_stopping.exchange(true))
        return;
    m_tcp->stop(); // no new connections; those accepted but not yet served are dropped
    std::lock_guard lock(m_mutex);
    for (HttpConnection *connection : m_connections)
        connection->stopAfterCurrentRequest();
}

int HttpServer::currentConnections() const
{
    return m_tcp->currentConnections();
}

void HttpServer::attach(HttpConnection *connection)
{
    std::lock_guard lock(m_mutex);
    m_connections.insert(connection);
}

void HttpServer::detach(HttpConnection *connection)
{
    std::lock_guard lock(m_mutex);
    m_connections.erase(connection);
}

} // namespace spgl::server
