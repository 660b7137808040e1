#include "code/clauses.h"

#include <string_view>

namespace dateline {

namespace {

bool Relative(std::string_view w) { return w == "who" || w == "which" || w == "whom" || w == "whose"; }

bool Subordinator(std::string_view w) {
  static constexpr std::string_view kWords[] = {"where", "while", "whereas", "because", "although", "though",
                                                "after", "before", "when", "as", "if", "unless", "citing",
                                                "saying", "adding", "according", "including", "despite"};
  for (std::string_view s : kWords)
    if (w == s) return true;
  return false;
}

bool EndsSpeech(std::string_view w) { return w == "," || w == "." || w == "!" || w == "?" || w == ";"; }

}  // namespace

Clauses FindClauses(const Document& doc, const Sentence& s) {
  Clauses c;
  const uint32_t b = s.token_begin, n = s.token_end - s.token_begin;
  c.clause.assign(n, 0);
  c.segment.assign(n, -1);
  int clause = 0;
  int open_segment = -1;
  auto text = [&](uint32_t k) { return doc.folded_view(doc.tokens[b + k].span); };

  for (uint32_t k = 0; k < n; ++k) {
    const Token& t = doc.tokens[b + k];
    const std::string_view w = text(k);
    bool boundary_before = false, boundary_after = false;
    if (w == ";" || w == ":") boundary_after = true;
    if (t.has(Token::kCloseQuote) && k > 0 && EndsSpeech(text(k - 1))) boundary_after = true;
    if (t.has(Token::kOpenQuote) && (k == 0 || EndsSpeech(text(k - 1)) || text(k - 1) == ":")) boundary_before = true;
    if (w == "that" && k > 0) {
      // "told X that China ...": a complement clause. "that country": a determiner.
      const bool determiner = k + 1 < n && IsNoun(doc.tokens[b + k + 1].tag) && doc.tokens[b + k + 1].tag != Tag::NNP;
      if (!determiner) boundary_before = true;
    }
    if (boundary_before) {
      ++clause;
      open_segment = -1;
    }
    // Segments: ", who ...," / ", while ...,".
    if (w == "," && open_segment >= 0) {
      c.clause[k] = clause;
      c.segment[k] = open_segment;
      open_segment = -1;
      continue;
    }
    if (k > 0 && text(k - 1) == "," && (Relative(w) || Subordinator(w)) && open_segment < 0) {
      open_segment = static_cast<int>(c.segment_start.size());
      c.segment_start.push_back(b + k);
      c.segment_relative.push_back(Relative(w));
    }
    c.clause[k] = clause;
    c.segment[k] = open_segment;
    if (boundary_after) {
      ++clause;
      open_segment = -1;
    }
  }
  return c;
}

}  // namespace dateline
