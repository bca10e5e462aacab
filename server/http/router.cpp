#include "http/router.h"

#include <stdexcept>

namespace spgl::server {

namespace {
std::vector<std::string> split(const std::string &path)
{
    std::vector<std::string> parts;
    size_t start = 1;
    while (start <= path.size()) {
        const size_t end = path.find('/', start);
        parts.push_back(path.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return parts;
}
} // namespace

Router::Compiled Router::compile(const std::string &pattern)
{
    Compiled c;
    for (const auto &part : split(pattern)) {
        Segment s;
        if (!part.empty() && part.front() == '{') {
            const auto close = part.find('}');
            if (close == std::string::npos)
                throw std::logic_error("bad route pattern " + pattern);
            s.param = part.substr(1, close - 1);
            s.literal = part.substr(close + 1);
        } else {
            s.literal = part;
        }
        c.segments.push_back(std::move(s));
    }
    return c;
}

Route &Router::add(Route route)
{
    m_compiled.push_back(compile(route.pattern));
    m_routes.push_back(std::move(route));
    return m_routes.back();
}

bool Router::matches(const Compiled &c, const std::vector<std::string> &parts,
                     std::map<std::string, std::string> &params)
{
    if (c.segments.size() != parts.size())
        return false;
    for (size_t i = 0; i < parts.size(); ++i) {
        const Segment &s = c.segments[i];
        const std::string &p = parts[i];
        if (s.param.empty()) {
            if (s.literal != p)
                return false;
            continue;
        }
        if (p.size() <= s.literal.size() || p.compare(p.size() - s.literal.size(), s.literal.size(), s.literal) != 0)
            return false;
        params[s.param] = p.substr(0, p.size() - s.literal.size());
    }
    return true;
}

Router::Match Router::match(const std::string &method, const std::string &path) const
{
    // The most specific route wins (most literal segments, then most parameters with a literal
    // suffix), whatever the order of registration: /users/me beats /users/{id}, and
    // /calendar/{year}.ics beats /calendar/{year}. HEAD falls back to GET.
    Match m;
    const auto parts = split(path);
    int best = -1;
    bool bestExact = false;
    for (size_t i = 0; i < m_routes.size(); ++i) {
        std::map<std::string, std::string> params;
        if (!matches(m_compiled[i], parts, params))
            continue;
        const bool exact = m_routes[i].method == method;
        const bool viaGet = method == "HEAD" && m_routes[i].method == "GET";
        if (!exact && !viaGet) {
            m.allowed.push_back(m_routes[i].method);
            continue;
        }
        int literals = 0;
        for (const auto &s : m_compiled[i].segments)
            literals += s.param.empty() ? 2 : (s.literal.empty() ? 0 : 1);
        if (literals > best || (literals == best && exact && !bestExact)) {
            best = literals;
            bestExact = exact;
            m.route = &m_routes[i];
            m.params = std::move(params);
        }
    }
    if (m.route)
        m.allowed.clear();
    return m;
}

} // namespace spgl::server
