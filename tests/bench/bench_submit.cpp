// Issue target: submit + accept (each with its audit row and change-feed rows) at least 0.4 of
// pgbench's TPC-B rate on the same PostgreSQL.
//
// Against a running spgl-server with the demo users: logs in as the applicant and the window
// clerk, reads the stage-1 guide of 小型社会投资 (process type 4), then
//   1. prepares --projects projects (POST /api/v1/projects, not timed as part of the result),
//   2. for --seconds, N threads each take a project and file stage 1 with a complete form and
//      every required material (POST /api/v1/applications, as the applicant), then accept it
//      (POST /api/v1/applications/{id}/accept, as the clerk): one submit+accept pair.
// Prints pairs per second and the latency of each request kind.
//
// Usage: bench_submit --url=http://127.0.0.1:PORT [--threads=16] [--seconds=20] [--projects=N]
//                     [--serial=START] [--password=Demo@2026]
#include "domain/creditcode.h"
#include "forms/formdefinition.h"
#include "rules/jsonlogic.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>

using nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

namespace {
/// The CPU this process used so far (every thread, user and system), in seconds.
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Reply
{
    int status = 0;
    std::string body;
};

/// One keep-alive connection to the server.
class Client
{
public:
    Client(const std::string &host, int port)
        : m_session(host, Poco::UInt16(port))
    {
        m_session.setKeepAlive(true);
        m_session.setTimeout(Poco::Timespan(60, 0));
    }

    Reply call(const std::string &method, const std::string &path, const std::string &token = {},
               const json &body = nullptr)
    {
        for (int attempt = 0;; ++attempt) {
            try {
                Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
                req.setKeepAlive(true);
                if (!token.empty())
                    req.set("Authorization", "Bearer " + token);
                const std::string text = body.is_null() ? std::string() : body.dump();
                if (!body.is_null()) {
                    req.setContentType("application/json");
                    req.setContentLength64(text.size());
                }
                m_session.sendRequest(req) << text;
                Poco::Net::HTTPResponse res;
                Reply r;
                Poco::StreamCopier::copyToString(m_session.receiveResponse(res), r.body);
                r.status = int(res.getStatus());
                return r;
            } catch (const Poco::Exception &e) {
                m_session.reset();
                if (attempt >= 2)
                    return Reply{0, e.displayText()};
            }
        }
    }

private:
    Poco::Net::HTTPClientSession m_session;
};

/// A valid 统一社会信用代码: 91 + region + 9-digit serial + check character (as the demo does).
std::string creditCode(const std::string &region, int serial)
{
    char body[32];
    std::snprintf(body, sizeof body, "91%s%09d", region.c_str(), serial % 1000000000);
    const std::string first17 = std::string(body).substr(0, 17);
    return first17 + spgl::CreditCode::checkCharacter(first17);
}

/// Fills a form like the demo generator's sampleForm, then keeps the cleaned data.
json sampleForm(const spgl::FormDefinition &form, const json &project, std::mt19937_64 &rng)
{
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
    json out = json::object();
    for (const auto &f : form.fields()) {
        const std::string &n = f.name;
        using T = spgl::FieldDefinition::Type;
        if (n == "project_code" || n == "region_code" || n == "builder_name" || n == "builder_credit_code"
            || n == "land_area" || n == "building_area")
            out[n] = project[n];
        else if (n == "project_name")
            out[n] = project["name"];
        else if (f.type == T::Money)
            out[n] = std::to_string(uniform(800, 90000)) + ".00";
        else if (f.type == T::Phone)
            out[n] = "1" + std::to_string(uniform(35, 89)) + std::to_string(uniform(10000000, 99999999));
        else if (f.type == T::Email)
            out[n] = "contact" + std::to_string(uniform(1, 999)) + "@example.cn";
        else if (f.type == T::IdNumber)
            continue;
        else if (f.type == T::Date)
            out[n] = "2026-0" + std::to_string(uniform(1, 9)) + "-1" + std::to_string(uniform(0, 9));
        else if (f.type == T::Boolean)
            out[n] = n == "has_basement" ? chance(0.6) : chance(0.25);
        else if (f.type == T::Enum)
            out[n] = f.options.at(std::size_t(uniform(0, int(f.options.size()) - 1))).value;
        else if (f.type == T::MultiEnum)
            out[n] = json::array({f.options.front().value});
        else if (f.type == T::Integer || f.type == T::Number || f.type == T::Area) {
            const double lo = std::max(f.min.value_or(1.0), f.type == T::Integer ? 1.0 : 10.0);
            const double hi = std::min(f.max.value_or(50000.0), lo + 50000.0);
            const double v = lo + std::max(0.0, (hi - lo) * 0.3) * uniform(0, 1000) / 1000.0;
            out[n] = f.type == T::Integer ? json(std::int64_t(v)) : json(std::round(v));
        } else if (f.type == T::RegionCode)
            out[n] = project["region_code"];
        else if (f.type == T::ProjectCode)
            out[n] = project["project_code"];
        else if (f.type == T::CreditCode)
            out[n] = project["builder_credit_code"];
        else if (n.find("person") != std::string::npos || n.find("representative") != std::string::npos)
            out[n] = "王建新";
        else if (n.find("address") != std::string::npos)
            out[n] = project["address"];
        else
            out[n] = f.label + "（压测）";
    }
    const spgl::FormValidation v = form.validate(out, {{"project", project}});
    if (!v.ok()) {
        std::string why;
        for (const auto &e : v.errors)
            why += " " + e.field + ": " + e.message;
        throw std::runtime_error("the sample form does not validate:" + why);
    }
    return v.data;
}

struct Latencies
{
    std::mutex mutex;
    std::vector<double> project, submit, accept, pair;

    void add(std::vector<double> &to, const std::vector<double> &from)
    {
        std::lock_guard lock(mutex);
        to.insert(to.end(), from.begin(), from.end());
    }
};

std::string summary(std::vector<double> ms)
{
    if (ms.empty())
        return "-";
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) { return ms[std::min(ms.size() - 1, std::size_t(p * double(ms.size())))]; };
    double sum = 0;
    for (double v : ms)
        sum += v;
    char buf[160];
    std::snprintf(buf, sizeof buf, "n=%zu mean %.1f ms, p50 %.1f ms, p99 %.1f ms, max %.1f ms", ms.size(),
                  sum / double(ms.size()), pct(0.5), pct(0.99), ms.back());
    return buf;
}

} // namespace

int main(int argc, char **argv)
{
    std::string url;
    std::string password = "Demo@2026";
    int threads = 16;
    double seconds = 20;
    int projects = 0;
    int serialStart = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](const char *key) { return a.substr(std::string(key).size()); };
        if (a.rfind("--url=", 0) == 0)
            url = value("--url=");
        else if (a.rfind("--threads=", 0) == 0)
            threads = std::max(1, std::stoi(value("--threads=")));
        else if (a.rfind("--seconds=", 0) == 0)
            seconds = std::stod(value("--seconds="));
        else if (a.rfind("--projects=", 0) == 0)
            projects = std::stoi(value("--projects="));
        else if (a.rfind("--serial=", 0) == 0)
            serialStart = std::stoi(value("--serial="));
        else if (a.rfind("--password=", 0) == 0)
            password = value("--password=");
        else {
            std::cerr << "usage: bench_submit --url=http://127.0.0.1:PORT [--threads=16] [--seconds=20] "
                         "[--projects=N] [--serial=START] [--password=…]\n";
            return 2;
        }
    }
    if (url.empty()) {
        std::cerr << "bench_submit: --url is required\n";
        return 2;
    }
    if (projects <= 0)
        projects = int(seconds * 500); // enough for 500 pairs/s; the run stops early when used up
    if (serialStart <= 0)
        serialStart
            = 500000 + int(std::chrono::system_clock::now().time_since_epoch() / std::chrono::seconds(1) % 400) * 1000;
    const Poco::URI uri(url);
    const std::string host = uri.getHost();
    const int port = uri.getPort();

    Client setup(host, port);
    auto login = [&](const char *user) {
        const Reply r = setup.call("POST", "/api/v1/auth/login", {}, {{"username", user}, {"password", password}});
        if (r.status != 200)
            throw std::runtime_error(std::string("login ") + user + ": HTTP " + std::to_string(r.status) + " "
                                     + r.body);
        return json::parse(r.body).at("access_token").get<std::string>();
    };
    std::string applicantToken, clerkToken;
    json guide;
    try {
        applicantToken = login("applicant");
        clerkToken = login("clerk");
        const Reply g = setup.call("GET", "/api/v1/guides?stage=1&process_type=4");
        if (g.status != 200)
            throw std::runtime_error("guides: HTTP " + std::to_string(g.status));
        const json items = json::parse(g.body).at("items");
        if (items.empty())
            throw std::runtime_error("no published stage-1 guide for process type 4");
        guide = items.at(0);
    } catch (const std::exception &e) {
        std::cerr << "bench_submit: " << e.what() << "\n";
        return 1;
    }
    auto parsedForm = spgl::FormDefinition::fromJson(guide.at("form"));
    if (!parsedForm.ok()) {
        std::cerr << "bench_submit: guide form: " << parsedForm.error().message << "\n";
        return 1;
    }
    const spgl::FormDefinition form = parsedForm.value();
    std::printf("submit: %s, stage 1 (%s), form %s, %zu items; %d threads\n", guide.value("process_name", "").c_str(),
                guide.value("stage_name", "").c_str(), form.code().c_str(), guide.at("items").size(), threads);

    std::atomic<int> serial{serialStart};
    std::atomic<bool> failed{false};
    std::mutex errorMutex;
    std::string firstError;
    auto fail = [&](const std::string &what) {
        std::lock_guard lock(errorMutex);
        if (firstError.empty())
            firstError = what;
        failed = true;
    };
    Latencies lat;

    // 1. Projects (the applicant's own, in 天山区).
    std::vector<json> ready(std::size_t(projects), nullptr);
    std::atomic<int> nextSlot{0};
    const auto p0 = SteadyClock::now();
    {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                Client client(host, port);
                std::mt19937_64 rng(std::uint64_t(t) * 7919 + 17);
                std::vector<double> ms;
                for (int slot; !failed && (slot = nextSlot++) < projects;) {
                    const int n = serial++;
                    char code[40];
                    std::snprintf(code, sizeof code, "2026-650102-47-03-%06d", n % 1000000);
                    const double land = double(std::uniform_int_distribution<int>(2000, 80000)(rng));
                    const json body = {{"project_code", code},
                                       {"name", "天山区压测综合楼项目（" + std::to_string(n) + "）"},
                                       {"region_code", "650102"},
                                       {"process_type", 4},
                                       {"approval_type", 3},
                                       {"investment", "120000000.00"},
                                       {"land_area", land},
                                       {"building_area", land * 1.6},
                                       {"builder_name", "新疆天山建设集团有限公司"},
                                       {"builder_credit_code", creditCode("650102", 700000000 + n)},
                                       {"address", "乌鲁木齐市天山区北京南路" + std::to_string(n % 999 + 1) + "号"}};
                    const auto t0 = SteadyClock::now();
                    const Reply r = client.call("POST", "/api/v1/projects", applicantToken, body);
                    ms.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count());
                    if (r.status != 201 && r.status != 200) {
                        fail("create project: HTTP " + std::to_string(r.status) + " " + r.body);
                        break;
                    }
                    ready[std::size_t(slot)] = json::parse(r.body);
                }
                lat.add(lat.project, ms);
            });
        for (auto &th : pool)
            th.join();
    }
    const double prepSeconds = std::chrono::duration<double>(SteadyClock::now() - p0).count();
    if (failed) {
        std::cerr << "bench_submit: " << firstError << "\n";
        return 1;
    }
    std::printf("submit: %d projects created in %.1f s (%.0f projects/s; %s)\n", projects, prepSeconds,
                projects / prepSeconds, summary(lat.project).c_str());
    std::fflush(stdout); // bench_api.sh starts counting the server's CPU at this line

    // The submission of a project: its form, and every non-optional material of the items that
    // apply (the same JSON Logic the server runs), so that the clerk can accept at once.
    spgl::JsonLogic logic;
    auto submission = [&](const json &project, std::mt19937_64 &rng) {
        const json data = sampleForm(form, project, rng);
        const json facts = {{"form", data}, {"project", project}};
        json materials = json::array();
        for (const auto &item : guide.at("items")) {
            if (!item["applies_if"].is_null()) {
                auto applies = logic.apply(item["applies_if"], facts);
                if (!applies.ok() || !spgl::JsonLogic::truthy(applies.value()))
                    continue;
            }
            for (const auto &m : item.at("materials"))
                if (m.value("requirement", "required") != "optional")
                    materials.push_back({{"item_code", item["code"]}, {"material_code", m["code"]}});
        }
        return json{{"project_id", project["id"]}, {"stage", 1}, {"form", data}, {"materials", materials}};
    };

    // 2. Submit + accept.
    std::atomic<int> nextProject{0};
    std::atomic<long> pairs{0};
    std::atomic<bool> exhausted{false};
    const auto deadline = SteadyClock::now()
                          + std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(seconds));
    const auto s0 = SteadyClock::now();
    const double cpu0 = cpuSeconds();
    std::vector<SteadyClock::time_point> lastDone(std::size_t(threads), s0);
    {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                Client client(host, port);
                std::mt19937_64 rng(std::uint64_t(t) * 104729 + 3);
                std::vector<double> submitMs, acceptMs, pairMs;
                while (!failed && SteadyClock::now() < deadline) {
                    const int i = nextProject++;
                    if (i >= projects) {
                        exhausted = true;
                        break;
                    }
                    json body;
                    try {
                        body = submission(ready[std::size_t(i)], rng);
                    } catch (const std::exception &e) {
                        fail(e.what());
                        break;
                    }
                    const auto t0 = SteadyClock::now();
                    const Reply s = client.call("POST", "/api/v1/applications", applicantToken, body);
                    const auto t1 = SteadyClock::now();
                    if (s.status != 201) {
                        fail("submit: HTTP " + std::to_string(s.status) + " " + s.body);
                        break;
                    }
                    const std::string id = json::parse(s.body).at("id").get<std::string>();
                    const Reply a = client.call("POST", "/api/v1/applications/" + id + "/accept", clerkToken,
                                                {{"opinion", "材料齐全，予以受理"}});
                    const auto t2 = SteadyClock::now();
                    if (a.status != 200) {
                        fail("accept " + id + ": HTTP " + std::to_string(a.status) + " " + a.body);
                        break;
                    }
                    submitMs.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                    acceptMs.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
                    pairMs.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
                    ++pairs;
                    lastDone[std::size_t(t)] = t2;
                }
                lat.add(lat.submit, submitMs);
                lat.add(lat.accept, acceptMs);
                lat.add(lat.pair, pairMs);
            });
        for (auto &th : pool)
            th.join();
    }
    const double driverCpu = cpuSeconds() - cpu0;
    const auto end = *std::max_element(lastDone.begin(), lastDone.end());
    const double elapsed = std::chrono::duration<double>(end - s0).count();
    if (failed) {
        std::cerr << "bench_submit: " << firstError << "\n";
        return 1;
    }
    const double rate = double(pairs) / elapsed;
    std::printf("submit: %ld submit+accept pairs in %.1f s%s\n", long(pairs), elapsed,
                exhausted ? " (ran out of prepared projects: raise --projects)" : "");
    std::printf("submit: submit %s\n", summary(lat.submit).c_str());
    std::printf("submit: accept %s\n", summary(lat.accept).c_str());
    std::printf("submit: pair   %s\n", summary(lat.pair).c_str());
    std::printf("submit: driver CPU %.2f ms per pair\n", pairs ? driverCpu * 1000 / double(pairs) : 0.0);
    std::printf("RESULT submit_accept_per_s %.1f\n", rate);
    return 0;
}
