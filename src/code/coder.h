// EventCoder: the stage that turns tagged sentences into CAMEO events.
//
//   EventCoder coder(DefaultDictionary(), CoderOptions{});
//   coder.Run(doc);   // fills doc.events
//
// Per sentence it finds actor mentions (code/mentions.h), splits the sentence into clauses
// with a shallow parse (quotes, ";", relative and subordinate clauses set off by commas,
// "that"-complements), and for each verb whose lemma heads a dictionary pattern it tries the
// patterns, most specific first. The source is the pattern's `$` slot or the clause's subject;
// the target the pattern's `+` slot or the first actor after the verb in the clause. Passive
// voice ("was attacked by X") swaps them; negation ("did not send") and modality ("will
// send", "could send") set the event's mode.
//
// Article-level resolution runs as sentences are coded, in order: pronouns and bare surnames
// are resolved to earlier mentions (acts of state prefer state actors), generic agents
// ("Authorities") take the country the article last spoke of, and event dates come from the
// sentence's time expressions (resolve/temporal.h) against the publication date. Titles ("the
// president"), "the country" and quote speakers resolve through code/coref.h; the article's
// direct quotations (resolve/quotes.h) are found first and filled into Document::quotes, and
// events coded inside one carry its index (Event::quote).
#pragma once

#include <optional>

#include "core/stage.h"
#include "dict/dictionary.h"

namespace dateline {

// Which events of a sentence are kept (TABARI's "SET: CODE BY ..."): every event (dateline's
// default), the first event of each clause delimited by a conjunction (TABARI's default, used
// when TABARI dictionaries are loaded), or the first event of the sentence. Events of a
// subordinate segment count only where its clause has no other.
enum class CodeBy : uint8_t { kAll, kClause, kSentence };

struct CoderOptions {
  bool one_sided = false;  // also write events with one side empty
  bool all_modes = false;  // also write negated and hypothetical events
  std::optional<CodeBy> code_by;  // unset: the dictionary's default (Dictionary::default_code_by)
  // TABARI "SET: CONVERT AGENT = TRUE": an agent with no actor next to it is an actor of its
  // own, coded "~" + its code ("~REB").
  bool convert_agents = false;
  // TABARI "DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER": the code of a missing side. With
  // PRIOR the default source stands whenever no actor precedes the verb (else the search goes
  // on after it); with AFTER the default target whenever no actor follows it (else the search
  // goes on before it).
  std::string default_source, default_target;
  bool default_source_prior = false, default_target_after = false;
  // TABARI "SET: MINIMUM WORDS = n": sentences of fewer words (a comma counts as one) are not
  // coded. Unset: the dictionary's convention (TABARI's 8; none for other dictionaries).
  std::optional<int> minimum_words;
  // TABARI "COMMA: MIN = .. MAX = .. EMIN = .. EMAX = .. BMIN = .. BMAX = .." — comma-delimited
  // phrases of these lengths in words (in the middle, at the end, at the beginning of the
  // sentence) are taken out before coding, under TABARI conventions. "COMMA: OFF" keeps all.
  struct CommaLimits {
    int min = 2, max = 10, emin = 2, emax = 10, bmin = 128, bmax = 0;
    bool off = false;
  } comma;
};

// Applies one option of a TABARI .options file or validation record ("SET: CONVERT AGENT =
// TRUE", "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", "SET: CODE BY SENTENCE",
// "DEFAULT: OFF") or of a PETRARCH configuration ("require_dyad = FALSE") to `options`.
// Returns false for an option the coder does not use (it is then ignored).
bool ApplyCoderOption(std::string_view option, CoderOptions* options);

// What the coder did with each sentence, for `dateline explain`: the actors it found, and for
// every word it took for a verb the patterns it tried, why each was passed over, and what the
// chosen one gave. Filled only when asked for (EventCoder::Explain); coding itself never pays.
struct CoderTrace {
  struct Actor {
    uint32_t token_begin, token_end;
    std::string code, name;
    bool pronoun, generic;
    int compound;
    std::vector<std::string> rules;  // "actor data/dict/countries.dl:12", ...
  };
  struct Try {
    uint32_t pattern;    // index into Dictionary::patterns()
    std::string verdict;  // "chosen", or why the pattern did not fire
  };
  struct Verb {
    uint32_t sentence, token;
    std::vector<Try> tries;    // in trial order; empty: no pattern is headed by this verb
    std::string outcome;       // "event", "null-coded", "no pattern matched", "no source or target", ...
    int source = -1, target = -1;  // actor indices (into `actors` of its sentence), -1 none
  };
  std::vector<std::vector<Actor>> actors;  // per sentence
  std::vector<Verb> verbs;
};

class EventCoder final : public Stage {
 public:
  EventCoder(const Dictionary& dict, CoderOptions options) : dict_(dict), options_(options) {}
  Status Run(Document& doc) const override;
  // Run, recording what was tried into *trace.
  Status Explain(Document& doc, CoderTrace* trace) const;
  std::string_view name() const override { return "code"; }

 private:
  Status Code(Document& doc, CoderTrace* trace) const;
  const Dictionary& dict_;
  CoderOptions options_;
};

}  // namespace dateline
