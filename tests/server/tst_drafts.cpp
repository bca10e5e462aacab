// Application drafts (保存草稿) on both backends: the applicant saves a stage form and the files
// chosen so far, reads them back from another session, and a save from a stale copy is refused
// with 409 and the current draft (nothing overwritten). Other applicants and staff never see a
// draft; bad input and an oversize draft get a clear error and change nothing; submitting the
// stage removes its draft.
#include "portal.h"

#include <QtTest>

using nlohmann::json;
using namespace spgl::test;

class tst_Drafts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        for (const char *name : {"applicant", "agency", "clerk", "rev.fgw"}) {
            m_users[name] = loginAs(m_server, name);
            QVERIFY2(!m_users[name].token.empty(), name);
        }
        const auto reply = m_server.postJson("/api/v1/projects",
                                             {{"project_code", "2025-650102-47-01-000801"},
                                              {"name", "乌鲁木齐市天山区草稿测试项目"},
                                              {"region_code", "650102"},
                                              {"process_type", 1},
                                              {"approval_type", 1},
                                              {"investment", "36000000.00"},
                                              {"builder_credit_code", "91350100M000100Y43"}},
                                             token("applicant"));
        QCOMPARE_STATUS(reply, 201);
        m_project = reply.json()["id"];
        m_path = "/api/v1/projects/" + m_project + "/drafts/1";
    }

    void savedDraftIsReadBackAndVersioned()
    {
        QCOMPARE_STATUS(m_server.get(m_path, token("applicant")), 404);
        const std::string file = uploadFile(m_server, token("applicant"), "可行性研究报告.pdf", pdfBytes(4096, 7));
        QVERIFY(!file.empty());
        const json body = {{"form", {{"project_name", "草稿测试"}, {"contact_person", "李联系"}}},
                           {"materials",
                            {{{"item_code", "650100-FGW-002"},
                              {"material_code", "M01"},
                              {"file_id", file},
                              {"filename", "可行性研究报告.pdf"},
                              {"size", 4096}}}},
                           {"step", 1}};
        auto created = put(m_path, body, "applicant");
        QCOMPARE_STATUS(created, 201);
        QCOMPARE(created.json()["version"], 1);

        // Another session of the same applicant (another browser) reads exactly what was saved.
        const Session again = loginAs(m_server, "applicant");
        const json read = m_server.get(m_path, again.token).json();
        QVERIFY(read["form"] == body["form"]);
        QCOMPARE(read["materials"].size(), size_t(1));
        QCOMPARE(read["materials"][0]["file_id"], file);
        QCOMPARE(read["materials"][0]["filename"], "可行性研究报告.pdf");
        QCOMPARE(read["step"], 1);
        QCOMPARE(read["version"], 1);
        QCOMPARE(read["stage"], 1);

        json next = body;
        next["form"]["contact_phone"] = "13899990000";
        next["expected_version"] = 1;
        auto updated = put(m_path, next, "applicant");
        QCOMPARE_STATUS(updated, 200);
        QCOMPARE(updated.json()["version"], 2);
        QCOMPARE(m_server.get(m_path, again.token).json()["form"]["contact_phone"], "13899990000");
    }

    void staleSaveIsRefusedWithTheCurrentDraft()
    {
        // Two browsers loaded version 2; the first saves, the second's save is refused.
        json first = {{"form", {{"project_name", "第一处修改"}}}, {"expected_version", 2}};
        QCOMPARE_STATUS(put(m_path, first, "applicant"), 200);
        json second = {{"form", {{"project_name", "第二处修改"}}}, {"expected_version", 2}};
        auto stale = put(m_path, second, "applicant");
        QCOMPARE_STATUS(stale, 409);
        QVERIFY(stale.isProblem());
        const json problem = stale.json();
        QCOMPARE(problem["current"]["version"], 3);
        QCOMPARE(problem["current"]["form"]["project_name"], "第一处修改");
        // Creating again over an existing draft is stale too.
        QCOMPARE_STATUS(put(m_path, {{"form", json::object()}}, "applicant"), 409);
        QCOMPARE(m_server.get(m_path, token("applicant")).json()["form"]["project_name"], "第一处修改");
    }

    void othersNeverSeeADraft()
    {
        QCOMPARE_STATUS(m_server.get(m_path, token("agency")), 404);
        QCOMPARE_STATUS(put(m_path, {{"form", json::object()}, {"expected_version", 3}}, "agency"), 404);
        QCOMPARE_STATUS(m_server.request("DELETE", m_path, {}, {}, token("agency")), 404);
        QCOMPARE_STATUS(m_server.get(m_path, token("clerk")), 403);
        QCOMPARE_STATUS(m_server.get(m_path, token("rev.fgw")), 403);
        QCOMPARE_STATUS(m_server.get(m_path, ""), 401);
        QCOMPARE_STATUS(m_server.get("/api/v1/projects/999999/drafts/1", token("applicant")), 404);
        QCOMPARE_STATUS(m_server.get("/api/v1/projects/" + m_project + "/drafts/x", token("applicant")), 404);
        QCOMPARE(m_server.get(m_path, token("applicant")).json()["version"], 3);
    }

    void badInputIsRefusedAndChangesNothing()
    {
        auto noForm = put(m_path, {{"materials", json::array()}, {"expected_version", 3}}, "applicant");
        QCOMPARE_STATUS(noForm, 422);
        QVERIFY(noForm.body.find("form") != std::string::npos);
        auto badFile
            = put(m_path,
                  {{"form", json::object()},
                   {"materials", {{{"item_code", "650100-FGW-002"}, {"material_code", "M01"}, {"file_id", "abc"}}}},
                   {"expected_version", 3}},
                  "applicant");
        QCOMPARE_STATUS(badFile, 422);
        QVERIFY(badFile.body.find("materials[0].file_id") != std::string::npos);
        auto notJson
            = m_server.request("PUT", m_path, "{form:", {{"Content-Type", "application/json"}}, token("applicant"));
        QCOMPARE(notJson.status, 400);
        // Larger than the limit (256 KB), though under the server's body limit: 413, a clear message.
        const json big = {{"form", {{"construction_content", std::string(300 * 1024, 'x')}}}, {"expected_version", 3}};
        auto tooBig = put(m_path, big, "applicant");
        QCOMPARE_STATUS(tooBig, 413);
        QVERIFY(tooBig.body.find("草稿过大") != std::string::npos);
        const json kept = m_server.get(m_path, token("applicant")).json();
        QCOMPARE(kept["version"], 3);
        QCOMPARE(kept["form"]["project_name"], "第一处修改");
    }

    void deletedAndSubmittedStagesHaveNoDraft()
    {
        QCOMPARE_STATUS(m_server.request("DELETE", m_path, {}, {}, token("applicant")), 204);
        QCOMPARE_STATUS(m_server.get(m_path, token("applicant")), 404);
        QCOMPARE_STATUS(m_server.request("DELETE", m_path, {}, {}, token("applicant")), 404);

        // A new draft, then the stage filed: the draft is gone.
        QCOMPARE_STATUS(put(m_path, {{"form", {{"project_name", "提交前的草稿"}}}}, "applicant"), 201);
        const json guide = stageGuide(m_server, 1);
        const json p = m_server.get("/api/v1/projects/" + m_project, token("applicant")).json();
        const json form = fillForm(guide["form"], p);
        const auto submitted = m_server.postJson("/api/v1/applications",
                                                 {{"project_id", m_project},
                                                  {"stage", 1},
                                                  {"form", form},
                                                  {"materials", materialsFor(applyingItems(guide, form, p), {})}},
                                                 token("applicant"));
        QCOMPARE_STATUS(submitted, 201);
        QCOMPARE_STATUS(m_server.get(m_path, token("applicant")), 404);
    }

private:
    std::string token(const std::string &who) const { return m_users.at(who).token; }
    HttpReply put(const std::string &path, const json &body, const std::string &who)
    {
        return m_server.request("PUT", path, body.dump(), {{"Content-Type", "application/json"}}, token(who));
    }

    TestServer m_server;
    std::map<std::string, Session> m_users;
    std::string m_project;
    std::string m_path;
};

QTEST_GUILESS_MAIN(tst_Drafts)
#include "tst_drafts.moc"
