// ByteSpan: a half-open byte range [begin, end) into a Document's text.
#pragma once

#include <cstdint>

namespace dateline {

struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(uint32_t offset) const { return offset >= begin && offset < end; }
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

}  // namespace dateline
