#include "gis/ogcdatasetpool.h"

#include "geo/gdalsession.h"

#include <gdal.h>

#include <system_error>

namespace spgl::server {

struct OgcDatasetPool::Entry
{
    std::mutex mutex;
    std::vector<GDALDatasetH> idle;
    std::uint64_t generation = 0;
    std::filesystem::file_time_type modified{};
    std::uintmax_t size = 0;

    void closeIdle()
    {
        for (GDALDatasetH ds : idle)
            GDALClose(ds);
        idle.clear();
    }
};

OgcDatasetPool::OgcDatasetPool(std::size_t maxIdlePerFile)
    : m_maxIdle(maxIdlePerFile)
{}

OgcDatasetPool::~OgcDatasetPool()
{
    std::lock_guard lock(m_mutex);
    for (auto &[path, entry] : m_entries) {
        std::lock_guard entryLock(entry->mutex);
        entry->closeIdle();
    }
}

OgcDatasetPool::Lease::Lease(Lease &&other) noexcept
    : m_entry(std::move(other.m_entry))
    , m_dataset(other.m_dataset)
    , m_generation(other.m_generation)
    , m_maxIdle(other.m_maxIdle)
{
    other.m_dataset = nullptr;
}

OgcDatasetPool::Lease &OgcDatasetPool::Lease::operator=(Lease &&other) noexcept
{
    if (this != &other) {
        release();
        m_entry = std::move(other.m_entry);
        m_dataset = other.m_dataset;
        m_generation = other.m_generation;
        m_maxIdle = other.m_maxIdle;
        other.m_dataset = nullptr;
    }
    return *this;
}

OgcDatasetPool::Lease::~Lease()
{
    release();
}

void OgcDatasetPool::Lease::release()
{
    if (!m_dataset)
        return;
    bool keep = false;
    if (m_entry) {
        std::lock_guard lock(m_entry->mutex);
        if (m_entry->generation == m_generation && m_entry->idle.size() < m_maxIdle) {
            m_entry->idle.push_back(m_dataset);
            keep = true;
        }
    }
    if (!keep)
        GDALClose(m_dataset);
    m_dataset = nullptr;
    m_entry.reset();
}

OgcDatasetPool::Lease OgcDatasetPool::acquire(const std::filesystem::path &path, std::string *error)
{
    std::error_code ec;
    const auto modified = std::filesystem::last_write_time(path, ec);
    const auto size = ec ? 0 : std::filesystem::file_size(path, ec);
    if (ec) {
        if (error)
            *error = "文件不存在或无法读取：" + path.filename().string();
        return {};
    }
    std::shared_ptr<Entry> entry;
    {
        std::lock_guard lock(m_mutex);
        auto &slot = m_entries[path.string()];
        if (!slot)
            slot = std::make_shared<Entry>();
        entry = slot;
    }
    Lease lease;
    lease.m_entry = entry;
    lease.m_maxIdle = m_maxIdle;
    {
        std::lock_guard lock(entry->mutex);
        if (entry->modified != modified || entry->size != size) {
            entry->closeIdle(); // the file was replaced: handles still leased close on return
            entry->modified = modified;
            entry->size = size;
            ++entry->generation;
        }
        lease.m_generation = entry->generation;
        if (!entry->idle.empty()) {
            lease.m_dataset = entry->idle.back();
            entry->idle.pop_back();
            return lease;
        }
    }
    geo::ensureGdal(); // on first use: a server that serves no layer does not pay for GDAL's drivers
    geo::GdalErrorCapture capture;
    const char *const drivers[] = {"GPKG", nullptr};
    lease.m_dataset = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr);
    if (!lease.m_dataset && error)
        *error = "无法打开 GeoPackage " + path.filename().string()
                 + (capture.errors().empty() ? std::string() : "：" + capture.joinedErrors());
    return lease;
}

void OgcDatasetPool::retainOnly(const std::vector<std::filesystem::path> &paths)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        bool wanted = false;
        for (const auto &p : paths)
            wanted = wanted || p.string() == it->first;
        if (wanted) {
            ++it;
            continue;
        }
        {
            std::lock_guard entryLock(it->second->mutex);
            it->second->closeIdle();
            ++it->second->generation; // leased handles close when given back
        }
        it = m_entries.erase(it);
    }
}

std::size_t OgcDatasetPool::idleCount() const
{
    std::lock_guard lock(m_mutex);
    std::size_t n = 0;
    for (const auto &[path, entry] : m_entries) {
        std::lock_guard entryLock(entry->mutex);
        n += entry->idle.size();
    }
    return n;
}

} // namespace spgl::server
