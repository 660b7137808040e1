#include "core/offset_map.h"

#include <algorithm>

namespace dateline {

void OffsetMap::Add(uint32_t text_offset, uint32_t input_offset) {
  if (!anchors_.empty() && anchors_.back().first == text_offset) {
    anchors_.back().second = input_offset;
    return;
  }
  // Anchors that the identity already implies are kept all the same: the start of a widened
  // unit is what ToInput clamps to.
  anchors_.emplace_back(text_offset, input_offset);
}

uint32_t OffsetMap::ToInput(uint32_t text_offset) const {
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), text_offset,
                             [](uint32_t v, const std::pair<uint32_t, uint32_t>& a) { return v < a.first; });
  if (it == anchors_.begin()) return text_offset;
  const auto& a = *(it - 1);
  uint32_t mapped = a.second + (text_offset - a.first);
  // Inside a unit that grew (a Windows-1252 byte became 2-3 UTF-8 bytes): never run past the next anchor.
  // Never at or past the next anchor: offsets stay monotone even where a widened unit has no
  // anchor of its own at its start (such units are one input byte wide).
  if (it != anchors_.end() && mapped >= it->second) mapped = std::max(a.second, it->second - 1);
  return mapped;
}

}  // namespace dateline
