#pragma once

#include "core/result.h"
#include "forms/formdefinition.h"
#include "workflow/itemdefinition.h"
#include "workflow/processdefinition.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace spgl {

/**
 * @brief The versioned catalog (5.15): approval items, processes and forms, several versions
 *        of each, with lookups by code and version and a consistency check.
 *
 * Documents: `{"items": [...], "processes": [...], "forms": [...]}`, every key optional; see
 * itemToJson(), processToJson() and FormDefinition::toJson() for the entries. Versions are
 * decimal ("1.0", "1.10"); they compare component by component as integers, so "1.10" > "1.9".
 *
 * Pointers returned by the lookups stay valid while the catalog lives (adding definitions does
 * not move the existing ones).
 */
class Catalog
{
public:
    Catalog() = default;

    /**
     * @brief Reads a catalog document. Errors: code "catalog.*", field a path like
     *        "items[3].promised_limit" (form errors: "forms[1].fields[2].type"); duplicates of
     *        code + version: "catalog.duplicate".
     */
    static Result<Catalog> fromJson(const nlohmann::json &doc);

    /// Reads and merges several documents (e.g. items.json, processes.json, forms.json);
    /// an error's field starts with the file path ("…/items.json: items[2].code").
    static Result<Catalog> fromFiles(const std::vector<std::string> &paths);

    /// Adds the documents' definitions to this catalog (duplicates rejected); nothing is added on error.
    Status merge(const nlohmann::json &doc);

    /// The document form of the whole catalog; fromJson(toJson()) gives an equal catalog.
    nlohmann::json toJson() const;

    /// Adds a definition; Error "catalog.duplicate" when its code + version is already there,
    /// "catalog.version" when the version is not decimal, "catalog.missing" without a code.
    Status add(ItemDefinition item);
    Status add(ProcessDefinition process);
    Status add(FormDefinition form);

    /// One version, or nullptr.
    const ItemDefinition *item(std::string_view code, std::string_view version) const;
    /// The highest published version, or nullptr.
    const ItemDefinition *latestItem(std::string_view code) const;
    const ProcessDefinition *process(std::string_view code, std::string_view version) const;
    const ProcessDefinition *latestProcess(std::string_view code) const;
    const FormDefinition *form(std::string_view code, std::string_view version) const;
    const FormDefinition *latestForm(std::string_view code) const;

    /// The latest published version of each process, ordered by code.
    std::vector<const ProcessDefinition *> publishedProcesses() const;

    /// Every version of every item / process / form, ordered by code, then version.
    std::vector<const ItemDefinition *> items() const;
    std::vector<const ProcessDefinition *> processes() const;
    std::vector<const FormDefinition *> forms() const;

    /**
     * @brief Checks the catalog as a whole; empty when consistent. Findings (code, field path):
     *  - "catalog.item_missing" / "catalog.form_missing": a stage references an item or form
     *    version that is not in the catalog;
     *  - "catalog.unpublished_reference": a published process references a draft or retired item
     *    or form;
     *  - "catalog.department": an item without department, a stage without lead department;
     *  - "catalog.limit": a limit ≤ 0 (item, stage, special procedure, tolerance days);
     *  - "catalog.promised_limit": promised limit above the statutory one (same unit);
     *  - "catalog.stage_seq": a published process without stages or with repeated stage seq;
     *  - "catalog.item_exceeds_stage": an item's promised limit above its stage's limit;
     *  - "catalog.total_limit": the national stages (1–4) of a process sum to more than 120
     *    working days;
     *  - "catalog.material": repeated material codes, a tolerable material on an item without
     *    容缺受理;
     *  - "catalog.rule_field": an item's applies_if reads a form field the stage form lacks.
     */
    Errors validate() const;

    /// Compares decimal versions: < 0, 0, > 0 ("1.10" > "1.9", "1.0" == "1").
    static int compareVersions(std::string_view a, std::string_view b);
    /// Whether @p version is decimal: digits separated by single dots.
    static bool isVersion(std::string_view version);

    /// Most working days all national stages of one process may take together.
    static constexpr int kMaxTotalWorkdays = 120;

private:
    struct VersionLess
    {
        bool operator()(const std::string &a, const std::string &b) const { return compareVersions(a, b) < 0; }
    };
    template<typename T>
    using Versions = std::map<std::string, std::map<std::string, T, VersionLess>, std::less<>>;

    Versions<ItemDefinition> m_items;
    Versions<ProcessDefinition> m_processes;
    Versions<FormDefinition> m_forms;
};

/// JSON of an item (snake_case keys, see the seed catalog).
nlohmann::json itemToJson(const ItemDefinition &item);
/// Reads an item; errors' fields are paths under @p path (e.g. "items[3]").
Result<ItemDefinition> itemFromJson(const nlohmann::json &json, const std::string &path = {});
/// JSON of a process with its stages.
nlohmann::json processToJson(const ProcessDefinition &process);
/// Reads a process; errors' fields are paths under @p path (e.g. "processes[0]").
Result<ProcessDefinition> processFromJson(const nlohmann::json &json, const std::string &path = {});

} // namespace spgl
