#include "domain/regioncode.h"

#include <QtTest>

using spgl::RegionCode;

class tst_RegionCode : public QObject
{
    Q_OBJECT
private slots:
    void scope()
    {
        const auto region = RegionCode::parse("650000");
        QVERIFY(region.ok());
        QCOMPARE(region->scopePrefix(), std::string("65"));
        QCOMPARE(region->level(), 1);
        QVERIFY(region->covers("650102"));
        QVERIFY(region->covers("659001"));
        QVERIFY(!region->covers("620102"));

        const auto urumqi = RegionCode::parse("650100");
        QCOMPARE(urumqi->scopePrefix(), std::string("6501"));
        QCOMPARE(urumqi->level(), 2);
        QVERIFY(urumqi->covers("650100"));
        QVERIFY(urumqi->covers("650102"));
        QVERIFY(!urumqi->covers("650200"));
        QVERIFY(!urumqi->covers("65"));

        const auto tianshan = RegionCode::parse("650102");
        QCOMPARE(tianshan->level(), 3);
        QVERIFY(tianshan->covers("650102"));
        QVERIFY(!tianshan->covers("650103"));
    }

    void invalid()
    {
        QCOMPARE(RegionCode::parse("65010").error().code, std::string("region_code.format"));
        QCOMPARE(RegionCode::parse("65010x").error().code, std::string("region_code.format"));
        QCOMPARE(RegionCode::parse("990100").error().code, std::string("region_code.province"));
    }
};

QTEST_APPLESS_MAIN(tst_RegionCode)
#include "tst_regioncode.moc"
