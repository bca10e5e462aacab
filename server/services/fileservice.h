#pragma once

#include "auth/principal.h"
#include "blobs/blobstore.h"
#include "storage/database.h"

#include <nlohmann/json.hpp>

#include <istream>
#include <mutex>
#include <set>
#include <string>

namespace spgl::server {

/**
 * Resumable uploads (create with a length, append chunks at the offset the server confirms, ask
 * the offset after a cut) that complete into content-addressed files, and downloads of files.
 * Content is sniffed as soon as the first bytes arrive, so a disguised file is refused before
 * the rest is sent.
 */
class FileService
{
public:
    struct Download
    {
        std::filesystem::path path;
        std::int64_t size = 0;
        std::string mediaType;
        std::string filename;
    };

    FileService(Database &db, BlobStore &blobs, std::int64_t maxFileBytes)
        : m_db(db)
        , m_blobs(blobs)
        , m_maxFileBytes(maxFileBytes)
    {}

    nlohmann::json create(const Principal &who, const std::string &filename, std::int64_t length);
    nlohmann::json status(const Principal &who, const std::string &id);
    /// Appends @p bytes from @p in at @p offset. Throws ApiError 409 (offset mismatch, with the
    /// server's offset), 413 (past the declared length), 415 (content refused).
    nlohmann::json append(const Principal &who, const std::string &id, std::int64_t offset, std::istream &in,
                          std::int64_t bytes);
    Download download(const Principal &who, const std::string &sha256);

    std::int64_t maxFileBytes() const { return m_maxFileBytes; }

private:
    struct Upload
    {
        std::string id;
        std::int64_t userId = 0;
        std::string filename;
        std::int64_t length = 0;
        std::string status;
        std::string sha256;
        std::string mediaType;
    };
    Upload load(const Principal &who, const std::string &id);
    std::filesystem::path partPath(const std::string &id) const { return m_blobs.partsDir() / id; }
    nlohmann::json describe(const Upload &u, std::int64_t offset) const;
    nlohmann::json complete(Upload &u);

    Database &m_db;
    BlobStore &m_blobs;
    std::int64_t m_maxFileBytes;
    std::mutex m_mutex;
    std::set<std::string> m_active;
};

} // namespace spgl::server
