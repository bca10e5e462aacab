// OGC API – Features items pages of 1000 features from a 100,000-polygon GeoPackage (the demo
// land-use plan), in-process (OgcFeatures) and through HTTP (spgl-server --ogc-public), p50/p95:
//
//   bench_ogc [--data=DIR] [--requests=N] [--limit=1000] [--size=100k|small|1m]
//
// The layer is generated once into DIR/blueprint/landuse/v1.gpkg (default DIR ./bench-data-ogc).
// Three kinds of page: at a random offset without bbox, the same pages as a next link reaches
// them (after=<last id>), and the first page of a random bbox (15% of the layer's width and height).
#include "geo/demolayergenerator.h"
#include "gis/ogcfeatures.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace spgl::server;
using Clock = std::chrono::steady_clock;

namespace {

std::string arg(int argc, char **argv, const std::string &name, const std::string &fallback)
{
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("--" + name + "=", 0) == 0)
            return a.substr(name.size() + 3);
    }
    return fallback;
}

struct Stats
{
    double p50 = 0, p95 = 0, mean = 0;
};

Stats stats(std::vector<double> ms)
{
    Stats s;
    if (ms.empty())
        return s;
    std::sort(ms.begin(), ms.end());
    s.p50 = ms[ms.size() / 2];
    s.p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    for (double v : ms)
        s.mean += v;
    s.mean /= double(ms.size());
    return s;
}

struct Query
{
    std::int64_t offset = 0;
    std::optional<OgcFeatures::Bbox> bbox;
    std::optional<std::int64_t> after;
};

void print(const char *what, const Stats &s, double bytes, double features)
{
    std::printf("%-34s p50 %7.2f ms   p95 %7.2f ms   mean %7.2f ms   %6.0f features  %8.0f KB\n", what, s.p50, s.p95,
                s.mean, features, bytes / 1024);
}

} // namespace

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    const fs::path data = fs::absolute(arg(argc, argv, "data", "bench-data-ogc"));
    const int requests = std::stoi(arg(argc, argv, "requests", "200"));
    const std::int64_t limit = std::stoll(arg(argc, argv, "limit", "1000"));
    const auto size = spgl::geo::demoLayerSizeFromText(arg(argc, argv, "size", "100k"));
    if (!size) {
        std::fprintf(stderr, "--size is small, 100k or 1m\n");
        return 2;
    }
    const fs::path gpkg = data / "blueprint" / "landuse" / "v1.gpkg";
    if (!fs::exists(gpkg)) {
        std::printf("generating the demo land-use layer into %s …\n", gpkg.c_str());
        fs::create_directories(gpkg.parent_path());
        const auto t0 = Clock::now();
        auto file = spgl::geo::DemoLayerGenerator(*size).generateLandUse(gpkg.string());
        if (!file) {
            std::fprintf(stderr, "generation failed\n");
            return 1;
        }
        std::printf("  %lld features in %.1f s\n", static_cast<long long>(file.value().featureCount),
                    std::chrono::duration<double>(Clock::now() - t0).count());
    }

    OgcCollection collection{"landuse", "国土空间规划（合成）", "", gpkg, "", 1};
    OgcFeatures ogc([collection] { return std::vector<OgcCollection>{collection}; });
    const auto info = ogc.describe(collection);
    if (!info.extent) {
        std::fprintf(stderr, "the layer is empty\n");
        return 1;
    }
    const auto e = *info.extent;
    std::printf("layer: %lld features (%s), extent %.4f,%.4f,%.4f,%.4f; pages of %lld, %d requests each\n",
                static_cast<long long>(info.featureCount), info.geometryType.c_str(), e.minLon, e.minLat, e.maxLon,
                e.maxLat, static_cast<long long>(limit), requests);

    std::mt19937_64 random(20261129);
    std::vector<Query> offsets, boxes, nexts;
    const double w = (e.maxLon - e.minLon) * 0.15, h = (e.maxLat - e.minLat) * 0.15;
    for (int i = 0; i < requests; ++i) {
        const auto offset
            = std::int64_t(random() % std::uint64_t(std::max<std::int64_t>(1, info.featureCount - limit)));
        offsets.push_back({offset, std::nullopt, std::nullopt});
        nexts.push_back({offset, std::nullopt, offset}); // a next link: ids are 1 … n, so after = offset

        const double x = e.minLon + (e.maxLon - e.minLon - w) * double(random() % 10000) / 10000.0;
        const double y = e.minLat + (e.maxLat - e.minLat - h) * double(random() % 10000) / 10000.0;
        boxes.push_back({0, OgcFeatures::Bbox{x, y, x + w, y + h}, std::nullopt});
    }

    const auto inProcess = [&](const std::vector<Query> &queries, const char *label) {
        std::vector<double> ms;
        double bytes = 0, features = 0;
        for (const auto &q : queries) {
            const auto t0 = Clock::now();
            const auto page = ogc.items(collection, {q.bbox, limit, q.offset, q.after});
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            bytes += double(page.featuresJson.size());
            features += double(page.numberReturned);
        }
        print(label, stats(ms), bytes / double(queries.size()), features / double(queries.size()));
    };
    inProcess(offsets, "in-process, offset pages");
    inProcess(nexts, "in-process, next-link pages");
    inProcess(boxes, "in-process, bbox first pages");

    // The same through HTTP: spgl-server on the data dir, /ogc public.
    const fs::path portFile = data / "port";
    fs::remove(portFile);
    const pid_t pid = fork();
    if (pid == 0) {
        setenv("SPGL_LOG_LEVEL", "warning", 1); // no access log line per request
        const std::string dataArg = "--data-dir=" + data.string();
        const std::string portArg = "--port-file=" + portFile.string();
        execl(SPGL_SERVER_BIN, SPGL_SERVER_BIN, "--listen=127.0.0.1:0", dataArg.c_str(), portArg.c_str(),
              "--ogc-public", "--clock-scan=0", static_cast<char *>(nullptr));
        _exit(127);
    }
    int port = 0;
    for (int i = 0; i < 1200 && port == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        std::ifstream in(portFile);
        in >> port;
    }
    if (port == 0) {
        std::fprintf(stderr, "spgl-server did not start\n");
        kill(pid, SIGKILL);
        return 1;
    }
    Poco::Net::HTTPClientSession session("127.0.0.1", Poco::UInt16(port));
    session.setKeepAlive(true);
    session.setTimeout(Poco::Timespan(120, 0));
    const auto fetch = [&](const std::string &path, std::string &body) {
        Poco::Net::HTTPRequest req("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
        req.set("Accept", "application/geo+json");
        session.sendRequest(req);
        Poco::Net::HTTPResponse res;
        std::istream &in = session.receiveResponse(res);
        body.clear();
        Poco::StreamCopier::copyToString(in, body);
        return int(res.getStatus());
    };
    const auto overHttp = [&](const std::vector<Query> &queries, const char *label) {
        std::vector<double> ms;
        double bytes = 0, features = 0;
        std::string body;
        for (const auto &q : queries) {
            std::string path = "/ogc/collections/landuse/items?limit=" + std::to_string(limit)
                               + "&offset=" + std::to_string(q.offset);
            if (q.after)
                path += "&after=" + std::to_string(*q.after);
            if (q.bbox) {
                char box[160];
                std::snprintf(box, sizeof box, "&bbox=%.6f,%.6f,%.6f,%.6f", q.bbox->minLon, q.bbox->minLat,
                              q.bbox->maxLon, q.bbox->maxLat);
                path += box;
            }
            const auto t0 = Clock::now();
            const int status = fetch(path, body);
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            if (status != 200) {
                std::fprintf(stderr, "HTTP %d for %s: %s\n", status, path.c_str(), body.substr(0, 300).c_str());
                return false;
            }
            bytes += double(body.size());
            const auto at = body.find("\"numberReturned\":");
            if (at != std::string::npos)
                features += std::atof(body.c_str() + at + 17);
        }
        print(label, stats(ms), bytes / double(queries.size()), features / double(queries.size()));
        return true;
    };
    std::string warm;
    fetch("/ogc/collections", warm);
    const bool ok = overHttp(offsets, "HTTP, offset pages") && overHttp(nexts, "HTTP, next-link pages")
                    && overHttp(boxes, "HTTP, bbox first pages");
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
    return ok ? 0 : 1;
}
