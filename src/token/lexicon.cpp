// Reads lexicon.bin in place (layout: lexicon_format.h). Fields are read with memcpy, which
// compiles to plain loads and keeps the code free of alignment and aliasing assumptions.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/embedded.h"
#include "token/lexicon_format.h"
#include "token/token.h"

namespace dateline {

namespace fmt = lexicon_format;

namespace {

template <typename T>
T Load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

constexpr size_t kWordOffset = offsetof(fmt::LexiconRecord, word);
constexpr size_t kLemmaOffset = offsetof(fmt::LexiconRecord, lemma);
constexpr size_t kTagsOffset = offsetof(fmt::LexiconRecord, tags);
constexpr size_t kWeightOffset = offsetof(fmt::LexiconRecord, weight);
constexpr size_t kFlagsOffset = offsetof(fmt::LexiconRecord, flags);
constexpr size_t kProperOffset = offsetof(fmt::LexiconRecord, proper_share);

inline bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// LexiconEntry

uint8_t LexiconEntry::flags() const {
  // The inline accessors in token.h read the record at these offsets.
  static_assert(kLemmaAt == kLemmaOffset && kTagsAt == kTagsOffset && kWeightAt == kWeightOffset &&
                kMaxTags == fmt::kMaxTags);
  return static_cast<uint8_t>(record_[kFlagsOffset]);
}
std::string_view LexiconEntry::word() const { return PoolString(Load<uint32_t>(record_ + kWordOffset)); }

bool LexiconEntry::has_proper_reading() const { return (flags() & (fmt::kHasNNP | fmt::kHasNNPS)) != 0; }
Tag LexiconEntry::proper_tag() const { return (flags() & fmt::kNNPSOverNNP) ? Tag::NNPS : Tag::NNP; }
double LexiconEntry::proper_weight() const { return static_cast<unsigned char>(record_[kProperOffset]) / 255.0; }
bool LexiconEntry::wordnet_only() const { return (flags() & fmt::kWordNetOnly) != 0; }
bool LexiconEntry::wordnet_noun() const { return (flags() & fmt::kWordNetNoun) != 0; }
bool LexiconEntry::wordnet_verb() const { return (flags() & fmt::kWordNetVerb) != 0; }
bool LexiconEntry::wordnet_adjective() const { return (flags() & fmt::kWordNetAdj) != 0; }
bool LexiconEntry::wordnet_adverb() const { return (flags() & fmt::kWordNetAdv) != 0; }

// ---------------------------------------------------------------------------------------------
// Lexicon

Result<Lexicon> Lexicon::FromBytes(std::string_view bytes) {
  if (bytes.size() < sizeof(fmt::LexiconHeader))
    return DataError("lexicon.bin: " + std::to_string(bytes.size()) + " bytes, shorter than its header");
  if (reinterpret_cast<uintptr_t>(bytes.data()) % 4 != 0) return InvalidArgument("lexicon.bin: not 4-byte aligned");
  const auto h = Load<fmt::LexiconHeader>(bytes.data());
  if (std::memcmp(h.magic, fmt::kMagic, sizeof h.magic) != 0) return DataError("lexicon.bin: bad magic");
  if (h.byte_order != fmt::kByteOrderMark) return DataError("lexicon.bin: written on a host of another byte order");
  if (h.version != fmt::kVersion)
    return DataError("lexicon.bin: version " + std::to_string(h.version) + ", expected " +
                     std::to_string(fmt::kVersion));
  const uint64_t size = bytes.size();
  const bool slots_ok = h.slot_count != 0 && (h.slot_count & (h.slot_count - 1)) == 0 &&
                        h.slot_count >= 2ull * h.entry_count && h.slots_offset % 4 == 0 &&
                        h.slots_offset + 4ull * h.slot_count <= size;
  const bool entries_ok = h.entries_offset % 4 == 0 && h.entries_offset + 24ull * h.entry_count <= size;
  const bool pool_ok = h.pool_offset + uint64_t{h.pool_size} <= size && h.file_size == size;
  if (!slots_ok || !entries_ok || !pool_ok) return DataError("lexicon.bin: section bounds do not match the file size");
  Lexicon lex;
  lex.slots_ = bytes.data() + h.slots_offset;
  lex.entries_ = bytes.data() + h.entries_offset;
  lex.pool_ = bytes.data() + h.pool_offset;
  lex.slot_mask_ = h.slot_count - 1;
  lex.entry_count_ = h.entry_count;
  static std::atomic<uint32_t> next_cache_id{1};
  lex.cache_id_ = next_cache_id.fetch_add(1, std::memory_order_relaxed);
  return lex;
}

const Lexicon& Lexicon::Default() {
  static const Lexicon kDefault = [] {
    const std::optional<std::string_view> bytes = EmbeddedFile("lexicon.bin");
    if (!bytes) {
      std::fprintf(stderr, "dateline: lexicon.bin is not embedded in this binary (build defect)\n");
      std::abort();
    }
    Result<Lexicon> lex = FromBytes(*bytes);
    if (!lex.ok()) {
      std::fprintf(stderr, "dateline: embedded %s (build defect)\n", lex.status().message().c_str());
      std::abort();
    }
    return lex.take();
  }();
  return kDefault;
}

namespace {

// A per-thread, direct-mapped cache in front of the hash table. A table lookup reads three
// places far apart in a 4 MB table (slot, record, word), and with text's Zipfian words most
// lookups repeat a recent one: a hit reads one 32-byte entry instead. Misses are cached too
// (names, numbers). Entries name their lexicon by Lexicon::cache_id_, never reused, so a
// lexicon read from other bytes at the same address cannot see another's entries.
struct FrontEntry {
  uint32_t lexicon = 0;  // cache_id_ of the lexicon; 0: empty
  uint8_t size = 0;
  char word[19];
  const char* record = nullptr;  // nullptr: the word is not in the lexicon
};
static_assert(sizeof(FrontEntry) == 32);
constexpr size_t kFrontEntries = 4096;  // 128 KB per thread

FrontEntry& FrontSlot(uint32_t hash) {
  thread_local FrontEntry entries[kFrontEntries];
  return entries[(hash ^ (hash >> 16)) & (kFrontEntries - 1)];
}

// a == b for equal lengths, without a call: the words are short.
bool SameBytes(const char* a, const char* b, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace

std::optional<LexiconEntry> Lexicon::Find(std::string_view word) const {
  if (word.empty() || word.size() > 255 || slots_ == nullptr) return std::nullopt;
  const uint32_t hash = fmt::Fnv1a(word);
  FrontEntry* front = nullptr;
  if (word.size() <= sizeof FrontEntry::word) {
    front = &FrontSlot(hash);
    if (front->lexicon == cache_id_ && front->size == word.size() && SameBytes(front->word, word.data(), word.size())) {
      if (front->record == nullptr) return std::nullopt;
      __builtin_prefetch(front->record);  // the caller reads the tags next
      return LexiconEntry(front->record, pool_);
    }
  }
  const char* found = nullptr;
  for (uint32_t s = hash & slot_mask_;; s = (s + 1) & slot_mask_) {
    const uint32_t index = Load<uint32_t>(slots_ + 4 * size_t{s});
    if (index == 0) break;
    const char* record = entries_ + sizeof(fmt::LexiconRecord) * (index - 1);
    const char* key = pool_ + Load<uint32_t>(record + kWordOffset);
    if (static_cast<unsigned char>(*key) == word.size() && SameBytes(key + 1, word.data(), word.size())) {
      found = record;
      break;
    }
  }
  if (front != nullptr) {
    front->lexicon = cache_id_;
    front->size = static_cast<uint8_t>(word.size());
    std::memcpy(front->word, word.data(), word.size());
    front->record = found;
  }
  if (found == nullptr) return std::nullopt;
  return LexiconEntry(found, pool_);
}

std::optional<LexiconEntry> Lexicon::Lookup(std::string_view word) const { return Find(word); }

// The lexicon's own copy of `candidate` if it is a word of one of the wanted classes.
std::optional<std::string_view> Lexicon::KnownBase(std::string_view candidate, bool verb, bool noun,
                                                   bool adj) const {
  const std::optional<LexiconEntry> e = Find(candidate);
  if (!e) return std::nullopt;
  bool fits = (verb && (e->wordnet_verb() || e->has(Tag::VB) || e->has(Tag::VBP))) ||
              (noun && (e->wordnet_noun() || e->has(Tag::NN))) || (adj && (e->wordnet_adjective() || e->has(Tag::JJ)));
  if (!fits) return std::nullopt;
  return e->word();
}

std::string_view Lexicon::Lemma(std::string_view word, Tag t) const {
  if (IsProperNoun(t)) return word;
  const std::optional<LexiconEntry> entry = Find(word);
  if (entry) {
    if (std::optional<std::string_view> l = entry->lemma_for(t)) return *l;
  }
  const bool verb = t == Tag::VBD || t == Tag::VBN || t == Tag::VBG || t == Tag::VBZ;
  const bool noun = t == Tag::NNS;
  const bool adj = t == Tag::JJR || t == Tag::JJS;
  // A hyphenated word the lexicon does not know inflects in its last part: "test-fired" is
  // "test-fire" because "fired" is "fire". The lemma stays a prefix of the word when the last
  // part's lemma is a prefix of that part (regular endings); otherwise the rules below guess.
  if (verb || noun || adj) {
    const size_t dash = word.rfind('-');
    if (dash != std::string_view::npos && dash > 0 && dash + 2 < word.size()) {
      const std::string_view last = word.substr(dash + 1);
      const std::string_view base = Lemma(last, t);
      if (base.size() < last.size() && last.substr(0, base.size()) == base) return word.substr(0, dash + 1 + base.size());
    }
  }
  if (!verb && !noun && !adj) {
    // A base form the lexicon lists under another tag ("are" as VB): its own lemma for that tag.
    if (entry && (t == Tag::VB || t == Tag::VBP)) {
      for (int i = 0; i < entry->tag_count(); ++i)
        if (IsVerb(entry->tag(i))) return entry->lemma(i);
    }
    return word;
  }
  // The lexicon's lemma of the same form under a sibling tag (VBD for VBN, VBZ for NNS's verb...).
  if (entry) {
    for (int i = 0; i < entry->tag_count(); ++i) {
      const Tag other = entry->tag(i);
      if ((verb && IsVerb(other) && other != Tag::VB && other != Tag::VBP) || (noun && other == Tag::NNS) ||
          (adj && (other == Tag::JJR || other == Tag::JJS)))
        return entry->lemma(i);
    }
  }
  // Detachment: candidates that are prefixes of `word`, or built in a small buffer and then
  // returned as the lexicon's own copy.
  char buffer[256];
  auto with_ending = [&](size_t strip, std::string_view ending) -> std::optional<std::string_view> {
    if (word.size() <= strip + 1 || word.size() - strip + ending.size() > sizeof buffer) return std::nullopt;
    const size_t stem = word.size() - strip;
    std::memcpy(buffer, word.data(), stem);
    std::memcpy(buffer + stem, ending.data(), ending.size());
    return KnownBase(std::string_view(buffer, stem + ending.size()), verb, noun, adj);
  };
  auto prefix = [&](size_t strip) -> std::optional<std::string_view> {
    if (word.size() <= strip + 1) return std::nullopt;
    const std::string_view p = word.substr(0, word.size() - strip);
    if (KnownBase(p, verb, noun, adj)) return p;
    return std::nullopt;
  };
  auto undoubled = [&](size_t strip) -> std::optional<std::string_view> {
    if (word.size() < strip + 3) return std::nullopt;
    const size_t n = word.size() - strip;
    if (word[n - 1] != word[n - 2]) return std::nullopt;
    return prefix(strip + 1);
  };
  std::optional<std::string_view> r;
  if (noun || t == Tag::VBZ) {
    const bool sibilant = EndsWith(word, "sses") || EndsWith(word, "xes") || EndsWith(word, "zes") ||
                          EndsWith(word, "ches") || EndsWith(word, "shes");
    if (EndsWith(word, "ies") && (r = with_ending(3, "y"))) return *r;        // countries -> country
    if (EndsWith(word, "s") && (r = prefix(1))) return *r;                    // stands -> stand, uses -> use
    // watches -> watch, echoes -> echo; not "departes": -es follows only a sibilant or -o.
    if (EndsWith(word, "es") && (sibilant || (!noun && EndsWith(word, "oes"))) && (r = prefix(2))) return *r;
    if (noun && EndsWith(word, "men") && (r = with_ending(3, "man"))) return *r;
    // Unknown: strip the plural ending.
    if (EndsWith(word, "ies") && word.size() > 4) return word;  // cannot spell the -y in place
    if (sibilant) return word.substr(0, word.size() - 2);
    if (EndsWith(word, "s") && !EndsWith(word, "ss") && !EndsWith(word, "us") && !EndsWith(word, "is") &&
        word.size() > 3)
      return word.substr(0, word.size() - 1);
    return word;
  }
  if (t == Tag::VBD || t == Tag::VBN) {
    if (!EndsWith(word, "ed")) return word;
    if ((r = prefix(1))) return *r;     // legalized -> legalize
    if ((r = prefix(2))) return *r;     // ordered -> order
    if ((r = undoubled(2))) return *r;  // stopped -> stop
    if (EndsWith(word, "ied") && (r = with_ending(3, "y"))) return *r;
    if (word.size() <= 4) return word;
    const size_t n = word.size() - 2;
    const std::string_view stem = word.substr(0, n);
    if (stem[n - 1] == stem[n - 2] && std::strchr("aeioulsfz", stem[n - 1]) == nullptr) return stem.substr(0, n - 1);
    if (EndsWith(stem, "iz") || EndsWith(stem, "yz") || EndsWith(stem, "at") || EndsWith(stem, "v") ||
        EndsWith(stem, "uc") || EndsWith(stem, "rg") || EndsWith(stem, "dg"))
      return word.substr(0, n + 1);  // keeps the e: "destabilized" -> "destabilize"
    if (EndsWith(word, "ied")) return word;
    return stem;
  }
  if (t == Tag::VBG) {
    if (!EndsWith(word, "ing") || word.size() <= 5) return word;
    if ((r = prefix(3))) return *r;      // guarding -> guard
    if ((r = with_ending(3, "e"))) return *r;  // citing -> cite
    if ((r = undoubled(3))) return *r;   // stopping -> stop
    const size_t n = word.size() - 3;
    const std::string_view stem = word.substr(0, n);
    if (stem[n - 1] == stem[n - 2] && std::strchr("aeioulsfz", stem[n - 1]) == nullptr) return stem.substr(0, n - 1);
    return stem;
  }
  // JJR, JJS
  const size_t strip = EndsWith(word, "est") ? 3 : EndsWith(word, "er") ? 2 : 0;
  if (strip == 0) return word;
  if ((r = prefix(strip))) return *r;      // greater -> great
  if ((r = prefix(strip - 1))) return *r;  // larger -> large
  if ((r = undoubled(strip))) return *r;   // bigger -> big
  if ((r = with_ending(strip + 1, "y"))) return *r;  // earlier -> early
  return word;
}

}  // namespace dateline
