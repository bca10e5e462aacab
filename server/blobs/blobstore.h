#pragma once

#include <filesystem>
#include <string>

namespace spgl::server {

/**
 * Content-addressed file storage under `<data>/blobs/ab/cd/<sha256>`. Names given by users never
 * reach the file system; a blob is written once and never changed.
 */
class BlobStore
{
public:
    explicit BlobStore(std::filesystem::path root);

    /// Where the blob with @p sha256 lives (whether or not it exists).
    std::filesystem::path path(const std::string &sha256) const;
    bool exists(const std::string &sha256) const;
    /// Moves a finished temporary file into the store under its hash (a no-op when present).
    void adopt(const std::filesystem::path &file, const std::string &sha256);
    /// SHA-256 (lower-case hex) of a file's content.
    static std::string hashFile(const std::filesystem::path &file);
    static bool validHash(const std::string &text);

    /// Folder for unfinished uploads.
    std::filesystem::path partsDir() const { return m_root / "parts"; }

private:
    std::filesystem::path m_root;
};

} // namespace spgl::server
