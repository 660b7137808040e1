// RecordWriter, TSV and CSV: the header, flattening, separators inside values, RFC 4180 quoting.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "output/output.h"

namespace dateline {
namespace {

constexpr std::string_view kText = "China, \"firmly\" criticized\tJapan.\nIt said so.";

ByteSpan SpanOf(std::string_view word) {
  const size_t at = kText.find(word);
  EXPECT_NE(at, std::string_view::npos) << word;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())};
}

Document MakeDoc() {
  OffsetMap offsets;
  offsets.Add(0, 3);  // a dropped BOM
  Document doc("doc,1", std::string(kText), std::move(offsets));
  doc.outlet = "Reuters";
  doc.sentences.push_back({SpanOf("China, \"firmly\" criticized\tJapan.\nIt said so."), 0, 0, 0, false});
  Event e;
  e.sentence = 0;
  e.source = {"CHN", "China", "CHN", SpanOf("China")};
  e.target = {"JPN", "Japan", "JPN", SpanOf("Japan")};
  e.code = "111";
  e.verb_span = SpanOf("criticized");
  e.date = Date{2022, 1, 7};
  e.rules = {"verb data/dict/verbs.dl:12", "actor a|b.dl:3"};
  e.issues = {"SECURITY", "TRADE"};
  e.quote = 0;
  doc.events.push_back(e);
  Event unknown = e;
  unknown.code = "999";
  unknown.target = ActorRef{};
  unknown.verb_span.reset();
  unknown.quote.reset();
  unknown.rules.clear();
  unknown.issues.clear();
  doc.events.push_back(unknown);
  return doc;
}

std::string Write(OutputFormat format, const std::vector<Document>& docs) {
  std::ostringstream out;
  OutputOptions o;
  o.format = format;
  o.articles = true;  // ignored by the flat formats
  o.version = "dateline 0.1.0 dict abc123";
  RecordWriter w(out, o);
  for (const Document& d : docs) w.Write(d);
  return out.str();
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    out.emplace_back(s.substr(start, at == s.npos ? s.npos : at - start));
    if (at == s.npos) return out;
    start = at + 1;
  }
}

std::vector<std::string> TsvLines(const std::string& s) {
  std::vector<std::string> lines = Split(s, '\n');
  EXPECT_TRUE(!lines.empty() && lines.back().empty()) << "output ends with a newline";
  lines.pop_back();
  return lines;
}

// A strict RFC 4180 reader (LF or CRLF line ends), for checking the writer.
std::vector<std::vector<std::string>> ParseCsv(std::string_view s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  bool quoted = false, field_started = false;
  while (i < s.size()) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c == '"') {
        quoted = false;
        ++i;
        EXPECT_TRUE(i == s.size() || s[i] == ',' || s[i] == '\n') << "text after a closing quote at " << i;
        continue;
      }
      field += c;
      ++i;
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
      ++i;
      continue;
    }
    EXPECT_NE(c, '"') << "bare quote at " << i;
    if (c == ',' || c == '\n') {
      row.push_back(field);
      field.clear();
      field_started = false;
      if (c == '\n') {
        rows.push_back(row);
        row.clear();
      }
      ++i;
      continue;
    }
    field += c;
    field_started = true;
    ++i;
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  EXPECT_TRUE(row.empty() && field.empty()) << "output ends with a newline";
  return rows;
}

size_t Column(std::string_view name) {
  const std::vector<std::string_view>& cols = FlatColumns();
  for (size_t i = 0; i < cols.size(); ++i)
    if (cols[i] == name) return i;
  ADD_FAILURE() << "no column " << name;
  return 0;
}

std::string HeaderLine(char sep) {
  std::string h;
  for (std::string_view c : FlatColumns()) {
    if (!h.empty()) h += sep;
    h += c;
  }
  return h;
}

TEST(OutputTsv, HeaderOnlyWithoutEvents) {
  EXPECT_EQ(Write(OutputFormat::kTsv, {}), HeaderLine('\t') + "\n");
  EXPECT_EQ(Write(OutputFormat::kTsv, {Document("empty", "")}), HeaderLine('\t') + "\n");
  EXPECT_EQ(Write(OutputFormat::kCsv, {}), HeaderLine(',') + "\n");
}

TEST(OutputTsv, HeaderOncePerWriter) {
  const std::vector<std::string> lines = TsvLines(Write(OutputFormat::kTsv, {MakeDoc(), MakeDoc()}));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0], HeaderLine('\t'));
  for (size_t i = 1; i < lines.size(); ++i) EXPECT_NE(lines[i].rfind("type\t", 0), 0u);
}

TEST(OutputTsv, FlattensAndReplacesSeparators) {
  const Document doc = MakeDoc();
  const std::vector<std::string> lines = TsvLines(Write(OutputFormat::kTsv, {doc}));
  ASSERT_EQ(lines.size(), 3u) << "the newline in the sentence must not split a row";
  const std::vector<std::string> row = Split(lines[1], '\t');
  ASSERT_EQ(row.size(), FlatColumns().size());
  const auto at = [&](std::string_view col) { return row[Column(col)]; };
  EXPECT_EQ(at("type"), "event");
  EXPECT_EQ(at("schema_version"), "1");
  EXPECT_EQ(at("event_id"), EventId(doc, doc.events[0]));
  EXPECT_EQ(at("doc_id"), "doc,1");
  EXPECT_EQ(at("outlet"), "Reuters");
  EXPECT_EQ(at("url"), "");
  EXPECT_EQ(at("sentence"), "0");
  EXPECT_EQ(at("date"), "2022-01-07");
  EXPECT_EQ(at("date_precision"), "day");
  EXPECT_EQ(at("historical"), "false");
  EXPECT_EQ(at("mode"), "asserted");
  EXPECT_EQ(at("source"), "CHN");
  EXPECT_EQ(at("target_text"), "Japan");
  EXPECT_EQ(at("code"), "111");
  EXPECT_EQ(at("root"), "11");
  EXPECT_EQ(at("quad_class"), "3");
  EXPECT_EQ(at("goldstein"), "-2.0");
  EXPECT_EQ(at("plover"), "ACCUSE");
  EXPECT_EQ(at("plover_mode"), "disapprove");
  for (std::string_view col : {"location.name", "location.country", "location.admin1", "location.lat",
                               "location.lon", "location.geonames_id", "location.precision"})
    EXPECT_EQ(at(col), "") << col;
  EXPECT_EQ(at("issues"), "SECURITY|TRADE");
  EXPECT_EQ(at("quote_id"), "doc,1#q0");
  EXPECT_EQ(at("evidence.text"), "China, \"firmly\" criticized Japan. It said so.");
  EXPECT_EQ(at("evidence.start"), "3");
  EXPECT_EQ(at("evidence.end"), std::to_string(3 + kText.size()));
  EXPECT_EQ(at("evidence.source_span.start"), "3");
  EXPECT_EQ(at("evidence.source_span.end"), "8");
  EXPECT_EQ(at("evidence.verb_span.start"), std::to_string(3 + kText.find("criticized")));
  EXPECT_EQ(at("evidence.target_span.end"), std::to_string(3 + kText.find("Japan") + 5));
  EXPECT_EQ(at("rules"), "verb data/dict/verbs.dl:12|actor a b.dl:3") << "'|' inside an element";
  EXPECT_EQ(at("version"), "dateline 0.1.0 dict abc123");

  const std::vector<std::string> nulls = Split(lines[2], '\t');
  ASSERT_EQ(nulls.size(), FlatColumns().size());
  const auto at2 = [&](std::string_view col) { return nulls[Column(col)]; };
  EXPECT_EQ(at2("code"), "999");
  EXPECT_EQ(at2("root"), "99");
  EXPECT_EQ(at2("quad_class"), "");
  EXPECT_EQ(at2("goldstein"), "");
  EXPECT_EQ(at2("plover"), "");
  EXPECT_EQ(at2("target"), "");
  EXPECT_EQ(at2("quote_id"), "");
  EXPECT_EQ(at2("issues"), "");
  EXPECT_EQ(at2("rules"), "");
  EXPECT_EQ(at2("evidence.target_span.start"), "");
  EXPECT_EQ(at2("evidence.target_span.end"), "");
  EXPECT_EQ(at2("evidence.verb_span.start"), "");
}

TEST(OutputCsv, QuotesPerRfc4180) {
  const Document doc = MakeDoc();
  const std::string out = Write(OutputFormat::kCsv, {doc});
  const std::vector<std::vector<std::string>> rows = ParseCsv(out);
  ASSERT_EQ(rows.size(), 3u);
  const std::vector<std::string> header(FlatColumns().begin(), FlatColumns().end());
  EXPECT_EQ(rows[0], header);
  for (const auto& row : rows) ASSERT_EQ(row.size(), FlatColumns().size());
  const auto at = [&](std::string_view col) { return rows[1][Column(col)]; };
  EXPECT_EQ(at("doc_id"), "doc,1");
  EXPECT_EQ(at("evidence.text"), kText) << "CSV keeps tabs and newlines, quoted";
  EXPECT_EQ(at("quote_id"), "doc,1#q0");
  EXPECT_EQ(at("goldstein"), "-2.0");
  EXPECT_EQ(at("rules"), "verb data/dict/verbs.dl:12|actor a b.dl:3");
  EXPECT_NE(out.find("\"China, \"\"firmly\"\" criticized\tJapan.\nIt said so.\""), std::string::npos);
  EXPECT_NE(out.find(",\"doc,1\","), std::string::npos);
  EXPECT_NE(out.find(",Reuters,"), std::string::npos) << "plain values are not quoted";
  EXPECT_EQ(rows[2][Column("goldstein")], "");
}

TEST(OutputCsv, InvalidUtf8IsReplaced) {
  Document doc = MakeDoc();
  doc.outlet = "bad \xFF";
  const std::vector<std::vector<std::string>> rows = ParseCsv(Write(OutputFormat::kCsv, {doc}));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][Column("outlet")], "bad \xEF\xBF\xBD");
}

TEST(OutputTsv, CountsEvents) {
  std::ostringstream out;
  OutputOptions o;
  o.format = OutputFormat::kTsv;
  RecordWriter w(out, o);
  w.Write(MakeDoc());
  w.Write(MakeDoc());
  EXPECT_EQ(w.events_written(), 4u);
}

}  // namespace
}  // namespace dateline
