#include "domain/projectcode.h"

#include <QtTest>

using spgl::ProjectCode;

class tst_ProjectCode : public QObject
{
    Q_OBJECT
private slots:
    void valid()
    {
        const auto code = ProjectCode::parse(" 2019-650102-47-01-000123 ");
        QVERIFY(code.ok());
        QCOMPARE(code->text(), std::string("2019-650102-47-01-000123"));
        QCOMPARE(code->year(), 2019);
        QCOMPARE(code->regionCode(), std::string("650102"));
        QCOMPARE(code->industry(), std::string("47"));
        QCOMPARE(code->type(), std::string("01"));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("error");
        QTest::newRow("no dashes") << u"201965010247010001230"_qs << u"project_code.format"_qs;
        QTest::newRow("short serial") << u"2019-650102-47-01-00012"_qs << u"project_code.format"_qs;
        QTest::newRow("letter") << u"2019-65010A-47-01-000123"_qs << u"project_code.format"_qs;
        QTest::newRow("year 1899") << u"1899-650102-47-01-000123"_qs << u"project_code.year"_qs;
        QTest::newRow("province 99") << u"2019-990102-47-01-000123"_qs << u"project_code.region"_qs;
    }
    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(QString, error);
        const auto code = ProjectCode::parse(input.toStdString());
        QVERIFY(!code.ok());
        QCOMPARE(QString::fromStdString(code.error().code), error);
    }
};

QTEST_APPLESS_MAIN(tst_ProjectCode)
#include "tst_projectcode.moc"
