// Private to src/clean: small UTF-8 helpers over string_views. Nothing here allocates except the
// functions that return std::string. Case tests use ICU's character properties, so "ÉMILE" and
// "Ólafur" are capitalised words like "EMILE" and "Olafur".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::clean_detail {

// Decodes the code point at s[*pos] and advances *pos; an invalid byte decodes as U+FFFD.
char32_t NextCodePoint(std::string_view s, size_t* pos);
// Decodes the code point ending at s[end - 1]; *start receives its first byte. REQUIRES: end > 0.
char32_t PrevCodePoint(std::string_view s, size_t end, size_t* start);

// Space, tab, CR, LF, VT, FF, NBSP, the U+2000 spaces, zero-width space/joiners, U+202F, U+205F,
// U+3000 and the BOM.
bool IsSpace(char32_t c);

// Removes leading and trailing IsSpace() code points. *lead (optional) gets the bytes dropped at
// the front.
std::string_view Trim(std::string_view s, size_t* lead = nullptr);

// Whitespace-separated words, in order, as views into s.
std::vector<std::string_view> SplitWords(std::string_view s);
// The same words, appended to *out (which the caller clears or reuses: no allocation once its
// capacity suffices).
void AppendWords(std::string_view s, std::vector<std::string_view>* out);
// SplitWords(s).size(), counting no further than `limit` (it returns min(count, limit)).
size_t CountWords(std::string_view s, size_t limit = static_cast<size_t>(-1));

// Calls f(word) for each word SplitWords(s) would return, in order, without building a vector;
// stops early when f returns false.
template <typename F>
void ForEachWord(std::string_view s, F&& f);

// The word without leading and trailing characters that are neither letters nor digits
// ("“forces,”" -> "forces").
std::string_view StripPunct(std::string_view w);

bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsLetter(char32_t c);

// First code point of w is an upper-case (lower-case) letter.
bool StartsUpper(std::string_view w);
bool StartsLower(std::string_view w);
// w has at least one letter and none of its letters is lower-case.
bool AllCaps(std::string_view w);
// Number of letters in w.
size_t LetterCount(std::string_view w);
// LetterCount(w) > 0, without counting them all.
bool HasLetter(std::string_view w);

// ASCII lower-casing (other bytes unchanged): enough for matching English cue words.
std::string AsciiLower(std::string_view s);
// AsciiLower into a caller's buffer: the view covers buf[0, s.size()). When s is longer than
// `capacity`, returns an empty view and sets *fits to false (the caller then needs no match: its
// word lists hold nothing that long).
std::string_view AsciiLowerInto(std::string_view s, char* buf, size_t capacity, bool* fits);

// Lower-cases (upper-cases) every letter of s, Unicode-aware.
std::string ToLower(std::string_view s);
// "BEIJING" -> "Beijing", "Jean" stays "Jean": upper-cases the first letter, lower-cases the rest.
std::string Capitalize(std::string_view s);

// A lower-case word that looks like a verb: an auxiliary or frequent verb ("is", "said", "met"),
// or a word in -ed, -s (not -ss, -us, -is) or -n't. `lower` is ASCII-lower-cased.
bool VerbLike(std::string_view lower);
// `text` has a lower-case word that is VerbLike, the -s ending not counted.
bool HasVerbLikeWord(std::string_view text);

// ---------------------------------------------------------------------------------------------
// Inline parts. Nearly all text is ASCII, so the byte tests come first and ICU is asked only about
// other code points (for ASCII, ICU's letter, upper, lower and digit classes are exactly the
// [A-Za-z], [A-Z], [a-z] and [0-9] ranges; text_util_test.cpp checks it for every byte).

inline bool IsAsciiSpaceByte(unsigned char b) { return b == ' ' || (b >= '\t' && b <= '\r'); }

template <typename F>
void ForEachWord(std::string_view s, F&& f) {
  const size_t n = s.size();
  size_t pos = 0;
  while (pos < n) {
    // Spaces before the word.
    for (;;) {
      if (pos >= n) return;
      const unsigned char b = static_cast<unsigned char>(s[pos]);
      if (b < 0x80) {
        if (!IsAsciiSpaceByte(b)) break;
        ++pos;
      } else {
        size_t next = pos;
        if (!IsSpace(NextCodePoint(s, &next))) break;
        pos = next;
      }
    }
    const size_t begin = pos;
    while (pos < n) {
      const unsigned char b = static_cast<unsigned char>(s[pos]);
      if (b < 0x80) {
        if (IsAsciiSpaceByte(b)) break;
        ++pos;
      } else {
        size_t next = pos;
        if (IsSpace(NextCodePoint(s, &next))) break;
        pos = next;
      }
    }
    if (!f(s.substr(begin, pos - begin))) return;
  }
}

}  // namespace dateline::clean_detail
