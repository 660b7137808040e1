#include "dict/phrase.h"

#include <cctype>
#include <cstring>

namespace dateline {

namespace {
constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

std::string Straighten(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s.substr(i, 3) == kCurlyApostrophe) {
      out += '\'';
      i += 3;
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
      ++i;
    }
  }
  return out;
}

bool IsAcronym(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= 2;
}
}  // namespace

std::vector<PhraseWord> SplitPhrase(std::string_view phrase) {
  std::vector<PhraseWord> out;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && std::isspace(static_cast<unsigned char>(phrase[i]))) ++i;
    size_t j = i;
    while (j < phrase.size() && !std::isspace(static_cast<unsigned char>(phrase[j]))) ++j;
    if (j == i) break;
    std::string word = Straighten(phrase.substr(i, j - i));
    const bool acronym = IsAcronym(phrase.substr(i, j - i));
    if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) {
      out.push_back({word.substr(0, word.size() - 2), acronym});
      out.push_back({"'s", false});
    } else {
      out.push_back({std::move(word), acronym});
    }
    i = j;
  }
  return out;
}

std::string_view LookupForm(std::string_view folded, std::string* scratch) {
  // Most words have no byte of a curly apostrophe at all: one memchr says so.
  if (std::memchr(folded.data(), kCurlyApostrophe[0], folded.size()) == nullptr ||
      folded.find(kCurlyApostrophe) == std::string_view::npos)
    return folded;
  scratch->clear();
  for (size_t i = 0; i < folded.size();) {
    if (folded.substr(i, 3) == kCurlyApostrophe) {
      *scratch += '\'';
      i += 3;
    } else {
      *scratch += folded[i++];
    }
  }
  return *scratch;
}

}  // namespace dateline
