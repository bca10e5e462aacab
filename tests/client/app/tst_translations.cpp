// The desk's Linguist files against today's sources: lupdate (run on a copy) finds every
// user-visible string of client/ already translated into English, and no entry left over from
// strings that are gone. Simplified Chinese is the source language (translations/*_zh_CN.ts
// exists for wording changes).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

class tst_Translations : public QObject
{
    Q_OBJECT
private slots:
    void englishCoversEverySourceString()
    {
        const QString lupdate = qEnvironmentVariable("SPGL_LUPDATE");
        QVERIFY2(QFile::exists(lupdate), qPrintable(u"lupdate not found: "_qs + lupdate));
        const QDir root(QStringLiteral(SPGL_SOURCE_DIR));
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("spgl-desk_en.ts"));
        QVERIFY(QFile::copy(root.filePath(QStringLiteral("translations/spgl-desk_en.ts")), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);

        // The sources, include paths and defines of spgl-desk, as CMake wrote them for lupdate.
        const auto runTool = [](const QString &program, const QStringList &args) {
            QProcess run;
            run.setProcessChannelMode(QProcess::MergedChannels);
            run.start(program, args);
            const bool finished = run.waitForFinished(180000);
            const QString output = QString::fromUtf8(run.readAll());
            return finished && run.exitStatus() == QProcess::NormalExit && run.exitCode() == 0
                       ? QString()
                       : program + u": "_qs + output;
        };
        const QString project = dir.filePath(QStringLiteral("project.json"));
        QString failed
            = runTool(qEnvironmentVariable("SPGL_CMAKE"),
                      {u"-DIN_FILE="_qs + qEnvironmentVariable("SPGL_LUPDATE_PROJECT"), u"-DOUT_FILE="_qs + project,
                       QStringLiteral("-P"), qEnvironmentVariable("SPGL_LUPDATE_GENERATOR")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        failed = runTool(lupdate, {QStringLiteral("-project"), project, QStringLiteral("-source-language"),
                                   QStringLiteral("zh_CN"), QStringLiteral("-no-obsolete"), QStringLiteral("-ts"), ts});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        // Every message, as lupdate left it, carries a finished translation.
        QFile file(ts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QStringList missing;
        int messages = 0;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"source") {
                source = xml.readElementText();
            } else if (xml.name() == u"translation") {
                ++messages;
                const QString type = xml.attributes().value(u"type"_qs).toString();
                const QString text = xml.readElementText();
                if (!type.isEmpty() || text.trimmed().isEmpty())
                    missing << (type.isEmpty() ? u"empty"_qs : type) + u": "_qs + source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 100);
        QVERIFY2(missing.isEmpty(), qPrintable(u"translations/spgl-desk_en.ts lacks (cmake --build build --target "
                                               u"update_translations, then translate):\n"_qs
                                               + missing.join(u'\n')));
        // And the file in the repository is what lupdate makes of today's sources (no entries gone).
        QFile shipped(root.filePath(QStringLiteral("translations/spgl-desk_en.ts")));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QVERIFY2(!shipped.readAll().contains("type=\"vanished\""),
                 "translations/spgl-desk_en.ts keeps entries of strings that are gone: run update_translations");
    }
};

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
