// Actor mentions: the noun phrases of a sentence that name actors, found by longest match of
// dictionary phrases and composed the CAMEO way — "Chinese" + "Foreign Minister" is CHNGOV,
// "Kazakh President Kassym-Jomart Tokayev" is the person's own code for the sentence's date.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/document.h"
#include "dict/dictionary.h"

namespace dateline {

struct Mention {
  uint32_t token_begin = 0;  // token range in Document::tokens
  uint32_t token_end = 0;
  std::string code;     // "CHNGOV"; for a generic agent without a country, the agent code ("GOV")
  std::string name;     // canonical name
  std::string country;  // "" when unknown or an organisation without one
  std::string agent;    // agent code when the mention has one ("GOV"), else ""
  bool person = false;
  bool generic = false;     // agent without a country ("Authorities", "the police"): needs resolving
  bool pronoun = false;     // "he", "she", "they": needs resolving
  bool surname = false;     // a bare surname resolved from earlier in the article
  bool plural = false;
  bool kind_known = true;   // the dictionary says whether it is a person
  char gender = 0;          // 'm', 'f'; for the pronoun "it", 'n' (not a person)
  int compound = -1;        // mentions joined by "and" share a compound id
  uint32_t name_begin = 0;  // a person: first token of the name itself ("Xi" in "President Xi Jinping")
  std::vector<std::string> rules;  // "actor file:line", "agent file:line"

  bool government() const;  // state actor: a country, or a GOV/MIL/COP/... role
};

// Word ids of a sentence's tokens in the dictionary's vocabulary (0 = unknown), and the ids
// of their lemmas. Reused across sentences: no allocation once warm.
struct SentenceWords {
  std::vector<uint32_t> word;   // indexed by token - sentence.token_begin
  std::vector<uint32_t> lemma;
};

void LookUpWords(const Document& doc, const Sentence& s, const Dictionary& dict, SentenceWords* out);

// Finds the actor mentions of one sentence. `date` chooses among date-ranged entries.
void FindMentions(const Document& doc, const Sentence& s, const Dictionary& dict, const SentenceWords& words,
                  const Date& date, std::vector<Mention>* out);

}  // namespace dateline
