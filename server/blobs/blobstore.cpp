#include "blobs/blobstore.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <fstream>
#include <stdexcept>

namespace spgl::server {

BlobStore::BlobStore(std::filesystem::path root)
    : m_root(std::move(root))
{
    std::filesystem::create_directories(m_root / "parts");
}

bool BlobStore::validHash(const std::string &text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::filesystem::path BlobStore::path(const std::string &sha256) const
{
    return m_root / sha256.substr(0, 2) / sha256.substr(2, 2) / sha256;
}

bool BlobStore::exists(const std::string &sha256) const
{
    return validHash(sha256) && std::filesystem::exists(path(sha256));
}

void BlobStore::adopt(const std::filesystem::path &file, const std::string &sha256)
{
    const auto target = path(sha256);
    if (std::filesystem::exists(target)) {
        std::filesystem::remove(file);
        return;
    }
    std::filesystem::create_directories(target.parent_path());
    std::filesystem::rename(file, target);
}

std::string BlobStore::hashFile(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    std::string buffer(1 << 16, '\0');
    while (in) {
        in.read(buffer.data(), std::streamsize(buffer.size()));
        engine.update(buffer.data(), std::size_t(in.gcount()));
    }
    return Poco::DigestEngine::digestToHex(engine.digest());
}

} // namespace spgl::server
