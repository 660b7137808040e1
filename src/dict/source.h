// Dictionary sources: what a dictionary file says, read faithfully and in order, before it is
// compiled into matchers. Readers for each family fill these structures:
//
//   DictionarySource src;
//   ReadTabariActors("CountryInfo.120116.actors", bytes, &src);   // dict/tabari_reader.h
//   ReadPetrarchVerbs("CAMEO.2.0.txt", bytes, &src);               // dict/petrarch_reader.h
//   for (const std::string& p : src.problems) std::cerr << p << "\n";   // "file:line: ..."
//
// A reader never throws and never stops at a bad entry: it records "file:line: what was
// expected" in `problems` and goes on. Nothing here depends on the coder; the compiler
// (dict/compile.h) turns a DictionarySource into a Dictionary.
//
// Words keep the dictionary's own spelling conventions as flags rather than as characters:
// TABARI and PETRARCH write "FOREIGN_MINISTER_" — the underscore between words means
// "consecutive", a final underscore means "this exact word, no stem" — and the reader turns
// that into Word{text="foreign", ...}, Word{text="minister", exact=true}.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace dateline {

enum class DictionaryDialect : uint8_t { kDateline, kTabari, kPetrarch1, kPetrarch2 };
const char* DialectName(DictionaryDialect d);

// Where a record came from: an index into DictionarySource::files, and a 1-based line.
struct SourcePlace {
  uint16_t file = 0;
  uint32_t line = 0;
};

struct Word {
  std::string text;          // lower-case, ASCII apostrophes; hyphens kept inside words
  bool exact = false;        // written with a final "_": no stem matching
  bool no_endings = false;   // written with a final "=": no regular endings (-s, -ed, -ing ...) either
  bool consecutive = true;   // joined to the previous word by "_" (or a blank in TABARI
                             // phrases); false where PETRARCH agents allow words in between
};

// A code with an optional validity range ("[HOBGOV 950601-990815]", "[HOB <950601]").
// Bounds are inclusive. A code with neither bound is the default.
struct DatedCode {
  std::string code;  // "" stands for the null code "---": the phrase names nothing
  std::optional<Date> from, to;
};

struct ActorRecord {
  std::vector<std::vector<Word>> phrases;  // the primary phrase, then its "+" synonyms
  std::vector<DatedCode> codes;            // in the order written
  SourcePlace where;
  std::string comment;  // text after ';' or '#', for provenance
};

struct AgentRecord {
  std::vector<Word> phrase;
  std::vector<std::vector<Word>> plurals;  // explicit plural forms ("{...}"); see no_plural
  bool no_plural = false;                  // "{}": do not generate a regular plural
  std::string code;                        // without '~': "GOV", "NGO"
  bool prefix = false;                     // "NGO~": the agent code goes before the actor code
  SourcePlace where;
};

// One token of a verb pattern, in the order written.
struct PatternToken {
  enum Kind : uint8_t {
    kWord,       // a word (or, for kWord with several `alternatives`, a TABARI "{A | B}" set)
    kVerb,       // "*" (TABARI) or "**" (PETRARCH): where the verb itself stands
    kSource,     // "$"
    kTarget,     // "+"
    kCompound,   // "%": source and target are the same compound actor
    kSkip,       // "^": skip to the next actor (TABARI)
    kSynset,     // "&NAME"
    kNounPhrase, // PETRARCH-2 "{...}" slot: the words inside must occur in a noun phrase
    kPrepPhrase, // PETRARCH-2 "(...)" slot: the words inside form a prepositional phrase
    kNegation,   // PETRARCH-2 negation marker, where the dialect writes one
  };
  Kind kind = kWord;
  Word word;                                   // kWord
  std::vector<std::vector<Word>> alternatives; // kWord sets "{A | B}" (TABARI)
  std::string synset;                          // kSynset: name without '&'
  std::vector<PatternToken> inner;             // kNounPhrase / kPrepPhrase contents
  bool consecutive = false;                    // joined to the previous token by '_'
};

struct VerbPatternRecord {
  std::vector<PatternToken> tokens;
  std::string code;      // "" for the null code "---"; "050:050" style pairs kept as written
  SourcePlace where;
};

// A verb block: the verb and its irregular forms, an optional default code, and patterns.
struct VerbRecord {
  std::vector<Word> verb;                    // "BREAK_" -> {break, exact}; "+BEEF_UP" multi-word
  int head_word = 0;                         // which word of `verb` is the verb ("WIRE_+TAP": 1)
  std::vector<std::vector<Word>> forms;      // irregular forms "{BROKE_ BROKEN_}"
  std::string code;                          // default code of the bare verb; "" = none/null
  bool has_code = false;                     // a code was written (possibly the null code)
  std::vector<VerbPatternRecord> patterns;   // this block's own patterns
  int block = -1;                            // PETRARCH-2 synonym block: verbs sharing patterns
  SourcePlace where;
};

struct SynsetRecord {
  std::string name;                          // without '&'
  std::vector<std::vector<Word>> phrases;
  bool no_plurals = false;                   // label ended with '_'
  SourcePlace where;
};

// Discards: a phrase whose presence discards the sentence ("+") or the whole story ("-"/"###"
// per dialect), and issues: a phrase that tags the story with an issue code.
struct DiscardRecord {
  std::vector<Word> phrase;
  bool whole_story = false;
  std::string code;  // as written (e.g. "###", "+++")
  SourcePlace where;
};

struct IssueRecord {
  std::vector<Word> phrase;
  std::string code;
  bool null_code = false;  // "~" entries that suppress an issue
  SourcePlace where;
};

// A TABARI .options command ("SET: TIME SHIFT = FALSE", "DELETE: PROBLEM", "COMPLEX: ..."),
// or a PETRARCH-2 coding-ontology line, kept as written and split into its parts.
struct OptionRecord {
  std::string command;  // "SET", "DELETE", "COMPLEX", "OUTPUT", "ISSUES", ...
  std::string key;      // "TIME SHIFT"
  std::string value;    // "FALSE"
  std::string raw;
  SourcePlace where;
};

struct DictionarySource {
  std::vector<std::string> files;     // names as given, for messages and `rules`
  std::vector<ActorRecord> actors;
  std::vector<AgentRecord> agents;
  std::vector<VerbRecord> verbs;
  std::vector<SynsetRecord> synsets;
  std::vector<std::vector<Word>> nouns;       // TABARI <NOUN> ... </NOUN>
  std::vector<std::vector<Word>> adjectives;  // TABARI <ADJECTIVE> ... </ADJECTIVE>
  std::vector<DiscardRecord> discards;
  std::vector<IssueRecord> issues;
  std::vector<OptionRecord> options;
  std::vector<std::string> problems;  // "file:line: what was expected"

  uint16_t AddFile(std::string name) {
    files.push_back(std::move(name));
    return static_cast<uint16_t>(files.size() - 1);
  }
};

}  // namespace dateline
