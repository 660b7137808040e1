// Document: one article. It owns one immutable UTF-8 buffer; everything the stages find —
// removed lines, the headline, sentences, tokens, events — is a small struct of byte offsets
// into that buffer ("The Doc owns the data; spans are views into it").
//
//   Document doc("reuters-1", std::move(utf8_text), std::move(offsets));
//   doc.publication_date = Date::Parse("2022-01-10");
//   for (const Stage* s : pipeline) if (!s->Run(doc).ok()) ...
//   for (const Sentence& s : doc.sentences) std::cout << doc.view(s.span) << "\n";
//
// Invariants: text() never changes after construction; folded() has the same byte length, with
// ASCII letters lower-cased (so a span means the same bytes in both); every span lies inside
// text(); sentences and tokens are in text order; tokens of sentence i are
// tokens[sentences[i].token_begin, sentences[i].token_end).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/event.h"
#include "core/offset_map.h"
#include "core/quote.h"
#include "core/span.h"
#include "core/tag.h"

namespace dateline {

struct Token {
  enum Flags : uint16_t {
    kCapitalized = 1 << 0,   // first letter upper-case
    kAllCaps = 1 << 1,       // two or more letters, all upper-case
    kNumber = 1 << 2,        // digits, with , . separators allowed
    kPunct = 1 << 3,         // punctuation or symbol
    kOpenQuote = 1 << 4,     // “ or an opening "
    kCloseQuote = 1 << 5,    // ” or a closing "
    kHyphenated = 1 << 6,    // word-internal hyphen ("Russian-led")
    kInLexicon = 1 << 7,     // the lexicon knew the word
    kSentenceStart = 1 << 8, // first token of its sentence
  };
  ByteSpan span;            // in Document::text()
  std::string_view lemma;   // lower-case lemma; views the lexicon's storage or Document::folded()
  Tag tag = Tag::kUnknown;
  uint16_t flags = 0;
  bool has(Flags f) const { return (flags & f) != 0; }
};

struct Sentence {
  ByteSpan span;
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  uint32_t paragraph = 0;  // index into Document::paragraphs
  bool headline = false;
  bool discarded = false;  // a discard phrase matched: the sentence gives no events
};

// A line the cleaner removed from the article, and why ("prompt", "credits", "copyright", ...).
struct RemovedLine {
  ByteSpan span;
  std::string reason;
};

struct Dateline {
  ByteSpan span;             // "BEIJING, Jan. 10 (Reuters) –"; empty when the article has none
  std::string place;         // "Beijing"
  std::optional<Date> date;  // year inferred from the publication date
  std::string agency;        // "Reuters"
};

struct Diagnostic {
  enum class Severity : uint8_t { kWarning, kError };
  Severity severity = Severity::kWarning;
  uint32_t input_offset = 0;  // byte offset in the original input
  std::string message;
};

class Document {
 public:
  Document() = default;
  Document(std::string id, std::string text, OffsetMap offsets = {});

  // --- article metadata (input) ---
  std::string id;
  std::string title;
  std::string url;
  std::string outlet;
  std::optional<Date> publication_date;
  std::string origin;  // where it came from, for messages: "file.jsonl:12" or a path
  uint32_t invalid_utf8_repairs = 0;  // bytes replaced by U+FFFD

  const std::string& text() const { return text_; }
  const std::string& folded() const { return folded_; }
  std::string_view view(ByteSpan s) const { return std::string_view(text_).substr(s.begin, s.size()); }
  std::string_view folded_view(ByteSpan s) const { return std::string_view(folded_).substr(s.begin, s.size()); }
  uint32_t input_offset(uint32_t text_offset) const { return offsets_.ToInput(text_offset); }
  const OffsetMap& offsets() const { return offsets_; }

  // --- structure (clean stage) ---
  std::optional<ByteSpan> headline;
  Dateline dateline;
  std::vector<std::string> reporters;
  std::vector<std::string> editors;
  std::vector<RemovedLine> removed;
  std::vector<ByteSpan> paragraphs;  // article body to code, in text order; excludes headline, dateline, removed lines

  // --- sentences and tokens ---
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;

  // --- events ---
  std::vector<Event> events;
  std::vector<Quote> quotes;  // direct quotations, in text order (filled by the coder)
  bool discarded = false;  // a story discard matched (sports, markets ...): no events at all

  std::vector<Diagnostic> diagnostics;
  void Warn(uint32_t text_offset, std::string message);

 private:
  std::string text_;
  std::string folded_;
  OffsetMap offsets_;
};

}  // namespace dateline
