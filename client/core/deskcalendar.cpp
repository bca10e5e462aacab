#include "core/deskcalendar.h"

#include <QDateTime>
#include <QFile>
#include <QTimeZone>

#include <nlohmann/json.hpp>

namespace spgl::desk {

Result<WorkCalendar> deskCalendar()
{
    std::vector<nlohmann::json> documents;
    for (const char *name : {":/calendar/cn-national.json", ":/calendar/xj-regional.json"}) {
        QFile file(QString::fromLatin1(name));
        if (!file.open(QIODevice::ReadOnly))
            return Error{"calendar.missing", std::string("内置日历缺失：") + name, {}};
        auto document = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
        if (document.is_discarded())
            return Error{"calendar.json", std::string("内置日历格式不正确：") + name, {}};
        documents.push_back(std::move(document));
    }
    return WorkCalendar::fromJson(documents);
}

QDate beijingToday()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai"))).date();
}

} // namespace spgl::desk
