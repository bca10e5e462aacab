#include "forms/formdefinition.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using nlohmann::json;
using spgl::FieldDefinition;
using spgl::FormDefinition;

namespace {

json sampleForm()
{
    return json::parse(R"({
      "code": "FORM-TEST", "version": "1.2", "status": "published", "title": "测试表单",
      "description": "用于单元测试",
      "fields": [
        {"name": "project_code", "label": "项目代码", "type": "project_code", "required": true, "section": "项目信息"},
        {"name": "project_name", "label": "项目名称", "type": "string", "required": true, "max_length": 100,
         "section": "项目信息", "placeholder": "与立项文件一致"},
        {"name": "kind", "label": "建设性质", "type": "enum", "section": "项目信息",
         "options": [{"value": "new", "label": "新建"}, {"value": "expand", "label": "扩建"}]},
        {"name": "has_basement", "label": "是否有地下室", "type": "boolean", "section": "建设内容"},
        {"name": "civil_defence_area", "label": "人防面积", "type": "area", "unit": "平方米", "min": 0,
         "max": 100000, "section": "建设内容",
         "visible_if": {"var": "form.has_basement"}, "required_if": {"==": [{"var": "form.has_basement"}, true]}},
        {"name": "postcode", "label": "邮政编码", "type": "string", "pattern": "^[0-9]{6}$", "min_length": 6,
         "help": "6位数字"}
      ]})");
}

} // namespace

class tst_FormDefinition : public QObject
{
    Q_OBJECT
private slots:
    void parsesFields()
    {
        const auto form = FormDefinition::fromJson(sampleForm());
        QVERIFY2(form.ok(), form.ok() ? "" : form.error().message.c_str());
        QCOMPARE(form->code(), std::string("FORM-TEST"));
        QCOMPARE(form->version(), std::string("1.2"));
        QCOMPARE(form->status(), std::string("published"));
        QCOMPARE(form->title(), std::string("测试表单"));
        QCOMPARE(form->fields().size(), std::size_t(6));
        const FieldDefinition *kind = form->field("kind");
        QVERIFY(kind);
        QCOMPARE(kind->type, FieldDefinition::Type::Enum);
        QCOMPARE(kind->options.size(), std::size_t(2));
        QCOMPARE(kind->option("expand")->label, std::string("扩建"));
        QVERIFY(!kind->option("rebuild"));
        const FieldDefinition *area = form->field("civil_defence_area");
        QCOMPARE(area->type, FieldDefinition::Type::Area);
        QCOMPARE(area->unit, std::string("平方米"));
        QCOMPARE(*area->max, 100000.0);
        QVERIFY(area->visibleIf.is_object());
        QVERIFY(!form->field("nope"));
        QCOMPARE(form->sections(), (std::vector<std::string>{"项目信息", "建设内容"}));
    }

    void roundTrip()
    {
        const auto form = FormDefinition::fromJson(sampleForm());
        QVERIFY(form.ok());
        const json again = form->toJson();
        const auto reparsed = FormDefinition::fromJson(again);
        QVERIFY(reparsed.ok());
        QVERIFY(*reparsed == *form);
        QCOMPARE(reparsed->toJson().dump(), again.dump());
        // defaults are left out, set values kept
        QCOMPARE(again["fields"][1]["max_length"].get<int>(), 100);
        QVERIFY(!again["fields"][1].contains("pattern"));
        QCOMPARE(again["fields"][5]["pattern"].get<std::string>(), std::string("^[0-9]{6}$"));
    }

    void typeNames()
    {
        for (const char *name :
             {"string", "text", "integer", "number", "money", "date", "boolean", "enum", "multi_enum", "phone", "email",
              "project_code", "credit_code", "id_number", "region_code", "area"}) {
            const auto type = FieldDefinition::typeFromString(name);
            QVERIFY2(type.has_value(), name);
            QCOMPARE(FieldDefinition::toString(*type), std::string_view(name));
        }
        QVERIFY(!FieldDefinition::typeFromString("varchar"));
    }

    void definitionErrors_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        // each row merges a JSON patch into fields[2] (the enum) or replaces the whole doc
        QTest::newRow("unknown type") << uR"({"type":"varchar"})"_qs << u"form_definition.type"_qs
                                      << u"fields[2].type"_qs;
        QTest::newRow("enum without options")
            << uR"({"options":null})"_qs << u"form_definition.options"_qs << u"fields[2].options"_qs;
        QTest::newRow("duplicate name") << uR"({"name":"project_name"})"_qs << u"form_definition.duplicate_field"_qs
                                        << u"fields[2].name"_qs;
        QTest::newRow("bad name") << uR"({"name":"Kind-1"})"_qs << u"form_definition.name"_qs << u"fields[2].name"_qs;
        QTest::newRow("bad regex") << u"{\"type\":\"string\",\"options\":null,\"pattern\":\"([a-z\"}"_qs
                                   << u"form_definition.pattern"_qs << u"fields[2].pattern"_qs;
        QTest::newRow("rule not logic") << uR"({"visible_if":{"a":1,"b":2}})"_qs << u"form_definition.rule"_qs
                                        << u"fields[2].visible_if"_qs;
        QTest::newRow("rule unknown operator") << uR"({"required_if":{"and":[{"frobnicate":[1]}]}})"_qs
                                               << u"form_definition.rule"_qs << u"fields[2].required_if"_qs;
        QTest::newRow("rule a string") << uR"({"visible_if":"yes"})"_qs << u"form_definition.rule"_qs
                                       << u"fields[2].visible_if"_qs;
        QTest::newRow("rule fails") << uR"({"visible_if":{"*":[]}})"_qs << u"form_definition.rule"_qs
                                    << u"fields[2].visible_if"_qs;
        QTest::newRow("label missing") << uR"({"label":null})"_qs << u"form_definition.missing"_qs
                                       << u"fields[2].label"_qs;
        QTest::newRow("required not bool")
            << uR"({"required":"yes"})"_qs << u"form_definition.type"_qs << u"fields[2].required"_qs;
        QTest::newRow("unknown key") << uR"({"requird":true})"_qs << u"form_definition.unknown_key"_qs
                                     << u"fields[2].requird"_qs;
        QTest::newRow("duplicate option")
            << uR"({"options":[{"value":"a","label":"甲"},{"value":"a","label":"乙"}]})"_qs
            << u"form_definition.options"_qs << u"fields[2].options[1].value"_qs;
        QTest::newRow("option without label") << uR"({"options":[{"value":"a"}]})"_qs << u"form_definition.missing"_qs
                                              << u"fields[2].options[0].label"_qs;
        QTest::newRow("options on a string")
            << uR"({"type":"string"})"_qs << u"form_definition.options"_qs << u"fields[2].options"_qs;
        QTest::newRow("min above max") << uR"({"type":"number","options":null,"min":5,"max":1})"_qs
                                       << u"form_definition.range"_qs << u"fields[2].min"_qs;
        QTest::newRow("range on a date") << uR"({"type":"date","options":null,"min":5})"_qs
                                         << u"form_definition.range"_qs << u"fields[2].min"_qs;
        QTest::newRow("length on a number") << uR"({"type":"number","options":null,"max_length":5})"_qs
                                            << u"form_definition.length"_qs << u"fields[2].min_length"_qs;
        QTest::newRow("field not an object") << u"[1]"_qs << u"form_definition.type"_qs << u"fields[2]"_qs;
    }
    void definitionErrors()
    {
        QFETCH(QString, patch);
        QFETCH(QString, code);
        QFETCH(QString, field);
        json doc = sampleForm();
        const json p = json::parse(patch.toStdString());
        if (p.is_object()) {
            doc["fields"][2].merge_patch(p);
        } else {
            doc["fields"][2] = p;
        }
        const auto form = FormDefinition::fromJson(doc);
        QVERIFY(!form.ok());
        QCOMPARE(QString::fromStdString(form.error().code), code);
        QCOMPARE(QString::fromStdString(form.error().field), field);
        QVERIFY(!form.error().message.empty());
    }

    void documentErrors_data()
    {
        QTest::addColumn<QString>("doc");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("array") << u"[]"_qs << u"form_definition.type"_qs << QString();
        QTest::newRow("null") << u"null"_qs << u"form_definition.type"_qs << QString();
        QTest::newRow("no code") << uR"({"version":"1.0","title":"t","fields":[]})"_qs << u"form_definition.missing"_qs
                                 << u"code"_qs;
        QTest::newRow("bad version") << uR"({"code":"F","version":"v1","title":"t","fields":[]})"_qs
                                     << u"form_definition.version"_qs << u"version"_qs;
        QTest::newRow("bad status") << uR"({"code":"F","version":"1.0","status":"live","title":"t","fields":[]})"_qs
                                    << u"form_definition.status"_qs << u"status"_qs;
        QTest::newRow("fields not array") << uR"({"code":"F","version":"1.0","title":"t","fields":{}})"_qs
                                          << u"form_definition.type"_qs << u"fields"_qs;
        QTest::newRow("no fields") << uR"({"code":"F","version":"1.0","title":"t"})"_qs << u"form_definition.missing"_qs
                                   << u"fields"_qs;
        QTest::newRow("unknown key") << uR"({"code":"F","version":"1.0","title":"t","fields":[],"x":1})"_qs
                                     << u"form_definition.unknown_key"_qs << u"x"_qs;
        QTest::newRow("number code") << uR"({"code":7,"version":"1.0","title":"t","fields":[]})"_qs
                                     << u"form_definition.type"_qs << u"code"_qs;
    }
    void documentErrors()
    {
        QFETCH(QString, doc);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const auto form = FormDefinition::fromJson(json::parse(doc.toStdString()));
        QVERIFY(!form.ok());
        QCOMPARE(QString::fromStdString(form.error().code), code);
        QCOMPARE(QString::fromStdString(form.error().field), field);
    }

    void statusDefaultsToPublished()
    {
        const auto form
            = FormDefinition::fromJson(json::parse(R"({"code":"F","version":"1","title":"t","fields":[]})"));
        QVERIFY(form.ok());
        QCOMPARE(form->status(), std::string("published"));
        QVERIFY(form->fields().empty());
    }
};

QTEST_APPLESS_MAIN(tst_FormDefinition)
#include "tst_formdefinition.moc"
