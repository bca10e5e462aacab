#include "domain/creditcode.h"

#include <QtTest>

using spgl::CreditCode;

class tst_CreditCode : public QObject
{
    Q_OBJECT
private slots:
    void valid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fujian sample") << u"91350100M000100Y43"_qs << u"91350100M000100Y43"_qs;
        QTest::newRow("beijing") << u"91110000600037341L"_qs << u"91110000600037341L"_qs;
        QTest::newRow("urumqi, check 8") << u"91650102MA77K12348"_qs << u"91650102MA77K12348"_qs;
        QTest::newRow("lower case, blanks") << u"  91650100ma7xxxxx0k "_qs << u"91650100MA7XXXXX0K"_qs;
    }
    void valid()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto code = CreditCode::parse(input.toStdString());
        QVERIFY2(code.ok(), code.ok() ? "" : code.error().code.c_str());
        QCOMPARE(QString::fromStdString(code->text()), expected);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("error");
        QTest::newRow("wrong check") << u"91350100M000100Y44"_qs << u"credit_code.check"_qs;
        QTest::newRow("one digit changed") << u"91350100M000200Y43"_qs << u"credit_code.check"_qs;
        QTest::newRow("short") << u"91350100M000100Y4"_qs << u"credit_code.length"_qs;
        QTest::newRow("letter I") << u"91350100M000I00Y43"_qs << u"credit_code.character"_qs;
        QTest::newRow("letter O") << u"9135010OM000100Y43"_qs << u"credit_code.character"_qs;
        QTest::newRow("region not digits") << u"9135A100M000100Y43"_qs << u"credit_code.region"_qs;
        QTest::newRow("empty") << QString() << u"credit_code.length"_qs;
    }
    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(QString, error);
        const auto code = CreditCode::parse(input.toStdString());
        QVERIFY(!code.ok());
        QCOMPARE(QString::fromStdString(code.error().code), error);
        QVERIFY(!code.error().message.empty());
    }

    void checkCharacter()
    {
        QCOMPARE(CreditCode::checkCharacter("91350100M000100Y4"), '3');
        QCOMPARE(CreditCode::checkCharacter("91110000600037341"), 'L');
        QCOMPARE(CreditCode::checkCharacter("9135010"), '\0');
        QCOMPARE(CreditCode::parse("91650102MA77K12348")->regionCode(), std::string("650102"));
    }
};

QTEST_APPLESS_MAIN(tst_CreditCode)
#include "tst_creditcode.moc"
