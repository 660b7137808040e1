// `dateline validate`: see validate_command.h.
#include "cli/validate_command.h"

#include <memory>

#include "dict/load.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <iomanip>

#include "code/coder.h"
#include "dict/dictionary.h"
#include "input/input.h"
#include "pipeline/pipeline.h"
#include "validate/validate.h"

namespace dateline {

namespace {

// TABARI's "FORWARD: ^^***NNN*SSS": where a record id holds its story number (N) and its
// sentence number within the story (S). '^' stands for blanks before the id, '*' for any
// character.
struct StorySequence {
  std::string format;  // without the leading '^'s; empty: forwarding is off
  // The story and sentence numbers of `id`, or false when the id does not fit the format.
  bool Read(const std::string& id, std::string* story, long* sentence) const {
    if (format.empty() || id.size() < format.size()) return false;
    std::string digits;
    story->clear();
    for (size_t k = 0; k < format.size(); ++k) {
      if (format[k] == 'N') *story += id[k];
      else if (format[k] == 'S') digits += id[k];
    }
    if (digits.empty() || story->empty()) return false;
    for (char c : digits)
      if (c < '0' || c > '9') return false;
    *sentence = std::stol(digits);
    return true;
  }
};

// Applies a "FORWARD: FORMAT [DOC] [OFF]" option; returns false for any other option.
bool ApplyForwardOption(const std::string& option, StorySequence* sequence) {
  if (option.rfind("FORWARD:", 0) != 0) return false;
  std::string format;
  bool off = false;
  size_t k = 8;
  while (k < option.size()) {
    while (k < option.size() && option[k] == ' ') ++k;
    size_t end = option.find(' ', k);
    if (end == std::string::npos) end = option.size();
    const std::string word = option.substr(k, end - k);
    if (word == "OFF") off = true;
    else if (format.empty() && word != "DOC") format = word;
    k = end;
  }
  size_t start = format.find_first_not_of('^');
  sequence->format = off || start == std::string::npos ? "" : format.substr(start);
  return true;
}

}  // namespace

DictionaryOptions DictionaryOptionsForSuite(const Suite& suite) {
  DictionaryOptions d;
  d.no_defaults = !suite.dictionary_files.empty();  // a suite that names none is coded with the defaults
  for (const DictionaryFile& f : suite.dictionary_files) {
    const std::string path = f.path.string();
    if (f.role == "actors") d.actors.push_back(path);
    else if (f.role == "verbs") d.verbs = path;
    else if (f.role == "agents") d.agents = path;
    else if (f.role == "discards") d.discards = path;
    else if (f.role == "issues") d.issues = path;
    else if (f.role == "options") d.options = path;
    else if (f.role == "ontology") d.ontology = path;
  }
  return d;
}

int RunValidateCommand(const std::string& suite_path, const ValidateOptions& options, std::ostream& out,
                       std::ostream& err) {
  Result<Suite> suite = LoadSuite(suite_path);
  if (!suite.ok()) {
    err << "dateline: " << suite.status().message() << "\n";
    return 1;
  }
  SkipList skips;
  if (!options.skip_file.empty()) {
    Result<SkipList> loaded = LoadSkipFile(options.skip_file);
    if (!loaded.ok()) {
      err << "dateline: " << loaded.status().message() << "\n";
      return 2;
    }
    skips = loaded.take();
  }
  if (!options.category.empty() &&
      std::none_of(suite->records.begin(), suite->records.end(),
                   [&](const ValidationRecord& r) { return r.category == options.category; })) {
    std::vector<std::string> categories;
    for (const ValidationRecord& r : suite->records)
      if (std::find(categories.begin(), categories.end(), r.category) == categories.end())
        categories.push_back(r.category);
    err << "dateline: --category: no record of category '" << options.category << "' in " << suite_path
        << "; categories:";
    for (const std::string& c : categories) err << " " << c;
    err << "\n";
    return 2;
  }

  // The suite's own dictionaries, unless the command line names others.
  DictionaryOptions dict_options = options.dictionaries;
  const bool custom = !dict_options.project.empty() || !dict_options.actors.empty() || !dict_options.verbs.empty() ||
                      !dict_options.agents.empty();
  if (!custom) dict_options = DictionaryOptionsForSuite(*suite);
  std::unique_ptr<Dictionary> owned;
  const Dictionary* dict_ptr = &DefaultDictionary();
  double load_seconds = 0;
  size_t skipped_entries = 0;
  if (dict_options.no_defaults || custom) {
    Result<LoadedDictionaries> loaded = LoadDictionaries(dict_options);
    if (!loaded.ok()) {
      err << "dateline: " << loaded.status().message() << "\n";
      return 1;
    }
    for (const std::string& p : loaded->problems) err << p << "\n";
    skipped_entries = loaded->problems.size();
    load_seconds = loaded->seconds;
    owned = std::move(loaded->dict);
    dict_ptr = owned.get();
  }
  const Dictionary& dict = *dict_ptr;
  // TABARI codes an act whatever its modality ("might affirm", "did not attack" unless a
  // pattern says otherwise), and its suite's records expect that: its events are all written.
  CoderOptions base_options;
  base_options.all_modes = suite->kind == SuiteKind::kTabari;
  const Pipeline pipeline(dict, base_options);
  out << "suite: " << suite_path << " (" << SuiteKindName(suite->kind) << "), " << suite->CountedRecords()
      << " counted records, " << suite->CountedEvents() << " expected events\n";
  if (!suite->dictionary_files.empty()) {
    out << "dictionaries named by the suite:";
    for (const DictionaryFile& f : suite->dictionary_files) out << " " << f.role << "=" << f.path.filename().string();
    out << "\n";
  }
  out << "coded with: " << (owned ? "the dictionaries above" : "the default dictionaries") << " (dict " << dict.hash()
      << "; loaded in " << std::fixed << std::setprecision(3) << load_seconds << " s, " << skipped_entries
      << " entries skipped)\n\n";

  const auto start = std::chrono::steady_clock::now();
  SuiteRunOptions run;
  run.skips = options.skip_file.empty() ? nullptr : &skips;
  run.category = options.category;
  // Options the suite sets (TABARI OPTION records, PETRARCH <Config>) hold from their record on.
  CoderOptions coder_options = base_options;
  StorySequence sequence;
  std::unique_ptr<Pipeline> configured;
  SuiteResult result = RunSuite(*suite, [&](const ValidationRecord& record) {
    bool changed = false;
    // TABARI's OPTION records and PETRARCH-1's <Config> hold until changed (PETRARCH-1's
    // records flip require_dyad for one record and set it back in a later one); the
    // PETRARCH-2 records were made with each <Config> applying to its own record.
    if (suite->kind == SuiteKind::kPetrarch2 && configured) {
      coder_options = base_options;
      configured.reset();
    }
    for (const std::string& option : record.options_before) {
      if (ApplyForwardOption(option, &sequence)) continue;
      changed = ApplyCoderOption(option, &coder_options) || changed;
    }
    if (changed) configured = std::make_unique<Pipeline>(dict, coder_options);
    const Pipeline& active = configured ? *configured : pipeline;
    // With FORWARD, a record that continues a story (same story number, next sentence number)
    // is coded after the story's earlier records, so that its pronouns can refer to them; only
    // its own sentences' events count.
    std::string text;
    size_t own_start = 0;
    {
      std::string story, prev_story;
      long sentence = 0, prev_sentence = 0;
      std::vector<const ValidationRecord*> earlier;
      if (sequence.Read(record.id, &story, &sentence)) {
        for (size_t k = static_cast<size_t>(record.position) - 1; k-- > 0;) {
          const ValidationRecord& prev = suite->records[k];
          if (!sequence.Read(prev.id, &prev_story, &prev_sentence) || prev_story != story ||
              prev_sentence != sentence - 1)
            break;
          earlier.push_back(&prev);
          sentence = prev_sentence;
        }
      }
      for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) text += (*it)->text + "\n\n";
      own_start = text.size();
      text += record.text;
    }
    Document doc = DecodeArticle(record.id, text);
    doc.publication_date = record.date;
    doc.origin = record.id;
    active.Process(doc);
    CodedRecord coded;
    for (const Event& e : doc.events)
      if (doc.sentences[e.sentence].span.begin >= own_start) coded.events.push_back({e.source.code, e.target.code, e.code});
    coded.discarded = doc.discarded;
    for (const Sentence& st : doc.sentences)
      if (st.span.begin >= own_start) coded.discarded = coded.discarded || st.discarded;
    return coded;
  }, run);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  err << "validate: coded " << result.evaluated + result.skipped << " records in " << std::fixed
      << std::setprecision(3) << seconds << " s\n";
  PrintReport(out, result, ReportOptions{options.verbose});
  return 0;
}

CLI::App* AddValidateSubcommand(CLI::App& app, std::string* suite_path, ValidateOptions* options) {
  CLI::App* validate =
      app.add_subcommand("validate", "Code a TABARI or PETRARCH validation suite and report its pass rate");
  validate->add_option("suite", *suite_path, "Validation file: TABARI .text or PETRARCH XML records")->required();
  validate->add_option("--skip", options->skip_file,
                       "Records judged mis-specified, one per line: SUITE-FILE-NAME ID POSITION reason");
  validate->add_flag("--verbose", options->verbose, "Also list matching and not-counted records");
  validate->add_option("--category", options->category, "Evaluate only the records of this category");
  return validate;
}

}  // namespace dateline
