#include "rules/jsonlogic.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

using nlohmann::json;
using spgl::JsonLogic;

namespace {

/// Deep equality in which numbers compare by value: 1, 1.0 and 1u are the same number.
bool sameJson(const json &a, const json &b)
{
    if (a.is_number() && b.is_number())
        return a.get<double>() == b.get<double>();
    if (a.type() != b.type())
        return false;
    if (a.is_array()) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!sameJson(a[i], b[i]))
                return false;
        }
        return true;
    }
    if (a.is_object()) {
        if (a.size() != b.size())
            return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            const auto other = b.find(it.key());
            if (other == b.end() || !sameJson(it.value(), *other))
                return false;
        }
        return true;
    }
    return a == b;
}

json parse(const QByteArray &text)
{
    return json::parse(text.constBegin(), text.constEnd());
}

QByteArray dump(const json &j)
{
    return QByteArray::fromStdString(j.dump(-1, ' ', false, json::error_handler_t::replace));
}

/// The official JsonLogic test suite of the kit; discarded when it cannot be read.
json loadSuite()
{
    QFile file(QStringLiteral(SPGL_KIT_DIR "/testdata/jsonlogic/tests.json"));
    if (!file.open(QIODevice::ReadOnly))
        return json(json::value_t::discarded);
    const QByteArray bytes = file.readAll();
    return json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
}

/// Evaluates @p rule on @p data and compares with @p expected (numbers by value).
void verifyRule(const QByteArray &rule, const QByteArray &data, const QByteArray &expected)
{
    const auto result = JsonLogic::evaluate(parse(rule), parse(data));
    QVERIFY2(result.ok(), result.ok() ? "" : (result.error().code + ": " + result.error().message).c_str());
    const json wanted = parse(expected);
    QVERIFY2(
        sameJson(*result, wanted),
        QByteArray("rule " + rule + " on " + data + " gave " + dump(*result) + ", expected " + expected).constData());
}

/// A rule of @p levels nested "!" operations around true.
std::string nestedNots(int levels)
{
    std::string text;
    for (int i = 0; i < levels; ++i)
        text += R"({"!":)";
    text += "true";
    text.append(static_cast<std::size_t>(levels), '}');
    return text;
}

const char *materialRule
    = R"({"and":[{"!!":{"var":"materials.site_plan"}},{"or":[{"var":"tolerated"},{"!!":{"var":"materials.eia_report"}}]}]})";
const char *visibilityRule = R"({"==":[{"var":"project.process_type"},"1"]})";

} // namespace

class tst_JsonLogic : public QObject
{
    Q_OBJECT
private slots:
    void conformance_data()
    {
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expected");
        const json suite = loadSuite();
        QVERIFY2(suite.is_array(), "cannot read " SPGL_KIT_DIR "/testdata/jsonlogic/tests.json");
        std::string section = "(no section)";
        int index = 0;
        for (const json &entry : suite) {
            if (entry.is_string()) {
                section = entry.get<std::string>();
                index = 0;
                continue;
            }
            QVERIFY2(entry.is_array() && entry.size() == 3, dump(entry).constData());
            const std::string name = section + " #" + std::to_string(++index);
            QTest::newRow(name.c_str()) << dump(entry[0]) << dump(entry[1]) << dump(entry[2]);
        }
    }
    /// Every case of the official suite, none skipped.
    void conformance()
    {
        QFETCH(QByteArray, rule);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expected);
        verifyRule(rule, data, expected);
    }

    /// Every rule of the shipped catalog (forms' visible_if / required_if, items' applies_if,
    /// materials' required_if) on the data the portal's test switches it with, with the answers of
    /// json-logic-js (written by server/portal/tests/jsonlogic.mjs --write-cases, which also checks
    /// that the file still holds the catalog's current rules): the portal and the server agree.
    void catalogRules_data()
    {
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expected");
        QFile file(QStringLiteral(SPGL_SOURCE_DIR "/tests/shared/rules/catalog_rules.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), "cannot read tests/shared/rules/catalog_rules.json");
        const QByteArray bytes = file.readAll();
        const json cases = json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
        QVERIFY(cases.is_array());
        std::string section = "(no section)";
        int index = 0, count = 0;
        for (const json &entry : cases) {
            if (entry.is_string()) {
                section = entry.get<std::string>();
                index = 0;
                continue;
            }
            QVERIFY2(entry.is_array() && entry.size() == 3, dump(entry).constData());
            const std::string name = section + " #" + std::to_string(++index);
            QTest::newRow(name.c_str()) << dump(entry[0]) << dump(entry[1]) << dump(entry[2]);
            ++count;
        }
        QVERIFY2(count >= 50, std::to_string(count).c_str());
    }
    void catalogRules()
    {
        QFETCH(QByteArray, rule);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expected);
        verifyRule(rule, data, expected);
    }

    void conformanceSuiteComplete()
    {
        const json suite = loadSuite();
        QVERIFY(suite.is_array());
        int cases = 0;
        for (const json &entry : suite)
            cases += entry.is_string() ? 0 : 1;
        QVERIFY2(cases >= 277, std::to_string(cases).c_str()); // 277 in the suite of the kit
    }

    /// JavaScript behaviour of json-logic-js 2.0.5, each row checked against it.
    void javascriptSemantics_data()
    {
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expected");
        const auto row = [](const char *name, const char *rule, const char *data, const char *expected) {
            QTest::newRow(name) << QByteArray(rule) << QByteArray(data) << QByteArray(expected);
        };
        // Loose equality with type coercion; arrays and objects equal only to themselves.
        row("== number string", R"({"==":[1,"1.0"]})", "{}", "true");
        row("== exponent string", R"({"==":["1e3",1000]})", "{}", "true");
        row("== padded string", R"({"==":[" 12 ",12]})", "{}", "true");
        row("== hex string", R"({"==":["0x10",16]})", "{}", "true");
        row("== false '0'", R"({"==":[false,"0"]})", "{}", "true");
        row("== true '1'", R"({"==":[true,"1"]})", "{}", "true");
        row("== null 0", R"({"==":[null,0]})", "{}", "false");
        row("== null missing", R"({"==":[null,{"var":"x"}]})", "{}", "true");
        row("== 0 empty", R"({"==":[0,""]})", "{}", "true");
        row("== array string", R"({"==":[[1,2],"1,2"]})", "{}", "true");
        row("== empty array false", R"({"==":[[],false]})", "{}", "true");
        row("== two literals", R"({"==":[[],[]]})", "{}", "false");
        row("== same data array", R"({"==":[{"var":"a"},{"var":"a"}]})", R"({"a":[1]})", "true");
        row("=== equal arrays", R"({"===":[{"var":"a"},{"var":"b"}]})", R"({"a":[1],"b":[1]})", "false");
        row("=== int float", R"({"===":[1,1.0]})", "{}", "true");
        row("== one argument", R"({"==":[null]})", "{}", "true");
        // Relational comparison: strings compare as strings, anything else as numbers.
        row("< strings", R"({"<":["10","9"]})", "{}", "true");
        row("< string number", R"({"<":["10",9]})", "{}", "false");
        row("< missing is 0", R"({"<":[{"var":"missing"},5]})", "{}", "true");
        row("> null", R"({">":[null,-1]})", "{}", "true");
        row(">= NaN", R"({">=":["abc",1]})", "{}", "false");
        row("<= NaN", R"({"<=":["abc",1]})", "{}", "false");
        row("< arrays as strings", R"({"<":[[2],[10]]})", "{}", "false");
        row("< array number", R"({"<":[[2],10]})", "{}", "true");
        row("< utf-16 order", R"({"<":["😀","\uffff"]})", "{}", "true");
        row("< between null", R"({"<":[1,2,null]})", "{}", "false");
        row("<= between", R"({"<=":[1,1,1]})", "{}", "true");
        // Arithmetic: parseFloat in + and *, ToNumber elsewhere.
        row("+ parseFloat", R"({"+":["3.5kg",1]})", "{}", "4.5");
        row("+ no arguments", R"({"+":[]})", "{}", "0");
        row("+ array", R"({"+":[[1,2],1]})", "{}", "2");
        row("- whitespace", R"({"-":["\u00a012\u3000",1]})", "{}", "11");
        row("- binary", R"({"-":["0b101",1]})", "{}", "4");
        row("- booleans", R"({"-":[true,null]})", "{}", "1");
        row("- unary", R"({"-":["5"]})", "{}", "-5");
        row("* lone argument", R"({"*":["3"]})", "{}", R"("3")");
        row("* strings", R"({"*":["2","3"]})", "{}", "6");
        row("% negative", R"({"%":[-7,2]})", "{}", "-1");
        row("% fraction", R"({"%":[5.5,2]})", "{}", "1.5");
        row("min strings", R"({"min":["2",1]})", "{}", "1");
        row("max array", R"({"max":[[5],"3"]})", "{}", "5");
        // Strings.
        row("cat coercion", R"({"cat":[0.1,null,[1,[2,3]],true,{"x":1,"y":2}]})", "{}",
            R"("0.11,2,3true[object Object]")");
        row("cat numbers", R"({"cat":[1e21,1e-7,123456789012,-0.000001,123e-20]})", "{}",
            R"("1e+211e-7123456789012-0.0000011.23e-18")");
        row("substr chinese", R"({"substr":["审批事项名称",2,2]})", "{}", R"("事项")");
        row("substr chinese tail", R"({"substr":["审批事项名称",-2]})", "{}", R"("名称")");
        row("substr astral", R"({"substr":["a😀b",1,2]})", "{}", R"("😀")");
        row("substr string end", R"({"substr":["jsonlogic",2,"-1"]})", "{}", R"("")");
        row("substr number", R"({"substr":[12345,1,2]})", "{}", R"("23")");
        row("substr null length", R"({"substr":["abc",1,null]})", "{}", R"("")");
        row("in number in string", R"({"in":[1,"a1b"]})", "{}", "true");
        row("in strict", R"({"in":[1,["1"]]})", "{}", "false");
        row("in same object", R"({"in":[{"var":"a.0"},{"var":"a"}]})", R"({"a":[[1]]})", "true");
        row("in equal literal", R"({"in":[[1],[[1]]]})", "{}", "false");
        row("in not a container", R"({"in":["a",0]})", "{}", "false");
        // var: paths into arrays and strings, defaults only for absent keys.
        row("var length", R"({"var":"materials.length"})", R"({"materials":[1,2,3]})", "3");
        row("var string length", R"({"var":"name.length"})", R"({"name":"审批"})", "2");
        row("var string index", R"({"var":"name.1"})", R"({"name":"ab"})", R"("b")");
        row("var null no default", R"({"var":["a",5]})", R"({"a":null})", "null");
        row("var leading zero", R"({"var":"a.01"})", R"({"a":[1,2]})", "null");
        row("var number path", R"({"var":1.5})", R"({"1":{"5":"x"}})", R"("x")");
        row("var computed path", R"({"var":{"cat":["a",".b"]}})", R"({"a":{"b":7}})", "7");
        // Operations without arguments, missing, iterations.
        row("and empty", R"({"and":[]})", "{}", "null");
        row("if empty", R"({"if":[]})", "{}", "null");
        row("missing array key", R"({"missing":[["a",5]]})", "{}", R"(["a",5])");
        row("missing false present", R"({"missing":["a.b"]})", R"({"a":{"b":false}})", "[]");
        row("missing_some empty string", R"({"missing_some":[1,["a","b"]]})", R"({"a":""})", R"(["a","b"])");
        row("reduce initial evaluated", R"({"reduce":[{"var":"x"},{"var":"current"},{"var":"y"}]})", R"({"y":7})", "7");
        row("reduce merge", R"({"reduce":[[[1],[2]],{"merge":[{"var":"accumulator"},{"var":"current"}]},[]]})", "{}",
            "[1,2]");
        row("reduce undefined accumulator", R"({"<=":[{"reduce":[[1],{"and":[]},0]},false]})", "{}", "false");
        row("map scope", R"({"map":[{"var":"people"},{"cat":[{"var":"name"},"@",{"var":"age"}]}]})",
            R"({"people":[{"name":"a","age":1},{"name":"b"}]})", R"(["a@1","b@"])");
        row("all on string", R"({"all":["abc",{"var":""}]})", "{}", "false");
        row("none on empty", R"({"none":[[],{"var":""}]})", "{}", "true");
        row("merge nested", R"({"merge":[[1,[2]],[[3]],null,{"x":1,"y":2}]})", "{}",
            R"([1,[2],[3],null,{"x":1,"y":2}])");
        row("!! object", R"({"!!":[{}]})", "{}", "true");
        row("!! array of 0", R"({"!!":[[0]]})", "{}", "true");
        row("not logic object", R"({"a":1,"b":2})", "{}", R"({"a":1,"b":2})");
        row("array of logic", R"([{"var":"a"},{"x":1,"y":{"var":"b"}}])", R"({"a":1})",
            R"([1,{"x":1,"y":{"var":"b"}}])");
        row("lazy if branch", R"({"if":[false,{"nope":1},2]})", "{}", "2");
    }
    void javascriptSemantics()
    {
        QFETCH(QByteArray, rule);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expected);
        verifyRule(rule, data, expected);
    }

    /// Computed numbers are integers when json-logic-js gives an integer, doubles otherwise.
    void numbers()
    {
        const auto eval = [](const char *rule) { return JsonLogic::evaluate(json::parse(rule), json::object()); };

        QVERIFY(sameJson(json(1), json(1.0)));
        QVERIFY(!sameJson(json(1), json("1")));
        QCOMPARE(dump(*eval(R"({"==":[1,1.0]})")), QByteArray("true"));

        const auto six = eval(R"({"/":[12,2]})");
        QVERIFY(six->is_number_integer());
        QCOMPARE(six->get<int>(), 6);
        const auto three = eval(R"({"*":[1.5,2]})");
        QVERIFY(three->is_number_integer());
        QCOMPARE(three->get<int>(), 3);
        QVERIFY(eval(R"({"+":["1",1]})")->is_number_integer());
        QVERIFY(eval(R"({"-":[0,0.5]})")->is_number_float());
        QVERIFY(eval(R"({"+":[0.1,0.2]})")->get<double>() == 0.30000000000000004);
        QVERIFY(eval(R"({"/":[2,4]})")->get<double>() == 0.5);

        // -0 is written 0, as JSON.stringify does; it still divides to -Infinity inside a rule.
        const auto zero = eval(R"({"*":[0,-1]})");
        QCOMPARE(zero->dump(), std::string("0"));
        QVERIFY(eval(R"({"/":[1,{"-":[0]}]})")->get<double>() == -std::numeric_limits<double>::infinity());

        // NaN and Infinity stay doubles (serialised as null).
        QVERIFY(std::isnan(eval(R"({"-":["3.5kg",1]})")->get<double>()));
        QVERIFY(std::isnan(eval(R"({"max":[1,"x"]})")->get<double>()));
        QVERIFY(eval(R"({"/":[1,0]})")->get<double>() == std::numeric_limits<double>::infinity());
        QVERIFY(eval(R"({"max":[]})")->get<double>() == -std::numeric_limits<double>::infinity());
        QCOMPARE(eval(R"({"/":[1,0]})")->dump(), std::string("null"));
    }

    void unknownOperator()
    {
        const auto result = JsonLogic::evaluate(json::parse(R"({"frobnicate":[1,2]})"), json::object());
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error().code), u"rules.unknown_operator"_qs);
        QVERIFY(QString::fromStdString(result.error().message).contains(u"frobnicate"_qs));

        // Nested: the innermost unknown operator is reported, as json-logic-js throws it first.
        const auto nested = JsonLogic::evaluate(json::parse(R"({"and":[true,{"foo":[{"bar":1}]}]})"), json::object());
        QVERIFY(!nested.ok());
        QCOMPARE(QString::fromStdString(nested.error().code), u"rules.unknown_operator"_qs);
        QVERIFY(QString::fromStdString(nested.error().message).contains(u"bar"_qs));

        // Method-call syntax of json-logic-js is not supported.
        QVERIFY(!JsonLogic::evaluate(json::parse(R"({"Math.abs":[-1]})"), json::object()).ok());

        const auto noFactors = JsonLogic::evaluate(json::parse(R"({"*":[]})"), json::object());
        QVERIFY(!noFactors.ok());
        QCOMPARE(QString::fromStdString(noFactors.error().code), u"rules.invalid_arguments"_qs);
    }

    void tooDeep()
    {
        const auto limit = JsonLogic::evaluate(json::parse(nestedNots(JsonLogic::maxDepth)), json::object());
        QVERIFY(limit.ok());
        QCOMPARE(dump(*limit), QByteArray("true"));

        const auto over = JsonLogic::evaluate(json::parse(nestedNots(JsonLogic::maxDepth + 1)), json::object());
        QVERIFY(!over.ok());
        QCOMPARE(QString::fromStdString(over.error().code), u"rules.too_deep"_qs);

        // Far deeper than any stack would take: still an error, not a crash.
        const auto huge = JsonLogic::evaluate(json::parse(nestedNots(100000)), json::object());
        QVERIFY(!huge.ok());
        QCOMPARE(QString::fromStdString(huge.error().code), u"rules.too_deep"_qs);

        std::string arrays(300, '[');
        arrays += "1";
        arrays.append(300, ']');
        const auto deepArray = JsonLogic::evaluate(json::parse(arrays), json::object());
        QVERIFY(!deepArray.ok());
        QCOMPARE(QString::fromStdString(deepArray.error().code), u"rules.too_deep"_qs);
    }

    /// Material completeness: the site plan always, the EIA report unless 容缺 is tolerated.
    void materialCompleteness_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<bool>("complete");
        QTest::newRow("site plan, tolerated")
            << QByteArray(R"({"materials":{"site_plan":"blob:1"},"tolerated":true})") << true;
        QTest::newRow("site plan and eia")
            << QByteArray(R"({"materials":{"site_plan":"blob:1","eia_report":"blob:2"},"tolerated":false})") << true;
        QTest::newRow("site plan only") << QByteArray(R"({"materials":{"site_plan":"blob:1"},"tolerated":false})")
                                        << false;
        QTest::newRow("eia empty") << QByteArray(R"({"materials":{"site_plan":"blob:1","eia_report":""}})") << false;
        QTest::newRow("no site plan") << QByteArray(R"({"materials":{"eia_report":"blob:2"},"tolerated":true})")
                                      << false;
        QTest::newRow("no materials") << QByteArray(R"({"tolerated":true})") << false;
        QTest::newRow("null data") << QByteArray("null") << false;
    }
    void materialCompleteness()
    {
        QFETCH(QByteArray, data);
        QFETCH(bool, complete);
        const auto result = JsonLogic::evaluate(json::parse(materialRule), parse(data));
        QVERIFY(result.ok());
        QVERIFY(result->is_boolean());
        QCOMPARE(JsonLogic::truthy(*result), complete);
    }

    /// Field visibility: a field shown for process type "1" only; loose == accepts the number 1.
    void fieldVisibility_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<bool>("visible");
        QTest::newRow("type 1") << QByteArray(R"({"project":{"process_type":"1"}})") << true;
        QTest::newRow("type 1 as number") << QByteArray(R"({"project":{"process_type":1}})") << true;
        QTest::newRow("type 01") << QByteArray(R"({"project":{"process_type":"01"}})") << false;
        QTest::newRow("type 2") << QByteArray(R"({"project":{"process_type":"2"}})") << false;
        QTest::newRow("no type") << QByteArray(R"({"project":{}})") << false;
        QTest::newRow("no project") << QByteArray("{}") << false;
    }
    void fieldVisibility()
    {
        QFETCH(QByteArray, data);
        QFETCH(bool, visible);
        const auto result = JsonLogic::evaluate(json::parse(visibilityRule), parse(data));
        QVERIFY(result.ok());
        QVERIFY(result->is_boolean());
        QCOMPARE(result->get<bool>(), visible);
    }

    void addedOperations()
    {
        JsonLogic logic;
        QVERIFY(!logic.hasOperation("region_in"));
        // region_in(code, prefix): whether a division code lies in a region.
        QVERIFY(logic
                    .addOperation("region_in",
                                  [](const JsonLogic::Arguments &args, const json &) -> spgl::Result<json> {
                                      if (!args[0].is_string() || !args[1].is_string())
                                          return spgl::Error{"rules.region_in", "需要行政区划代码", {}};
                                      return json(args[0].get<std::string>().starts_with(args[1].get<std::string>()));
                                  })
                    .ok());
        QVERIFY(logic.hasOperation("region_in"));

        const json data = json::parse(R"({"region":"650102","items":[{"r":"650102"},{"r":"110101"}]})");
        QCOMPARE(dump(*logic.apply(json::parse(R"({"region_in":[{"var":"region"},"6501"]})"), data)),
                 QByteArray("true"));
        // Inside an iteration the operation sees the item as its data.
        const auto filtered
            = logic.apply(json::parse(R"({"filter":[{"var":"items"},{"region_in":[{"var":"r"},"65"]}]})"), data);
        QVERIFY(filtered.ok());
        QCOMPARE(dump(*filtered), QByteArray(R"([{"r":"650102"}])"));
        // Its error is the evaluation's error.
        const auto failed = logic.apply(json::parse(R"({"region_in":[1,"65"]})"), data);
        QVERIFY(!failed.ok());
        QCOMPARE(QString::fromStdString(failed.error().code), u"rules.region_in"_qs);
        // The static evaluator knows only the standard operations.
        QVERIFY(!JsonLogic::evaluate(json::parse(R"({"region_in":["650102","65"]})"), data).ok());

        // A thrown exception does not escape.
        QVERIFY(logic
                    .addOperation("boom",
                                  [](const JsonLogic::Arguments &, const json &) -> spgl::Result<json> {
                                      throw std::runtime_error("boom");
                                  })
                    .ok());
        const auto thrown = logic.apply(json::parse(R"({"boom":[]})"), data);
        QVERIFY(!thrown.ok());
        QCOMPARE(QString::fromStdString(thrown.error().code), u"rules.operation_failed"_qs);

        // Standard operations can be replaced (log, to capture it), control operations cannot.
        json logged;
        QVERIFY(logic
                    .addOperation("log",
                                  [&logged](const JsonLogic::Arguments &args, const json &) -> spgl::Result<json> {
                                      logged = args[0];
                                      return args[0];
                                  })
                    .ok());
        QCOMPARE(dump(*logic.apply(json::parse(R"({"log":{"var":"region"}})"), data)), QByteArray(R"("650102")"));
        QCOMPARE(dump(logged), QByteArray(R"("650102")"));
        const spgl::Status reserved = logic.addOperation(
            "if", [](const JsonLogic::Arguments &, const json &) -> spgl::Result<json> { return json(); });
        QVERIFY(!reserved.ok());
        QCOMPARE(QString::fromStdString(reserved.error().code), u"rules.reserved_operator"_qs);
        QVERIFY(!logic.addOperation("empty", JsonLogic::Operation()).ok());

        QVERIFY(logic.removeOperation("region_in"));
        QVERIFY(!logic.removeOperation("region_in"));
        QVERIFY(!logic.apply(json::parse(R"({"region_in":["650102","65"]})"), data).ok());
    }

    void truthy()
    {
        QVERIFY(!JsonLogic::truthy(json::array()));
        QVERIFY(JsonLogic::truthy(json::array({0})));
        QVERIFY(JsonLogic::truthy(json::object()));
        QVERIFY(JsonLogic::truthy(json("0")));
        QVERIFY(!JsonLogic::truthy(json("")));
        QVERIFY(!JsonLogic::truthy(json(0.0)));
        QVERIFY(!JsonLogic::truthy(json(std::nan(""))));
        QVERIFY(!JsonLogic::truthy(json()));
        QVERIFY(JsonLogic::isLogic(json::parse(R"({"var":"a"})")));
        QVERIFY(!JsonLogic::isLogic(json::parse(R"({"a":1,"b":2})")));
    }
};

QTEST_APPLESS_MAIN(tst_JsonLogic)
#include "tst_jsonlogic.moc"
