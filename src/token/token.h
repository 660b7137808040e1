// token/: words, their part-of-speech tags and lemmas.
//
//   const Lexicon& lex = Lexicon::Default();         // compiled in at build time (lexgen)
//   if (auto e = lex.Lookup("sent")) e->tag(0);      // Tag::VBD; e->lemma(0) == "send"
//
//   Tokenizer tokenizer;  Tagger tagger;             // stages: run after SentenceSplitter
//   tokenizer.Run(doc);   tagger.Run(doc);
//   for (const Token& t : doc.tokens) std::cout << doc.view(t.span) << "/" << TagName(t.tag) << "\n";
//
// Tokenizer: splits each sentence's span into tokens (Penn-style: "country's" -> country 's,
// "doesn't" -> does n't; abbreviations keep their dot: "U.S.", "Jan."), sets their flags and
// Sentence::token_begin/token_end. Tagger: Penn tags from the lexicon, suffix rules for unknown
// words and a few contextual rules, then the lemma for the chosen tag; it also sets kInLexicon,
// since it is the stage that looks words up (the Tokenizer sets every other flag). Both are
// immutable and thread-safe; neither allocates per token (doc.tokens is reserved once, the
// tagger's scratch is one vector per thread, reused from document to document).
//
// Lemmas are lower-case string_views into the lexicon's storage or into Document::folded(); only
// ASCII letters are lower-cased ("Zürich" -> "zürich", but "École" stays "École").
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include "core/stage.h"
#include "core/status.h"
#include "core/tag.h"

namespace dateline {

// One lexicon word: its tags, most probable first, and the lemma for each.
// A view into the lexicon's storage: valid as long as the Lexicon.
class LexiconEntry {
 public:
  std::string_view word() const;          // lower-case
  int tag_count() const;                  // 0..3
  Tag tag(int i) const;                   // REQUIRES: 0 <= i < tag_count()
  double weight(int i) const;             // P(tag(i) | word), 0..1
  std::string_view lemma(int i) const;    // lower-case lemma for tag(i)
  bool has(Tag t) const;
  double weight(Tag t) const;             // 0 when t is not among the tags
  // Lemma for tag t if it is among the tags; nullopt otherwise.
  std::optional<std::string_view> lemma_for(Tag t) const;
  // A hint, without effect on any result: starts bringing the lemmas' bytes into the processor's
  // cache, so that reading one later (lemma, lemma_for) does not wait for memory.
  void PrefetchLemmas() const;

  bool has_proper_reading() const;        // NNP or NNPS at any rank (also below the top three)
  Tag proper_tag() const;                 // the likelier of NNP and NNPS
  double proper_weight() const;           // P(NNP or NNPS | word)
  // True when the word came from WordNet only (tags guessed from its classes), not the WSJ lexicon.
  bool wordnet_only() const;
  // Whether the word itself is a WordNet lemma of that class.
  bool wordnet_noun() const;
  bool wordnet_verb() const;
  bool wordnet_adjective() const;
  bool wordnet_adverb() const;

 private:
  friend class Lexicon;
  // Where the fields of a record lie (lexicon_format.h's LexiconRecord; lexicon.cpp checks that
  // they agree). The accessors the tagger asks for every token are inline, below.
  static constexpr size_t kLemmaAt = 4, kTagsAt = 16, kWeightAt = 19;
  static constexpr int kMaxTags = 3;
  LexiconEntry(const char* record, const char* pool) : record_(record), pool_(pool) {}
  std::string_view PoolString(uint32_t offset) const;
  uint8_t flags() const;
  const char* record_;
  const char* pool_;
};

inline std::string_view LexiconEntry::PoolString(uint32_t offset) const {
  const char* p = pool_ + offset;
  return std::string_view(p + 1, static_cast<unsigned char>(*p));
}
inline int LexiconEntry::tag_count() const {
  int n = 0;
  while (n < kMaxTags && record_[kTagsAt + n] != 0) ++n;
  return n;
}
inline Tag LexiconEntry::tag(int i) const { return static_cast<Tag>(record_[kTagsAt + i]); }
inline double LexiconEntry::weight(int i) const {
  return static_cast<unsigned char>(record_[kWeightAt + i]) / 255.0;
}
inline std::string_view LexiconEntry::lemma(int i) const {
  uint32_t offset;
  std::memcpy(&offset, record_ + kLemmaAt + 4 * i, sizeof offset);
  return PoolString(offset);
}
inline bool LexiconEntry::has(Tag t) const {
  for (int i = 0; i < kMaxTags; ++i)
    if (tag(i) == t) return true;
  return false;
}
inline double LexiconEntry::weight(Tag t) const {
  for (int i = 0; i < kMaxTags; ++i)
    if (tag(i) == t) return weight(i);
  return 0;
}
inline void LexiconEntry::PrefetchLemmas() const {
  for (int i = 0; i < kMaxTags && record_[kTagsAt + i] != 0; ++i) {
    uint32_t offset;
    std::memcpy(&offset, record_ + kLemmaAt + 4 * i, sizeof offset);
    __builtin_prefetch(pool_ + offset);
  }
}
inline std::optional<std::string_view> LexiconEntry::lemma_for(Tag t) const {
  for (int i = 0; i < kMaxTags; ++i)
    if (tag(i) == t) return lemma(i);
  return std::nullopt;
}

// The part-of-speech lexicon: ~105k lower-case words (the WSJ lexicon of festlex-poslex plus
// WordNet's lemmas and irregular forms), read in place from bytes compiled into the binary.
class Lexicon {
 public:
  // The lexicon embedded at build time. Aborts with a message if the embedded file is missing or
  // corrupt, which only a broken build can cause (tests check it).
  static const Lexicon& Default();

  // Validates the header and section bounds of lexicon.bin bytes; reads nothing else.
  // REQUIRES: bytes outlive the Lexicon and start on a 4-byte boundary.
  static Result<Lexicon> FromBytes(std::string_view bytes);

  // REQUIRES: word is lower-case (Document::folded() gives it). Never allocates.
  std::optional<LexiconEntry> Lookup(std::string_view word) const;

  // Lemma of a lower-case word under tag t: the lexicon's lemma if it lists t for the word;
  // otherwise WordNet-style detachment ("-ies" -> "-y", "-ed", "-ing", "-s", "-er", "-est"),
  // preferring a result the lexicon knows as a word of the right class. The result views either
  // the lexicon's storage or `word` itself (a prefix of it), so it lives as long as both.
  // Proper nouns and tags without inflection return `word`.
  std::string_view Lemma(std::string_view word, Tag t) const;

  uint32_t size() const { return entry_count_; }

 private:
  Lexicon() = default;
  std::optional<LexiconEntry> Find(std::string_view word) const;
  std::optional<std::string_view> KnownBase(std::string_view candidate, bool verb, bool noun, bool adj) const;

  const char* slots_ = nullptr;
  const char* entries_ = nullptr;
  const char* pool_ = nullptr;
  uint32_t slot_mask_ = 0;
  uint32_t entry_count_ = 0;
  uint32_t cache_id_ = 0;  // names this lexicon's entries in the per-thread lookup cache (lexicon.cpp)
};

// How an abbreviation that ends in a period behaves at a sentence boundary.
enum class AbbreviationKind : uint8_t {
  kNone,          // not an abbreviation: a following period may end the sentence
  kTitle,         // Mr. Dr. Gen. Lt. Sen. St. and initials ("S."): a name follows, never a boundary
  kMonth,         // Jan. Sept.: no boundary before a number
  kBeforeNumber,  // No. Nos. Vol.: an abbreviation only before a number
  kOther,         // Inc. Corp. Ltd. vs. e.g. U.S. a.m.: may end a sentence
};

// Classifies the word before a period: `word` is the token text without its final period, in
// any case ("U.S", "jan", "S"). Dotted forms of one- or two-letter segments ("U.S", "a.m") are
// kOther, except "e.g" and "i.e", which never end a sentence and so are kTitle.
AbbreviationKind ClassifyAbbreviation(std::string_view word);

class Tokenizer final : public Stage {
 public:
  // Replaces doc.tokens; sets token_begin/token_end of every sentence. Sentences must be in text
  // order and not overlap (SentenceSplitter guarantees it).
  Status Run(Document& doc) const override;
  std::string_view name() const override { return "tokenize"; }
};

class Tagger final : public Stage {
 public:
  Tagger() : lexicon_(Lexicon::Default()) {}
  explicit Tagger(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Sets tag and lemma of every token of every sentence, and kInLexicon.
  Status Run(Document& doc) const override;
  std::string_view name() const override { return "tag"; }

 private:
  const Lexicon& lexicon_;
};

}  // namespace dateline
