// spgl-desk's workspaces driven offscreen against a real spgl-server (SQLite, demo data): the
// window accepts a submitted application (command pushed, the server shows it accepted, a PDF
// notice written), the review workspace claims a case and decides it. With SPGL_SCREENSHOT_DIR
// set, a screenshot of each workspace is saved there (docs/screenshots).
#include "app/mainwindow.h"
#include "core/cutproxy.h"
#include "core/deskcontext.h"
#include "gui/formdialog.h"
#include "gui/map/mapcanvas.h"
#include "gui/map/mapview.h"
#include "gui/materialviewer.h"
#include "portal.h"
#include "support/demomapfixture.h"
#include "testserver.h"
#include "workspaces/review/reviewworkspace.h"
#include "workspaces/supervise/superviseworkspace.h"
#include "workspaces/window/walkindialog.h"
#include "workspaces/window/windowworkspace.h"

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtPdf/QPdfDocument>
#include <QtPdf/QPdfSelection>
#include <QtTest>

#include <functional>
#include <map>
#include <memory>
#include <set>

using nlohmann::json;
using spgl::test::TestServer;
using namespace spgl;
using namespace spgl::desk;

namespace {

/// Fills the next modal FormDialog with @p fill and presses OK, as a user would.
/// The dialog answerers still waiting: a test function's answerer never outlives it (cleanup()),
/// so it cannot answer the next function's dialog with that function's dangling captures.
QList<QPointer<QTimer>> &pendingAnswerers()
{
    static QList<QPointer<QTimer>> timers;
    return timers;
}

void answerNextDialog(std::function<void(FormDialog &)> fill)
{
    auto *timer = new QTimer;
    pendingAnswerers().append(timer);
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

/// Answers up to @p count modal FormDialogs that open within @p ms with @p fill and OK; returns a
/// counter of the dialogs answered (owned by the caller's scope through the shared pointer).
std::shared_ptr<int> answerDialogs(int count, int ms, std::function<void(FormDialog &)> fill)
{
    auto answered = std::make_shared<int>(0);
    auto *timer = new QTimer;
    pendingAnswerers().append(timer);
    timer->setInterval(20);
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    QObject::connect(timer, &QTimer::timeout, [timer, fill, answered, started, count, ms] {
        if (auto *d = qobject_cast<FormDialog *>(QApplication::activeModalWidget())) {
            ++*answered;
            fill(*d);
            d->accept();
        }
        if (*answered >= count || started->elapsed() > ms) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
    return answered;
}

/// The text of every page of a PDF (Qt Pdf), without spaces and line breaks.
QString pdfText(const QString &path)
{
    QPdfDocument doc;
    if (doc.load(path) != QPdfDocument::Error::None)
        return {};
    QString text;
    for (int p = 0; p < doc.pageCount(); ++p)
        text += doc.getAllText(p).text();
    // Lines wrap anywhere in Chinese text: compare without the breaks.
    return text.remove(QRegularExpression(QStringLiteral("[\\s\\x{2028}\\x{2029}]")));
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
    void cleanup()
    {
        for (const QPointer<QTimer> &timer : std::as_const(pendingAnswerers()))
            delete timer.data();
        pendingAnswerers().clear();
    }

    void initTestCase()
    {
        QVERIFY2(m_server.startWithDemo(60, 21), qPrintable(m_server.lastError()));
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

    void doubleClickQueuesOneCommand()
    {
        // Review: a second click on 认领 before the first is recorded sends nothing more.
        const QString caseId = freshZrzyCase();
        QVERIFY(!caseId.isEmpty());
        QTemporaryDir dir;
        DeskContext context(dir.path());
        QVERIFY(login(context, QStringLiteral("rev.zrzy")));
        QVERIFY(sync(context));
        ReviewWorkspace review(context);
        review.show();
        QVERIFY(review.selectCase(caseId));
        auto *claim = review.findChild<QPushButton *>(QStringLiteral("claim"));
        auto *decide = review.findChild<QPushButton *>(QStringLiteral("decide"));
        QVERIFY(claim->isEnabled());
        QTest::mouseClick(claim, Qt::LeftButton);
        QVERIFY(!claim->isEnabled()); // in flight: every action waits
        QVERIFY(!decide->isEnabled());
        QTest::mouseClick(claim, Qt::LeftButton);
        QVERIFY2(waitFor([&] { return decide->isEnabled(); }), qPrintable(review.message()));
        QTest::qWait(300); // a second command, had one been sent, would have been answered by now
        QVERIFY2(review.message().startsWith(QStringLiteral("已记录")), qPrintable(review.message()));
        QCOMPARE(context.pendingOps(), 1);
        QCOMPARE(context.cache().ops().size(), std::size_t(1));
        QVERIFY(!claim->isEnabled()); // claimed (pending): not claimable again

        // Window: 受理 clicked twice queues one acceptance and writes one notice.
        const QString appId = freshApplication(false);
        QVERIFY(!appId.isEmpty());
        QTemporaryDir clerkDir;
        DeskContext clerk(clerkDir.path());
        QVERIFY(login(clerk, QStringLiteral("clerk")));
        QVERIFY(sync(clerk));
        WindowWorkspace window(clerk);
        window.setOpenNotices(false);
        window.show();
        QVERIFY(window.selectApplication(appId));
        auto *accept = window.findChild<QPushButton *>(QStringLiteral("accept"));
        QSignalSpy notices(&window, &WindowWorkspace::noticeWritten);
        const auto answered = answerDialogs(2, 3000, [](FormDialog &) {});
        QTest::mouseClick(accept, Qt::LeftButton);
        QTest::mouseClick(accept, Qt::LeftButton);
        QVERIFY2(waitFor([&] { return notices.count() == 1; }), qPrintable(window.message()));
        QTest::qWait(300);
        QCOMPARE(*answered, 1);
        QCOMPARE(notices.count(), 1);
        QCOMPARE(clerk.pendingOps(), 1);
        QVERIFY(!accept->isEnabled()); // pending acceptance: not again
        QVERIFY(sync(clerk));
        QCOMPARE(clerk.failedOps(), 0); // a second acceptance would have been rejected by the server
        QCOMPARE(m_server.sql("SELECT status FROM applications WHERE id = '" + appId.toStdString() + "'")[0][0],
                 std::string("in_review"));
    }

    void materialsViewer()
    {
        // A PDF and an image handed in online: the window sees them in the materials tab once the
        // background download after a sync has them; a paper material says so; a file not yet
        // downloaded says so too. The reviewer sees the same files in the case detail.
        QString pdfKey, pngKey;
        const QString appId = applicationWithFiles(&pdfKey, &pngKey, nullptr);
        QVERIFY(!appId.isEmpty());
        QTemporaryDir dir;
        DeskContext context(dir.path());
        QVERIFY(login(context, QStringLiteral("clerk")));
        QSignalSpy files(&context, &DeskContext::filesFetched);
        QVERIFY(sync(context));
        QVERIFY(files.count() > 0 || files.wait(30000));
        QVERIFY2(files.last().at(1).toString().isEmpty(), qPrintable(files.last().at(1).toString()));

        WindowWorkspace ws(context);
        ws.setOpenNotices(false);
        ws.resize(1280, 800);
        ws.show();
        QVERIFY(ws.selectApplication(appId));
        MaterialViewer *viewer = ws.materialViewer();
        QVERIFY(viewer);
        QCOMPARE(viewer->materials().size(), qsizetype(context.cache().application(appId)->materials.size()));
        QVERIFY(viewer->materials().size() > 2);

        QVERIFY(viewer->showMaterial(pdfKey));
        QCOMPARE(viewer->mode(), MaterialViewer::Mode::Pdf);
        QCOMPARE(viewer->pageCount(), 2);
        QVERIFY2(viewer->statusText().contains(QStringLiteral("共 2 页")), qPrintable(viewer->statusText()));
        const double before = viewer->zoom();
        viewer->zoomIn();
        QVERIFY(viewer->zoom() > before);

        QVERIFY(viewer->showMaterial(pngKey));
        QCOMPARE(viewer->mode(), MaterialViewer::Mode::Image);
        QVERIFY2(viewer->statusText().contains(QStringLiteral("320×200")), qPrintable(viewer->statusText()));
        const double fitted = viewer->zoom();
        viewer->zoomOut();
        QVERIFY(viewer->zoom() < fitted);

        QString paperKey;
        for (const auto &m : viewer->materials())
            if (m.fileId.isEmpty())
                paperKey = m.key;
        QVERIFY(!paperKey.isEmpty());
        QVERIFY(viewer->showMaterial(paperKey));
        QCOMPARE(viewer->mode(), MaterialViewer::Mode::Paper);
        QVERIFY(viewer->statusText().contains(QStringLiteral("纸质原件")));

        // Not (yet) downloaded: said so; back once the file is there.
        QString pngFile;
        for (const auto &m : viewer->materials())
            if (m.key == pngKey)
                pngFile = QDir(context.filesDir()).filePath(m.fileId);
        QVERIFY(QFile::rename(pngFile, pngFile + QStringLiteral(".away")));
        QVERIFY(viewer->showMaterial(pngKey));
        QCOMPARE(viewer->mode(), MaterialViewer::Mode::NotDownloaded);
        QVERIFY(viewer->statusText().contains(QStringLiteral("尚未下载")));
        QVERIFY(QFile::rename(pngFile + QStringLiteral(".away"), pngFile));
        viewer->refresh();
        QCOMPARE(viewer->mode(), MaterialViewer::Mode::Image);

        // The reviewer of the 自然资源局 case reads the same PDF.
        const auto acceptedReply = m_server.postJson("/api/v1/applications/" + appId.toStdString() + "/accept",
                                                     json::object(), m_server.login("clerk"));
        QCOMPARE(acceptedReply.status, 200);
        QString caseId;
        const json acceptedBody = acceptedReply.json();
        for (const auto &k : acceptedBody["cases"])
            if (k["department"] == "11650100ZRZY")
                caseId = QString::fromStdString(k["id"].get<std::string>());
        QVERIFY(!caseId.isEmpty());
        QTemporaryDir reviewDir;
        DeskContext reviewer(reviewDir.path());
        QVERIFY(login(reviewer, QStringLiteral("rev.zrzy")));
        QSignalSpy reviewFiles(&reviewer, &DeskContext::filesFetched);
        QVERIFY(sync(reviewer));
        QVERIFY(reviewFiles.count() > 0 || reviewFiles.wait(30000));
        ReviewWorkspace review(reviewer);
        review.resize(1280, 800);
        review.show();
        QVERIFY(review.selectCase(caseId));
        QVERIFY(review.materialViewer()->showMaterial(pdfKey));
        QCOMPARE(review.materialViewer()->mode(), MaterialViewer::Mode::Pdf);
        QCOMPARE(review.materialViewer()->pageCount(), 2);
    }

    void materialCheckByKeyboardSurvivesRestart()
    {
        // The clerk rejects one material with a reason and passes another, by keyboard only; the
        // checks survive a restart of the desktop; the 补正材料通知书 lists the rejected material
        // with its reason, and the applicant's opinion carries it to the server.
        const QString appId = freshApplication(false);
        QVERIFY(!appId.isEmpty());
        QTemporaryDir dir;
        QString rejectedKey, passedKey;
        {
            DeskContext context(dir.path());
            QVERIFY(login(context, QStringLiteral("clerk")));
            QVERIFY(sync(context));
            WindowWorkspace ws(context);
            ws.setOpenNotices(false);
            ws.resize(1280, 800);
            ws.show();
            QApplication::setActiveWindow(&ws);
            QVERIFY(QTest::qWaitForWindowActive(&ws));
            QVERIFY(ws.selectApplication(appId));
            auto *checks = ws.findChild<QTableWidget *>(QStringLiteral("materialChecks"));
            QVERIFY(checks && checks->rowCount() >= 2);
            QTest::keyClick(&ws, Qt::Key_M, Qt::AltModifier); // the 材料 tab
            QTest::keyClick(&ws, Qt::Key_K, Qt::AltModifier); // the check list (its label's buddy)
            QVERIFY(checks->hasFocus());
            QTest::keyClick(checks, Qt::Key_Home);
            rejectedKey = checks->item(checks->currentRow(), 0)->data(Qt::UserRole).toString();
            answerNextDialog([](FormDialog &d) {
                d.findChild<QPlainTextEdit *>(QStringLiteral("reason"))->setPlainText(QStringLiteral("未加盖公章"));
            });
            QTest::keyClick(&ws, Qt::Key_N, Qt::AltModifier); // 退回…
            QVERIFY(waitFor([&] { return ws.materialCheck(rejectedKey) == QLatin1String("rejected"); }, 5000));
            QApplication::setActiveWindow(&ws); // the offscreen platform does not give it back after the dialog
            QVERIFY(QTest::qWaitForWindowActive(&ws));
            QTest::keyClick(&ws, Qt::Key_K, Qt::AltModifier);
            QVERIFY(checks->hasFocus());
            QTest::keyClick(checks, Qt::Key_Down);
            passedKey = checks->item(checks->currentRow(), 0)->data(Qt::UserRole).toString();
            QVERIFY(passedKey != rejectedKey);
            QTest::keyClick(&ws, Qt::Key_G, Qt::AltModifier); // 核验通过
            QVERIFY(waitFor([&] { return ws.materialCheck(passedKey) == QLatin1String("passed"); }, 5000));
            QCOMPARE(checks->item(0, 1)->text(), QStringLiteral("退回"));
            QCOMPARE(checks->item(0, 2)->text(), QStringLiteral("未加盖公章"));
            QCOMPARE(checks->item(1, 1)->text(), QStringLiteral("通过"));
            QCOMPARE(ws.materialViewer()->currentKey(), passedKey); // the viewer follows the list
        }
        // A restart (offline, the last session): the checks are still there.
        const auto last = DeskContext::lastSession(dir.path());
        QVERIFY(last);
        DeskContext context(dir.path());
        QSignalSpy opened(&context, &DeskContext::loggedIn);
        context.workOffline(*last);
        QVERIFY(opened.wait(10000));
        WindowWorkspace ws(context);
        ws.setOpenNotices(false);
        ws.show();
        QVERIFY(ws.selectApplication(appId));
        QString reason;
        QCOMPARE(ws.materialCheck(rejectedKey, &reason), QStringLiteral("rejected"));
        QCOMPARE(reason, QStringLiteral("未加盖公章"));
        QCOMPARE(ws.materialCheck(passedKey), QStringLiteral("passed"));
        auto *checks = ws.findChild<QTableWidget *>(QStringLiteral("materialChecks"));
        QCOMPARE(checks->item(0, 2)->text(), QStringLiteral("未加盖公章"));

        // 补正: the rejected material is already checked in the dialog; the notice lists it.
        bool preChecked = false;
        answerNextDialog(
            [&](FormDialog &d) { preChecked = d.checked(QStringLiteral("materials")) == QStringList{rejectedKey}; });
        QTest::mouseClick(ws.findChild<QPushButton *>(QStringLiteral("requestSupplement")), Qt::LeftButton);
        QVERIFY2(waitFor([&] { return !ws.lastNotice().isEmpty(); }), qPrintable(ws.message()));
        QVERIFY(preChecked);
        const QString text = pdfText(ws.lastNotice());
        QVERIFY2(text.contains(rejectedKey), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("未加盖公章")), qPrintable(text));
        QVERIFY(!text.contains(passedKey));
        QCOMPARE(context.pendingOps(), 1);
        const auto op = context.cache().ops(QStringLiteral("pending")).front();
        QCOMPARE(op.command, QStringLiteral("request_supplement"));
        QVERIFY(QString::fromStdString(op.args.value("opinion", std::string())).contains(QStringLiteral("未加盖公章")));
    }

    void acceptWithToleranceAndCommitment()
    {
        // A stage-3 application filed at the window without 650100-ZJJ-003/M05: the item allows 容缺
        // and 告知承诺: the acceptance dialog offers exactly those from the catalog, the notice lists
        // them, the server accepts, and the cases carry them.
        QTemporaryDir dir;
        DeskContext context(dir.path());
        QVERIFY(login(context, QStringLiteral("clerk")));
        QVERIFY(sync(context));
        const json catalog = m_server.get("/api/v1/catalog/items/650100-ZJJ-003").json();
        QVERIFY(catalog.is_object());
        QVERIFY(catalog.value("tolerance_allowed", false) && catalog.value("commitment_allowed", false));
        const QString appId = stage3Application({"650100-ZJJ-003/M05"});
        QVERIFY(!appId.isEmpty());
        QVERIFY(sync(context));
        QVERIFY(!context.cache().application(appId)->hasMaterial("650100-ZJJ-003", "M05"));
        WindowWorkspace ws(context);
        ws.setOpenNotices(false);
        ws.show();
        QVERIFY(ws.selectApplication(appId));
        QVERIFY(
            waitFor([&] { return !context.cache().meta(QStringLiteral("catalog_item/650100-ZJJ-003")).isEmpty(); }));
        QStringList offeredTolerated, offeredCommitment;
        answerNextDialog([&](FormDialog &d) {
            auto *tolerated = d.findChild<QListWidget *>(QStringLiteral("tolerated"));
            auto *commitment = d.findChild<QListWidget *>(QStringLiteral("commitment"));
            for (int i = 0; tolerated && i < tolerated->count(); ++i) {
                offeredTolerated << tolerated->item(i)->data(Qt::UserRole).toString();
                tolerated->item(i)->setCheckState(Qt::Checked);
            }
            for (int i = 0; commitment && i < commitment->count(); ++i) {
                offeredCommitment << commitment->item(i)->data(Qt::UserRole).toString();
                if (commitment->item(i)->data(Qt::UserRole).toString() == QLatin1String("650100-ZJJ-003"))
                    commitment->item(i)->setCheckState(Qt::Checked);
            }
        });
        QTest::mouseClick(ws.findChild<QPushButton *>(QStringLiteral("accept")), Qt::LeftButton);
        QVERIFY2(waitFor([&] { return !ws.lastNotice().isEmpty(); }), qPrintable(ws.message()));
        QVERIFY2(offeredTolerated.contains(QStringLiteral("650100-ZJJ-003/M05")),
                 qPrintable(offeredTolerated.join(u',')));
        for (const auto &t : offeredTolerated) // only tolerable materials of items that allow it
            QVERIFY2(t.startsWith(QLatin1String("650100-ZJJ-003/")) || t.startsWith(QLatin1String("650100-SWJ-001/"))
                         || t.startsWith(QLatin1String("650100-ZJJ-004/"))
                         || t.startsWith(QLatin1String("650100-ZRZY-005/")),
                     qPrintable(t));
        QVERIFY(offeredCommitment.contains(QStringLiteral("650100-ZJJ-003")));
        QVERIFY(!offeredCommitment.contains(QStringLiteral("650100-ZJJ-001"))); // not allowed
        const QString text = pdfText(ws.lastNotice());
        QVERIFY2(text.contains(QStringLiteral("容缺")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("650100-ZJJ-003/M05")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("告知承诺")), qPrintable(text));
        QVERIFY(sync(context));
        QCOMPARE(context.failedOps(), 0);
        const auto app = context.cache().application(appId);
        QVERIFY(app->status == ApplicationStatus::InReview);
        bool tolerated = false, committed = false;
        for (const auto &k : app->cases) {
            if (k.itemCode != "650100-ZJJ-003")
                continue;
            committed = k.commitment;
            for (const auto &m : k.toleratedMaterials)
                tolerated = tolerated || m == "650100-ZJJ-003/M05";
        }
        QVERIFY(tolerated);
        QVERIFY(committed);
    }

    void unifiedDelivery()
    {
        // 统一出件: a concluded application waits in the tab; posting it needs the tracking number
        // (the dialog says so and keeps what was typed); recorded, it leaves the list and the
        // server has it delivered by post.
        QTemporaryDir dir;
        DeskContext context(dir.path());
        QVERIFY(login(context, QStringLiteral("clerk")));
        QVERIFY(sync(context));
        const QString appId = concludedApplication();
        QVERIFY(!appId.isEmpty());
        QVERIFY(sync(context));
        QCOMPARE(m_server.sql("SELECT status FROM applications WHERE id = '" + appId.toStdString() + "'")[0][0],
                 std::string("concluded"));
        WindowWorkspace ws(context);
        ws.setOpenNotices(false);
        ws.resize(1280, 800);
        ws.show();
        const auto waiting = context.cache().applications({QStringLiteral("concluded"), QStringLiteral("not_passed")});
        auto *list = ws.findChild<QTableView *>(QStringLiteral("deliveryQueue"));
        QCOMPARE(list->model()->rowCount(), int(waiting.size()));
        ws.tabs()->setCurrentIndex(2);
        QVERIFY(ws.selectDelivery(appId));
        auto *deliver = ws.findChild<QPushButton *>(QStringLiteral("deliver"));
        QVERIFY(deliver->isEnabled());

        QString refusal;
        bool stayedOpen = false;
        auto *timer = new QTimer(this);
        timer->setInterval(20);
        int step = 0;
        connect(timer, &QTimer::timeout, this, [&] {
            auto *d = qobject_cast<FormDialog *>(QApplication::activeModalWidget());
            if (!d)
                return;
            if (step == 0) {
                d->findChild<QComboBox *>(QStringLiteral("method"))->setCurrentIndex(2); // 邮寄
                d->findChild<QLineEdit *>(QStringLiteral("recipient"))->setText(QStringLiteral("王建国"));
                d->accept(); // no tracking number: refused, stays open
                stayedOpen = d->isVisible();
                refusal = d->findChild<QLabel *>(QStringLiteral("formError"))->text();
                step = 1;
            } else {
                d->findChild<QLineEdit *>(QStringLiteral("tracking"))->setText(QStringLiteral("EMS1178899665"));
                timer->stop();
                d->accept();
            }
        });
        timer->start();
        QTest::mouseClick(deliver, Qt::LeftButton);
        QVERIFY(stayedOpen);
        QCOMPARE(refusal, QStringLiteral("邮寄送达须填写邮件单号"));
        auto *message = ws.findChild<QLabel *>(QStringLiteral("deliveryMessage"));
        QVERIFY2(waitFor([&] { return message->text().startsWith(QStringLiteral("已记录出件")); }),
                 qPrintable(message->text()));
        QVERIFY(message->text().contains(QStringLiteral("EMS1178899665")));
        QCOMPARE(context.pendingOps(), 1);
        // Decided here at once, with its fields (not folded into a text).
        QCOMPARE(ws.deliveryRecord(appId).value("tracking_no", std::string()), std::string("EMS1178899665"));
        QCOMPARE(ws.deliveryRecord(appId).value("recipient", std::string()), std::string("王建国"));
        QCOMPARE(ws.deliveryRecord(appId).value("method", std::string()), std::string("post"));
        // Delivered locally at once: it leaves the list.
        QCOMPARE(list->model()->rowCount(), int(waiting.size()) - 1);
        QVERIFY(!ws.selectDelivery(appId));
        QVERIFY(sync(context));
        QCOMPARE(context.failedOps(), 0);
        QCOMPARE(m_server.sql("SELECT status FROM applications WHERE id = '" + appId.toStdString() + "'")[0][0],
                 std::string("delivered"));
        QVERIFY(context.cache().application(appId)->status == ApplicationStatus::Delivered);
        // The server has the delivery as fields, with the time the clerk recorded it.
        const json server = m_server.get("/api/v1/applications/" + appId.toStdString(), m_server.login("clerk")).json();
        QCOMPARE(server["delivery"]["method"], "post");
        QCOMPARE(server["delivery"]["tracking_no"], "EMS1178899665");
        QCOMPARE(server["delivery"]["recipient"], "王建国");
        QVERIFY(server["delivery"]["delivered_at"].is_string());
        QVERIFY(server["timeline"].back()["text"].get<std::string>().find("EMS") == std::string::npos);
        const auto synced = context.cache().application(appId);
        QVERIFY(synced->delivery);
        QCOMPARE(synced->delivery->trackingNo, std::string("EMS1178899665"));
        QVERIFY(synced->delivery->at <= QDateTime::currentMSecsSinceEpoch());
    }

    void logoutWipesOnlyWhenNothingIsLost()
    {
        // Ctrl+Shift+Q: with an unsent command, wiping asks first; "cancel" keeps everything;
        // confirming deletes the cache, its files and the offline session.
        const QString appId = freshApplication(false);
        QTemporaryDir dir;
        DeskContext context(dir.path());
        QVERIFY(login(context, QStringLiteral("clerk")));
        QVERIFY(sync(context));
        const QString cacheFile = context.cache().path();
        QVERIFY(QFile::exists(cacheFile));
        QSignalSpy done(&context, &DeskContext::commandFinished);
        context.command(CommandKind::Refuse, appId, {{"reason", "不属于本窗口受理范围"}});
        QVERIFY(done.wait(10000));
        QCOMPARE(context.pendingOps(), 1);
        QString error;
        QVERIFY(!context.logout(true, false, &error)); // the API refuses too
        QVERIFY(error.contains(QStringLiteral("未同步")));
        QVERIFY(context.isLoggedIn());

        MainWindow window(context);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy out(&context, &DeskContext::loggedOut);
        const auto logoutWith = [&](QMessageBox::StandardButton answer) {
            QString asked;
            auto *timer = new QTimer(&window);
            timer->setInterval(20);
            connect(timer, &QTimer::timeout, &window, [timer, answer, &asked] {
                QWidget *modal = QApplication::activeModalWidget();
                if (auto *d = qobject_cast<FormDialog *>(modal)) {
                    d->findChild<QListWidget *>(QStringLiteral("wipe"))->item(0)->setCheckState(Qt::Checked);
                    d->accept();
                } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                    asked = box->text();
                    timer->stop();
                    timer->deleteLater();
                    box->button(answer)->click();
                }
            });
            timer->start();
            QApplication::setActiveWindow(&window); // offscreen: not given back after a dialog
            if (!QTest::qWaitForWindowActive(&window))
                return QStringLiteral("window not active");
            QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
            return asked;
        };
        const QString asked = logoutWith(QMessageBox::Cancel);
        QVERIFY2(asked.contains(QStringLiteral("1 个操作尚未同步")), qPrintable(asked));
        QCOMPARE(out.count(), 0);
        QVERIFY(context.isLoggedIn());
        QCOMPARE(context.pendingOps(), 1);
        QVERIFY(QFile::exists(cacheFile));

        logoutWith(QMessageBox::Discard);
        QCOMPARE(out.count(), 1);
        QVERIFY(!context.isLoggedIn());
        QVERIFY(!QFile::exists(cacheFile));
        QVERIFY(!DeskContext::lastSession(dir.path()));
        // The server ended the session too: its refresh tokens are revoked.
        QVERIFY(std::stoi(m_server.sql("SELECT COUNT(*) FROM refresh_tokens WHERE revoked_at IS NOT NULL AND user_id = "
                                       "(SELECT id FROM users WHERE username = 'clerk')")[0][0])
                > 0);
    }

    void logoutKeepsTheOutboxForNextTime()
    {
        const QString appId = freshApplication(false);
        QTemporaryDir dir;
        {
            DeskContext context(dir.path());
            QVERIFY(login(context, QStringLiteral("clerk")));
            QVERIFY(sync(context));
            QSignalSpy done(&context, &DeskContext::commandFinished);
            context.command(CommandKind::Refuse, appId, {{"reason", "不属于本窗口受理范围"}});
            QVERIFY(done.wait(10000));
            QVERIFY(context.logout(false));
            QVERIFY(!context.isLoggedIn());
        }
        DeskContext again(dir.path());
        QVERIFY(login(again, QStringLiteral("clerk")));
        QCOMPARE(again.pendingOps(), 1);
        QVERIFY(sync(again));
        QCOMPARE(again.pendingOps(), 0);
        QCOMPARE(m_server.sql("SELECT status FROM applications WHERE id = '" + appId.toStdString() + "'")[0][0],
                 std::string("refused"));
    }

    void expiredSessionAsksForThePasswordAndLosesNothing()
    {
        const QString appId = freshApplication(false);
        QTemporaryDir dir;
        DeskContext context(dir.path());
        QVERIFY(login(context, QStringLiteral("clerk")));
        QVERIFY(sync(context));
        MainWindow window(context);
        window.show();
        QSignalSpy done(&context, &DeskContext::commandFinished);
        context.command(CommandKind::Refuse, appId, {{"reason", "不属于本窗口受理范围"}});
        QVERIFY(done.wait(10000));
        // The server ends every session of the clerk (as an administrator would).
        m_server.sql("UPDATE refresh_tokens SET revoked_at = 1 WHERE revoked_at IS NULL AND user_id = "
                     "(SELECT id FROM users WHERE username = 'clerk')");
        // A session ended outside the server stops its access tokens within a second (the server
        // believes a session it found open that long: AuthService::kSessionRecheck); the desk's
        // next request comes after that.
        QTest::qWait(1250);
        QStringList notes;
        int asked = 0;
        auto *timer = new QTimer(&window);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, &window, [&] {
            auto *d = qobject_cast<FormDialog *>(QApplication::activeModalWidget());
            if (!d || d->objectName() != QLatin1String("passwordDialog"))
                return;
            for (auto *label : d->findChildren<QLabel *>())
                notes << label->text();
            // First a wrong password (asked again), then the right one.
            d->findChild<QLineEdit *>(QStringLiteral("password"))
                ->setText(asked++ == 0 ? QStringLiteral("wrong-password") : QStringLiteral("Demo@2026"));
            d->accept();
        });
        timer->start();
        QSignalSpy expired(&context, &DeskContext::sessionExpired);
        QSignalSpy reauth(&context, &DeskContext::reauthenticated);
        context.syncNow();
        QVERIFY(expired.wait(20000));
        QVERIFY(waitFor([&] { return context.pendingOps() == 0 && !context.syncing(); }, 30000));
        timer->stop();
        QCOMPARE(asked, 2);
        QCOMPARE(reauth.count(), 2);
        QVERIFY(!reauth.at(0).at(0).toBool());
        QVERIFY(reauth.at(1).at(0).toBool());
        QVERIFY2(notes.join(u'|').contains(QStringLiteral("未同步的 1 个操作已保留")), qPrintable(notes.join(u'|')));
        QCOMPARE(context.failedOps(), 0);
        QCOMPARE(m_server.sql("SELECT status FROM applications WHERE id = '" + appId.toStdString() + "'")[0][0],
                 std::string("refused"));
    }

    void firstSyncShowsProgress()
    {
        QTemporaryDir dir;
        DeskContext context(dir.path());
        QVERIFY(login(context, QStringLiteral("clerk")));
        MainWindow window(context);
        window.show();
        bool shown = false;
        int lastRows = 0, lastPages = 0;
        connect(&context, &DeskContext::syncProgress, this, [&](int pages, int rows, bool first) {
            shown = shown || (first && window.progressVisible());
            lastRows = rows;
            lastPages = pages;
        });
        QVERIFY(sync(context));
        QVERIFY(shown);
        QVERIFY(lastRows > 0);
        QVERIFY(!window.progressVisible());
        QCOMPARE(window.progressText(),
                 QStringLiteral("首次同步完成：第 %1 页，已接收 %2 条").arg(lastPages).arg(lastRows));
        // An incremental sync shows no bar.
        shown = false;
        QVERIFY(sync(context));
        QVERIFY(!shown);
    }

    void walkInFiling()
    {
        // 窗口代办 with the extranet down: the clerk files stage 3 for a walk-in applicant with the
        // portal's form definition (cached) and a scanned material; it is in the window's queue at
        // once as pending. Back online, one sync: the server has it as a window application of the
        // project's owner with the scan as the material's file, and the queue shows the server's.
        const std::string projectId = stage3Project();
        QVERIFY(!projectId.empty());
        const std::string clerkToken = m_server.login("clerk");
        const json p = m_server.get("/api/v1/projects/" + projectId, clerkToken).json();
        const json guide = spgl::test::stageGuide(m_server, 3);
        const json form = spgl::test::fillForm(guide["form"], p);
        QTemporaryDir dir;
        const std::string scanned = spgl::test::pdfBytes(40000, 5);
        const QString scan = writeFile(dir.filePath(QStringLiteral("施工图审查合格书扫描件.pdf")), scanned);
        ProxiedWindow window(quint16(m_server.port()), dir.path());
        QVERIFY(openClerkWindow(window));
        auto &proxy = window.proxy;
        auto &context = window.context;
        auto &ws = *window.ws;
        proxy.setOffline(true);
        QString key, failure;
        fileWalkIn(ws, projectId, form, [&](WalkInDialog &d) {
            key = d.materials().value(0);
            if (!d.attachFile(key, scan))
                failure = QStringLiteral("attachFile refused");
        });
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY2(ws.message().startsWith(QStringLiteral("已代办申报 W-")), qPrintable(ws.message()));
        const QString local = ws.message().section(QLatin1Char(' '), 1, 1).section(QStringLiteral("（"), 0, 0);
        QVERIFY(ws.selectApplication(local)); // in the queue at once
        QCOMPARE(context.pendingOps(), 1);
        QVERIFY(!sync(context)); // the link is down: kept
        QVERIFY(!context.online());
        QCOMPARE(context.pendingOps(), 1);
        QVERIFY(m_server.sql("SELECT id FROM applications WHERE stage = 3 AND project_id = " + projectId).empty());

        proxy.setOffline(false);
        QVERIFY(sync(context));
        QCOMPARE(context.pendingOps(), 0);
        QCOMPARE(context.failedOps(), 0);
        const auto row = m_server.sql("SELECT id, status, channel, CAST(applicant_id AS TEXT) FROM applications WHERE "
                                      "stage = 3 AND project_id = "
                                      + projectId);
        QCOMPARE(row.size(), std::size_t(1));
        QCOMPARE(row[0][1], std::string("submitted"));
        QCOMPARE(row[0][2], std::string("window"));
        QCOMPARE(row[0][3], p["owner_id"].get<std::string>());
        const QString appId = QString::fromStdString(row[0][0]);
        QVERIFY(waitFor([&] { return ws.selectApplication(appId); }));
        QVERIFY(!ws.selectApplication(local));
        const auto app = context.cache().application(appId);
        QVERIFY(app);
        QCOMPARE(QString::fromStdString(app->channel), QStringLiteral("window"));
        int scans = 0;
        for (const auto &m : app->materials) {
            if (QString::fromStdString(m.key()) == key) {
                QCOMPARE(m.fileId, spgl::test::sha256Hex(scanned));
                ++scans;
            } else {
                QVERIFY(m.fileId.empty()); // paper originals
            }
        }
        QCOMPARE(scans, 1);
    }

    void walkInRefusedIsRedoneOrDropped()
    {
        // Filed offline, but the applicant filed the same stage online meanwhile: after the sync the
        // outbox shows the server's reason and the queue says the server did not take it; 重做
        // opens the walk-in form again with what was filed (the scan too); 放弃 takes it away.
        const std::string projectId = stage3Project();
        QVERIFY(!projectId.empty());
        const json p = m_server.get("/api/v1/projects/" + projectId, m_server.login("clerk")).json();
        const json guide = spgl::test::stageGuide(m_server, 3);
        const json form = spgl::test::fillForm(guide["form"], p);
        QTemporaryDir dir;
        const QString scan = writeFile(dir.filePath(QStringLiteral("扫描件.pdf")), spgl::test::pdfBytes(30000, 6));
        ProxiedWindow window(quint16(m_server.port()), dir.path());
        QVERIFY(openClerkWindow(window));
        auto &proxy = window.proxy;
        auto &context = window.context;
        auto &ws = *window.ws;
        proxy.setOffline(true);
        QString key;
        fileWalkIn(ws, projectId, form, [&](WalkInDialog &d) {
            key = d.materials().value(0);
            d.attachFile(key, scan);
        });
        const QString local = ws.message().section(QLatin1Char(' '), 1, 1).section(QStringLiteral("（"), 0, 0);
        QVERIFY2(LocalCache::isFilingId(local), qPrintable(ws.message()));
        QCOMPARE(m_server
                     .postJson("/api/v1/applications",
                               {{"project_id", projectId},
                                {"stage", 3},
                                {"form", form},
                                {"materials", spgl::test::materialsFor(spgl::test::applyingItems(guide, form, p), {})}},
                               m_server.login("applicant"))
                     .status,
                 201);
        proxy.setOffline(false);
        QVERIFY(sync(context));
        QCOMPARE(context.failedOps(), 1);
        auto *table = ws.findChild<QTableWidget *>(QStringLiteral("outboxTable"));
        QVERIFY(waitFor([&] { return table->rowCount() == 1; }));
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("窗口代办申报"));
        QVERIFY2(table->item(0, 3)->text().contains(QStringLiteral("已有办理中的申报")),
                 qPrintable(table->item(0, 3)->text()));
        QVERIFY(table->item(0, 1)->text().startsWith(local));
        QVERIFY(ws.selectApplication(local)); // still shown, marked
        auto *queue = ws.findChild<QTableView *>(QStringLiteral("applicationQueue"));
        QVERIFY(queue);
        bool marked = false;
        for (int r = 0; r < queue->model()->rowCount(); ++r)
            for (int c = 0; c < queue->model()->columnCount(); ++c)
                marked
                    = marked
                      || queue->model()->index(r, c).data().toString().contains(QStringLiteral("服务器未受理此代办"));
        QVERIFY(marked);

        // 重做: the walk-in form again, filled as filed, with the scan; cancelled here.
        json prefilled;
        QString attached;
        auto *timer = new QTimer(this);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, this, [&] {
            auto *d = qobject_cast<WalkInDialog *>(QApplication::activeModalWidget());
            if (!d)
                return;
            timer->stop();
            prefilled = d->form();
            attached = d->attachedFile(key);
            d->reject();
        });
        timer->start();
        connect(&ws, &QObject::destroyed, timer, &QObject::deleteLater);
        table->selectRow(0);
        QTest::mouseClick(ws.findChild<QPushButton *>(QStringLiteral("redoOp")), Qt::LeftButton);
        QVERIFY(!prefilled.empty());
        for (const auto &[name, value] : form.items())
            if (prefilled.contains(name) && value.is_string())
                QCOMPARE(prefilled[name], value);
        QCOMPARE(QFileInfo(attached).fileName(),
                 QString::fromStdString(spgl::test::sha256Hex(spgl::test::pdfBytes(30000, 6))));
        QCOMPARE(context.failedOps(), 1); // cancelled: nothing changed

        // 放弃: the refused filing and its local application go.
        const QString opId = context.cache().ops(QStringLiteral("conflict")).front().opId;
        QVERIFY(context.dropOp(opId));
        QCOMPARE(context.failedOps(), 0);
        QVERIFY(!ws.selectApplication(local));
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
    bool login(DeskContext &context, const QString &user, quint16 proxyPort = 0)
    {
        QSignalSpy spy(&context, &DeskContext::loggedIn);
        context.login(proxyPort ? QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxyPort)) : m_url, user,
                      QStringLiteral("Demo@2026"));
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

    /// A clerk's desktop whose link to the server goes through a proxy that can take it down.
    struct ProxiedWindow
    {
        ProxiedWindow(quint16 serverPort, const QString &dir)
            : proxy(serverPort)
            , context(dir)
        {}
        spgl::test::CutProxy proxy;
        DeskContext context;
        std::unique_ptr<WindowWorkspace> ws;
    };

    /// Logs the clerk in through the proxy, syncs (projects and guides) and shows the window workspace.
    bool openClerkWindow(ProxiedWindow &w)
    {
        if (!login(w.context, QStringLiteral("clerk"), w.proxy.port()) || !sync(w.context))
            return false;
        w.ws = std::make_unique<WindowWorkspace>(w.context);
        w.ws->setOpenNotices(false);
        w.ws->show();
        return true;
    }

    /// Writes @p bytes to @p path (a scan the clerk attaches); returns the path.
    static QString writeFile(const QString &path, const std::string &bytes)
    {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes.data(), qint64(bytes.size()));
        return path;
    }

    /// A demo project (政府投资) whose stage 2 is delivered and passed, with nothing filed for
    /// stage 3 yet (the newest such); its id, or "" when none is left.
    std::string stage3Project()
    {
        const auto rows = m_server.sql(
            "SELECT p.id FROM projects p WHERE p.process_type = 1 AND EXISTS (SELECT 1 FROM applications a WHERE "
            "a.project_id = p.id AND a.stage = 2 AND a.status = 'delivered' AND NOT EXISTS (SELECT 1 FROM cases c "
            "WHERE c.application_id = a.id AND c.status = 'disapproved')) AND NOT EXISTS (SELECT 1 FROM "
            "applications a WHERE a.project_id = p.id AND a.stage >= 3) ORDER BY p.id DESC");
        return rows.empty() ? std::string() : rows[0][0];
    }

    /// Files stage 3 of @p projectId through the window workspace's 窗口代办 dialog with @p form,
    /// after @p more (attachments) — as a clerk would, keyboard and all.
    void fileWalkIn(WindowWorkspace &ws, const std::string &projectId, const json &form,
                    const std::function<void(WalkInDialog &)> &more)
    {
        int step = 0;
        auto *timer = new QTimer(this);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, this, [&, timer] {
            auto *d = qobject_cast<WalkInDialog *>(QApplication::activeModalWidget());
            if (!d)
                return;
            if (step == 0) {
                if (!d->setProject(QString::fromStdString(projectId))) {
                    d->reject();
                    return;
                }
                d->setStage(3);
                d->loadGuide();
                step = 1;
            } else if (step == 1 && d->findChild<QPushButton *>(QStringLiteral("walkInSubmit"))->isEnabled()) {
                for (const auto &[name, value] : form.items())
                    d->setFieldValue(QString::fromStdString(name), value);
                more(*d);
                d->submit();
                step = 2;
            } else if (step == 2 && d->message().startsWith(QStringLiteral("未提交"))) {
                qWarning("walk-in refused: %s", qPrintable(d->message()));
                d->reject();
            }
        });
        timer->start();
        QTest::mouseClick(ws.findChild<QPushButton *>(QStringLiteral("walkIn")), Qt::LeftButton);
        timer->stop();
        timer->deleteLater();
    }

    /// A new application of stage 1 (政府投资) filed online; accepted by the window through the
    /// API when @p accept. Returns its id.
    QString freshApplication(bool accept, json *acceptedBody = nullptr)
    {
        static int serial = 0;
        const std::string applicant = m_server.login("applicant");
        const json p = spgl::test::tianshanProject(m_server, applicant, 900 + ++serial, "天山区社区服务中心");
        if (p.is_null())
            return {};
        const auto submitted = spgl::test::fileOnline(m_server, applicant, p, spgl::test::stageGuide(m_server, 1));
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

    /// A submitted application whose first two required materials of a 自然资源局 item are a
    /// two-page PDF (@p pdfKey) and a 320×200 PNG (@p pngKey), the rest paper originals.
    QString applicationWithFiles(QString *pdfKey, QString *pngKey, json *guideOut)
    {
        QByteArray pdf;
        {
            QBuffer buffer(&pdf);
            buffer.open(QIODevice::WriteOnly);
            QPdfWriter writer(&buffer);
            writer.setPageSize(QPageSize(QPageSize::A4));
            QPainter painter(&writer);
            painter.drawText(QPointF(200, 400), QStringLiteral("用地范围图 第一页"));
            writer.newPage();
            painter.drawText(QPointF(200, 400), QStringLiteral("第二页"));
        }
        QByteArray png;
        {
            QImage image(320, 200, QImage::Format_RGB32);
            image.fill(QColor(30, 120, 200));
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
        }
        const std::string applicant = m_server.login("applicant");
        const std::string shaPdf = spgl::test::uploadFile(m_server, applicant, "用地范围图.pdf", pdf.toStdString());
        const std::string shaPng = spgl::test::uploadFile(m_server, applicant, "现场照片.png", png.toStdString());
        if (shaPdf.empty() || shaPng.empty())
            return {};
        static int serial = 0;
        const json p = spgl::test::tianshanProject(m_server, applicant, 700 + ++serial, "天山区文化活动中心");
        if (p.is_null())
            return {};
        const json guide = spgl::test::stageGuide(m_server, 1);
        if (guideOut)
            *guideOut = guide;
        const json form = spgl::test::fillForm(guide["form"], p);
        const auto items = spgl::test::applyingItems(guide, form, p);
        std::map<std::string, std::string> files;
        for (const auto &item : items) {
            if (item["department"] != "11650100ZRZY" || !files.empty())
                continue;
            std::vector<std::string> required;
            for (const auto &m : item["materials"])
                if (m["requirement"] == "required")
                    required.push_back(item["code"].get<std::string>() + "/" + m["code"].get<std::string>());
            if (required.size() >= 2) {
                files[required[0]] = shaPdf;
                files[required[1]] = shaPng;
                *pdfKey = QString::fromStdString(required[0]);
                *pngKey = QString::fromStdString(required[1]);
            }
        }
        if (files.size() != 2)
            return {};
        const auto submitted = m_server.postJson("/api/v1/applications",
                                                 {{"project_id", p["id"]},
                                                  {"stage", 1},
                                                  {"form", form},
                                                  {"materials", spgl::test::materialsFor(items, {}, files)}},
                                                 applicant);
        if (submitted.status != 201)
            return {};
        return QString::fromStdString(submitted.json()["id"].get<std::string>());
    }

    /// A stage-3 application filed at the window (窗口代办) for a demo project whose stage 2 is
    /// delivered, leaving out the materials @p leaveOut. Returns its id.
    QString stage3Application(const std::set<std::string> &leaveOut)
    {
        const std::string clerk = m_server.login("clerk");
        const auto rows = m_server.sql(
            "SELECT p.id FROM projects p WHERE p.process_type = 1 AND EXISTS (SELECT 1 FROM applications a WHERE "
            "a.project_id = p.id AND a.stage = 2 AND a.status = 'delivered') AND NOT EXISTS (SELECT 1 FROM "
            "applications a WHERE a.project_id = p.id AND a.stage >= 3) ORDER BY p.id");
        const json guide = spgl::test::stageGuide(m_server, 3);
        for (const auto &row : rows) {
            const auto project = m_server.get("/api/v1/projects/" + row[0], clerk);
            if (project.status != 200)
                continue;
            const json p = project.json();
            const json form = spgl::test::fillForm(guide["form"], p);
            const auto submitted = m_server.postJson(
                "/api/v1/applications",
                {{"project_id", p["id"]},
                 {"stage", 3},
                 {"channel", "window"},
                 {"form", form},
                 {"materials", spgl::test::materialsFor(spgl::test::applyingItems(guide, form, p), leaveOut)}},
                clerk);
            if (submitted.status == 201)
                return QString::fromStdString(submitted.json()["id"].get<std::string>());
        }
        return {};
    }

    /// A fresh stage-1 application accepted, every case claimed and approved by its department:
    /// concluded, waiting for 统一出件.
    QString concludedApplication()
    {
        json accepted;
        const QString id = freshApplication(true, &accepted);
        if (id.isEmpty())
            return {};
        const std::map<std::string, std::string> reviewers
            = {{"11650100FGW", "rev.fgw"},   {"11650100ZRZY", "rev.zrzy"}, {"11650100ZJJ", "reviewer"},
               {"11650100STHJ", "rev.sthj"}, {"11650100SWJ", "rev.swj"},   {"11650100JTYS", "rev.jtys"},
               {"11650100RFB", "rev.rfb"},   {"11650100XFJY", "rev.xfjy"}, {"11650100CSGL", "rev.csgl"},
               {"11650100DAG", "rev.dag"}};
        int n = 0;
        for (const auto &k : accepted["cases"]) {
            const auto who = reviewers.find(k.value("department", std::string()));
            if (who == reviewers.end())
                return {};
            const std::string token = m_server.login(who->second);
            const std::string caseId = k["id"].get<std::string>();
            if (m_server.postJson("/api/v1/cases/" + caseId + "/claim", json::object(), token).status != 200)
                return {};
            const auto decided = m_server.postJson(
                "/api/v1/cases/" + caseId + "/decide",
                {{"outcome", "approved"},
                 {"opinion", "经审查，符合要求，同意。"},
                 {"document",
                  spgl::test::resultDocument("乌审批〔2026〕" + std::to_string(++n) + "号",
                                             "关于" + k.value("item_name", std::string()) + "的批复", "2026-11-27")}},
                token);
            if (decided.status != 200)
                return {};
        }
        return id;
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
