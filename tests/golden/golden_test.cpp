// Runs the golden cases in tests/golden/*.cases against the articles they name.
// A .cases file is data: see the note at the top of each one.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "core/document.h"
#include "dict/dictionary.h"
#include "input/input.h"
#include "pipeline/pipeline.h"
#include "test_util.h"

namespace dateline {
namespace {

struct Case {
  bool forbid = false;
  std::vector<std::string> sources, targets, codes;
  std::string sentence, source_name, target_name, date, precision, note;
  int line = 0;
};

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);)
    if (!part.empty()) out.push_back(part);
  return out;
}

std::vector<Case> ParseCases(const std::string& text) {
  std::vector<Case> cases;
  std::istringstream in(text);
  int line_no = 0;
  const std::regex field(R"re((\w+)(~?=)("([^"]*)"|\S+))re");
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    Case c;
    c.line = line_no;
    const size_t note = line.find(" -- ");
    if (note != std::string::npos) {
      c.note = line.substr(note + 4);
      line = line.substr(0, note);
    }
    std::istringstream words(line);
    std::string kind;
    words >> kind;
    c.forbid = kind == "forbid";
    EXPECT_TRUE(kind == "expect" || kind == "forbid") << "line " << line_no << ": unknown kind " << kind;
    std::string rest;
    std::getline(words, rest);
    const size_t arrow = rest.find("->");
    if (arrow != std::string::npos) {
      std::istringstream lhs(rest.substr(0, arrow)), rhs(rest.substr(arrow + 2));
      std::string s, t;
      lhs >> s;
      rhs >> t;
      c.sources = Split(s, '|');
      c.targets = Split(t, '|');
      rest = rest.substr(arrow + 2 + rest.substr(arrow + 2).find(t) + t.size());
    }
    for (std::sregex_iterator it(rest.begin(), rest.end(), field), end; it != end; ++it) {
      const std::string key = (*it)[1], value = (*it)[4].matched ? (*it)[4].str() : (*it)[3].str();
      if (key == "codes") c.codes = Split(value, ',');
      else if (key == "sentence") c.sentence = value;
      else if (key == "source_name") c.source_name = value;
      else if (key == "target_name") c.target_name = value;
      else if (key == "date") c.date = value;
      else if (key == "precision") c.precision = value;
      else ADD_FAILURE() << "line " << line_no << ": unknown field " << key;
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

bool OneOf(const std::vector<std::string>& options, const std::string& value) {
  if (options.empty()) return true;
  for (const std::string& o : options)
    if (o == value) return true;
  return false;
}

bool PrefixOf(const std::vector<std::string>& prefixes, const std::string& code) {
  if (prefixes.empty()) return true;
  for (const std::string& p : prefixes)
    if (code.rfind(p, 0) == 0) return true;
  return false;
}

std::string Describe(const Document& doc, const Event& e) {
  std::ostringstream s;
  s << e.source.code << " (" << e.source.name << ") -> " << e.target.code << " (" << e.target.name << ") " << e.code
    << " " << e.date.ToString() << "/" << PrecisionName(e.date_precision) << " in sentence " << e.sentence << ": "
    << doc.view(doc.sentences[e.sentence].span);
  return s.str();
}

void RunCases(const std::string& cases_file, const std::filesystem::path& article, const std::string& date) {
  const std::vector<Case> cases = ParseCases(testing::ReadFile(testing::SourceDir() / "tests/golden" / cases_file));
  ASSERT_FALSE(cases.empty());
  Document doc = DecodeArticle(article.string(), testing::ReadFile(article));
  doc.publication_date = Date::Parse(date);
  Pipeline pipeline(DefaultDictionary(), CoderOptions{});
  pipeline.Process(doc);
  std::string all;
  for (const Event& e : doc.events) all += "  " + Describe(doc, e) + "\n";

  for (const Case& c : cases) {
    SCOPED_TRACE(cases_file + ":" + std::to_string(c.line) + " (" + c.note + ")");
    int matches = 0;
    for (const Event& e : doc.events) {
      const std::string_view sentence = doc.view(doc.sentences[e.sentence].span);
      if (!c.sentence.empty() && sentence.find(c.sentence) == std::string_view::npos) continue;
      if (c.forbid) {
        ++matches;
        continue;
      }
      if (!OneOf(c.sources, e.source.code) || !OneOf(c.targets, e.target.code) || !PrefixOf(c.codes, e.code)) continue;
      if (!c.source_name.empty() && c.source_name != e.source.name) continue;
      if (!c.target_name.empty() && c.target_name != e.target.name) continue;
      if (!c.date.empty() && c.date != e.date.ToString()) continue;
      if (!c.precision.empty() && c.precision != PrecisionName(e.date_precision)) continue;
      ++matches;
    }
    if (c.forbid) EXPECT_EQ(matches, 0) << "events from a forbidden sentence; all events:\n" << all;
    else EXPECT_GT(matches, 0) << "no event matches; all events:\n" << all;
  }
}

TEST(Golden, SeedChinaKazakhstan) {
  const std::filesystem::path shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: the seed article's golden cases are skipped";
  RunCases("seed-china-kazakhstan.cases", shared / "seed/reuters-china-kazakhstan.txt", "2022-01-10");
}

TEST(Golden, ExampleWireAnkara) {
  RunCases("example-wire-ankara.cases", testing::SourceDir() / "examples/wire-ankara-talks.txt", "2025-06-17");
}

TEST(Golden, CoreferenceParagraph) {
  RunCases("coreference-paragraph.cases", testing::SourceDir() / "tests/golden/coreference-paragraph.txt",
           "2022-01-10");
}

}  // namespace
}  // namespace dateline
