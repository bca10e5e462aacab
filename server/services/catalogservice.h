#pragma once

#include "storage/database.h"
#include "workflow/catalog.h"
#include "workflow/engine.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace spgl::server {

/**
 * @brief The versioned catalog (5.15 b–e) as the server keeps it: items, processes and forms
 *        in the database, every version with its status (draft → published → retired).
 *
 * The shipped catalog (resources/catalog, compiled in) seeds empty tables. catalog() returns an
 * immutable snapshot; a change by an administrator (on any server instance) bumps a revision in
 * `settings`, and snapshots are rebuilt when it moved (checked at most every two seconds).
 * Publishing checks the whole catalog with Catalog::validate() and refuses inconsistencies;
 * running applications keep the versions they pinned, whatever is published later.
 */
class CatalogService
{
public:
    explicit CatalogService(Database &db);

    /// Seeds the tables from the shipped catalog when they are empty, then loads.
    void initialize();
    /// The current catalog (shared, immutable).
    std::shared_ptr<const Catalog> catalog();
    /// An item resolver over a snapshot (keeps it alive).
    static ItemResolver resolver(std::shared_ptr<const Catalog> catalog);

    /// The kinds of definition the admin API edits.
    enum class Kind { Item, Process, Form };
    static std::optional<Kind> kindFromPath(const std::string &segment); ///< "items" | "processes" | "forms"

    /// Stores a new draft version (the JSON of the definition; its status is forced to draft).
    nlohmann::json createDraft(Kind kind, const nlohmann::json &body);
    /// Changes the status of one version: publish (checked), retire, or back to draft (only if
    /// never published). Returns the definition.
    nlohmann::json setStatus(Kind kind, const std::string &code, const std::string &version, const std::string &status);
    /// Every version of one code, newest first, with status.
    nlohmann::json versions(Kind kind, const std::string &code);

    /// The catalog of published processes for GET /catalog/processes.
    nlohmann::json processesView();
    /// One item for GET /catalog/items/{code} (latest published, or @p version).
    nlohmann::json itemView(const std::string &code, const std::optional<std::string> &version);
    /// One form for GET /catalog/forms/{code}.
    nlohmann::json formView(const std::string &code, const std::optional<std::string> &version);
    /// 办事指南 for GET /guides?stage=&process_type=&versions=, as JSON text with the text's
    /// SHA-256 (hex).
    struct RenderedGuides
    {
        std::string text;
        std::string sha256;
    };
    /// The guides: each stage of the latest published version of every process, or with
    /// @p versions "all" of every version that is not a draft (retired ones included: a project
    /// keeps the version it pinned at its first application). Rendered once per catalog snapshot
    /// and query: every desk asks on every sync, and an unchanged catalog answers with the same
    /// text.
    std::shared_ptr<const RenderedGuides> renderedGuides(const std::optional<std::string> &stage,
                                                         const std::optional<std::string> &processType,
                                                         const std::optional<std::string> &versions);

private:
    void load();
    /// The guides of @p current (see renderedGuides()).
    nlohmann::json guidesOf(const Catalog &current, const std::optional<std::string> &stage,
                            const std::optional<std::string> &processType, const std::optional<std::string> &versions);

    Database &m_db;
    std::mutex m_mutex;
    std::shared_ptr<const Catalog> m_catalog;
    std::string m_revision;
    static constexpr std::size_t kGuidesKept = 256;
    std::mutex m_guidesMutex;
    std::shared_ptr<const Catalog> m_guidesCatalog; ///< the snapshot m_guides were rendered from
    std::map<std::string, std::shared_ptr<const RenderedGuides>> m_guides;
    std::chrono::steady_clock::time_point m_checked;
};

} // namespace spgl::server
