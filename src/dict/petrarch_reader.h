// Readers for the PETRARCH dictionary families (PETRARCH-1, PETRARCH-2 and the Phoenix
// production files) into the dictionary-source structures of dict/source.h.
//
//   DictionarySource src;
//   PetrarchExtras extras;  // optional: what dict/source.h has no field for
//   Status s = LoadPetrarchFile("CAMEO.2.0.txt", PetrarchFile::kVerbs, &src, &extras);
//   if (!s.ok()) std::cerr << s.message() << "\n";          // unreadable file, TABARI file
//   for (const std::string& p : src.problems) std::cerr << p << "\n";  // "file:line: ..."
//
//   // or, with the bytes in hand and the dialect known:
//   ReadPetrarchActors("Phoenix.Countries.actors.txt", bytes, DictionaryDialect::kPetrarch2, &src);
//
// A reader never throws and never stops at a bad entry: it records "file:line: what was
// expected" in DictionarySource::problems, skips the entry and goes on. Records keep the order
// of the file.
//
// Comments, in every file: "#" to the end of the line, "<!-- ... -->" (possibly over several
// lines; text before and after it on its lines is kept) and the legacy ";" to the end of the
// line. A line that held only a comment is ignored; blank lines carry no meaning (a synset, a
// verb block or an actor record goes on until a line of another kind starts). Lines end in
// "\n" or "\r\n"; a UTF-8 byte-order mark is skipped; a line that is not valid UTF-8 or holds
// control characters is reported and skipped (an actor phrase line takes its synonyms and code
// lines with it).
//
// Words: lower-cased (ASCII letters only; other UTF-8 is kept as written), curly apostrophes
// made straight, hyphens, dots and parentheses kept ("REPUBLIC_(NORTH)_" -> "republic",
// "(north)"). "_" between words means consecutive; a final "_" sets Word::exact (PETRARCH
// matches whole words only, so for PETRARCH "exact" means what the files use it for: no plural
// and no regular forms are to be generated); a final "=" sets Word::no_endings. What a blank
// between words means depends on the file:
//   consecutive: verb phrases, synset members, discards, issues, PETRARCH-2 actors;
//   words may come in between (Word::consecutive = false): agents, PETRARCH-1 actors (in
//     PETRARCH-1's unit tests, PETR.UnitTest.records.xml PATTERN-09, a two-word actor written
//     with a blank matches with a word in between; PETRARCH-2's copy of the actors file joins
//     those words with '_');
//   in verb patterns, as in TABARI, PatternToken::consecutive is set only for tokens joined by
//     "_" (or written against each other), so a blank lets words come in between.
//
// Codes are kept as written ("043:042", ":173", "102b"), except that the null code "---" is
// stored as "". A paired code "A:B" is TABARI's (manual 6.6.3): source->target gets A and
// target->source gets B; an empty half means no event that way.
//
// Dates in actor restrictions are YYYYMMDD or YYMMDD; as in KEDS, TABARI and PETRARCH, a
// two-digit year 00-30 is 20YY and 31-99 is 19YY. Bounds are inclusive.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "dict/source.h"

namespace dateline {

// Which kind of PETRARCH file a reader expects.
enum class PetrarchFile : uint8_t { kVerbs, kActors, kAgents, kDiscards, kIssues, kOntology };
const char* PetrarchFileName(PetrarchFile kind);  // "verbs", "actors", ...

// Tells the dictionary families apart by content; `name` (a file name) only breaks a tie
// between the two PETRARCH dialects. In this order:
//   1. Verb patterns ("- ...") but no "--- NAME [code] ---" block header: TABARI. Every
//      PETRARCH verbs file groups its verbs in such blocks.
//   2. PETRARCH-2 cues: a pattern with a "{...}" noun-phrase or "(...)" prepositional-phrase
//      slot (and no "|"); a synset member "+(...)"; a transformation "~ a (a b VERB) VERB = ...";
//      an ontology line "010:0x1000". They win unless PETRARCH-1 cues outnumber them
//      (PETRARCH-2's validation verbs keep one "+&NAME" member).
//   3. PETRARCH-1 cues: a synset member that is another synset ("+&NAME"); the verb marker "**".
//   4. TABARI cues outnumbering PETRARCH ones. TABARI: a disjunctive set "{ A | B }"; a phrase
//      line with a dated code or several codes ("NAME [ABCGOV 991201-010114] [---]");
//      <NOUN>, <ADJECTIVE>, <SYNSETS>, <TIME> sections; "~FINISH". PETRARCH: "--- NAME ---"
//      headers; tab-indented "[CODE ...]" date lines; agent plurals "{...}"; substitution sets
//      "!X! = ..."; "<ISSUE" categories.
//   5. No PETRARCH cue, ";" comments and neither "#" nor "<!--": TABARI.
//   6. A PETRARCH file with no dialect cue: PETRARCH-2 when the name says so ("2.0", "_2_0",
//      "2_0"), else PETRARCH-1 when it uses "<!-- -->" comments (as PETRARCH-1's validation
//      suite does), else PETRARCH-2 (the Phoenix files use "#").
// PETRARCH-1 and PETRARCH-2 actor, agent and discard files share one format (only the meaning
// of a blank inside an actor phrase differs), so for them the answer is a best guess; pass the
// dialect explicitly when it is known.
DictionaryDialect DetectDialect(std::string_view name, std::string_view bytes);

// --- What dict/source.h has no field for -----------------------------------------------------

// A verb block "--- STATE_VIEWS [010] ---". VerbRecord::block indexes
// PetrarchExtras::blocks when extras are given, and is otherwise one more than the largest
// block number already in the source (so pass extras for every verbs file read into one
// source, or for none). Patterns apply to every verb of the block; they are stored once, on the
// block's first verb. A verb's code is its own "[code]" when written, else the block's.
struct PetrarchVerbBlock {
  std::string name;        // "STATE_VIEWS", as written
  std::string code;        // the block's primary code; "" = null code
  bool has_code = false;   // a code was written in the header
  size_t first_verb = 0;   // index in DictionarySource::verbs of the verb that holds the patterns
  size_t verb_count = 0;
  SourcePlace where;
};

// A multi-word verb whose verb is not its first word ("LINE_+CALL": head 1), or whose forms
// were written as an empty "{}" (no forms are to be generated).
struct PetrarchVerbNote {
  size_t verb = 0;               // index in DictionarySource::verbs
  int head = 0;                  // index of the word marked '+' in VerbRecord::verb
  std::vector<int> form_heads;   // the same for each of VerbRecord::forms
  bool empty_forms = false;      // written "{}"
};

// A PETRARCH-2 synset member written as a slot, "+(TO THE END)": the words are in
// SynsetRecord::phrases[phrase], and they must form a prepositional (or noun) phrase.
struct PetrarchSynsetSlot {
  size_t synset = 0;  // index in DictionarySource::synsets
  size_t phrase = 0;
  PatternToken::Kind kind = PatternToken::kPrepPhrase;
};

// A PETRARCH-2 verb transformation "~ a (a b ATTACK) SAY = a b 015": when `a` SAYs an event
// in which `a` ATTACKs `b`, code a single event a->b 015. Each frame is (source, target, verb);
// a source or target is a variable ("a", "b"), "_" (anyone), "." (no one) or a nested frame.
struct PetrarchTransformFrame {
  std::string source, target;   // variable names; "" where the slot is a nested frame
  int source_frame = -1;        // index of the nested frame, or -1
  int target_frame = -1;
  std::string verb;             // "SAY": a verb (as written) of the verbs dictionary
};
struct PetrarchTransformation {
  std::vector<PetrarchTransformFrame> frames;  // frames[0] is the outermost
  std::string result_source, result_target;    // variables
  std::string result_code;                     // a code, or a variable ("Q") passing one on
  SourcePlace where;
};

// One line of the PETRARCH-2 internal coding ontology (PICO): a CAMEO code and its internal
// value. The value is a 16-bit code, hex digits from the top: verb category (1 Say, 2 Appeal,
// 3 Intend, 4 Demand, 5 Protest, 6 Threaten, 7 Disapprove, 8 Posture, 9 Coerce, A Investigate,
// B Consult), then 1 Reduce / 2 Yield, then the action (1 Meet .. B Mass violence), then the
// topic (1 Leadership .. F De-escalation). 0xFFFF added or subtracted marks the negated or
// opposite meaning (120 Reject = -0xFFFF; 121 = -0xFFFF+0x0070, "reject material
// cooperation"; 110 Disapprove = 0xFFFF+0x0080). See PicoParts.
struct PetrarchOntologyEntry {
  std::string cameo;       // "010"; "" for the null code "---"
  std::string expression;  // "-0xFFFF+0x2040+0x300", as written
  int64_t value = 0;       // the expression evaluated
  std::string comment;     // "Make Public Statement"
  SourcePlace where;
};

struct PicoParts {
  int negation = 0;    // -1: value = base - 0xFFFF; +1: value = base + 0xFFFF; 0: value = base
  uint32_t base = 0;   // 0 .. 0xFFFF
  int category = 0;    // base >> 12
  int reduce_yield = 0;
  int action = 0;
  int topic = 0;
};
// Splits an ontology value into its parts; nullopt when it is not base + k*0xFFFF, |k| <= 1.
std::optional<PicoParts> DecodePico(int64_t value);

// An issue category "<ISSUE CATEGORY="EDUCATION" TYPE="ALL">": issues [first, end) of
// DictionarySource::issues were read inside it.
struct PetrarchIssueCategory {
  std::string name;
  std::string type;  // "ALL", "COUNTEVENT"
  size_t first = 0, end = 0;
  SourcePlace where;
};

struct PetrarchExtras {
  std::vector<PetrarchVerbBlock> blocks;
  std::vector<PetrarchVerbNote> verb_notes;
  std::vector<PetrarchSynsetSlot> synset_slots;
  std::vector<PetrarchTransformation> transformations;
  std::vector<PetrarchOntologyEntry> ontology;
  std::vector<PetrarchIssueCategory> issue_categories;
};

// --- Readers -----------------------------------------------------------------------------------
// Each adds `name` to src->files, appends what it reads to `src` (and to `extras`, when given)
// and reports problems in src->problems. A TABARI or dateline dialect is refused with one
// problem: those files have their own readers. At most kMaxPetrarchProblems problems are
// recorded per file; a final problem says how many more there were.
inline constexpr size_t kMaxPetrarchProblems = 1000;

// Verbs: synsets "&NAME" with "+phrase" members, "--- NAME [code] ---" blocks of verbs
// ("DECLARE {DECLARED} [010]", "+SPELL_OUT {+SPELLED_OUT}", "LINE_+CALL") and patterns
// "- tokens [code]"; PETRARCH-2 transformations "~ ..." are kept in src->options as
// {command="TRANSFORM", key=left side, value=right side} and, parsed, in extras.
void ReadPetrarchVerbs(std::string name, std::string_view bytes, DictionaryDialect dialect,
                       DictionarySource* src, PetrarchExtras* extras = nullptr);
// Actors: "PHRASE [CODE]", "+SYNONYM", tab-indented "[CODE <date]", "[CODE >date]",
// "[CODE date-date]" and "[CODE]" lines (blanks allowed around '<', '>', '-'). Also read, as
// the Phoenix files write them: several "[...]" groups on one code line, a code on a synonym
// line ("+SYNONYM [CODE]"), a dated code on the phrase line (TABARI style), and a code line
// without its tab (reported). A record with a second undated code is reported (both kept).
void ReadPetrarchActors(std::string name, std::string_view bytes, DictionaryDialect dialect,
                        DictionarySource* src, PetrarchExtras* extras = nullptr);
// Agents: "PHRASE {PLURAL} [~CODE]" or "[CODE~]"; substitution sets "!PERSON! = MAN, MEN"
// are expanded (each expansion an agent with no_plural, as PETRARCH does).
void ReadPetrarchAgents(std::string name, std::string_view bytes, DictionaryDialect dialect,
                        DictionarySource* src, PetrarchExtras* extras = nullptr);
// Discards: "PHRASE" (the sentence) or "+PHRASE" (the whole story).
void ReadPetrarchDiscards(std::string name, std::string_view bytes, DictionaryDialect dialect,
                          DictionarySource* src, PetrarchExtras* extras = nullptr);
// Issues: "phrase [CODE]", "~phrase" and "~~phrase" (null_code; code "~" / "~~" as written),
// inside optional <ISSUE CATEGORY="X" TYPE="Y"> ... </ISSUE> blocks, where a phrase without a
// code takes the category as its code. The expansions are applied here: "n:word" gives the word
// and its plural, "v:word" the word and its -s, -ed, -ing forms (regular spelling rules:
// city/cities, box/boxes, agree/agreed, make/making; no consonant doubling), and "a+b" both
// "a b" and "a-b"; each combination is an IssueRecord.
void ReadPetrarchIssues(std::string name, std::string_view bytes, DictionaryDialect dialect,
                        DictionarySource* src, PetrarchExtras* extras = nullptr);
// The PETRARCH-2 internal coding ontology: "CAMEO:EXPRESSION#comment" lines, kept in
// src->options as {command="ONTOLOGY", key=CAMEO code as written, value=expression} and,
// evaluated, in extras->ontology.
void ReadPetrarchOntology(std::string name, std::string_view bytes, DictionaryDialect dialect,
                          DictionarySource* src, PetrarchExtras* extras = nullptr);

// Same, with the dialect found by DetectDialect(name, bytes).
void ReadPetrarch(PetrarchFile kind, std::string name, std::string_view bytes,
                  DictionarySource* src, PetrarchExtras* extras = nullptr);
// Same, in the dialect the caller already detected.
void ReadPetrarch(PetrarchFile kind, std::string name, std::string_view bytes, DictionaryDialect dialect,
                  DictionarySource* src, PetrarchExtras* extras = nullptr);

// Reads the file at `path` (at most kMaxPetrarchFileBytes) with the reader for `kind`, in
// `dialect` or, when none is given, the detected one. Returns kIoError when the file cannot be
// read, kLimitExceeded when it is too large and kInvalidArgument when it is in the TABARI or
// dateline dialect; problems inside the file do not make the status fail.
inline constexpr size_t kMaxPetrarchFileBytes = size_t{256} << 20;
Status LoadPetrarchFile(const std::filesystem::path& path, PetrarchFile kind,
                        DictionarySource* src, PetrarchExtras* extras = nullptr,
                        std::optional<DictionaryDialect> dialect = std::nullopt);

}  // namespace dateline
