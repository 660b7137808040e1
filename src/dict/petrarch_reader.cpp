#include "dict/petrarch_reader.h"

#include <fstream>

#include "dict/petrarch_text.h"

namespace dateline {

using petrarch_internal::DictLine;
using petrarch_internal::IsBlank;
using petrarch_internal::Trim;

const char* PetrarchFileName(PetrarchFile kind) {
  switch (kind) {
    case PetrarchFile::kVerbs: return "verbs";
    case PetrarchFile::kActors: return "actors";
    case PetrarchFile::kAgents: return "agents";
    case PetrarchFile::kDiscards: return "discards";
    case PetrarchFile::kIssues: return "issues";
    case PetrarchFile::kOntology: return "ontology";
  }
  return "verbs";
}

namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool Contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

// "[CODE 950601-990815]", "[CODE <950601]": a code with a date restriction.
bool DatedGroup(std::string_view group) {
  group = Trim(group);
  const size_t blank = group.find_first_of(" \t");
  if (blank == std::string_view::npos) return false;
  const std::string_view r = Trim(group.substr(blank));
  return !r.empty() && (r[0] == '<' || r[0] == '>' || (r[0] >= '0' && r[0] <= '9'));
}

// "010:0x1000", "120:-0xFFFF", "---:0"
bool OntologyLine(std::string_view s) {
  s = Trim(s);
  size_t i = 0;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '-')) ++i;
  if (i < 2 || i >= s.size() || s[i] != ':') return false;
  std::string_view v = Trim(s.substr(i + 1));
  if (!v.empty() && v[0] == '-') v.remove_prefix(1);
  return !v.empty() && v[0] >= '0' && v[0] <= '9';
}

}  // namespace

DictionaryDialect DetectDialect(std::string_view name, std::string_view bytes) {
  int p2 = 0, p1 = 0, tabari = 0, petrarch = 0;
  int patterns = 0, headers = 0;
  petrarch_internal::ForEachLineText(bytes, [&](std::string_view t) {
    const std::string_view body = Trim(t);
    const char c = body[0];
    if (StartsWith(body, "---")) {
      ++headers;
      ++petrarch;
    } else if (c == '-') {
      ++patterns;
      if (Contains(body, "|")) ++tabari;
      else if (Contains(body, "(") || Contains(body, "{")) ++p2;
      if (Contains(body, "**")) ++p1;
    } else if (c == '+') {
      if (body.size() > 1 && (body[1] == '(' || body[1] == '{')) ++p2;
      if (body.size() > 1 && body[1] == '&') ++p1;
    } else if (c == '~') {
      if (body == "~FINISH") ++tabari;
      else if (Contains(body, "=") && Contains(body, "(")) ++p2;
    } else if (c == '<') {
      for (std::string_view tag : {"<NOUN>", "<ADJECTIVE>", "<ACTOR>", "<SYNSETS>", "<TIME>"})
        if (StartsWith(body, tag)) ++tabari;
      if (StartsWith(body, "<ISSUE")) ++petrarch;
    } else if (c == '!' && Contains(body, "=")) {
      ++petrarch;
    } else if (c == '[' || IsBlank(t[0])) {
      if (c == '[' && IsBlank(t[0])) ++petrarch;  // tab-indented date restriction
    } else if (OntologyLine(body)) {
      ++p2;
    } else {
      const size_t open = body.find('[');
      if (open != std::string_view::npos) {
        const std::string_view head = body.substr(0, open);
        const size_t close = body.find(']', open);
        if (close != std::string_view::npos) {
          const std::string_view group = body.substr(open + 1, close - open - 1);
          const bool two = body.find('[', close) != std::string_view::npos;
          if (Contains(head, "{") && Contains(head, "}")) ++petrarch;  // agent plural
          else if ((two || DatedGroup(group)) && !Contains(group, "~")) ++tabari;
        }
      }
    }
  });
  // Every PETRARCH verbs file groups its verbs in "--- NAME ---" blocks; TABARI has none.
  if (patterns > 0 && headers == 0) return DictionaryDialect::kTabari;
  if (p2 > 0 && p2 >= p1) return DictionaryDialect::kPetrarch2;
  if (p1 > 0) return DictionaryDialect::kPetrarch1;
  if (tabari > petrarch) return DictionaryDialect::kTabari;
  const bool xml = Contains(bytes, "<!--");
  bool hash = false, semicolon = false;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '#') hash = true;
    if (bytes[i] == ';') semicolon = true;
  }
  if (petrarch == 0 && semicolon && !hash && !xml) return DictionaryDialect::kTabari;
  if (Contains(name, "2.0") || Contains(name, "_2_0") || Contains(name, "2_0")) return DictionaryDialect::kPetrarch2;
  return xml ? DictionaryDialect::kPetrarch1 : DictionaryDialect::kPetrarch2;
}

void ReadPetrarch(PetrarchFile kind, std::string name, std::string_view bytes, DictionarySource* src,
                  PetrarchExtras* extras) {
  const DictionaryDialect dialect = DetectDialect(name, bytes);
  ReadPetrarch(kind, std::move(name), bytes, dialect, src, extras);
}

void ReadPetrarch(PetrarchFile kind, std::string name, std::string_view bytes, DictionaryDialect dialect,
                  DictionarySource* src, PetrarchExtras* extras) {
  switch (kind) {
    case PetrarchFile::kVerbs: return ReadPetrarchVerbs(std::move(name), bytes, dialect, src, extras);
    case PetrarchFile::kActors: return ReadPetrarchActors(std::move(name), bytes, dialect, src, extras);
    case PetrarchFile::kAgents: return ReadPetrarchAgents(std::move(name), bytes, dialect, src, extras);
    case PetrarchFile::kDiscards: return ReadPetrarchDiscards(std::move(name), bytes, dialect, src, extras);
    case PetrarchFile::kIssues: return ReadPetrarchIssues(std::move(name), bytes, dialect, src, extras);
    case PetrarchFile::kOntology: return ReadPetrarchOntology(std::move(name), bytes, dialect, src, extras);
  }
}

Status LoadPetrarchFile(const std::filesystem::path& path, PetrarchFile kind, DictionarySource* src,
                        PetrarchExtras* extras, std::optional<DictionaryDialect> dialect) {
  const std::string name = path.string();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return IoError(name + ": cannot read the " + PetrarchFileName(kind) + " file: " + ec.message());
  if (size > kMaxPetrarchFileBytes)
    return Status(StatusCode::kLimitExceeded, name + ": the file has " + std::to_string(size) + " bytes; at most " +
                                                  std::to_string(kMaxPetrarchFileBytes) + " are read");
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(name + ": cannot open the " + std::string(PetrarchFileName(kind)) + " file");
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (static_cast<size_t>(in.gcount()) != bytes.size())
    return IoError(name + ": the " + std::string(PetrarchFileName(kind)) + " file could not be read to its end");
  const DictionaryDialect d = dialect ? *dialect : DetectDialect(name, bytes);
  if (d != DictionaryDialect::kPetrarch1 && d != DictionaryDialect::kPetrarch2)
    return InvalidArgument(name + ": this is a " + (d == DictionaryDialect::kTabari ? "TABARI" : "dateline") +
                           " file, not a PETRARCH one; read it with that dialect's reader");
  switch (kind) {
    case PetrarchFile::kVerbs: ReadPetrarchVerbs(name, bytes, d, src, extras); break;
    case PetrarchFile::kActors: ReadPetrarchActors(name, bytes, d, src, extras); break;
    case PetrarchFile::kAgents: ReadPetrarchAgents(name, bytes, d, src, extras); break;
    case PetrarchFile::kDiscards: ReadPetrarchDiscards(name, bytes, d, src, extras); break;
    case PetrarchFile::kIssues: ReadPetrarchIssues(name, bytes, d, src, extras); break;
    case PetrarchFile::kOntology: ReadPetrarchOntology(name, bytes, d, src, extras); break;
  }
  return Status::Ok();
}

}  // namespace dateline
