#include "gui/applicationtablemodel.h"

#include "core/localcache.h"
#include "gui/texts.h"

#include <QDateTime>
#include <QTimeZone>

namespace spgl::desk {

namespace {
QString field(const nlohmann::json &row, const char *key)
{
    if (!row.is_object() || !row.contains(key) || row[key].is_null())
        return {};
    return row[key].is_string() ? QString::fromStdString(row[key].get<std::string>())
                                : QString::fromStdString(row[key].dump());
}
} // namespace

ApplicationTableModel::ApplicationTableModel(LocalCache &cache, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(cache)
{}

void ApplicationTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_pendingTargets.clear();
    m_refusedFilings.clear();
    if (m_cache.isOpen()) {
        for (auto &a : m_cache.applications(m_statuses)) {
            if (!m_search.isEmpty()) {
                const QString hay = field(a, "id") + QLatin1Char(' ') + field(a, "project_code") + QLatin1Char(' ')
                                    + field(a, "project_name") + QLatin1Char(' ') + field(a, "builder_name")
                                    + QLatin1Char(' ') + Texts::applicationStatus(field(a, "status"));
                if (!hay.contains(m_search, Qt::CaseInsensitive))
                    continue;
            }
            m_rows.push_back(std::move(a));
        }
        for (const auto &op : m_cache.ops()) {
            const bool filing = op.command == QLatin1String("submit");
            if (op.status == QLatin1String("pending"))
                m_pendingTargets.insert(filing ? LocalCache::filingId(op.opId) : op.target);
            else if (filing && op.status != QLatin1String("applied"))
                m_refusedFilings.insert(LocalCache::filingId(op.opId));
        }
    }
    endResetModel();
}

int ApplicationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApplicationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ApplicationTableModel::rowOf(const QString &applicationId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (field(m_rows[i], "id") == applicationId)
            return int(i);
    return -1;
}

QVariant ApplicationTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const auto &r = m_rows[std::size_t(index.row())];
    const QString id = field(r, "id");
    if (role == IdRole)
        return id;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case Id:
        return id;
    case ProjectCode:
        return field(r, "project_code");
    case ProjectName:
        return field(r, "project_name");
    case Stage:
        return role == SortRole ? QVariant(r.value("stage", 0)) : QVariant(Texts::stage(r.value("stage", 0)));
    case Channel:
        return Texts::channel(field(r, "channel"));
    case Status: {
        QString text = Texts::applicationStatus(field(r, "status"));
        if (m_pendingTargets.contains(id))
            text += tr("（待同步）");
        else if (m_refusedFilings.contains(id))
            text += tr("（服务器未受理此代办，见操作列表）");
        return text;
    }
    case Submitted: {
        const qint64 ms = r.value("submitted_at", qint64(0));
        if (role == SortRole)
            return ms;
        if (ms <= 0)
            return QString();
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone("Asia/Shanghai"))
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    default:
        return {};
    }
}

QVariant ApplicationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("申报编号");
    case ProjectCode:
        return tr("项目代码");
    case ProjectName:
        return tr("项目名称");
    case Stage:
        return tr("阶段");
    case Channel:
        return tr("渠道");
    case Status:
        return tr("状态");
    case Submitted:
        return tr("提交时间");
    default:
        return {};
    }
}

} // namespace spgl::desk
