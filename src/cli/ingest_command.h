// `dateline ingest [FILES...] --db PATH`: codes articles as `dateline code` does and stores them,
// with their events and quotes, in the event store (src/store), one transaction per batch.
// Running it again on the same input adds nothing; after a crash it adds what is missing.
//
//   // in main(), with the other subcommands:
//   IngestOptions ingest_options;
//   CLI::App* ingest = AddIngestSubcommand(app, &ingest_options);
//   AddDictionaryOptions(ingest, &ingest_options.dictionaries);
//   ...
//   if (*ingest) return RunIngestCommand(ingest_options);
//
// Progress goes to stderr: on a terminal one line rewritten in place (documents, events, rate,
// and the share of the input read with an ETA when the input's size is known), otherwise a
// plain line every 10 seconds. At the end the run summary, as `code` prints it, and the
// store's counts.
//
// Exit status: 0 when the run completed, 1 when an input file could not be read or the
// database failed, 2 for unusable arguments.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "dict/load.h"

namespace dateline {

struct IngestOptions {
  std::vector<std::string> files;
  std::string db;
  std::string date;
  std::string input_format = "auto";
  int threads = 1;
  size_t batch_documents = 1024;  // per thread: a transaction holds batch_documents * threads articles
  std::string rejects;
  bool one_sided = false;
  bool all_modes = false;
  std::string progress = "auto";  // auto (a line in place on a terminal, periodic lines otherwise), lines, none
  double progress_seconds = 10;   // between plain progress lines
  DictionaryOptions dictionaries;
};

CLI::App* AddIngestSubcommand(CLI::App& app, IngestOptions* options);

int RunIngestCommand(const IngestOptions& options);

}  // namespace dateline
