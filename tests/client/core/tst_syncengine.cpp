// client/core against a real spgl-server (SQLite, demo data): first sync and incremental sync
// through the same path, offline commands decided locally then pushed, a duplicate push applied
// once, a conflict between two desktops shown with the server's state, and a session that
// survives an expired access token without losing the outbox.
#include "core/localcache.h"
#include "core/session.h"
#include "core/syncengine.h"
#include "cutproxy.h"
#include "portal.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <set>

using nlohmann::json;
using spgl::test::TestServer;
using namespace spgl;
using namespace spgl::desk;

namespace {
/// One desktop: its own API client, session, cache file and sync engine.
struct Desk
{
    Desk(const QUrl &server, const QString &dir)
        : api(server)
        , session(api)
        , dir(dir)
    {}
    bool open(const QString &user)
    {
        auto who = session.login(user, QStringLiteral("Demo@2026"));
        if (!who.ok()) {
            qWarning("login of %s failed: %s", qPrintable(user), who.error().message.c_str());
            return false;
        }
        auto opened = cache.open(LocalCache::pathFor(dir, api.server().toString(), who.value().id));
        if (!opened.ok())
            qWarning("the cache did not open: %s", opened.error().message.c_str());
        return opened.ok();
    }
    ApiClient api;
    Session session;
    LocalCache cache;
    QString dir;
    SyncEngine engine{api, session, cache};
};

int sqlCount(const TestServer &s, const std::string &sql)
{
    return std::stoi(s.sql(sql).at(0).at(0));
}
} // namespace

class tst_SyncEngine : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.startWithDemo(60, 21), qPrintable(m_server.lastError()));
        m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()));
    }

    void firstAndIncrementalSync()
    {
        Desk desk(m_url, m_dir.path());
        QVERIFY(desk.open(QStringLiteral("clerk")));
        QCOMPARE(desk.cache.cursor(), QStringLiteral("0"));
        int pages = 0;
        connect(&desk.engine, &SyncEngine::pulled, this, [&](int, bool) { ++pages; });
        auto first = desk.engine.pull(40);
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
        QVERIFY(pages > 3);
        // The window's scope is the whole region: the cache matches the server.
        QCOMPARE(desk.cache.count(QStringLiteral("application")),
                 sqlCount(m_server, "SELECT COUNT(*) FROM applications"));
        QCOMPARE(desk.cache.count(QStringLiteral("case")), sqlCount(m_server, "SELECT COUNT(*) FROM cases"));
        QCOMPARE(desk.cache.count(QStringLiteral("project")), sqlCount(m_server, "SELECT COUNT(*) FROM projects"));

        // Nothing new: nothing applied. Then one change online arrives through the same path.
        auto none = desk.engine.pull();
        QVERIFY(none.ok());
        QCOMPARE(none.value(), 0);
        const auto open
            = m_server.sql("SELECT c.id, c.department, u.username FROM cases c JOIN departments d ON d.code = "
                           "c.department JOIN users u ON u.department_id = d.id AND u.roles = 'reviewer' "
                           "WHERE c.status = 'accepted' ORDER BY c.id LIMIT 1");
        QVERIFY(!open.empty());
        QCOMPARE(m_server.postJson("/api/v1/cases/" + open[0][0] + "/claim", json::object(), m_server.login(open[0][2]))
                     .status,
                 200);
        auto delta = desk.engine.pull();
        QVERIFY(delta.ok());
        QVERIFY(delta.value() >= 2); // the case and its application
        const auto app = desk.cache.application(QString::fromStdString(open[0][0]).section(QLatin1Char('-'), 0, 0));
        QVERIFY(app);
        QVERIFY(app->findCase(open[0][0])->status == CaseStatus::InProgress);
        // The history reads offline: the timeline came with the application, claim last.
        const json timeline = desk.cache.timeline(QString::fromStdString(app->id));
        QVERIFY(timeline.size() >= 3);
        QCOMPARE(timeline.front()["kind"], "received");
        QCOMPARE(timeline.back()["kind"], "claimed");
        QCOMPARE(timeline.back()["blzt"], 8);

        // The cache is per user and server, and survives a restart of the desktop.
        const QString path = desk.cache.path();
        const QString cursor = desk.cache.cursor();
        desk.cache.close();
        LocalCache reopened;
        QVERIFY(reopened.open(path).ok());
        QCOMPARE(reopened.cursor(), cursor);
        QVERIFY(LocalCache::pathFor(m_dir.path(), m_url.toString(), QStringLiteral("1"))
                != LocalCache::pathFor(m_dir.path(), m_url.toString(), QStringLiteral("2")));
    }

    /// The pages are stored as the server wrote their values (never parsed into a tree); a page
    /// that is not well-formed JSON anywhere, even deep inside a value, changes nothing.
    void brokenPageChangesNothing()
    {
        QVERIFY(QDir().mkpath(m_dir.path() + QStringLiteral("/broken")));
        Desk desk(m_url, m_dir.path() + QStringLiteral("/broken"));
        QVERIFY(desk.open(QStringLiteral("clerk")));
        QVERIFY(desk.engine.pull(500).ok());
        const QString cursor = desk.cache.cursor();
        const int applications = desk.cache.count(QStringLiteral("application"));
        const auto anyApp = m_server.sql("SELECT id FROM applications ORDER BY id LIMIT 1").at(0).at(0);
        const QString appId = QString::fromStdString(anyApp);
        // The stored values are the server's: the timeline reads back as the events it recorded.
        json recorded = json::array();
        for (const auto &row :
             m_server.sql("SELECT view FROM events WHERE application_id = '" + anyApp + "' ORDER BY seq"))
            recorded.push_back(json::parse(row.at(0)));
        QVERIFY(recorded.size() >= 2);
        QVERIFY(desk.cache.timeline(appId) == recorded);
        const std::string clerk = m_server.login("clerk");

        // A real page of the whole feed, damaged in the state of its last application.
        const std::string page = m_server.get("/api/v1/sync/changes?since=0&limit=2000", clerk).body;
        const auto lastState = page.rfind("\"state\":{");
        QVERIFY(lastState != std::string::npos);
        const std::vector<std::pair<const char *, std::string>> broken = {
            {"cut short", page.substr(0, page.size() / 2)},
            {"bad literal deep inside", std::string(page).replace(lastState, 9, "\"state\":{\"x\":tru,")},
            {"control character in a string", std::string(page).replace(lastState, 9, "\"state\":{\"x\":\"\t\",")},
            {"invalid UTF-8", std::string(page).replace(lastState, 9, "\"state\":{\"x\":\"\xC0\xAF\",")},
            {"no changes", R"({"next":"99999"})"},
            {"not an object", "[]"},
        };
        for (const auto &[what, text] : broken) {
            const auto applied = desk.cache.applyChanges(text);
            QVERIFY2(!applied.ok(), what);
            QCOMPARE(QString::fromStdString(applied.error().code), QStringLiteral("cache.page"));
            QCOMPARE(desk.cache.cursor(), cursor);
            QCOMPARE(desk.cache.count(QStringLiteral("application")), applications);
        }
        // The timeline is untouched; the intact page applies.
        QVERIFY(desk.cache.timeline(appId) == recorded);
        const auto intact = desk.cache.applyChanges(page);
        QVERIFY(intact.ok());
        QVERIFY(intact.value().changes > 0);
    }

    /// A GET sent ahead answers only the same path; asked for another, it is dropped.
    void prefetchedAnswerServesTheSamePathOnly()
    {
        Desk desk(m_url, m_dir.path());
        QVERIFY(desk.open(QStringLiteral("clerk")));
        const QString one = QStringLiteral("/api/v1/sync/changes?since=0&limit=1");
        const QString two = QStringLiteral("/api/v1/sync/changes?since=0&limit=2");
        auto count = [](const ApiReply &r) { return int(r.json()["changes"].size()); };
        desk.api.prefetch(one);
        const ApiReply other = desk.api.get(two);
        QCOMPARE(other.status, 200);
        QCOMPARE(count(other), 2);
        desk.api.prefetch(one);
        const ApiReply same = desk.api.get(one);
        QCOMPARE(same.status, 200);
        QCOMPARE(count(same), 1);
        QCOMPARE(same.body, desk.api.get(one).body);
    }

    void schemaMigratesFromVersion1()
    {
        // A cache written by the first release (schema 1) opens, gains the timeline column and
        // forgets its cursor so the next pull fills the timelines; the outbox survives.
        const QString path = m_dir.filePath(QStringLiteral("v1.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char *sql :
                 {"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                  "CREATE TABLE projects (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL)",
                  "CREATE TABLE applications (id TEXT PRIMARY KEY, project_id TEXT NOT NULL, status TEXT NOT NULL, "
                  "version INTEGER NOT NULL, state TEXT NOT NULL, form TEXT NOT NULL, local INTEGER NOT NULL DEFAULT "
                  "0)",
                  "CREATE TABLE cases (id TEXT PRIMARY KEY, application_id TEXT NOT NULL, status TEXT NOT NULL, "
                  "version INTEGER NOT NULL, department TEXT NOT NULL, deadline TEXT NOT NULL, level TEXT NOT NULL, "
                  "data TEXT NOT NULL)",
                  "CREATE TABLE outbox (op_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, command TEXT NOT NULL, "
                  "target TEXT NOT NULL, expected_version INTEGER, args TEXT NOT NULL, status TEXT NOT NULL, "
                  "error TEXT NOT NULL DEFAULT '', current TEXT NOT NULL DEFAULT 'null', created_at INTEGER NOT NULL)",
                  "INSERT INTO meta VALUES ('cursor', '1234')",
                  "INSERT INTO applications VALUES ('A1', 'P1', 'submitted', 1, '{}', '{}', 0)",
                  "INSERT INTO outbox VALUES ('0b7c2d1e-9f4a-4a3b-8c6d-5e1f2a3b4c5d', 1, 'claim', 'A1-1', 2, '{}', "
                  "'pending', '', 'null', 0)",
                  "PRAGMA user_version = 1"})
                QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        LocalCache cache;
        QVERIFY(cache.open(path).ok());
        QCOMPARE(cache.cursor(), QStringLiteral("0"));
        QVERIFY(cache.timeline(QStringLiteral("A1")).empty());
        QCOMPARE(int(cache.ops(QStringLiteral("pending")).size()), 1);
        cache.close();
        // A cache from a newer program is refused, not damaged.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v9"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 9"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v9"));
        QCOMPARE(cache.open(path).error().code, std::string("cache.version"));
    }

    void reviewerSeesOnlyTheirDepartment()
    {
        Desk desk(m_url, m_dir.path());
        QVERIFY(desk.open(QStringLiteral("reviewer")));
        QVERIFY(desk.engine.pull().ok());
        const auto cases = desk.cache.cases();
        QVERIFY(!cases.empty());
        // Their department's cases, and the cases that consulted them (征求意见).
        std::set<std::string> consulted;
        for (const auto &row : m_server.sql("SELECT case_id FROM case_consultations WHERE department = '11650100ZJJ'"))
            consulted.insert(row[0]);
        for (const auto &c : cases)
            QVERIFY(c["department"] == "11650100ZJJ" || consulted.count(c["id"].get<std::string>()));
        QCOMPARE(int(cases.size()),
                 sqlCount(m_server, "SELECT COUNT(*) FROM cases WHERE department = '11650100ZJJ' OR id IN (SELECT "
                                    "case_id FROM case_consultations WHERE department = '11650100ZJJ')"));
    }

    void offlineCommandsThenPush()
    {
        const QString caseId = freshZrzyCase();
        QVERIFY(!caseId.isEmpty());
        Desk desk(m_url, m_dir.path());
        QVERIFY(desk.open(QStringLiteral("rev.zrzy")));
        QVERIFY(desk.engine.pull().ok());

        // Offline: claimed and given an opinion locally; the engine refuses what it must at once.
        auto claim = desk.engine.command(CommandKind::Claim, caseId);
        QVERIFY2(claim.ok(), claim.ok() ? "" : claim.error().message.c_str());
        auto opinion
            = desk.engine.command(CommandKind::AddOpinion, caseId, {{"opinion", "火车上审查：材料齐全，同意"}});
        QVERIFY(opinion.ok());
        QVERIFY(!desk.engine.command(CommandKind::Claim, caseId).ok()); // already claimed (locally)
        QVERIFY(desk.cache.application(caseId.section(QLatin1Char('-'), 0, 0))->findCase(caseId.toStdString())->status
                == CaseStatus::InProgress);
        QCOMPARE(int(desk.cache.ops(QStringLiteral("pending")).size()), 2);
        QCOMPARE(sqlCount(m_server, "SELECT COUNT(*) FROM events WHERE case_id = '" + caseId.toStdString()
                                        + "' AND kind = 'claimed'"),
                 0);

        // Back online: pushed in order, applied on the server by the same engine.
        auto pushed = desk.engine.push();
        QVERIFY(pushed.ok());
        QCOMPARE(pushed.value().applied, 2);
        QCOMPARE(sqlCount(m_server, "SELECT COUNT(*) FROM events WHERE case_id = '" + caseId.toStdString()
                                        + "' AND kind IN ('claimed', 'opinion_added')"),
                 2);
        QVERIFY(desk.cache.ops(QStringLiteral("pending")).empty());
        QVERIFY(desk.engine.pull().ok());
        QCOMPARE(desk.cache.application(caseId.section(QLatin1Char('-'), 0, 0))->version,
                 std::stoll(m_server.sql("SELECT version FROM applications WHERE id = '"
                                         + caseId.section(QLatin1Char('-'), 0, 0).toStdString() + "'")[0][0]));

        // The answer was lost and the same op goes again: applied once.
        const OutboxOp sent = desk.cache.ops().front();
        const json again = {{"device_id", desk.engine.deviceId().toStdString()},
                            {"ops",
                             {{{"op_id", sent.opId.toStdString()},
                               {"command", sent.command.toStdString()},
                               {"target", sent.target.toStdString()},
                               {"expected_version", *sent.expectedVersion}}}}};
        const auto replay = m_server.postJson("/api/v1/sync/push", again, desk.api.token().toStdString());
        QCOMPARE(replay.json()["results"][0]["status"], "applied");
        QCOMPARE(sqlCount(m_server, "SELECT COUNT(*) FROM events WHERE case_id = '" + caseId.toStdString()
                                        + "' AND kind = 'claimed'"),
                 1);
    }

    void conflictBetweenTwoDesktops()
    {
        // Two 自然资源局 staff on their desktops both claim the same case offline.
        const QString caseId = freshZrzyCase();
        QVERIFY(!caseId.isEmpty());
        Desk a(m_url, m_dir.path());
        Desk b(m_url, m_dir.path());
        QVERIFY(a.open(QStringLiteral("rev.zrzy")));
        QVERIFY(b.open(QStringLiteral("coordinator")));
        QVERIFY(a.engine.pull().ok());
        QVERIFY(b.engine.pull().ok());
        QVERIFY(a.engine.command(CommandKind::Claim, caseId).ok());
        QVERIFY(b.engine.command(CommandKind::Claim, caseId).ok());
        auto first = a.engine.push();
        auto second = b.engine.push();
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first.value().applied, 1);
        QCOMPARE(second.value().conflicts, 1);
        // The loser sees the conflict with the server's current state, and its cache converges.
        const auto ops = b.cache.ops(QStringLiteral("conflict"));
        QCOMPARE(int(ops.size()), 1);
        QVERIFY(!ops.front().error.isEmpty());
        QCOMPARE(ops.front().current["status"], "in_progress");
        QVERIFY(b.engine.pull().ok());
        const auto app = b.cache.application(caseId.section(QLatin1Char('-'), 0, 0));
        QCOMPARE(QString::fromStdString(app->findCase(caseId.toStdString())->assignee), a.session.user().id);
        // The user drops the failed op once seen.
        QVERIFY(b.cache.dropOp(ops.front().opId).ok());
        QVERIFY(b.cache.ops(QStringLiteral("conflict")).empty());
    }

    void expiredTokenKeepsTheOutbox()
    {
        const QString caseId = freshZrzyCase();
        QVERIFY(!caseId.isEmpty());
        Desk desk(m_url, m_dir.path());
        QVERIFY(desk.open(QStringLiteral("rev.zrzy")));
        QVERIFY(desk.engine.pull().ok());
        QVERIFY(desk.engine.command(CommandKind::Claim, caseId).ok());
        // A broken access token: refreshed silently, the op goes through.
        desk.api.setToken(QStringLiteral("expired.token.value"));
        auto pushed = desk.engine.push();
        QVERIFY2(pushed.ok(), pushed.ok() ? "" : pushed.error().message.c_str());
        QCOMPARE(pushed.value().applied, 1);
        // Refresh impossible too (session over): the call says so and the outbox keeps the op.
        QVERIFY(desk.engine.command(CommandKind::AddOpinion, caseId, {{"opinion", "待同步"}}).ok());
        desk.api.setToken(QStringLiteral("expired.token.value"));
        Session dead(desk.api);
        SyncEngine stale(desk.api, dead, desk.cache);
        auto refused = stale.push();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, std::string("session.expired"));
        QCOMPARE(int(desk.cache.ops(QStringLiteral("pending")).size()), 1);
    }

    void pullCutMidPageResumes()
    {
        // Through a link that fails in the middle of an answer: the page is not applied, the
        // cursor stays, and the next pull resumes without gaps or repeats.
        spgl::test::CutProxy proxy(quint16(m_server.port()));
        Desk desk(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())), m_dir.path());
        QVERIFY(desk.open(QStringLiteral("supervisor")));
        QVERIFY(desk.cache.wipe().ok());
        proxy.cutAfter(3000); // the first page is larger: cut inside it (and inside Qt's own retries)
        auto cut = desk.engine.pull(200);
        QVERIFY(!cut.ok());
        QCOMPARE(cut.error().code, std::string("sync.offline"));
        QVERIFY(proxy.cuts() >= 1);
        proxy.stopCutting();
        QCOMPARE(desk.cache.cursor(), QStringLiteral("0"));
        QCOMPARE(desk.cache.count(QStringLiteral("case")), 0);
        // Cut again on a later page, after some pages went through.
        auto first = desk.engine.pull(200);
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
        QCOMPARE(desk.cache.count(QStringLiteral("case")), sqlCount(m_server, "SELECT COUNT(*) FROM cases"));
        QCOMPARE(desk.cache.count(QStringLiteral("application")),
                 sqlCount(m_server, "SELECT COUNT(*) FROM applications"));
    }

    void pushCutAndServerKilledApplyOnce()
    {
        // Many offline opinions on one case; the answer to the push is cut (the server did the
        // work), then the server is killed while a second batch runs. Every op ends applied
        // exactly once.
        const QString caseId = freshZrzyCase();
        QVERIFY(!caseId.isEmpty());
        spgl::test::CutProxy proxy(quint16(m_server.port()));
        Desk desk(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())), m_dir.path());
        QVERIFY(desk.open(QStringLiteral("rev.zrzy")));
        QVERIFY(desk.engine.pull().ok());
        QVERIFY(desk.engine.command(CommandKind::Claim, caseId).ok());
        for (int i = 0; i < 40; ++i)
            QVERIFY(desk.engine.command(CommandKind::AddOpinion, caseId, {{"opinion", "离线意见 " + std::to_string(i)}})
                        .ok());
        const std::string count = "SELECT COUNT(*) FROM events WHERE case_id = '" + caseId.toStdString()
                                  + "' AND kind IN ('claimed', 'opinion_added')";
        proxy.cutAfter(300); // inside the answer's body
        auto cut = desk.engine.push(10);
        QVERIFY(!cut.ok());
        proxy.stopCutting();
        QCOMPARE(int(desk.cache.ops(QStringLiteral("pending")).size()), 41); // no answer: still pending
        QCOMPARE(sqlCount(m_server, count), 10);                             // but the server applied the batch

        // The server dies in the middle of the next pushes.
        QTimer::singleShot(30, &proxy, [this] { m_server.kill(); });
        auto killed = desk.engine.push(1);
        QVERIFY(!killed.ok());
        QVERIFY2(m_server.start({QStringLiteral("--clock-scan=0")}), qPrintable(m_server.lastError()));
        proxy.setUpstream(quint16(m_server.port()));
        m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()));
        auto rest = desk.engine.push(10);
        QVERIFY2(rest.ok(), rest.ok() ? "" : rest.error().message.c_str());
        // Nothing lost, nothing applied twice; the outbox says so.
        QCOMPARE(sqlCount(m_server, count), 41);
        QVERIFY(desk.cache.ops(QStringLiteral("pending")).empty());
        int applied = 0;
        for (const auto &op : desk.cache.ops())
            applied += op.target == caseId && op.status == QLatin1String("applied") ? 1 : 0;
        QCOMPARE(applied, 41);
        // And the cache converges to the server's state.
        QVERIFY(desk.engine.pull().ok());
        const auto app = desk.cache.application(caseId.section(QLatin1Char('-'), 0, 0));
        QCOMPARE(app->findCase(caseId.toStdString())->opinions, 40);
        QCOMPARE(qint64(app->version),
                 std::stoll(m_server.sql("SELECT version FROM applications WHERE id = '"
                                         + caseId.section(QLatin1Char('-'), 0, 0).toStdString() + "'")[0][0]));
    }

    void filesForOfflineReading()
    {
        // Two materials with real files: downloaded for the train, verified by SHA-256; a cut
        // download resumes from its part file; a corrupted file is caught.
        const std::string applicant = m_server.login("applicant");
        const std::string big = spgl::test::pdfBytes(300000, 7);
        const std::string small = spgl::test::pdfBytes(20000, 8);
        const std::string shaBig = spgl::test::uploadFile(m_server, applicant, "用地范围图.pdf", big);
        const std::string shaSmall = spgl::test::uploadFile(m_server, applicant, "申请表.pdf", small);
        QVERIFY(!shaBig.empty() && !shaSmall.empty());
        const json guide = spgl::test::stageGuide(m_server, 1);
        std::map<std::string, std::string> files;
        for (const auto &item : guide["items"]) {
            if (item["department"] != "11650100ZRZY" || !files.empty() || !item["applies_if"].is_null())
                continue;
            std::vector<std::string> required;
            for (const auto &m : item["materials"])
                if (m["requirement"] == "required")
                    required.push_back(item["code"].get<std::string>() + "/" + m["code"].get<std::string>());
            if (required.size() >= 2) {
                files[required[0]] = shaBig;
                files[required[1]] = shaSmall;
            }
        }
        QCOMPARE(int(files.size()), 2);
        const QString caseId = freshZrzyCase(files);
        QVERIFY(!caseId.isEmpty());

        Desk desk(m_url, m_dir.path());
        QVERIFY(desk.open(QStringLiteral("rev.zrzy")));
        QVERIFY(desk.engine.pull().ok());
        const QString dir = m_dir.filePath(QStringLiteral("files"));
        auto fetched = desk.engine.fetchFiles(dir);
        QVERIFY2(fetched.ok(), fetched.ok() ? "" : fetched.error().message.c_str());
        {
            const auto app = desk.cache.application(caseId.section(QLatin1Char('-'), 0, 0));
            QVERIFY(app);
            int withFiles = 0;
            for (const auto &m : app->materials)
                withFiles += m.fileId.empty() ? 0 : 1;
            QCOMPARE(withFiles, 2);
        }
        QCOMPARE(fetched.value(), 2);
        QFile got(QDir(dir).filePath(QString::fromStdString(shaBig)));
        QVERIFY(got.open(QIODevice::ReadOnly));
        QCOMPARE(got.readAll().toStdString(), big);
        got.close();

        // A download cut halfway left a part file: the next sync fetches only the rest.
        QVERIFY(QFile::remove(got.fileName()));
        QFile part(got.fileName() + QStringLiteral(".part"));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(big.data(), 150000);
        part.close();
        QVERIFY(desk.engine.fetchFiles(dir).ok());
        QVERIFY(got.open(QIODevice::ReadOnly));
        QCOMPARE(got.readAll().toStdString(), big);
        got.close();
        QVERIFY(!QFile::exists(part.fileName()));

        // A damaged part (wrong bytes) ends in a digest mismatch: deleted and reported.
        QVERIFY(QFile::remove(got.fileName()));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(QByteArray(150000, 'x'));
        part.close();
        auto damaged = desk.engine.fetchFiles(dir);
        QVERIFY(!damaged.ok());
        QCOMPARE(damaged.error().code, std::string("sync.file"));
        QVERIFY(!QFile::exists(got.fileName()));
        QVERIFY(desk.engine.fetchFiles(dir).ok()); // and fetched whole the next time
        QVERIFY(QFile::exists(got.fileName()));
    }

    void annotationDrawnOfflineReachesTheOtherDepartment()
    {
        // 自然资源局 reviews on a train: the link to the server is down (the proxy drops every
        // connection), yet the annotation is drawn and shown at once as pending.
        const QString caseId = freshZrzyCase();
        QVERIFY(!caseId.isEmpty());
        const QString appId = caseId.section(QLatin1Char('-'), 0, 0);
        const QString projectId = QString::fromStdString(
            m_server.sql("SELECT CAST(project_id AS TEXT) FROM applications WHERE id = '" + appId.toStdString() + "'")
                .at(0)
                .at(0));
        spgl::test::CutProxy proxy(quint16(m_server.port()));
        Desk zrzy(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())), m_dir.path());
        QVERIFY(zrzy.open(QStringLiteral("rev.zrzy")));
        QVERIFY(zrzy.engine.pull().ok());
        Desk fgw(m_url, m_dir.path());
        QVERIFY(fgw.open(QStringLiteral("rev.fgw")));
        QVERIFY(fgw.engine.pull().ok());
        QVERIFY(!fgw.cache.project(projectId).is_null());

        proxy.setOffline(true);
        const json site
            = {{"type", "Polygon"},
               {"coordinates", {{{87.60, 43.80}, {87.61, 43.80}, {87.61, 43.81}, {87.60, 43.81}, {87.60, 43.80}}}}};
        auto drawn
            = zrzy.engine.annotate(projectId, site, QStringLiteral("东北角与生态保护红线相邻，请核实退让距离"), caseId);
        QVERIFY2(drawn.ok(), drawn.ok() ? "" : drawn.error().message.c_str());
        // Bad input is refused at once and nothing is queued for it.
        QVERIFY(
            !zrzy.engine.annotate(projectId, {{"type", "Polygon"}, {"coordinates", "x"}}, QStringLiteral("x")).ok());
        QVERIFY(!zrzy.engine.annotate(projectId, site, QStringLiteral("   ")).ok());
        QVERIFY(!zrzy.engine.annotate(QStringLiteral("999999"), site, QStringLiteral("无此项目")).ok());
        auto mine = zrzy.cache.annotations(projectId);
        QCOMPARE(int(mine.size()), 1);
        QVERIFY(mine[0]["pending"] == true);
        QVERIFY(mine[0]["department"] == "11650100ZRZY");
        QCOMPARE(int(zrzy.cache.ops(QStringLiteral("pending")).size()), 1);
        auto offline = zrzy.engine.sync();
        QVERIFY(!offline.ok());
        QCOMPARE(offline.error().code, std::string("sync.offline"));
        QCOMPARE(int(zrzy.cache.ops(QStringLiteral("pending")).size()), 1); // kept for later
        QVERIFY(fgw.engine.pull().ok());
        QVERIFY(fgw.cache.annotations(projectId).empty());

        // Back online: both sync; 发改委 (another department on the project) sees it, by its author.
        proxy.setOffline(false);
        auto online = zrzy.engine.sync();
        QVERIFY2(online.ok(), online.ok() ? "" : online.error().message.c_str());
        mine = zrzy.cache.annotations(projectId);
        QCOMPARE(int(mine.size()), 1);
        QVERIFY(mine[0]["pending"] == false);
        QCOMPARE(mine[0]["version"].get<qint64>(), qint64(1));
        QVERIFY(fgw.engine.pull().ok());
        const auto seen = fgw.cache.annotations(projectId);
        QCOMPARE(int(seen.size()), 1);
        QVERIFY(seen[0]["id"] == drawn.value().toStdString());
        QVERIFY(seen[0]["text"] == "东北角与生态保护红线相邻，请核实退让距离");
        QVERIFY(seen[0]["department"] == "11650100ZRZY");
        QVERIFY(seen[0]["case_id"] == caseId.toStdString());
        QVERIFY(seen[0]["geometry"]["type"] == "Polygon");
        QVERIFY(!seen[0]["author_name"].get<std::string>().empty());

        // 发改委 may not resolve 自然资源局's annotation: the server rejects it and says why.
        QVERIFY(fgw.engine.setAnnotationStatus(drawn.value(), QStringLiteral("resolved")).ok());
        auto refused = fgw.engine.push();
        QVERIFY(refused.ok());
        QCOMPARE(refused.value().rejected, 1);
        QVERIFY(!fgw.cache.ops(QStringLiteral("rejected")).front().error.isEmpty());
        QVERIFY(fgw.cache.annotation(drawn.value())["status"] == "open"); // its optimistic change undone
        QVERIFY(fgw.cache.annotation(drawn.value())["pending"] == false);
        // Its author resolves it (offline again, then synced); the other desk follows.
        proxy.setOffline(true);
        QVERIFY(zrzy.engine.setAnnotationStatus(drawn.value(), QStringLiteral("resolved")).ok());
        QVERIFY(!zrzy.engine.setAnnotationStatus(drawn.value(), QStringLiteral("closed")).ok());
        QVERIFY(zrzy.cache.annotation(drawn.value())["status"] == "resolved");
        proxy.setOffline(false);
        QVERIFY(zrzy.engine.sync().ok());
        QVERIFY(fgw.engine.pull().ok());
        QVERIFY(fgw.cache.annotation(drawn.value())["status"] == "resolved");
        QCOMPARE(sqlCount(m_server, "SELECT COUNT(*) FROM annotations WHERE id = '" + drawn.value().toStdString()
                                        + "' AND status = 'resolved'"),
                 1);
    }

    void walkInFiledOfflineThenSynced()
    {
        // 窗口代办 at a window whose extranet is down: the clerk files for a walk-in applicant with
        // the cached guide's form and a scanned material; it is in the queue at once as pending.
        // Back online, the scan uploads, the server files it as the applicant's (channel window,
        // the scan as the material's file) and the cache holds the server's application.
        spgl::test::CutProxy proxy(quint16(m_server.port()));
        Desk desk(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())), m_dir.path());
        QVERIFY(desk.open(QStringLiteral("clerk")));
        const json p = freshProject("乌鲁木齐市天山区便民服务站");
        QVERIFY(p.is_object());
        QVERIFY(desk.engine.sync().ok()); // the project and the guides come down
        QVERIFY(!desk.cache.guides(1, 1).empty());
        const json guide = spgl::test::stageGuide(m_server, 1);
        const json form = spgl::test::fillForm(guide["form"], p);
        json materials = spgl::test::materialsFor(spgl::test::applyingItems(guide, form, p), {});
        QVERIFY(materials.size() >= 2);
        const std::string scanned = spgl::test::pdfBytes(1500000, 11); // more than one upload chunk
        const QString scan = m_dir.filePath(QStringLiteral("用地申请表扫描件.pdf"));
        {
            QFile f(scan);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(scanned.data(), qint64(scanned.size()));
        }
        materials[0]["file"] = scan.toStdString();
        const std::string sha = spgl::test::sha256Hex(scanned);

        proxy.setOffline(true);
        const json filing = {{"project_id", p["id"]}, {"stage", 1}, {"form", form}, {"materials", materials}};
        // What the server would refuse is refused here at once, and nothing is queued for it.
        json bad = filing;
        std::string required;
        for (const auto &f : guide["form"]["fields"])
            if (required.empty() && f.value("required", false) && form.contains(f["name"].get<std::string>()))
                required = f["name"];
        bad["form"].erase(required);
        auto refused = desk.engine.file(bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, std::string("form.invalid"));
        QCOMPARE(refused.error().field, "form." + required);
        bad = filing;
        bad["materials"].push_back({{"item_code", "NO-SUCH-ITEM"}, {"material_code", "M01"}});
        QVERIFY(!desk.engine.file(bad).ok());
        QVERIFY(desk.cache.ops(QStringLiteral("pending")).empty());

        auto filed = desk.engine.file(filing);
        QVERIFY2(filed.ok(), filed.ok() ? "" : filed.error().message.c_str());
        const QString local = filed.value();
        QVERIFY(LocalCache::isFilingId(local));
        const auto pendingApp = desk.cache.application(local);
        QVERIFY(pendingApp);
        QVERIFY(pendingApp->status == ApplicationStatus::Submitted);
        QCOMPARE(pendingApp->channel, std::string("window"));
        QCOMPARE(pendingApp->applicantId, p["owner_id"].get<std::string>());
        bool inQueue = false;
        for (const auto &row : desk.cache.applications({QStringLiteral("submitted")}))
            inQueue = inQueue || (row["id"] == local.toStdString() && row["local"] == true);
        QVERIFY(inQueue);
        QCOMPARE(desk.cache.timeline(local).front()["kind"], "received");
        // The scan reads offline at once, from the files directory, by its SHA-256.
        QVERIFY(QFile::exists(QDir(desk.cache.filesDir()).filePath(QString::fromStdString(sha))));
        QCOMPARE(int(desk.cache.uploads(QStringLiteral("pending")).size()), 1);
        QCOMPARE(int(desk.cache.ops(QStringLiteral("pending")).size()), 1);
        // Nothing else may act on it before the server has it.
        QVERIFY(!desk.engine.command(CommandKind::Accept, local).ok());

        auto offline = desk.engine.sync();
        QVERIFY(!offline.ok());
        QCOMPARE(offline.error().code, std::string("sync.offline"));
        QCOMPARE(int(desk.cache.ops(QStringLiteral("pending")).size()), 1);
        const std::string ofProject = "SELECT id FROM applications WHERE project_id = " + p["id"].get<std::string>();
        QVERIFY(m_server.sql(ofProject).empty());

        // The link comes back, and fails once more in the middle of an answer: the next sync
        // resumes from where the server stands, nothing doubled.
        proxy.setOffline(false);
        proxy.cutAfter(300);
        QVERIFY(!desk.engine.sync().ok());
        QVERIFY(proxy.cuts() >= 1);
        proxy.stopCutting();
        auto online = desk.engine.sync();
        QVERIFY2(online.ok(), online.ok() ? "" : online.error().message.c_str());
        const auto rows = m_server.sql(ofProject);
        QCOMPARE(rows.size(), std::size_t(1));
        const QString id = QString::fromStdString(rows[0][0]);
        const OutboxOp op = desk.cache.ops().back();
        QCOMPARE(op.status, QStringLiteral("applied"));
        QCOMPARE(desk.cache.uploads(QStringLiteral("done")).size(), std::size_t(1));
        const json server = m_server.get("/api/v1/applications/" + id.toStdString(), m_server.login("clerk")).json();
        QCOMPARE(server["channel"], "window");
        QCOMPARE(server["applicant_id"], p["owner_id"]);
        bool withScan = false;
        for (const auto &m : server["materials"])
            withScan = withScan || m.value("file_id", std::string()) == sha;
        QVERIFY(withScan);
        QCOMPARE(sqlCount(m_server, "SELECT COUNT(*) FROM files WHERE sha256 = '" + sha + "'"), 1);
        // The cache holds the server's application, under the server's id; the local one is gone.
        QVERIFY(!desk.cache.application(local));
        const auto synced = desk.cache.application(id);
        QVERIFY(synced);
        QCOMPARE(qint64(synced->version), server["version"].get<qint64>());
        // The answer was lost and the op goes again: still one application.
        const auto replay = m_server.postJson("/api/v1/sync/push",
                                              {{"device_id", desk.engine.deviceId().toStdString()},
                                               {"ops",
                                                {{{"op_id", op.opId.toStdString()},
                                                  {"command", "submit"},
                                                  {"target", op.target.toStdString()},
                                                  {"args", op.args}}}}},
                                              desk.api.token().toStdString());
        QCOMPARE(replay.json()["results"][0]["id"], id.toStdString());
        QCOMPARE(m_server.sql(ofProject).size(), std::size_t(1));
    }

    void walkInRefusedByTheServerIsShownWithItsReason()
    {
        // Two things the window cannot know offline: the scan is not a PDF at all (the server's
        // content check refuses it), and the applicant filed the same stage online meanwhile. Both
        // filings end refused with the server's reason, stay visible, and go when dropped.
        Desk desk(m_url, m_dir.path());
        QVERIFY(desk.open(QStringLiteral("clerk")));
        const json a = freshProject("乌鲁木齐市天山区社区卫生服务站");
        const json b = freshProject("乌鲁木齐市天山区老年活动中心");
        QVERIFY(desk.engine.sync().ok());
        const json guide = spgl::test::stageGuide(m_server, 1);
        const QString exe = m_dir.filePath(QStringLiteral("扫描件.pdf"));
        {
            QFile f(exe);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("MZ\x90\x00") + QByteArray(4000, '\x01')); // a program, named .pdf
        }
        auto filingOf = [&](const json &p, const QString &file) {
            const json form = spgl::test::fillForm(guide["form"], p);
            json materials = spgl::test::materialsFor(spgl::test::applyingItems(guide, form, p), {});
            if (!file.isEmpty())
                materials[0]["file"] = file.toStdString();
            return json{{"project_id", p["id"]}, {"stage", 1}, {"form", form}, {"materials", materials}};
        };
        auto withExe = desk.engine.file(filingOf(a, exe));
        QVERIFY(withExe.ok());
        auto twice = desk.engine.file(filingOf(b, {}));
        QVERIFY(twice.ok());
        // Meanwhile the applicant files b's stage 1 online.
        QCOMPARE(spgl::test::fileOnline(m_server, m_server.login("applicant"), b, guide).status, 201);

        auto pushed = desk.engine.push();
        QVERIFY2(pushed.ok(), pushed.ok() ? "" : pushed.error().message.c_str());
        QCOMPARE(pushed.value().conflicts, 1);
        const auto rejected = desk.cache.ops(QStringLiteral("rejected"));
        QCOMPARE(int(rejected.size()), 1);
        QCOMPARE(LocalCache::filingId(rejected[0].opId), withExe.value());
        QVERIFY2(rejected[0].error.contains(QStringLiteral("类型")), qPrintable(rejected[0].error));
        const auto conflict = desk.cache.ops(QStringLiteral("conflict"));
        QCOMPARE(int(conflict.size()), 1);
        QVERIFY2(conflict[0].error.contains(QStringLiteral("已有办理中的申报")), qPrintable(conflict[0].error));
        QCOMPARE(
            sqlCount(m_server, "SELECT COUNT(*) FROM applications WHERE project_id = " + a["id"].get<std::string>()),
            0);
        QCOMPARE(
            sqlCount(m_server, "SELECT COUNT(*) FROM applications WHERE project_id = " + b["id"].get<std::string>()),
            1);
        // Still shown until the user has seen them; dropping takes the local application too.
        QVERIFY(desk.cache.application(withExe.value()));
        QVERIFY(desk.cache.dropOp(rejected[0].opId).ok());
        QVERIFY(desk.cache.dropOp(conflict[0].opId).ok());
        QVERIFY(!desk.cache.application(withExe.value()));
        QVERIFY(!desk.cache.application(twice.value()));
        QVERIFY(desk.engine.pull().ok());
        QCOMPARE(int(desk.cache.applications({QStringLiteral("submitted")}).size()),
                 sqlCount(m_server, "SELECT COUNT(*) FROM applications WHERE status = 'submitted'"));
    }

    void walkInFilesWithTheProcessVersionTheProjectPinned()
    {
        // The administrator publishes a new version of the process whose stage 1 form asks one
        // more thing. A project that filed before (and withdrew) keeps the version it pinned; a
        // project filing for the first time takes the new one. The window, offline, files each
        // with the form of its own version, and the server agrees.
        const std::string admin = m_server.login("admin");
        const std::string applicant = m_server.login("applicant");
        spgl::test::CutProxy proxy(quint16(m_server.port()));
        Desk desk(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())), m_dir.path());
        QVERIFY(desk.open(QStringLiteral("clerk")));
        const json pinned = freshProject("乌鲁木齐市天山区文化活动中心");
        QVERIFY(desk.engine.sync().ok()); // the project, not pinned yet, and the guides of 1.0
        const QString firstTag = desk.cache.meta(QStringLiteral("guides_etag"));
        QVERIFY(!firstTag.isEmpty());

        const json oldGuide = spgl::test::stageGuide(m_server, 1);
        const auto online = spgl::test::fileOnline(m_server, applicant, pinned, oldGuide);
        QVERIFY2(online.status == 201, online.body.c_str());
        const std::string withdrawn = online.json()["id"];
        QCOMPARE(
            m_server
                .postJson("/api/v1/applications/" + withdrawn + "/withdraw", {{"reason", "材料需重新准备"}}, applicant)
                .status,
            200);

        const json extra = spgl::test::requiredTextField("energy_review_no", "节能审查意见文号");
        const std::string refused = spgl::test::publishProcessVersion(m_server, admin, "650100-ZFTZFW", "1.3", extra);
        QVERIFY2(refused.empty(), refused.c_str());
        struct Retire
        {
            const TestServer &server;
            std::string admin;
            ~Retire() { spgl::test::retireProcessVersion(server, admin, "650100-ZFTZFW", "1.3"); }
        } retire{m_server, admin};
        const json first = freshProject("乌鲁木齐市天山区青少年活动中心");

        QVERIFY(desk.engine.sync().ok()); // the pin and the new version's guides come down
        QVERIFY(desk.cache.meta(QStringLiteral("guides_etag")) != firstTag);
        const json cachedPinned = desk.cache.project(QString::fromStdString(pinned["id"]));
        QCOMPARE(cachedPinned["process_version"], "1.0");
        QVERIFY(desk.cache.project(QString::fromStdString(first["id"]))["process_code"].is_null());

        proxy.setOffline(true);
        const auto pinnedGuide = desk.cache.guideFor(cachedPinned, 1);
        QVERIFY(pinnedGuide.ok());
        QCOMPARE(pinnedGuide.value()["process_version"], "1.0");
        const auto newGuide = desk.cache.guideFor(desk.cache.project(QString::fromStdString(first["id"])), 1);
        QVERIFY(newGuide.ok());
        QCOMPARE(newGuide.value()["process_version"], "1.3");

        auto filingOf = [](const json &p, const json &form, const json &guide) {
            return json{{"project_id", p["id"]},
                        {"stage", 1},
                        {"form", form},
                        {"materials", spgl::test::materialsFor(spgl::test::applyingItems(guide, form, p), {})}};
        };
        // The pinned project files with the old form, which does not ask the new field.
        auto again = desk.engine.file(filingOf(pinned, spgl::test::fillForm(oldGuide["form"], pinned), oldGuide));
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
        // The new project needs the new field: refused here at once without it.
        const json newForm = spgl::test::fillForm(oldGuide["form"], first);
        auto missing = desk.engine.file(filingOf(first, newForm, oldGuide));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().field, std::string("form.energy_review_no"));
        json completed = newForm;
        completed["energy_review_no"] = "乌发改能审〔2026〕88号";
        auto fresh = desk.engine.file(filingOf(first, completed, oldGuide));
        QVERIFY2(fresh.ok(), fresh.ok() ? "" : fresh.error().message.c_str());

        proxy.setOffline(false);
        auto synced = desk.engine.sync();
        QVERIFY2(synced.ok(), synced.ok() ? "" : synced.error().message.c_str());
        QCOMPARE(int(desk.cache.ops(QStringLiteral("applied")).size()), 2);
        QVERIFY(desk.cache.ops(QStringLiteral("rejected")).empty());
        QVERIFY(desk.cache.ops(QStringLiteral("conflict")).empty());
        const auto versionOf = [&](const json &p) {
            const auto rows = m_server.sql("SELECT process_version FROM applications WHERE project_id = "
                                           + p["id"].get<std::string>() + " AND status = 'submitted'");
            return rows.size() == 1 ? rows[0][0] : std::string("(" + std::to_string(rows.size()) + " rows)");
        };
        QCOMPARE(versionOf(pinned), std::string("1.0"));
        QCOMPARE(versionOf(first), std::string("1.3"));
    }

    void offlineServer()
    {
        Desk desk(QUrl(QStringLiteral("http://127.0.0.1:1")), m_dir.path());
        auto login = desk.session.login(QStringLiteral("clerk"), QStringLiteral("Demo@2026"));
        QVERIFY(!login.ok());
        QCOMPARE(login.error().code, std::string("session.offline"));
    }

    void cleanupTestCase() { m_server.stop(); }

private:
    /// A new 天山区 project of the applicant (政府投资, nothing filed yet); null when refused.
    json freshProject(const char *name)
    {
        static int serial = 0;
        return spgl::test::tianshanProject(m_server, m_server.login("applicant"), 500 + ++serial, name);
    }

    /// A new application of stage 1 (政府投资), filed online and accepted by the window; returns
    /// the id of its 自然资源局 case.
    QString freshZrzyCase(const std::map<std::string, std::string> &files = {})
    {
        static int serial = 0;
        const std::string applicant = m_server.login("applicant");
        const json p = spgl::test::tianshanProject(m_server, applicant, ++serial, "天山区社区服务中心");
        if (p.is_null())
            return {};
        const auto submitted
            = spgl::test::fileOnline(m_server, applicant, p, spgl::test::stageGuide(m_server, 1), files);
        if (submitted.status != 201)
            return {};
        const auto accepted
            = m_server.postJson("/api/v1/applications/" + submitted.json()["id"].get<std::string>() + "/accept",
                                json::object(), m_server.login("clerk"));
        if (accepted.status != 200)
            return {};
        const json cases = accepted.json()["cases"];
        for (const auto &k : cases)
            if (k["department"] == "11650100ZRZY")
                return QString::fromStdString(k["id"].get<std::string>());
        return {};
    }

    TestServer m_server;
    QTemporaryDir m_dir;
    QUrl m_url;
};

QTEST_GUILESS_MAIN(tst_SyncEngine)
#include "tst_syncengine.moc"
