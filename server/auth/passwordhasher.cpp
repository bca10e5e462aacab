#include "auth/passwordhasher.h"

#include <Poco/RandomStream.h>

#include <argon2.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <vector>

namespace spgl::server {

namespace {
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}
} // namespace

std::string PasswordHasher::hash(const std::string &password) const
{
    unsigned char salt[kSaltBytes];
    Poco::RandomInputStream random;
    random.read(reinterpret_cast<char *>(salt), sizeof salt);
    const std::size_t length
        = argon2_encodedlen(m_cost.iterations, m_cost.memoryKiB, m_cost.lanes, kSaltBytes, kHashBytes, Argon2_id);
    std::vector<char> encoded(length);
    const int rc = argon2id_hash_encoded(m_cost.iterations, m_cost.memoryKiB, m_cost.lanes, password.data(),
                                         password.size(), salt, sizeof salt, kHashBytes, encoded.data(), length);
    if (rc != ARGON2_OK)
        throw std::runtime_error(std::string("argon2id: ") + argon2_error_message(rc));
    return std::string(encoded.data());
}

bool PasswordHasher::verify(const std::string &encoded, const std::string &password) const
{
    return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void PasswordHasher::burn(const std::string &password) const
{
    (void)hash(password);
}

Errors PasswordHasher::checkPolicy(const std::string &password, const std::string &username)
{
    Errors errors;
    std::size_t characters = 0;
    bool hasLower = false, hasUpper = false, hasDigit = false, hasOther = false;
    for (unsigned char c : password) {
        characters += (c & 0xC0) != 0x80;
        if (std::islower(c))
            hasLower = true;
        else if (std::isupper(c))
            hasUpper = true;
        else if (std::isdigit(c))
            hasDigit = true;
        else if ((c & 0xC0) != 0x80)
            hasOther = true;
    }
    if (characters < 8 || characters > 64) {
        errors.push_back({"password.length", "密码长度应为8到64个字符", "password"});
    } else if (int(hasLower) + int(hasUpper) + int(hasDigit) + int(hasOther) < 3) {
        errors.push_back({"password.classes", "密码应至少包含大写字母、小写字母、数字、符号中的三类", "password"});
    } else if (!username.empty() && lower(password).find(lower(username)) != std::string::npos) {
        errors.push_back({"password.username", "密码不能包含用户名", "password"});
    }
    return errors;
}

} // namespace spgl::server
