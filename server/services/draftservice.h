#pragma once

#include "auth/principal.h"
#include "storage/database.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace spgl::server {

/**
 * @brief Application drafts (保存草稿, issue 4): the applicant's unfinished stage form and the files
 *        chosen so far, one per project and stage, kept on the server so that filing goes on from
 *        another browser.
 *
 * Only the project's owner (applicant or agency) reads and writes its drafts; anyone else gets 404
 * (403 for staff roles, by the routes). Saves carry `expected_version` (0 or absent: the draft must
 * not exist yet); a stale one gets 409 with the current draft. A draft is at most
 * kMaxDraftBytes of JSON (413 beyond). Submitting the stage removes its draft.
 */
class DraftService
{
public:
    /// The largest draft accepted, as compact JSON.
    static constexpr std::size_t kMaxDraftBytes = 256 * 1024;

    explicit DraftService(Database &db);

    /// GET /projects/{id}/drafts/{stage} → {project_id, stage, form, materials, step, version, updated_at}.
    nlohmann::json draft(const Principal &who, const std::string &projectId, const std::string &stage);
    /// PUT /projects/{id}/drafts/{stage} {form, materials?, step?, expected_version?}; @p created set
    /// when this save made the draft.
    nlohmann::json save(const Principal &who, const std::string &projectId, const std::string &stage,
                        const nlohmann::json &body, std::int64_t now, bool &created);
    /// DELETE /projects/{id}/drafts/{stage}.
    void remove(const Principal &who, const std::string &projectId, const std::string &stage);

private:
    struct Key
    {
        std::int64_t project = 0;
        std::int64_t stage = 0;
    };
    Key checkOwner(Connection &c, const Principal &who, const std::string &projectId, const std::string &stage);

    Database &m_db;
};

} // namespace spgl::server
