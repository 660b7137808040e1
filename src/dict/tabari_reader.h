// TABARI dictionaries read faithfully into DictionarySource (dict/source.h).
//
//   DictionarySource src;
//   ReadTabariActors("Levant.080629.actors", bytes, &src);
//   ReadTabariVerbs("CAMEO.080612.verbs", verb_bytes, &src);
//   for (const std::string& p : src.problems) std::cerr << p << "\n";  // "file:line: ..."
//
//   // or everything a .project file names, paths relative to the project's folder:
//   Status s = LoadTabariProject("reference/tabari/Validate.project", &src);
//
// The syntax is the TABARI 0.8.4 manual's (chapters 4-6 and 8). Each reader appends the file to
// `src->files` and its records to the matching vectors; it never throws and never stops at a bad
// entry: it appends "file:line: what was expected" to `src->problems`, skips that entry (with the
// lines that continue it: synonyms, date restrictions, patterns of a bad verb) and goes on.
//
// How TABARI's spelling conventions land in source.h:
//  * Phrases. "_" joins two words (the second must follow immediately, Word::consecutive) and makes
//    the word before it exact (no stem match): "FOREIGN_MINISTER_" -> {foreign exact}, {minister
//    exact, consecutive}. A blank separates words that need not be adjacent (consecutive = false;
//    the validation suite's "Al 'The Weasel' Gore" matches AL GORE but not AL_GORE). "WORD~ NEXT" and
//    "WORD~_NEXT" keep WORD a stem but make NEXT consecutive. A final "=" sets exact and no_endings.
//    The first word of a phrase keeps consecutive = true (it joins nothing).
//  * Hyphens are word separators, as the manual says ("Hyphens are replaced with underscores"):
//    "BARAD-DUR" -> {barad exact}, {dur consecutive}. The project's tokenizer keeps "barad-dur" as one
//    token, so a compiler that wants to match it must join consecutive hyphen-split words again.
//  * Words are lower-cased (ASCII) with curly apostrophes made straight; other characters ('.', '"',
//    "'s", non-ASCII letters) are kept as written.
//  * Codes are kept as written ("023?", "031!", "013:012", "ELR/GAL" compounds, "###" discard,
//    "+++" complex); the null code "---" (also "- - -") becomes "". Date restrictions "<YYMMDD"
//    (to, inclusive), ">YYMMDD" (from, inclusive) and "YYMMDD-YYMMDD" go to DatedCode::from/to; a
//    two-digit year 00-30 is 2000-2030, 31-99 is 1931-1999 (manual 6.5.2); eight digits are YYYYMMDD.
//    A day past the end of its month ("100631") is the month's last day: TABARI checks only 1-31,
//    and the production CountryInfo dictionary has thousands of them. A range that ends before it
//    begins is kept as written (it never applies, as in TABARI) and reported once per file.
//  * Agents: "[~GOV]" -> code "GOV", prefix = false; "[NGO~]" -> code "NGO", prefix = true. A final
//    "=" on the last word sets no_plural (the manual's regular endings include the plural).
//  * Patterns: "*" kVerb, "$" kSource, "+" kTarget, "%" kCompound, "^" kSkip, "&NAME" kSynset,
//    "{ A | B C }" one kWord token with `alternatives`. PatternToken::consecutive is set when "_"
//    (or "~") joins the token to the one before. "}_" makes the last word of each alternative exact,
//    as the manual's "{ WAS | IS }_HERE" == "{ WAS_HERE | IS_HERE }" says.
//  * Synset names are lower-cased and kept without '&'. Where a synset appears inside a word list (a
//    synset member, or an alternative of "{...}") it is a Word whose text starts with '&'
//    ("&currency"); the designated-actor tokens allowed in synset members are Words "$" and "+".
//  * ActorRecord::comment joins the comments of the entry's lines (head and indented codes) with "; ".
//
// Not representable in source.h, and how each is handled:
//  * <TIME> (time shifting) and <ATTRIB> (attribution) sections of a .verbs file: read with the verb
//    syntax into TabariVerbSections when one is passed, otherwise checked and dropped.
//  * The attribution token "@" in a pattern, and "$", "+", "%", "^", "*" inside a "{...}" set
//    (alternatives hold words only): reported and the pattern skipped.
//  * Issues (<issuesfile>) and frequency (<freqfile>) files: named in TabariProject, not read.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "dict/source.h"

namespace dateline {

// Sections of a TABARI .verbs file that source.h has no place for. Entries use the verb syntax; a
// time-shift code is a signed day count as written ("-7", "+30") or "###", "+++", "" (null).
struct TabariVerbSections {
  std::vector<VerbRecord> time_shifts;   // <TIME> ... </TIME>
  std::vector<VerbRecord> attributions;  // <ATTRIB> ... </ATTRIB>
};

// Each reads one file's bytes into `src`, recording src->AddFile(name) first; problems go to
// src->problems as "name:line: ...". REQUIRES: src != nullptr.
//
// .actors: "PHRASE [CODE] [CODE <YYMMDD] ...", "+SYNONYM" lines, indented "[CODE ...]" lines that
// continue the entry, <NOUN>...</NOUN> and <ADJECTIVE>...</ADJECTIVE> lists, ~FINISH.
void ReadTabariActors(std::string name, std::string_view bytes, DictionarySource* src);
// .agents: "PHRASE [~CODE]" or "PHRASE [CODE~]".
void ReadTabariAgents(std::string name, std::string_view bytes, DictionarySource* src);
// .verbs: <SYNSETS>, <TIME>, <ATTRIB> sections; "VERB [CODE]" roots, a "{FORM FORM}" line right
// after a root, "- PATTERN [CODE]" lines. Synsets a pattern names must be declared earlier (in this
// or an earlier verbs file of `src`).
void ReadTabariVerbs(std::string name, std::string_view bytes, DictionarySource* src,
                     TabariVerbSections* sections = nullptr);
// .options: one OptionRecord per setting, all sharing the line's `raw` and `where`:
//   SET: KEY = VALUE        -> {SET, "KEY", "VALUE"}  ("SET: CODE BY CLAUSE" -> {"CODE BY", "CLAUSE"})
//   LABEL: CODE=TEXT        -> {LABEL, "CODE", "TEXT"}
//   COMPLEX: VERBS[6] NOACTPRIOR -> {COMPLEX, "VERBS", "6"}, {COMPLEX, "NOACTPRIOR", ""}
//   COMMA: MIN=1 MAX=8 | OFF     -> {COMMA, "MIN", "1"}, ... | {COMMA, "OFF", ""}
//   OUTPUT: ID TEXT         -> {OUTPUT, "ID", ""}, {OUTPUT, "TEXT", ""}
//   DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER | OFF -> {DEFAULT, "SOURCE", "X"}, {.., "PRIOR", ""}, ...
//   FORWARD: ^^***NNN*SSS DOC OFF -> {FORWARD, "FORMAT", "^^***NNN*SSS"}, {.., "DOC", ""}, {.., "OFF", ""}
//   NONEVENTS: TRUE         -> {NONEVENTS, "", "TRUE"}
// Command names are matched on their first four letters ("DEFA:" is DEFAULT) and stored in full;
// keys are upper-cased; '#' and '//' start comments; a line of '~' ends the file.
void ReadTabariOptions(std::string name, std::string_view bytes, DictionarySource* src);

// What a .project file names (manual 4.1). Paths are resolved against the project's folder.
struct TabariProject {
  std::filesystem::path path;  // the .project file itself
  std::vector<std::filesystem::path> actor_files, agent_files, verb_files, text_files;
  std::filesystem::path options_file;  // empty when absent
  std::filesystem::path event_file, output_file, problem_file, error_file, issues_file, freq_file;
  std::string coder;
  std::vector<std::string> system_commands;  // <system> lines, in order (never run here)
  std::vector<std::string> doc_head, doc_tail;
  std::vector<std::string> problems;  // "project:line: ..." (unknown tags, empty names, ...)
};

// Reads a .project file. Fails only when the file cannot be read; unknown or malformed tags go to
// TabariProject::problems.
Result<TabariProject> ReadTabariProject(const std::filesystem::path& path);

// Reads the project and loads every dictionary it names into `src`: the options file, then the
// actors, agents and verbs files in the order listed. Project problems and problems inside the
// files go to src->problems. Returns an IoError naming the first file that could not be read (the
// others are still loaded), NotFound when the project itself cannot be read, otherwise Ok — a
// dictionary with problems still loads. `read`, when given, sees the bytes of every file read
// (for the dictionaries' content hash). REQUIRES: src != nullptr.
Status LoadTabariProject(const std::filesystem::path& path, DictionarySource* src,
                         TabariVerbSections* sections = nullptr,
                         const std::function<void(std::string_view)>& read = nullptr);

}  // namespace dateline
