#include "app/servercontext.h"

#include "core/beijingtime.h"
#include "gis/ogcdirectoryprovider.h"
#include "http/handlers/annotationhandlers.h"
#include "http/handlers/applicationhandlers.h"
#include "http/handlers/authhandlers.h"
#include "http/handlers/basedatahandlers.h"
#include "http/handlers/blueprinthandlers.h"
#include "http/handlers/calendarhandlers.h"
#include "http/handlers/casehandlers.h"
#include "http/handlers/cataloghandlers.h"
#include "http/handlers/compliancehandlers.h"
#include "http/handlers/credithandlers.h"
#include "http/handlers/drafthandlers.h"
#include "http/handlers/filehandlers.h"
#include "http/handlers/notificationhandlers.h"
#include "http/handlers/ogchandlers.h"
#include "http/handlers/planninghandlers.h"
#include "http/handlers/portalhandlers.h"
#include "http/handlers/projecthandlers.h"
#include "http/handlers/synchandlers.h"
#include "http/handlers/systemhandlers.h"
#include "http/handlers/userhandlers.h"
#include "services/auditlog.h"
#include "services/changefeed.h"
#include "storage/migrator.h"

#include <filesystem>
#include <set>

namespace spgl::server {

namespace {
std::string loadSecret(Database &db)
{
    return db.write([](Connection &c) {
        if (const auto row = c.queryOne("SELECT value FROM settings WHERE key = 'jwt_secret'"))
            return row->text(0);
        const std::string secret = TokenService::randomToken(48);
        c.execute("INSERT INTO settings (key, value) VALUES ('jwt_secret', ?)", {secret});
        return secret;
    });
}
} // namespace

ServerContext::ServerContext(ServerConfig config)
    : m_config(std::move(config))
    , m_hasher(PasswordHasher::Cost{m_config.argon2MemoryKiB, m_config.argon2Iterations, 1})
{
    std::filesystem::create_directories(m_config.dataDir);
    m_db = Database::open(m_config.db, m_config.dataDir);
    Migrator(*m_db).migrate();
    if (m_db->backend() == Backend::PostgreSql) {
        // Rows committed just before a stop, whose placing did not run, get their places now.
        m_db->write([](Connection &c) {
            ChangeFeed::place(c);
            AuditLog::chainWaiting(c);
        });
    }
    m_blobs = std::make_unique<BlobStore>(std::filesystem::path(m_config.dataDir) / "blobs");
    m_tokens = std::make_unique<TokenService>(loadSecret(*m_db), m_config.accessTtlSeconds);
    m_auth = std::make_unique<AuthService>(*m_db, m_hasher, *m_tokens);
    m_users = std::make_unique<UserService>(*m_db, m_hasher);
    m_files = std::make_unique<FileService>(*m_db, *m_blobs, m_config.maxUploadBytes);
    m_calendar = std::make_unique<CalendarService>(*m_db);
    m_catalog = std::make_unique<CatalogService>(*m_db);
    m_catalog->initialize();
    m_approvals = std::make_unique<ApprovalService>(*m_db, *m_catalog, *m_calendar);
    m_idempotency = std::make_unique<IdempotencyStore>(*m_db);
    m_annotations = std::make_unique<AnnotationService>(*m_db, *m_approvals);
    m_planning = std::make_unique<PlanningService>(*m_db, *m_approvals);
    m_credit = std::make_unique<CreditService>(*m_db);
    m_drafts = std::make_unique<DraftService>(*m_db);
    m_blueprint = std::make_unique<BlueprintService>(*m_db, m_config.dataDir);
    m_imports = std::make_unique<ImportJobs>(*m_db, *m_blueprint);
    m_compliance = std::make_unique<ComplianceService>(*m_db, *m_blueprint, *m_approvals);
    // The regional assessments whose zones contain a project's site, for the items' material rules (5.3).
    m_approvals->setProjectFactsProvider([this](const nlohmann::json &site) { return m_compliance->facts(site); });
    m_sync = std::make_unique<SyncService>(*m_db, *m_approvals, *m_annotations, *m_planning);
    // /ogc serves the catalog's current vector layers (a restore points at an older file); a layer
    // folder an operator placed under <data-dir>/blueprint without importing it is served as well.
    m_ogc = std::make_unique<OgcFeatures>(
        [this, scan = OgcDirectoryProvider::provider(std::filesystem::path(m_config.dataDir) / "blueprint")] {
            std::vector<OgcCollection> out;
            std::set<std::string> catalogued = m_blueprint->rasterLayerIds(); // imagery is not features
            for (const auto &layer : m_blueprint->vectorLayers()) {
                out.push_back({layer.id, layer.name, layer.kind, layer.path, {}, layer.version});
                catalogued.insert(layer.id);
            }
            for (auto &c : scan())
                if (!catalogued.count(c.id))
                    out.push_back(std::move(c));
            return out;
        });
    m_startedAt = beijing::nowMs();

    SystemHandlers::registerRoutes(m_router, *this);
    AuthHandlers::registerRoutes(m_router, *this);
    BaseDataHandlers::registerRoutes(m_router, *this);
    UserHandlers::registerRoutes(m_router, *this);
    FileHandlers::registerRoutes(m_router, *this);
    CalendarHandlers::registerRoutes(m_router, *this);
    CatalogHandlers::registerRoutes(m_router, *this);
    ProjectHandlers::registerRoutes(m_router, *this);
    ApplicationHandlers::registerRoutes(m_router, *this);
    CaseHandlers::registerRoutes(m_router, *this);
    NotificationHandlers::registerRoutes(m_router, *this);
    SyncHandlers::registerRoutes(m_router, *this);
    AnnotationHandlers::registerRoutes(m_router, *this);
    PlanningHandlers::registerRoutes(m_router, *this);
    CreditHandlers::registerRoutes(m_router, *this);
    DraftHandlers::registerRoutes(m_router, *this);
    OgcHandlers::registerRoutes(m_router, *this);
    BlueprintHandlers::registerRoutes(m_router, *this);
    ComplianceHandlers::registerRoutes(m_router, *this);
    PortalHandlers::registerRoutes(m_router, *this);
}

ServerContext::~ServerContext() = default;

void ServerContext::seedDemo()
{
    struct DemoUser
    {
        const char *username, *name, *roles, *department;
    };
    // Departments by code (seeded by migration 0003).
    static const DemoUser users[] = {
        {"applicant", "新疆天山建设集团有限公司（演示）", "applicant", nullptr},
        {"agency", "乌鲁木齐城建设计研究院（演示）", "agency", nullptr},
        {"clerk", "综合窗口 阿依古丽（演示）", "window_clerk", "11650100XZSP"},
        {"reviewer", "住建局审批员 王建国（演示）", "reviewer", "11650100ZJJ"},
        {"head", "住建局科长 李明（演示）", "department_head,reviewer", "11650100ZJJ"},
        {"coordinator", "自然资源局牵头协调 马强（演示）", "coordinator,reviewer", "11650100ZRZY"},
        {"supervisor", "效能督察 张丽（演示）", "supervisor", nullptr},
        {"admin", "系统管理员（演示）", "admin", nullptr},
        // One reviewer per department, so that every stage's parallel review can be walked through.
        {"rev.fgw", "发展改革委审批员 艾尔肯（演示）", "reviewer", "11650100FGW"},
        {"rev.zrzy", "自然资源局审批员 刘芳（演示）", "reviewer", "11650100ZRZY"},
        {"rev.sthj", "生态环境局审批员 陈静（演示）", "reviewer", "11650100STHJ"},
        {"rev.swj", "水务局审批员 努尔兰（演示）", "reviewer", "11650100SWJ"},
        {"rev.jtys", "交通运输局审批员 赵磊（演示）", "reviewer", "11650100JTYS"},
        {"rev.rfb", "人防办审批员 孙伟（演示）", "reviewer", "11650100RFB"},
        {"rev.xfjy", "消防救援支队审批员 周涛（演示）", "reviewer", "11650100XFJY"},
        {"rev.csgl", "城市管理局审批员 吴敏（演示）", "reviewer", "11650100CSGL"},
        {"rev.dag", "档案馆审批员 郑洁（演示）", "reviewer", "11650100DAG"},
    };
    const std::string password = "Demo@2026";
    std::string hash; // one Argon2 hash serves every demo account (same password): start stays fast
    for (const auto &d : users) {
        const bool exists
            = m_db->read([&](Connection &c) { return UserRepository::findByUsername(c, d.username).has_value(); });
        if (exists)
            continue;
        User u;
        u.username = d.username;
        u.displayName = d.name;
        u.roles = User::parseRoles(d.roles);
        u.regionCode = "650100";
        if (std::string(d.roles) == "applicant") {
            u.kind = "enterprise";
            u.creditCode = "91650102MA77K12348";
            u.organization = "新疆天山建设集团有限公司（演示）";
        } else if (std::string(d.roles) == "agency") {
            u.kind = "enterprise";
            u.creditCode = "91350100M000100Y43";
            u.organization = d.name;
        }
        if (hash.empty())
            hash = m_hasher.hash(password);
        u.passwordHash = hash;
        m_db->write([&](Connection &c) {
            if (d.department) {
                if (const auto row
                    = c.queryOne("SELECT id FROM departments WHERE code = ?", {std::string(d.department)}))
                    u.departmentId = row->integer(0);
            }
            UserRepository::insert(c, u);
        });
    }
}

} // namespace spgl::server
