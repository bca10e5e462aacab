// JsonSpan: the change feed's pages read as spans of their text must accept exactly what a JSON
// parser accepts (nlohmann's, which reads the cached values back later) and hand out the same values.
#include "core/jsonspan.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <nlohmann/json.hpp>

using nlohmann::json;
using spgl::desk::JsonSpan;

class tst_JsonSpan : public QObject
{
    Q_OBJECT

private:
    static std::string kitCorpus()
    {
        QFile f(QStringLiteral(SPGL_KIT_DIR "/testdata/jsonlogic/tests.json"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll().toStdString();
    }

private Q_SLOTS:
    void membersAndElementsAreTheParsersValues()
    {
        const std::string text = R"( { "changes" : [ {"seq":1,"entity":"case","data":{"a":[1,2.5e3,-0,true,null],)"
                                 R"("b":"中文\"\\\/\n"}}, {"seq":2,"data":null} ], "next":"17", "has_more":false } )";
        const auto page = JsonSpan::members(text);
        QVERIFY(page);
        QCOMPARE(int(page->size()), 3);
        QCOMPARE(QString::fromStdString(page->at(0).key), QStringLiteral("changes"));
        QVERIFY(JsonSpan::string(JsonSpan::find(*page, "next")).value_or("") == "17");
        QVERIFY(JsonSpan::find(*page, "has_more") == std::string_view("false"));
        QVERIFY(JsonSpan::find(*page, "absent").empty());
        const auto changes = JsonSpan::elements(JsonSpan::find(*page, "changes"));
        QVERIFY(changes);
        QCOMPARE(int(changes->size()), 2);
        const auto first = JsonSpan::members(changes->at(0));
        QVERIFY(first);
        const std::string_view data = JsonSpan::find(*first, "data");
        // The span is the value's own text, which parses to the same value as the whole page's tree.
        QVERIFY(json::parse(data) == json::parse(text)["changes"][0]["data"]);
        QCOMPARE(JsonSpan::integer(JsonSpan::find(*first, "seq")).value_or(-1), 1LL);
        const auto second = JsonSpan::members(changes->at(1));
        QVERIFY(second && JsonSpan::isNull(JsonSpan::find(*second, "data")));
        QVERIFY(JsonSpan::isNull(JsonSpan::find(*second, "entity"))); // absent counts as null
    }

    void stringsDecodeEscapesAndSurrogatePairs()
    {
        QVERIFY(JsonSpan::string(R"("a\"b\\c\/d\b\f\n\r\t")").value_or("?") == std::string("a\"b\\c/d\b\f\n\r\t"));
        QVERIFY(JsonSpan::string(R"("\u4e2d\u6587 ok")").value_or("?") == std::string("中文 ok"));
        QVERIFY(JsonSpan::string(R"("\ud83d\ude00")").value_or("?") == std::string("\xF0\x9F\x98\x80"));
        QVERIFY(JsonSpan::string(R"("\u00e9\u0041")").value_or("?")
                == std::string("\xC3\xA9"
                               "A"));
        const auto escapedKey = JsonSpan::members(R"({"k\u0065y":1})");
        QVERIFY(escapedKey);
        QVERIFY(escapedKey->front().key == std::string("key"));
        QVERIFY(!JsonSpan::string("12"));
        QVERIFY(!JsonSpan::string(R"("open)"));
    }

    void integersOnlyWhole()
    {
        QCOMPARE(JsonSpan::integer("0").value_or(-1), 0LL);
        QCOMPARE(JsonSpan::integer("-42").value_or(0), -42LL);
        QCOMPARE(JsonSpan::integer("9223372036854775807").value_or(0), 9223372036854775807LL);
        QVERIFY(!JsonSpan::integer("9223372036854775808")); // does not fit
        QVERIFY(!JsonSpan::integer("1.5"));
        QVERIFY(!JsonSpan::integer("1e3"));
        QVERIFY(!JsonSpan::integer("\"3\""));
        QVERIFY(!JsonSpan::integer("01"));
    }

    void malformedTextIsRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("unterminated string") << QByteArray(R"({"a":"b)");
        QTest::newRow("unterminated object") << QByteArray(R"({"a":1)");
        QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})");
        QTest::newRow("trailing comma in array") << QByteArray("[1,2,]");
        QTest::newRow("missing colon") << QByteArray(R"({"a" 1})");
        QTest::newRow("unquoted key") << QByteArray("{a:1}");
        QTest::newRow("single quotes") << QByteArray("{'a':1}");
        QTest::newRow("garbage after") << QByteArray(R"({"a":1} x)");
        QTest::newRow("two values") << QByteArray("{} {}");
        QTest::newRow("control char in string") << QByteArray("[\"a\tb\"]");
        QTest::newRow("bad escape") << QByteArray(R"(["\x41"])");
        QTest::newRow("short unicode escape") << QByteArray(R"(["\u12"])");
        QTest::newRow("lone high surrogate") << QByteArray(R"(["\ud83d"])");
        QTest::newRow("lone low surrogate") << QByteArray(R"(["\ude00"])");
        QTest::newRow("leading zero") << QByteArray("[01]");
        QTest::newRow("bare minus") << QByteArray("[-]");
        QTest::newRow("bare dot") << QByteArray("[1.]");
        QTest::newRow("bare exponent") << QByteArray("[1e]");
        QTest::newRow("plus sign") << QByteArray("[+1]");
        QTest::newRow("NaN") << QByteArray("[NaN]");
        QTest::newRow("truncated literal") << QByteArray("[tru]");
        QTest::newRow("overlong UTF-8") << QByteArray("[\"\xC0\x80\"]");
        QTest::newRow("UTF-16 surrogate in UTF-8") << QByteArray("[\"\xED\xA0\x80\"]");
        QTest::newRow("byte F5") << QByteArray("[\"\xF5\x80\x80\x80\"]");
        QTest::newRow("truncated multibyte") << QByteArray("[\"\xE4\xB8\"]");
        QTest::newRow("continuation alone") << QByteArray("[\"\x80\"]");
        QTest::newRow("too deep") << QByteArray(600, '[') + QByteArray(600, ']');
    }

    void malformedTextIsRefused()
    {
        QFETCH(QByteArray, text);
        const std::string_view view(text.constData(), std::size_t(text.size()));
        QVERIFY(!JsonSpan::isValid(view));
        QVERIFY(!JsonSpan::members(view));
        QVERIFY(!JsonSpan::elements(view));
    }

    void objectsAndArraysByKind()
    {
        QVERIFY(!JsonSpan::members("[1]"));
        QVERIFY(!JsonSpan::elements(R"({"a":1})"));
        QVERIFY(JsonSpan::members(" {} ")->empty());
        QVERIFY(JsonSpan::elements("[ ]")->empty());
        QVERIFY(JsonSpan::isValid(" \"x\" "));
        QVERIFY(JsonSpan::isValid(std::string(500, '[') + std::string(500, ']')));
    }

    /// The whole JSON Logic conformance file (a few hundred kilobytes of real JSON), and thousands
    /// of damaged copies of parts of it: the scanner accepts exactly what nlohmann accepts.
    void agreesWithTheParserOnRealAndDamagedText()
    {
        const std::string corpus = kitCorpus();
        QVERIFY2(!corpus.empty(), "the kit's testdata/jsonlogic/tests.json is needed");
        QVERIFY(JsonSpan::isValid(corpus));
        const auto cases = JsonSpan::elements(corpus);
        QVERIFY(cases);
        const json tree = json::parse(corpus);
        QCOMPARE(cases->size(), std::size_t(tree.size()));
        for (std::size_t i = 0; i < cases->size(); ++i)
            QVERIFY(json::parse(cases->at(i)) == tree[i]);
        // A text checked once splits the same way without checking again.
        QVERIFY(JsonSpan::elements(corpus, JsonSpan::Check::Trusted) == cases);
        for (const std::string_view piece : *cases)
            if (piece.front() == '[')
                QVERIFY(JsonSpan::elements(piece, JsonSpan::Check::Trusted) == JsonSpan::elements(piece));

        QRandomGenerator random(20261129);
        const char alphabet[] = "{}[]\",:\\u0123456789.eE+- tfnal\xE4\xB8\xAD\x80\xFF";
        int accepted = 0;
        for (int round = 0; round < 20000; ++round) {
            const std::string_view piece = cases->at(random.bounded(int(cases->size())));
            std::string text(piece);
            const int edits = 1 + random.bounded(3);
            for (int e = 0; e < edits && !text.empty(); ++e) {
                const auto at = std::size_t(random.bounded(int(text.size())));
                switch (random.bounded(3)) {
                case 0:
                    text[at] = alphabet[random.bounded(int(sizeof alphabet - 1))];
                    break;
                case 1:
                    text.erase(at, 1);
                    break;
                default:
                    text.resize(at);
                }
            }
            const bool expected = json::accept(text);
            accepted += expected;
            QVERIFY2(JsonSpan::isValid(text) == expected, text.c_str());
        }
        QVERIFY(accepted > 100); // the damage leaves some texts valid, so both answers are exercised
    }
};

QTEST_GUILESS_MAIN(tst_JsonSpan)
#include "tst_jsonspan.moc"
