// The staff actions' form dialog driven by the keyboard alone: fields in the order added, Tab
// between them, Ctrl+Enter accepts (Enter in a text field is a new line), a required field left
// empty keeps the dialog open with a message. (QTest types Latin-1 only: the typed text is ASCII.)
#include "gui/formdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QtTest>

using spgl::desk::FormDialog;

class tst_FormDialog : public QObject
{
    Q_OBJECT
private slots:
    void acceptedByKeyboardAlone()
    {
        FormDialog d(QStringLiteral("审查意见"));
        d.addChoice(QStringLiteral("outcome"), QStringLiteral("结论："),
                    {{QStringLiteral("通过"), QStringLiteral("approved")},
                     {QStringLiteral("不通过"), QStringLiteral("disapproved")}});
        d.addText(QStringLiteral("opinion"), QStringLiteral("意见："), {}, true);
        d.open();
        QApplication::setActiveWindow(&d);
        QVERIFY(QTest::qWaitForWindowActive(&d));
        auto *outcome = d.findChild<QComboBox *>(QStringLiteral("outcome"));
        auto *opinion = d.findChild<QPlainTextEdit *>(QStringLiteral("opinion"));
        outcome->setFocus();
        QVERIFY(QTest::qWaitFor([&] { return outcome->hasFocus(); }));
        QTest::keyClick(outcome, Qt::Key_Down); // 不通过
        QTest::keyClick(outcome, Qt::Key_Tab);
        QVERIFY(opinion->hasFocus());
        // Nothing written yet: Ctrl+Enter refuses and says why; the dialog stays.
        QTest::keyClick(opinion, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));
        auto *error = d.findChild<QLabel *>(QStringLiteral("formError"));
        QVERIFY(error && error->isVisible() && !error->text().isEmpty());
        QTest::keyClicks(opinion, QStringLiteral("Materials incomplete"));
        QTest::keyClick(opinion, Qt::Key_Return); // a new line, not OK
        QVERIFY(d.isVisible());
        QTest::keyClicks(opinion, QStringLiteral("please supplement"));
        QTest::keyClick(opinion, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.value(QStringLiteral("outcome")), QStringLiteral("disapproved"));
        QCOMPARE(d.value(QStringLiteral("opinion")), QStringLiteral("Materials incomplete\nplease supplement"));
    }

    void keypadEnterWithControlAcceptsToo()
    {
        FormDialog d(QStringLiteral("受理"));
        d.addLine(QStringLiteral("number"), QStringLiteral("文号："), QStringLiteral("乌自然资规〔2026〕18号"), true);
        d.open();
        QApplication::setActiveWindow(&d);
        QVERIFY(QTest::qWaitForWindowActive(&d));
        auto *line = d.findChild<QLineEdit *>(QStringLiteral("number"));
        line->setFocus();
        QTest::keyClick(line, Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        QCOMPARE(d.result(), int(QDialog::Accepted));
    }

    void escapeCancels()
    {
        FormDialog d(QStringLiteral("不予受理"));
        d.addText(QStringLiteral("reason"), QStringLiteral("理由："), QStringLiteral("不属于本窗口受理范围"), true);
        d.open();
        QApplication::setActiveWindow(&d);
        QVERIFY(QTest::qWaitForWindowActive(&d));
        QTest::keyClick(d.findChild<QPlainTextEdit *>(QStringLiteral("reason")), Qt::Key_Escape);
        QVERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));
    }
};

QTEST_MAIN(tst_FormDialog)
#include "tst_formdialog.moc"
