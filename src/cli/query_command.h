// `dateline query`, `dateline stats` and `dateline export`: read-only commands over a database
// made by `dateline ingest` (store/query.h, store/export.h; docs/query.md).
//
//   // in main(), with the other subcommands:
//   QueryCommands query_commands = AddQuerySubcommands(app);
//   ...
//   if (int rc = RunQueryCommands(query_commands); rc >= 0) return rc;
//
// Exit status: 0 when the output was written, 1 when the database could not be read or the
// output written, 2 for unusable arguments.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace dateline {

struct QueryCommandOptions;

struct QueryCommands {
  CLI::App* query = nullptr;
  CLI::App* stats = nullptr;
  CLI::App* exporter = nullptr;
  std::shared_ptr<QueryCommandOptions> options;  // one per subcommand, filled by the parser
  std::shared_ptr<QueryCommandOptions> stats_options;
  std::shared_ptr<QueryCommandOptions> export_options;
};

QueryCommands AddQuerySubcommands(CLI::App& app);

// Runs the one of the three that was given: its exit status, or -1 when none was.
int RunQueryCommands(const QueryCommands& commands);

}  // namespace dateline
