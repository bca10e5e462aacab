#pragma once

#include "core/result.h"
#include "workflow/application.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace spgl::desk {

class ChangePage;

/// One command waiting in (or answered from) the outbox.
struct OutboxOp
{
    QString opId;    ///< client-made UUID
    qint64 seq = 0;  ///< order of creation
    QString command; ///< "claim", "decide", …
    QString target;  ///< application or case id
    std::optional<qint64> expectedVersion;
    nlohmann::json args;
    QString status;         ///< "pending" | "applied" | "rejected" | "conflict"
    QString error;          ///< why it was rejected or conflicted
    nlohmann::json current; ///< the server's state on a conflict
};

/// A file attached on this desktop (a scanned material) that waits to be uploaded.
struct PendingUpload
{
    QString sha256;   ///< the file's digest: its name in the files directory and its id on the server
    QString filename; ///< the name the user chose it under (shown to people, never used as a path)
    qint64 size = 0;
    QString uploadId; ///< the server's upload once created (resumed from its offset)
    QString status;   ///< "pending" | "done" | "failed"
    QString error;    ///< why the server refused it
};

/**
 * @brief The desktop's local cache: one SQLite file per user and server, schema-versioned, holding
 *        only what the change feed gave this user (their scope) plus their own outbox.
 *
 * A page of changes is applied in one transaction together with the new cursor, so a cut
 * connection resumes exactly where it stopped. Applications keep the engine's state, so the
 * same engine can decide commands offline. Every write is a transaction: a crash loses nothing
 * that was acknowledged.
 */
class LocalCache
{
public:
    /// The schema version this code writes (PRAGMA user_version).
    static constexpr int kSchemaVersion = 6;

    LocalCache() = default;
    ~LocalCache();
    LocalCache(const LocalCache &) = delete;
    LocalCache &operator=(const LocalCache &) = delete;

    /// Opens (creating or migrating) the cache file at @p path.
    Status open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    /// The directory of this cache's downloaded files (materials, result documents), named by
    /// SHA-256: beside the cache file, one per user and server like the cache itself.
    QString filesDir() const { return filesDirFor(m_path); }
    static QString filesDirFor(const QString &cachePath);
    /// The file name for a user on a server, under @p dir: one cache per user and server.
    static QString pathFor(const QString &dir, const QString &server, const QString &userId);

    /// The change-feed cursor ("0" before the first sync).
    QString cursor() const;
    /// What one applied page of the change feed held.
    struct AppliedPage
    {
        int changes = 0;      ///< the changes in the page
        bool hasMore = false; ///< whether the feed holds more after it
    };
    /// Applies one page of GET /sync/changes (its JSON text) and its next cursor in one
    /// transaction; a malformed page changes nothing.
    Result<AppliedPage> applyChanges(std::string_view page);
    /// Applies a page read before (ChangePage::read) and its next cursor in one transaction.
    Result<AppliedPage> applyChanges(const ChangePage &page);

    std::optional<Application> application(const QString &id) const;
    /// The events of an application (its 全程留痕), oldest first, as the server recorded them.
    nlohmann::json timeline(const QString &id) const;
    /// Stores a locally decided state (optimistic; the next pull replaces it with the server's).
    Status storeLocalState(const Application &application);
    int count(const QString &entity) const;
    /// The ids of every cached application.
    QStringList applicationIds() const;
    /// Case rows as the change feed gave them (JSON), ordered by deadline.
    std::vector<nlohmann::json> cases(const QString &state = {}) const;

    /// Application rows for lists (id, project_id, status, version, local, stage, channel,
    /// submitted_at, project_code, project_name, builder_name), newest first; all when
    /// @p statuses is empty.
    std::vector<nlohmann::json> applications(const QStringList &statuses = {}) const;
    /// The map annotations of a project (the server's JSON shape plus "pending" for those drawn
    /// or changed here and not yet confirmed by a pull), oldest first.
    std::vector<nlohmann::json> annotations(const QString &projectId) const;
    /// One cached annotation by id, or null.
    nlohmann::json annotation(const QString &id) const;
    /// Stores an annotation drawn or changed on this desktop (shown as pending until the next pull
    /// brings the server's copy).
    Status storeLocalAnnotation(const nlohmann::json &annotation);
    /// Replaces the cached annotations of a project by the server's list (after the server refused
    /// a change made here), keeping rows whose ops are still pending.
    Status replaceAnnotations(const QString &projectId, const nlohmann::json &items);
    /// The cached project (as the change feed gave it), or null.
    nlohmann::json project(const QString &id) const;
    /// Every cached project (the change feed's JSON), by project code.
    std::vector<nlohmann::json> projects() const;
    /// Cached projects whose name, 项目代码 or builder (建设单位) contains @p text (all when
    /// empty), by name, at most @p limit.
    std::vector<nlohmann::json> findProjects(const QString &text, int limit = 100) const;

    /// Stores projects the server listed (GET /projects, a search beyond the change feed, e.g. a
    /// project in planning before any application): kept like the feed's, a newer copy wins.
    Status storeProjects(const nlohmann::json &items);

    /// Stores the server's planning of a project (GET /projects/{id}/planning: conditions,
    /// opinions, current) with the time it was read, for offline reading.
    Status storePlanning(const QString &projectId, const nlohmann::json &planning);
    /// Puts one condition the server confirmed (a pushed op's answer) into the stored planning.
    Status mergePlanningCondition(const nlohmann::json &condition);
    /// The planning of a project as last read from the server (`fetched_at` in Beijing time, null
    /// when never read) with this desktop's unsent work laid over it: conditions put forward here
    /// appear with `pending` (their id is the op id), withdrawals waiting to be sent mark theirs
    /// `withdrawn` and `pending`, and ops the server refused appear with `refused` and the reason.
    nlohmann::json planning(const QString &projectId) const;

    /// Replaces the cached 办事指南 (GET /guides?versions=all: the stages of every process version
    /// that is not a draft, with their form definition, items and materials) and keeps the
    /// answer's @p etag (meta "guides_etag"), so that 窗口代办 works offline with the portal's forms.
    Status replaceGuides(const nlohmann::json &items, const QString &etag = {});
    /// The cached guides of stage @p stage of the latest published process versions of type
    /// @p processType, by process code.
    std::vector<nlohmann::json> guides(int stage, int processType) const;
    /**
     * @brief The guide a filing of stage @p stage for @p project (a cached project) goes by, as
     *        the server chooses it: the process version the project pinned at its first
     *        application, else the latest published process of its type whose region covers the
     *        project's (the first by code). An error names what is missing from the cache.
     */
    Result<nlohmann::json> guideFor(const nlohmann::json &project, int stage) const;

    /// The id a walk-in application filed on this desktop carries until the server gives it its
    /// own: derived from the op id ("W-" and eight hex digits).
    static QString filingId(const QString &opId);
    static bool isFilingId(const QString &applicationId);
    /**
     * @brief Files an application on this desktop (窗口代办) in one transaction: the application
     *        as the engine decided it (shown as pending), its timeline, the "submit" op, and the
     *        files to upload before the op is sent.
     */
    Status enqueueFiling(const Application &application, const nlohmann::json &timeline, const OutboxOp &op,
                         const std::vector<PendingUpload> &uploads);
    /// The server applied the filing of @p opId as @p serverId: the local application takes that
    /// id (the next pull replaces it with the server's copy).
    Status confirmFiling(const QString &opId, const QString &serverId);

    /// Files attached here, by status ("" for all).
    std::vector<PendingUpload> uploads(const QString &status = {}) const;
    Status setUploadState(const QString &sha256, const QString &uploadId, const QString &status,
                          const QString &error = {});

    /// Puts a command into the outbox.
    Status enqueue(const OutboxOp &op);
    std::vector<OutboxOp> ops(const QString &status = {}) const;
    Status recordResult(const QString &opId, const QString &status, const QString &error,
                        const nlohmann::json &current);
    /// Drops an answered (rejected or conflicting) op once the user has seen it (a walk-in filing
    /// goes with its local application).
    Status dropOp(const QString &opId);
    /// Takes back an op that has not been sent yet (false when it was sent meanwhile).
    Result<bool> cancelPendingOp(const QString &opId);

    QString meta(const QString &key) const;
    Status setMeta(const QString &key, const QString &value);
    /// Deletes every cached row and the outbox (logging out with "wipe").
    Status wipe();

private:
    Status exec(const QString &sql);
    std::vector<nlohmann::json> annotationRows(const QString &column, const QString &value) const;

    QString m_connection;
    QString m_path;
};

} // namespace spgl::desk
