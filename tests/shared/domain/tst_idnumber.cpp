#include "domain/idnumber.h"

#include <QtTest>

using spgl::IdNumber;

class tst_IdNumber : public QObject
{
    Q_OBJECT
private slots:
    void valid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("birth");
        QTest::newRow("check X") << u"11010519491231002X"_qs << u"1949-12-31"_qs;
        QTest::newRow("lower x") << u"11010519491231002x"_qs << u"1949-12-31"_qs;
        QTest::newRow("urumqi") << u"650102199003071235"_qs << u"1990-03-07"_qs;
        QTest::newRow("leap day") << u"650102199202290019"_qs << u"1992-02-29"_qs;
    }
    void valid()
    {
        QFETCH(QString, input);
        QFETCH(QString, birth);
        const auto id = IdNumber::parse(input.toStdString());
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().code.c_str());
        QCOMPARE(QString::fromStdString(id->birthDate()), birth);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("error");
        QTest::newRow("wrong check") << u"650102199003071236"_qs << u"id_number.check"_qs;
        QTest::newRow("swapped digits") << u"650102199030071235"_qs << u"id_number.birth_date"_qs;
        QTest::newRow("feb 29 non-leap") << u"650102199302290019"_qs << u"id_number.birth_date"_qs;
        QTest::newRow("15 digits (old)") << u"650102900307123"_qs << u"id_number.length"_qs;
        QTest::newRow("letter inside") << u"6501021990030712A5"_qs << u"id_number.character"_qs;
        QTest::newRow("last not X") << u"65010219900307123Y"_qs << u"id_number.character"_qs;
    }
    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(QString, error);
        const auto id = IdNumber::parse(input.toStdString());
        QVERIFY(!id.ok());
        QCOMPARE(QString::fromStdString(id.error().code), error);
    }
};

QTEST_APPLESS_MAIN(tst_IdNumber)
#include "tst_idnumber.moc"
