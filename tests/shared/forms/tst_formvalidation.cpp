#include "forms/formdefinition.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <string>

using nlohmann::json;
using spgl::FormDefinition;
using spgl::FormValidation;

namespace {

/// One optional field of every type, plus rules.
const FormDefinition &form()
{
    static const FormDefinition definition = [] {
        const auto parsed = FormDefinition::fromJson(json::parse(R"({
          "code": "FORM-ALL", "version": "1.0", "title": "所有类型",
          "fields": [
            {"name": "s", "label": "项目名称", "type": "string", "min_length": 2, "max_length": 10},
            {"name": "t", "label": "建设内容", "type": "text", "max_length": 500},
            {"name": "i", "label": "楼层数", "type": "integer", "min": 1, "max": 100},
            {"name": "n", "label": "容积率", "type": "number", "min": 0, "max": 20},
            {"name": "m", "label": "总投资", "type": "money", "unit": "万元", "min": 0.01, "max": 100000000},
            {"name": "d", "label": "计划开工日期", "type": "date"},
            {"name": "b", "label": "是否有地下室", "type": "boolean"},
            {"name": "e", "label": "结构类型", "type": "enum",
             "options": [{"value": "frame", "label": "框架结构"}, {"value": "brick", "label": "砖混结构"}]},
            {"name": "me", "label": "建设用途", "type": "multi_enum", "max": 2,
             "options": [{"value": "residential", "label": "住宅"}, {"value": "commercial", "label": "商业"},
                         {"value": "office", "label": "办公"}]},
            {"name": "p", "label": "联系电话", "type": "phone"},
            {"name": "em", "label": "电子邮箱", "type": "email"},
            {"name": "pc", "label": "项目代码", "type": "project_code"},
            {"name": "cc", "label": "建设单位统一社会信用代码", "type": "credit_code"},
            {"name": "id", "label": "联系人身份证号码", "type": "id_number"},
            {"name": "rc", "label": "建设地点行政区划", "type": "region_code"},
            {"name": "a", "label": "用地面积", "type": "area", "unit": "平方米"},
            {"name": "zip", "label": "邮政编码", "type": "string", "pattern": "^8[0-9]{5}$"}
          ]})"));
        if (!parsed)
            qFatal("%s", parsed.error().message.c_str());
        return parsed.value();
    }();
    return definition;
}

/// Fields with rules: has_basement shows and requires the civil-defence area; kind=expand
/// requires the old permit number; the context's project type hides the investment field.
const FormDefinition &ruleForm()
{
    static const FormDefinition definition = [] {
        const auto parsed = FormDefinition::fromJson(json::parse(R"({
          "code": "FORM-RULES", "version": "1.0", "title": "规则",
          "fields": [
            {"name": "name", "label": "项目名称", "type": "string", "required": true},
            {"name": "has_basement", "label": "是否有地下室", "type": "boolean", "required": true},
            {"name": "civil_defence_area", "label": "人防面积", "type": "area",
             "visible_if": {"var": "form.has_basement"}, "required": true},
            {"name": "kind", "label": "建设性质", "type": "enum",
             "options": [{"value": "new", "label": "新建"}, {"value": "expand", "label": "扩建"}]},
            {"name": "old_permit", "label": "原施工许可证号", "type": "string",
             "required_if": {"==": [{"var": "form.kind"}, "expand"]}},
            {"name": "investment", "label": "财政资金", "type": "money",
             "visible_if": {"==": [{"var": "project.process_type"}, 1]}}
          ]})"));
        if (!parsed)
            qFatal("%s", parsed.error().message.c_str());
        return parsed.value();
    }();
    return definition;
}

QString codes(const FormValidation &v)
{
    QStringList out;
    for (const auto &e : v.errors)
        out << QString::fromStdString(e.code + "@" + e.field);
    return out.join(u',');
}

} // namespace

class tst_FormValidation : public QObject
{
    Q_OBJECT
private slots:
    void values_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");   // JSON
        QTest::addColumn<QString>("error");   // expected code, empty when accepted
        QTest::addColumn<QString>("cleaned"); // JSON of the cleaned value, empty = same as value

        QTest::newRow("string ok") << u"s"_qs << uR"("乌鲁木齐住宅")"_qs << QString() << QString();
        QTest::newRow("string trimmed") << u"s"_qs << uR"("  高新区厂房 ")"_qs << QString() << uR"("高新区厂房")"_qs;
        QTest::newRow("string too short (characters)")
            << u"s"_qs << uR"("楼")"_qs << u"form.min_length"_qs << QString();
        QTest::newRow("string 10 chinese characters ok")
            << u"s"_qs << uR"("一二三四五六七八九十")"_qs << QString() << QString();
        QTest::newRow("string too long") << u"s"_qs << uR"("一二三四五六七八九十一")"_qs << u"form.max_length"_qs
                                         << QString();
        QTest::newRow("string newline") << u"s"_qs << uR"("ab\ncd")"_qs << u"form.characters"_qs << QString();
        QTest::newRow("string NUL") << u"s"_qs << uR"("ab\u0000cd")"_qs << u"form.characters"_qs << QString();
        QTest::newRow("string a number") << u"s"_qs << u"12"_qs << u"form.type"_qs << QString();
        QTest::newRow("string an object") << u"s"_qs << uR"({"a":1})"_qs << u"form.type"_qs << QString();
        QTest::newRow("text newline ok") << u"t"_qs << uR"("第一行\n第二行")"_qs << QString() << QString();
        QTest::newRow("text NUL") << u"t"_qs << uR"("a\u0000")"_qs << u"form.characters"_qs << QString();

        QTest::newRow("integer ok") << u"i"_qs << u"18"_qs << QString() << QString();
        QTest::newRow("integer as 18.0") << u"i"_qs << u"18.0"_qs << QString() << u"18"_qs;
        QTest::newRow("integer fraction") << u"i"_qs << u"18.5"_qs << u"form.type"_qs << QString();
        QTest::newRow("integer string") << u"i"_qs << uR"("18")"_qs << u"form.type"_qs << QString();
        QTest::newRow("integer below min") << u"i"_qs << u"0"_qs << u"form.min"_qs << QString();
        QTest::newRow("integer above max") << u"i"_qs << u"101"_qs << u"form.max"_qs << QString();
        QTest::newRow("integer huge") << u"i"_qs << u"1e300"_qs << u"form.type"_qs << QString();
        QTest::newRow("number ok") << u"n"_qs << u"2.5"_qs << QString() << QString();
        QTest::newRow("number bool") << u"n"_qs << u"true"_qs << u"form.type"_qs << QString();
        QTest::newRow("number above max") << u"n"_qs << u"20.01"_qs << u"form.max"_qs << QString();
        QTest::newRow("number negative") << u"n"_qs << u"-1"_qs << u"form.min"_qs << QString();

        QTest::newRow("money ok") << u"m"_qs << uR"("1234.50")"_qs << QString() << QString();
        QTest::newRow("money normalised") << u"m"_qs << uR"("1234.5")"_qs << QString() << uR"("1234.50")"_qs;
        QTest::newRow("money whole") << u"m"_qs << uR"("88000")"_qs << QString() << uR"("88000.00")"_qs;
        QTest::newRow("money three decimals") << u"m"_qs << uR"("1.234")"_qs << u"form.money"_qs << QString();
        QTest::newRow("money comma") << u"m"_qs << uR"("1,234")"_qs << u"form.money"_qs << QString();
        QTest::newRow("money negative") << u"m"_qs << uR"("-5")"_qs << u"form.money"_qs << QString();
        QTest::newRow("money leading zero") << u"m"_qs << uR"("012")"_qs << u"form.money"_qs << QString();
        QTest::newRow("money trailing dot") << u"m"_qs << uR"("12.")"_qs << u"form.money"_qs << QString();
        QTest::newRow("money a number") << u"m"_qs << u"12.5"_qs << u"form.type"_qs << QString();
        QTest::newRow("money zero below min") << u"m"_qs << uR"("0.00")"_qs << u"form.min"_qs << QString();
        QTest::newRow("money min exact") << u"m"_qs << uR"("0.01")"_qs << QString() << QString();
        QTest::newRow("money above max") << u"m"_qs << uR"("100000000.01")"_qs << u"form.max"_qs << QString();

        QTest::newRow("date ok") << u"d"_qs << uR"("2025-03-31")"_qs << QString() << QString();
        QTest::newRow("date leap day") << u"d"_qs << uR"("2024-02-29")"_qs << QString() << QString();
        QTest::newRow("date not leap") << u"d"_qs << uR"("2025-02-29")"_qs << u"form.date"_qs << QString();
        QTest::newRow("date month 13") << u"d"_qs << uR"("2025-13-01")"_qs << u"form.date"_qs << QString();
        QTest::newRow("date slashes") << u"d"_qs << uR"("2025/03/01")"_qs << u"form.date"_qs << QString();
        QTest::newRow("date with time") << u"d"_qs << uR"("2025-03-01T00:00:00")"_qs << u"form.date"_qs << QString();

        QTest::newRow("boolean ok") << u"b"_qs << u"false"_qs << QString() << QString();
        QTest::newRow("boolean string") << u"b"_qs << uR"("true")"_qs << u"form.type"_qs << QString();
        QTest::newRow("boolean 1") << u"b"_qs << u"1"_qs << u"form.type"_qs << QString();

        QTest::newRow("enum ok") << u"e"_qs << uR"("frame")"_qs << QString() << QString();
        QTest::newRow("enum label is not the value")
            << u"e"_qs << uR"("框架结构")"_qs << u"form.option"_qs << QString();
        QTest::newRow("enum number") << u"e"_qs << u"1"_qs << u"form.type"_qs << QString();
        QTest::newRow("multi ok") << u"me"_qs << uR"(["office","commercial"])"_qs << QString() << QString();
        QTest::newRow("multi unknown") << u"me"_qs << uR"(["office","farm"])"_qs << u"form.option"_qs << QString();
        QTest::newRow("multi duplicate") << u"me"_qs << uR"(["office","office"])"_qs << u"form.option"_qs << QString();
        QTest::newRow("multi too many") << u"me"_qs << uR"(["office","commercial","residential"])"_qs << u"form.max"_qs
                                        << QString();
        QTest::newRow("multi not array") << u"me"_qs << uR"("office")"_qs << u"form.type"_qs << QString();
        QTest::newRow("multi nested") << u"me"_qs << uR"([["office"]])"_qs << u"form.type"_qs << QString();

        QTest::newRow("mobile") << u"p"_qs << uR"("13999123456")"_qs << QString() << QString();
        QTest::newRow("landline") << u"p"_qs << uR"("0991-4567890")"_qs << QString() << QString();
        QTest::newRow("landline extension") << u"p"_qs << uR"("0991-4567890-123")"_qs << QString() << QString();
        QTest::newRow("landline 3-digit area") << u"p"_qs << uR"("010-12345678")"_qs << QString() << QString();
        QTest::newRow("mobile 12") << u"p"_qs << uR"("12999123456")"_qs << u"form.phone"_qs << QString();
        QTest::newRow("mobile short") << u"p"_qs << uR"("1399912345")"_qs << u"form.phone"_qs << QString();
        QTest::newRow("phone letters") << u"p"_qs << uR"("0991-ABCDEFG")"_qs << u"form.phone"_qs << QString();

        QTest::newRow("email ok") << u"em"_qs << uR"("zhang.san@example.com.cn")"_qs << QString() << QString();
        QTest::newRow("email no at") << u"em"_qs << uR"("zhang.example.com")"_qs << u"form.email"_qs << QString();
        QTest::newRow("email no dot") << u"em"_qs << uR"("a@localhost")"_qs << u"form.email"_qs << QString();
        QTest::newRow("email two at") << u"em"_qs << uR"("a@b@c.cn")"_qs << u"form.email"_qs << QString();

        QTest::newRow("project code ok") << u"pc"_qs << uR"("2019-650102-47-01-000123")"_qs << QString() << QString();
        QTest::newRow("project code shape")
            << u"pc"_qs << uR"("2019-650102-47-01-00012")"_qs << u"form.project_code"_qs << QString();
        QTest::newRow("project code region")
            << u"pc"_qs << uR"("2019-990102-47-01-000123")"_qs << u"form.project_code"_qs << QString();
        QTest::newRow("credit code ok") << u"cc"_qs << uR"("91350100M000100Y43")"_qs << QString() << QString();
        QTest::newRow("credit code urumqi") << u"cc"_qs << uR"("91650100MA775XKQ29")"_qs << QString() << QString();
        QTest::newRow("credit code lower case")
            << u"cc"_qs << uR"("91650100ma775xkq29")"_qs << QString() << uR"("91650100MA775XKQ29")"_qs;
        QTest::newRow("credit code check")
            << u"cc"_qs << uR"("91350100M000100Y44")"_qs << u"form.credit_code"_qs << QString();
        QTest::newRow("credit code letter O")
            << u"cc"_qs << uR"("91350100M000O00Y43")"_qs << u"form.credit_code"_qs << QString();
        QTest::newRow("id ok X") << u"id"_qs << uR"("11010519491231002X")"_qs << QString() << QString();
        QTest::newRow("id lower x") << u"id"_qs << uR"("11010519491231002x")"_qs << QString()
                                    << uR"("11010519491231002X")"_qs;
        QTest::newRow("id urumqi") << u"id"_qs << uR"("650102199003071235")"_qs << QString() << QString();
        QTest::newRow("id check") << u"id"_qs << uR"("110105194912310021")"_qs << u"form.id_number"_qs << QString();
        QTest::newRow("id birth date") << u"id"_qs << uR"("110105194902300021")"_qs << u"form.id_number"_qs
                                       << QString();
        QTest::newRow("region ok") << u"rc"_qs << uR"("650102")"_qs << QString() << QString();
        QTest::newRow("region prefecture") << u"rc"_qs << uR"("650100")"_qs << QString() << QString();
        QTest::newRow("region province 99") << u"rc"_qs << uR"("990100")"_qs << u"form.region_code"_qs << QString();
        QTest::newRow("region 5 digits") << u"rc"_qs << uR"("65010")"_qs << u"form.region_code"_qs << QString();
        QTest::newRow("region as number") << u"rc"_qs << u"650102"_qs << u"form.type"_qs << QString();

        QTest::newRow("area ok") << u"a"_qs << u"12500.75"_qs << QString() << QString();
        QTest::newRow("area zero") << u"a"_qs << u"0"_qs << QString() << QString();
        QTest::newRow("area negative") << u"a"_qs << u"-0.5"_qs << u"form.min"_qs << QString();
        QTest::newRow("area string") << u"a"_qs << uR"("100")"_qs << u"form.type"_qs << QString();

        QTest::newRow("pattern ok") << u"zip"_qs << uR"("830000")"_qs << QString() << QString();
        QTest::newRow("pattern fails") << u"zip"_qs << uR"("730000")"_qs << u"form.pattern"_qs << QString();
        QTest::newRow("pattern partial") << u"zip"_qs << uR"("8300001")"_qs << u"form.pattern"_qs << QString();
    }
    void values()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, error);
        QFETCH(QString, cleaned);
        const std::string name = field.toStdString();
        const json v = json::parse(value.toStdString());
        const FormValidation result = form().validate(json{{name, v}});
        if (error.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(codes(result)));
            const json expected = cleaned.isEmpty() ? v : json::parse(cleaned.toStdString());
            QCOMPARE(QString::fromStdString(result.data.at(name).dump()), QString::fromStdString(expected.dump()));
        } else {
            QCOMPARE(result.errors.size(), std::size_t(1));
            QCOMPARE(QString::fromStdString(result.errors[0].code), error);
            QCOMPARE(result.errors[0].field, name);
            // the message names the field's label
            const std::string label = form().field(name)->label;
            QVERIFY2(result.errors[0].message.find(label) != std::string::npos, result.errors[0].message.c_str());
            QVERIFY(!result.data.contains(name));
        }
    }

    void emptyValuesAreAbsent()
    {
        const auto result = form().validate(json{{"s", ""}, {"t", "   "}, {"me", json::array()}, {"i", nullptr}});
        QVERIFY2(result.ok(), qPrintable(codes(result)));
        QVERIFY(result.data.empty());
    }

    void requiredAndUnknown()
    {
        const auto result = ruleForm().validate(json{{"has_basement", false}, {"colour", "红"}});
        QCOMPARE(codes(result), u"form.unknown_field@colour,form.required@name"_qs);
        QCOMPARE(result.errorFor("name")->message, std::string("请填写“项目名称”"));
        QVERIFY(!result.errorFor("civil_defence_area")); // hidden: not required
        QCOMPARE(result.data, (json{{"has_basement", false}}));
    }

    void visibility()
    {
        // shown and required when has_basement is true
        auto result = ruleForm().validate(json{{"name", "项目"}, {"has_basement", true}});
        QCOMPARE(codes(result), u"form.required@civil_defence_area"_qs);
        result = ruleForm().validate(json{{"name", "项目"}, {"has_basement", true}, {"civil_defence_area", 1200}});
        QVERIFY(result.ok());
        QCOMPARE(result.data["civil_defence_area"].get<int>(), 1200);
        // hidden: the submitted value is dropped, even a wrong one
        result = ruleForm().validate(json{{"name", "项目"}, {"has_basement", false}, {"civil_defence_area", "x"}});
        QVERIFY2(result.ok(), qPrintable(codes(result)));
        QVERIFY(!result.data.contains("civil_defence_area"));
    }

    void requiredIf()
    {
        auto result = ruleForm().validate(json{{"name", "项目"}, {"has_basement", false}, {"kind", "expand"}});
        QCOMPARE(codes(result), u"form.required@old_permit"_qs);
        QVERIFY(result.errorFor("old_permit")->message.find("原施工许可证号") != std::string::npos);
        result = ruleForm().validate(json{{"name", "项目"}, {"has_basement", false}, {"kind", "new"}});
        QVERIFY(result.ok());
    }

    void context()
    {
        const json data = {{"name", "项目"}, {"has_basement", false}, {"investment", "500.00"}};
        // without a project of type 1 the investment field is hidden
        auto result = ruleForm().validate(data);
        QVERIFY(result.ok());
        QVERIFY(!result.data.contains("investment"));
        result = ruleForm().validate(data, json{{"project", {{"process_type", 1}}}});
        QVERIFY(result.ok());
        QCOMPARE(result.data["investment"], json("500.00"));
        // the context cannot replace the form data
        result
            = ruleForm().validate(data, json{{"form", {{"has_basement", true}}}, {"project", {{"process_type", 3}}}});
        QVERIFY(result.ok());
        // a context that is not an object is ignored
        result = ruleForm().validate(data, json::array({1, 2}));
        QVERIFY(result.ok());
    }

    void ruleFailureIsReported()
    {
        // a rule that evaluates with an error at run time: an unknown operation added later is not
        // possible through fromJson, so build the field by hand
        FormDefinition f = ruleForm();
        auto fields = f.fields();
        fields[3].visibleIf = json{{"*", json::array()}};
        f.setFields(fields);
        const auto result = f.validate(json{{"name", "项目"}, {"has_basement", false}});
        QCOMPARE(codes(result), u"form.rule@kind"_qs);
    }

    void neverThrows_data()
    {
        QTest::addColumn<QString>("data");
        QTest::newRow("array") << u"[1,2,3]"_qs;
        QTest::newRow("string") << uR"("form")"_qs;
        QTest::newRow("null") << u"null"_qs;
        QTest::newRow("number") << u"42"_qs;
        QTest::newRow("wrong types everywhere")
            << uR"({"s":[],"t":{},"i":"x","n":[1],"m":{},"d":1,"b":null,"e":[],"me":{},"p":1,"em":false,
                   "pc":[],"cc":{},"id":1.5,"rc":true,"a":"big","zip":[]})"_qs;
        QTest::newRow("nested") << uR"({"s":[[[[[[["x"]]]]]]],"me":[{"a":[1]}]})"_qs;
    }
    void neverThrows()
    {
        QFETCH(QString, data);
        const json d = json::parse(data.toStdString());
        const auto result = form().validate(d);
        if (!d.is_object()) {
            QCOMPARE(codes(result), u"form.type@"_qs);
        }
        QVERIFY(result.data.is_object());
        (void)ruleForm().validate(d, d);
    }

    void extremeLimits()
    {
        const auto parsed = FormDefinition::fromJson(json::parse(R"({"code": "F", "version": "1", "title": "t",
          "fields": [{"name": "m", "label": "金额", "type": "money", "min": -1e300, "max": 1e300},
                     {"name": "n", "label": "数量", "type": "integer", "max": 1e300}]})"));
        QVERIFY(parsed.ok());
        auto result = parsed->validate(json{{"m", "9999999999999.99"}, {"n", 9007199254740992LL}});
        QVERIFY2(result.ok(), qPrintable(codes(result)));
        QCOMPARE(result.data["m"], json("9999999999999.99"));
        result = parsed->validate(json{{"m", "99999999999999"}}); // 14 integer digits: too big
        QCOMPARE(codes(result), u"form.money@m"_qs);
    }

    void hugeAndBinaryInput()
    {
        // a huge string on a pattern field and on a plain field
        const std::string huge(5'000'000, '8');
        auto result = form().validate(json{{"zip", huge}, {"t", huge}, {"s", huge}});
        QCOMPARE(result.errors.size(), std::size_t(3));
        QVERIFY(result.data.empty());
        // a long string that is short enough to be allowed, on the pattern field
        result = form().validate(json{{"zip", std::string(1999, '8')}});
        QCOMPARE(codes(result), u"form.pattern@zip"_qs);
        // invalid UTF-8 and NUL bytes
        result = form().validate(json{{"s", std::string("\xff\xfe abc")}, {"t", std::string("a\0b", 3)}});
        QCOMPARE(codes(result), u"form.encoding@s,form.characters@t"_qs);
        // unknown keys with binary names and very many keys: bounded errors, dumpable
        json many = json::object();
        for (int k = 0; k < 5000; ++k)
            many["k" + std::to_string(k)] = k;
        many[std::string("\xc3\x28\0x", 4)] = 1;
        result = form().validate(many);
        QVERIFY(!result.ok());
        QVERIFY(result.errors.size() <= 60);
        for (const auto &e : result.errors)
            QVERIFY(!json(e.field).dump().empty()); // would throw on invalid UTF-8
        // deep nesting
        json deep = "x";
        for (int k = 0; k < 2000; ++k)
            deep = json::array({deep});
        result = form().validate(json{{"me", deep}, {"s", deep}});
        QCOMPARE(result.errors.size(), std::size_t(2));
    }
};

QTEST_APPLESS_MAIN(tst_FormValidation)
#include "tst_formvalidation.moc"
