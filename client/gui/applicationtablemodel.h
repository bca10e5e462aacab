#pragma once

#include <QAbstractTableModel>
#include <QSet>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <vector>

namespace spgl::desk {

class LocalCache;

/// The applications of the local cache (LocalCache::applications()) as a table, with a text
/// search over id, project code and name.
class ApplicationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, ProjectCode, ProjectName, Stage, Channel, Status, Submitted, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ApplicationTableModel(LocalCache &cache, QObject *parent = nullptr);

    void setStatuses(const QStringList &statuses) { m_statuses = statuses; }
    void setSearch(const QString &text) { m_search = text.trimmed(); }
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const nlohmann::json &row(int row) const { return m_rows.at(std::size_t(row)); }
    int rowOf(const QString &applicationId) const;

private:
    LocalCache &m_cache;
    QStringList m_statuses;
    QString m_search;
    std::vector<nlohmann::json> m_rows;
    QSet<QString> m_pendingTargets;
    QSet<QString> m_refusedFilings; ///< walk-in filings the server refused (still in the outbox)
};

} // namespace spgl::desk
