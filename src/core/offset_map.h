// OffsetMap: leads from a byte offset in a Document's normalized UTF-8 text back to the byte
// offset in the original input (the file's bytes, or the UTF-8 bytes of a JSON `text` field).
//
// The input stage records an anchor wherever the two stop advancing together (a Windows-1252 byte
// widened to UTF-8, an HTML entity decoded, a BOM or CR dropped):
//
//   OffsetMap map;
//   map.Add(/*text=*/0, /*input=*/3);   // a 3-byte BOM was dropped
//   map.ToInput(10);                    // 13
//
// Between anchors the two advance together. An empty map is the identity.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace dateline {

class OffsetMap {
 public:
  // REQUIRES: text_offset and input_offset not smaller than those of the previous call.
  void Add(uint32_t text_offset, uint32_t input_offset);

  // Input offset of text_offset; an offset inside a widened unit maps to that unit's start.
  uint32_t ToInput(uint32_t text_offset) const;

  bool identity() const { return anchors_.empty(); }
  size_t size() const { return anchors_.size(); }

 private:
  std::vector<std::pair<uint32_t, uint32_t>> anchors_;  // (text, input), sorted
};

}  // namespace dateline
