// ReadsAsSentence: the test that keeps the cleaner from removing article sentences.
#include <algorithm>
#include <array>
#include <iterator>

#include "clean/clean.h"
#include "clean/text_util.h"

namespace dateline {

using clean_detail::AsciiLower;
using clean_detail::AsciiLowerInto;
using clean_detail::ForEachWord;
using clean_detail::PrevCodePoint;
using clean_detail::StartsLower;
using clean_detail::StripPunct;
using clean_detail::Trim;

namespace {

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// Auxiliaries and frequent irregular verbs; regular forms are caught by their -ed / -s endings.
constexpr std::string_view kVerbs[] = {
    "is",     "are",    "was",     "were",   "be",      "been",   "being",  "am",     "has",     "have",
    "had",    "do",     "does",    "did",    "will",    "would",  "can",    "could",  "shall",   "should",
    "may",    "might",  "must",    "said",   "say",     "says",   "told",   "tell",   "met",     "meet",
    "left",   "leave",  "went",    "go",     "came",    "come",   "made",   "make",   "took",    "take",
    "gave",   "give",   "sent",    "send",   "held",    "hold",   "won",    "win",    "lost",    "lose",
    "saw",    "see",    "fell",    "rose",   "led",     "lead",   "fled",   "hit",    "cut",     "set",
    "put",    "quit",   "ran",     "run",    "began",   "begun",  "begin",  "fought", "spoke",   "wrote",
    "got",    "get",    "stood",   "struck", "sought",  "brought", "bought", "thought", "kept",   "felt",
    "became", "become", "grew",    "drew",   "shot",    "meant",  "paid",   "heard",  "found",   "knew",
    "want",   "need",   "remain",  "seem",   "warn",    "urge",
};

// kVerbs in order, for binary search: VerbLike runs on most lower-case words of every line.
constexpr auto kVerbsSorted = [] {
  std::array<std::string_view, std::size(kVerbs)> sorted{};
  std::copy(std::begin(kVerbs), std::end(kVerbs), sorted.begin());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}();

bool IsListedVerb(std::string_view lower) {
  return std::binary_search(kVerbsSorted.begin(), kVerbsSorted.end(), lower);
}

// First words of prompts addressed to the reader.
constexpr std::string_view kImperatives[] = {
    "register", "subscribe", "sign",   "log",     "login",  "download", "click",  "tap",     "read",
    "continue", "follow",    "share",  "get",     "join",   "listen",   "watch",  "become",  "support",
    "enable",   "try",       "visit",  "discover", "explore", "stay",   "don't",  "like",
};

constexpr std::string_view kReportingVerbs[] = {
    "said", "says", "told", "tells", "urged", "urges", "added", "adds", "wrote", "writes", "warned", "warns",
    "asked", "asks", "declared", "insisted", "argued", "stressed",
};

constexpr std::string_view kReaderWords[] = {
    "you", "your", "you're", "our", "us", "here", "now", "free", "today", "app", "newsletter", "inbox", "below",
};

}  // namespace

namespace clean_detail {

bool VerbLike(std::string_view lower) {
  // The endings first: they are cheaper than the list.
  if (lower.size() >= 4 && lower.ends_with("ed")) return true;
  if (lower.ends_with("n't")) return true;
  if (lower.size() >= 3 && lower.ends_with("s") && !lower.ends_with("ss") && !lower.ends_with("us") &&
      !lower.ends_with("is"))
    return true;
  return IsListedVerb(lower);
}

bool HasVerbLikeWord(std::string_view text) {
  bool found = false;
  ForEachWord(text, [&](std::string_view w) {
    std::string_view bare = StripPunct(w);
    if (!StartsLower(bare)) return true;
    std::string lower = AsciiLower(bare);
    // The -s ending is left out: "others", "staff writers" are not verbs.
    found = IsListedVerb(lower) || (lower.size() >= 4 && lower.ends_with("ed")) || lower.ends_with("n't");
    return !found;
  });
  return found;
}

}  // namespace clean_detail

namespace {

// Room for the lower-cased words compared with the lists: no listed word is longer, so a longer
// word is in none of them and needs no lower-casing.
constexpr size_t kLongestListWord = 16;

template <size_t N>
constexpr bool AllFit(const std::string_view (&list)[N]) {
  for (std::string_view w : list)
    if (w.size() > kLongestListWord) return false;
  return true;
}
static_assert(AllFit(kVerbs) && AllFit(kImperatives) && AllFit(kReportingVerbs) && AllFit(kReaderWords));

// `w` stripped of punctuation and ASCII-lower-cased into buf; empty when it cannot be in a list.
std::string_view LowerBare(std::string_view w, char (&buf)[kLongestListWord]) {
  bool fits = false;
  return AsciiLowerInto(StripPunct(w), buf, sizeof buf, &fits);
}

// "..., Zelenskiy told European leaders." - reported speech, even when it opens like a prompt.
bool HasReportingClause(std::string_view line) {
  bool after_comma = false, found = false;
  ForEachWord(line, [&](std::string_view w) {
    char buf[kLongestListWord];
    if (after_comma && In(kReportingVerbs, LowerBare(w, buf))) {
      found = true;
      return false;
    }
    if (w.ends_with(",") || w.ends_with(",”") || w.ends_with(",\"")) after_comma = true;
    return true;
  });
  return found;
}

bool IsTerminal(char32_t c) {
  switch (c) {
    case '.': case '!': case '?': case U'…': case U'”': case '"': case U'’': case '\'': case U'»':
      return true;
    default:
      return false;
  }
}

bool IsOpeningQuote(char32_t c) { return c == U'“' || c == '"' || c == U'‘' || c == '\'' || c == U'«'; }

}  // namespace

bool ReadsAsSentence(std::string_view line) {
  line = Trim(line);
  while (!line.empty() && (line.back() == ')' || line.back() == ']')) line.remove_suffix(1);
  if (line.empty()) return false;
  size_t start = 0;
  if (!IsTerminal(PrevCodePoint(line, line.size(), &start))) return false;

  // Words with a letter, and whether one is a lower-case verb-like word; both only as far as the
  // decision needs them (two such words, one of them verb-like).
  size_t real_words = 0;
  bool verb = false;
  std::string_view first_word;
  ForEachWord(line, [&](std::string_view w) {
    if (first_word.empty()) first_word = w;
    std::string_view bare = StripPunct(w);
    if (!clean_detail::HasLetter(bare)) return true;
    ++real_words;
    if (!verb && StartsLower(bare)) {
      char buf[kLongestListWord];
      bool fits = false;
      const std::string_view lower = clean_detail::AsciiLowerInto(bare, buf, sizeof buf, &fits);
      verb = fits ? clean_detail::VerbLike(lower) : clean_detail::VerbLike(AsciiLower(bare));
    }
    return !(verb && real_words >= 2);
  });
  if (real_words < 2 || !verb) return false;

  // "Sign up for our newsletter." is addressed to the reader, not reported. Quoted speech is not.
  size_t pos = 0;
  char buf[kLongestListWord];
  if (!IsOpeningQuote(clean_detail::NextCodePoint(line, &pos)) && In(kImperatives, LowerBare(first_word, buf)) &&
      !HasReportingClause(line)) {
    bool reader = false;
    ForEachWord(line, [&](std::string_view w) {
      char word_buf[kLongestListWord];
      reader = In(kReaderWords, LowerBare(w, word_buf));
      return !reader;
    });
    if (reader) return false;
  }
  return true;
}

}  // namespace dateline
