// Suites: kind detection, loading, and what the readers share.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "validate/readers.h"
#include "validate/validate.h"

namespace dateline {

namespace fs = std::filesystem;

namespace validate_internal {

std::string_view Trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

std::string CategoryFromId(std::string_view id) {
  const size_t dash = id.find('-');
  return std::string(dash == std::string_view::npos || dash == 0 ? id : id.substr(0, dash));
}

std::string JoinLines(std::string_view text) {
  std::string out;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(text.substr(begin, end - begin));
    if (!line.empty()) {
      if (!out.empty()) out.push_back(' ');
      out.append(line);
    }
    begin = end + 1;
  }
  return out;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

namespace {

// A counted record takes the options given since the previous counted record, so that options
// in option-only records (not counted) reach the records they were written for.
void AccumulateOptions(Suite* suite) {
  std::vector<std::string> pending;
  for (ValidationRecord& record : suite->records) {
    if (!record.counted) {
      pending.insert(pending.end(), record.options_before.begin(), record.options_before.end());
      continue;
    }
    pending.insert(pending.end(), record.options_before.begin(), record.options_before.end());
    record.options_before = std::move(pending);
    pending.clear();
  }
}

}  // namespace
}  // namespace validate_internal

const char* SuiteKindName(SuiteKind kind) {
  switch (kind) {
    case SuiteKind::kTabari: return "TABARI";
    case SuiteKind::kPetrarch1: return "PETRARCH-1";
    case SuiteKind::kPetrarch2: return "PETRARCH-2";
  }
  return "TABARI";
}

size_t Suite::CountedRecords() const {
  return static_cast<size_t>(std::count_if(records.begin(), records.end(), [](const ValidationRecord& r) { return r.counted; }));
}

size_t Suite::CountedEvents() const {
  size_t n = 0;
  for (const ValidationRecord& r : records)
    if (r.counted) n += r.events.size();
  return n;
}

Result<Suite> ParseSuite(std::string_view name, std::string_view bytes, const fs::path& directory) {
  Suite suite;
  suite.name = fs::path(std::string(name)).filename().string();
  std::string_view start = bytes;
  if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);
  start = validate_internal::Trim(start);
  if (start.starts_with('<')) {
    validate_internal::ReadPetrarchSuite(name, bytes, directory, &suite);
  } else {
    validate_internal::ReadTabariSuite(name, bytes, directory, &suite);
  }
  if (suite.records.empty()) {
    return DataError(std::string(name) +
                     ": no validation records (expected TABARI records \"YYMMDD ID\" or PETRARCH <Sentence> elements)");
  }
  validate_internal::AccumulateOptions(&suite);
  return suite;
}

Result<Suite> LoadSuite(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path.string() + ": cannot read the validation suite");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return IoError(path.string() + ": error reading the validation suite");
  return ParseSuite(path.string(), bytes.str(), path.parent_path().empty() ? fs::path(".") : path.parent_path());
}

}  // namespace dateline
