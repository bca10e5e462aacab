#include "http/httpconnection.h"

#include "http/apierror.h"
#include "http/dispatcher.h"
#include "http/httpserver.h"
#include "http/response.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

#ifndef _WIN32
#include <poll.h>

#include <cerrno>
#endif

namespace spgl::server {

namespace {
constexpr std::size_t kLingerBytes = 1 << 20;

/// What was wrong with a request head, in words for the client (Poco's reason is English).
/// The session, able to wait for the next request without Poco's Socket::poll (which opens and
/// closes an epoll instance on every call: four system calls per keep-alive request).
class KeepAliveSession final : public Poco::Net::HTTPServerSession
{
public:
    using Poco::Net::HTTPServerSession::HTTPServerSession;

    /// Whether a request begins within @p timeout: bytes already read ahead, or the socket readable
    /// (also when the peer closed it: reading then ends the connection).
    bool nextRequest(const Poco::Timespan &timeout)
    {
        if (buffered() > 0)
            return true;
#ifdef _WIN32
        return socket().poll(timeout, Poco::Net::Socket::SELECT_READ);
#else
        pollfd p{socket().impl()->sockfd(), POLLIN, 0};
        for (;;) {
            const int n = ::poll(&p, 1, int(timeout.totalMilliseconds()));
            if (n < 0 && errno == EINTR)
                continue;
            return n > 0;
        }
#endif
    }
};

ApiError malformedHead(const std::string &reason)
{
    std::string detail;
    if (reason.find("Too many header fields") != std::string::npos)
        detail = "请求头过多：一个请求最多 100 个请求头";
    else if (reason.find("Field") != std::string::npos)
        detail = "请求头过长或格式错误：单个请求头的名称不超过 256 个字符、值不超过 8 KB";
    else
        detail = "请求行格式错误或过长：应为“方法 地址 HTTP/1.1”，地址不超过 16 KB";
    return ApiError(400, "malformed-request", "请求格式错误", detail);
}
} // namespace

HttpConnection::HttpConnection(const Poco::Net::StreamSocket &socket, HttpServer &server)
    : Poco::Net::TCPServerConnection(socket)
    , m_server(server)
{
    m_server.attach(this);
}

HttpConnection::~HttpConnection()
{
    m_server.detach(this);
}

void HttpConnection::stopAfterCurrentRequest()
{
    std::lock_guard lock(m_requestMutex);
    m_stopped = true;
    try {
        socket().shutdown(); // wakes a connection waiting for its next request
    } catch (const Poco::Exception &) {
    }
}

void HttpConnection::run()
{
    Poco::Net::HTTPServerParams::Ptr params = m_server.params();
    try {
        // An answer leaves in two writes when its body is large (head, then body): without this
        // the body waits for the client to acknowledge the head, which a client waiting for the
        // whole answer delays (Nagle against delayed ACK: up to 40 ms).
        socket().setNoDelay(true);
        KeepAliveSession session(socket(), params);
        // Poco's limit: at most this many requests on one connection (0: no limit).
        const int limit = params->getMaxKeepAliveRequests();
        int served = 0;
        while (!m_stopped && !m_server.stopping()) {
            if (served > 0 && !session.getKeepAlive())
                break;
            if (!session.nextRequest(served == 0 ? params->getTimeout() : params->getKeepAliveTimeout()))
                break;
            std::lock_guard lock(m_requestMutex);
            if (m_stopped)
                break;
            ++served;
            const bool mayKeepAlive = limit <= 0 || served < limit;
            try {
                Poco::Net::HTTPServerResponseImpl response(session);
                Poco::Net::HTTPServerRequestImpl request(response, session, params.get()); // reads the head
                if (request.getVersion() != Poco::Net::HTTPMessage::HTTP_1_1
                    && request.getVersion() != Poco::Net::HTTPMessage::HTTP_1_0) {
                    refuse(session, malformedHead("version"));
                    break;
                }
                response.setDate(Poco::Timestamp());
                response.setVersion(request.getVersion());
                response.setKeepAlive(params->getKeepAlive() && request.getKeepAlive() && mayKeepAlive
                                      && !m_server.stopping());
                if (request.getExpectContinue() && response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK)
                    response.sendContinue();
                m_server.dispatcher().handleRequest(request, response);
                // Not answered: the client went away mid-request.
                session.setKeepAlive(response.sent() && params->getKeepAlive() && response.getKeepAlive()
                                     && mayKeepAlive);
            } catch (const Poco::Net::NoMessageException &) {
                break; // closed between requests
            } catch (const Poco::Net::MessageException &e) {
                Poco::Logger::get("spgl").warning("malformed request from %s: %s", socket().peerAddress().toString(),
                                                  e.displayText());
                refuse(session, malformedHead(e.message()));
                break;
            } catch (const Poco::TimeoutException &) {
                refuse(session, ApiError(408, "request-timeout", "请求超时",
                                         "请求头未能在 " + std::to_string(params->getTimeout().totalSeconds())
                                             + " 秒内传完，连接已关闭"));
                break;
            } catch (const Poco::SyntaxException &e) {
                // A header value Poco parses while reading the head (Content-Length not a number).
                Poco::Logger::get("spgl").warning("malformed request from %s: %s", socket().peerAddress().toString(),
                                                  e.displayText());
                refuse(session, ApiError(400, "malformed-request", "请求格式错误",
                                         "请求头的值无效：Content-Length 应为非负整数"));
                break;
            }
        }
    } catch (const Poco::Exception &e) {
        // The connection broke (reset, timeout while answering): nothing left to answer.
        Poco::Logger::get("spgl").debug("connection ended: %s", e.displayText());
    } catch (const std::exception &e) {
        Poco::Logger::get("spgl").warning("connection ended: %s", std::string(e.what()));
    }
}

void HttpConnection::refuse(Poco::Net::HTTPServerSession &session, const ApiError &error)
{
    const std::string requestId = Dispatcher::newRequestId();
    const Response problem = Response::problem(error);
    try {
        Poco::Net::HTTPServerResponseImpl response(session);
        response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
        response.setStatusAndReason(Poco::Net::HTTPResponse::HTTPStatus(problem.status));
        response.setDate(Poco::Timestamp());
        response.setKeepAlive(false);
        response.set("X-Request-Id", requestId);
        response.setContentType(problem.contentType);
        response.setContentLength64(problem.body.size());
        std::ostream &out = response.send();
        out << problem.body;
        out.flush();
        // Lingering close: read (and drop) what the client still sends, so that closing with unread
        // input does not reset the connection before the client has read the answer.
        socket().shutdownSend();
        socket().setReceiveTimeout(Poco::Timespan(2, 0));
        char buffer[16384];
        for (std::size_t drained = 0; drained < kLingerBytes;) {
            const int n = socket().receiveBytes(buffer, int(sizeof buffer));
            if (n <= 0)
                break;
            drained += std::size_t(n);
        }
    } catch (const Poco::Exception &) {
        // The client is gone already.
    }
    session.setKeepAlive(false);
    auto &log = Poco::Logger::get("spgl.access");
    if (log.information())
        log.information("%s - - %d (%s)", requestId, problem.status, error.detail());
}

} // namespace spgl::server
