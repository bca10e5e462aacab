// Compliance check of a 1–20 ha site against a 1,000,000-polygon control layer, in-process
// (shared/geo) and in PostGIS with a GiST index doing the same sum, side by side in one run:
//   SUM(ST_Area(ST_Transform(ST_Intersection(geom, site), 4538)))
//
//   bench_compliance [--data=DIR] [--size=1m|100k|small] [--sites=N]
//                    [--pg=postgresql://postgres@127.0.0.1:55432/postgres]
//                    [--url=http://127.0.0.1:8080 [--login=reviewer:Demo@2026 | --token=JWT]]
//
// The layer is generated once into DIR (default ./bench-data) by the demo-layer generator and
// loaded into PostGIS (database spgl_bench_geo) when --pg is given and the table is missing.
// With --url, the same sites go through POST /api/v1/blueprint/compliance of a running server
// that has the same size of demo layers loaded (`spgl-server demo-layers --size=1m`), over one
// keep-alive connection; anonymous access is refused, so the bench logs in (--login, default
// the demo reviewer) or uses --token. The server checks every catalog layer, not only the plan.
#include "geo/compliancechecker.h"
#include "geo/demolayergenerator.h"
#include "geo/gdalsession.h"
#include "geo/polygonlayerindex.h"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <libpq-fe.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace spgl::geo;
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

std::string squareSite(double lon, double lat, double side, double degrees)
{
    const double a = 6378137.0, e2 = 0.00669438002290, phi = lat * M_PI / 180.0;
    const double w = 1.0 - e2 * std::sin(phi) * std::sin(phi);
    const double n = a / std::sqrt(w), m = a * (1.0 - e2) / (w * std::sqrt(w));
    const double kx = 180.0 / (M_PI * n * std::cos(phi)), ky = 180.0 / (M_PI * m);
    const double c = std::cos(degrees * M_PI / 180.0), s = std::sin(degrees * M_PI / 180.0), h = side / 2;
    const double corners[5][2] = {{-h, -h}, {h, -h}, {h, h}, {-h, h}, {-h, -h}};
    std::string out = R"({"type":"Polygon","coordinates":[[)";
    for (int i = 0; i < 5; ++i) {
        const double x = corners[i][0] * c - corners[i][1] * s, y = corners[i][0] * s + corners[i][1] * c;
        char buf[80];
        std::snprintf(buf, sizeof buf, "%s[%.9f,%.9f]", i ? "," : "", lon + x * kx, lat + y * ky);
        out += buf;
    }
    return out + "]]}";
}

struct Stats
{
    double p50, p95, max, mean;
};

Stats stats(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    double sum = 0;
    for (double v : ms)
        sum += v;
    return {ms[ms.size() / 2], ms[size_t(ms.size() * 0.95)], ms.back(), sum / ms.size()};
}

void print(const char *what, const Stats &s)
{
    std::printf("%-34s p50 %7.3f ms  p95 %7.3f ms  max %7.3f ms  mean %7.3f ms\n", what, s.p50, s.p95, s.max, s.mean);
}

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

/// "postgresql://user@host:port/db" → libpq keywords for database @p db.
std::string pgConninfo(const std::string &url, const std::string &db)
{
    std::string rest = url.substr(url.find("://") + 3);
    std::string user = "postgres";
    if (auto at = rest.find('@'); at != std::string::npos) {
        user = rest.substr(0, at);
        rest = rest.substr(at + 1);
    }
    std::string hostport = rest.substr(0, rest.find('/'));
    std::string host = hostport.substr(0, hostport.find(':'));
    std::string port = hostport.find(':') == std::string::npos ? "5432" : hostport.substr(hostport.find(':') + 1);
    return "host=" + host + " port=" + port + " user=" + user + " dbname=" + db;
}

/// POSTs @p body as JSON on @p session; returns the status, the answer in @p out.
int postJson(Poco::Net::HTTPClientSession &session, const std::string &path, const std::string &body,
             const std::string &token, std::string &out)
{
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json");
    request.setContentLength(std::streamsize(body.size()));
    request.setKeepAlive(true);
    if (!token.empty())
        request.set("Authorization", "Bearer " + token);
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream &in = session.receiveResponse(response);
    out.clear();
    Poco::StreamCopier::copyToString(in, out);
    return int(response.getStatus());
}

/// The "…" value of "key":"…" in a flat JSON text (enough for the login answer).
std::string jsonString(const std::string &text, const std::string &key)
{
    const auto at = text.find("\"" + key + "\"");
    if (at == std::string::npos)
        return {};
    const auto open = text.find('"', text.find(':', at) + 1);
    const auto close = text.find('"', open + 1);
    return open == std::string::npos || close == std::string::npos ? std::string()
                                                                   : text.substr(open + 1, close - open - 1);
}

/// The compliance check of every site through the HTTP API of the server at @p url.
int benchHttp(const std::string &url, std::string token, const std::string &login,
              const std::vector<std::string> &sites)
{
    const Poco::URI uri(url);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setKeepAlive(true);
    std::string answer;
    if (token.empty()) {
        const auto colon = login.find(':');
        const std::string body
            = "{\"username\":\"" + login.substr(0, colon) + "\",\"password\":\"" + login.substr(colon + 1) + "\"}";
        if (postJson(session, "/api/v1/auth/login", body, {}, answer) != 200) {
            std::fprintf(stderr, "login as %s: %s\n", login.c_str(), answer.c_str());
            return 1;
        }
        token = jsonString(answer, "access_token");
    }
    std::vector<double> ms;
    int blocked = 0;
    for (int pass = 0; pass < 2; ++pass) { // the first pass loads the layers and warms the caches
        ms.clear();
        for (const auto &s : sites) {
            const auto t = Clock::now();
            const int status
                = postJson(session, "/api/v1/blueprint/compliance", "{\"geometry\":" + s + "}", token, answer);
            ms.push_back(msSince(t));
            if (status != 200) {
                std::fprintf(stderr, "POST /api/v1/blueprint/compliance: %d %s\n", status, answer.c_str());
                return 1;
            }
            if (pass == 1 && answer.find("\"compliant\":false") != std::string::npos)
                ++blocked;
        }
    }
    print("HTTP API (POST /blueprint/compliance)", stats(ms));
    std::printf("  %d of %zu sites not compliant\n", blocked, sites.size());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string dir = arg(argc, argv, "data", "bench-data");
    const std::string sizeText = arg(argc, argv, "size", "1m");
    const int siteCount = std::stoi(arg(argc, argv, "sites", "1000"));
    const std::string pgUrl = arg(argc, argv, "pg", "");
    const std::string url = arg(argc, argv, "url", "");
    const auto size = demoLayerSizeFromText(sizeText);
    if (!size) {
        std::fprintf(stderr, "--size must be small, 100k or 1m\n");
        return 2;
    }
    ensureGdal();
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/land_use_" + sizeText + ".gpkg";
    if (!std::filesystem::exists(path)) {
        const auto t0 = Clock::now();
        auto made = DemoLayerGenerator(*size).generateLandUse(path);
        if (!made) {
            std::fprintf(stderr, "generate: %s\n", made.error().message.c_str());
            return 1;
        }
        std::printf("generated %lld polygons into %s in %.1f s\n", static_cast<long long>(made->featureCount),
                    path.c_str(), msSince(t0) / 1000);
    }
    auto t0 = Clock::now();
    auto index = PolygonLayerIndex::load(path, complianceFields(LayerKind::LandUsePlan));
    if (!index) {
        std::fprintf(stderr, "load: %s\n", index.error().message.c_str());
        return 1;
    }
    std::printf("loaded %zu polygons with R-tree in %.2f s\n", (*index)->size(), msSince(t0) / 1000);
    ComplianceChecker checker;
    checker.addLayer({"land_use", "land use", LayerKind::LandUsePlan, 1, index.value()});

    std::mt19937 rng(20261128);
    std::uniform_real_distribution<double> lon(87.47, 87.78), lat(43.72, 43.96), hectares(1, 20), turn(0, 90);
    std::vector<std::string> sites;
    for (int i = 0; i < siteCount; ++i)
        sites.push_back(squareSite(lon(rng), lat(rng), std::sqrt(hectares(rng) * 10000.0), turn(rng)));

    auto total = [](const ComplianceReport &r) {
        double sum = 0;
        for (const auto &c : r.checks)
            if (!c.cls.empty())
                sum += c.overlapAreaM2;
        return sum;
    };
    // Warm-up pass (fills the per-zone feature area cache, as a running server would have).
    std::vector<double> ours;
    for (const auto &s : sites)
        ours.push_back(total(*checker.check(s, "07")));
    std::vector<double> ms;
    for (const auto &s : sites) {
        const auto t = Clock::now();
        auto r = checker.check(s, "07");
        ms.push_back(msSince(t));
        if (!r)
            return 1;
    }
    print("in-process (shared/geo)", stats(ms));

    if (!pgUrl.empty()) {
        PGconn *admin = PQconnectdb(pgConninfo(pgUrl, "postgres").c_str());
        PQclear(PQexec(admin, "CREATE DATABASE spgl_bench_geo"));
        PQfinish(admin);
        PGconn *pg = PQconnectdb(pgConninfo(pgUrl, "spgl_bench_geo").c_str());
        if (PQstatus(pg) != CONNECTION_OK) {
            std::fprintf(stderr, "postgres: %s\n", PQerrorMessage(pg));
            return 1;
        }
        PQclear(PQexec(pg, "CREATE EXTENSION IF NOT EXISTS postgis"));
        const std::string table = "land_use_" + sizeText;
        PGresult *count = PQexec(pg, ("SELECT COUNT(*) FROM " + table).c_str());
        const bool loaded = PQresultStatus(count) == PGRES_TUPLES_OK
                            && std::stoll(PQgetvalue(count, 0, 0)) == (long long)(*index)->size();
        PQclear(count);
        if (!loaded) {
            t0 = Clock::now();
            const std::string target = "PG:" + pgConninfo(pgUrl, "spgl_bench_geo");
            const char *args[] = {"-nln", table.c_str(),        "-overwrite", "-lco",   "GEOMETRY_NAME=geom",
                                  "-lco", "SPATIAL_INDEX=GIST", "-gt",        "100000", nullptr};
            auto *options = GDALVectorTranslateOptionsNew(const_cast<char **>(args), nullptr);
            GDALDatasetH source = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
            GDALDatasetH out = GDALVectorTranslate(target.c_str(), nullptr, 1, &source, options, nullptr);
            GDALVectorTranslateOptionsFree(options);
            GDALClose(source);
            GDALClose(out);
            PQclear(PQexec(pg, ("VACUUM ANALYZE " + table).c_str()));
            std::printf("loaded into PostGIS in %.1f s\n", msSince(t0) / 1000);
        }
        const std::string sql
            = "SELECT COALESCE(SUM(ST_Area(ST_Transform(ST_Intersection(geom, s), 4538))), 0) FROM " + table
              + ", (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4490) AS s) q WHERE ST_Intersects(geom, s)";
        PQclear(PQprepare(pg, "overlap", sql.c_str(), 1, nullptr));
        std::vector<double> theirs;
        for (int pass = 0; pass < 2; ++pass) { // first pass warms the cache and collects the areas
            ms.clear();
            for (const auto &s : sites) {
                const char *params[] = {s.c_str()};
                const auto t = Clock::now();
                PGresult *res = PQexecPrepared(pg, "overlap", 1, params, nullptr, nullptr, 0);
                ms.push_back(msSince(t));
                if (PQresultStatus(res) != PGRES_TUPLES_OK) {
                    std::fprintf(stderr, "postgis: %s\n", PQerrorMessage(pg));
                    return 1;
                }
                if (pass == 0)
                    theirs.push_back(std::stod(PQgetvalue(res, 0, 0)));
                PQclear(res);
            }
        }
        print("PostGIS 3.3 GiST (same sum)", stats(ms));
        double worst = 0;
        for (size_t i = 0; i < sites.size(); ++i)
            if (theirs[i] > 1.0)
                worst = std::max(worst, std::abs(ours[i] - theirs[i]) / theirs[i]);
        std::printf("largest relative difference of the summed areas: %.2e\n", worst);
        PQfinish(pg);
    }
    if (!url.empty()) {
        try {
            return benchHttp(url, arg(argc, argv, "token", ""), arg(argc, argv, "login", "reviewer:Demo@2026"), sites);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "%s: %s\n", url.c_str(), e.what());
            return 1;
        }
    }
    return 0;
}
