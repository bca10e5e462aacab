#pragma once

#include <QAbstractTableModel>
#include <QSet>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <vector>

namespace spgl::desk {

class LocalCache;

/**
 * @brief The case rows of the local cache (LocalCache::cases()) as a table: coloured by clock
 *        level (超期 red, 预警 orange), a pending local change marked, sortable by deadline
 *        (Qt::UserRole carries the sort key of each column).
 */
class CaseTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Project, Item, Department, Status, Deadline, Level, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit CaseTableModel(LocalCache &cache, QObject *parent = nullptr);

    /// Only cases of this department (empty: all).
    void setDepartment(const QString &department) { m_department = department; }
    /// Only cases at these levels (empty: all).
    void setLevels(const QStringList &levels) { m_levels = levels; }
    /// Re-reads the cache.
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const nlohmann::json &row(int row) const { return m_rows.at(std::size_t(row)); }
    /// The row of a case id, or -1.
    int rowOf(const QString &caseId) const;

private:
    LocalCache &m_cache;
    QString m_department;
    QStringList m_levels;
    std::vector<nlohmann::json> m_rows;
    QSet<QString> m_pendingTargets;
};

} // namespace spgl::desk
