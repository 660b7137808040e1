// The suite readers behind ParseSuite (private to src/validate).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "validate/validate.h"

namespace dateline::validate_internal {

// Each fills suite->records (options_before holding each record's own options), the dictionary
// files, categories, options and problems. ParseSuite then passes options on (AccumulateOptions).
void ReadTabariSuite(std::string_view name, std::string_view bytes, const std::filesystem::path& directory,
                     Suite* suite);
void ReadPetrarchSuite(std::string_view name, std::string_view bytes, const std::filesystem::path& directory,
                       Suite* suite);

// "DEMO-01" → "DEMO"; an id without '-' is its own category.
std::string CategoryFromId(std::string_view id);
// Blanks at both ends removed.
std::string_view Trim(std::string_view s);
// Lines trimmed, empty ones dropped, the rest joined with single spaces.
std::string JoinLines(std::string_view text);
// ASCII case-insensitive equality.
bool EqualsIgnoringCase(std::string_view a, std::string_view b);

}  // namespace dateline::validate_internal
