// A server killed with SIGKILL in the middle of writes loses no write it acknowledged.
#include "testserver.h"

#include <QtTest>

#include <atomic>
#include <mutex>
#include <thread>

using spgl::test::TestServer;

class tst_Durability : public QObject
{
    Q_OBJECT
private slots:
    void killDuringWritesLosesNothingAcknowledged()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const std::string token = server.login("applicant");
        QVERIFY(!token.empty());

        std::mutex mutex;
        std::vector<std::string> acknowledged;
        std::atomic<bool> stop{false};
        std::atomic<int> attempts{0};
        std::vector<std::thread> writers;
        for (int w = 0; w < 4; ++w) {
            writers.emplace_back([&, w] {
                for (int i = 0; !stop && i < 100000; ++i) {
                    ++attempts;
                    const auto reply = server.request(
                        "POST", "/api/v1/uploads",
                        R"({"filename":"w)" + std::to_string(w) + "-" + std::to_string(i) + R"(.pdf"})",
                        {{"Content-Type", "application/json"}, {"Upload-Length", "1000"}}, token);
                    if (reply.status == 0)
                        break; // the server is gone
                    if (reply.status == 201) {
                        std::lock_guard lock(mutex);
                        acknowledged.push_back(reply.json()["id"]);
                    }
                }
            });
        }
        // Let the writers run until a good number of writes is acknowledged, then pull the plug.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                std::lock_guard lock(mutex);
                return acknowledged.size() >= 150;
            }(),
            60000);
        server.kill();
        stop = true;
        for (auto &t : writers)
            t.join();
        QVERIFY(!acknowledged.empty());

        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const std::string again = server.login("applicant");
        int missing = 0;
        for (const auto &id : acknowledged) {
            if (server.get("/api/v1/uploads/" + id, again).status != 200)
                ++missing;
        }
        qInfo("acknowledged %zu of %d attempted writes before SIGKILL; missing after restart: %d", acknowledged.size(),
              attempts.load(), missing);
        QCOMPARE(missing, 0);
        // The audit chain survived the crash too.
        QString out;
        QCOMPARE(server.runCommand({QStringLiteral("audit"), QStringLiteral("verify")}, &out), 0);
    }

    void sigtermFinishesTheRequestInFlight()
    {
        TestServer server;
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const std::string token = server.login("applicant");
        // A slow upload is in flight when SIGTERM arrives: it completes and the server exits 0.
        const std::string content = "%PDF-1.7\n" + std::string(200000, 'x');
        const auto created = server.request(
            "POST", "/api/v1/uploads", R"({"filename":"slow.pdf"})",
            {{"Content-Type", "application/json"}, {"Upload-Length", std::to_string(content.size())}}, token);
        QCOMPARE(created.status, 201);
        const std::string id = created.json()["id"];
        spgl::test::HttpReply reply;
        std::thread client([&] { reply = server.slowPatch("/api/v1/uploads/" + id, content, token, 600); });
        QTest::qWait(300);
        const int code = server.stop();
        client.join();
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()["status"], "complete");
        QCOMPARE(code, 0);
    }
};

QTEST_GUILESS_MAIN(tst_Durability)
#include "tst_durability.moc"
