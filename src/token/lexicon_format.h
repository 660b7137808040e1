// The binary layout of lexicon.bin, shared by its writer (src/tools/lexgen.cpp) and its reader
// (src/token/lexicon.cpp). Private to token/ and the generator.
//
// The file is read in place from the binary's read-only data: opening it validates the header
// and nothing else. All integers are little-endian; sections start on 4-byte boundaries.
//
//   Header   64 bytes (LexiconHeader)
//   slots    uint32[slot_count]   open addressing, linear probing; 0 = empty, else entry index + 1
//   entries  LexiconRecord[entry_count], 24 bytes each
//   pool     strings as [uint8 length][bytes], deduplicated; words and lemmas are lower-case
//
// A word's slot is Fnv1a(word) & (slot_count - 1); slot_count is a power of two, at least twice
// entry_count, so a probe sequence always ends on an empty slot.
#pragma once

#include <cstdint>
#include <string_view>

namespace dateline::lexicon_format {

inline constexpr char kMagic[8] = {'D', 'L', 'L', 'E', 'X', 'I', 'C', 'N'};
inline constexpr uint32_t kVersion = 1;
inline constexpr uint32_t kByteOrderMark = 0x01020304;
inline constexpr int kMaxTags = 3;

struct LexiconHeader {
  char magic[8];
  uint32_t version;
  uint32_t byte_order;
  uint32_t slot_count;
  uint32_t entry_count;
  uint32_t pool_size;
  uint32_t slots_offset;
  uint32_t entries_offset;
  uint32_t pool_offset;
  uint32_t file_size;
  uint32_t reserved[5];
};
static_assert(sizeof(LexiconHeader) == 64);

// Bits of LexiconRecord::flags.
enum RecordFlags : uint8_t {
  kWordNetNoun = 1 << 0,  // the word is a WordNet noun lemma (index.noun)
  kWordNetVerb = 1 << 1,
  kWordNetAdj = 1 << 2,
  kWordNetAdv = 1 << 3,
  kHasNNP = 1 << 4,        // the WSJ lexicon has an NNP reading (at any rank)
  kHasNNPS = 1 << 5,       // ... an NNPS reading
  kNNPSOverNNP = 1 << 6,   // NNPS is the more probable of the two
  kWordNetOnly = 1 << 7,   // not in the WSJ lexicon: tags guessed from WordNet's classes
};

struct LexiconRecord {
  uint32_t word;                // pool offset of the lower-case word
  uint32_t lemma[kMaxTags];     // pool offset of the lemma for tags[i]
  uint8_t tags[kMaxTags];       // Tag values, most probable first; 0 (kUnknown) = unused
  uint8_t weight[kMaxTags];     // P(tag | word) * 255, rounded
  uint8_t flags;                // RecordFlags
  uint8_t proper_share;         // P(NNP or NNPS | word) * 255
};
static_assert(sizeof(LexiconRecord) == 24);

// FNV-1a, 32 bits: short keys, no seed, identical in the writer and the reader.
inline uint32_t Fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

}  // namespace dateline::lexicon_format
