#include "cli/dict_command.h"

#include <CLI/CLI.hpp>

#include <array>
#include <iomanip>

#include "dict/lint.h"

namespace dateline {

namespace {

std::unique_ptr<Dictionary> Load(const DictionaryOptions& options, std::vector<std::string>* problems,
                                 std::ostream& err) {
  Result<LoadedDictionaries> loaded = LoadDictionaries(options);
  if (!loaded.ok()) {
    err << "dateline: " << loaded.status().message() << "\n";
    return nullptr;
  }
  *problems = std::move(loaded->problems);
  return std::move(loaded->dict);
}

void Row(std::ostream& out, const std::string& name, const DictionaryCounts& c) {
  out << std::setw(8) << c.actors() << std::setw(8) << c.actors_by_kind[int(ActorKind::kCountry)] << std::setw(8)
      << c.actors_by_kind[int(ActorKind::kAdjective)] << std::setw(8) << c.actors_by_kind[int(ActorKind::kCapital)]
      << std::setw(8) << c.actors_by_kind[int(ActorKind::kOrganisation)] << std::setw(8)
      << c.actors_by_kind[int(ActorKind::kPerson)] << std::setw(8) << c.actors_by_kind[int(ActorKind::kGroup)]
      << std::setw(8) << c.null_actors << std::setw(8) << c.dated_phrases << std::setw(8) << c.agents
      << std::setw(9) << c.verb_patterns << std::setw(9) << c.discards << std::setw(8) << c.issues << "  " << name
      << "\n";
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : " ") + x;
  return s.empty() ? "(none)" : s;
}

}  // namespace

DictCommand AddDictSubcommand(CLI::App& app) {
  DictCommand c;
  c.dict = app.add_subcommand("dict", "Check and count dictionaries");
  c.dict->require_subcommand(1);
  c.lint = c.dict->add_subcommand(
      "lint", "Report duplicate, conflicting, unreachable and unknown-code entries (exit 1 on an error)");
  c.stats = c.dict->add_subcommand("stats", "Count actors, agents, patterns and codes per loaded file");
  return c;
}

int RunDictLint(const DictionaryOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<std::string> problems;
  const std::unique_ptr<Dictionary> dict = Load(options, &problems, err);
  if (!dict) return 2;
  const std::vector<LintFinding> findings = LintDictionary(*dict, problems);
  std::array<size_t, kLintKinds> errors{}, warnings{};
  for (const LintFinding& f : findings) {
    out << FormatFinding(f) << "\n";
    (f.severity == LintSeverity::kError ? errors : warnings)[static_cast<size_t>(f.kind)]++;
  }
  size_t total_errors = 0, total_warnings = 0;
  for (int k = 0; k < kLintKinds; ++k) {
    out << "  " << std::left << std::setw(14) << LintKindName(static_cast<LintKind>(k)) << std::right
        << std::setw(7) << errors[k] << " errors" << std::setw(7) << warnings[k] << " warnings\n";
    total_errors += errors[k];
    total_warnings += warnings[k];
  }
  out << "lint: " << total_errors << " errors, " << total_warnings << " warnings in " << dict->files().size()
      << " files\n";
  return total_errors > 0 ? 1 : 0;
}

int RunDictStats(const DictionaryOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<std::string> problems;
  const std::unique_ptr<Dictionary> dict = Load(options, &problems, err);
  if (!dict) return 2;
  if (!problems.empty()) err << "dictionaries: " << problems.size() << " entries skipped (see dict lint)\n";
  const DictionaryStats s = CollectStats(*dict);
  out << "  actors country     adj capital     org  person   group    null   dated  agents patterns discards  "
         "issues  file\n";
  for (size_t f = 0; f < s.files.size(); ++f) Row(out, s.files[f], s.per_file[f]);
  Row(out, "total", s.total);
  out << "actor entries whose kind the dictionary does not say (kind from the code): " << s.total.actors_kind_unknown
      << "\n";
  out << "dated actor entries: " << s.total.dated_entries << " (on " << s.total.dated_phrases << " phrases)\n";
  out << "pattern sets: " << s.word_sets << " word sets, " << s.phrase_sets << " phrase sets (synsets, {A | B})\n";
  out << "event codes: " << s.event_codes.size() << " distinct\n";
  out << "CAMEO roots covered: " << s.roots_covered.size() << "/" << s.roots_covered.size() + s.roots_missing.size()
      << "; with no pattern: " << Join(s.roots_missing) << "\n";
  return 0;
}

}  // namespace dateline
