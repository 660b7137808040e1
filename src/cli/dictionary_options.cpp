#include "cli/dictionary_options.h"

#include <chrono>
#include <iostream>

namespace dateline {

std::string VersionString(const Dictionary& dict) {
  return std::string("dateline ") + DATELINE_VERSION + " dict " + dict.hash();
}

void AddDictionaryOptions(CLI::App* app, DictionaryOptions* d) {
  app->add_option("--verbs", d->verbs, "Verb patterns (TABARI .verbs, PETRARCH verbs, or .dl)");
  app->add_option("--actors", d->actors, "Actors (TABARI .actors, PETRARCH actors, or .dl); repeatable");
  app->add_option("--agents", d->agents, "Agents (TABARI .agents, PETRARCH agents, or .dl)");
  app->add_option("--discards", d->discards, "Discards (PETRARCH)");
  app->add_option("--issues", d->issues, "Issues (PETRARCH)");
  app->add_option("--options", d->options, "TABARI .options file");
  app->add_option("--ontology", d->ontology, "PETRARCH-2 internal coding ontology (codes of negated events)");
  app->add_option("--project", d->project, "TABARI .project file naming the dictionaries");
  app->add_flag("--no-default-dictionaries", d->no_defaults, "Use only the dictionaries given");
}


const Dictionary* LoadOrDefault(const DictionaryOptions& d, std::unique_ptr<Dictionary>* owned, double* seconds) {
  const bool custom = d.no_defaults || !d.project.empty() || !d.actors.empty() || !d.verbs.empty() ||
                      !d.agents.empty() || !d.discards.empty() || !d.issues.empty() || !d.options.empty() ||
                      !d.ontology.empty();
  const auto start = std::chrono::steady_clock::now();
  if (!custom) {
    const Dictionary& dict = DefaultDictionary();
    *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return &dict;
  }
  Result<LoadedDictionaries> loaded = LoadDictionaries(d);
  if (!loaded.ok()) {
    std::cerr << "dateline: " << loaded.status().message() << "\n";
    return nullptr;
  }
  for (const std::string& p : loaded->problems) std::cerr << p << "\n";
  if (!loaded->problems.empty()) std::cerr << "dictionaries: " << loaded->problems.size() << " entries skipped\n";
  *owned = std::move(loaded->dict);
  *seconds = loaded->seconds;
  return owned->get();
}

}  // namespace dateline
