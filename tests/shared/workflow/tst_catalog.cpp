#include "workflow/catalog.h"

#include "rules/jsonlogic.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <string>

using nlohmann::json;
using spgl::Catalog;
using spgl::DefinitionStatus;
using spgl::ItemDefinition;
using spgl::MaterialDefinition;
using spgl::ProcessDefinition;

namespace {

const std::string kCatalogDir = std::string(SPGL_RESOURCES_DIR) + "/catalog/";

std::vector<std::string> seedFiles()
{
    return {kCatalogDir + "items.json", kCatalogDir + "processes.json", kCatalogDir + "forms.json"};
}

json item(const std::string &code, const std::string &version, const std::string &status = "published",
          int promised = 5)
{
    return {{"code", code},
            {"version", version},
            {"status", status},
            {"name", "事项" + code},
            {"department", "11650100ZRZY"},
            {"statutory_limit", 20},
            {"statutory_unit", "workday"},
            {"promised_limit", promised},
            {"promised_unit", "workday"},
            {"materials", json::array({{{"code", "M01"}, {"name", "申请表"}, {"requirement", "required"}}})}};
}

json form(const std::string &code, const std::string &version = "1.0")
{
    return {{"code", code},
            {"version", version},
            {"title", "表单"},
            {"fields", json::array({{{"name", "has_basement"}, {"label", "是否有地下室"}, {"type", "boolean"}}})}};
}

json process(const std::string &code, const std::string &version, json stages)
{
    return {{"code", code},
            {"version", version},
            {"status", "published"},
            {"name", "流程"},
            {"process_type", 3},
            {"region_code", "650100"},
            {"effective_date", "2024-01-01"},
            {"stages", std::move(stages)}};
}

json stage(int seq, int limit, json items, const std::string &formCode = "F1")
{
    return {{"seq", seq},
            {"national_seq", seq},
            {"code", "S" + std::to_string(seq)},
            {"name", "阶段"},
            {"lead_department", "11650100ZJJ"},
            {"limit", limit},
            {"unit", "workday"},
            {"completion", 1},
            {"form", {{"code", formCode}, {"version", "1.0"}}},
            {"items", std::move(items)}};
}

json ref(const std::string &code, const std::string &version = "1.0")
{
    return {{"code", code}, {"version", version}, {"milestone", true}};
}

QString codes(const spgl::Errors &errors)
{
    QStringList out;
    for (const auto &e : errors)
        out << QString::fromStdString(e.code + "@" + e.field);
    return out.join(u',');
}

} // namespace

class tst_Catalog : public QObject
{
    Q_OBJECT
private slots:
    void versionOrder()
    {
        QVERIFY(Catalog::compareVersions("1.10", "1.9") > 0);
        QVERIFY(Catalog::compareVersions("1.9", "1.10") < 0);
        QCOMPARE(Catalog::compareVersions("1.0", "1"), 0);
        QCOMPARE(Catalog::compareVersions("1.01", "1.1"), 0);
        QVERIFY(Catalog::compareVersions("2.0", "1.99.9") > 0);
        QVERIFY(Catalog::compareVersions("0.9", "1.0") < 0);
        QVERIFY(Catalog::compareVersions("10.0", "9.0") > 0);
        QVERIFY(Catalog::isVersion("1.0"));
        QVERIFY(Catalog::isVersion("12"));
        QVERIFY(!Catalog::isVersion("v1"));
        QVERIFY(!Catalog::isVersion("1..0"));
        QVERIFY(!Catalog::isVersion("1."));
        QVERIFY(!Catalog::isVersion(""));
    }

    void lookups()
    {
        const json doc = {{"items", json::array({item("A", "1.9"), item("A", "1.10"), item("A", "2.0", "draft"),
                                                 item("A", "0.5", "retired"), item("B", "1.0", "retired")})},
                          {"forms", json::array({form("F1"), form("F1", "1.1")})}};
        const auto catalog = Catalog::fromJson(doc);
        QVERIFY2(catalog.ok(), catalog.ok() ? "" : catalog.error().message.c_str());
        QVERIFY(catalog->item("A", "1.9"));
        QVERIFY(catalog->item("A", "1.90") == nullptr);
        QVERIFY(!catalog->item("C", "1.0"));
        QCOMPARE(catalog->latestItem("A")->version, std::string("1.10")); // draft 2.0 is not offered
        QVERIFY(!catalog->latestItem("B"));                               // only retired
        QVERIFY(!catalog->latestItem("nope"));
        QCOMPARE(catalog->latestForm("F1")->version(), std::string("1.1"));
        QCOMPARE(catalog->form("F1", "1.0")->title(), std::string("表单"));
        const auto items = catalog->items();
        QCOMPARE(items.size(), std::size_t(5));
        QCOMPARE(items[0]->version, std::string("0.5")); // ordered by code, then version
        QCOMPARE(items[1]->version, std::string("1.9"));
        QCOMPARE(items[2]->version, std::string("1.10"));
        QCOMPARE(items[3]->version, std::string("2.0"));
        QCOMPARE(items[4]->code, std::string("B"));
        QCOMPARE(catalog->forms().size(), std::size_t(2));
        QVERIFY(catalog->processes().empty());
        QVERIFY(catalog->publishedProcesses().empty());
    }

    void addRejectsDuplicates()
    {
        Catalog catalog;
        auto one = spgl::itemFromJson(item("A", "1.0"));
        QVERIFY(one.ok());
        QVERIFY(catalog.add(one.value()).ok());
        const auto again = catalog.add(one.value());
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, std::string("catalog.duplicate"));
        // "1" is the same version as "1.0"
        auto same = one.value();
        same.version = "1";
        QVERIFY(!catalog.add(same).ok());
        // pointers stay valid while adding
        const ItemDefinition *first = catalog.item("A", "1.0");
        for (int v = 1; v < 50; ++v) {
            auto next = one.value();
            next.version = "1." + std::to_string(v);
            QVERIFY(catalog.add(next).ok());
        }
        QCOMPARE(catalog.item("A", "1.0"), first);
        QCOMPARE(catalog.latestItem("A")->version, std::string("1.49"));
        // a duplicate inside a document
        const auto doc = Catalog::fromJson({{"items", json::array({item("A", "1.0"), item("A", "1.0")})}});
        QVERIFY(!doc.ok());
        QCOMPARE(doc.error().code, std::string("catalog.duplicate"));
        QCOMPARE(doc.error().field, std::string("items[1].version"));
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("doc");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const auto row = [](const char *name, json doc, const char *code, const char *field) {
            QTest::newRow(name) << QString::fromStdString(doc.dump()) << QString::fromLatin1(code)
                                << QString::fromLatin1(field);
        };
        row("not an object", json::array(), "catalog.type", "");
        row("items not array", {{"items", 1}}, "catalog.type", "items");
        row("unknown top key", {{"itemz", json::array()}}, "catalog.unknown_key", "itemz");
        json bad = item("A", "1.0");
        bad["promised_limit"] = "5";
        row("limit a string", {{"items", json::array({item("X", "1.0"), item("Y", "1.0"), item("Z", "1.0"), bad})}},
            "catalog.type", "items[3].promised_limit");
        bad = item("A", "1.0");
        bad["promised_limit"] = -1;
        row("negative limit", {{"items", json::array({bad})}}, "catalog.range", "items[0].promised_limit");
        bad = item("A", "1.0");
        bad["statutory_unit"] = "hour";
        row("bad unit", {{"items", json::array({bad})}}, "catalog.unit", "items[0].statutory_unit");
        bad = item("A", "v2");
        row("bad version", {{"items", json::array({bad})}}, "catalog.version", "items[0].version");
        bad = item("A", "1.0", "active");
        row("bad status", {{"items", json::array({bad})}}, "catalog.status", "items[0].status");
        bad = item("A", "1.0");
        bad.erase("code");
        row("no code", {{"items", json::array({bad})}}, "catalog.missing", "items[0].code");
        bad = item("A", "1.0");
        bad["materials"][0]["requirement"] = "maybe";
        row("bad requirement", {{"items", json::array({bad})}}, "catalog.requirement",
            "items[0].materials[0].requirement");
        bad = item("A", "1.0");
        bad["materials"][0]["colour"] = "red";
        row("unknown material key", {{"items", json::array({bad})}}, "catalog.unknown_key",
            "items[0].materials[0].colour");
        bad = item("A", "1.0");
        bad["applies_if"] = {{"nonsense", 1}};
        row("bad applies_if", {{"items", json::array({bad})}}, "catalog.rule", "items[0].applies_if");
        bad = item("A", "1.0");
        bad["special_procedures"] = json::array({{{"kind", "hearing"}, {"name", "听证"}}});
        row("procedure without limit", {{"items", json::array({bad})}}, "catalog.missing",
            "items[0].special_procedures[0].limit");
        json p = process("P", "1.0", json::array({stage(1, 10, json::array())}));
        p["process_type"] = 11;
        row("process type", {{"processes", json::array({p})}}, "catalog.range", "processes[0].process_type");
        p = process("P", "1.0", json::array({stage(1, 10, json::array())}));
        p["region_code"] = "990100";
        row("process region", {{"processes", json::array({p})}}, "catalog.region_code", "processes[0].region_code");
        p = process("P", "1.0", json::array({stage(1, 10, json::array())}));
        p["effective_date"] = "2024-02-30";
        row("process date", {{"processes", json::array({p})}}, "catalog.date", "processes[0].effective_date");
        p = process("P", "1.0", json::array({stage(1, 10, json::array())}));
        p["stages"][0]["completion"] = 3;
        row("completion", {{"processes", json::array({p})}}, "catalog.range", "processes[0].stages[0].completion");
        p = process("P", "1.0", json::array({stage(1, 10, json::array({ref("A", "x")}))}));
        row("item ref version", {{"processes", json::array({p})}}, "catalog.version",
            "processes[0].stages[0].items[0].version");
        p = process("P", "1.0", json::array({stage(1, 10, json::array())}));
        p["stages"][0]["form"] = {{"code", "F1"}};
        row("form ref without version", {{"processes", json::array({p})}}, "catalog.missing",
            "processes[0].stages[0].form.version");
        json f = form("F1");
        f["fields"][0]["type"] = "varchar";
        row("form field type", {{"forms", json::array({form("F0"), f})}}, "form_definition.type",
            "forms[1].fields[0].type");
    }
    void parseErrors()
    {
        QFETCH(QString, doc);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const auto catalog = Catalog::fromJson(json::parse(doc.toStdString()));
        QVERIFY(!catalog.ok());
        QCOMPARE(QString::fromStdString(catalog.error().code), code);
        QCOMPARE(QString::fromStdString(catalog.error().field), field);
        QVERIFY(!catalog.error().message.empty());
    }

    void itemRoundTrip()
    {
        const auto catalog = Catalog::fromFiles(seedFiles());
        QVERIFY(catalog.ok());
        for (const auto *i : catalog->items()) {
            const auto again = spgl::itemFromJson(spgl::itemToJson(*i));
            QVERIFY(again.ok());
            QVERIFY(again.value() == *i);
        }
        for (const auto *p : catalog->processes()) {
            const auto again = spgl::processFromJson(spgl::processToJson(*p));
            QVERIFY(again.ok());
            QVERIFY(again.value() == *p);
        }
        const auto whole = Catalog::fromJson(catalog->toJson());
        QVERIFY(whole.ok());
        QCOMPARE(whole->toJson().dump(), catalog->toJson().dump());
    }

    void validateFindings()
    {
        json bigLimit = item("BIG", "1.0", "published", 30); // promised 30 > statutory 20
        json noDept = item("ND", "1.0");
        noDept["department"] = "";
        json draft = item("DR", "1.0", "draft");
        json tolerable = item("TL", "1.0");
        tolerable["materials"][0]["requirement"] = "tolerable"; // without tolerance_allowed
        json rule = item("RL", "1.0");
        rule["applies_if"] = {{"==", json::array({{{"var", "form.needs_water_intake"}}, true})}};
        json zero = item("ZERO", "1.0", "published", 0);
        const json doc
            = {{"items", json::array({item("A", "1.0"), bigLimit, noDept, draft, tolerable, rule, zero})},
               {"forms", json::array({form("F1")})},
               {"processes",
                json::array({process("P", "1.0",
                                     json::array({stage(1, 50, json::array({ref("A"), ref("MISSING"), ref("DR")})),
                                                  stage(1, 40, json::array({ref("BIG"), ref("RL")})),
                                                  stage(3, 35, json::array({ref("A")}), "NOFORM")})),
                             process("Q", "1.0", json::array())})}};
        const auto catalog = Catalog::fromJson(doc);
        QVERIFY2(catalog.ok(), catalog.ok() ? "" : catalog.error().message.c_str());
        const auto errors = catalog->validate();
        const QString found = codes(errors);
        const QStringList expected = {
            u"catalog.promised_limit@items[BIG@1.0].promised_limit"_qs,
            u"catalog.department@items[ND@1.0].department"_qs,
            u"catalog.material@items[TL@1.0].materials[0].requirement"_qs,
            u"catalog.limit@items[ZERO@1.0].promised_limit"_qs,
            u"catalog.item_missing@processes[P@1.0].stages[1].items[MISSING@1.0]"_qs,
            u"catalog.unpublished_reference@processes[P@1.0].stages[1].items[DR@1.0]"_qs,
            u"catalog.stage_seq@processes[P@1.0].stages[1].seq"_qs,
            u"catalog.rule_field@processes[P@1.0].stages[1].items[RL@1.0]"_qs,
            u"catalog.form_missing@processes[P@1.0].stages[3].form"_qs,
            u"catalog.total_limit@processes[P@1.0].stages"_qs,
            u"catalog.stage_seq@processes[Q@1.0].stages"_qs,
        };
        for (const auto &e : expected)
            QVERIFY2(found.contains(e), qPrintable(e + u" not in "_qs + found));
        QCOMPARE(errors.size(), std::size_t(expected.size()));
        for (const auto &e : errors)
            QVERIFY(!e.message.empty());
    }

    void itemExceedingStage()
    {
        const json doc
            = {{"items", json::array({item("A", "1.0", "published", 15)})},
               {"forms", json::array({form("F1")})},
               {"processes", json::array({process("P", "1.0", json::array({stage(1, 10, json::array({ref("A")}))}))})}};
        const auto catalog = Catalog::fromJson(doc);
        QVERIFY(catalog.ok());
        QCOMPARE(codes(catalog->validate()), u"catalog.item_exceeds_stage@processes[P@1.0].stages[1].items[A@1.0]"_qs);
    }

    void fromFilesErrors()
    {
        auto catalog = Catalog::fromFiles({kCatalogDir + "does-not-exist.json"});
        QVERIFY(!catalog.ok());
        QCOMPARE(catalog.error().code, std::string("catalog.file"));
        const QString broken = QDir::temp().filePath(u"spgl_broken_catalog.json"_qs);
        {
            std::ofstream out(broken.toStdString());
            out << "{\"items\": [";
        }
        catalog = Catalog::fromFiles({broken.toStdString()});
        QVERIFY(!catalog.ok());
        QCOMPARE(catalog.error().code, std::string("catalog.json"));
        // the same file twice: duplicates
        catalog = Catalog::fromFiles({kCatalogDir + "items.json", kCatalogDir + "items.json"});
        QVERIFY(!catalog.ok());
        QCOMPARE(catalog.error().code, std::string("catalog.duplicate"));
        QCOMPARE(catalog.error().field, kCatalogDir + "items.json: items[0].version");
        QFile::remove(broken);
    }

    void seedLoadsAndValidates()
    {
        const auto catalog = Catalog::fromFiles(seedFiles());
        QVERIFY2(catalog.ok(), catalog.ok() ? "" : (catalog.error().field + ": " + catalog.error().message).c_str());
        const auto errors = catalog->validate();
        QVERIFY2(errors.empty(), qPrintable(codes(errors)));

        // counts
        std::set<std::string> itemCodes;
        std::set<std::string> departments;
        for (const auto *i : catalog->items()) {
            itemCodes.insert(i->code);
            departments.insert(i->department);
            QVERIFY2(i->materials.size() >= 3 && i->materials.size() <= 8, i->code.c_str());
            QVERIFY(i->promisedLimit <= i->statutoryLimit);
            QVERIFY(!i->legalBasis.empty());
            QVERIFY(!i->resultName.empty());
        }
        QVERIFY(itemCodes.size() >= 25);
        QVERIFY(departments.size() >= 10);
        QVERIFY(catalog->forms().size() >= 4);
        const auto published = catalog->publishedProcesses();
        QCOMPARE(published.size(), std::size_t(3));

        const auto total = [](const ProcessDefinition *p) {
            int sum = 0;
            for (const auto &s : p->stages) {
                if (s.nationalSeq <= 4)
                    sum += s.limit;
            }
            return sum;
        };
        const ProcessDefinition *government = catalog->latestProcess("650100-ZFTZFW");
        const ProcessDefinition *general = catalog->latestProcess("650100-YBSHTZ");
        const ProcessDefinition *small = catalog->latestProcess("650100-XXSHTZ");
        QVERIFY(government && general && small);
        QCOMPARE(government->processType, 1);
        QCOMPARE(general->processType, 3);
        QCOMPARE(small->processType, 4);
        QVERIFY(total(government) <= 100);
        QVERIFY(total(general) <= 80);
        QVERIFY(total(small) <= 30);
        for (const auto *p : published) {
            QCOMPARE(p->regionCode, std::string("650100"));
            for (int seq = 1; seq <= 4; ++seq) {
                const auto *s = p->stage(seq);
                QVERIFY(s);
                QCOMPARE(s->nationalSeq, seq);
                QVERIFY(catalog->form(s->formCode, s->formVersion));
            }
            QCOMPARE(p->stage(2)->leadDepartment, std::string("11650100ZRZY"));
            QCOMPARE(p->stage(3)->leadDepartment, std::string("11650100ZJJ"));
            QCOMPARE(p->stage(4)->leadDepartment, std::string("11650100ZJJ"));
        }
        QCOMPARE(government->stage(1)->leadDepartment, std::string("11650100FGW"));
        QCOMPARE(general->stage(1)->leadDepartment, std::string("11650100ZRZY"));

        // versioning: the retired 0.9 is kept but not offered
        const auto *old = catalog->item("650100-ZRZY-005", "0.9");
        QVERIFY(old);
        QVERIFY(old->status == DefinitionStatus::Retired);
        const auto *latest = catalog->latestItem("650100-ZRZY-005");
        QCOMPARE(latest->version, std::string("1.0"));
        QVERIFY(latest->promisedLimit != old->promisedLimit);

        // tolerance, commitment, special procedures, applies_if
        const auto *permit = catalog->latestItem("650100-ZJJ-003");
        QVERIFY(permit->toleranceAllowed && permit->commitmentAllowed);
        QVERIFY(permit->toleranceDays >= 20 && permit->toleranceDays <= 30);
        bool tolerable = false;
        for (const auto &m : permit->materials)
            tolerable = tolerable || m.requirement == MaterialDefinition::Requirement::Tolerable;
        QVERIFY(tolerable);
        QVERIFY(catalog->latestItem("650100-SWJ-002")->commitmentAllowed);
        const auto *eia = catalog->latestItem("650100-STHJ-001")->specialProcedure("eia_publicity");
        QVERIFY(eia);
        QVERIFY(eia->unit == spgl::Clock::Unit::Day);
        QCOMPARE(catalog->latestItem("650100-ZRZY-004")->specialProcedure("hearing")->limit, 10);
        QVERIFY(catalog->latestItem("650100-RFB-001")->appliesIf.is_object());

        // the forms validate a realistic application
        const auto *s3 = catalog->form(government->stage(3)->formCode, government->stage(3)->formVersion);
        const json application = {{"project_code", "2024-650102-47-01-000123"},
                                  {"project_name", "乌鲁木齐市第一中学教学楼建设项目"},
                                  {"region_code", "650102"},
                                  {"site_address", "乌鲁木齐市天山区解放南路"},
                                  {"builder_name", "乌鲁木齐市教育局"},
                                  {"builder_credit_code", "91650100MA775XKQ29"},
                                  {"legal_representative", "张三"},
                                  {"contact_person", "李四"},
                                  {"contact_phone", "0991-4567890"},
                                  {"contact_id_number", "650102199003071235"},
                                  {"planning_permit_no", "建字第650102202400123号"},
                                  {"contract_price", "8800.50"},
                                  {"construction_unit_name", "新疆某建设集团有限公司"},
                                  {"construction_unit_credit_code", "91350100M000100Y43"},
                                  {"building_area", 12000.5},
                                  {"structure_type", "frame"},
                                  {"has_basement", true},
                                  {"civil_defence_area", 1800},
                                  {"needs_water_intake", false},
                                  {"needs_road_occupation", true},
                                  {"needs_highway_occupation", false},
                                  {"needs_night_work", false},
                                  {"planned_start_date", "2025-04-01"},
                                  {"planned_completion_date", "2026-09-30"}};
        const auto validation = s3->validate(application);
        QStringList messages;
        for (const auto &e : validation.errors)
            messages << QString::fromStdString(e.field + ": " + e.message);
        QVERIFY2(validation.ok(), qPrintable(messages.join(u"; "_qs)));
        // the stage's items that apply, with their applies_if over the cleaned form
        int applying = 0;
        for (const auto &r : government->stage(3)->items) {
            const auto *i = catalog->item(r.code, r.version);
            if (i->appliesIf.is_null()
                || spgl::JsonLogic::truthy(
                    spgl::JsonLogic::evaluate(i->appliesIf, {{"form", validation.data}}).value()))
                ++applying;
        }
        QCOMPARE(applying, 6); // 8 items; not 取水许可 (no water intake), not 占用公路
    }
};

QTEST_APPLESS_MAIN(tst_Catalog)
#include "tst_catalog.moc"
