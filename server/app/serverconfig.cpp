#include "app/serverconfig.h"

#include "calendar/dates.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace spgl::server {

namespace {
std::int64_t toInt(const std::string &key, const std::string &v)
{
    try {
        size_t used = 0;
        const auto n = std::stoll(v, &used);
        if (used != v.size())
            throw std::invalid_argument(v);
        return n;
    } catch (const std::exception &) {
        throw std::invalid_argument("option --" + key + " needs a number, got '" + v + "'");
    }
}

void apply(ServerConfig &c, const std::string &key, const std::string &value, std::map<std::string, std::string> *extra)
{
    if (key == "listen") {
        const auto colon = value.rfind(':');
        if (colon == std::string::npos)
            throw std::invalid_argument("--listen needs HOST:PORT, got '" + value + "'");
        c.host = value.substr(0, colon);
        c.port = int(toInt(key, value.substr(colon + 1)));
        if (c.port < 0 || c.port > 65535)
            throw std::invalid_argument("--listen: port out of range");
    } else if (key == "data-dir") {
        c.dataDir = value;
    } else if (key == "db") {
        c.db = value;
    } else if (key == "demo") {
        c.demo = value.empty() || value == "1" || value == "true" || value == "yes";
    } else if (key == "role") {
        if (value != "prefecture" && value != "region")
            throw std::invalid_argument("--role is prefecture or region");
        c.role = value;
    } else if (key == "cors-origin") {
        c.corsOrigin = value;
    } else if (key == "max-body") {
        c.maxBodyBytes = toInt(key, value);
    } else if (key == "max-upload") {
        c.maxUploadBytes = toInt(key, value);
    } else if (key == "access-ttl") {
        c.accessTtlSeconds = int(toInt(key, value));
    } else if (key == "clock-scan") {
        c.clockScanSeconds = int(toInt(key, value));
        if (c.clockScanSeconds < 0 || c.clockScanSeconds > 3600)
            throw std::invalid_argument("--clock-scan must be 0 (off) to 3600 seconds");
    } else if (key == "demo-projects") {
        c.demoProjects = int(toInt(key, value));
        if (c.demoProjects < 0 || c.demoProjects > 100000)
            throw std::invalid_argument("--demo-projects must be 0 to 100000");
    } else if (key == "threads") {
        c.threads = int(toInt(key, value));
    } else if (key == "ogc-public") {
        if (value.empty() || value == "1" || value == "true" || value == "yes")
            c.ogcPublic = true;
        else if (value == "0" || value == "false" || value == "no")
            c.ogcPublic = false;
        else
            throw std::invalid_argument("--ogc-public takes no value (or 1/0, true/false), got '" + value + "'");
    } else if (key == "now") {
        // A date alone is 09:00 Beijing time, the start of office hours.
        if (const auto day = parseIsoDate(value))
            c.startAtMs = beijingMs(*day, 9);
        else if (const auto instant = parseRfc3339(value))
            c.startAtMs = *instant;
        else
            throw std::invalid_argument(
                "--now needs YYYY-MM-DD or an RFC 3339 time such as 2026-09-29T10:00:00+08:00, got '" + value + "'");
    } else if (key == "portal-dir") {
        c.portalDir = value;
    } else if (key == "port-file") {
        c.portFile = value;
    } else if (key == "argon2-memory") {
        c.argon2MemoryKiB = std::uint32_t(toInt(key, value));
    } else if (key == "argon2-iterations") {
        c.argon2Iterations = std::uint32_t(toInt(key, value));
    } else if (extra) {
        (*extra)[key] = value;
    } else {
        throw std::invalid_argument("unknown option --" + key + " (see --help)");
    }
}

void loadFile(ServerConfig &c, const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        throw std::invalid_argument("cannot read config file " + path);
    std::string line;
    while (std::getline(in, line)) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#')
            continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            throw std::invalid_argument("config file " + path + ": expected key = value: " + line);
        auto trim = [](std::string s) {
            const auto b = s.find_first_not_of(" \t\r");
            const auto e = s.find_last_not_of(" \t\r");
            return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
        };
        apply(c, trim(line.substr(0, eq)), trim(line.substr(eq + 1)), nullptr);
    }
}
} // namespace

std::vector<std::string> ServerConfig::parse(const std::vector<std::string> &args,
                                             std::map<std::string, std::string> *extra)
{
    // 1. a config file (--config=FILE or SPGL_CONFIG), 2. environment, 3. options.
    std::string configFile;
    if (const char *env = std::getenv("SPGL_CONFIG"))
        configFile = env;
    for (const auto &a : args)
        if (a.rfind("--config=", 0) == 0)
            configFile = a.substr(9);
    if (!configFile.empty())
        loadFile(*this, configFile);

    static const char *envKeys[][2] = {{"SPGL_LISTEN", "listen"},
                                       {"SPGL_DATA_DIR", "data-dir"},
                                       {"SPGL_DB", "db"},
                                       {"SPGL_DEMO", "demo"},
                                       {"SPGL_ROLE", "role"},
                                       {"SPGL_CORS_ORIGIN", "cors-origin"},
                                       {"SPGL_MAX_UPLOAD", "max-upload"},
                                       {"SPGL_PORTAL_DIR", "portal-dir"},
                                       {"SPGL_OGC_PUBLIC", "ogc-public"},
                                       {"SPGL_THREADS", "threads"}};
    for (const auto &[env, key] : envKeys)
        if (const char *v = std::getenv(env))
            apply(*this, key, v, nullptr);

    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a.rfind("--", 0) != 0) {
            positional.push_back(a);
            continue;
        }
        // "--key value" as well as "--key=value", except for flags that take no value.
        if (a.find('=') == std::string::npos && a != "--demo" && a != "--ogc-public" && i + 1 < args.size()
            && args[i + 1].rfind("--", 0) != 0) {
            apply(*this, a.substr(2), args[i + 1], extra);
            ++i;
            continue;
        }
        if (a.rfind("--config=", 0) == 0)
            continue;
        const auto eq = a.find('=');
        const std::string key = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
        const std::string value = eq == std::string::npos ? std::string() : a.substr(eq + 1);
        apply(*this, key, value, extra);
    }
    return positional;
}

std::string ServerConfig::usage()
{
    return R"(spgl-server — 工程建设项目审批管理系统 server

Usage: spgl-server [options]                 run the server
       spgl-server migrate [options]         bring the database schema up to date and exit
       spgl-server audit verify [options]    check the audit log's hash chain (exit 1 when broken)
       spgl-server backup --out=DIR          copy the SQLite database and blobs into a new folder
       spgl-server restore --in=DIR          restore such a folder into an empty --data-dir
       spgl-server demo --projects=N [--seed=S] [--anchor=YYYY-MM-DD]
                            generate N realistic demo projects up to 17:00 of a past anchor day, or
                            up to the start of today without one; deterministic for a seed and
                            an anchor day
       spgl-server demo-layers [--size=small|100k|1m]
                            load the synthetic demo blueprint layers (合成) into the layer catalog
                            (idempotent; --demo loads the small set)
       spgl-server user add --username=U --password=P --roles=r1,r2 --region=650100
                            [--department=ID] [--display-name=NAME]

Options (also SPGL_* environment variables or `key = value` lines in --config=FILE):
  --listen=HOST:PORT     where to listen (default 127.0.0.1:8080; port 0 picks a free one)
  --data-dir=DIR         data folder: SQLite file, blobs, logs (default ./var)
  --db=sqlite | sqlite:/path/file.db | postgresql://user@host:port/db
  --demo                 seed demo users once (passwords in README; never in production)
  --role=prefecture|region
  --cors-origin=URL      allow the portal served from this origin
  --max-upload=BYTES     largest file (default 209715200 = 200 MB)
  --threads=N            request threads (default 128; each open keep-alive connection holds one)
  --clock-scan=SECONDS   how often the deadline scan re-reads every open case's clock (default 60; 0 = off)
  --demo-projects=N      with --demo: generate N demo projects on an empty database (default 0)
  --port-file=FILE       write the bound port to FILE once listening
  --ogc-public           serve /ogc (OGC API – Features, read-only) without a login, e.g. for QGIS
  --now=TIME             start the server's clock at TIME (YYYY-MM-DD = 09:00 that day, or RFC 3339)
                         and let it run on from there: tests and demonstrations of a given day only,
                         never in production (every deadline follows this clock)
  --portal-dir=DIR       the applicant portal's built assets, served at / (default: portal/ next to
                         the binary, ../share/spgl/portal, else the build's server/portal folder)
)";
}

} // namespace spgl::server
