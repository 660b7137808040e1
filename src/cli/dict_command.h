// `dateline dict lint` and `dateline dict stats`: check and count the dictionaries a run would
// load (the embedded defaults unless --no-default-dictionaries, plus the files named with the
// same flags `code` takes).
//
//   // in main(), with the other subcommands:
//   DictCommand dict_command = AddDictSubcommand(app);
//   AddDictionaryOptions(dict_command.lint, &dict_command.dictionaries);
//   AddDictionaryOptions(dict_command.stats, &dict_command.dictionaries);
//   ...
//   if (*dict_command.lint) return RunDictLint(dict_command.dictionaries);
//
// `lint` prints one line per finding (dict/lint.h: "file:line: error: kind: message"), then a
// count per kind and a last line "lint: E errors, W warnings". Exit status: 0 when no finding is
// an error, 1 when one is, 2 when a dictionary file cannot be read.
// `stats` prints counts per loaded file and in total (dict/lint.h CollectStats); exit status 0,
// or 2 when a file cannot be read.
#pragma once

#include <iostream>
#include <ostream>

#include "dict/load.h"

namespace CLI {
class App;
}

namespace dateline {

struct DictCommand {
  CLI::App* dict = nullptr;
  CLI::App* lint = nullptr;
  CLI::App* stats = nullptr;
  DictionaryOptions dictionaries;
};

// Registers `dict` with its subcommands `lint` and `stats` on `app` (without the dictionary
// flags, which the caller adds to each so that they match `code`'s).
DictCommand AddDictSubcommand(CLI::App& app);

int RunDictLint(const DictionaryOptions& options, std::ostream& out = std::cout, std::ostream& err = std::cerr);
int RunDictStats(const DictionaryOptions& options, std::ostream& out = std::cout, std::ostream& err = std::cerr);

}  // namespace dateline
