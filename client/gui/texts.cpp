#include "gui/texts.h"

#include <QDateTime>
#include <QTimeZone>

namespace spgl::desk {

QString Texts::applicationStatus(const QString &s)
{
    if (s == QLatin1String("submitted"))
        return tr("已接件");
    if (s == QLatin1String("supplement_requested"))
        return tr("补正中");
    if (s == QLatin1String("withdrawn"))
        return tr("已撤件");
    if (s == QLatin1String("refused"))
        return tr("不予受理");
    if (s == QLatin1String("in_review"))
        return tr("审批中");
    if (s == QLatin1String("concluded"))
        return tr("阶段办结");
    if (s == QLatin1String("not_passed"))
        return tr("未通过");
    if (s == QLatin1String("delivered"))
        return tr("已出件");
    return s;
}

QString Texts::caseStatus(const QString &s)
{
    if (s == QLatin1String("accepted"))
        return tr("待认领");
    if (s == QLatin1String("in_progress"))
        return tr("办理中");
    if (s == QLatin1String("supplement"))
        return tr("补正中");
    if (s == QLatin1String("special_procedure"))
        return tr("特别程序");
    if (s == QLatin1String("approved"))
        return tr("办结（通过）");
    if (s == QLatin1String("approved_tolerated"))
        return tr("办结（容缺通过）");
    if (s == QLatin1String("disapproved"))
        return tr("办结（不通过）");
    return s;
}

QString Texts::level(const QString &l)
{
    if (l == QLatin1String("warning"))
        return tr("预警");
    if (l == QLatin1String("overdue"))
        return tr("超期");
    if (l == QLatin1String("urged"))
        return tr("督办");
    if (l == QLatin1String("normal"))
        return tr("正常");
    return l;
}

QString Texts::command(const QString &c)
{
    if (c == QLatin1String("accept"))
        return tr("受理");
    if (c == QLatin1String("refuse"))
        return tr("不予受理");
    if (c == QLatin1String("request_supplement"))
        return tr("补正");
    if (c == QLatin1String("claim"))
        return tr("认领");
    if (c == QLatin1String("add_opinion"))
        return tr("审查意见");
    if (c == QLatin1String("request_consultation"))
        return tr("征求意见");
    if (c == QLatin1String("reply_consultation"))
        return tr("答复征求意见");
    if (c == QLatin1String("start_special_procedure"))
        return tr("开始特别程序");
    if (c == QLatin1String("end_special_procedure"))
        return tr("结束特别程序");
    if (c == QLatin1String("decide"))
        return tr("办结决定");
    if (c == QLatin1String("deliver"))
        return tr("统一出件");
    if (c == QLatin1String("annotate"))
        return tr("审查批注");
    if (c == QLatin1String("annotation_status"))
        return tr("批注状态");
    if (c == QLatin1String("plan_condition"))
        return tr("提出策划条件");
    if (c == QLatin1String("plan_withdraw"))
        return tr("撤回策划条件");
    if (c == QLatin1String("submit"))
        return tr("窗口代办申报");
    return c;
}

QStringList Texts::assessmentKinds()
{
    return {QStringLiteral("environmental"), QStringLiteral("energy"), QStringLiteral("geological_hazard"),
            QStringLiteral("seismic"),       QStringLiteral("water"),  QStringLiteral("mineral")};
}

QString Texts::assessment(const QString &kind)
{
    if (kind == QLatin1String("environmental"))
        return tr("区域环境影响评价");
    if (kind == QLatin1String("energy"))
        return tr("区域节能评价");
    if (kind == QLatin1String("geological_hazard"))
        return tr("地质灾害危险性评估");
    if (kind == QLatin1String("seismic"))
        return tr("地震安全性评价");
    if (kind == QLatin1String("water"))
        return tr("水资源论证");
    if (kind == QLatin1String("mineral"))
        return tr("压覆矿产资源评估");
    return kind;
}

QString Texts::opStatus(const QString &s)
{
    if (s == QLatin1String("pending"))
        return tr("待同步");
    if (s == QLatin1String("applied"))
        return tr("已生效");
    if (s == QLatin1String("rejected"))
        return tr("被拒绝");
    if (s == QLatin1String("conflict"))
        return tr("冲突");
    return s;
}

QString Texts::outcome(const QString &o)
{
    if (o == QLatin1String("approved"))
        return tr("通过");
    if (o == QLatin1String("approved_tolerated"))
        return tr("容缺通过");
    if (o == QLatin1String("disapproved"))
        return tr("不通过");
    return o;
}

QString Texts::delivery(const Delivery &d)
{
    QString text = d.method == "post"        ? tr("邮寄送达")
                   : d.method == "in_person" ? tr("现场领取")
                   : d.method == "online"    ? tr("网上送达")
                                             : QString::fromStdString(d.method);
    if (!d.trackingNo.empty())
        text += tr("，邮件单号 %1").arg(QString::fromStdString(d.trackingNo));
    if (!d.recipient.empty())
        text += (d.method == "post" ? tr("，收件人 %1") : tr("，领取人 %1")).arg(QString::fromStdString(d.recipient));
    if (d.at > 0)
        text += tr("，%1").arg(QDateTime::fromMSecsSinceEpoch(d.at, QTimeZone("Asia/Shanghai"))
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    return text;
}

QString Texts::delivery(const nlohmann::json &d)
{
    if (!d.is_object())
        return {};
    auto text = [&](const char *key) {
        return d.contains(key) && d[key].is_string() ? d[key].get<std::string>() : std::string();
    };
    return delivery(Delivery{text("method"), text("tracking_no"), text("recipient"),
                             d.contains("at") && d["at"].is_number_integer() ? d["at"].get<std::int64_t>() : 0});
}

QString Texts::channel(const QString &c)
{
    if (c == QLatin1String("window"))
        return tr("窗口");
    if (c == QLatin1String("online"))
        return tr("网上");
    return c;
}

QString Texts::stage(int stage)
{
    switch (stage) {
    case 1:
        return tr("立项用地规划许可");
    case 2:
        return tr("工程建设许可");
    case 3:
        return tr("施工许可");
    case 4:
        return tr("竣工验收");
    default:
        return tr("第%1阶段").arg(stage);
    }
}

QColor Texts::levelColor(const QString &l)
{
    if (l == QLatin1String("overdue") || l == QLatin1String("urged"))
        return QColor(255, 205, 205);
    if (l == QLatin1String("warning"))
        return QColor(255, 226, 180);
    return {};
}

QString Texts::field(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return {};
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>());
    if (it->is_number())
        return QString::fromStdString(it->dump());
    return {};
}

} // namespace spgl::desk
