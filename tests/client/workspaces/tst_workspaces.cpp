// spgl-desk's workspaces driven offscreen against a real spgl-server (SQLite, demo data): the
// window accepts a submitted application (command pushed, the server shows it accepted, a PDF
// notice written), the review workspace claims a case and decides it. With SPGL_SCREENSHOT_DIR
// set, a screenshot of each workspace is saved there (docs/screenshots).
#include "app/mainwindow.h"
#include "core/deskcontext.h"
#include "gui/formdialog.h"
#include "gui/map/mapcanvas.h"
#include "gui/map/mapview.h"
#include "portal.h"
#include "support/demomapfixture.h"
#include "testserver.h"
#include "workspaces/review/reviewworkspace.h"
#include "workspaces/supervise/superviseworkspace.h"
#include "workspaces/window/windowworkspace.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <functional>

using nlohmann::json;
using spgl::test::TestServer;
using namespace spgl;
using namespace spgl::desk;

namespace {

/// Fills the next modal FormDialog with @p fill and presses OK, as a user would.
void answerNextDialog(std::function<void(FormDialog &)> fill)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, fill] {
        auto *d = qobject_cast<FormDialog *>(QApplication::activeModalWidget());
        if (!d)
            return;
        timer->stop();
        timer->deleteLater();
        fill(*d);
        d->accept();
    });
    timer->start();
}

bool waitFor(const std::function<bool()> &done, int ms = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QTest::qWait(20);
    }
    return true;
}

} // namespace

class tst_Workspaces : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        QCOMPARE(m_server.stop(), 0);
        QCOMPARE(
            m_server.runCommand({QStringLiteral("demo"), QStringLiteral("--projects=60"), QStringLiteral("--seed=21")}),
            0);
        QVERIFY2(m_server.start({QStringLiteral("--clock-scan=0")}), qPrintable(m_server.lastError()));
        m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()));
    }

    void windowAccepts()
    {
        const QString appId = freshApplication(false);
        QVERIFY(!appId.isEmpty());
        QTemporaryDir dir;
        DeskContext context(dir.path());
        QVERIFY(login(context, QStringLiteral("clerk")));
        QVERIFY(sync(context));

        WindowWorkspace ws(context);
        ws.setOpenNotices(false);
        ws.resize(1280, 800);
        ws.show();
        QVERIFY(ws.selectApplication(appId));
        auto *accept = ws.findChild<QPushButton *>(QStringLiteral("accept"));
        QVERIFY(accept && accept->isEnabled());
        answerNextDialog([](FormDialog &) {});
        QTest::mouseClick(accept, Qt::LeftButton);
        QVERIFY2(waitFor([&] { return !ws.lastNotice().isEmpty(); }), qPrintable(ws.message()));
        // Pending until pushed; the notice is a PDF.
        QCOMPARE(context.pendingOps(), 1);
        QFile pdf(ws.lastNotice());
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(4) == "%PDF");
        QVERIFY(pdf.size() > 1000);

        QVERIFY(sync(context));
        QCOMPARE(context.pendingOps(), 0);
        QCOMPARE(context.failedOps(), 0);
        QCOMPARE(m_server.sql("SELECT status FROM applications WHERE id = '" + appId.toStdString() + "'")[0][0],
                 std::string("in_review"));
        // Accepted: it leaves the queue; the comprehensive query still finds it.
        QVERIFY(!ws.selectApplication(appId));
        QVERIFY(context.cache().application(appId)->status == ApplicationStatus::InReview);
    }

    void reviewClaimsAndDecides()
    {
        const QString caseId = freshZrzyCase();
        QVERIFY(!caseId.isEmpty());
        QTemporaryDir dir;
        DeskContext context(dir.path());
        QVERIFY(login(context, QStringLiteral("rev.zrzy")));
        QVERIFY(sync(context));

        ReviewWorkspace ws(context);
        ws.resize(1280, 800);
        ws.show();
        QVERIFY(ws.selectCase(caseId));
        auto *claim = ws.findChild<QPushButton *>(QStringLiteral("claim"));
        auto *decide = ws.findChild<QPushButton *>(QStringLiteral("decide"));
        QVERIFY(claim->isEnabled());
        QVERIFY(!decide->isEnabled());
        QTest::mouseClick(claim, Qt::LeftButton);
        // Decided locally at once: the case is in progress, pending, and may be decided.
        QVERIFY2(waitFor([&] { return decide->isEnabled(); }), qPrintable(ws.message()));
        QCOMPARE(context.pendingOps(), 1);

        answerNextDialog([](FormDialog &d) {
            d.findChild<QComboBox *>(QStringLiteral("outcome"))->setCurrentIndex(0); // 通过
            d.findChild<QLineEdit *>(QStringLiteral("docNumber"))->setText(QStringLiteral("乌自然资规〔2026〕18号"));
        });
        QTest::mouseClick(decide, Qt::LeftButton);
        QVERIFY2(waitFor([&] { return context.pendingOps() == 2; }), qPrintable(ws.message()));
        QVERIFY(!decide->isEnabled());

        QVERIFY(sync(context));
        QCOMPARE(context.pendingOps(), 0);
        QCOMPARE(context.failedOps(), 0);
        const auto row
            = m_server.sql("SELECT status, assignee_id FROM cases WHERE id = '" + caseId.toStdString() + "'");
        QCOMPARE(row[0][0], std::string("approved"));
        QCOMPARE(QString::fromStdString(row[0][1]), context.user().id);
        QCOMPARE(std::stoi(m_server.sql("SELECT COUNT(*) FROM events WHERE case_id = '" + caseId.toStdString()
                                        + "' AND kind = 'approved'")[0][0]),
                 1);
    }

    void failedOpIsShownAndDropped()
    {
        // Two desktops claim the same case; the second sees the conflict and drops it.
        const QString caseId = freshZrzyCase();
        QTemporaryDir dir;
        DeskContext a(dir.path() + QStringLiteral("/a"));
        DeskContext b(dir.path() + QStringLiteral("/b"));
        QVERIFY(login(a, QStringLiteral("rev.zrzy")));
        QVERIFY(login(b, QStringLiteral("coordinator")));
        QVERIFY(sync(a) && sync(b));
        ReviewWorkspace wa(a), wb(b);
        QVERIFY(wa.selectCase(caseId) && wb.selectCase(caseId));
        wa.claim();
        wb.claim();
        QVERIFY(waitFor([&] { return a.pendingOps() == 1 && b.pendingOps() == 1; }));
        QVERIFY(sync(a));
        QVERIFY(sync(b));
        QCOMPARE(b.failedOps(), 1);
        auto *table = wb.findChild<QTableWidget *>(QStringLiteral("outboxTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(!table->item(0, 3)->text().isEmpty()); // the server's answer
        const QString opId = b.cache().ops(QStringLiteral("conflict")).front().opId;
        QVERIFY(b.dropOp(opId));
        QCOMPARE(b.failedOps(), 0);
        QCOMPARE(table->rowCount(), 0);
    }

    void offlineLoginUsesTheLastSession()
    {
        QTemporaryDir dir;
        {
            DeskContext online(dir.path());
            QVERIFY(login(online, QStringLiteral("clerk")));
            QVERIFY(sync(online));
        }
        const auto last = DeskContext::lastSession(dir.path());
        QVERIFY(last);
        QCOMPARE(last->user.username, QStringLiteral("clerk"));
        DeskContext offline(dir.path());
        QSignalSpy spy(&offline, &DeskContext::loggedIn);
        offline.workOffline(*last);
        QVERIFY(spy.wait(10000));
        QVERIFY(spy.first().at(0).toBool());
        QVERIFY(offline.offlineOnly());
        QVERIFY(offline.cache().count(QStringLiteral("application")) > 0);
        QVERIFY(!sync(offline)); // no network in offline mode; nothing lost
    }

    void blueprintTab()
    {
        // Every staff member has the 一张蓝图 tab; it opens the layers of $SPGL_LAYERS_DIR when shown.
        auto &fixture = DemoMapFixture::instance();
        QVERIFY2(fixture.ok(), qPrintable(fixture.error()));
        qputenv("SPGL_LAYERS_DIR", fixture.dir().toUtf8());
        QTemporaryDir dir;
        DeskContext context(dir.path());
        QVERIFY(login(context, QStringLiteral("reviewer")));
        MainWindow window(context);
        window.show();
        QVERIFY(window.mapView());
        QVERIFY(window.mapView()->canvas()->layers().isEmpty()); // nothing loaded before it is shown
        QSignalSpy loaded(window.mapView(), &MapView::layersLoaded);
        QVERIFY(window.showWorkspace(QStringLiteral("map")));
        QVERIFY(loaded.wait(60000));
        qunsetenv("SPGL_LAYERS_DIR");
        QCOMPARE(window.mapView()->canvas()->layers().size(), qsizetype(fixture.files().size()));
        QVERIFY(QTest::qWaitFor([&] { return !window.mapView()->canvas()->isRendering(); }, 30000));
        QVERIFY(!window.mapView()->canvas()->renderedImage().isNull());
    }

    void screenshots()
    {
        const QString out = qEnvironmentVariable("SPGL_SCREENSHOT_DIR");
        if (out.isEmpty())
            QSKIP("SPGL_SCREENSHOT_DIR not set");
        QDir().mkpath(out);
        const std::pair<const char *, const char *> shots[]
            = {{"clerk", "window"}, {"reviewer", "review"}, {"supervisor", "supervise"}};
        for (const auto &[user, name] : shots) {
            QTemporaryDir dir;
            DeskContext context(dir.path());
            QVERIFY(login(context, QString::fromLatin1(user)));
            QVERIFY(sync(context));
            MainWindow window(context);
            window.resize(1366, 820);
            window.show();
            QVERIFY(window.showWorkspace(QString::fromLatin1(name)));
            if (auto *w = window.windowWorkspace()) {
                auto *queue = w->findChild<QTableView *>(QStringLiteral("applicationQueue"));
                queue->selectRow(0);
            }
            if (auto *r = window.reviewWorkspace())
                r->queue()->selectRow(0);
            if (auto *s = window.superviseWorkspace()) {
                auto *overdue = s->findChild<QTableView *>(QStringLiteral("overdueList"));
                if (overdue->model()->rowCount() > 0)
                    s->showTimeline(overdue->model()->index(0, 0).data(Qt::UserRole + 1).toString());
                QTest::qWait(1500); // the server's timeline
            }
            QTest::qWait(300);
            QVERIFY(window.grab().save(out + QStringLiteral("/desk-") + QString::fromLatin1(name)
                                       + QStringLiteral(".png")));
        }
    }

    void cleanupTestCase() { m_server.stop(); }

private:
    bool login(DeskContext &context, const QString &user)
    {
        QSignalSpy spy(&context, &DeskContext::loggedIn);
        context.login(m_url, user, QStringLiteral("Demo@2026"));
        if (!spy.wait(20000))
            return false;
        return spy.first().at(0).toBool();
    }

    bool sync(DeskContext &context)
    {
        QSignalSpy spy(&context, &DeskContext::syncFinished);
        context.syncNow();
        if (!spy.wait(60000))
            return false;
        return spy.first().at(0).toBool();
    }

    /// A new application of stage 1 (政府投资) filed online; accepted by the window through the
    /// API when @p accept. Returns its id.
    QString freshApplication(bool accept, json *acceptedBody = nullptr)
    {
        static int serial = 0;
        char code[32];
        std::snprintf(code, sizeof code, "2023-650102-47-01-%06d", 900 + ++serial);
        const std::string applicant = m_server.login("applicant");
        const auto project = m_server.postJson("/api/v1/projects",
                                               {{"project_code", code},
                                                {"name", std::string("天山区社区服务中心 ") + code},
                                                {"region_code", "650102"},
                                                {"process_type", 1},
                                                {"approval_type", 1},
                                                {"investment", "36000000.00"},
                                                {"builder_credit_code", "91350100M000100Y43"}},
                                               applicant);
        if (project.status != 201)
            return {};
        const json p = project.json();
        const json guide = spgl::test::stageGuide(m_server, 1);
        const json form = spgl::test::fillForm(guide["form"], p);
        const auto submitted = m_server.postJson(
            "/api/v1/applications",
            {{"project_id", p["id"]},
             {"stage", 1},
             {"form", form},
             {"materials", spgl::test::materialsFor(spgl::test::applyingItems(guide, form, p), {})}},
            applicant);
        if (submitted.status != 201)
            return {};
        const std::string id = submitted.json()["id"].get<std::string>();
        if (accept) {
            const auto accepted
                = m_server.postJson("/api/v1/applications/" + id + "/accept", json::object(), m_server.login("clerk"));
            if (accepted.status != 200)
                return {};
            if (acceptedBody)
                *acceptedBody = accepted.json();
        }
        return QString::fromStdString(id);
    }

    /// The 自然资源局 case of a freshly accepted application.
    QString freshZrzyCase()
    {
        json accepted;
        if (freshApplication(true, &accepted).isEmpty())
            return {};
        for (const auto &k : accepted["cases"])
            if (k["department"] == "11650100ZRZY")
                return QString::fromStdString(k["id"].get<std::string>());
        return {};
    }

    TestServer m_server;
    QUrl m_url;
};

QTEST_MAIN(tst_Workspaces)
#include "tst_workspaces.moc"
