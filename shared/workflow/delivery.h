#pragma once

#include <cstdint>
#include <string>

namespace spgl {

/**
 * @brief How the results of a stage were handed over (统一出件, guideline 5.5 d): the method,
 *        and for a post its tracking number, the person who received them, and when.
 */
struct Delivery
{
    std::string method;     ///< "online" | "in_person" | "post"
    std::string trackingNo; ///< the post's tracking number (邮件单号); required for "post", empty otherwise
    std::string recipient;  ///< who received them (领取人 / 收件人), may be empty
    std::int64_t at = 0;    ///< when they were handed over (epoch ms); 0 in a command: now

    bool operator==(const Delivery &) const = default;
};

} // namespace spgl
