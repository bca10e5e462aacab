#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

namespace spgl::desk {

/// One printable notice of the window (受理通知书, 不予受理通知书, 补正材料通知书).
struct Notice
{
    enum class Kind { Acceptance, Refusal, Supplement };
    Kind kind = Kind::Acceptance;
    QString windowName;    ///< 乌鲁木齐市政务服务中心工程建设项目综合窗口
    QString applicationId; ///< 申报编号
    QString projectCode;
    QString projectName;
    QString applicant;       ///< 建设单位
    QString reason;          ///< refusal reason or remarks
    QStringList materials;   ///< tolerated (容缺) or to supplement (with the reason a material was rejected)
    QStringList commitments; ///< items accepted under 告知承诺 (acceptance)
    QString clerk;
    QDate date;
};

/// Writes notices as PDF with QPdfWriter: title, the window's name, the body and a seal placeholder.
class NoticeWriter
{
    Q_DECLARE_TR_FUNCTIONS(spgl::desk::NoticeWriter)

public:
    static QString title(Notice::Kind kind);
    /// Writes @p notice to @p path; false and @p error when the file cannot be written.
    static bool write(const Notice &notice, const QString &path, QString *error = nullptr);
};

} // namespace spgl::desk
