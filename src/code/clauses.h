// Shallow clause structure of a sentence: enough to keep a verb's subject and object inside
// its own clause.
//
// Clauses are separated by ";" and ":", by a closing quote that ends reported speech
// (“..., ” said X), by an opening quote that starts it, and by a complementizer "that".
// Inside a clause, a segment set off by a comma and a relative or subordinating word
// (", who is also a state councilor,") is a nested segment: verbs outside it do not look
// inside it, and its own verbs look only inside it (a relative pronoun's antecedent is the
// actor just before it).
#pragma once

#include <cstdint>
#include <vector>

#include "core/document.h"

namespace dateline {

struct Clauses {
  std::vector<int> clause;   // per token of the sentence (offset from token_begin)
  std::vector<int> segment;  // nested segment id per token, -1 outside segments
  std::vector<uint32_t> segment_start;   // absolute token index of each segment's first word
  std::vector<bool> segment_relative;    // the segment opens with who/which/whom/whose

  // Offset (from token_begin) one past the last token of the clause containing offset k.
  uint32_t ClauseEnd(uint32_t k) const {
    uint32_t e = k;
    while (e < clause.size() && clause[e] == clause[k]) ++e;
    return e;
  }
};

Clauses FindClauses(const Document& doc, const Sentence& s);

}  // namespace dateline
