#include "services/importjobs.h"

#include "auth/tokenservice.h"
#include "core/beijingtime.h"
#include "http/apierror.h"
#include "services/requestaudit.h"
#include "storage/database.h"

#include <Poco/Logger.h>

#include <chrono>
#include <filesystem>

namespace spgl::server {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char *const kColumns = "id, layer_id, is_new_layer, source_name, status, progress, stage, result, problem, "
                             "created_by, created_at, started_at, finished_at";

json jobJson(const SqlRow &r)
{
    auto time = [&r](int i) { return r.isNull(i) ? json(nullptr) : json(beijing::rfc3339(r.integer(i))); };
    auto parsed = [&r](int i) { return r.isNull(i) ? json(nullptr) : json::parse(r.text(i), nullptr, false); };
    return {{"id", r.text(0)},
            {"layer_id", r.text(1)},
            {"new_layer", r.integer(2) != 0},
            {"source_name", r.text(3)},
            {"status", r.text(4)},
            {"progress", r.real(5)},
            {"stage", r.text(6)},
            {"result", parsed(7)},
            {"problem", parsed(8)},
            {"created_by", r.text(9)},
            {"created_at", time(10)},
            {"started_at", time(11)},
            {"finished_at", time(12)},
            {"href", "/api/v1/blueprint/imports/" + r.text(0)}};
}

} // namespace

ImportJobs::ImportJobs(Database &db, BlueprintService &blueprint)
    : m_db(db)
    , m_blueprint(blueprint)
{}

ImportJobs::~ImportJobs()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ImportJobs::start()
{
    // What a stopped server left unfinished: its upload goes, the administrator is told why.
    const ApiError interrupted(503, "import-interrupted", "导入中断",
                               "服务器在导入期间停止，导入未完成，图层未改变；请重新上传文件");
    const std::string problem = interrupted.problem().dump();
    const auto left = m_db.read([](Connection &c) {
        return c.query("SELECT id, upload_path FROM blueprint_imports WHERE status IN ('queued', 'running')");
    });
    for (const auto &row : left) {
        m_blueprint.discardUpload(row.text(1));
        m_db.write([&](Connection &c) {
            c.execute("UPDATE blueprint_imports SET status = 'failed', problem = ?, finished_at = ? WHERE id = ? AND "
                      "status IN ('queued', 'running')",
                      {problem, beijing::nowMs(), row.text(0)});
        });
    }
    if (!left.empty())
        Poco::Logger::get("spgl").warning("%z layer import(s) interrupted by the last stop marked failed", left.size());
    std::lock_guard lock(m_mutex);
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

json ImportJobs::enqueue(const Principal &who, const std::string &layerId, bool create, BlueprintService::Upload upload,
                         std::int64_t now)
{
    struct Cleanup
    {
        const BlueprintService &blueprint;
        fs::path file; ///< cleared once the import thread owns the upload
        ~Cleanup() { blueprint.discardUpload(file); }
    } cleanup{m_blueprint, upload.file};
    (void)m_blueprint.checkUpload(layerId, create, upload);
    const std::string id = "imp-" + TokenService::randomToken(9);
    m_db.write([&](Connection &c) {
        c.execute(
            "INSERT INTO blueprint_imports (id, layer_id, is_new_layer, source_name, upload_path, status, stage, "
            "created_by, created_at) VALUES (?, ?, ?, ?, ?, 'queued', '排队等待', ?, ?)",
            {id, layerId, std::int64_t(create ? 1 : 0), upload.sourceName, upload.file.string(), who.username, now});
        RequestAudit::record(c, "blueprint_layer:" + layerId, "import " + upload.sourceName + " queued as " + id);
    });
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back({id, who, layerId, create, std::move(upload)});
    }
    cleanup.file.clear(); // the import thread owns the upload now
    m_wake.notify_one();
    return job(id);
}

json ImportJobs::job(const std::string &id) const
{
    const auto row = m_db.read([&](Connection &c) {
        return c.queryOne(std::string("SELECT ") + kColumns + " FROM blueprint_imports WHERE id = ?", {id});
    });
    if (!row)
        throw ApiError::notFound("没有这个导入任务：" + id);
    return jobJson(*row);
}

json ImportJobs::list(int limit) const
{
    json items = json::array();
    m_db.read([&](Connection &c) {
        for (const auto &r : c.query(std::string("SELECT ") + kColumns
                                         + " FROM blueprint_imports ORDER BY created_at DESC, id DESC LIMIT ?",
                                     {std::int64_t(limit)}))
            items.push_back(jobJson(r));
    });
    return json{{"items", items}};
}

void ImportJobs::run()
{
    for (;;) {
        Pending next;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            next = std::move(m_queue.front());
            m_queue.pop_front();
        }
        process(next);
    }
}

void ImportJobs::process(Pending &job)
{
    auto &log = Poco::Logger::get("spgl");
    m_db.write([&](Connection &c) {
        c.execute("UPDATE blueprint_imports SET status = 'running', stage = '开始导入', started_at = ? WHERE id = ?",
                  {beijing::nowMs(), job.id});
    });
    // Progress is written at most every 250 ms and each 2 %, so GDAL is never slowed by it.
    auto lastWrite = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    double lastFraction = -1;
    std::string lastStage;
    auto progress = [&](double fraction, const std::string &stage) {
        const auto now = std::chrono::steady_clock::now();
        if (stage == lastStage && (now - lastWrite < std::chrono::milliseconds(250) || fraction - lastFraction < 0.02))
            return;
        lastWrite = now;
        lastFraction = fraction;
        lastStage = stage;
        try {
            m_db.write([&](Connection &c) {
                c.execute("UPDATE blueprint_imports SET progress = ?, stage = ? WHERE id = ?",
                          {std::min(fraction, 0.99), stage, job.id});
            });
        } catch (const std::exception &e) {
            log.warning("import %s: progress not written: %s", job.id, std::string(e.what()));
        }
    };

    // The finished import is audited as the administrator's action, in its own transaction.
    AuditEntry entry;
    entry.requestId = job.id;
    entry.actorId = job.who.userId;
    entry.actor = job.who.username;
    entry.action = "IMPORT blueprint_layer";
    entry.target = "blueprint_layer:" + job.layerId;
    entry.result = 201;
    entry.detail = "import " + job.upload.sourceName + " (" + job.id + ")";
    RequestAudit audit(entry);
    int status = 201;
    json result, problem;
    {
        RequestAudit::Scope scope(audit);
        try {
            result = job.create ? m_blueprint.create(job.who, std::move(job.upload), beijing::nowMs(), progress)
                                : m_blueprint.importVersion(job.who, job.layerId, std::move(job.upload),
                                                            beijing::nowMs(), progress);
        } catch (const ApiError &e) {
            status = e.status();
            problem = e.problem();
        } catch (const std::exception &e) {
            log.error("import %s failed: %s", job.id, std::string(e.what()));
            status = 500;
            problem = ApiError(500, "internal", "服务器内部错误",
                               "导入时发生内部错误，图层未改变；请联系管理员（任务 " + job.id + "）")
                          .problem();
        }
    }
    audit.finish(m_db, status);
    try {
        m_db.write([&](Connection &c) {
            c.execute("UPDATE blueprint_imports SET status = ?, progress = ?, stage = ?, result = ?, problem = ?, "
                      "finished_at = ? WHERE id = ?",
                      {std::string(status < 400 ? "done" : "failed"), status < 400 ? 1.0 : std::max(lastFraction, 0.0),
                       std::string(status < 400 ? "完成" : "失败"),
                       status < 400 ? SqlValue(result.dump()) : SqlValue(nullptr),
                       status < 400 ? SqlValue(nullptr) : SqlValue(problem.dump()), beijing::nowMs(), job.id});
        });
    } catch (const std::exception &e) {
        log.error("import %s: its outcome was not written: %s", job.id, std::string(e.what()));
    }
}

} // namespace spgl::server
