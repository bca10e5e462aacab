#include "gui/noticewriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace spgl::desk {

QString NoticeWriter::title(Notice::Kind kind)
{
    switch (kind) {
    case Notice::Kind::Acceptance:
        return tr("受理通知书");
    case Notice::Kind::Refusal:
        return tr("不予受理通知书");
    case Notice::Kind::Supplement:
        return tr("补正材料通知书");
    }
    return {};
}

bool NoticeWriter::write(const Notice &n, const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setResolution(300);
    pdf.setTitle(title(n.kind));
    pdf.setCreator(QStringLiteral("spgl-desk"));
    QPainter p;
    if (!p.begin(&pdf)) {
        if (error)
            *error = tr("无法写入文件 %1").arg(path);
        return false;
    }
    const int width = pdf.width();
    const int margin = 240;
    QFont heading(QStringLiteral("WenQuanYi Micro Hei"));
    heading.setPointSize(20);
    heading.setBold(true);
    QFont body(QStringLiteral("WenQuanYi Micro Hei"));
    body.setPointSize(12);

    int y = margin;
    p.setFont(body);
    p.drawText(QRect(margin, y, width - 2 * margin, 80), Qt::AlignRight, tr("编号：%1").arg(n.applicationId));
    y += 160;
    p.setFont(heading);
    p.drawText(QRect(0, y, width, 160), Qt::AlignHCenter, title(n.kind));
    y += 280;
    p.setFont(body);
    const int line = 90;
    auto para = [&](const QString &text) {
        const QRect r = p.boundingRect(QRect(margin, y, width - 2 * margin, 4000), Qt::TextWordWrap, text);
        p.drawText(r, Qt::TextWordWrap, text);
        y += r.height() + line / 2;
    };
    para(n.applicant.isEmpty() ? tr("申请人：") : tr("%1：").arg(n.applicant));
    switch (n.kind) {
    case Notice::Kind::Acceptance:
        para(tr("    你单位申报的“%1”（项目代码 %2）申请材料，经审查，符合受理条件，本窗口决定予以受理。"
                "受理后各审批部门将并联审批，请通过网上办事大厅查询办理进度。")
                 .arg(n.projectName, n.projectCode));
        if (!n.materials.isEmpty()) {
            para(tr("    以下材料按容缺受理办理，请在承诺期限内补齐："));
            for (const auto &m : n.materials)
                para(QStringLiteral("        · ") + m);
        }
        if (!n.commitments.isEmpty()) {
            para(tr("    以下事项按告知承诺制受理，请按承诺内容在规定期限内履行并补交相关材料："));
            for (const auto &c : n.commitments)
                para(QStringLiteral("        · ") + c);
        }
        break;
    case Notice::Kind::Refusal:
        para(tr("    你单位申报的“%1”（项目代码 %2）申请材料，经审查，不符合受理条件，本窗口决定不予受理。")
                 .arg(n.projectName, n.projectCode));
        para(tr("    理由：%1").arg(n.reason));
        para(tr("    如对本决定不服，可依法申请行政复议或者提起行政诉讼。"));
        break;
    case Notice::Kind::Supplement:
        para(tr("    你单位申报的“%1”（项目代码 %2）申请材料不齐全或者不符合法定形式，请补正以下材料：")
                 .arg(n.projectName, n.projectCode));
        for (const auto &m : n.materials)
            para(QStringLiteral("        · ") + m);
        if (!n.reason.isEmpty())
            para(tr("    说明：%1").arg(n.reason));
        para(tr("    补正材料齐全后，本窗口将重新审查。"));
        break;
    }
    y += 200;
    const int right = width - margin;
    p.drawText(QRect(margin, y, right - margin, 80), Qt::AlignRight, n.windowName);
    p.drawText(QRect(margin, y + 100, right - margin, 80), Qt::AlignRight,
               n.date.toString(QStringLiteral("yyyy年M月d日")));
    if (!n.clerk.isEmpty())
        p.drawText(QRect(margin, y + 200, right - margin, 80), Qt::AlignRight, tr("经办人：%1").arg(n.clerk));
    // The seal placeholder: the electronic seal (spgl::seal) replaces it in a later version.
    const int r = 330;
    const QPoint centre(right - 420, y + 60);
    p.setPen(QPen(QColor(200, 0, 0), 10));
    p.drawEllipse(centre, r, r);
    p.setFont(body);
    p.drawText(QRect(centre.x() - r, centre.y() - 50, 2 * r, 100), Qt::AlignCenter, tr("（印章）"));
    p.end();
    return true;
}

} // namespace spgl::desk
