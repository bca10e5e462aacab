#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace spgl {

/// The life of a catalog definition version: draft → published → retired (5.15).
enum class DefinitionStatus {
    Draft,     ///< being edited; never used by applications
    Published, ///< offered to new applications
    Retired,   ///< no new applications; running ones keep the version they pinned
};

/// "draft" | "published" | "retired".
std::string_view toString(DefinitionStatus status);
/// Parses the text form; nullopt for anything else.
std::optional<DefinitionStatus> definitionStatusFromString(std::string_view text);

} // namespace spgl
