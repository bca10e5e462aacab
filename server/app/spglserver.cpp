#include "app/spglserver.h"

#include "app/demogenerator.h"
#include "app/demolayers.h"
#include "app/linechannel.h"
#include "app/servercontext.h"
#include "calendar/dates.h"
#include "core/beijingtime.h"
#include "http/apierror.h"
#include "http/dispatcher.h"
#include "http/httpserver.h"
#include "jobs/clockjob.h"
#include "services/auditlog.h"
#include "services/requestaudit.h"
#include "storage/migrator.h"
#include "storage/sqliteconnection.h"

#include <Poco/AutoPtr.h>
#include <Poco/Crypto/Crypto.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/PatternFormatter.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

namespace spgl::server {

namespace {
void setUpLogging()
{
    Poco::AutoPtr<Poco::PatternFormatter> formatter(new Poco::PatternFormatter("%Y-%m-%dT%H:%M:%S%z [%p] %s: %t"));
    formatter->setProperty("times", "local");
    Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(formatter, new LineChannel));
    Poco::Logger::root().setChannel(channel);
    Poco::Logger::root().setLevel("information");
    if (const char *level = std::getenv("SPGL_LOG_LEVEL"))
        Poco::Logger::root().setLevel(level);
    // Every logger created so far (and later) shares the root's channel.
    Poco::Logger::setChannel("", channel);
}

std::string printable(const ApiError &e)
{
    std::string text = e.detail();
    for (const auto &err : e.errors())
        text += "\n  " + (err.field.empty() ? std::string() : err.field + ": ") + err.message;
    return text;
}
} // namespace

void SpglServer::defineOptions(Poco::Util::OptionSet &)
{
    // Options are parsed by ServerConfig (they mix with sub-commands), not by Poco.
    stopOptionsProcessing();
}

int SpglServer::main(const std::vector<std::string> &args)
{
    // Keep OpenSSL initialised for the whole run. Every Poco::Crypto::DigestEngine (the JWT HMAC of
    // each request, SM3) initialises it on construction and uninitialises it on destruction; under
    // concurrent requests the count drops to zero in one thread while another thread hashes, which
    // destroys OpenSSL's locks under it (heap corruption, abort; pocoproject/poco#1498).
    Poco::Crypto::initializeCrypto();
    setUpLogging();
    ServerConfig config;
    std::map<std::string, std::string> extra;
    std::vector<std::string> words;
    try {
        for (const auto &a : args) {
            if (a == "--help" || a == "-h") {
                std::cout << ServerConfig::usage();
                return EXIT_OK;
            }
            if (a == "--version") {
                std::cout << "spgl-server " << SPGL_VERSION << "\n";
                return EXIT_OK;
            }
        }
        words = config.parse(args, &extra);
        if (config.startAtMs)
            beijing::startClockAt(config.startAtMs);
    } catch (const std::invalid_argument &e) {
        std::cerr << "spgl-server: " << e.what() << "\n";
        return EXIT_USAGE;
    }
    try {
        if (words.empty()) {
            if (!extra.empty()) {
                std::cerr << "spgl-server: unknown option --" << extra.begin()->first << " (see --help)\n";
                return EXIT_USAGE;
            }
            return serve(config);
        }
        return runCommand(config, words, extra);
    } catch (const ApiError &e) {
        std::cerr << "spgl-server: " << printable(e) << "\n";
        return EXIT_DATAERR;
    } catch (const std::exception &e) {
        std::cerr << "spgl-server: " << e.what() << "\n";
        return EXIT_SOFTWARE;
    }
}

int SpglServer::serve(ServerConfig &config)
{
    auto &log = Poco::Logger::get("spgl");
    ServerContext context(config);
    if (config.startAtMs)
        log.warning("the clock was started at %s (--now): deadlines follow it, not the real time",
                    beijing::rfc3339(config.startAtMs));
    if (config.demo) {
        context.seedDemo();
        if (config.demoProjects > 0)
            DemoGenerator(context).generateIfEmpty(config.demoProjects, 20251128);
        // The small synthetic blueprint (once; a layer already loaded is left alone).
        try {
            log.information("%s",
                            DemoLayers(context.blueprint()).load(geo::DemoLayerSize::Small, beijing::nowMs(), true));
        } catch (const std::exception &e) {
            log.error("demo layers not loaded: %s", std::string(e.what()));
        }
    }
    ClockJob clockJob(context.approvals(), std::chrono::seconds(config.clockScanSeconds));
    clockJob.start();
    context.imports().start();

    Poco::Net::ServerSocket socket;
    try {
        socket.bind(Poco::Net::SocketAddress(config.host, Poco::UInt16(config.port)), true);
        socket.listen(256);
    } catch (const Poco::Exception &e) {
        std::cerr << "spgl-server: cannot listen on " << config.host << ":" << config.port << ": " << e.displayText()
                  << "\n";
        return EXIT_UNAVAILABLE;
    }
    auto *params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(config.threads);
    params->setMaxQueued(1024);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(10000);
    params->setKeepAliveTimeout(Poco::Timespan(15, 0));
    params->setTimeout(Poco::Timespan(60, 0));
    params->setServerName("spgl-server/" SPGL_VERSION);
    Poco::ThreadPool pool("spgl-http", 2, config.threads + 2);
    Dispatcher dispatcher(context);
    HttpServer server(dispatcher, pool, socket, params);
    server.start();

    const int port = socket.address().port();
    if (!config.portFile.empty()) {
        const std::string tmp = config.portFile + ".tmp";
        std::ofstream(tmp) << port << "\n";
        std::filesystem::rename(tmp, config.portFile);
    }
    log.information("spgl-server %s listening on http://%s:%d (db %s at %s, data %s)", std::string(SPGL_VERSION),
                    config.host, port, context.db().backendName(), context.db().location(), config.dataDir);
    waitForTerminationRequest();
    log.information("stopping: finishing requests in flight");
    server.stop(); // no new connections; each open one ends after its current request
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (server.currentConnections() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    pool.joinAll();
    clockJob.stop();
    log.information("stopped");
    return EXIT_OK;
}

int SpglServer::runCommand(ServerConfig &config, const std::vector<std::string> &words,
                           const std::map<std::string, std::string> &extra)
{
    const auto option = [&extra](const std::string &key, bool required) {
        auto it = extra.find(key);
        if (it == extra.end() && required)
            throw std::invalid_argument("missing --" + key + "=…");
        return it == extra.end() ? std::string() : it->second;
    };
    const std::string &cmd = words[0];
    try {
        if (cmd == "migrate") {
            std::filesystem::create_directories(config.dataDir);
            auto db = Database::open(config.db, config.dataDir);
            Migrator migrator(*db);
            const auto applied = migrator.migrate();
            for (const auto &name : applied)
                std::cout << "applied " << name << "\n";
            std::cout << "schema at version " << migrator.currentVersion() << " (" << db->backendName() << ")\n";
            return EXIT_OK;
        }
        if (cmd == "audit" && words.size() > 1 && words[1] == "verify") {
            auto db = Database::open(config.db, config.dataDir);
            const auto v = AuditLog::verify(*db);
            if (!v.ok) {
                std::cout << "audit chain BROKEN at row " << v.firstBrokenId << ": " << v.reason << "\n"
                          << "rows verified before it: " << v.rows << "\n";
                return 1;
            }
            std::cout << "audit chain ok: " << v.rows << " rows; head " << v.headId << " " << v.headHash << "\n";
            return EXIT_OK;
        }
        if (cmd == "user" && words.size() > 1 && words[1] == "add") {
            ServerContext context(config);
            const std::string rolesText = option("roles", true);
            const nlohmann::json roles = User::parseRoles(rolesText);
            nlohmann::json body = {{"username", option("username", true)},
                                   {"password", option("password", true)},
                                   {"display_name", extra.count("display-name") ? option("display-name", false)
                                                                                : option("username", true)},
                                   {"roles", roles},
                                   {"region_code", option("region", true)}};
            if (extra.count("department"))
                body["department_id"] = option("department", false);
            // The audit row commits with the new user (result 0: an operator action that succeeded).
            RequestAudit audit(AuditEntry{beijing::nowMs(), "cli", std::nullopt, "operator", "CLI user add", "",
                                          "local", 0, "roles " + rolesText});
            const User user = [&] {
                RequestAudit::Scope scope(audit);
                return context.users().createStaff(body, DataScope::system());
            }();
            if (!audit.finish(context.db(), 0))
                throw std::runtime_error("the audit row of the new user could not be written");
            std::cout << "created user " << user.username << " (id " << user.id << ")\n";
            return EXIT_OK;
        }
        if (cmd == "demo") {
            const std::string projects = option("projects", true);
            const std::string seed = extra.count("seed") ? option("seed", false) : std::string("1");
            int n = 0;
            std::uint64_t s = 0;
            try {
                n = std::stoi(projects);
                s = std::stoull(seed);
            } catch (const std::exception &) {
                throw std::invalid_argument("--projects and --seed must be numbers");
            }
            if (n < 1 || n > 200000)
                throw std::invalid_argument("--projects must be 1 to 200000");
            std::int64_t anchor = 0;
            if (extra.count("anchor")) {
                const auto day = parseIsoDate(option("anchor", false));
                if (!day)
                    throw std::invalid_argument("--anchor must be a date YYYY-MM-DD");
                anchor = beijingMs(*day, 12);
            }
            ServerContext context(config);
            context.seedDemo();
            const auto report = DemoGenerator(context).generate(n, s, anchor);
            std::cout << report << "\n";
            return EXIT_OK;
        }
        if (cmd == "demo-layers") {
            const std::string sizeText = extra.count("size") ? option("size", false) : std::string("small");
            const auto size = geo::demoLayerSizeFromText(sizeText);
            if (!size)
                throw std::invalid_argument("--size must be small, 100k or 1m");
            ServerContext context(config);
            std::cout << DemoLayers(context.blueprint()).load(*size, beijing::nowMs()) << "\n";
            return EXIT_OK;
        }
        if (cmd == "backup") {
            auto db = Database::open(config.db, config.dataDir);
            if (db->backend() != Backend::Sqlite) {
                std::cerr << "spgl-server backup: for PostgreSQL use pg_dump; this command copies the SQLite file and "
                             "blobs\n";
                return EXIT_USAGE;
            }
            const std::filesystem::path out = option("out", true);
            if (std::filesystem::exists(out) && !std::filesystem::is_empty(out))
                throw std::invalid_argument("--out folder must be new or empty: " + out.string());
            std::filesystem::create_directories(out);
            const std::string file = (out / "spgl.db").string();
            // VACUUM INTO writes a consistent copy while the server keeps running.
            auto conn = std::make_unique<SqliteConnection>(db->location());
            conn->execScript("VACUUM INTO '" + file + "'");
            std::filesystem::copy(std::filesystem::path(config.dataDir) / "blobs", out / "blobs",
                                  std::filesystem::copy_options::recursive
                                      | std::filesystem::copy_options::skip_existing);
            // The blueprint's layer files (the catalog rows are in the database copy).
            const auto layers = std::filesystem::path(config.dataDir) / "blueprint";
            if (std::filesystem::exists(layers)) {
                std::filesystem::create_directories(out / "blueprint");
                for (const auto &entry : std::filesystem::directory_iterator(layers))
                    if (entry.is_directory() && entry.path().filename() != ".incoming")
                        std::filesystem::copy(entry.path(), out / "blueprint" / entry.path().filename(),
                                              std::filesystem::copy_options::recursive);
            }
            std::cout << "backup written to " << out.string() << "\n";
            return EXIT_OK;
        }
        if (cmd == "restore") {
            const std::filesystem::path in = option("in", true);
            const std::filesystem::path data = config.dataDir;
            if (!std::filesystem::exists(in / "spgl.db"))
                throw std::invalid_argument("--in folder has no spgl.db: " + in.string());
            if (std::filesystem::exists(data / "spgl.db"))
                throw std::invalid_argument("the data dir already holds a database; restore into an empty --data-dir");
            std::filesystem::create_directories(data);
            std::filesystem::copy_file(in / "spgl.db", data / "spgl.db");
            if (std::filesystem::exists(in / "blobs"))
                std::filesystem::copy(in / "blobs", data / "blobs", std::filesystem::copy_options::recursive);
            if (std::filesystem::exists(in / "blueprint"))
                std::filesystem::copy(in / "blueprint", data / "blueprint", std::filesystem::copy_options::recursive);
            auto db = Database::open("sqlite", config.dataDir);
            Migrator(*db).migrate();
            const auto v = AuditLog::verify(*db);
            std::cout << "restored into " << data.string() << "; audit chain " << (v.ok ? "ok" : "BROKEN") << " ("
                      << v.rows << " rows)\n";
            return v.ok ? EXIT_OK : 1;
        }
    } catch (const std::invalid_argument &e) {
        std::cerr << "spgl-server " << cmd << ": " << e.what() << "\n";
        return EXIT_USAGE;
    }
    std::cerr << "spgl-server: unknown command '" << cmd << "' (see --help)\n";
    return EXIT_USAGE;
}

} // namespace spgl::server
