// Abbreviations that keep their period, shared by the tokenizer and the sentence splitter.
#include <algorithm>
#include <string_view>

#include "token/token.h"

namespace dateline {

namespace {

constexpr std::string_view kTitles[] = {
    "mr",   "mrs",  "ms",  "mx",   "dr",   "gen",  "gens", "lt",   "col",  "capt", "cmdr", "cdr", "maj",
    "sgt",  "cpl",  "pvt", "adm",  "brig", "sen",  "sens", "rep",  "reps", "gov",  "prof", "rev", "fr",
    "hon",  "st",   "mt",  "messrs", "mme", "supt", "insp", "amb",  "pres", "lieut"};
constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "jun", "jul",
                                                      "aug", "sep", "sept", "oct", "nov", "dec"};
constexpr std::string_view kBeforeNumber[] = {"no", "nos", "vol", "vols", "pp", "art", "fig", "ch"};
constexpr std::string_view kOther[] = {
    "inc",  "corp", "co",   "ltd",  "llc",  "plc",  "bros", "jr",   "sr",   "vs",   "etc",  "approx", "dept",
    "est",  "univ", "assn", "ave",  "blvd", "govt", "intl", "natl", "ala",  "ariz", "ark",  "calif",  "colo",
    "conn", "fla",  "kan",  "ky",   "mich", "minn", "neb",  "nev",  "okla", "tenn", "tex",  "wyo"};

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list)
    if (x == w) return true;
  return false;
}

template <size_t N>
constexpr size_t Longest(const std::string_view (&list)[N]) {
  size_t n = 0;
  for (std::string_view x : list) n = x.size() > n ? x.size() : n;
  return n;
}
// No listed abbreviation is longer: a longer word needs no search (most words end sentences).
constexpr size_t kLongestListed = std::max({Longest(kTitles), Longest(kMonths), Longest(kBeforeNumber), Longest(kOther)});

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

AbbreviationKind ClassifyAbbreviation(std::string_view word) {
  if (word.empty() || word.size() > 12) return AbbreviationKind::kNone;
  char lower[12];
  bool dotted = false;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c == '.') {
      dotted = true;
    } else if (!IsAsciiLetter(c)) {
      return AbbreviationKind::kNone;
    }
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view w(lower, word.size());
  if (dotted) {
    // U.S, e.g, a.m, U.S.A: every segment one or two letters.
    size_t segment = 0;
    for (char c : w) {
      if (c == '.') {
        if (segment == 0) return AbbreviationKind::kNone;
        segment = 0;
      } else if (++segment > 2) {
        return AbbreviationKind::kNone;
      }
    }
    if (segment == 0) return AbbreviationKind::kNone;
    if (w == "e.g" || w == "i.e" || w == "cf") return AbbreviationKind::kTitle;
    return AbbreviationKind::kOther;
  }
  if (w.size() == 1) return word[0] >= 'A' && word[0] <= 'Z' ? AbbreviationKind::kTitle : AbbreviationKind::kNone;
  if (w.size() > kLongestListed) return AbbreviationKind::kNone;
  if (In(kTitles, w)) return AbbreviationKind::kTitle;
  if (In(kMonths, w)) return AbbreviationKind::kMonth;
  if (In(kBeforeNumber, w)) return AbbreviationKind::kBeforeNumber;
  if (In(kOther, w)) return AbbreviationKind::kOther;
  return AbbreviationKind::kNone;
}

}  // namespace dateline
