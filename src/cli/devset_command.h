// `dateline devset FILE`: codes a development set (tests/devset/devset.tsv) with the default
// dictionaries (or those named on the command line) and scores the events at CAMEO root level.
//
//   // in main(), with the other subcommands:
//   std::string devset_path;
//   DevsetOptions devset_options;
//   CLI::App* devset = AddDevsetSubcommand(app, &devset_path, &devset_options);
//   ...
//   if (*devset) return RunDevsetCommand(devset_path, devset_options);
//
// File format (tests/devset/README.md): UTF-8 TSV, lines starting with '#' are comments, the
// first other line is the header "id date sentence expected note". `expected` is NONE or a
// ';'-separated list of SOURCE>TARGET:CODE ("CHNGOV>RUSGOV:040;RUS>CHN:062").
//
// Scoring rule (ScoreDevset):
//   - An actor code is compared by its key: the whole code when it starts with IGO, NGO, MNC,
//     IMG, NGM or UIS (international actors have no country: "IGOUNO" and "IGOUNOKID" differ),
//     else its first three characters (the country: "CHNGOV" and "CHN" agree).
//   - An event's key is (source key, target key, root), the root being the code's first two
//     characters. Within one sentence, expected and produced events are each reduced to their
//     distinct keys; a key in both is a match (true positive), an expected key not produced a
//     miss (false negative), a produced key not expected a false positive.
//   - Counts are summed over the sentences; per root, a match or a miss counts for the expected
//     root, a false positive for the produced root. Precision = TP / (TP + FP), recall =
//     TP / (TP + FN), F1 their harmonic mean (0 when undefined).
// Only the events the pipeline keeps with default coder options are scored: two-sided events in
// the asserted or future mode.
//
// Exit status: 0 when the report was written, 1 when the file cannot be read or has bad lines,
// 2 for unusable options.
#pragma once

#include <iostream>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dict/load.h"

namespace CLI {
class App;
}

namespace dateline {

class Pipeline;

struct DevsetEvent {
  std::string source, target, code;
  std::string ToString() const { return source + ">" + target + ":" + code; }
};

struct DevsetItem {
  std::string id, date, sentence, note;
  std::vector<DevsetEvent> expected;  // empty: the sentence must give no event
  int line = 0;                       // 1-based line in the file
};

// Parses a development set. Bad lines are reported in *problems as "line N: what" and skipped.
std::vector<DevsetItem> ParseDevset(std::string_view text, std::vector<std::string>* problems);

// Parses "SRC>TGT:CODE"; false when the text is not of that shape.
bool ParseDevsetEvent(std::string_view text, DevsetEvent* event);

// The scoring key of an actor code (see the rule above).
std::string DevsetActorKey(std::string_view code);

struct DevsetCounts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 0.0 : double(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 0.0 : double(tp) / (tp + fn); }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

struct DevsetItemScore {
  std::vector<DevsetEvent> matched, missed, false_positives;
};

struct DevsetScore {
  DevsetCounts overall;
  std::map<std::string, DevsetCounts> by_root;  // "01" .. "20" (and any other root produced)
  std::vector<DevsetItemScore> items;           // parallel to the items scored
  int none_items = 0;                           // items that expect no event
  int none_items_with_events = 0;               // ... of which the coder gave some
};

// Scores produced[i] against items[i].expected (produced.size() must equal items.size()).
DevsetScore ScoreDevset(const std::vector<DevsetItem>& items, const std::vector<std::vector<DevsetEvent>>& produced);

// Codes one item as a document of its own (id, publication date = the item's date).
std::vector<DevsetEvent> CodeDevsetItem(const Pipeline& pipeline, const DevsetItem& item);

// Writes the report: the per-root table, the overall line, then (unless brief) the misses and
// the false positives with their sentences. The last line is
// "devset: precision P recall R F1 F (TP matched, FP false positives, FN missed)".
void PrintDevsetReport(std::ostream& out, const std::vector<DevsetItem>& items,
                       const std::vector<std::vector<DevsetEvent>>& produced, const DevsetScore& score, bool brief);

struct DevsetOptions {
  DictionaryOptions dictionaries;  // --verbs, --actors ...: instead of the defaults
  bool brief = false;              // --brief: the table only, without the lists
};

int RunDevsetCommand(const std::string& path, const DevsetOptions& options, std::ostream& out = std::cout,
                     std::ostream& err = std::cerr);

// Registers the `devset` subcommand (positional FILE, --brief) on `app`.
CLI::App* AddDevsetSubcommand(CLI::App& app, std::string* path, DevsetOptions* options);

}  // namespace dateline
