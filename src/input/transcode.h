// Byte-level helpers shared by the decoder and the readers (private to the input stage).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "input/input.h"

namespace dateline::input_internal {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// `bytes` as UTF-8 under `encoding` (kAuto: DetectEncoding), with no other change: Windows-1252
// is widened; under UTF-8 each byte that starts no valid sequence becomes U+FFFD and is counted
// in *repairs.
std::string TranscodeToUtf8(std::string_view bytes, SourceEncoding encoding, uint32_t* repairs);

}  // namespace dateline::input_internal
