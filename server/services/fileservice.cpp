#include "services/fileservice.h"

#include "auth/tokenservice.h"
#include "blobs/contentsniffer.h"
#include "core/beijingtime.h"
#include "http/apierror.h"
#include "http/jsonfields.h"
#include "services/requestaudit.h"

#include <cstdio>
#include <fstream>

#ifdef _WIN32
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace spgl::server {

namespace {
constexpr std::int64_t kUploadTtlMs = 7LL * 24 * 3600 * 1000;

bool validUploadId(const std::string &id)
{
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_';
    });
}

std::int64_t fileSize(const std::filesystem::path &p)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(p, ec);
    return ec ? 0 : std::int64_t(size);
}

/// Appends to a file and makes the bytes durable before the offset is acknowledged.
class DurableAppender
{
public:
    explicit DurableAppender(const std::filesystem::path &p)
    {
#ifdef _WIN32
        m_fd = _wopen(p.c_str(), _O_WRONLY | _O_APPEND | _O_CREAT | _O_BINARY, 0600);
#else
        m_fd = ::open(p.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
#endif
        if (m_fd < 0)
            throw std::runtime_error("cannot open upload part " + p.string());
    }
    ~DurableAppender()
    {
#ifdef _WIN32
        _commit(m_fd);
        _close(m_fd);
#else
        ::fsync(m_fd);
        ::close(m_fd);
#endif
    }
    void write(const char *data, std::size_t n)
    {
        while (n > 0) {
#ifdef _WIN32
            const auto written = _write(m_fd, data, unsigned(n));
#else
            const auto written = ::write(m_fd, data, n);
#endif
            if (written <= 0)
                throw std::runtime_error("write to upload part failed");
            data += written;
            n -= std::size_t(written);
        }
    }

private:
    int m_fd = -1;
};
} // namespace

nlohmann::json FileService::describe(const Upload &u, std::int64_t offset) const
{
    nlohmann::json j
        = {{"id", u.id}, {"filename", u.filename}, {"length", u.length}, {"offset", offset}, {"status", u.status}};
    if (!u.sha256.empty())
        j["file"] = {{"sha256", u.sha256},
                     {"size", u.length},
                     {"media_type", u.mediaType},
                     {"url", "/api/v1/files/" + u.sha256}};
    return j;
}

nlohmann::json FileService::create(const Principal &who, const std::string &filename, std::int64_t length)
{
    if (length > m_maxFileBytes) {
        throw ApiError::payloadTooLarge("文件过大：单个文件不能超过 " + std::to_string(m_maxFileBytes / (1024 * 1024))
                                        + " MB，请压缩或拆分后再上传");
    }
    JsonFields f(nlohmann::json::object());
    if (filename.empty() || JsonFields::characters(filename) > 200
        || std::any_of(filename.begin(), filename.end(),
                       [](unsigned char c) { return c < 0x20 || c == '/' || c == '\\'; }))
        f.addFor("filename", {"filename", "文件名无效（1到200个字符，不能含路径）", {}});
    if (length <= 0)
        f.addFor("length", {"range", "文件不能为空", {}});
    f.check();
    Upload u{TokenService::randomToken(18), who.userId, filename, length, "open", {}, {}};
    const std::int64_t now = beijing::nowMs();
    m_db.write([&](Connection &c) {
        c.execute("INSERT INTO uploads (id, user_id, filename, length, status, created_at, expires_at) VALUES (?, ?, "
                  "?, ?, ?, ?, ?)",
                  {u.id, u.userId, u.filename, u.length, u.status, now, now + kUploadTtlMs});
        RequestAudit::record(c, "upload:" + u.id, u.filename + " (" + std::to_string(u.length) + " bytes)");
    });
    auto j = describe(u, 0);
    j["expires_at"] = beijing::rfc3339(now + kUploadTtlMs);
    return j;
}

FileService::Upload FileService::load(const Principal &who, const std::string &id)
{
    if (!validUploadId(id))
        throw ApiError::notFound("上传任务不存在或已过期");
    const auto row = m_db.read([&](Connection &c) {
        return c.queryOne("SELECT id, user_id, filename, length, status, sha256, media_type FROM uploads "
                          "WHERE id = ? AND user_id = ? AND (expires_at > ? OR status = 'complete')",
                          {id, who.userId, beijing::nowMs()});
    });
    if (!row)
        throw ApiError::notFound("上传任务不存在或已过期");
    return Upload{row->text(0), row->integer(1), row->text(2), row->integer(3),
                  row->text(4), row->text(5),    row->text(6)};
}

nlohmann::json FileService::status(const Principal &who, const std::string &id)
{
    const Upload u = load(who, id);
    return describe(u, u.status == "complete" ? u.length : fileSize(partPath(u.id)));
}

nlohmann::json FileService::append(const Principal &who, const std::string &id, std::int64_t offset, std::istream &in,
                                   std::int64_t bytes)
{
    Upload u = load(who, id);
    {
        std::lock_guard lock(m_mutex);
        if (!m_active.insert(u.id).second)
            throw ApiError::conflict("该文件正在另一个连接中上传，请稍后查询进度后继续");
    }
    struct Release
    {
        FileService *s;
        std::string id;
        ~Release()
        {
            std::lock_guard lock(s->m_mutex);
            s->m_active.erase(id);
        }
    } release{this, u.id};

    if (u.status == "complete")
        return describe(u, u.length);
    if (u.status == "rejected")
        throw ApiError::unsupportedMediaType("该文件的内容类型不被接受，请重新选择文件");
    const auto part = partPath(u.id);
    const std::int64_t current = fileSize(part);
    if (offset != current) {
        ApiError e
            = ApiError::conflict("上传位置不一致：服务器已收到 " + std::to_string(current) + " 字节，请从该位置继续");
        e.headers.emplace_back("Upload-Offset", std::to_string(current));
        throw e;
    }
    if (bytes < 0)
        throw ApiError(411, "length-required", "缺少长度", "分片上传需要 Content-Length");
    if (offset + bytes > u.length)
        throw ApiError::payloadTooLarge("分片超出了创建上传时声明的文件长度 " + std::to_string(u.length) + " 字节");

    std::int64_t written = 0;
    // The content is judged once its first kHeadBytes (or the whole file) have arrived, whatever
    // the chunk sizes: earlier chunks' bytes are read back from the part file.
    std::string head;
    bool sniffed = current >= std::int64_t(ContentSniffer::kHeadBytes);
    if (!sniffed && current > 0) {
        std::ifstream previous(part, std::ios::binary);
        head.resize(std::size_t(current));
        previous.read(head.data(), current);
        head.resize(std::size_t(previous.gcount()));
    }
    {
        DurableAppender out(part);
        std::string buffer(1 << 16, '\0');
        while (written < bytes) {
            const auto want = std::streamsize(std::min<std::int64_t>(std::int64_t(buffer.size()), bytes - written));
            std::streamsize got = 0;
            try {
                in.read(buffer.data(), want);
                got = in.gcount();
            } catch (const std::exception &) {
                got = in.gcount();
            }
            if (got <= 0)
                break; // the client went away: what arrived stays, the client resumes from it
            if (!sniffed) {
                head.append(buffer.data(), std::size_t(std::min<std::streamsize>(
                                               got, std::streamsize(ContentSniffer::kHeadBytes - head.size()))));
                if (head.size() >= ContentSniffer::kHeadBytes || offset + written + got >= u.length) {
                    const auto type = ContentSniffer::sniff(head, u.filename);
                    if (!type) {
                        m_db.write([&](Connection &c) {
                            c.execute("UPDATE uploads SET status = 'rejected' WHERE id = ?", {u.id});
                        });
                        std::filesystem::remove(part);
                        throw ApiError::unsupportedMediaType("文件“" + u.filename
                                                             + "”的内容与其类型不符或不在允许范围内（允许：PDF、图片、O"
                                                               "ffice文档、DWG/DXF、ZIP、GeoPackage、Shapefile）");
                    }
                    sniffed = true;
                }
            }
            out.write(buffer.data(), std::size_t(got));
            written += got;
            if (got < want)
                break;
        }
    }
    const std::int64_t now = offset + written;
    if (now < u.length && written < bytes)
        throw ApiError::badRequest("连接中断：已保存 " + std::to_string(now) + " 字节，请查询进度后继续上传");
    if (now == u.length)
        return complete(u);
    return describe(u, now);
}

nlohmann::json FileService::complete(Upload &u)
{
    const auto part = partPath(u.id);
    std::string head(ContentSniffer::kHeadBytes, '\0');
    {
        std::ifstream in(part, std::ios::binary);
        in.read(head.data(), std::streamsize(head.size()));
        head.resize(std::size_t(in.gcount()));
    }
    const auto type = ContentSniffer::sniff(head, u.filename);
    if (!type) {
        std::filesystem::remove(part);
        m_db.write([&](Connection &c) { c.execute("UPDATE uploads SET status = 'rejected' WHERE id = ?", {u.id}); });
        throw ApiError::unsupportedMediaType("文件“" + u.filename + "”的内容与其类型不符或不在允许范围内");
    }
    const std::string sha = BlobStore::hashFile(part);
    m_blobs.adopt(part, sha);
    const std::int64_t now = beijing::nowMs();
    m_db.write([&](Connection &c) {
        if (!c.queryOne("SELECT 1 FROM files WHERE sha256 = ?", {sha}))
            c.execute("INSERT INTO files (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)",
                      {sha, u.length, *type, now});
        c.execute("UPDATE uploads SET status = 'complete', sha256 = ?, media_type = ? WHERE id = ?",
                  {sha, *type, u.id});
        RequestAudit::record(c, {},
                             "complete: " + u.filename + ", " + std::to_string(u.length) + " bytes, " + *type
                                 + ", sha256 " + sha);
    });
    u.status = "complete";
    u.sha256 = sha;
    u.mediaType = *type;
    return describe(u, u.length);
}

FileService::Download FileService::download(const Principal &who, const std::string &sha256)
{
    if (!BlobStore::validHash(sha256))
        throw ApiError::notFound("文件不存在");
    // Staff may read files (their cases' scope is enforced where files are listed); applicants
    // and agencies what they uploaded themselves, and the files their own applications' events
    // name (result documents of decided cases, materials a window clerk filed for them).
    const auto row = m_db.read([&](Connection &c) {
        if (who.isStaff())
            return c.queryOne(
                "SELECT f.size, f.media_type, (SELECT filename FROM uploads u WHERE u.sha256 = f.sha256 LIMIT 1) "
                "FROM files f WHERE f.sha256 = ?",
                {sha256});
        if (auto own = c.queryOne("SELECT f.size, f.media_type, u.filename FROM files f JOIN uploads u ON u.sha256 = "
                                  "f.sha256 WHERE f.sha256 = ? AND u.user_id = ? LIMIT 1",
                                  {sha256, who.userId}))
            return own;
        return c.queryOne(
            "SELECT f.size, f.media_type, (SELECT filename FROM uploads u WHERE u.sha256 = f.sha256 LIMIT "
            "1) FROM files f WHERE f.sha256 = ? AND EXISTS (SELECT 1 FROM events e JOIN applications a "
            "ON a.id = e.application_id WHERE a.applicant_id = ? AND e.data LIKE ?)",
            {sha256, who.userId, "%\"file_id\":\"" + sha256 + "\"%"});
    });
    if (!row || !m_blobs.exists(sha256))
        throw ApiError::notFound("文件不存在");
    return Download{m_blobs.path(sha256), row->integer(0), row->text(1), row->text(2)};
}

} // namespace spgl::server
