// spgl-desk: the staff desktop of SPGL (ARCHITECTURE §2). Login, then the workspaces the user's
// roles allow, on a local SQLite cache synced by a worker thread.
#include "app/logindialog.h"
#include "app/mainwindow.h"
#include "core/deskcontext.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

using namespace spgl::desk;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SPGL"));
    QApplication::setApplicationName(QStringLiteral("spgl-desk"));
    QApplication::setApplicationVersion(QStringLiteral(SPGL_DESK_VERSION));

    // Chinese by default; another language when the system asks for it and a translation exists.
    QTranslator translator;
    if (!QLocale().name().startsWith(QLatin1String("zh"))
        && translator.load(QLocale(), QStringLiteral("spgl-desk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "工程建设项目审批管理系统 · 工作人员桌面端"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption server(QStringLiteral("server"), QApplication::translate("main", "服务器地址"),
                              QStringLiteral("URL"));
    QCommandLineOption workspace(QStringLiteral("workspace"),
                                 QApplication::translate("main", "直接打开工作区：window、review 或 supervise"),
                                 QStringLiteral("name"));
    QCommandLineOption dataDir(QStringLiteral("data-dir"), QApplication::translate("main", "本地缓存目录"),
                               QStringLiteral("dir"));
    QCommandLineOption user(QStringLiteral("user"), QApplication::translate("main", "登录用户名"),
                            QStringLiteral("name"));
    parser.addOptions({server, workspace, dataDir, user});
    parser.process(app);

    const QString dir = parser.isSet(dataDir) ? parser.value(dataDir)
                                              : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QString address = parser.value(server);
    if (address.isEmpty())
        address = QSettings().value(QStringLiteral("login/server"), QStringLiteral("http://127.0.0.1:8080")).toString();

    DeskContext context(dir);
    // Login, the main window; logging out (Ctrl+Shift+Q) comes back to the login.
    for (bool first = true;; first = false) {
        LoginDialog login(context, address);
        if (parser.isSet(user))
            login.setUser(parser.value(user));
        if (login.exec() != QDialog::Accepted)
            return 0;

        MainWindow window(context);
        if (first && parser.isSet(workspace))
            window.showWorkspace(parser.value(workspace));
        bool loggedOut = false;
        QObject::connect(&context, &DeskContext::loggedOut, &window, [&] {
            loggedOut = true;
            window.hide();
            QApplication::exit(0);
        });
        window.show();
        context.syncNow();
        const int rc = app.exec();
        if (!loggedOut)
            return rc;
    }
}
