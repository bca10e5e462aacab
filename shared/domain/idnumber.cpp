#include "domain/idnumber.h"

#include <array>
#include <cctype>

namespace spgl {

namespace {
constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheck = "10X98765432";

bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool validDate(int y, int m, int d)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1)
        return false;
    const int max = days[m - 1] + (m == 2 && isLeap(y) ? 1 : 0);
    return d <= max;
}

int number(std::string_view s)
{
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}
} // namespace

char IdNumber::checkDigit(std::string_view first17)
{
    if (first17.size() != 17)
        return '\0';
    int sum = 0;
    for (size_t i = 0; i < 17; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(first17[i])))
            return '\0';
        sum += (first17[i] - '0') * kWeights[i];
    }
    return kCheck[size_t(sum % 11)];
}

Result<IdNumber> IdNumber::parse(std::string_view input)
{
    std::string text;
    for (char c : input) {
        if (!std::isspace(static_cast<unsigned char>(c)))
            text.push_back(c == 'x' ? 'X' : c);
    }
    if (text.size() != 18)
        return Error{"id_number.length", "身份证号码应为18位", {}};
    for (size_t i = 0; i < 17; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return Error{"id_number.character", "身份证号码前17位应为数字", {}};
    }
    const char last = text[17];
    if (!std::isdigit(static_cast<unsigned char>(last)) && last != 'X')
        return Error{"id_number.character", "身份证号码最后一位应为数字或X", {}};
    const std::string_view v(text);
    if (!validDate(number(v.substr(6, 4)), number(v.substr(10, 2)), number(v.substr(12, 2))))
        return Error{"id_number.birth_date", "身份证号码中的出生日期无效", {}};
    if (checkDigit(v.substr(0, 17)) != last)
        return Error{"id_number.check", "身份证号码校验位不正确，请核对后重新输入", {}};
    return IdNumber(text);
}

std::string IdNumber::birthDate() const
{
    return m_text.substr(6, 4) + '-' + m_text.substr(10, 2) + '-' + m_text.substr(12, 2);
}

} // namespace spgl
