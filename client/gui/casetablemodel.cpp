#include "gui/casetablemodel.h"

#include "core/localcache.h"
#include "gui/texts.h"

#include <QBrush>

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

CaseTableModel::CaseTableModel(LocalCache &cache, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(cache)
{}

void CaseTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_pendingTargets.clear();
    if (m_cache.isOpen()) {
        for (auto &c : m_cache.cases()) {
            if (!m_department.isEmpty() && field(c, "department") != m_department)
                continue;
            if (!m_levels.isEmpty() && !m_levels.contains(field(c, "level")))
                continue;
            m_rows.push_back(std::move(c));
        }
        for (const auto &op : m_cache.ops(QStringLiteral("pending")))
            m_pendingTargets.insert(op.target);
    }
    endResetModel();
}

int CaseTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int CaseTableModel::rowOf(const QString &caseId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (field(m_rows[i], "id") == caseId)
            return int(i);
    return -1;
}

QVariant CaseTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const auto &r = m_rows[std::size_t(index.row())];
    const QString id = field(r, "id");
    const QString level = field(r, "level");
    if (role == IdRole)
        return id;
    if (role == Qt::BackgroundRole) {
        const QColor c = Texts::levelColor(level);
        return c.isValid() ? QVariant(QBrush(c)) : QVariant();
    }
    if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Id:
            return id;
        case Project:
            return role == Qt::ToolTipRole ? field(r, "project_code") : field(r, "project_name");
        case Item:
            return field(r, "item_name");
        case Department:
            return field(r, "department");
        case Status: {
            if (role == SortRole)
                return field(r, "status");
            QString text = Texts::caseStatus(field(r, "status"));
            if (m_pendingTargets.contains(id))
                text += tr("（待同步）");
            if (r.value("paused", false))
                text += tr("（暂停计时）");
            return text;
        }
        case Deadline:
            return field(r, "deadline");
        case Level:
            if (role == SortRole)
                return level == QLatin1String("overdue") ? 3 : level == QLatin1String("warning") ? 2 : 1;
            return Texts::level(level);
        default:
            return {};
        }
    }
    return {};
}

QVariant CaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("办件编号");
    case Project:
        return tr("项目名称");
    case Item:
        return tr("审批事项");
    case Department:
        return tr("部门");
    case Status:
        return tr("状态");
    case Deadline:
        return tr("办理时限");
    case Level:
        return tr("预警");
    default:
        return {};
    }
}

} // namespace spgl::desk
