#include "cli/ingest_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/dictionary_options.h"
#include "input/input.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace dateline {

namespace {

// The bytes the inputs hold, or 0 when unknown (standard input, unreadable paths).
uint64_t InputBytes(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  for (const std::string& p : paths) {
    if (p == "-") return 0;
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec) return 0;
    if (fs::is_regular_file(st)) {
      total += fs::file_size(p, ec);
    } else if (fs::is_directory(st)) {
      for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    }
  }
  return total;
}

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

// Prints progress after committed batches: in place on a terminal, else a line every `every` seconds.
class Progress {
 public:
  Progress(bool in_place, double every, uint64_t total_bytes)
      : in_place_(in_place), every_(every), total_bytes_(total_bytes), start_(Clock::now()), last_(start_) {}

  void Update(const InputCounters& in, const StoreCounters& store) {
    const auto now = Clock::now();
    if (std::chrono::duration<double>(now - last_).count() < (in_place_ ? 0.25 : every_)) return;
    last_ = now;
    Print(in, store, false);
  }

  void Finish(const InputCounters& in, const StoreCounters& store) {
    if (in_place_ && printed_) Print(in, store, true);
  }

 private:
  using Clock = std::chrono::steady_clock;

  void Print(const InputCounters& in, const StoreCounters& store, bool last) {
    const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
    std::ostringstream line;
    line << "ingest: " << in.documents << " documents, " << store.articles_added << " stored, "
         << store.events_added << " events, " << std::fixed << std::setprecision(0)
         << (elapsed > 0 ? static_cast<double>(in.documents) / elapsed : 0.0) << " documents/s";
    if (total_bytes_ > 0 && in.bytes_read > 0) {
      const double done = std::min(1.0, static_cast<double>(in.bytes_read) / static_cast<double>(total_bytes_));
      line << ", " << std::setprecision(0) << done * 100 << "%";
      if (!last && done > 0.01) line << ", ETA " << Duration(elapsed * (1 - done) / done);
    }
    line << ", " << Duration(elapsed) << " elapsed";
    if (in_place_)
      std::cerr << "\r" << line.str() << "\x1b[K" << (last ? "\n" : "") << std::flush;
    else
      std::cerr << line.str() << "\n";
    printed_ = true;
  }

  bool in_place_;
  double every_;
  uint64_t total_bytes_;
  Clock::time_point start_, last_;
  bool printed_ = false;
};

}  // namespace

CLI::App* AddIngestSubcommand(CLI::App& app, IngestOptions* o) {
  CLI::App* ingest = app.add_subcommand("ingest", "Code articles and store them in an event database");
  ingest->add_option("files", o->files, "Files, directories, or - for standard input (the default)");
  ingest->add_option("--db", o->db, "The database (a SQLite file, created on first use)")->required();
  ingest->add_option("--date", o->date, "Publication date of plain-text articles (YYYY-MM-DD)");
  ingest->add_option("--input-format", o->input_format, "auto, text, jsonl or petrarch-xml")->capture_default_str();
  ingest->add_option("--threads", o->threads, "Code articles on N threads; stored in input order")
      ->capture_default_str();
  ingest->add_option("--batch", o->batch_documents, "Articles per thread in each transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 1 << 20));
  ingest->add_option("--rejects", o->rejects, "Write malformed input lines to this file");
  ingest->add_flag("--one-sided", o->one_sided, "Also store events with one side empty");
  ingest->add_flag("--all-modes", o->all_modes, "Also store negated and hypothetical events");
  ingest->add_option("--progress", o->progress, "auto, lines or none")->capture_default_str();
  ingest->add_option("--progress-seconds", o->progress_seconds, "Seconds between plain progress lines")
      ->capture_default_str();
  return ingest;
}

int RunIngestCommand(const IngestOptions& o) {
  InputOptions in;
  if (!o.date.empty()) {
    in.date = Date::Parse(o.date);
    if (!in.date) {
      std::cerr << "dateline: --date expects YYYY-MM-DD, got '" << o.date << "'\n";
      return 2;
    }
  }
  std::optional<InputFormat> inf = ParseInputFormat(o.input_format);
  if (!inf) {
    std::cerr << "dateline: --input-format expects auto, text, jsonl or petrarch-xml, got '" << o.input_format << "'\n";
    return 2;
  }
  in.format = *inf;
  if (o.threads < 1 || o.threads > 256) {
    std::cerr << "dateline: --threads expects 1 to 256, got " << o.threads << "\n";
    return 2;
  }
  if (o.progress != "auto" && o.progress != "lines" && o.progress != "none") {
    std::cerr << "dateline: --progress expects auto, lines or none, got '" << o.progress << "'\n";
    return 2;
  }
  std::ofstream rejects;
  if (!o.rejects.empty()) {
    rejects.open(o.rejects, std::ios::binary);
    if (!rejects) {
      std::cerr << "dateline: cannot write --rejects file '" << o.rejects << "'\n";
      return 2;
    }
  }
  Result<std::unique_ptr<EventStore>> store = OpenStore(o.db);
  if (!store.ok()) {
    std::cerr << "dateline: " << store.status().message() << "\n";
    return 2;
  }

  double load_seconds = 0;
  std::unique_ptr<Dictionary> owned;
  const Dictionary* dict = LoadOrDefault(o.dictionaries, &owned, &load_seconds);
  if (!dict) return 2;

  const std::vector<std::string> paths = o.files.empty() ? std::vector<std::string>{"-"} : o.files;
  ArticleSource source(paths, in, std::cerr, o.rejects.empty() ? nullptr : &rejects);
  CoderOptions coder;
  coder.one_sided = o.one_sided;
  coder.all_modes = o.all_modes;
  const Pipeline pipeline(*dict, coder);

  StoreSink sink(**store, VersionString(*dict), std::cerr);
  std::unique_ptr<Progress> progress;
  if (o.progress != "none") {
    const bool in_place = o.progress == "auto" && isatty(STDERR_FILENO);
    progress = std::make_unique<Progress>(in_place, o.progress_seconds, InputBytes(paths));
    sink.set_after_batch([&] { progress->Update(source.counters(), sink.counters_so_far()); });
  }

  RunOptions run;
  run.threads = o.threads;
  run.batch_documents = o.batch_documents;
  RunSummary summary = RunPipeline(source, pipeline, sink, run, std::cerr);
  // The writer thread may fail on the last batch, after RunPipeline's last EndBatch, and the
  // store's deferred work (the full-text index of the last articles) may fail.
  if (const Status stored = sink.Finish(); summary.sink_error.empty() && !stored.ok())
    summary.sink_error = stored.message();
  const StoreCounters c = sink.counters();
  if (progress) progress->Finish(source.counters(), c);
  std::cerr << "dictionaries: loaded in " << std::fixed << std::setprecision(3) << load_seconds << " s\n";
  PrintSummary(std::cerr, summary);
  std::cerr << "store: " << o.db << " (schema version " << (*store)->schema_version() << "): articles added "
            << c.articles_added << ", already stored " << c.articles_present << ", same text as a stored article "
            << c.duplicate_texts << ", conflicts " << c.conflicts << ", events added " << c.events_added
            << ", quotes added " << c.quotes_added << "\n";
  if (!summary.sink_error.empty()) {
    std::cerr << "dateline: " << summary.sink_error << " (the batches committed before it are stored)\n";
    return 1;
  }
  (void)owned.release();  // freed by the operating system at exit, as in `code`
  return summary.unusable_files > 0 ? 1 : 0;
}

}  // namespace dateline
