// Tokenizer: one left-to-right scan of each sentence's bytes.
//
// Words are runs of letters, digits and non-ASCII letters, with word-internal hyphens
// ("Russian-led"), dots ("U.S", "3.5", "reuters.com"), digit groups ("1,770"), times ("10:30") and
// apostrophes ("O'Brien") kept inside. Clitics split off Penn-style: "country's" -> country 's,
// "doesn't" -> does n't, "can't" -> ca n't. A final period stays on dotted abbreviations ("U.S.")
// and on the abbreviations ClassifyAbbreviation knows ("Jan.", "Gen.", initials "S.").
// Everything else is punctuation, one token per character except "...", "--" and runs of the
// same dash.
#include <array>
#include <cstring>

#include "token/token.h"

namespace dateline {

namespace {

struct CodePoint {
  uint32_t cp;
  uint32_t len;
};

// Decodes the UTF-8 sequence at p (< end). Invalid bytes decode as themselves, length 1.
inline CodePoint Decode(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  if (c < 0x80) return {c, 1};
  if ((c & 0xE0) == 0xC0 && end - p >= 2 && (p[1] & 0xC0) == 0x80) return {((c & 0x1Fu) << 6) | (p[1] & 0x3Fu), 2};
  if ((c & 0xF0) == 0xE0 && end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
    return {((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu), 3};
  if ((c & 0xF8) == 0xF0 && end - p >= 4 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80)
    return {((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu), 4};
  return {c, 1};
}

inline bool IsSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
         cp == 0xFEFF;
}

// Non-ASCII code points that are punctuation or symbols rather than letters.
inline bool IsNonAsciiPunct(uint32_t cp) {
  return (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB2 && cp != 0xB3 && cp != 0xB5 && cp != 0xB9 &&
          cp != 0xBA && cp != 0xBC && cp != 0xBD && cp != 0xBE) ||
         cp == 0xD7 || cp == 0xF7 || (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20CF) ||
         (cp >= 0x2100 && cp <= 0x2BFF) || (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011);
}

inline bool IsHyphenCp(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
inline bool IsDashCp(uint32_t cp) { return cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2212; }
constexpr bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// What the scanner asks of a byte, as one table look-up (bytes from 0x80 have no bit).
enum ByteClass : uint8_t {
  kWordByte = 1 << 0,    // ASCII letter or digit: IsWordChar without decoding
  kLetterByte = 1 << 1,  // ASCII letter
  kUpperByte = 1 << 2,   // A-Z
  kNumberByte = 1 << 3,  // digit , . : what a number token consists of
};
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 128; ++c) {
    const auto b = static_cast<unsigned char>(c);
    if (IsAsciiLetter(b) || IsDigit(b)) table[c] |= kWordByte;
    if (IsAsciiLetter(b)) table[c] |= kLetterByte;
    if (IsUpper(b)) table[c] |= kUpperByte;
    if (IsDigit(b) || b == ',' || b == '.') table[c] |= kNumberByte;
  }
  return table;
}();
inline bool IsAsciiWordByte(unsigned char c) { return (kByteClass[c] & kWordByte) != 0; }

class SentenceScanner {
 public:
  SentenceScanner(const std::string& text, uint32_t begin, uint32_t end, std::vector<Token>& out)
      : base_(reinterpret_cast<const unsigned char*>(text.data())), begin_(begin), end_(end), out_(out) {}

  void Run() {
    uint32_t pos = begin_;
    while (pos < end_) {
      const CodePoint c = At(pos);
      // An underscore between words separates them as a blank does ("Dol_Amroth": texts
      // prepared for the field's dictionaries use their connector).
      const bool connector = c.cp == '_' && pos > begin_ && IsWordChar(PrevCp(pos)) && WordCharAt(pos + 1);
      if (IsSpace(c.cp) || connector) {
        pos += c.len;
      } else if (IsWordChar(c.cp)) {
        pos = ScanWord(pos);
      } else {
        pos = ScanPunct(pos, c);
      }
    }
  }

 private:
  CodePoint At(uint32_t pos) const { return Decode(base_ + pos, base_ + end_); }
  unsigned char Byte(uint32_t pos) const { return pos < end_ ? base_[pos] : 0; }

  static bool IsWordChar(uint32_t cp) {
    if (cp < 0x80) return IsAsciiLetter(static_cast<unsigned char>(cp)) || IsDigit(static_cast<unsigned char>(cp));
    return !IsSpace(cp) && !IsNonAsciiPunct(cp);
  }
  bool WordCharAt(uint32_t pos) const { return pos < end_ && IsWordChar(At(pos).cp); }

  // The apostrophe at pos (' or U+2019), or 0.
  uint32_t ApostropheLen(uint32_t pos) const {
    if (pos >= end_) return 0;
    if (base_[pos] == '\'') return 1;
    if (pos + 3 <= end_ && base_[pos] == 0xE2 && base_[pos + 1] == 0x80 && base_[pos + 2] == 0x99) return 3;
    return 0;
  }

  void Emit(uint32_t b, uint32_t e, uint16_t flags) {
    Token t;
    t.span = {b, e};
    if (out_.size() == first_token_) flags |= Token::kSentenceStart;
    t.flags = flags;
    out_.push_back(t);
  }

  void EmitWord(uint32_t b, uint32_t e, bool hyphenated) {
    if (e <= b) return;
    uint16_t flags = hyphenated ? Token::kHyphenated : 0;
    const unsigned char first = base_[b];
    if (first >= 'a' && first <= 'z') {  // most words: no number, not capitalized, not in capitals
      Emit(b, e, flags);
      return;
    }
    // A number: a digit first, then digits , . only (letters and all other bytes rule it out).
    int letters = 0, upper = 0;
    bool number_bytes = true;
    for (uint32_t i = b; i < e; ++i) {
      const uint8_t cls = kByteClass[base_[i]];
      letters += (cls & kLetterByte) != 0;
      upper += (cls & kUpperByte) != 0;
      number_bytes &= (cls & kNumberByte) != 0;
    }
    if (IsDigit(first) && number_bytes) flags |= Token::kNumber;
    if (IsUpper(first) || (first == 0xC3 && e - b >= 2 && base_[b + 1] >= 0x80 && base_[b + 1] <= 0x9E &&
                           base_[b + 1] != 0x97))
      flags |= Token::kCapitalized;
    if (letters >= 2 && upper == letters) flags |= Token::kAllCaps;
    Emit(b, e, flags);
  }

  // Scans a word starting at pos; emits it (and any clitic); returns the position after it.
  uint32_t ScanWord(uint32_t start) {
    uint32_t p = start;
    bool hyphenated = false;
    bool has_dot = false;
    uint32_t segment_start = start;  // start of the current dot-separated segment
    for (;;) {
      while (p < end_) {
        if (IsAsciiWordByte(base_[p])) {  // the common case, without decoding
          ++p;
          continue;
        }
        const CodePoint c = At(p);
        if (!IsWordChar(c.cp)) break;
        p += c.len;
      }
      if (p >= end_) break;
      const unsigned char ch = base_[p];
      const unsigned char prev = base_[p - 1];
      const unsigned char next = Byte(p + 1);
      const CodePoint c = At(p);
      if (IsHyphenCp(c.cp) && WordCharAt(p + c.len)) {
        p += c.len;
        hyphenated = true;
        continue;
      }
      if (ch == '.' && p + 1 < end_) {
        const bool decimal = IsDigit(prev) && IsDigit(next);
        const bool short_segment = p - segment_start <= 2 && IsAsciiLetter(prev) && IsAsciiLetter(next);
        const bool lower_next = next >= 'a' && next <= 'z' && IsAsciiLetter(prev) && p - segment_start > 2 &&
                                WordCharAt(p + 2);  // reuters.com, not "end.a"
        if (p - segment_start <= 2 && IsAsciiLetter(prev) && (has_dot || p - segment_start == 1) && next == '-' &&
            WordCharAt(p + 2)) {  // "U.S.-led"
          p += 2;
          hyphenated = true;
          segment_start = p;
          continue;
        }
        if (decimal || short_segment || lower_next) {
          p += 1;
          has_dot = true;
          segment_start = p;
          continue;
        }
      }
      if (ch == ',' && IsDigit(prev) && IsDigit(next) && IsDigit(Byte(p + 2)) &&
          IsDigit(Byte(p + 3)) && !IsDigit(Byte(p + 4))) {
        p += 1;
        continue;
      }
      if ((ch == ':' || ch == '/') && IsDigit(prev) && IsDigit(next)) {
        p += 1;
        continue;
      }
      if (ch == '&' && IsUpper(prev) && IsUpper(next)) {
        p += 1;
        continue;
      }
      if (const uint32_t alen = ApostropheLen(p)) {
        uint32_t r = p + alen;
        while (r < end_ && IsAsciiLetter(base_[r])) ++r;
        const bool ends_word = r > p + alen && !WordCharAt(r) && !ApostropheLen(r);
        if (ends_word) {
          char suffix[2];
          const uint32_t n = r - (p + alen);
          for (uint32_t i = 0; i < n && i < 2; ++i) suffix[i] = static_cast<char>(base_[p + alen + i] | 0x20);
          const std::string_view sfx(suffix, n <= 2 ? n : 0);
          if (sfx == "s" || sfx == "re" || sfx == "ve" || sfx == "ll" || sfx == "d" || sfx == "m") {
            EmitWord(start, p, hyphenated);
            Emit(p, r, 0);
            return r;
          }
          if (sfx == "t" && p - start >= 2 && (base_[p - 1] | 0x20) == 'n') {
            EmitWord(start, p - 1, hyphenated);
            Emit(p - 1, r, 0);
            return r;
          }
        }
        if (r > p + alen || WordCharAt(p + alen)) {  // O'Brien, d'Ivoire
          p += alen;
          continue;
        }
        // Apostrophe followed by a non-letter: the possessive of a plural ("countries'") unless a
        // single quote is open, in which case it closes it.
        if (!single_open_ && (base_[p - 1] | 0x20) == 's' && IsAsciiLetter(base_[p - 1])) {
          EmitWord(start, p, hyphenated);
          Emit(p, p + alen, 0);
          return p + alen;
        }
        break;
      }
      break;
    }
    uint32_t end = p;
    // A final period belongs to dotted abbreviations and to known abbreviations.
    if (end < end_ && base_[end] == '.' && Byte(end + 1) != '.') {
      const std::string_view word(reinterpret_cast<const char*>(base_ + start), end - start);
      bool keep = false;
      if (has_dot) {
        keep = ClassifyAbbreviation(word) != AbbreviationKind::kNone;
      } else {
        switch (ClassifyAbbreviation(word)) {
          case AbbreviationKind::kNone: break;
          case AbbreviationKind::kBeforeNumber: {
            uint32_t q = end + 1;
            while (q < end_ && base_[q] == ' ') ++q;
            keep = q < end_ && IsDigit(base_[q]);
            break;
          }
          default: keep = true;
        }
      }
      if (keep) ++end;
    }
    EmitWord(start, end, hyphenated);
    return end;
  }

  uint32_t ScanPunct(uint32_t pos, CodePoint c) {
    const uint32_t cp = c.cp;
    // An underscore between two words joins them the way dictionaries write phrases
    // ("Dol_Amroth"): a space, not a token.
    if (cp == '_' && pos > begin_ && IsWordChar(PrevCp(pos)) && WordCharAt(pos + 1)) return pos + 1;
    if (cp == '.') {
      uint32_t e = pos;
      while (e < end_ && base_[e] == '.') ++e;
      Emit(pos, e, Token::kPunct);  // "." or an ellipsis "..."
      return e;
    }
    if (cp == '-' || IsDashCp(cp)) {
      uint32_t e = pos + c.len;
      while (e < end_) {  // "--", "---", "——"
        const CodePoint n = At(e);
        if (n.cp != cp) break;
        e += n.len;
      }
      Emit(pos, e, Token::kPunct);
      return e;
    }
    if ((cp == '`' && Byte(pos + 1) == '`') || (cp == '\'' && Byte(pos + 1) == '\'')) {  // PTB-style `` and ''
      const bool opening = cp == '`';
      double_open_ = opening;
      Emit(pos, pos + 2, Token::kPunct | (opening ? Token::kOpenQuote : Token::kCloseQuote));
      return pos + 2;
    }
    if (cp == '"' || cp == '\'') {
      bool& open = cp == '"' ? double_open_ : single_open_;
      if (cp == '\'' && IsDigit(Byte(pos + 1)) && !open) {  // '90s: the apostrophe joins the number
        const size_t index = out_.size();
        const uint32_t e = ScanWord(pos + 1);
        if (out_.size() > index) out_[index].span.begin = pos;
        return e;
      }
      const bool space_before = pos == begin_ || IsSpace(PrevCp(pos)) || IsOpener(PrevCp(pos));
      const bool space_after = pos + 1 >= end_ || IsSpace(At(pos + 1).cp);
      bool opening;
      if (space_before && !space_after) opening = true;
      else if (!space_before && space_after) opening = false;
      else opening = !open;
      open = opening;
      Emit(pos, pos + 1, Token::kPunct | (opening ? Token::kOpenQuote : Token::kCloseQuote));
      return pos + 1;
    }
    uint16_t flags = Token::kPunct;
    switch (cp) {
      case 0x201C: case 0x201E: case 0xAB: flags |= Token::kOpenQuote; double_open_ = true; break;
      case 0x201D: case 0xBB: flags |= Token::kCloseQuote; double_open_ = false; break;
      case 0x2018: case 0x201A: case 0x2039: flags |= Token::kOpenQuote; single_open_ = true; break;
      case 0x2019: case 0x203A: flags |= Token::kCloseQuote; single_open_ = false; break;
      default: break;
    }
    Emit(pos, pos + c.len, flags);
    return pos + c.len;
  }

  uint32_t PrevCp(uint32_t pos) const {
    uint32_t p = pos - 1;
    while (p > begin_ && (base_[p] & 0xC0) == 0x80) --p;
    return At(p).cp;
  }
  static bool IsOpener(uint32_t cp) {
    return cp == '(' || cp == '[' || cp == '{' || cp == '-' || IsDashCp(cp) || cp == 0x201C || cp == 0x2018;
  }

  const unsigned char* base_;
  uint32_t begin_, end_;
  std::vector<Token>& out_;
  size_t first_token_ = out_.size();
  bool double_open_ = false;
  bool single_open_ = false;
};

}  // namespace

Status Tokenizer::Run(Document& doc) const {
  doc.tokens.clear();
  size_t bytes = 0;
  for (const Sentence& s : doc.sentences) bytes += s.span.size();
  doc.tokens.reserve(bytes / 4 + 8);
  const std::string& text = doc.text();
  for (Sentence& s : doc.sentences) {
    if (s.span.end > text.size() || s.span.begin > s.span.end)
      return InvalidArgument(doc.id + "@" + std::to_string(s.span.begin) + ": sentence span outside the text");
    s.token_begin = static_cast<uint32_t>(doc.tokens.size());
    SentenceScanner(text, s.span.begin, s.span.end, doc.tokens).Run();
    s.token_end = static_cast<uint32_t>(doc.tokens.size());
  }
  return Status::Ok();
}

}  // namespace dateline
