#include "core/offset_map.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(OffsetMap, EmptyIsIdentity) {
  OffsetMap m;
  EXPECT_TRUE(m.identity());
  EXPECT_EQ(m.ToInput(0), 0u);
  EXPECT_EQ(m.ToInput(42), 42u);
}

TEST(OffsetMap, DroppedPrefixShiftsEverything) {
  OffsetMap m;
  m.Add(0, 3);  // a BOM
  EXPECT_EQ(m.ToInput(0), 3u);
  EXPECT_EQ(m.ToInput(10), 13u);
}

// Regression: Windows-1252 "\x93x\x94y" became "“x”y" (3+1+3+1 bytes). Offsets inside a widened
// character must map to that character's input byte, never past it or backwards.
TEST(OffsetMap, InsideAWidenedUnitMapsToItsStart) {
  OffsetMap m;
  m.Add(0, 0);
  m.Add(3, 1);
  m.Add(4, 2);
  m.Add(7, 3);
  const uint32_t expected[] = {0, 0, 0, 1, 2, 2, 2, 3, 4};
  for (uint32_t t = 0; t < 9; ++t) EXPECT_EQ(m.ToInput(t), expected[t]) << "text offset " << t;
}

TEST(OffsetMap, ShrunkUnitsSkipInput) {
  OffsetMap m;  // "a&amp;b" -> "a&b"
  m.Add(2, 6);
  EXPECT_EQ(m.ToInput(0), 0u);
  EXPECT_EQ(m.ToInput(1), 1u);
  EXPECT_EQ(m.ToInput(2), 6u);
  EXPECT_EQ(m.ToInput(3), 7u);
}

}  // namespace
}  // namespace dateline
