// UTF-8 at the byte level: what the decoder, the writers and the cleaner share.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dateline::utf8 {

// Length of the well-formed UTF-8 sequence at s[pos] (1 for ASCII), or 0 if none starts there
// (stray continuation byte, overlong form, surrogate, beyond U+10FFFF, or truncated).
size_t SequenceLength(std::string_view s, size_t pos);

// Appends code point cp (REQUIRES: a Unicode scalar value) as UTF-8.
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace dateline::utf8
