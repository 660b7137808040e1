#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "sentence/sentence.h"
#include "token/token.h"

namespace dateline {

namespace {

// Length of the white-space character at p (ASCII, NBSP, U+2000-U+200B, U+202F, U+205F, U+3000,
// U+FEFF), or 0.
uint32_t SpaceLen(const std::string& t, uint32_t p, uint32_t end) {
  const unsigned char c = static_cast<unsigned char>(t[p]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && p + 1 < end && static_cast<unsigned char>(t[p + 1]) == 0xA0) return 2;
  if (p + 2 < end) {
    const unsigned char c1 = static_cast<unsigned char>(t[p + 1]), c2 = static_cast<unsigned char>(t[p + 2]);
    if (c == 0xE2 && c1 == 0x80 && c2 >= 0x80 && c2 <= 0x8B) return 3;
    if (c == 0xE2 && c1 == 0x80 && c2 == 0xAF) return 3;
    if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
    if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;
  }
  return 0;
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

ByteSpan Trim(const std::string& t, ByteSpan s) {
  while (s.begin < s.end) {
    const uint32_t n = SpaceLen(t, s.begin, s.end);
    if (n == 0) break;
    s.begin += n;
  }
  while (s.end > s.begin) {
    uint32_t p = s.end - 1;
    while (p > s.begin && IsContinuation(static_cast<unsigned char>(t[p]))) --p;
    const uint32_t n = SpaceLen(t, p, s.end);
    if (n == 0 || p + n != s.end) break;
    s.end = p;
  }
  return s;
}

// Length of a closing quote or bracket at p, or 0.
uint32_t CloserLen(const std::string& t, uint32_t p, uint32_t end) {
  const unsigned char c = static_cast<unsigned char>(t[p]);
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (c == 0xE2 && p + 2 < end && static_cast<unsigned char>(t[p + 1]) == 0x80) {
    const unsigned char c2 = static_cast<unsigned char>(t[p + 2]);
    if (c2 == 0x9D || c2 == 0x99 || c2 == 0xBA) return 3;  // ” ’ ›
  }
  if (c == 0xC2 && p + 1 < end && static_cast<unsigned char>(t[p + 1]) == 0xBB) return 2;  // »
  return 0;
}

// Length of a terminator at p: . ! ? or … (U+2026), or 0.
uint32_t TerminatorLen(const std::string& t, uint32_t p, uint32_t end) {
  const char c = t[p];
  if (c == '.' || c == '!' || c == '?') return 1;
  if (static_cast<unsigned char>(c) == 0xE2 && p + 2 < end && static_cast<unsigned char>(t[p + 1]) == 0x80 &&
      static_cast<unsigned char>(t[p + 2]) == 0xA6)
    return 3;
  return 0;
}

// Bytes at which TerminatorLen may be non-zero: . ! ? and the lead byte of "…".
constexpr std::array<bool, 256> kTerminatorStart = [] {
  std::array<bool, 256> table{};
  table['.'] = table['!'] = table['?'] = table[0xE2] = true;
  return table;
}();

// Whether one of the eight bytes at p is in kTerminatorStart (exact: the zero-byte test below
// has no false positives for the block as a whole).
bool BlockHasTerminatorStart(const unsigned char* p) {
  constexpr uint64_t kEachByte = 0x0101010101010101ull, kHighBits = 0x8080808080808080ull;
  uint64_t x;
  std::memcpy(&x, p, sizeof x);
  const auto has_byte = [&](unsigned char c) {
    const uint64_t y = x ^ (kEachByte * c);
    return ((y - kEachByte) & ~y & kHighBits) != 0;
  };
  return has_byte('.') || has_byte('!') || has_byte('?') || has_byte(0xE2);
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsOpeningQuote(const std::string& t, uint32_t p, uint32_t end) {
  const unsigned char c = static_cast<unsigned char>(t[p]);
  if (c == '"' || c == '\'' || c == '(') return true;
  return c == 0xE2 && p + 2 < end && static_cast<unsigned char>(t[p + 1]) == 0x80 &&
         (static_cast<unsigned char>(t[p + 2]) == 0x9C || static_cast<unsigned char>(t[p + 2]) == 0x98);
}

// Work buffers of the splitter, kept per thread so that documents reuse their capacity (with
// one-sentence articles, allocating them per document costs more than splitting).
struct SplitScratch {
  std::vector<ByteSpan> pieces;
  std::vector<ByteSpan> protected_spans;
  std::vector<uint32_t> open;
};

SplitScratch& ThreadScratch() {
  thread_local SplitScratch scratch;
  return scratch;
}

class ParagraphSplitter {
 public:
  ParagraphSplitter(const Document& doc, const Lexicon& lexicon, SplitScratch& scratch)
      : t_(doc.text()), lexicon_(lexicon), protected_(scratch.protected_spans), open_(scratch.open) {}

  // Appends the sentence spans of [begin, end) to out (untrimmed pieces are trimmed here).
  void Split(ByteSpan para, std::vector<ByteSpan>& out) {
    para = Trim(t_, para);
    if (para.empty()) return;
    FindParentheses(para);
    uint32_t start = para.begin;
    uint32_t p = para.begin;
    const unsigned char* bytes = reinterpret_cast<const unsigned char*>(t_.data());
    while (p < para.end) {
      if (p + 8 <= para.end && !BlockHasTerminatorStart(bytes + p)) {
        p += 8;
        continue;
      }
      if (!kTerminatorStart[bytes[p]]) {
        ++p;
        continue;
      }
      uint32_t n = TerminatorLen(t_, p, para.end);
      if (n == 0) {
        ++p;
        continue;
      }
      const uint32_t term = p;
      uint32_t q = p + n;
      bool ellipsis = n == 3;
      while (q < para.end && (n = TerminatorLen(t_, q, para.end)) != 0) {  // "?!", "..."
        ellipsis = true;
        q += n;
      }
      if (t_[term] == '!' || t_[term] == '?') ellipsis = false;
      const uint32_t after_terminators = q;
      while (q < para.end && (n = CloserLen(t_, q, para.end)) != 0) q += n;
      if (q >= para.end) break;
      if (SpaceLen(t_, q, para.end) == 0) {  // 3.5, U.S.-led, reuters.com
        p = std::max(after_terminators, term + 1);
        continue;
      }
      uint32_t next = q;
      while (next < para.end && (n = SpaceLen(t_, next, para.end)) != 0) next += n;
      if (next < para.end && IsBoundary(term, after_terminators, q, next, ellipsis, para.end)) {
        out.push_back(Trim(t_, {start, q}));
        start = next;
      }
      p = next;
    }
    const ByteSpan last = Trim(t_, {start, para.end});
    if (!last.empty()) out.push_back(last);
  }

 private:
  void FindParentheses(ByteSpan para) {
    protected_.clear();
    open_.clear();
    const void* first_open = std::memchr(t_.data() + para.begin, '(', para.size());
    if (first_open == nullptr) return;  // no pair to find
    for (uint32_t p = static_cast<uint32_t>(static_cast<const char*>(first_open) - t_.data()); p < para.end; ++p) {
      if (t_[p] == '(') {
        open_.push_back(p);
      } else if (t_[p] == ')' && !open_.empty()) {
        const uint32_t o = open_.back();
        open_.pop_back();
        if (p - o <= 300) protected_.push_back({o, p});
      }
    }
  }
  // Whether p lies inside a short pair of parentheses that is still open at `until`.
  bool InParentheses(uint32_t p, uint32_t until) const {
    for (const ByteSpan& s : protected_)
      if (p > s.begin && p < s.end && s.end >= until) return true;
    return false;
  }

  // term: the first terminator; closers_begin: after the terminators; q: after the closers;
  // next: the first character of the next sentence candidate.
  bool IsBoundary(uint32_t term, uint32_t closers_begin, uint32_t q, uint32_t next, bool ellipsis,
                  uint32_t end) const {
    const char nc = t_[next];
    if (IsLower(nc)) return false;
    if (nc == ',' || nc == ';' || nc == ':' || nc == ')' || nc == ']' || nc == '%') return false;
    if (CloserLen(t_, next, end) && !IsOpeningQuote(t_, next, end) && nc != '"' && nc != '\'') return false;
    if (InParentheses(term, q)) return false;  // "(He was freed later.) Then" may end after the ")"
    if (ellipsis) return IsUpper(nc) || IsOpeningQuote(t_, next, end) || IsDigit(nc);
    if (t_[term] != '.' || closers_begin != q) return true;  // ! ?, or ." followed by a space
    // A single period right before the space: an abbreviation?
    uint32_t w = term;
    while (w > 0 && (IsLower(t_[w - 1]) || IsUpper(t_[w - 1]) || t_[w - 1] == '.')) --w;
    if (w > 0 && (IsDigit(t_[w - 1]) || t_[w - 1] == '-')) return true;  // "in 2019." "5-yr."
    const std::string_view word(t_.data() + w, term - w);
    switch (ClassifyAbbreviation(word)) {
      case AbbreviationKind::kNone: return true;
      case AbbreviationKind::kTitle: return false;
      case AbbreviationKind::kMonth:
      case AbbreviationKind::kBeforeNumber: return !IsDigit(nc);
      case AbbreviationKind::kOther: return StartsSentence(next, end);
    }
    return true;
  }

  // Whether the word at p is one that starts sentences: an opening quote, or a capitalized word
  // whose most probable reading is a function word ("The", "He", "But", "In").
  bool StartsSentence(uint32_t p, uint32_t end) const {
    if (IsOpeningQuote(t_, p, end)) return true;
    if (!IsUpper(t_[p])) return false;
    char lower[32];
    uint32_t n = 0;
    while (p + n < end && n < sizeof lower && (IsUpper(t_[p + n]) || IsLower(t_[p + n]))) {
      lower[n] = static_cast<char>(t_[p + n] | 0x20);
      ++n;
    }
    const std::optional<LexiconEntry> e = lexicon_.Lookup(std::string_view(lower, n));
    if (!e || e->tag_count() == 0) return false;
    switch (e->tag(0)) {
      case Tag::DT: case Tag::PDT: case Tag::PRP: case Tag::PRPS: case Tag::IN: case Tag::CC: case Tag::WDT:
      case Tag::WP: case Tag::WRB: case Tag::EX: case Tag::MD: case Tag::TO: case Tag::RB:
        return true;
      default:
        return false;
    }
  }

  const std::string& t_;
  const Lexicon& lexicon_;
  std::vector<ByteSpan>& protected_;
  std::vector<uint32_t>& open_;
};

}  // namespace

SentenceSplitter::SentenceSplitter() : SentenceSplitter(SentenceSplitterOptions{}) {}

SentenceSplitter::SentenceSplitter(SentenceSplitterOptions options, const Lexicon* lexicon)
    : options_(options), lexicon_(lexicon ? *lexicon : Lexicon::Default()) {
  options_.max_bytes = std::max<uint32_t>(options_.max_bytes, 16);
  options_.max_words = std::max<uint32_t>(options_.max_words, 4);
}

namespace {

// Cuts s into pieces within the limits; warns once per cut sentence.
void AppendWithinLimits(Document& doc, ByteSpan s, uint32_t paragraph, bool headline,
                        const SentenceSplitterOptions& o) {
  // Fast path: within the byte limit, and too short to hold more than max_words words (a word
  // starts at a byte after a space byte, so n bytes hold at most (n + 1) / 2 word starts).
  if (s.size() <= o.max_bytes && s.size() <= 2 * static_cast<uint64_t>(o.max_words)) {
    if (!s.empty()) doc.sentences.push_back({s, 0, 0, paragraph, headline});
    return;
  }
  const std::string& t = doc.text();
  bool warned = false;
  while (!s.empty()) {
    // Where the byte or word limit is reached, if it is.
    uint32_t limit = s.end;
    if (s.size() > o.max_bytes) limit = s.begin + o.max_bytes;
    uint32_t words = 0;
    bool in_word = false;
    for (uint32_t p = s.begin; p < limit; ++p) {
      const bool space = SpaceLen(t, p, s.end) != 0;
      if (!space && !in_word && ++words > o.max_words) {
        limit = p;
        break;
      }
      in_word = !space;
    }
    if (limit >= s.end) {
      doc.sentences.push_back({s, 0, 0, paragraph, headline});
      return;
    }
    // Cut after the last ; or , (in the second half), else at the last space, else at a
    // character boundary.
    uint32_t cut = 0;
    const uint32_t half = s.begin + (limit - s.begin) / 2;
    for (uint32_t p = limit; p > half && cut == 0; --p)
      if ((t[p - 1] == ';' || t[p - 1] == ',') && SpaceLen(t, p, s.end)) cut = p;
    for (uint32_t p = limit; p > s.begin && cut == 0; --p)
      if (SpaceLen(t, p - 1, s.end)) cut = p - 1;
    if (cut <= s.begin) {
      cut = limit;
      while (cut > s.begin + 1 && IsContinuation(static_cast<unsigned char>(t[cut]))) --cut;
    }
    if (!warned) {
      doc.Warn(s.begin, "sentence of " + std::to_string(s.size()) + " bytes is over the limit (" +
                            std::to_string(o.max_bytes) + " bytes, " + std::to_string(o.max_words) +
                            " words): cut into pieces");
      warned = true;
    }
    const ByteSpan piece = Trim(t, {s.begin, cut});
    if (!piece.empty()) doc.sentences.push_back({piece, 0, 0, paragraph, headline});
    s = Trim(t, {cut, s.end});
  }
}

}  // namespace

Status SentenceSplitter::Run(Document& doc) const {
  doc.sentences.clear();
  const uint32_t size = static_cast<uint32_t>(doc.text().size());
  SplitScratch& scratch = ThreadScratch();
  ParagraphSplitter splitter(doc, lexicon_, scratch);
  std::vector<ByteSpan>& pieces = scratch.pieces;
  if (doc.headline) {
    if (doc.headline->end > size || doc.headline->begin > doc.headline->end)
      return InvalidArgument(doc.id + "@" + std::to_string(doc.headline->begin) + ": headline outside the text");
    const ByteSpan h = Trim(doc.text(), *doc.headline);
    if (!h.empty()) AppendWithinLimits(doc, h, 0, true, options_);
  }
  for (uint32_t i = 0; i < doc.paragraphs.size(); ++i) {
    const ByteSpan para = doc.paragraphs[i];
    if (para.end > size || para.begin > para.end)
      return InvalidArgument(doc.id + "@" + std::to_string(para.begin) + ": paragraph " + std::to_string(i) +
                             " outside the text");
    pieces.clear();
    splitter.Split(para, pieces);
    for (const ByteSpan& s : pieces) AppendWithinLimits(doc, s, i, false, options_);
  }
  return Status::Ok();
}

}  // namespace dateline
