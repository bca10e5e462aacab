#pragma once

#include "app/serverconfig.h"
#include "auth/passwordhasher.h"
#include "auth/tokenservice.h"
#include "blobs/blobstore.h"
#include "gis/ogcfeatures.h"
#include "http/router.h"
#include "services/annotationservice.h"
#include "services/approvalservice.h"
#include "services/authservice.h"
#include "services/blueprintservice.h"
#include "services/calendarservice.h"
#include "services/catalogservice.h"
#include "services/complianceservice.h"
#include "services/creditservice.h"
#include "services/draftservice.h"
#include "services/fileservice.h"
#include "services/idempotencystore.h"
#include "services/importjobs.h"
#include "services/planningservice.h"
#include "services/syncservice.h"
#include "services/userservice.h"
#include "storage/database.h"

#include <memory>

namespace spgl::server {

/// Everything a request may need, built once at start: configuration, storage, services and
/// the route table.
class ServerContext
{
public:
    /// Opens the database, runs migrations, loads or creates the token secret, builds the routes.
    explicit ServerContext(ServerConfig config);
    ~ServerContext();

    const ServerConfig &config() const { return m_config; }
    Database &db() { return *m_db; }
    BlobStore &blobs() { return *m_blobs; }
    const PasswordHasher &hasher() const { return m_hasher; }
    TokenService &tokens() { return *m_tokens; }
    AuthService &auth() { return *m_auth; }
    UserService &users() { return *m_users; }
    FileService &files() { return *m_files; }
    /// The working-day calendar: `calendar().calendar()` is the current WorkCalendar.
    CalendarService &calendar() { return *m_calendar; }
    CatalogService &catalog() { return *m_catalog; }
    ApprovalService &approvals() { return *m_approvals; }
    IdempotencyStore &idempotency() { return *m_idempotency; }
    SyncService &sync() { return *m_sync; }
    AnnotationService &annotations() { return *m_annotations; }
    PlanningService &planning() { return *m_planning; }
    CreditService &credit() { return *m_credit; }
    DraftService &drafts() { return *m_drafts; }
    /// The vector layers served at /ogc; by default those under `<data-dir>/blueprint/<id>/v<N>.gpkg`
    /// (ogc().setProvider() serves another catalog).
    OgcFeatures &ogc() { return *m_ogc; }
    /// The blueprint's layer catalog and the compliance checks on it.
    BlueprintService &blueprint() { return *m_blueprint; }
    /// Layer imports in the background; its thread runs once the server starts it (not in commands).
    ImportJobs &imports() { return *m_imports; }
    ComplianceService &compliance() { return *m_compliance; }
    Router &router() { return m_router; }
    std::int64_t startedAt() const { return m_startedAt; }

    /// Creates one user per role in the demo prefecture when they do not exist yet.
    void seedDemo();

private:
    ServerConfig m_config;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<BlobStore> m_blobs;
    PasswordHasher m_hasher;
    std::unique_ptr<TokenService> m_tokens;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<UserService> m_users;
    std::unique_ptr<FileService> m_files;
    std::unique_ptr<CalendarService> m_calendar;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<ApprovalService> m_approvals;
    std::unique_ptr<IdempotencyStore> m_idempotency;
    std::unique_ptr<AnnotationService> m_annotations;
    std::unique_ptr<PlanningService> m_planning;
    std::unique_ptr<CreditService> m_credit;
    std::unique_ptr<DraftService> m_drafts;
    std::unique_ptr<BlueprintService> m_blueprint;
    std::unique_ptr<ImportJobs> m_imports;
    std::unique_ptr<ComplianceService> m_compliance;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<OgcFeatures> m_ogc;
    Router m_router;
    std::int64_t m_startedAt = 0;
};

} // namespace spgl::server
