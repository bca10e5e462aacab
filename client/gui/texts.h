#pragma once

#include "workflow/delivery.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>

namespace spgl::desk {

/// The people's names of the states, levels and commands the desktop shows.
class Texts
{
    Q_DECLARE_TR_FUNCTIONS(spgl::desk::Texts)

public:
    static QString applicationStatus(const QString &status);
    static QString caseStatus(const QString &status);
    static QString level(const QString &level);
    static QString command(const QString &command);
    static QString opStatus(const QString &status);
    static QString outcome(const QString &outcome);
    static QString channel(const QString &channel);
    static QString stage(int stage);
    /// A regional assessment kind (environmental, energy, geological_hazard, seismic, water, mineral).
    static QString assessment(const QString &kind);
    /// The assessment kinds, in the order the guideline lists them.
    static QStringList assessmentKinds();
    /// 统一出件 as people read it: "邮寄送达，邮件单号 …，收件人 …，2026-06-30 10:00".
    static QString delivery(const Delivery &delivery);
    /// The same from its JSON form ({method, tracking_no, recipient, at}: events and states).
    static QString delivery(const nlohmann::json &delivery);
    /// The string or number under @p key of a server JSON object, as text (empty otherwise).
    static QString field(const nlohmann::json &object, const char *key);
    /// The row colour of a clock level (invalid for normal).
    static QColor levelColor(const QString &level);
};

} // namespace spgl::desk
