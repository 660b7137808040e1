// Lint and statistics for loaded dictionaries: what a run would code with, checked for entries
// that are wrong or can never be used, each finding naming its file:line.
//
//   Result<LoadedDictionaries> d = LoadDictionaries(options);          // dict/load.h
//   std::vector<LintFinding> findings = LintDictionary(*d->dict, d->problems);
//   for (const LintFinding& f : findings) std::cout << FormatFinding(f) << "\n";
//   bool clean = CountErrors(findings) == 0;
//
//   DictionaryStats s = CollectStats(*d->dict);   // counts per loaded file and in total
//
// What is checked (LintKind):
//   kDuplicate   the same phrase with the same code and date range twice; the same verb pattern
//                with the same code twice (warning: harmless, but one line is dead weight).
//   kConflict    the same phrase with two different undated codes: the coder always takes the
//                first, so the second is never used (error).
//   kOverlap     the same phrase with two different dated codes whose ranges share a day: on
//                that day the first wins (error); with the same code, ranges that overlap but
//                differ are redundant (warning).
//   kUnreachable a verb pattern identical to one tried before it (same head, same elements)
//                with another code: it can never fire (error).
//   kUnknownCode an event code not in the CAMEO table (dict/cameo.h), or an actor code whose
//                first three letters are neither a country (ISO 3166 alpha-3, current or former,
//                and CAMEO's own KSV, TMP, USR ...) nor a CAMEO region, international prefix
//                (IGO, NGO, MNC, IMG, ...) or a role/religion code (those CAMEO defines and
//                every agent code loaded) (error).
//   kSkipped     an entry a reader or the compiler skipped (LoadedDictionaries::problems) (error).
// Phrases are compared as the coder matches them (words, match modes, capitals), so "UN" and
// "Un" are different phrases. Entries of one source line are never compared with each other
// (a TABARI verb's irregular forms repeat its patterns under the same lemma).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dict/dictionary.h"

namespace dateline {

enum class LintSeverity : uint8_t { kWarning, kError };
enum class LintKind : uint8_t { kDuplicate, kConflict, kOverlap, kUnreachable, kUnknownCode, kSkipped };
inline constexpr int kLintKinds = 6;

const char* LintKindName(LintKind kind);          // "duplicate", "unknown-code", ...
const char* LintSeverityName(LintSeverity s);     // "warning", "error"

struct LintFinding {
  LintSeverity severity = LintSeverity::kWarning;
  std::string where;  // "data/dict/people.dl:12"; "" when the place is unknown
  LintKind kind = LintKind::kDuplicate;
  std::string message;
};

// Checks `dict`; `problems` are the loader's "file:line: ..." messages (LoadedDictionaries::
// problems), reported as kSkipped. Findings come sorted by kind, then in dictionary order.
[[nodiscard]] std::vector<LintFinding> LintDictionary(const Dictionary& dict, const std::vector<std::string>& problems);

// "data/dict/people.dl:12: error: overlap: ..."
std::string FormatFinding(const LintFinding& f);
size_t CountErrors(const std::vector<LintFinding>& findings);

// Whether `code` (an actor code such as "CHNGOV", "IGOUNO") begins with a known country,
// region, international prefix or role/religion code; `roles` adds role codes (3 letters each).
bool KnownActorPrefix(std::string_view code, const std::vector<std::string>& roles = {});

struct DictionaryCounts {
  size_t actors_by_kind[6] = {};  // indexed by ActorKind
  size_t actors_kind_unknown = 0; // entries from families that do not say (TABARI, PETRARCH)
  size_t null_actors = 0;         // null-coded phrases ("---"): they name nothing
  size_t agents = 0;
  size_t dated_entries = 0;       // actor entries with a from or to date
  size_t dated_phrases = 0;       // phrases (people, offices) with at least one dated entry
  size_t verb_patterns = 0;
  size_t discards = 0;            // sentence and story discard phrases
  size_t issues = 0;
  size_t actors() const;
};

struct DictionaryStats {
  std::vector<std::string> files;         // Dictionary::files()
  std::vector<DictionaryCounts> per_file; // parallel to files
  DictionaryCounts total;
  size_t word_sets = 0, phrase_sets = 0;  // pattern sets ({A | B}, synsets) after expansion
  std::vector<std::string> event_codes;   // distinct event codes of the patterns, sorted
  std::vector<std::string> roots_covered; // CAMEO roots (01..20) with a pattern
  std::vector<std::string> roots_missing; // CAMEO roots with none
};

[[nodiscard]] DictionaryStats CollectStats(const Dictionary& dict);

}  // namespace dateline
