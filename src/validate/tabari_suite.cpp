// TABARI validation records (Validate.text; the TABARI manual, sections 4.3 and 10.1).
#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <vector>

#include "validate/readers.h"

namespace dateline::validate_internal {

namespace {

namespace fs = std::filesystem;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool AllDigits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit); }

std::vector<std::string_view> SplitLines(std::string_view bytes) {
  std::vector<std::string_view> lines;
  size_t begin = 0;
  while (begin < bytes.size()) {
    size_t end = bytes.find('\n', begin);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    begin = end + 1;
  }
  return lines;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const size_t begin = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > begin) words.push_back(s.substr(begin, i - begin));
  }
  return words;
}

// YYMMDD (00-30 → 2000-2030, as TABARI reads them; the rest 19xx) or YYYYMMDD.
std::optional<Date> ParseTabariDate(std::string_view s) {
  if (!AllDigits(s) || (s.size() != 6 && s.size() != 8)) return std::nullopt;
  const int year_digits = s.size() == 6 ? 2 : 4;
  int y = std::stoi(std::string(s.substr(0, year_digits)));
  const int m = std::stoi(std::string(s.substr(year_digits, 2)));
  const int d = std::stoi(std::string(s.substr(year_digits + 2, 2)));
  if (year_digits == 2) y += y <= 30 ? 2000 : 1900;
  if (!Date::IsValid(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

bool StartsWithIgnoringCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoringCase(s.substr(0, prefix.size()), prefix);
}

// What the braces of one record said.
struct Fields {
  std::vector<ExpectedEvent> events;
  std::vector<std::string> options;
  bool not_checked = false;  // {+++}
  bool discard = false;      // {###}
  bool no_event = false;     // {---}
  bool unchecked_tail = false;  // -{...}
  int fields = 0;
};

class RecordReader {
 public:
  RecordReader(std::string_view name, Suite* suite) : name_(name), suite_(suite) {}

  void Read(const std::vector<std::string_view>& lines, size_t first, size_t end, int position, bool after_final);

 private:
  void Problem(size_t line_index, const std::string& message) {
    suite_->problems.push_back(std::string(name_) + ":" + std::to_string(line_index + 1) + ": " + message);
  }
  void ScanBraces(std::string_view segment, size_t line_index, Fields* fields);

  std::string_view name_;
  Suite* suite_;
};

void RecordReader::ScanBraces(std::string_view segment, size_t line_index, Fields* fields) {
  size_t p = 0;
  while (true) {
    const size_t open = segment.find('{', p);
    if (open == std::string_view::npos) return;
    const bool unchecked = open > 0 && segment[open - 1] == '-';
    const size_t close = segment.find('}', open + 1);
    std::string_view content, after;
    if (close == std::string_view::npos) {
      content = segment.substr(open + 1);
      Problem(line_index, "'{' not closed on its line; read to the end of the comment line");
      p = segment.size();
    } else {
      content = segment.substr(open + 1, close - open - 1);
      after = segment.substr(close + 1);
      p = close + 1;
    }
    content = Trim(content);
    if (content.empty()) continue;  // "{}" in a remark
    ++fields->fields;
    if (StartsWithIgnoringCase(content, "OPTION:")) {
      fields->options.emplace_back(Trim(content.substr(7)));
      continue;
    }
    if (unchecked) {
      fields->unchecked_tail = true;
      continue;
    }
    if (content == "+++") {
      fields->not_checked = true;
    } else if (content == "###") {
      fields->discard = true;
    } else if (content == "---") {
      fields->no_event = true;
    } else {
      std::vector<std::string_view> parts;
      size_t begin = 0;
      while (true) {
        const size_t slash = content.find('/', begin);
        parts.push_back(Trim(content.substr(begin, slash == std::string_view::npos ? slash : slash - begin)));
        if (slash == std::string_view::npos) break;
        begin = slash + 1;
      }
      if (parts.size() != 3 || std::any_of(parts.begin(), parts.end(), [](std::string_view s) { return s.empty(); })) {
        Problem(line_index, "field {" + std::string(content) + "} is not { SOURCE / TARGET / CODE }; ignored");
        --fields->fields;
        continue;
      }
      ExpectedEvent event{std::string(parts[0]), std::string(parts[1]), std::string(parts[2]), std::nullopt};
      const std::vector<std::string_view> after_words = Words(after);
      if (!after_words.empty() && AllDigits(after_words[0])) {
        event.date = ParseTabariDate(after_words[0]);
        if (!event.date) Problem(line_index, "invalid event date '" + std::string(after_words[0]) + "'");
      }
      fields->events.push_back(std::move(event));
    }
  }
}

void RecordReader::Read(const std::vector<std::string_view>& lines, size_t first, size_t end, int position,
                        bool after_final) {
  ValidationRecord record;
  record.position = position;
  record.line = static_cast<int>(first + 1);

  // "YYMMDD  ID ..." — the id is the first word with a non-digit (one record repeats its date).
  const std::vector<std::string_view> header = Words(lines[first]);
  record.date = ParseTabariDate(header[0]);
  if (!record.date) Problem(first, "invalid date '" + std::string(header[0]) + "'");
  size_t id_word = 1;
  while (id_word < header.size() && AllDigits(header[id_word])) ++id_word;
  if (id_word == header.size()) id_word = 1;  // only digits: the first word is the id
  if (id_word < header.size()) {
    record.id = std::string(header[id_word]);
    if (id_word > 1) Problem(first, "digits before the id " + record.id + " (a repeated date?); ignored");
  } else {
    record.id = "line-" + std::to_string(first + 1);
    Problem(first, "record without an id; called " + record.id);
  }
  record.category = CategoryFromId(record.id);

  // Text outside /* */, fields inside. A line outside the comment that starts with TABARI's "\n"
  // display mark and holds a brace is a field line too: a few records close the comment early.
  Fields fields;
  std::string text;
  bool in_comment = false;
  size_t comment_start = first;
  for (size_t i = first + 1; i < end; ++i) {
    const std::string_view line = lines[i];
    std::string text_part;
    size_t j = 0;
    while (j <= line.size()) {
      if (!in_comment) {
        const size_t open = line.find("/*", j);
        text_part.append(line.substr(j, open == std::string_view::npos ? std::string_view::npos : open - j));
        if (open == std::string_view::npos) break;
        in_comment = true;
        comment_start = i;
        j = open + 2;
      } else {
        const size_t close = line.find("*/", j);
        ScanBraces(line.substr(j, close == std::string_view::npos ? std::string_view::npos : close - j), i, &fields);
        if (close == std::string_view::npos) break;
        in_comment = false;
        j = close + 2;
      }
    }
    std::string_view part = Trim(text_part);
    if (part.starts_with("\\n") && part.find('{') != std::string_view::npos) {
      Problem(i, "validation field outside the /* */ comment; read as a field");
      ScanBraces(part, i, &fields);
      continue;
    }
    // The "\n" display marks are not text.
    std::string cleaned;
    for (size_t k = 0; k < part.size(); ++k) {
      if (part[k] == '\\' && k + 1 < part.size() && part[k + 1] == 'n') {
        ++k;
        continue;
      }
      cleaned.push_back(part[k]);
    }
    const std::string_view words = Trim(cleaned);
    if (words.empty() || words == "*/") continue;
    if (!text.empty()) text.push_back(' ');
    text.append(words);
  }
  if (in_comment) Problem(comment_start, "comment not closed before the blank line that ends the record");
  record.text = std::move(text);
  record.options_before = std::move(fields.options);

  // Special codes first (the manual, 10.1): {+++}, then {###}, then {---}; then events.
  std::string reason;
  if (fields.not_checked) {
    reason = "{+++}: not checked";
  } else if (fields.discard) {
    record.expect = ValidationRecord::kDiscard;
  } else if (fields.no_event) {
    record.expect = ValidationRecord::kNoEvent;
    if (!fields.events.empty()) Problem(first, "record " + record.id + " gives both {---} and events; {---} taken");
  } else if (!fields.events.empty()) {
    record.expect = ValidationRecord::kEvents;
    record.events = std::move(fields.events);
    record.extra_events_allowed = fields.unchecked_tail;
  } else if (fields.unchecked_tail) {
    reason = "only -{...} fields: not checked";
  } else if (!record.options_before.empty()) {
    reason = "option record";
  } else {
    reason = "no validation field";
  }
  if (reason.empty() && record.text.empty()) reason = "no text";
  if (after_final) reason = "after FINAL-01, the end of the standard validation records";
  record.counted = reason.empty();
  record.skip_reason = std::move(reason);
  suite_->records.push_back(std::move(record));
}

const char* ProjectRole(std::string_view tag) {
  if (tag == "actorsfile") return "actors";
  if (tag == "agentsfile") return "agents";
  if (tag == "verbsfile") return "verbs";
  if (tag == "optionsfile") return "options";
  if (tag == "issuesfile") return "issues";
  return nullptr;
}

// The dictionaries of Validate.text are named in Validate.project beside it: "<actorsfile> X".
void ReadProjectFile(const fs::path& project, Suite* suite) {
  std::ifstream in(project, std::ios::binary);
  if (!in) return;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    std::string_view s = Trim(line);
    if (!s.starts_with('<')) continue;
    const size_t close = s.find('>');
    if (close == std::string_view::npos) continue;
    const char* role = ProjectRole(s.substr(1, close - 1));
    if (!role) continue;
    const std::vector<std::string_view> words = Words(s.substr(close + 1));
    if (words.empty()) continue;
    const fs::path path = project.parent_path() / std::string(words[0]);
    suite->dictionary_files.push_back({role, path});
    std::error_code ec;
    if (!fs::exists(path, ec))
      suite->problems.push_back(project.string() + ":" + std::to_string(line_number) + ": " + role + " file " +
                                path.string() + " does not exist");
  }
}

}  // namespace

void ReadTabariSuite(std::string_view name, std::string_view bytes, const fs::path& directory, Suite* suite) {
  suite->kind = SuiteKind::kTabari;
  const std::vector<std::string_view> lines = SplitLines(bytes);
  RecordReader reader(name, suite);
  auto blank = [](std::string_view s) { return Trim(s).empty(); };
  bool after_final = false;
  int position = 0;
  size_t i = 0;
  while (i < lines.size()) {
    // Looking for a record: a line that starts with a digit. Anything else is a comment.
    if (lines[i].empty() || !IsDigit(lines[i][0])) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < lines.size() && !blank(lines[end])) ++end;
    reader.Read(lines, i, end, ++position, after_final);
    if (suite->records.back().id.starts_with("FINAL-01")) after_final = true;
    i = end;
  }
  if (!directory.empty()) {
    fs::path project = directory / fs::path(std::string(name)).filename();
    project.replace_extension(".project");
    std::error_code ec;
    if (fs::is_regular_file(project, ec)) ReadProjectFile(project, suite);
  }
}

}  // namespace dateline::validate_internal
