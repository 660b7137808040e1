#include "core/tag.h"

#include <array>
#include <cctype>

namespace dateline {

namespace {
constexpr std::array<std::string_view, static_cast<size_t>(Tag::kCount)> kNames = {
    "UNK", "NN", "NNS", "NNP", "NNPS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "JJ", "JJR",
    "JJS", "RB", "RBR", "RBS", "RP", "IN", "TO", "DT", "PDT", "CC", "CD", "EX", "FW", "LS", "UH",
    "SYM", "PRP", "PRP$", "WDT", "WP", "WP$", "WRB", "POS", "PUNCT"};
}  // namespace

std::string_view TagName(Tag t) { return kNames[static_cast<size_t>(t)]; }

Tag TagFromName(std::string_view name) {
  for (size_t i = 1; i < kNames.size(); ++i) {
    const std::string_view n = kNames[i];
    if (n.size() != name.size()) continue;
    bool same = true;
    for (size_t k = 0; k < n.size() && same; ++k)
      same = std::toupper(static_cast<unsigned char>(name[k])) == n[k];
    if (same) return static_cast<Tag>(i);
  }
  if (name == "punc" || name == "PUNC") return Tag::PUNCT;
  return Tag::kUnknown;
}

}  // namespace dateline
