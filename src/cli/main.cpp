// dateline: news articles in, CAMEO event records out.
//
//   dateline code [OPTIONS] [FILES...]     code articles (files, directories, "-" for stdin)
//   dateline ingest [FILES...] --db PATH   code articles and store them in an event database
//   dateline query --db PATH [FILTERS]     select stored events (table, jsonl, csv, tsv)
//   dateline stats --db PATH --by day|week|month [--per ...]   events and mean Goldstein per period
//   dateline export --db PATH --format gdelt|csv|plover          the events in other tools' layouts
//   dateline dict lint|stats [DICTIONARIES] check or count the dictionaries a run would load
//   dateline devset FILE                   score the coder on a development set (P/R/F1 per root)
//   dateline explain "SENTENCE"            show how a sentence is coded, step by step
//   dateline version                       print the version and the dictionary hash
//
// Exit status: 0 when the run completed (bad records are reported and skipped), 2 when the
// arguments are unusable, 1 when an input file could not be read.
#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "cli/dictionary_options.h"
#include "cli/explain_command.h"
#include "cli/ingest_command.h"
#include "cli/query_command.h"
#include "cli/dict_command.h"
#include "cli/devset_command.h"
#include "cli/validate_command.h"
#include "dict/dictionary.h"
#include "dict/load.h"
#include "input/input.h"
#include "output/output.h"
#include "pipeline/pipeline.h"

namespace {

using namespace dateline;

int RunCode(const std::vector<std::string>& files, const DictionaryOptions& dict_options, const std::string& date,
            const std::string& input_format, const std::string& format, int threads,
            const std::string& rejects_path, bool articles, bool quotes, bool one_sided, bool all_modes) {
  InputOptions in;
  if (!date.empty()) {
    in.date = Date::Parse(date);
    if (!in.date) {
      std::cerr << "dateline: --date expects YYYY-MM-DD, got '" << date << "'\n";
      return 2;
    }
  }
  std::optional<InputFormat> inf = ParseInputFormat(input_format);
  if (!inf) {
    std::cerr << "dateline: --input-format expects auto, text, jsonl or petrarch-xml, got '" << input_format << "'\n";
    return 2;
  }
  in.format = *inf;
  std::optional<OutputFormat> outf = ParseOutputFormat(format);
  if (!outf) {
    std::cerr << "dateline: --format expects jsonl, tsv or csv, got '" << format << "'\n";
    return 2;
  }
  if (threads < 1 || threads > 256) {
    std::cerr << "dateline: --threads expects 1 to 256, got " << threads << "\n";
    return 2;
  }
  std::ofstream rejects;
  if (!rejects_path.empty()) {
    rejects.open(rejects_path, std::ios::binary);
    if (!rejects) {
      std::cerr << "dateline: cannot write --rejects file '" << rejects_path << "'\n";
      return 2;
    }
  }

  // The run's rate counts the time spent on the documents, not on the load: after the load
  // with one thread; with several, from the end of the load back by the time the documents were
  // being prepared during it.
  std::chrono::steady_clock::time_point started;
  double load_seconds = 0;
  std::unique_ptr<Dictionary> owned;
  const Dictionary* loaded = nullptr;
  std::vector<std::string> paths = files.empty() ? std::vector<std::string>{"-"} : files;
  std::unique_ptr<ArticleSource> source;
  PreparedDocuments prepared;
  if (threads == 1) {
    loaded = LoadOrDefault(dict_options, &owned, &load_seconds);
    if (!loaded) return 2;
    started = std::chrono::steady_clock::now();
    source = std::make_unique<ArticleSource>(paths, in, std::cerr, rejects_path.empty() ? nullptr : &rejects);
  } else {
    // With several threads, the dictionaries load on one while this one reads the first
    // articles and runs the stages that need no dictionary (at most kPrepared documents, so
    // memory stays bounded however long the load takes).
    constexpr size_t kPrepared = 16384;
    std::atomic<bool> done{false};
    std::thread loader([&] {
      loaded = LoadOrDefault(dict_options, &owned, &load_seconds);
      done.store(true, std::memory_order_release);
    });
    const auto prepare_begin = std::chrono::steady_clock::now();
    source = std::make_unique<ArticleSource>(paths, in, std::cerr, rejects_path.empty() ? nullptr : &rejects);
    const TextStages text;
    while (!done.load(std::memory_order_acquire) && prepared.docs.size() < kPrepared) {
      std::optional<Document> doc = source->Next();
      if (!doc) break;
      prepared.input_diagnostics.push_back(doc->diagnostics.size());
      prepared.text_ok.push_back(text.Process(*doc));
      prepared.docs.push_back(std::move(*doc));
    }
    const auto prepare_end = std::chrono::steady_clock::now();
    loader.join();
    if (!loaded) return 2;
    started = std::chrono::steady_clock::now() - (prepare_end - prepare_begin);
  }
  const Dictionary& dict = *loaded;

  std::ios::sync_with_stdio(false);
  OutputOptions out;
  out.format = *outf;
  out.articles = articles;
  out.quotes = quotes;
  out.version = VersionString(dict);
  RecordWriter writer(std::cout, out);

  CoderOptions coder;
  coder.one_sided = one_sided;
  coder.all_modes = all_modes;
  Pipeline pipeline(dict, coder);

  RunOptions run;
  run.threads = threads;
  run.prepared = &prepared;
  run.started = started;
  RunSummary summary = RunPipeline(*source, pipeline, writer, run, std::cerr);
  std::cout.flush();
  std::cerr << "dictionaries: loaded in " << std::fixed << std::setprecision(3) << load_seconds << " s\n";
  PrintSummary(std::cerr, summary);
  if (!std::cout) {
    std::cerr << "dateline: error writing the output\n";
    return 1;
  }
  // The process ends here: the loaded dictionaries (tens of MB in a million small blocks) are
  // left to the operating system, which frees them at once, rather than freed block by block.
  (void)owned.release();
  return summary.unusable_files > 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dateline: news articles in, CAMEO event records out"};
  app.require_subcommand(1);

  std::vector<std::string> files;
  std::string date, input_format = "auto", format = "jsonl", rejects;
  int threads = 1;
  bool articles = false, quotes = false, one_sided = false, all_modes = false;
  CLI::App* code = app.add_subcommand("code", "Code articles into event records (JSON Lines on stdout)");
  code->add_option("files", files, "Files, directories, or - for standard input (the default)");
  code->add_option("--date", date, "Publication date of plain-text articles (YYYY-MM-DD)");
  code->add_option("--input-format", input_format, "auto, text, jsonl or petrarch-xml")->capture_default_str();
  code->add_option("--format", format, "jsonl, tsv or csv")->capture_default_str();
  code->add_option("--threads", threads, "Code articles on N threads; output stays in input order")
      ->capture_default_str();
  code->add_option("--rejects", rejects, "Write malformed input lines to this file");
  code->add_flag("--articles", articles, "Also write an article record per document");
  code->add_flag("--quotes", quotes, "Also write a quote record per direct quotation (JSON Lines)");
  code->add_flag("--one-sided", one_sided, "Also write events with one side empty");
  code->add_flag("--all-modes", all_modes, "Also write negated and hypothetical events");
  DictionaryOptions dict_options;
  AddDictionaryOptions(code, &dict_options);

  std::string suite_path;
  ValidateOptions validate_options;
  CLI::App* validate = AddValidateSubcommand(app, &suite_path, &validate_options);
  AddDictionaryOptions(validate, &validate_options.dictionaries);

  DictCommand dict_command = AddDictSubcommand(app);
  AddDictionaryOptions(dict_command.lint, &dict_command.dictionaries);
  AddDictionaryOptions(dict_command.stats, &dict_command.dictionaries);
  std::string devset_path;
  DevsetOptions devset_options;
  CLI::App* devset = AddDevsetSubcommand(app, &devset_path, &devset_options);
  AddDictionaryOptions(devset, &devset_options.dictionaries);

  IngestOptions ingest_options;
  CLI::App* ingest = AddIngestSubcommand(app, &ingest_options);
  AddDictionaryOptions(ingest, &ingest_options.dictionaries);

  QueryCommands query_commands = AddQuerySubcommands(app);

  CLI::App* version = app.add_subcommand("version", "Print the version and the dictionary hash");

  std::string explain_text, explain_date;
  bool explain_all_modes = false;
  CLI::App* explain = app.add_subcommand(
      "explain", "Show how a sentence is coded: tokens, clauses, actors, patterns tried, events");
  explain->add_option("text", explain_text, "The sentence or text to explain (- for standard input)")->required();
  explain->add_option("--date", explain_date, "Publication date (YYYY-MM-DD)");
  explain->add_flag("--all-modes", explain_all_modes, "Also write negated and hypothetical events");
  DictionaryOptions explain_dicts;
  AddDictionaryOptions(explain, &explain_dicts);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  if (*code)
    return RunCode(files, dict_options, date, input_format, format, threads, rejects, articles, quotes, one_sided, all_modes);
  if (*ingest) return RunIngestCommand(ingest_options);
  if (int rc = RunQueryCommands(query_commands); rc >= 0) return rc;
  if (*validate) return RunValidateCommand(suite_path, validate_options);
  if (*explain) {
    std::optional<Date> d;
    if (!explain_date.empty()) {
      d = Date::Parse(explain_date);
      if (!d) {
        std::cerr << "dateline: --date: expected YYYY-MM-DD, found '" << explain_date << "'\n";
        return 2;
      }
    }
    if (explain_text == "-") {
      std::ostringstream all;
      all << std::cin.rdbuf();
      explain_text = all.str();
    }
    double load_seconds = 0;
    std::unique_ptr<Dictionary> owned;
    const Dictionary* dict = LoadOrDefault(explain_dicts, &owned, &load_seconds);
    if (!dict) return 2;
    CoderOptions coder;
    coder.all_modes = explain_all_modes;
    const Pipeline pipeline(*dict, coder);
    return ExplainText(pipeline, explain_text, d, std::cout);
  }
  if (*dict_command.lint) return RunDictLint(dict_command.dictionaries);
  if (*dict_command.stats) return RunDictStats(dict_command.dictionaries);
  if (*devset) return RunDevsetCommand(devset_path, devset_options);
  if (*version) {
    std::cout << VersionString(DefaultDictionary()) << "\n";
    return 0;
  }
  return 2;
}
