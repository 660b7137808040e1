// What the commands that code share: the dictionary flags, loading what they name, and the
// version string written into every event.
//
//   DictionaryOptions d;
//   AddDictionaryOptions(subcommand, &d);
//   ...
//   std::unique_ptr<Dictionary> owned;
//   double seconds = 0;
//   const Dictionary* dict = LoadOrDefault(d, &owned, &seconds);   // nullptr: reported, exit 2
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "dict/dictionary.h"
#include "dict/load.h"

namespace dateline {

// "dateline 0.1.0 dict 3f9a2c1"
std::string VersionString(const Dictionary& dict);

// The dictionary flags every command that codes shares.
void AddDictionaryOptions(CLI::App* app, DictionaryOptions* d);

// Loads the dictionaries `d` names (the default ones when it names none), reporting every
// skipped entry on stderr; *seconds is the load time. nullptr (reported) when they cannot load.
const Dictionary* LoadOrDefault(const DictionaryOptions& d, std::unique_ptr<Dictionary>* owned, double* seconds);

}  // namespace dateline
