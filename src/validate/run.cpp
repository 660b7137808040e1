// Skip files, running a suite, and the comparison of produced with expected events.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <tuple>

#include "validate/readers.h"
#include "validate/validate.h"

namespace dateline {

namespace fs = std::filesystem;
using validate_internal::Trim;

SkipList ParseSkipList(std::string_view name, std::string_view bytes) {
  SkipList list;
  int line_number = 0;
  size_t begin = 0;
  while (begin < bytes.size()) {
    size_t end = bytes.find('\n', begin);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(begin, end - begin);
    begin = end + 1;
    ++line_number;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    const std::string where = std::string(name) + ":" + std::to_string(line_number);
    std::istringstream words{std::string(line)};
    SkipEntry entry;
    std::string position;
    words >> entry.suite >> entry.id >> position;
    std::getline(words, entry.reason);
    entry.reason = std::string(Trim(entry.reason));
    char* position_end = nullptr;
    const long value = position.empty() ? 0 : std::strtol(position.c_str(), &position_end, 10);
    if (entry.id.empty() || position.empty() || *position_end != '\0' || value < 1 || value > 1000000000) {
      list.problems.push_back(where + ": expected 'SUITE-FILE-NAME ID POSITION reason'; line ignored");
      continue;
    }
    if (entry.reason.empty()) {
      list.problems.push_back(where + ": no reason given for skipping " + entry.id + "; line ignored");
      continue;
    }
    entry.position = static_cast<int>(value);
    entry.where = where;
    list.entries.push_back(std::move(entry));
  }
  return list;
}

Result<SkipList> LoadSkipFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path.string() + ": cannot read the skip file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return ParseSkipList(path.string(), bytes.str());
}

bool Matches(const ValidationRecord& record, const CodedRecord& produced) {
  switch (record.expect) {
    case ValidationRecord::kDiscard: return produced.discarded;
    case ValidationRecord::kNoEvent: return produced.events.empty();
    case ValidationRecord::kEvents: break;
  }
  if (produced.discarded) return false;
  using Triple = std::tuple<std::string_view, std::string_view, std::string_view>;
  // A side with no actor is written "---" by the suites (PETRARCH's "GON / --- / 222").
  auto side = [](std::string_view code) { return code.empty() ? std::string_view("---") : code; };
  std::set<Triple> expected, got;
  for (const ExpectedEvent& e : record.events) expected.emplace(side(Trim(e.source)), side(Trim(e.target)), Trim(e.code));
  for (const ProducedEvent& e : produced.events) got.emplace(side(Trim(e.source)), side(Trim(e.target)), Trim(e.code));
  if (record.extra_events_allowed) return std::includes(got.begin(), got.end(), expected.begin(), expected.end());
  return expected == got;
}

SuiteResult RunSuite(const Suite& suite, const RecordCoder& code, const SuiteRunOptions& options) {
  SuiteResult result;
  result.suite_name = suite.name;
  result.kind = suite.kind;
  result.problems = suite.problems;

  // Skip entries for this suite, by position; each must name the record at its position.
  std::vector<const SkipEntry*> skip_at(suite.records.size() + 1, nullptr);
  if (options.skips) {
    result.problems.insert(result.problems.end(), options.skips->problems.begin(), options.skips->problems.end());
    for (const SkipEntry& entry : options.skips->entries) {
      if (entry.suite != suite.name) continue;
      const size_t p = static_cast<size_t>(entry.position);
      if (p == 0 || p >= skip_at.size() || suite.records[p - 1].id != entry.id) {
        std::string what = entry.where + ": no record " + entry.id + " at position " + std::to_string(p) + " in " +
                           suite.name;
        if (p > 0 && p < skip_at.size()) what += " (position " + std::to_string(p) + " is " + suite.records[p - 1].id + ")";
        result.problems.push_back(what + "; entry ignored");
        continue;
      }
      if (skip_at[p]) {
        result.problems.push_back(entry.where + ": " + entry.id + " at position " + std::to_string(p) +
                                  " is already skipped by " + skip_at[p]->where + "; entry ignored");
        continue;
      }
      if (!suite.records[p - 1].counted) {
        result.problems.push_back(entry.where + ": " + entry.id + " at position " + std::to_string(p) +
                                  " is not counted anyway (" + suite.records[p - 1].skip_reason + ")");
      }
      skip_at[p] = &entry;
    }
  }

  std::vector<std::string> pending_options;  // from counted records left out by the category
  for (size_t i = 0; i < suite.records.size(); ++i) {
    const ValidationRecord& record = suite.records[i];
    RecordOutcome outcome;
    outcome.record = record;
    const SkipEntry* skip = skip_at[i + 1];
    if (!record.counted) {
      outcome.verdict = RecordOutcome::Verdict::kNotCounted;
      outcome.reason = record.skip_reason;
    } else if (!options.category.empty() && record.category != options.category) {
      outcome.verdict = RecordOutcome::Verdict::kNotCounted;
      outcome.reason = "not in category " + options.category;
      pending_options.insert(pending_options.end(), record.options_before.begin(), record.options_before.end());
    } else {
      if (pending_options.empty()) {
        outcome.produced = code(record);
      } else {
        ValidationRecord with_options = record;
        pending_options.insert(pending_options.end(), record.options_before.begin(), record.options_before.end());
        with_options.options_before = std::move(pending_options);
        pending_options.clear();
        outcome.produced = code(with_options);
      }
      const bool match = Matches(record, outcome.produced);
      if (skip) {
        outcome.verdict = RecordOutcome::Verdict::kSkipped;
        outcome.reason = skip->reason;
        outcome.would_match = match;
      } else {
        outcome.verdict = match ? RecordOutcome::Verdict::kMatch : RecordOutcome::Verdict::kMismatch;
        auto tally = std::find_if(result.categories.begin(), result.categories.end(),
                                  [&](const CategoryTally& t) { return t.category == record.category; });
        if (tally == result.categories.end()) {
          result.categories.push_back({record.category, 0, 0});
          tally = std::prev(result.categories.end());
        }
        ++tally->records;
        ++result.evaluated;
        if (match) {
          ++tally->matching;
          ++result.matching;
        }
      }
    }
    switch (outcome.verdict) {
      case RecordOutcome::Verdict::kSkipped: ++result.skipped; break;
      case RecordOutcome::Verdict::kNotCounted: ++result.not_counted; break;
      default: break;
    }
    result.outcomes.push_back(std::move(outcome));
  }
  return result;
}

}  // namespace dateline
