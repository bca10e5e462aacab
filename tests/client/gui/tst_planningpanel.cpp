// Planning generation (项目策划生成) on the desktop, driven offscreen against a real spgl-server
// (SQLite, demo data). A project in planning has no application yet, so no change feed brings it:
// a reviewer of 生态环境局 finds it on the server, then — offline — draws the area of a required
// assessment on the map and puts it forward, corrects a mistake by taking back an unsent
// condition, and syncs; 水务局 does the same on another desktop and withdraws its condition
// later; a withdrawal of another department's condition is refused and shown with the server's
// reason; the coordinator merges the conditions into a planning opinion (and is told, offline,
// that publishing needs the network, losing nothing), and the applicant reads it.
#include "core/localcache.h"
#include "core/map/memoryvectorlayer.h"
#include "core/session.h"
#include "core/syncengine.h"
#include "gui/map/annotationlabels.h"
#include "gui/map/annotationpanel.h"
#include "gui/map/mapcanvas.h"
#include "gui/map/maptooldrawpolygon.h"
#include "gui/map/mapview.h"
#include "gui/map/planningpanel.h"
#include "gui/map/projectsearchpanel.h"
#include "testserver.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using nlohmann::json;
using spgl::test::TestServer;
using namespace spgl;
using namespace spgl::desk;

namespace {

/// One staff desktop: a session, its own cache and sync engine.
struct Desk
{
    explicit Desk(const TestServer &server)
        : api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())))
        , session(api)
    {}
    bool open(const QString &user, const QString &dir)
    {
        auto who = session.login(user, QStringLiteral("Demo@2026"));
        if (!who.ok())
            return false;
        if (!cache.open(LocalCache::pathFor(dir, api.server().toString(), who.value().id)).ok())
            return false;
        engine = std::make_unique<SyncEngine>(api, session, cache);
        return engine->pull().ok();
    }
    /// What the main window does with PlanningPanel::planningWanted.
    QByteArray planning(const QString &projectId)
    {
        const ApiReply reply = api.get(QStringLiteral("/api/v1/projects/%1/planning").arg(projectId));
        return reply.ok() ? reply.body : QByteArray();
    }

    ApiClient api;
    Session session;
    LocalCache cache;
    std::unique_ptr<SyncEngine> engine;
};

QTreeWidgetItem *row(const PlanningPanel &panel, const QString &text)
{
    for (int i = 0; i < panel.list()->topLevelItemCount(); ++i)
        if (panel.list()->topLevelItem(i)->text(1) == text)
            return panel.list()->topLevelItem(i);
    return nullptr;
}

} // namespace

class tst_PlanningPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.startWithDemo(20, 7), qPrintable(m_server.lastError()));
        const std::string applicant = m_server.login("applicant");
        const auto project = m_server.postJson("/api/v1/projects",
                                               {{"project_code", "2023-650102-47-01-000777"},
                                                {"name", "天山区规划中的九年一贯制学校"},
                                                {"region_code", "650102"},
                                                {"process_type", 1},
                                                {"approval_type", 1},
                                                {"investment", "86000000.00"},
                                                {"builder_credit_code", "91350100M000100Y43"}},
                                               applicant);
        QCOMPARE(project.status, 201);
        m_projectId = QString::fromStdString(project.json()["id"].get<std::string>());
    }

    void departmentsPlanOfflineAndTheCoordinatorPublishes()
    {
        // 生态环境局: the project is not in the cache (no application, no case): found on the server.
        Desk sthj(m_server);
        QVERIFY(sthj.open(QStringLiteral("rev.sthj"), m_dir.path()));
        QVERIFY(sthj.cache.project(m_projectId).is_null());
        MapView view;
        ProjectSearchPanel search(&view, sthj.cache);
        PlanningPanel panel(&view, sthj.cache, sthj.session.user());
        QObject::connect(&search, &ProjectSearchPanel::projectSelected, &panel, &PlanningPanel::setProject);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        MapCanvas *canvas = view.canvas();
        canvas->setExtent(QRectF(87.58, 43.78, 0.06, 0.04));

        QSignalSpy serverWanted(&search, &ProjectSearchPanel::serverSearchWanted);
        search.searchEdit()->setText(QStringLiteral("000777"));
        QCOMPARE(search.results()->count(), 1); // "nothing cached"
        QTest::keyClick(search.searchEdit(), Qt::Key_Return);
        QCOMPARE(serverWanted.count(), 1);
        QCOMPARE(serverWanted.at(0).at(0).toString(), QStringLiteral("000777"));
        // Offline the answer is empty: said so, nothing changes.
        search.setServerResults(QByteArray());
        QVERIFY(search.summary()->text().contains(QStringLiteral("无法连接服务器")));
        const ApiReply found = sthj.api.get(QStringLiteral("/api/v1/projects?limit=50&q=000777"));
        QVERIFY(found.ok());
        search.setServerResults(found.body);
        QCOMPARE(search.results()->count(), 1);
        QVERIFY(search.results()->item(0)->text().contains(QStringLiteral("九年一贯制学校")));
        QVERIFY(!sthj.cache.project(m_projectId).is_null()); // kept for offline use

        QSignalSpy planningWanted(&panel, &PlanningPanel::planningWanted);
        search.results()->setCurrentRow(0);
        QCOMPARE(panel.projectId(), m_projectId);
        QCOMPARE(planningWanted.count(), 1);
        QVERIFY(panel.sourceLabel()->text().contains(QStringLiteral("尚未从服务器读取")));
        panel.setServerPlanning(m_projectId, sthj.planning(m_projectId));
        QVERIFY(panel.sourceLabel()->text().contains(QStringLiteral("服务器数据读取于")));
        QCOMPARE(panel.list()->topLevelItemCount(), 0);
        QVERIFY(panel.opinionLabel()->text().contains(QStringLiteral("尚未发布")));
        QVERIFY(!panel.publishButton()->isVisibleTo(&panel)); // a reviewer does not publish

        // From here on offline: nothing below talks to the server until push().
        // Without text: refused, the drawing kept, nothing queued.
        panel.kindBox()->setCurrentIndex(1); // 需开展的评估
        QVERIFY(panel.assessmentBox()->isEnabled());
        panel.assessmentBox()->setCurrentIndex(0); // 区域环境影响评价
        panel.startDrawing(MapToolDrawPolygon::Shape::Polygon);
        for (const QPoint &p : {QPoint(300, 200), QPoint(500, 200), QPoint(500, 400)})
            QTest::mouseClick(canvas, Qt::LeftButton, {}, p);
        QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(300, 400));
        QTest::mouseDClick(canvas, Qt::LeftButton, {}, QPoint(300, 400));
        QVERIFY(panel.drawnGeometry().contains("Polygon"));
        QVERIFY(!panel.putForward());
        QVERIFY(panel.messageLabel()->text().contains(QStringLiteral("条件内容")));
        QVERIFY(!panel.drawnGeometry().isEmpty());
        QCOMPARE(int(sthj.cache.ops(QStringLiteral("pending")).size()), 0);

        const QString assessmentText = QStringLiteral("校址位于河道管理范围附近，需开展环境影响评价");
        panel.textEdit()->setText(assessmentText);
        QTest::mouseClick(panel.putForwardButton(), Qt::LeftButton);
        QTreeWidgetItem *item = row(panel, assessmentText);
        QVERIFY(item);
        QVERIFY(item->text(0).contains(QStringLiteral("区域环境影响评价")));
        QVERIFY(item->text(5).contains(QStringLiteral("待同步")));
        QCOMPARE(int(panel.layer()->featureCount()), 1);
        QCOMPARE(panel.labels()->labels().size(), 1);
        QVERIFY(panel.labels()->labels()[0].pending);
        QVERIFY(panel.textEdit()->text().isEmpty());

        // A slip: a condition without a place, taken back before it was ever sent.
        panel.kindBox()->setCurrentIndex(0);
        panel.textEdit()->setText(QStringLiteral("写错了的条件"));
        QTest::keyClick(panel.textEdit(), Qt::Key_Return);
        QCOMPARE(panel.list()->topLevelItemCount(), 2);
        QCOMPARE(int(sthj.cache.ops(QStringLiteral("pending")).size()), 2);
        panel.list()->clearSelection();
        row(panel, QStringLiteral("写错了的条件"))->setSelected(true);
        QVERIFY(panel.withdrawButton()->isEnabled());
        QTest::mouseClick(panel.withdrawButton(), Qt::LeftButton);
        QVERIFY(panel.messageLabel()->text().contains(QStringLiteral("已取消")));
        QCOMPARE(panel.list()->topLevelItemCount(), 1);
        QCOMPARE(int(sthj.cache.ops(QStringLiteral("pending")).size()), 1);

        // Online again: one condition reaches the server, with its area, in the department's name.
        auto pushed = sthj.engine->push();
        QVERIFY(pushed.ok());
        QCOMPARE(pushed.value().applied, 1);
        panel.reload();
        item = row(panel, assessmentText);
        QVERIFY(item);
        QCOMPARE(item->text(5), QStringLiteral("有效")); // the server's copy, before the next read
        const auto rows = m_server.sql("SELECT department, kind, assessment, geometry IS NOT NULL FROM "
                                       "planning_conditions WHERE project_id = "
                                       + m_projectId.toStdString());
        QCOMPARE(int(rows.size()), 1);
        QCOMPARE(rows[0][0], sthj.session.user().departmentCode.toStdString());
        QCOMPARE(rows[0][1], std::string("assessment"));
        QCOMPARE(rows[0][2], std::string("environmental"));
        QCOMPARE(rows[0][3], std::string("1"));

        // 水务局 on its own desktop, offline too.
        Desk swj(m_server);
        QVERIFY(swj.open(QStringLiteral("rev.swj"), m_dir.path()));
        QVERIFY(swj.cache.storeProjects(json::parse(found.body.toStdString())["items"]).ok());
        auto water = swj.engine->addPlanningCondition(
            m_projectId, {{"kind", "assessment"}, {"assessment", "water"}, {"text", "需开展水资源论证"}});
        QVERIFY2(water.ok(), water.ok() ? "" : water.error().message.c_str());
        // Bad input is refused here, as the server would.
        QVERIFY(
            !swj.engine->addPlanningCondition(m_projectId, {{"kind", "assessment"}, {"text", "没有评估类型"}}).ok());
        QVERIFY(!swj.engine
                     ->addPlanningCondition(m_projectId,
                                            {{"kind", "condition"},
                                             {"text", "坏图形"},
                                             {"geometry", {{"type", "Point"}, {"coordinates", {200.0, 95.0}}}}})
                     .ok());
        QVERIFY(swj.engine->push().ok());

        // 生态环境局 reads the planning again: both departments' conditions; withdrawing the
        // other department's is refused by the server and shown with its reason.
        panel.setServerPlanning(m_projectId, sthj.planning(m_projectId));
        QCOMPARE(panel.list()->topLevelItemCount(), 2);
        panel.list()->clearSelection();
        row(panel, QStringLiteral("需开展水资源论证"))->setSelected(true);
        QVERIFY(panel.withdrawSelected());
        QVERIFY(row(panel, QStringLiteral("需开展水资源论证"))->text(5).contains(QStringLiteral("待同步")));
        auto refused = sthj.engine->push();
        QVERIFY(refused.ok());
        QCOMPARE(refused.value().rejected, 1);
        panel.setServerPlanning(m_projectId, sthj.planning(m_projectId));
        item = row(panel, QStringLiteral("需开展水资源论证"));
        QVERIFY(item->text(5).contains(QStringLiteral("服务器拒绝")));
        QVERIFY(item->text(5).contains(QStringLiteral("本部门")));
        for (const OutboxOp &op : sthj.cache.ops(QStringLiteral("rejected")))
            QVERIFY(sthj.cache.dropOp(op.opId).ok()); // seen: dropped, the server's state shows again
        panel.reload();
        QCOMPARE(row(panel, QStringLiteral("需开展水资源论证"))->text(5), QStringLiteral("有效"));

        // The coordinator merges. With a condition still unsent, publishing is refused.
        Desk zrzy(m_server);
        QVERIFY(zrzy.open(QStringLiteral("coordinator"), m_dir.path()));
        QVERIFY(zrzy.cache.storeProjects(json::parse(found.body.toStdString())["items"]).ok());
        MapView coordinatorView;
        PlanningPanel coordinator(&coordinatorView, zrzy.cache, zrzy.session.user());
        coordinator.setProject(m_projectId);
        coordinator.setServerPlanning(m_projectId, zrzy.planning(m_projectId));
        QCOMPARE(coordinator.list()->topLevelItemCount(), 2);
        coordinator.kindBox()->setCurrentIndex(0);
        coordinator.textEdit()->setText(QStringLiteral("校园出入口不得直接开向城市主干路"));
        QVERIFY(coordinator.putForward());
        const QString opinion = QStringLiteral("同意按九年一贯制学校开展前期工作，须完成区域环评与水资源论证。");
        coordinator.opinionEdit()->setPlainText(opinion);
        QSignalSpy opinionWanted(&coordinator, &PlanningPanel::opinionWanted);
        QVERIFY(!coordinator.publishOpinion());
        QVERIFY(coordinator.messageLabel()->text().contains(QStringLiteral("尚未同步")));
        QCOMPARE(opinionWanted.count(), 0);
        QVERIFY(zrzy.engine->push().ok());
        coordinator.setServerPlanning(m_projectId, zrzy.planning(m_projectId));
        QCOMPARE(coordinator.list()->topLevelItemCount(), 3);

        // Offline: the answer is "no network" — the opinion text stays for later.
        QVERIFY(coordinator.publishOpinion());
        QCOMPARE(opinionWanted.count(), 1);
        coordinator.setOpinionResult(m_projectId, 0, {}, {});
        QVERIFY(coordinator.messageLabel()->text().contains(QStringLiteral("需要联网")));
        QCOMPARE(coordinator.opinionEdit()->toPlainText(), opinion);

        // Online: merged over the selected conditions (the two assessments).
        coordinator.list()->clearSelection();
        row(coordinator, assessmentText)->setSelected(true);
        row(coordinator, QStringLiteral("需开展水资源论证"))->setSelected(true);
        QVERIFY(coordinator.publishOpinion());
        QCOMPARE(opinionWanted.count(), 2);
        const QString projectArg = opinionWanted.at(1).at(0).toString();
        const json body = opinionWanted.at(1).at(1).value<json>();
        QCOMPARE(projectArg, m_projectId);
        QCOMPARE(body["condition_ids"].size(), size_t(2));
        const ApiReply posted
            = zrzy.api.post(QStringLiteral("/api/v1/projects/%1/planning/opinion").arg(m_projectId), body);
        QCOMPARE(posted.status, 201);
        QSignalSpy reread(&coordinator, &PlanningPanel::planningWanted);
        coordinator.setOpinionResult(m_projectId, posted.status, posted.body, {});
        QVERIFY(coordinator.messageLabel()->text().contains(QStringLiteral("第 1 版")));
        QCOMPARE(reread.count(), 1);
        coordinator.setServerPlanning(m_projectId, zrzy.planning(m_projectId));
        QVERIFY(coordinator.opinionLabel()->text().contains(QStringLiteral("第 1 版")));
        QVERIFY(coordinator.opinionLabel()->text().contains(QStringLiteral("合并 2 条")));
        QVERIFY(coordinator.opinionLabel()->text().contains(opinion));

        // Offline later, the stored copy still shows it.
        coordinator.setServerPlanning(m_projectId, QByteArray());
        QVERIFY(coordinator.opinionLabel()->text().contains(opinion));

        // The applicant reads the opinion (not the departments' working list) and is notified.
        const std::string applicant = m_server.login("applicant");
        const json mine = m_server.get("/api/v1/projects/" + m_projectId.toStdString() + "/planning", applicant).json();
        QCOMPARE(mine["current"]["text"], opinion.toStdString());
        QCOMPARE(mine["current"]["conditions"].size(), size_t(2));
        QVERIFY(!mine.contains("conditions"));
    }

    void aWindowClerkCannotPlan()
    {
        Desk clerk(m_server);
        QVERIFY(clerk.open(QStringLiteral("clerk"), m_dir.path()));
        const ApiReply found = clerk.api.get(QStringLiteral("/api/v1/projects?q=000777"));
        QVERIFY(clerk.cache.storeProjects(json::parse(found.body.toStdString())["items"]).ok());
        MapView view;
        PlanningPanel panel(&view, clerk.cache, clerk.session.user());
        panel.setProject(m_projectId);
        QVERIFY(!panel.putForwardButton()->isVisibleTo(&panel));
        panel.textEdit()->setText(QStringLiteral("窗口人员的条件"));
        QVERIFY(!panel.putForward());
        QCOMPARE(int(clerk.cache.ops(QStringLiteral("pending")).size()), 0);
        // Even a queued op is re-decided by the server and refused.
        QVERIFY(clerk.engine->addPlanningCondition(m_projectId, {{"kind", "condition"}, {"text", "绕过界面"}}).ok());
        auto pushed = clerk.engine->push();
        QVERIFY(pushed.ok());
        QCOMPARE(pushed.value().rejected, 1);
    }

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    QString m_projectId;
};

QTEST_MAIN(tst_PlanningPanel)
#include "tst_planningpanel.moc"
