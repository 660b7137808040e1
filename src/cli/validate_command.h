// `dateline validate SUITE`: codes a TABARI or PETRARCH validation suite with the pipeline and
// prints the report (validate/validate.h), whose last line is "validation: N/M records pass (P%)".
//
//   // in main(), with the other subcommands:
//   std::string suite_path;
//   ValidateOptions validate_options;
//   CLI::App* validate = AddValidateSubcommand(app, &suite_path, &validate_options);
//   ...
//   if (*validate) return RunValidateCommand(suite_path, validate_options);
//
// Each record is coded as one Document (id = the record's id, publication date = the record's
// date, text = its sentence) by a Pipeline over the suite's dictionaries, with the options the
// suite sets (TABARI OPTION records hold until changed, as do PETRARCH-1 <Config>s; a PETRARCH-2
// <Config> is its record's own). With TABARI's FORWARD a record that continues a story is coded
// after the story's earlier records; TABARI suites write events of every mode.
//
// Exit status: 0 when the report was written (whatever the pass rate), 1 when the suite cannot be
// read, 2 for unusable options (an unreadable skip file, a category no record has).
#pragma once

#include <iostream>
#include <ostream>
#include <string>

#include "dict/load.h"

namespace CLI {
class App;
}

namespace dateline {

class Dictionary;
struct Suite;

struct ValidateOptions {
  DictionaryOptions dictionaries;  // --verbs, --actors ...: instead of the suite's own
  std::string skip_file;  // --skip FILE: records judged mis-specified (see validate.h)
  bool verbose = false;   // --verbose: also list matching and not-counted records
  std::string category;   // --category C: only records of category C
};

// The dictionaries a suite names (Suite::dictionary_files: the .project's for TABARI, the
// <Environment>'s for PETRARCH), and only those; the default dictionaries when it names none.
DictionaryOptions DictionaryOptionsForSuite(const Suite& suite);

int RunValidateCommand(const std::string& suite_path, const ValidateOptions& options, std::ostream& out = std::cout,
                       std::ostream& err = std::cerr);

// Registers the `validate` subcommand (positional SUITE, --skip, --verbose, --category) on `app`,
// writing into *suite_path and *options. Returns it: `if (*validate)` after parsing.
CLI::App* AddValidateSubcommand(CLI::App& app, std::string* suite_path, ValidateOptions* options);

}  // namespace dateline
