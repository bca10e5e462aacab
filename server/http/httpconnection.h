#pragma once

#include <Poco/Net/TCPServerConnection.h>

#include <atomic>
#include <mutex>

namespace Poco::Net {
class HTTPServerSession;
}

namespace spgl::server {

class ApiError;
class HttpServer;

/**
 * One client connection of spgl-server: reads requests one after another (keep-alive) and hands
 * each to the Dispatcher. A request head that cannot be parsed (a malformed request line, a
 * header line over 8 KB, more than 100 headers) or that stalls past the request timeout gets an
 * RFC 9457 problem+json answer like every other refusal, and the connection closes.
 */
class HttpConnection final : public Poco::Net::TCPServerConnection
{
public:
    HttpConnection(const Poco::Net::StreamSocket &socket, HttpServer &server);
    ~HttpConnection() override;

    void run() override;
    /// Server shutdown: waits until the request in progress (if any) is answered, then closes
    /// the connection (an idle keep-alive connection at once).
    void stopAfterCurrentRequest();

private:
    /// Answers a request whose head could not be read, and ends the connection.
    void refuse(Poco::Net::HTTPServerSession &session, const ApiError &error);

    HttpServer &m_server;
    std::mutex m_requestMutex; ///< held while a request is being served
    std::atomic<bool> m_stopped{false};
};

} // namespace spgl::server
