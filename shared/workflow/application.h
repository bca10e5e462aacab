#pragma once

#include "workflow/approvalcase.h"
#include "workflow/delivery.h"
#include "workflow/stagedefinition.h"
#include "workflow/states.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spgl {

/// A material handed in with an application: which item asks for it, and the file.
struct MaterialRef
{
    std::string itemCode;
    std::string code;
    std::string fileId; ///< SHA-256 of the file; empty for a paper original checked at the window

    /// "item/material", the key used in missing-material lists.
    std::string key() const { return itemCode + '/' + code; }
    bool operator==(const MaterialRef &) const = default;
};

/**
 * @brief An application (申报) of one project for one stage, with its cases once accepted.
 *
 * It pins the process version and the items (with versions) it started on, so publishing a
 * new catalog version never changes it. A projection of its events (see Engine::apply).
 */
struct Application
{
    std::string id;
    std::string projectId;
    std::string applicantId; ///< user id of the applicant who owns it
    std::string regionCode;  ///< of the project; its calendar applies
    std::string processCode;
    std::string processVersion;
    int stage = 0;
    StageDefinition::Completion completion = StageDefinition::Completion::AllMilestones;
    int stageLimit = 0; ///< the stage's limit (SPJDSX), pinned at submission
    Clock::Unit stageUnit = Clock::Unit::Workday;
    std::string channel = "online";  ///< "online" | "window"
    std::vector<StageItemRef> items; ///< the items applied for, pinned
    std::vector<MaterialRef> materials;
    nlohmann::json form = nlohmann::json::object(); ///< the stage form as filed (validated, cleaned)
    /// What the blueprint knew of the project's site at submission, pinned like the form:
    /// {"assessments": ["environmental", …]} — the completed regional assessments (区域评估) of the
    /// zones containing the site. Material rules read it as `project.assessments`.
    nlohmann::json projectFacts = nlohmann::json::object();
    ApplicationStatus status = ApplicationStatus::None;
    std::int64_t version = 0;
    std::int64_t events = 0; ///< number of events so far (the next event's seq is events + 1)
    std::int64_t submittedAt = 0;
    std::int64_t acceptedAt = 0;
    std::int64_t concludedAt = 0;
    std::vector<std::string> supplementMaterials; ///< asked in the open 补正 before acceptance
    std::string refusalReason;
    std::optional<Delivery> delivery; ///< how the results were handed over (统一出件), once delivered
    std::vector<ApprovalCase> cases;

    bool operator==(const Application &) const = default;

    ApprovalCase *findCase(std::string_view caseId);
    const ApprovalCase *findCase(std::string_view caseId) const;
    bool hasMaterial(std::string_view itemCode, std::string_view code) const;
};

} // namespace spgl
