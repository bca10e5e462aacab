#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace spgl::server {

/// Settings of spgl-server, from (in rising precedence) a config file, SPGL_* environment
/// variables and `--key=value` options.
struct ServerConfig
{
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string dataDir = "./var";
    std::string db = "sqlite";
    bool demo = false;
    std::string role = "prefecture";     ///< prefecture | region
    std::string corsOrigin;              ///< the portal's origin when it is served elsewhere
    std::int64_t maxBodyBytes = 1 << 20; ///< JSON bodies
    std::int64_t maxUploadBytes = 200LL * 1024 * 1024;
    int accessTtlSeconds = 900;
    int threads = 128;         ///< each keep-alive connection holds one (Poco): room for many desktops
    int clockScanSeconds = 60; ///< deadline scan interval; 0 = off
    int demoProjects = 0;      ///< with demo: projects to generate into an empty database
    std::string portFile;      ///< write the bound port here (tests, scripts)
    std::string portalDir;     ///< the portal's built assets, served at / (default: the build's)
    bool ogcPublic = false;    ///< /ogc (OGC API – Features) readable without a login (QGIS on the extranet)
    std::uint32_t argon2MemoryKiB = 47104;
    std::uint32_t argon2Iterations = 1;

    /// --now: the clock starts at this instant and runs on (0: the real time).
    std::int64_t startAtMs = 0;

    /// Parses `--key=value` options and positional words (the sub-command) from @p args.
    /// Returns the positional words; throws std::invalid_argument with a message on bad input.
    std::vector<std::string> parse(const std::vector<std::string> &args,
                                   std::map<std::string, std::string> *extra = nullptr);

    static std::string usage();
};

} // namespace spgl::server
