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
  bool agent_prefix = false;  // the agent code goes before the actor's ("NGM" + "ARN")
  std::string head_agent;  // the last agent of the phrase, its head noun ("MED" in "Danish Islamist media")
  bool person = false;
  bool capital = false;     // a capital or seat named alone ("Beijing said", "the Minsk agreement")
  bool generic = false;     // agent without a country ("Authorities", "the police"): needs resolving
  bool pronoun = false;     // "he", "she", "they": needs resolving
  bool surname = false;     // a bare surname resolved from earlier in the article
  bool plural = false;
  bool kind_known = true;   // the dictionary says whether it is a person
  // An organisation or armed group named as such (kind=org or group: "Hezbollah", "NATO", "the
  // Houthis"): it acts as a state does, so "it"/"they" may stand for it in an act of state.
  bool collective = false;
  char gender = 0;          // 'm', 'f'; for the pronoun "it", 'n' (not a person)
  int compound = -1;        // mentions joined by "and" share a compound id
  uint32_t name_begin = 0;  // a person: first token of the name itself ("Xi" in "President Xi Jinping")
  // A person's title as written ("Kazakh President" in "Kazakh President Kassym-Jomart Tokayev"):
  // tokens [title_begin, title_end), kept by copies that stand for the person later (code/coref.h).
  uint32_t title_begin = 0, title_end = 0;
  // What made the mention, rendered into an event's `rules` only when an event is written
  // (no strings are built for the many mentions that code nothing).
  struct Rule {
    enum Kind : uint8_t { kActor, kAgent, kResolveGeneric, kResolvePronoun } kind;
    SourceLine where;
  };
  std::vector<Rule> rules;

  bool government() const;  // state actor: a country, or a GOV/MIL/COP/... role
};

// Word ids of a sentence's tokens in the dictionary's vocabulary (0 = unknown), the ids of
// their lemmas and the stems that begin them. Reused across sentences: no allocation once warm.
struct SentenceWords {
  std::vector<uint32_t> word;   // indexed by token - sentence.token_begin
  std::vector<uint32_t> lemma;
  // Token k's Dictionary::StemsOf are stems[stems_begin[k] .. stems_begin[k + 1]).
  std::vector<uint32_t> stems_begin;
  std::vector<uint32_t> stems;
  // What the sentence offers the verb patterns' requirements.
  SentenceAtoms atoms;
};

void LookUpWords(const Document& doc, const Sentence& s, const Dictionary& dict, SentenceWords* out);

// "actor data/dict/people.dl:12", "resolve pronoun" ...
std::string RuleText(const Dictionary& dict, const Mention::Rule& rule);

// Finds the actor mentions of one sentence. `date` chooses among date-ranged entries.
// `modifiers`, when given, receives the country adjectives that name no actor of their own
// before a noun ("Chinese subsidies"), in text order.
void FindMentions(const Document& doc, const Sentence& s, const Dictionary& dict, const SentenceWords& words,
                  const Date& date, std::vector<Mention>* out, std::vector<Mention>* modifiers = nullptr);

}  // namespace dateline
