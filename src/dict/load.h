// Loading the dictionaries a run asks for: the embedded defaults, plus files of any family
// named on the command line, each read by its family's reader and compiled into one Dictionary.
//
//   DictionaryOptions opts;
//   opts.project = "../shared/reference/tabari/Validate.project";
//   opts.no_defaults = true;
//   Result<LoadedDictionaries> d = LoadDictionaries(opts);
//   if (!d.ok()) { std::cerr << d.status().message(); return 2; }   // a file could not be read
//   for (const std::string& p : d->problems) std::cerr << p << "\n";  // bad entries, skipped
//
// The family of each file is found from its content (dict/petrarch_reader.h DetectDialect);
// files ending in .dl are the project's own format.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "dict/dictionary.h"

namespace dateline {

struct DictionaryOptions {
  std::vector<std::string> actors;  // repeatable
  std::string verbs, agents, discards, issues, options;
  std::string ontology;              // PETRARCH-2 internal coding ontology (negated codes)
  std::string project;               // a TABARI .project naming the others
  bool no_defaults = false;          // only what is given
};

struct LoadedDictionaries {
  std::unique_ptr<Dictionary> dict;
  std::vector<std::string> problems;  // "file:line: ..." for every entry skipped
  double seconds = 0;                 // reading and compiling
};

// Fails only when a named file cannot be read at all.
Result<LoadedDictionaries> LoadDictionaries(const DictionaryOptions& options);

}  // namespace dateline
