#include "domain/creditcode.h"

#include <array>
#include <cctype>

namespace spgl {

namespace {
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int valueOf(char c)
{
    const auto pos = kAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : int(pos);
}

std::string normalized(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    std::string out(text);
    for (char &c : out)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    return out;
}
} // namespace

char CreditCode::checkCharacter(std::string_view first17)
{
    if (first17.size() != 17)
        return '\0';
    int sum = 0;
    for (size_t i = 0; i < 17; ++i) {
        const int v = valueOf(first17[i]);
        if (v < 0)
            return '\0';
        sum += v * kWeights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return kAlphabet[size_t(check)];
}

Result<CreditCode> CreditCode::parse(std::string_view input)
{
    const std::string text = normalized(input);
    if (text.size() != 18)
        return Error{"credit_code.length", "统一社会信用代码应为18位", {}};
    for (char c : text) {
        if (valueOf(c) < 0)
            return Error{"credit_code.character", "统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）", {}};
    }
    for (size_t i = 2; i < 8; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return Error{"credit_code.region", "统一社会信用代码第3至8位应为行政区划代码", {}};
    }
    if (checkCharacter(std::string_view(text).substr(0, 17)) != text[17])
        return Error{"credit_code.check", "统一社会信用代码校验位不正确，请核对后重新输入", {}};
    return CreditCode(text);
}

} // namespace spgl
