#pragma once

#include "core/error.h"

#include <nlohmann/json.hpp>

namespace spgl {

/// The outcome of validating submitted form data against a FormDefinition.
struct FormValidation
{
    /// Field-level errors (Error::field = the field name; empty for the data as a whole).
    Errors errors;
    /// The cleaned data: the visible, known, non-empty fields with normalised values.
    nlohmann::json data = nlohmann::json::object();

    /// Whether the data was accepted.
    bool ok() const { return errors.empty(); }
    /// The first error for @p field, or nullptr.
    const Error *errorFor(const std::string &field) const
    {
        for (const auto &e : errors) {
            if (e.field == field)
                return &e;
        }
        return nullptr;
    }
};

} // namespace spgl
