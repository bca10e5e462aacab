// ResponseCache: served only while no write was seen since it was read; read again (by one request,
// the others served meanwhile) once the tick moved; least recently used out first.
#include "http/responsecache.h"

#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using spgl::server::DataGeneration;
using spgl::server::Response;
using spgl::server::ResponseCache;

namespace {
DataGeneration at(std::uint64_t writes, std::uint64_t tick = 0)
{
    return {writes, tick};
}

Response body(std::string text, int status = 200)
{
    Response r;
    r.status = status;
    r.body = std::move(text);
    return r;
}
} // namespace

class tst_ResponseCache : public QObject
{
    Q_OBJECT
private slots:
    void servedOnlyAtItsGeneration()
    {
        ResponseCache cache;
        cache.store("cases\n7", at(5), body("[1,2,3]"));
        const auto kept = cache.find("cases\n7", at(5));
        QVERIFY(kept);
        QCOMPARE(QString::fromStdString(kept->body), u"[1,2,3]"_qs);
        QVERIFY(!cache.find("cases\n8", at(5))); // another caller
        // The data moved on: the answer is gone for good, even if asked with the old number again.
        QVERIFY(!cache.find("cases\n7", at(6)));
        QVERIFY(!cache.find("cases\n7", at(5)));
        QCOMPARE(cache.size(), std::size_t(0));
        QCOMPARE(cache.bytes(), std::size_t(0));
    }

    void anOlderAnswerDoesNotReplaceANewerOne()
    {
        // Two requests computed at generations 3 and 4 finish in the wrong order.
        ResponseCache cache;
        cache.store("k", at(4), body("new"));
        cache.store("k", at(3), body("old"));
        QVERIFY(!cache.find("k", at(3)));
        QCOMPARE(QString::fromStdString(cache.find("k", at(4))->body), u"new"_qs);
        cache.store("k", at(5), body("newer"));
        QCOMPARE(QString::fromStdString(cache.find("k", at(5))->body), u"newer"_qs);
        QCOMPARE(cache.size(), std::size_t(1));
    }

    void onlyPlainSuccessesAreKept()
    {
        ResponseCache cache;
        cache.store("refused", at(1), body("{}", 403));
        QVERIFY(!cache.find("refused", at(1)));
        Response streamed = body({});
        streamed.writer = [](std::ostream &out) { out << "file"; };
        cache.store("file", at(1), streamed);
        QVERIFY(!cache.find("file", at(1)));
        QCOMPARE(cache.size(), std::size_t(0));
    }

    void leastRecentlyUsedGoFirst()
    {
        // Budget for about three of these answers.
        const std::string page(1000, 'x');
        ResponseCache cache(3 * 1100 + 500);
        cache.store("a", at(1), body(page));
        cache.store("b", at(1), body(page));
        cache.store("c", at(1), body(page));
        QVERIFY(cache.find("a", at(1))); // a is used again: b is now the oldest
        cache.store("d", at(1), body(page));
        QVERIFY(cache.find("a", at(1)));
        QVERIFY(!cache.find("b", at(1)));
        QVERIFY(cache.find("c", at(1)));
        QVERIFY(cache.find("d", at(1)));
        QVERIFY(cache.bytes() <= 3 * 1100 + 500);
    }

    void manyAskingAtOnceComputeItOnce()
    {
        // Sixty desks ask for the same list right after the data changed.
        ResponseCache cache;
        std::atomic<int> computed{0};
        std::atomic<int> hits{0};
        std::vector<std::thread> desks;
        for (int i = 0; i < 60; ++i)
            desks.emplace_back([&] {
                bool hit = false;
                const Response r = cache.answer(
                    "cases", at(9),
                    [&] {
                        ++computed;
                        std::this_thread::sleep_for(std::chrono::milliseconds(50)); // the query
                        return body("[42]");
                    },
                    &hit);
                if (r.body == "[42]" && hit)
                    ++hits;
            });
        for (auto &t : desks)
            t.join();
        QCOMPARE(computed.load(), 1);
        QCOMPARE(hits.load(), 59);
        // A failed computation is not shared: the next one tries again.
        int tries = 0;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, cache.answer("broken", at(9), [&]() -> Response {
            ++tries;
            throw std::runtime_error("database down");
        }));
        QCOMPARE(cache
                     .answer("broken", at(9),
                             [&] {
                                 ++tries;
                                 return body("ok");
                             })
                     .body,
                 std::string("ok"));
        QCOMPARE(tries, 2);
        // An error answer is not kept.
        QCOMPARE(cache.answer("refused", at(9), [] { return body("{}", 403); }).status, 403);
        QVERIFY(!cache.find("refused", at(9)));
    }

    void aFailureAfterANewerAnswerLeavesNothingBehind()
    {
        // A request computing at generation 1 fails only after one at generation 2 has finished.
        ResponseCache cache;
        std::atomic<bool> newerDone{false};
        std::thread older([&] {
            try {
                cache.answer("k", at(1), [&]() -> Response {
                    while (!newerDone)
                        std::this_thread::sleep_for(std::chrono::milliseconds(1));
                    throw std::runtime_error("database down");
                });
            } catch (const std::runtime_error &) {
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QCOMPARE(cache.answer("k", at(2), [] { return body("two"); }).body, std::string("two"));
        newerDone = true;
        older.join();
        bool hit = true;
        QCOMPARE(cache
                     .answer(
                         "k", at(3), [] { return body("three"); }, &hit)
                     .body,
                 std::string("three"));
        QVERIFY(!hit);
        QCOMPARE(cache
                     .answer(
                         "k", at(3), [] { return body("again"); }, &hit)
                     .body,
                 std::string("three"));
        QVERIFY(hit);
    }

    void aDueAnswerIsReadAgainByOneWhileTheOthersAreServed()
    {
        // PostgreSQL: no write seen, but two seconds went by (edits by hand are not seen).
        ResponseCache cache;
        cache.store("cases", at(4, 0), body("before"));
        QVERIFY(cache.find("cases", at(4, 0)));
        QVERIFY(!cache.find("cases", at(4, 1))); // due: not served as current

        // The first request after the tick reads it again (slowly) ...
        std::atomic<bool> reading{false};
        std::atomic<bool> release{false};
        Response readAgain;
        bool readerHit = true;
        std::thread reader([&] {
            readAgain = cache.answer(
                "cases", at(4, 1),
                [&] {
                    reading = true;
                    while (!release)
                        std::this_thread::sleep_for(std::chrono::milliseconds(1));
                    return body("after");
                },
                &readerHit);
        });
        QVERIFY(QTest::qWaitFor([&] { return reading.load(); }, 5000));
        // ... while the others get the answer kept, without waiting and without reading.
        int computed = 0;
        bool hit = false;
        const Response meanwhile = cache.answer(
            "cases", at(4, 1),
            [&] {
                ++computed;
                return body("also read");
            },
            &hit);
        QCOMPARE(QString::fromStdString(meanwhile.body), u"before"_qs);
        QVERIFY(hit);
        QCOMPARE(computed, 0);
        release = true;
        reader.join();
        QCOMPARE(QString::fromStdString(readAgain.body), u"after"_qs);
        QVERIFY(!readerHit);
        QCOMPARE(QString::fromStdString(cache.find("cases", at(4, 1))->body), u"after"_qs);

        // A write seen is different: nobody is served the answer from before it.
        release = false;
        reading = false;
        std::thread writer([&] {
            cache.answer("cases", at(5, 1), [&] {
                reading = true;
                while (!release)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                return body("written");
            });
        });
        QVERIFY(QTest::qWaitFor([&] { return reading.load(); }, 5000));
        std::atomic<bool> answered{false};
        Response waited;
        std::thread asker([&] {
            waited = cache.answer("cases", at(5, 1), [] { return body("read twice"); });
            answered = true;
        });
        QTest::qWait(50);
        QVERIFY(!answered); // it waits for the answer being read
        release = true;
        writer.join();
        asker.join();
        QCOMPARE(QString::fromStdString(waited.body), u"written"_qs);
    }

    void anAnswerTooBigForTheBudgetIsNotKept()
    {
        ResponseCache cache(8000);
        cache.store("small", at(1), body(std::string(100, 'x')));
        cache.store("huge", at(1), body(std::string(5000, 'x')));
        QVERIFY(!cache.find("huge", at(1)));
        QVERIFY(cache.find("small", at(1))); // and it did not push the others out
    }
};

QTEST_APPLESS_MAIN(tst_ResponseCache)
#include "tst_responsecache.moc"
