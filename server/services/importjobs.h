#pragma once

#include "auth/principal.h"
#include "services/blueprintservice.h"

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace spgl::server {

class Database;

/**
 * @brief Layer imports in the background: an upload is saved, answered 202 with a job, and GDAL
 *        works on it in this process's import thread while the administrator follows its
 *        progress (GET /api/v1/blueprint/imports/{id}, from any instance).
 *
 * A job is a row of `blueprint_imports`: queued → running (progress 0–1 and the step GDAL is
 * at) → done (the layer, as the synchronous import answers it) or failed (the RFC 9457 problem
 * it would have answered). Jobs run one after another. Each finished import writes its own audit
 * row (action "IMPORT blueprint_layer", the administrator who queued it, the status it ended
 * with), besides the row of the request that queued it.
 *
 * The queue lives in memory: a job that was queued or running when its server stopped is marked
 * failed at the next start ("interrupted") and its upload removed; the administrator uploads again.
 */
class ImportJobs
{
public:
    ImportJobs(Database &db, BlueprintService &blueprint);
    /// Lets the running import finish, drops the queued ones (failed at the next start).
    ~ImportJobs();
    ImportJobs(const ImportJobs &) = delete;
    ImportJobs &operator=(const ImportJobs &) = delete;

    /// Marks the jobs an earlier run left unfinished as failed, and starts the import thread.
    void start();

    /**
     * Queues the import of @p upload into layer @p layerId (a new layer when @p create): checked
     * first as the synchronous import checks it (a bad id, kind or style, a layer that exists or
     * does not, answer at once with their problem and keep nothing). Returns the job.
     */
    nlohmann::json enqueue(const Principal &who, const std::string &layerId, bool create,
                           BlueprintService::Upload upload, std::int64_t now);
    /// One job (404 when unknown).
    nlohmann::json job(const std::string &id) const;
    /// The latest @p limit jobs, newest first.
    nlohmann::json list(int limit) const;

private:
    struct Pending
    {
        std::string id;
        Principal who;
        std::string layerId;
        bool create = false;
        BlueprintService::Upload upload;
    };
    void run();
    void process(Pending &job);

    Database &m_db;
    BlueprintService &m_blueprint;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Pending> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace spgl::server
