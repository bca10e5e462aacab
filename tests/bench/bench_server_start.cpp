// Issue targets: start to answering /api/v1/health on SQLite ≤ 1 s; idle resident memory ≤ 60 MB;
// login ≤ 150 ms. Usage: bench_server_start [--db=postgresql://…] [--logins=N]
#include <Poco/File.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Path.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {
using Clock = std::chrono::steady_clock;

int request(int port, const std::string &method, const std::string &path, const std::string &body = {})
{
    try {
        Poco::Net::HTTPClientSession s("127.0.0.1", Poco::UInt16(port));
        Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        if (!body.empty()) {
            req.setContentType("application/json");
            req.setContentLength64(body.size());
        }
        s.sendRequest(req) << body;
        Poco::Net::HTTPResponse res;
        std::string ignored;
        Poco::StreamCopier::copyToString(s.receiveResponse(res), ignored);
        return int(res.getStatus());
    } catch (...) {
        return 0;
    }
}

long rssKiB(long pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

int readPort(const std::string &file)
{
    std::ifstream in(file);
    int port = 0;
    in >> port;
    return port;
}
} // namespace

int main(int argc, char **argv)
{
    std::string db = "sqlite";
    int logins = 30;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--db=", 0) == 0)
            db = a.substr(5);
        else if (a.rfind("--logins=", 0) == 0)
            logins = std::stoi(a.substr(9));
    }
    Poco::TemporaryFile dir;
    dir.createDirectories();
    const std::string portFile = dir.path() + "/port";
    // First start: migrations and demo seeding (a one-time cost), then stop.
    std::vector<std::string> args = {"--listen=127.0.0.1:0", "--port-file=" + portFile,
                                     "--data-dir=" + dir.path() + "/data", "--db=" + db, "--demo"};
    {
        auto handle = Poco::Process::launch(SPGL_SERVER_BIN, args);
        while (readPort(portFile) == 0 || request(readPort(portFile), "GET", "/api/v1/health") != 200)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        Poco::Process::requestTermination(handle.id());
        handle.wait();
        Poco::File(portFile).remove();
    }
    // Measured start on an existing data dir, as an operator restarts it.
    const auto t0 = Clock::now();
    auto handle = Poco::Process::launch(SPGL_SERVER_BIN, args);
    int port = 0;
    while ((port = readPort(portFile)) == 0 || request(port, "GET", "/api/v1/health") != 200)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const double startMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

    std::this_thread::sleep_for(std::chrono::seconds(2));
    const long idleRss = rssKiB(handle.id());

    std::vector<double> times;
    for (int i = 0; i < logins; ++i) {
        const auto a = Clock::now();
        const int status
            = request(port, "POST", "/api/v1/auth/login", R"({"username":"admin","password":"Demo@2026"})");
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
        if (status != 200) {
            std::cerr << "login failed with HTTP " << status << "\n";
            return 1;
        }
    }
    const long afterLoginRss = rssKiB(handle.id());
    std::sort(times.begin(), times.end());
    Poco::Process::requestTermination(handle.id());
    handle.wait();

    std::cout << "backend                      " << (db == "sqlite" ? "sqlite" : "postgresql") << "\n"
              << "start → health 200           " << startMs << " ms   (target ≤ 1000 ms)\n"
              << "idle resident memory         " << idleRss / 1024.0 << " MB   (target ≤ 60 MB)\n"
              << "resident after logins       " << afterLoginRss / 1024.0 << " MB\n"
              << "login p50 / p95 / max        " << times[times.size() / 2] << " / " << times[times.size() * 95 / 100]
              << " / " << times.back() << " ms   (target ≤ 150 ms; " << logins << " logins)\n";
    return 0;
}
