#pragma once

#include "calendar/workcalendar.h"
#include "core/apiclient.h"
#include "core/localcache.h"
#include "core/result.h"
#include "core/session.h"
#include "workflow/command.h"

#include <QObject>

namespace spgl::desk {

/**
 * @brief The sync engine of the desktop (ARCHITECTURE §6): the change feed down into the local
 *        cache, the command outbox up to the server.
 *
 * Staff actions go through command(): the shared engine decides them at once on the cached
 * state (the optimistic result the UI shows as pending), and the command waits in the outbox
 * with a client-made UUID and the version it was based on. push() sends the outbox in order; the
 * server re-decides each op and answers applied / rejected / conflict, which is recorded on the
 * op (a rejected or conflicting op stays for the user to redo or drop — never silently
 * overwritten). pull() applies pages of changes, each in one transaction with its cursor, so a
 * cut connection resumes where it stopped. An expired access token is refreshed once silently;
 * if that fails the calls return "session.expired" and the outbox is kept.
 *
 * Blocking calls: run it on a worker thread in the application (the tests call it directly).
 */
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    struct PushSummary
    {
        int applied = 0;
        int rejected = 0;
        int conflicts = 0;
    };

    SyncEngine(ApiClient &api, Session &session, LocalCache &cache, QObject *parent = nullptr);

    /// Pulls every page of changes after the cache's cursor; returns how many changes it applied.
    Result<int> pull(int pageSize = 500);
    /// Sends the pending ops in batches of @p batchSize.
    Result<PushSummary> push(int batchSize = 50);
    /// push() then pull() (and, for window clerks, refreshGuides()).
    Status sync();

    /// Runs a staff command on an application (application commands) or a case (case commands):
    /// decided locally, stored optimistically, queued. Returns the op id.
    Result<QString> command(CommandKind kind, const QString &target, const nlohmann::json &args = {});

    /**
     * @brief 窗口代办 on this desktop, online or not: files an application on behalf of an
     *        applicant for a cached project, with the cached guide's form (the portal's definition).
     *
     * @p filing is {"project_id", "stage", "form": {…}, "materials": [{"item_code", "material_code",
     * "file": a local path of the scan, or absent for a paper original}]}. Checked at once as the
     * server checks a submission (form validation, the items that apply, materials of those
     * items); the shared engine files it; the application shows in the queue as pending under a
     * local id (LocalCache::filingId) and a "submit" op waits in the outbox. Scans are copied into
     * the cache's files directory (named by SHA-256, so they read offline at once) and upload
     * before the op is sent. Returns the local application id.
     */
    Result<QString> file(const nlohmann::json &filing);
    /// Refreshes the cached guides (GET /guides), which file() needs offline.
    Status refreshGuides();

    /// Draws a map annotation on a project (审查批注): stored in the cache at once (pending) and
    /// queued as the additive "annotate" op, so it works offline and never conflicts. @p geometry
    /// is GeoJSON (point, line or polygon, EPSG:4490); @p caseId links it to one of the user's
    /// cases (optional). Returns the annotation id (a UUID made here).
    Result<QString> annotate(const QString &projectId, const nlohmann::json &geometry, const QString &text,
                             const QString &caseId = {});
    /// Marks an annotation open, resolved or withdrawn (queued like annotate()).
    Result<QString> setAnnotationStatus(const QString &annotationId, const QString &status);

    /// Puts a planning condition (项目策划生成) forward for a project in the department's name:
    /// @p condition is {kind: "condition"|"assessment", text, assessment (for an assessment: one
    /// of environmental, energy, geological_hazard, seismic, water, mineral), geometry (GeoJSON,
    /// optional)}. Checked here as the server checks it, then queued as the additive
    /// "plan_condition" op (works offline; LocalCache::planning() shows it as pending). Returns
    /// the op id, which is the condition's id until the server's copy arrives.
    Result<QString> addPlanningCondition(const QString &projectId, const nlohmann::json &condition);
    /// Withdraws a condition of project @p projectId: one still waiting to be sent is simply taken
    /// back; one the server has is withdrawn by the queued "plan_withdraw" op. Returns the op id
    /// (empty when an unsent condition was taken back).
    Result<QString> withdrawPlanningCondition(const QString &projectId, const QString &conditionId);

    /// Downloads the files of the cached applications' materials and result documents that are
    /// not yet in @p dir (named by SHA-256), resuming partial downloads and verifying each file's
    /// digest (a mismatch is deleted and reported). Returns how many files are now complete.
    Result<int> fetchFiles(const QString &dir);

    /// A stable id of this installation (kept in the cache).
    QString deviceId();

Q_SIGNALS:
    /// A page of changes was applied.
    void pulled(int changes, bool more);
    /// The server answered an op.
    void opAnswered(const QString &opId, const QString &status);

private:
    ApiReply authorized(const std::function<ApiReply()> &call);
    /// Uploads the files attached here (resumable, from the server's offset); "sync.offline" when
    /// the link fails. A file the server refuses is marked failed and the ops that need it are
    /// answered "rejected" here with the server's reason, without being sent.
    Status uploadFiles();
    Status uploadOne(const PendingUpload &upload);
    void refusedAnnotationsOf(const std::vector<OutboxOp> &sent, const QString &opId);

    ApiClient &m_api;
    Session &m_session;
    LocalCache &m_cache;
    WorkCalendar m_calendar;
};

} // namespace spgl::desk
