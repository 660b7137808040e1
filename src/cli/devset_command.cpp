// `dateline devset`: see devset_command.h.
#include "cli/devset_command.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <tuple>

#include "code/coder.h"
#include "core/date.h"
#include "core/document.h"
#include "dict/dictionary.h"
#include "input/input.h"
#include "pipeline/pipeline.h"

namespace dateline {

namespace {

std::vector<std::string_view> SplitView(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool ValidActor(std::string_view code) {
  if (code.size() < 3) return false;
  for (char c : code)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

using Key = std::tuple<std::string, std::string, std::string>;  // source key, target key, root

Key KeyOf(const DevsetEvent& e) {
  return {DevsetActorKey(e.source), DevsetActorKey(e.target), e.code.substr(0, std::min<size_t>(2, e.code.size()))};
}

// The distinct keys of `events`, each with the first event that has it, in order.
std::vector<std::pair<Key, const DevsetEvent*>> DistinctKeys(const std::vector<DevsetEvent>& events) {
  std::vector<std::pair<Key, const DevsetEvent*>> out;
  std::set<Key> seen;
  for (const DevsetEvent& e : events) {
    Key k = KeyOf(e);
    if (seen.insert(k).second) out.emplace_back(std::move(k), &e);
  }
  return out;
}

std::string Fixed(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string Join(const std::vector<DevsetEvent>& events) {
  if (events.empty()) return "none";
  std::string s;
  for (const DevsetEvent& e : events) s += (s.empty() ? "" : " ") + e.ToString();
  return s;
}

}  // namespace

bool ParseDevsetEvent(std::string_view text, DevsetEvent* event) {
  text = Trim(text);
  const size_t gt = text.find('>'), colon = text.rfind(':');
  if (gt == std::string_view::npos || colon == std::string_view::npos || colon < gt) return false;
  const std::string_view source = text.substr(0, gt), target = text.substr(gt + 1, colon - gt - 1),
                         code = text.substr(colon + 1);
  if (!ValidActor(source) || !ValidActor(target) || code.size() < 2 || code.size() > 4) return false;
  for (char c : code)
    if (c < '0' || c > '9') return false;
  *event = DevsetEvent{std::string(source), std::string(target), std::string(code)};
  return true;
}

std::vector<DevsetItem> ParseDevset(std::string_view text, std::vector<std::string>* problems) {
  std::vector<DevsetItem> items;
  std::set<std::string> ids;
  bool header = false;
  int line_no = 0;
  for (std::string_view line : SplitView(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line.front() == '#') continue;
    const std::vector<std::string_view> f = SplitView(line, '\t');
    auto problem = [&](const std::string& what) {
      problems->push_back("line " + std::to_string(line_no) + ": " + what);
    };
    if (!header) {
      header = true;
      if (f.size() >= 4 && f[0] == "id" && f[1] == "date" && f[2] == "sentence" && f[3] == "expected") continue;
      problem("expected the header \"id<TAB>date<TAB>sentence<TAB>expected<TAB>note\"");
      continue;
    }
    if (f.size() < 4 || f.size() > 5) {
      problem("expected 4 or 5 tab-separated fields, got " + std::to_string(f.size()));
      continue;
    }
    DevsetItem item;
    item.line = line_no;
    item.id = std::string(Trim(f[0]));
    item.date = std::string(Trim(f[1]));
    item.sentence = std::string(Trim(f[2]));
    if (f.size() == 5) item.note = std::string(Trim(f[4]));
    if (item.id.empty() || !ids.insert(item.id).second) {
      problem("empty or repeated id '" + item.id + "'");
      continue;
    }
    if (!Date::Parse(item.date)) {
      problem("date '" + item.date + "' is not YYYY-MM-DD");
      continue;
    }
    if (item.sentence.empty()) {
      problem("empty sentence");
      continue;
    }
    const std::string_view expected = Trim(f[3]);
    bool ok = true;
    if (expected != "NONE") {
      for (std::string_view part : SplitView(expected, ';')) {
        DevsetEvent e;
        if (!ParseDevsetEvent(part, &e)) {
          problem("expected NONE or SOURCE>TARGET:CODE events separated by ';', got '" + std::string(part) + "'");
          ok = false;
          break;
        }
        item.expected.push_back(std::move(e));
      }
    }
    if (ok) items.push_back(std::move(item));
  }
  if (!header) problems->push_back("no header line");
  return items;
}

std::string DevsetActorKey(std::string_view code) {
  static constexpr std::string_view kInternational[] = {"IGO", "NGO", "MNC", "IMG", "NGM", "UIS"};
  for (std::string_view prefix : kInternational)
    if (code.substr(0, 3) == prefix) return std::string(code);
  return std::string(code.substr(0, 3));
}

DevsetScore ScoreDevset(const std::vector<DevsetItem>& items, const std::vector<std::vector<DevsetEvent>>& produced) {
  DevsetScore score;
  for (size_t i = 0; i < items.size(); ++i) {
    DevsetItemScore is;
    const auto expected = DistinctKeys(items[i].expected);
    static const std::vector<DevsetEvent> kNone;
    const auto got = DistinctKeys(i < produced.size() ? produced[i] : kNone);
    std::set<Key> got_keys, expected_keys;
    for (const auto& [k, e] : got) got_keys.insert(k);
    for (const auto& [k, e] : expected) expected_keys.insert(k);
    for (const auto& [k, e] : expected) {
      const std::string& root = std::get<2>(k);
      if (got_keys.count(k)) {
        is.matched.push_back(*e);
        ++score.overall.tp;
        ++score.by_root[root].tp;
      } else {
        is.missed.push_back(*e);
        ++score.overall.fn;
        ++score.by_root[root].fn;
      }
    }
    for (const auto& [k, e] : got) {
      if (expected_keys.count(k)) continue;
      is.false_positives.push_back(*e);
      ++score.overall.fp;
      ++score.by_root[std::get<2>(k)].fp;
    }
    if (items[i].expected.empty()) {
      ++score.none_items;
      if (!got.empty()) ++score.none_items_with_events;
    }
    score.items.push_back(std::move(is));
  }
  return score;
}

std::vector<DevsetEvent> CodeDevsetItem(const Pipeline& pipeline, const DevsetItem& item) {
  Document doc = DecodeArticle(item.id, item.sentence);
  doc.publication_date = Date::Parse(item.date);
  pipeline.Process(doc);
  std::vector<DevsetEvent> out;
  for (const Event& e : doc.events) out.push_back(DevsetEvent{e.source.code, e.target.code, e.code});
  return out;
}

void PrintDevsetReport(std::ostream& out, const std::vector<DevsetItem>& items,
                       const std::vector<std::vector<DevsetEvent>>& produced, const DevsetScore& score, bool brief) {
  out << "root  expected  produced  matched  precision  recall  F1\n";
  auto row = [&](const std::string& name, const DevsetCounts& c) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%-5s %8d  %8d  %7d  %9s  %6s  %5s\n", name.c_str(), c.tp + c.fn, c.tp + c.fp, c.tp,
                  Fixed(c.precision()).c_str(), Fixed(c.recall()).c_str(), Fixed(c.f1()).c_str());
    out << buf;
  };
  for (const auto& [root, c] : score.by_root) row(root, c);
  row("all", score.overall);
  out << "no-event sentences given events: " << score.none_items_with_events << "/" << score.none_items << "\n";
  if (!brief) {
    out << "\nmisses (expected, not produced):\n";
    for (size_t i = 0; i < items.size() && i < score.items.size(); ++i) {
      if (score.items[i].missed.empty()) continue;
      out << "  " << items[i].id << "  missed " << Join(score.items[i].missed) << "  | produced "
          << (i < produced.size() ? Join(produced[i]) : "none") << "\n    " << items[i].sentence
          << "\n";
    }
    out << "\nfalse positives (produced, not expected):\n";
    for (size_t i = 0; i < items.size() && i < score.items.size(); ++i) {
      if (score.items[i].false_positives.empty()) continue;
      out << "  " << items[i].id << "  " << Join(score.items[i].false_positives) << "  | expected "
          << Join(items[i].expected) << "\n    " << items[i].sentence << "\n";
    }
    out << "\n";
  }
  out << "devset: precision " << Fixed(score.overall.precision()) << " recall " << Fixed(score.overall.recall())
      << " F1 " << Fixed(score.overall.f1()) << " (" << score.overall.tp << " matched, " << score.overall.fp
      << " false positives, " << score.overall.fn << " missed)\n";
}

int RunDevsetCommand(const std::string& path, const DevsetOptions& options, std::ostream& out, std::ostream& err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    err << "dateline: cannot read '" << path << "'\n";
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<std::string> problems;
  const std::vector<DevsetItem> items = ParseDevset(text.str(), &problems);
  for (const std::string& p : problems) err << path << ":" << p << "\n";
  if (!problems.empty()) return 1;

  const DictionaryOptions& d = options.dictionaries;
  const bool custom = d.no_defaults || !d.project.empty() || !d.actors.empty() || !d.verbs.empty() ||
                      !d.agents.empty() || !d.discards.empty() || !d.issues.empty() || !d.options.empty() ||
                      !d.ontology.empty();
  std::unique_ptr<Dictionary> owned;
  const Dictionary* dict = &DefaultDictionary();
  if (custom) {
    Result<LoadedDictionaries> loaded = LoadDictionaries(d);
    if (!loaded.ok()) {
      err << "dateline: " << loaded.status().message() << "\n";
      return 2;
    }
    for (const std::string& p : loaded->problems) err << p << "\n";
    owned = std::move(loaded->dict);
    dict = owned.get();
  }
  const Pipeline pipeline(*dict, CoderOptions{});
  std::vector<std::vector<DevsetEvent>> produced;
  produced.reserve(items.size());
  for (const DevsetItem& item : items) produced.push_back(CodeDevsetItem(pipeline, item));
  const DevsetScore score = ScoreDevset(items, produced);
  out << "devset: " << path << ", " << items.size() << " sentences (" << score.none_items
      << " expect no event), dictionaries " << dict->hash() << "\n";
  PrintDevsetReport(out, items, produced, score, options.brief);
  return out ? 0 : 1;
}

CLI::App* AddDevsetSubcommand(CLI::App& app, std::string* path, DevsetOptions* options) {
  CLI::App* devset = app.add_subcommand(
      "devset", "Code a development set (id, date, sentence, expected events) and report precision, recall and F1");
  devset->add_option("file", *path, "Development set: TSV, see tests/devset/README.md")->required();
  devset->add_flag("--brief", options->brief, "Print the per-root table only, without misses and false positives");
  return devset;
}

}  // namespace dateline
