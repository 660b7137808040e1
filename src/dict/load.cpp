#include "dict/load.h"

#include <optional>

#include <chrono>
#include <fstream>
#include <sstream>

#include "dict/compile.h"
#include "dict/petrarch_reader.h"
#include "dict/tabari_reader.h"

namespace dateline {

namespace {

Result<std::string> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot read the dictionary file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

enum class Kind { kActors, kVerbs, kAgents, kDiscards, kIssues, kOptions };

// One source per dialect, compiled in the order the dialects were first seen.
struct Sources {
  DictionarySource tabari, petrarch1, petrarch2;
  bool has_tabari = false, has_petrarch1 = false, has_petrarch2 = false;
};

// `family`: the family a file takes whatever its content looks like. Actors and agents files
// read the same in TABARI and PETRARCH (the production CountryInfo actors, written for TABARI,
// are also the Phoenix country file), so they follow the verbs file when one is named.
// `preread`: the file's bytes when the caller already has them (each file is read, and its
// dialect detected, once: detection reads the whole file).
Status LoadFile(const std::string& path, Kind kind, DictionaryBuilder* builder, Sources* sources,
                std::optional<DictionaryDialect> family = std::nullopt,
                const std::pair<std::string, DictionaryDialect>* preread = nullptr) {
  Result<std::string> bytes = preread ? Result<std::string>(preread->first) : ReadBytes(path);
  if (!bytes.ok()) return bytes.status();
  if (EndsWith(path, ".dl")) {
    builder->AddFile(path, *bytes);
    return Status::Ok();
  }
  builder->HashContent(*bytes);
  std::optional<DictionaryDialect> detected;
  if (preread) detected = preread->second;
  else if (!family) detected = DetectDialect(path, *bytes);
  const DictionaryDialect dialect = family ? *family : *detected;
  if (dialect == DictionaryDialect::kTabari || kind == Kind::kOptions) {
    sources->has_tabari = true;
    DictionarySource* src = &sources->tabari;
    switch (kind) {
      case Kind::kActors: ReadTabariActors(path, *bytes, src); break;
      case Kind::kVerbs: {
        // A <TIME> phrase coded "###" ("KAN_WA_MA_KAN [###]": once upon a time) discards its
        // sentence like any discard phrase; day shifts are not used (event dates come from
        // the date resolver).
        TabariVerbSections sections;
        ReadTabariVerbs(path, *bytes, src, &sections);
        for (VerbRecord& t : sections.time_shifts) {
          if (t.code != "###") continue;
          DiscardRecord d;
          d.phrase = std::move(t.verb);
          d.code = t.code;
          d.where = t.where;
          src->discards.push_back(std::move(d));
        }
        break;
      }
      case Kind::kAgents: ReadTabariAgents(path, *bytes, src); break;
      case Kind::kOptions: ReadTabariOptions(path, *bytes, src); break;
      case Kind::kDiscards:
      case Kind::kIssues:
        src->problems.push_back(path + ": TABARI keeps discards and issues in other files; not read");
        break;
    }
    return Status::Ok();
  }
  DictionarySource* src = dialect == DictionaryDialect::kPetrarch1 ? &sources->petrarch1 : &sources->petrarch2;
  (dialect == DictionaryDialect::kPetrarch1 ? sources->has_petrarch1 : sources->has_petrarch2) = true;
  PetrarchFile pk = PetrarchFile::kActors;
  switch (kind) {
    case Kind::kActors: pk = PetrarchFile::kActors; break;
    case Kind::kVerbs: pk = PetrarchFile::kVerbs; break;
    case Kind::kAgents: pk = PetrarchFile::kAgents; break;
    case Kind::kDiscards: pk = PetrarchFile::kDiscards; break;
    case Kind::kIssues: pk = PetrarchFile::kIssues; break;
    case Kind::kOptions: break;
  }
  PetrarchExtras extras;
  const size_t first_verb = src->verbs.size();
  // The reader takes the file's own dialect (PETRARCH-1 or -2) even where the family was given.
  if (!detected) detected = DetectDialect(path, *bytes);
  ReadPetrarch(pk, path, *bytes, *detected, src, &extras);
  // Which word of a multi-word verb is the verb ("WIRE_+TAP").
  for (const PetrarchVerbNote& note : extras.verb_notes) {
    const size_t v = note.verb;
    if (v >= first_verb && v < src->verbs.size() && note.head >= 0 &&
        static_cast<size_t>(note.head) < src->verbs[v].verb.size())
      src->verbs[v].head_word = note.head;
  }
  return Status::Ok();
}

}  // namespace

Result<LoadedDictionaries> LoadDictionaries(const DictionaryOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  DictionaryBuilder builder;
  if (!options.no_defaults) builder.AddDefaults();
  Sources sources;
  if (!options.project.empty()) {
    sources.has_tabari = true;
    Status s = LoadTabariProject(options.project, &sources.tabari, nullptr,
                                 [&](std::string_view bytes) { builder.HashContent(bytes); });
    if (!s.ok()) return s;
  }
  std::optional<DictionaryDialect> verbs_family;
  std::optional<std::pair<std::string, DictionaryDialect>> verbs_bytes;  // read once, detected once
  if (!options.verbs.empty() && !EndsWith(options.verbs, ".dl"))
    if (Result<std::string> bytes = ReadBytes(options.verbs); bytes.ok()) {
      verbs_family = DetectDialect(options.verbs, *bytes);
      verbs_bytes.emplace(bytes.take(), *verbs_family);
    }
  for (const std::string& a : options.actors) {
    Status s = LoadFile(a, Kind::kActors, &builder, &sources, verbs_family);
    if (!s.ok()) return s;
  }
  const std::pair<const std::string*, Kind> singles[] = {{&options.verbs, Kind::kVerbs},
                                                         {&options.agents, Kind::kAgents},
                                                         {&options.discards, Kind::kDiscards},
                                                         {&options.issues, Kind::kIssues},
                                                         {&options.options, Kind::kOptions}};
  for (const auto& [path, kind] : singles) {
    if (path->empty()) continue;
    Status s = LoadFile(*path, kind, &builder, &sources, kind == Kind::kAgents ? verbs_family : std::nullopt,
                        kind == Kind::kVerbs && verbs_bytes ? &*verbs_bytes : nullptr);
    if (!s.ok()) return s;
  }
  if (!options.ontology.empty()) {
    Result<std::string> bytes = ReadBytes(options.ontology);
    if (!bytes.ok()) return bytes.status();
    builder.HashContent(*bytes);
    DictionarySource src;
    PetrarchExtras extras;
    ReadPetrarchOntology(options.ontology, *bytes, DictionaryDialect::kPetrarch2, &src, &extras);
    for (const std::string& p : src.problems) builder.AddProblem(p);
    for (const PetrarchOntologyEntry& e : extras.ontology) builder.AddOntologyEntry(e.cameo, e.value);
  }
  if (sources.has_tabari) {
    AddSource(sources.tabari, DictionaryDialect::kTabari, &builder);
    builder.SetDefaultCodeBy(1);  // CodeBy::kClause: TABARI's "CODE BY CLAUSE"
    builder.SetTabariConventions(true);
  }
  if (sources.has_tabari || sources.has_petrarch1 || sources.has_petrarch2) builder.SetAgentsComposeLocally(true);
  if (sources.has_petrarch1) AddSource(sources.petrarch1, DictionaryDialect::kPetrarch1, &builder);
  if (sources.has_petrarch2) AddSource(sources.petrarch2, DictionaryDialect::kPetrarch2, &builder);

  LoadedDictionaries out;
  out.problems = builder.problems();
  Result<Dictionary> dict = std::move(builder).Build();
  if (!dict.ok()) return dict.status();
  out.dict = std::make_unique<Dictionary>(dict.take());
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace dateline
