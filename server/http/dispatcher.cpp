#include "http/dispatcher.h"

#include "app/servercontext.h"
#include "core/beijingtime.h"
#include "http/apierror.h"
#include "services/requestaudit.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>

namespace spgl::server {

namespace {

bool saneRequestId(const std::string &id)
{
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_' || c == '.';
    });
}

/// The audit target of a request whose handler did not name one (e.g. refused before it ran):
/// "application:<id>" for /api/v1/applications/{id}/…, like the handlers name it; else the path.
std::string defaultTarget(const Route &route, Request &req, const std::string &path)
{
    const auto at = route.pattern.find("/{id}");
    const auto id = req.params().find("id");
    if (at == std::string::npos || id == req.params().end())
        return path;
    const auto slash = route.pattern.rfind('/', at - 1);
    std::string resource = route.pattern.substr(slash + 1, at - slash - 1);
    if (!resource.empty() && resource.back() == 's')
        resource.pop_back();
    return resource + ":" + id->second;
}

/// Reads up to @p bytes of what is left of the body and drops it, so that the client, still
/// sending, is not reset before it can read the error answer.
void drain(std::istream &in, std::int64_t bytes)
{
    char buffer[16384];
    while (bytes > 0 && in) {
        in.read(buffer, std::streamsize(std::min<std::int64_t>(bytes, std::int64_t(sizeof buffer))));
        bytes -= in.gcount();
    }
}

// Enough for an honest client that overshot a little; a large refused body is cut off instead.
constexpr std::int64_t kDrainLimit = 2LL * 1024 * 1024;

/// Reads at most @p limit bytes of the body; 413 when there is more.
std::string readBody(Poco::Net::HTTPServerRequest &req, std::int64_t limit)
{
    const auto tooLarge
        = [limit] { return ApiError::payloadTooLarge("请求体过大：不能超过 " + std::to_string(limit / 1024) + " KB"); };
    if (req.hasContentLength() && std::int64_t(req.getContentLength64()) > limit) {
        drain(req.stream(), std::min<std::int64_t>(std::int64_t(req.getContentLength64()), kDrainLimit));
        throw tooLarge();
    }
    std::string body;
    std::istream &in = req.stream();
    char buffer[8192];
    while (in) {
        in.read(buffer, sizeof buffer);
        body.append(buffer, std::size_t(in.gcount()));
        if (std::int64_t(body.size()) > limit) {
            drain(in, kDrainLimit);
            throw tooLarge();
        }
    }
    // The stream swallows a framing error (bad chunked encoding) and stops: the body is cut.
    if (in.bad())
        throw Poco::Net::MessageException("the request body's framing is invalid");
    return body;
}

Response problem(const ApiError &e)
{
    return Response::problem(e);
}

/// Runs the handler with the request's audit (if any) as the thread's current one, so that the
/// service's write transaction can carry the audit row.
Response callHandler(const Route &route, Request &req, std::optional<RequestAudit> &audit)
{
    if (!audit)
        return route.handler(req);
    RequestAudit::Scope scope(*audit);
    try {
        return route.handler(req);
    } catch (const DbError &e) {
        // The audit row was sent with the change and failed at the commit: the change is gone too.
        if (e.origin() == AuditLog::kOrigin && e.kind() != DbError::Kind::Retryable)
            throw audit->writeFailed(e);
        throw;
    }
}
} // namespace

std::string Dispatcher::newRequestId()
{
    static std::atomic<std::uint64_t> counter{0};
    static const std::string prefix = TokenService::randomToken(6);
    return prefix + "-" + std::to_string(++counter);
}

Response Dispatcher::cachedAnswer(const Route &route, Request &req, const std::string &query)
{
    const auto generation = m_context.db().generation();
    if (!generation) {
        std::optional<RequestAudit> none;
        return std::move(callHandler(route, req, none).header("X-SPGL-Cache", "off"));
    }
    // Everything the answer depends on besides the data: the route, the caller as the token
    // describes them (roles, region, department), the query.
    const Principal &who = req.principal();
    std::string key = route.pattern + '\n' + std::to_string(who.userId) + '\n' + who.regionCode + '\n'
                      + (who.departmentId ? std::to_string(*who.departmentId) : std::string()) + '\n';
    for (const auto &r : who.roles)
        key += r + ',';
    key += '\n' + query;
    bool hit = false;
    Response answer = m_cache.answer(
        key, *generation,
        [&] {
            std::optional<RequestAudit> none;
            return callHandler(route, req, none);
        },
        &hit);
    return std::move(answer.header("X-SPGL-Cache", hit ? "hit" : "miss"));
}

void Dispatcher::handleRequest(Poco::Net::HTTPServerRequest &raw, Poco::Net::HTTPServerResponse &out)
{
    const auto started = std::chrono::steady_clock::now();
    const std::string uri = raw.getURI();
    const auto qpos = uri.find('?');
    const std::string path = uri.substr(0, qpos);
    const std::string requestId = saneRequestId(raw.get("X-Request-Id", "")) ? raw.get("X-Request-Id") : newRequestId();
    const std::string method = raw.getMethod();
    const bool changesState = method != "GET" && method != "HEAD" && method != "OPTIONS";

    Response response;
    std::optional<Request> req;
    std::optional<RequestAudit> audit;
    const Route *route = nullptr;
    bool clientGone = false;
    bool framingBroken = false;
    try {
        req.emplace(raw, path, qpos == std::string::npos ? std::string() : uri.substr(qpos + 1));
        req->setRequestId(requestId);
        const auto &cors = m_context.config().corsOrigin;
        if (method == "OPTIONS" && !cors.empty() && raw.get("Origin", "") == cors) {
            response = Response::empty(204);
            response.header("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE, HEAD, OPTIONS");
            response.header(
                "Access-Control-Allow-Headers",
                "Authorization, Content-Type, Idempotency-Key, Upload-Length, Upload-Offset, X-Request-Id, If-Match, "
                "X-SPGL-Session");
            response.header("Access-Control-Max-Age", "600");
        } else if (const auto &portal = m_context.router().fallback();
                   portal && (method == "GET" || method == "HEAD") && path != "/api" && path.rfind("/api/", 0) != 0
                   && path.rfind("/ogc", 0) != 0 && !m_context.router().match(method, path).route) {
            response = portal(*req); // the portal's pages: public, never audited
        } else {
            auto match = m_context.router().match(method, path);
            if (!match.route) {
                if (!match.allowed.empty()) {
                    std::string allow;
                    for (const auto &m : match.allowed)
                        allow += (allow.empty() ? "" : ", ") + m;
                    ApiError e = ApiError::methodNotAllowed("此地址不支持 " + method + "，支持：" + allow);
                    e.headers.emplace_back("Allow", allow);
                    throw e;
                }
                throw ApiError::notFound("没有这个接口：" + path);
            }
            route = match.route;
            req->params() = std::move(match.params);
            // Every state-changing request that reached a route is audited once, whatever its outcome.
            if (changesState && route->audited) {
                AuditEntry entry;
                entry.requestId = requestId;
                entry.actor = "anonymous";
                entry.action = method + " " + route->pattern;
                entry.target = defaultTarget(*route, *req, path);
                entry.ip = req->clientAddress();
                entry.result = route->successStatus;
                audit.emplace(std::move(entry));
                req->setAudit(&*audit);
            }
            if (!route->isPublic) {
                const std::string auth = raw.get("Authorization", "");
                if (auth.rfind("Bearer ", 0) != 0)
                    throw ApiError::unauthorized("请先登录（缺少访问令牌）");
                auto principal = m_context.tokens().verify(auth.substr(7));
                if (!principal)
                    throw ApiError::unauthorized("访问令牌无效或已过期，请刷新令牌或重新登录");
                // A session that ended (logout, a stolen refresh token detected) takes its access tokens along.
                if (!principal->session.empty() && !m_context.auth().sessionOpen(principal->session))
                    throw ApiError::unauthorized("会话已退出，请重新登录");
                req->setPrincipal(std::move(*principal));
                if (audit)
                    audit->setActor(req->principal().userId, req->principal().username);
                if (!route->roles.empty()
                    && std::none_of(route->roles.begin(), route->roles.end(),
                                    [&](const std::string &r) { return req->principal().hasRole(r); }))
                    throw ApiError::forbidden();
            }
            if (route->streamBody) {
                req->setStream(&raw.stream());
            } else if (changesState) {
                req->setBody(
                    readBody(raw, route->bodyLimit ? std::int64_t(route->bodyLimit) : m_context.config().maxBodyBytes));
            }
            const std::string idempotencyKey = raw.get("Idempotency-Key", "");
            if (changesState && !idempotencyKey.empty() && req->authenticated() && !route->streamBody) {
                if (!IdempotencyStore::validKey(idempotencyKey))
                    throw ApiError::badRequest("Idempotency-Key 应为 1–128 个字母、数字或 - _ . :");
                IdempotencyStore &store = m_context.idempotency();
                const std::int64_t user = req->principal().userId;
                if (auto replay = store.claim(user, idempotencyKey, method, path, beijing::nowMs())) {
                    response = std::move(*replay);
                    if (audit)
                        audit->setDetail("idempotent replay of " + idempotencyKey);
                } else {
                    try {
                        response = callHandler(*route, *req, audit);
                    } catch (const ApiError &e) {
                        response = problem(e);
                    } catch (...) {
                        store.release(user, idempotencyKey);
                        throw;
                    }
                    store.complete(user, idempotencyKey, response);
                }
            } else if (route->cached && method == "GET") {
                response = cachedAnswer(*route, *req, qpos == std::string::npos ? std::string() : uri.substr(qpos + 1));
            } else {
                response = callHandler(*route, *req, audit);
            }
        }
    } catch (const ApiError &e) {
        response = problem(e);
    } catch (const DbError &e) {
        if (e.kind() == DbError::Kind::UniqueViolation)
            response = problem(ApiError::conflict("数据已存在（重复提交？）"));
        else {
            Poco::Logger::get("spgl").error("%s database error: %s", requestId, std::string(e.what()));
            response = problem(ApiError(503, "storage", "数据库暂时不可用",
                                        "服务器暂时无法访问数据库，请稍后重试（请求编号 " + requestId + "）"));
        }
    } catch (const Poco::Net::MessageException &e) {
        // The body's framing is broken (bad chunked encoding): answer, then close the connection.
        Poco::Logger::get("spgl").warning("%s malformed request body: %s", requestId, e.displayText());
        framingBroken = true;
        response = problem(ApiError(400, "malformed-request", "请求格式错误",
                                    "请求体的传输格式无效（如分块编码错误），请检查客户端后重试"));
    } catch (const Poco::Net::NetException &e) {
        Poco::Logger::get("spgl").warning("%s connection error: %s", requestId, e.displayText());
        clientGone = true;
        response = problem(ApiError::badRequest("连接中断，请求未完成"));
    } catch (const std::exception &e) {
        Poco::Logger::get("spgl").error("%s internal error: %s", requestId, std::string(e.what()));
        response = problem(ApiError(500, "internal", "服务器内部错误",
                                    "服务器处理请求时出错，请联系管理员并提供请求编号 " + requestId));
    }

    // A streaming handler that refused the request left its body unread: drain a bounded amount
    // so that the client can read the answer instead of a reset.
    if (route && route->streamBody && response.status >= 400) {
        try {
            drain(raw.stream(), kDrainLimit);
        } catch (const std::exception &) {
        }
    }

    // The row of a success that changed state committed with the change (RequestAudit::record);
    // every other outcome is audited here, after the fact.
    try {
        if (audit && !audit->finish(m_context.db(), response.status) && response.status < 400)
            response = problem(ApiError(503, "audit", "审计日志写入失败",
                                        "操作已执行但审计日志写入失败，请联系管理员（请求编号 " + requestId + "）"));
    } catch (const std::exception &e) {
        Poco::Logger::get("spgl").error("%s internal error: %s", requestId, std::string(e.what()));
        response = problem(ApiError(500, "internal", "服务器内部错误",
                                    "服务器处理请求时出错，请联系管理员并提供请求编号 " + requestId));
    }
    if (clientGone)
        return;

    try {
        out.setStatusAndReason(Poco::Net::HTTPResponse::HTTPStatus(response.status));
        // After an error the request body may be partly unread: never reuse that connection.
        if (framingBroken
            || (response.status >= 400 && (raw.hasContentLength() || raw.getChunkedTransferEncoding()) && changesState))
            out.setKeepAlive(false);
        out.set("X-Request-Id", requestId);
        const auto &cors = m_context.config().corsOrigin;
        if (!cors.empty() && raw.get("Origin", "") == cors) {
            out.set("Access-Control-Allow-Origin", cors);
            out.set("Vary", "Origin");
            // The portal served from that origin keeps its refresh token in a cookie (RefreshCookie).
            out.set("Access-Control-Allow-Credentials", "true");
            out.set("Access-Control-Expose-Headers",
                    "Upload-Offset, Upload-Length, Location, X-Request-Id, ETag, Content-Range");
        }
        for (const auto &[k, v] : response.headers)
            out.set(k, v);
        if (!response.contentType.empty())
            out.setContentType(response.contentType);
        if (response.writer) {
            out.setContentLength64(Poco::UInt64(response.contentLength));
            std::ostream &stream = out.send();
            if (method != "HEAD")
                response.writer(stream);
        } else if (response.status == 204 || response.status == 304) {
            out.send();
        } else {
            out.setContentLength64(response.body.size());
            std::ostream &stream = out.send();
            if (method != "HEAD") {
                auto *impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl *>(&raw);
                if (impl && response.body.size() > 4096) {
                    // The head goes out, then the body in one write (through the stream a larger
                    // body goes in 4 KB pieces: seven system calls for a case list). A small one
                    // still leaves with the head, in one.
                    stream.flush();
                    impl->socket().sendBytes(response.body.data(), int(response.body.size()));
                } else {
                    stream << response.body;
                }
            }
        }
    } catch (const std::exception &e) {
        Poco::Logger::get("spgl").warning("%s could not send the response: %s", requestId, std::string(e.what()));
    }
    const auto ms
        = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count()
          / 1000.0;
    static Poco::Logger &log = Poco::Logger::get("spgl.access"); // (get() locks the registry)
    if (log.information())
        log.information("%s %s %s %d %.1fms", requestId, method, path, response.status, ms);
}

} // namespace spgl::server
