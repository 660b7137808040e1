// ReadsAsSentence: the test that keeps the cleaner from removing article sentences.
#include <algorithm>
#include <iterator>

#include "clean/clean.h"
#include "clean/text_util.h"

namespace dateline {

using clean_detail::AsciiLower;
using clean_detail::PrevCodePoint;
using clean_detail::SplitWords;
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
  if (In(kVerbs, lower)) return true;
  if (lower.size() >= 4 && lower.ends_with("ed")) return true;
  if (lower.ends_with("n't")) return true;
  if (lower.size() >= 3 && lower.ends_with("s") && !lower.ends_with("ss") && !lower.ends_with("us") &&
      !lower.ends_with("is"))
    return true;
  return false;
}

bool HasVerbLikeWord(std::string_view text) {
  for (std::string_view w : SplitWords(text)) {
    std::string_view bare = StripPunct(w);
    if (!StartsLower(bare)) continue;
    std::string lower = AsciiLower(bare);
    // The -s ending is left out: "others", "staff writers" are not verbs.
    if (In(kVerbs, lower) || (lower.size() >= 4 && lower.ends_with("ed")) || lower.ends_with("n't")) return true;
  }
  return false;
}

}  // namespace clean_detail

namespace {

// "..., Zelenskiy told European leaders." - reported speech, even when it opens like a prompt.
bool HasReportingClause(const std::vector<std::string_view>& words) {
  bool after_comma = false;
  for (std::string_view w : words) {
    if (after_comma && In(kReportingVerbs, AsciiLower(StripPunct(w)))) return true;
    if (w.ends_with(",") || w.ends_with(",”") || w.ends_with(",\"")) after_comma = true;
  }
  return false;
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

  std::vector<std::string_view> words = SplitWords(line);
  size_t real_words = 0;
  bool verb = false;
  for (std::string_view w : words) {
    std::string_view bare = StripPunct(w);
    if (clean_detail::LetterCount(bare) == 0) continue;
    ++real_words;
    if (!verb && StartsLower(bare) && clean_detail::VerbLike(AsciiLower(bare))) verb = true;
  }
  if (real_words < 2 || !verb) return false;

  // "Sign up for our newsletter." is addressed to the reader, not reported. Quoted speech is not.
  size_t pos = 0;
  if (!IsOpeningQuote(clean_detail::NextCodePoint(line, &pos)) &&
      In(kImperatives, AsciiLower(StripPunct(words[0]))) && !HasReportingClause(words)) {
    for (std::string_view w : words)
      if (In(kReaderWords, AsciiLower(StripPunct(w)))) return false;
  }
  return true;
}

}  // namespace dateline
