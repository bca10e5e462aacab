// The versioned catalog (5.15 b–e) over the API, on both backends: public reads show the latest
// published versions; an administrator adds a draft version, publishes it (checked against the
// whole catalog), retires it again (the undo path); running applications keep what they pinned.
#include "portal.h"
#include "testserver.h"

#include <QtTest>

using nlohmann::json;
using spgl::test::TestServer;

class tst_CatalogAdmin : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        QCOMPARE(m_server.stop(), 0);
        // Running applications to pin the current versions.
        QCOMPARE(
            m_server.runCommand({QStringLiteral("demo"), QStringLiteral("--projects=12"), QStringLiteral("--seed=4")}),
            0);
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        m_admin = m_server.login("admin");
        QVERIFY(!m_admin.empty());
    }

    void publicReads()
    {
        const auto processes = m_server.get("/api/v1/catalog/processes");
        QCOMPARE(processes.status, 200);
        const json items = processes.json()["items"];
        QCOMPARE(int(items.size()), 3);
        int processTypes = 0;
        for (const auto &p : items) {
            processTypes |= 1 << p["process_type"].get<int>();
            int total = 0;
            for (const auto &s : p["stages"])
                if (s["national_seq"].get<int>() <= 4)
                    total += s["limit"].get<int>();
            QVERIFY2(total <= 120, p["code"].get<std::string>().c_str());
            QVERIFY(!p["stages"][0]["items"].empty());
        }
        QCOMPARE(processTypes, (1 << 1) | (1 << 3) | (1 << 4));

        // 650100-ZRZY-005 has a retired 0.9 and a published 1.0.
        const auto item = m_server.get("/api/v1/catalog/items/650100-ZRZY-005");
        QCOMPARE(item.status, 200);
        QCOMPARE(item.json()["version"], "1.0");
        QVERIFY(!item.json()["materials"].empty());
        QVERIFY(!item.json()["used_in"].empty());
        QCOMPARE(m_server.get("/api/v1/catalog/items/650100-ZRZY-005?version=0.9").json()["status"], "retired");
        QCOMPARE(m_server.get("/api/v1/catalog/items/NOPE-1").status, 404);

        const auto guide = m_server.get("/api/v1/guides?stage=1&process_type=4");
        QCOMPARE(guide.status, 200);
        QCOMPARE(int(guide.json()["items"].size()), 1);
        QVERIFY(guide.json()["items"][0]["form"]["fields"].size() > 5);
        const auto bad = m_server.get("/api/v1/guides?stage=9");
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json()["errors"][0]["field"], "stage");
    }

    void draftPublishRetire()
    {
        const json current = m_server.get("/api/v1/catalog/items/650100-FGW-005").json();
        const int oldLimit = current["promised_limit"].get<int>();
        // An application that pinned the item before the change.
        const auto pinned = m_server.sql("SELECT c.id, c.application_id FROM cases c WHERE c.item_code = "
                                         "'650100-FGW-005' ORDER BY c.id LIMIT 1");

        json draft = current;
        for (const char *k : {"used_in"})
            draft.erase(k);
        draft["version"] = "1.1";
        draft["promised_limit"] = oldLimit + 1;
        draft["statutory_limit"] = std::max(current["statutory_limit"].get<int>(), oldLimit + 1);
        const std::string supervisor = m_server.login("supervisor");
        QCOMPARE(m_server.postJson("/api/v1/admin/catalog/items", draft, supervisor).status, 403);
        const auto created = m_server.postJson("/api/v1/admin/catalog/items", draft, m_admin);
        QVERIFY2(created.status == 201, created.body.c_str());
        QCOMPARE(created.json()["status"], "draft");
        QCOMPARE(m_server.postJson("/api/v1/admin/catalog/items", draft, m_admin).status, 409);
        // A draft is not public.
        QCOMPARE(m_server.get("/api/v1/catalog/items/650100-FGW-005").json()["version"], "1.0");

        const auto published = m_server.postJson("/api/v1/admin/catalog/items/650100-FGW-005/1.1/status",
                                                 {{"status", "published"}}, m_admin);
        QVERIFY2(published.status == 200, published.body.c_str());
        const json now = m_server.get("/api/v1/catalog/items/650100-FGW-005").json();
        QCOMPARE(now["version"], "1.1");
        QCOMPARE(now["promised_limit"].get<int>(), oldLimit + 1);

        const auto versions
            = m_server.get("/api/v1/admin/catalog/items/650100-FGW-005/versions", m_admin).json()["items"];
        QCOMPARE(versions[0]["version"], "1.1");
        QCOMPARE(versions[0]["status"], "published");
        QCOMPARE(versions[1]["version"], "1.0");

        // Running applications keep what they pinned: same item version, same clock limit.
        QVERIFY2(!pinned.empty(), "the demo data (seed 4) must hold a case of 650100-FGW-005");
        const auto detail = m_server.get("/api/v1/cases/" + pinned[0][0], m_admin);
        QCOMPARE(detail.status, 200);
        QCOMPARE(detail.json()["item_version"], "1.0");
        QCOMPARE(detail.json()["clock"]["limit"].get<int>(), oldLimit);

        // Undo: retire 1.1, and 1.0 is the latest published again. Retired stays retired.
        QCOMPARE(
            m_server.postJson("/api/v1/admin/catalog/items/650100-FGW-005/1.1/status", {{"status", "retired"}}, m_admin)
                .status,
            200);
        QCOMPARE(m_server.get("/api/v1/catalog/items/650100-FGW-005").json()["version"], "1.0");
        QCOMPARE(
            m_server
                .postJson("/api/v1/admin/catalog/items/650100-FGW-005/1.1/status", {{"status", "published"}}, m_admin)
                .status,
            409);
        // Every change is in the audit log.
        QVERIFY(std::stoi(m_server.sql("SELECT COUNT(*) FROM audit_log WHERE target LIKE "
                                       "'catalog:items:650100-FGW-005@1.1'")[0][0])
                >= 3);
    }

    void inconsistentPublicationRefused()
    {
        // A process version whose stage names an item version that does not exist.
        json process = m_server.get("/api/v1/catalog/processes").json()["items"][0];
        json stages = json::array();
        for (auto s : process["stages"]) {
            json items = json::array();
            for (const auto &i : s["items"])
                items.push_back({{"code", i["code"]}, {"version", i["version"]}, {"milestone", i["milestone"]}});
            s["items"] = items;
            s.erase("name");
            stages.push_back(s);
        }
        json draft = {{"code", process["code"]},  {"version", "9.0"},
                      {"name", process["name"]},  {"process_type", process["process_type"]},
                      {"region_code", "650100"},  {"effective_date", "2027-01-01"},
                      {"description", "测试版本"}};
        for (auto &s : stages)
            s["name"] = "阶段";
        stages[0]["items"][0]["version"] = "7.7";
        draft["stages"] = stages;
        const auto created = m_server.postJson("/api/v1/admin/catalog/processes", draft, m_admin);
        QVERIFY2(created.status == 201, created.body.c_str());
        const auto refused
            = m_server.postJson("/api/v1/admin/catalog/processes/" + process["code"].get<std::string>() + "/9.0/status",
                                {{"status", "published"}}, m_admin);
        QCOMPARE(refused.status, 422);
        QVERIFY(refused.isProblem());
        QVERIFY(!refused.json()["errors"].empty());
        // Nothing changed for the public.
        QCOMPARE(m_server.get("/api/v1/catalog/processes").json()["items"][0]["version"], process["version"]);

        // Malformed definitions are 4xx with the field named, never 500.
        const auto bad = m_server.postJson("/api/v1/admin/catalog/items", {{"code", "X"}, {"version", "one"}}, m_admin);
        QCOMPARE(bad.status, 422);
        QVERIFY(!bad.json()["errors"][0]["field"].get<std::string>().empty());
        QCOMPARE(m_server.postJson("/api/v1/admin/catalog/things", json::object(), m_admin).status, 404);
    }

    void guidesOfEveryVersionWithTheirETag()
    {
        // The desk caches the guides of every version a project may have pinned, and asks again on
        // each sync with the ETag of what it holds.
        const auto before = m_server.get("/api/v1/guides?versions=all&stage=1&process_type=1");
        QCOMPARE(before.status, 200);
        const std::string etag = before.header("etag");
        QVERIFY(!etag.empty());
        const auto unchanged = m_server.request("GET", "/api/v1/guides?versions=all&stage=1&process_type=1", {},
                                                {{"If-None-Match", etag}});
        QCOMPARE(unchanged.status, 304);
        QVERIFY(unchanged.body.empty());
        QCOMPARE(m_server.get("/api/v1/guides?versions=some").status, 422);
        // Each query has its own answer (each is rendered once per catalog version).
        const auto stage2 = m_server.get("/api/v1/guides?versions=all&stage=2&process_type=1");
        QCOMPARE(stage2.status, 200);
        QVERIFY(stage2.header("etag") != etag);
        QVERIFY(stage2.body != before.body);
        QCOMPARE(m_server.get("/api/v1/guides?versions=all&stage=1&process_type=1").body, before.body);
        QCOMPARE(m_server.get("/api/v1/guides?stage=1&process_type=1&versions=some").status, 422);

        const json extra = spgl::test::requiredTextField("energy_review_no", "节能审查意见文号");
        // (inconsistentPublicationRefused left a broken draft of another process behind: an
        // unfinished draft must not block the publication of anything else.)
        const std::string refused = spgl::test::publishProcessVersion(m_server, m_admin, "650100-ZFTZFW", "1.2", extra);
        QVERIFY2(refused.empty(), refused.c_str());
        const auto after = m_server.request("GET", "/api/v1/guides?versions=all&stage=1&process_type=1", {},
                                            {{"If-None-Match", etag}});
        QCOMPARE(after.status, 200);
        QVERIFY(after.header("etag") != etag);
        std::map<std::string, json> byVersion;
        const json all = after.json();
        for (const auto &g : all["items"])
            if (g["process_code"] == "650100-ZFTZFW")
                byVersion[g["process_version"].get<std::string>()] = g;
        QVERIFY(byVersion.count("1.0") && byVersion.count("1.2"));
        QCOMPARE(byVersion["1.2"]["latest"], true);
        QCOMPARE(byVersion["1.0"]["latest"], false);
        QCOMPARE(byVersion["1.2"]["region_code"], "650100");
        auto hasField = [](const json &guide) {
            for (const auto &f : guide["form"]["fields"])
                if (f["name"] == "energy_review_no")
                    return true;
            return false;
        };
        QVERIFY(hasField(byVersion["1.2"]));
        QVERIFY(!hasField(byVersion["1.0"]));
        // The portal's default is the latest only.
        const json latest = m_server.get("/api/v1/guides?stage=1&process_type=1").json();
        for (const auto &g : latest["items"])
            if (g["process_code"] == "650100-ZFTZFW")
                QCOMPARE(g["process_version"], "1.2");

        // Retired (the undo path), it stays in the full list for the projects that pinned it.
        QVERIFY(spgl::test::retireProcessVersion(m_server, m_admin, "650100-ZFTZFW", "1.2"));
        bool retiredListed = false;
        const json withRetired = m_server.get("/api/v1/guides?versions=all&stage=1").json();
        for (const auto &g : withRetired["items"])
            if (g["process_code"] == "650100-ZFTZFW" && g["process_version"] == "1.2") {
                retiredListed = true;
                QCOMPARE(g["status"], "retired");
                QCOMPARE(g["latest"], false);
            }
        QVERIFY(retiredListed);
        const json undone = m_server.get("/api/v1/guides?stage=1&process_type=1").json();
        for (const auto &g : undone["items"])
            if (g["process_code"] == "650100-ZFTZFW")
                QCOMPARE(g["process_version"], "1.0");
    }

    void cleanupTestCase() { m_server.stop(); }

private:
    TestServer m_server;
    std::string m_admin;
};

QTEST_GUILESS_MAIN(tst_CatalogAdmin)
#include "tst_catalogadmin.moc"
