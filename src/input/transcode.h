// Byte-level helpers shared by the decoder and the readers (private to the input stage).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "input/input.h"

namespace dateline::input_internal {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Length of the well-formed UTF-8 sequence at s[pos] (1 for ASCII), or 0 if none starts there
// (stray continuation byte, overlong form, surrogate, beyond U+10FFFF, or truncated).
size_t Utf8SequenceLength(std::string_view s, size_t pos);

void AppendUtf8(std::string& out, char32_t cp);

// `bytes` as UTF-8 under `encoding` (kAuto: DetectEncoding), with no other change: Windows-1252
// is widened; under UTF-8 each byte that starts no valid sequence becomes U+FFFD and is counted
// in *repairs.
std::string TranscodeToUtf8(std::string_view bytes, SourceEncoding encoding, uint32_t* repairs);

}  // namespace dateline::input_internal
