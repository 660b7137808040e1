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

// ASCII lower-casing (other bytes unchanged): enough for matching English cue words.
std::string AsciiLower(std::string_view s);

// Lower-cases (upper-cases) every letter of s, Unicode-aware.
std::string ToLower(std::string_view s);
// "BEIJING" -> "Beijing", "Jean" stays "Jean": upper-cases the first letter, lower-cases the rest.
std::string Capitalize(std::string_view s);

// A lower-case word that looks like a verb: an auxiliary or frequent verb ("is", "said", "met"),
// or a word in -ed, -s (not -ss, -us, -is) or -n't. `lower` is ASCII-lower-cased.
bool VerbLike(std::string_view lower);
// `text` has a lower-case word that is VerbLike, the -s ending not counted.
bool HasVerbLikeWord(std::string_view text);

}  // namespace dateline::clean_detail
