#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

using GDALDatasetH = void *;

namespace spgl::server {

/**
 * Open read-only GeoPackage datasets, kept per file for reuse. An OGR dataset is not thread-safe:
 * each request leases one for itself (an idle one, or a newly opened one), and gives it back when
 * the lease ends. A file that changed on disk (time or size) is reopened; its old handles close.
 */
class OgcDatasetPool
{
public:
    /// Keeps at most @p maxIdlePerFile idle handles per file.
    explicit OgcDatasetPool(std::size_t maxIdlePerFile = 4);
    ~OgcDatasetPool();
    OgcDatasetPool(const OgcDatasetPool &) = delete;
    OgcDatasetPool &operator=(const OgcDatasetPool &) = delete;

    struct Entry;

    /// Exclusive use of one open dataset until destroyed.
    class Lease
    {
    public:
        Lease() = default;
        Lease(Lease &&other) noexcept;
        Lease &operator=(Lease &&other) noexcept;
        ~Lease();
        GDALDatasetH dataset() const { return m_dataset; }
        explicit operator bool() const { return m_dataset != nullptr; }

    private:
        friend class OgcDatasetPool;
        void release();
        std::shared_ptr<Entry> m_entry;
        GDALDatasetH m_dataset = nullptr;
        std::uint64_t m_generation = 0;
        std::size_t m_maxIdle = 0;
    };

    /// Leases a dataset of @p path; an empty lease and @p error set when the file does not open.
    Lease acquire(const std::filesystem::path &path, std::string *error = nullptr);
    /// Closes the idle handles of files not in @p paths (layers replaced by a new version).
    void retainOnly(const std::vector<std::filesystem::path> &paths);
    /// Idle handles held right now (for tests and diagnostics).
    std::size_t idleCount() const;

private:
    std::size_t m_maxIdle;
    mutable std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<Entry>> m_entries;
};

} // namespace spgl::server
