#pragma once

#include "calendar/clock.h"
#include "workflow/states.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spgl {

/// A consultation (征求意见) one department asks of another about a case.
struct Consultation
{
    std::string id;
    std::string fromDepartment;
    std::string toDepartment;
    std::string question;
    std::string answer;
    std::int64_t askedAt = 0;
    std::int64_t answeredAt = 0; ///< 0 while open
    bool open() const { return answeredAt == 0; }

    bool operator==(const Consultation &) const = default;
};

/// A special procedure (特别程序) a case went through or is in.
struct SpecialProcedure
{
    std::string kind; ///< e.g. "expert_review"
    std::string name; ///< e.g. 专家评审
    std::string reason;
    int limit = 0; ///< its own limit
    Clock::Unit unit = Clock::Unit::Workday;
    std::int64_t startedAt = 0;
    std::int64_t endedAt = 0; ///< 0 while running
    std::string result;

    bool operator==(const SpecialProcedure &) const = default;
};

/// The result document (批复文件) of a decision.
struct ResultDocument
{
    std::string number;     ///< 批复文号 (PFWH)
    std::string title;      ///< 批复文件标题 (PFWJBT)
    std::string date;       ///< 批复日期 YYYY-MM-DD (PFRQ)
    std::string validUntil; ///< 有效期限 YYYY-MM-DD (PFWJYXQX; 9999-01-01 when open-ended)
    std::string fileId;     ///< SHA-256 of the document file, may be empty

    bool operator==(const ResultDocument &) const = default;
};

/**
 * @brief A case (办件): one item of an accepted application, handled by its department.
 *
 * A projection of the case's events (see Engine::apply); the engine decides every change.
 */
struct ApprovalCase
{
    std::string id; ///< "<application id>-<n>" (SPSXSLBM)
    std::string itemCode;
    std::string itemVersion;
    std::string itemName;
    std::string department; ///< department code
    bool milestone = true;
    CaseStatus status = CaseStatus::Accepted;
    std::int64_t version = 0;
    std::string assignee; ///< user id of the reviewer who claimed it
    std::string assigneeName;
    std::optional<Clock> clock;
    bool commitment = false;                      ///< accepted under 告知承诺
    std::vector<std::string> toleratedMaterials;  ///< missing materials accepted under 容缺
    std::string toleranceDeadline;                ///< YYYY-MM-DD by which they are due
    std::vector<std::string> supplementMaterials; ///< asked in the open 补正
    std::vector<Consultation> consultations;
    std::vector<SpecialProcedure> specialProcedures;
    int opinions = 0;
    std::optional<ResultDocument> document;
    std::string decisionOpinion;
    std::int64_t decidedAt = 0;

    bool operator==(const ApprovalCase &) const = default;

    const Consultation *consultation(const std::string &consultationId) const;
    /// The special procedure still running, if any.
    const SpecialProcedure *openSpecialProcedure() const;
};

} // namespace spgl
