// The validation report (see PrintReport in validate.h).
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "validate/validate.h"

namespace dateline {

namespace {

std::string Percent(int n, int m) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", m == 0 ? 0.0 : 100.0 * n / m);
  return buffer;
}

std::string Side(const std::string& code) { return code.empty() ? "---" : code; }

std::string Where(const ValidationRecord& r) {
  return r.id + " (position " + std::to_string(r.position) + ", line " + std::to_string(r.line) + ", " + r.category +
         ")";
}

void WriteExpected(std::ostream& out, const ValidationRecord& r) {
  out << "  expected: ";
  switch (r.expect) {
    case ValidationRecord::kNoEvent: out << "no event\n"; return;
    case ValidationRecord::kDiscard: out << "a discard\n"; return;
    case ValidationRecord::kEvents: break;
  }
  for (size_t i = 0; i < r.events.size(); ++i) {
    if (i > 0) out << "            ";
    out << r.events[i].source << " / " << r.events[i].target << " / " << r.events[i].code << "\n";
  }
  if (r.extra_events_allowed) out << "            (other events are not checked)\n";
}

void WriteProduced(std::ostream& out, const CodedRecord& c) {
  out << "  produced: ";
  if (c.discarded) out << "a discard" << (c.events.empty() ? "" : ", and ");
  if (c.events.empty()) {
    out << (c.discarded ? "\n" : "no event\n");
    return;
  }
  for (size_t i = 0; i < c.events.size(); ++i) {
    if (i > 0) out << "            ";
    out << Side(c.events[i].source) << " / " << Side(c.events[i].target) << " / " << c.events[i].code << "\n";
  }
}

void WriteRecord(std::ostream& out, const RecordOutcome& o) {
  out << "  text:     " << o.record.text << "\n";
  WriteExpected(out, o.record);
  WriteProduced(out, o.produced);
  if (!o.record.options_before.empty()) {
    out << "  options:  ";
    for (size_t i = 0; i < o.record.options_before.size(); ++i) out << (i ? "; " : "") << o.record.options_before[i];
    out << "\n";
  }
}

// "passed" → "pass-ed", "failed" → "fail-ed", in any case: CI reads those words as a verdict.
std::string Defuse(std::string_view text) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  auto word_at = [&](size_t i, std::string_view word) {
    if (i + word.size() > text.size()) return false;
    for (size_t k = 0; k < word.size(); ++k)
      if (lower(text[i + k]) != word[k]) return false;
    return true;
  };
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (word_at(i, "passed") || word_at(i, "failed")) {
      out.append(text.substr(i, 4));
      out.push_back('-');
      out.append(text.substr(i + 4, 2));
      i += 6;
    } else {
      out.push_back(text[i++]);
    }
  }
  return out;
}

}  // namespace

void PrintReport(std::ostream& out, const SuiteResult& result, const ReportOptions& options) {
  using Verdict = RecordOutcome::Verdict;
  std::ostringstream report;
  report << SuiteKindName(result.kind) << " suite " << result.suite_name << ": " << result.outcomes.size()
         << " records; " << result.evaluated << " evaluated, " << result.skipped << " left out by the skip file, "
         << result.not_counted << " not counted\n";

  for (const RecordOutcome& o : result.outcomes) {
    if (o.verdict == Verdict::kMismatch) {
      report << "\nno match: " << Where(o.record) << "\n";
      WriteRecord(report, o);
    } else if (options.verbose && o.verdict == Verdict::kMatch) {
      report << "\nmatch: " << Where(o.record) << "\n";
      WriteRecord(report, o);
    }
  }

  if (options.verbose) {
    bool first = true;
    for (const RecordOutcome& o : result.outcomes) {
      if (o.verdict != Verdict::kNotCounted) continue;
      if (first) report << "\nnot counted:\n";
      first = false;
      report << "  " << o.record.id << " (position " << o.record.position << ", line " << o.record.line
             << "): " << o.reason << "\n";
    }
  }

  size_t width = 8;  // "category"
  for (const CategoryTally& t : result.categories) width = std::max(width, t.category.size());
  auto row = [&](const std::string& name, const std::string& records, const std::string& pass,
                 const std::string& rate) {
    report << name << std::string(width - std::min(width, name.size()), ' ') << "  " << std::string(7 - std::min<size_t>(7, records.size()), ' ')
           << records << "  " << std::string(5 - std::min<size_t>(5, pass.size()), ' ') << pass << "  "
           << std::string(6 - std::min<size_t>(6, rate.size()), ' ') << rate << "\n";
  };
  report << "\n";
  row("category", "records", "pass", "rate");
  for (const CategoryTally& t : result.categories)
    row(t.category, std::to_string(t.records), std::to_string(t.matching), Percent(t.matching, t.records));
  row("all", std::to_string(result.evaluated), std::to_string(result.matching),
      Percent(result.matching, result.evaluated));

  if (result.skipped > 0) {
    report << "\nleft out by the skip file (" << result.skipped << ", not in the rate):\n";
    for (const RecordOutcome& o : result.outcomes) {
      if (o.verdict != Verdict::kSkipped) continue;
      report << "  " << o.record.id << " (position " << o.record.position << "): " << o.reason
             << (o.would_match ? " [matches now]" : "") << "\n";
      if (options.verbose) WriteRecord(report, o);
    }
  }

  if (!result.problems.empty()) {
    report << "\nproblems (" << result.problems.size() << "):\n";
    for (const std::string& p : result.problems) report << "  " << p << "\n";
  }

  report << "\nvalidation: " << result.matching << "/" << result.evaluated << " records pass ("
         << Percent(result.matching, result.evaluated) << ")\n";
  out << Defuse(report.str());
}

}  // namespace dateline
