// Splits a dictionary phrase or pattern into words the way the tokenizer splits text:
// whitespace-separated, with a possessive "'s" as a word of its own, and lower-cased.
// tests/unit/dict checks that the tokenizer agrees on every default dictionary phrase.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

struct PhraseWord {
  std::string folded;    // lower-case (ASCII), curly apostrophes made straight
  bool acronym = false;  // written in capitals ("US", "UN"): text must be too
};

std::vector<PhraseWord> SplitPhrase(std::string_view phrase);

// The form under which a token is looked up in the vocabulary: its folded text with a curly
// apostrophe (U+2019) made straight. Returns `folded` itself when nothing changes.
std::string_view LookupForm(std::string_view folded, std::string* scratch);

}  // namespace dateline
