// HTML character references (private to the input stage).
#pragma once

#include <cstddef>
#include <string_view>

namespace dateline::input_internal {

// If `s` at `pos` (which holds '&') starts a character reference this stage decodes, stores the
// character in *cp and the reference's length in bytes (including '&' and ';') in *length.
// See input.h for which references are decoded.
bool MatchCharacterReference(std::string_view s, size_t pos, char32_t* cp, size_t* length);

// The named references known, sorted by name (for tests).
size_t NamedReferenceCount();

}  // namespace dateline::input_internal
