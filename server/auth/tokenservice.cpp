#include "auth/tokenservice.h"

#include <Poco/Base64Encoder.h>
#include <Poco/DigestEngine.h>
#include <Poco/JSON/Array.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>
#include <Poco/Timestamp.h>

#include <atomic>
#include <sstream>
#include <unordered_map>

namespace spgl::server {

TokenService::TokenService(std::string secret, int accessTtlSeconds)
    : m_secret(std::move(secret))
    , m_ttl(accessTtlSeconds)
    , m_instance([] {
        static std::atomic<std::uint64_t> next{1};
        return next++;
    }())
{}

std::string TokenService::issue(const Principal &p) const
{
    Poco::JWT::Token token;
    token.setType("JWT");
    token.setSubject(std::to_string(p.userId));
    token.setIssuer("spgl-server");
    token.setId(randomToken(12));
    const Poco::Timestamp now;
    token.setIssuedAt(now);
    token.setExpiration(now + Poco::Timestamp::TimeDiff(m_ttl) * Poco::Timestamp::resolution());
    Poco::JSON::Object &payload = token.payload();
    payload.set("name", p.username);
    payload.set("dn", p.displayName);
    Poco::JSON::Array::Ptr roles = new Poco::JSON::Array;
    for (const auto &r : p.roles)
        roles->add(r);
    payload.set("roles", roles);
    payload.set("region", p.regionCode);
    if (p.departmentId)
        payload.set("dept", *p.departmentId);
    if (!p.session.empty())
        payload.set("sid", p.session);
    Poco::JWT::Signer signer(m_secret);
    return signer.sign(token, Poco::JWT::Signer::ALGO_HS256);
}

std::optional<Principal> TokenService::verify(const std::string &jwt) const
{
    struct Verified
    {
        std::uint64_t issuer;
        Principal principal;
        Poco::Timestamp expires;
    };
    thread_local std::unordered_map<std::string, Verified> t_verified;
    if (const auto it = t_verified.find(jwt); it != t_verified.end() && it->second.issuer == m_instance) {
        if (it->second.expires > Poco::Timestamp())
            return it->second.principal;
        t_verified.erase(it);
        return std::nullopt;
    }
    auto principal = check(jwt);
    if (principal) {
        if (t_verified.size() >= 16)
            t_verified.clear();
        t_verified.emplace(jwt, Verified{m_instance, principal->first, principal->second});
        return std::move(principal->first);
    }
    return std::nullopt;
}

std::optional<std::pair<Principal, Poco::Timestamp>> TokenService::check(const std::string &jwt) const
{
    try {
        Poco::JWT::Signer signer(m_secret);
        Poco::JWT::Token token;
        if (!signer.tryVerify(jwt, token))
            return std::nullopt;
        if (token.getExpiration() <= Poco::Timestamp())
            return std::nullopt;
        Principal p;
        p.userId = std::stoll(token.getSubject());
        const Poco::JSON::Object &payload = token.payload();
        p.username = payload.getValue<std::string>("name");
        p.displayName = payload.optValue<std::string>("dn", p.username);
        if (auto roles = payload.getArray("roles")) {
            for (size_t i = 0; i < roles->size(); ++i)
                p.roles.push_back(roles->getElement<std::string>(unsigned(i)));
        }
        p.regionCode = payload.getValue<std::string>("region");
        if (payload.has("dept"))
            p.departmentId = payload.getValue<Poco::Int64>("dept");
        p.session = payload.optValue<std::string>("sid", std::string());
        return std::pair(std::move(p), token.getExpiration());
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

std::string TokenService::randomToken(std::size_t bytes)
{
    std::string raw(bytes, '\0');
    Poco::RandomInputStream random;
    random.read(raw.data(), std::streamsize(bytes));
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder.rdbuf()->setLineLength(0);
    encoder << raw;
    encoder.close();
    return out.str();
}

std::string TokenService::sha256Hex(const std::string &text)
{
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(text);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

} // namespace spgl::server
