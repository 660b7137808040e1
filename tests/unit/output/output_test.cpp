// RecordWriter, JSON Lines: every field of the event and article records, escaping, offsets
// through the OffsetMap, event ids, and agreement with docs/event.schema.json.
#include "output/output.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace dateline {
namespace {

// The input, as the input stage saw it: a UTF-8 BOM and an HTML entity.
//   input: BOM "Beijing &amp; Astana agreed.\nChina criticized Japan."
//   text:      "Beijing & Astana agreed.\nChina criticized Japan."
// Text 0 is input 3 (BOM dropped); "&amp;" (input 11..16) became "&" (text 8), so text 9 is input 16.
constexpr std::string_view kText = "Beijing & Astana agreed.\nChina criticized Japan.";

OffsetMap InputOffsets() {
  OffsetMap map;
  map.Add(0, 3);
  map.Add(9, 16);
  return map;
}

ByteSpan SpanOf(std::string_view word, size_t from = 0) {
  const size_t at = kText.find(word, from);
  EXPECT_NE(at, std::string_view::npos) << word;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())};
}

Event CriticizeEvent() {
  Event e;
  e.sentence = 1;
  e.source = {"CHN", "China", "CHN", SpanOf("China")};
  e.target = {"JPN", "Japan", "JPN", SpanOf("Japan")};
  e.code = "111";
  e.verb_span = SpanOf("criticized");
  e.date = Date{2022, 1, 7};
  e.date_precision = DatePrecision::kDay;
  e.mode = Mode::kAsserted;
  e.rules = {"verb data/dict/verbs.dl:12", "actor data/dict/actors.dl:40"};
  e.issues = {"SECURITY"};
  return e;
}

Document MakeDoc() {
  Document doc("reuters-1", std::string(kText), InputOffsets());
  doc.outlet = "Reuters";
  doc.url = "https://example.com/a";
  doc.title = "Beijing and Astana agree";
  doc.publication_date = Date{2022, 1, 10};
  doc.sentences.push_back({SpanOf("Beijing & Astana agreed."), 0, 0, 0, false});
  doc.sentences.push_back({SpanOf("China criticized Japan."), 0, 0, 1, false});
  doc.events.push_back(CriticizeEvent());
  return doc;
}

OutputOptions Jsonl(bool articles = false) {
  OutputOptions o;
  o.format = OutputFormat::kJsonl;
  o.articles = articles;
  o.version = "dateline 0.1.0 dict abc123";
  return o;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string WriteJsonl(const Document& doc, bool articles = false) {
  std::ostringstream out;
  RecordWriter w(out, Jsonl(articles));
  w.Write(doc);
  return out.str();
}

// One parsed JSON line; the parser owns the element's memory.
struct Json {
  explicit Json(const std::string& line) : parser(std::make_unique<simdjson::dom::parser>()) {
    auto result = parser->parse(simdjson::padded_string(line));
    EXPECT_EQ(result.error(), simdjson::SUCCESS) << line;
    root = result.value_unsafe();
  }
  simdjson::dom::element operator[](std::string_view key) const {
    auto v = root[key];
    EXPECT_EQ(v.error(), simdjson::SUCCESS) << "no key " << key;
    return v.value_unsafe();
  }
  std::unique_ptr<simdjson::dom::parser> parser;
  simdjson::dom::element root;
};

std::vector<std::string> Keys(simdjson::dom::element e) {
  std::vector<std::string> keys;
  simdjson::dom::object obj;
  EXPECT_EQ(e.get(obj), simdjson::SUCCESS);
  for (auto field : obj) keys.emplace_back(field.key);
  return keys;
}

std::string Str(simdjson::dom::element e) {
  std::string_view s;
  EXPECT_EQ(e.get(s), simdjson::SUCCESS);
  return std::string(s);
}
int64_t Int(simdjson::dom::element e) {
  int64_t v = -1;
  EXPECT_EQ(e.get(v), simdjson::SUCCESS);
  return v;
}
std::vector<std::string> Strings(simdjson::dom::element e) {
  std::vector<std::string> out;
  simdjson::dom::array a;
  EXPECT_EQ(e.get(a), simdjson::SUCCESS);
  for (auto v : a) out.push_back(Str(v));
  return out;
}
std::vector<int64_t> Ints(simdjson::dom::element e) {
  std::vector<int64_t> out;
  simdjson::dom::array a;
  EXPECT_EQ(e.get(a), simdjson::SUCCESS);
  for (auto v : a) out.push_back(Int(v));
  return out;
}

const std::vector<std::string> kEventKeys = {
    "type", "schema_version", "event_id", "doc_id", "outlet", "url", "sentence", "date", "date_precision",
    "historical", "mode", "source", "target", "source_name", "target_name", "source_country", "target_country",
    "source_text", "target_text", "code", "root", "quad_class", "goldstein", "plover", "plover_mode",
    "plover_context", "location", "issues", "quote_id", "evidence", "rules", "version"};
const std::vector<std::string> kEvidenceKeys = {"text", "start", "end", "source_span", "target_span", "verb_span"};
const std::vector<std::string> kArticleKeys = {"type",      "schema_version", "doc_id",  "title",
                                               "dateline",  "reporters",      "editors", "outlet",
                                               "url",       "publication_date", "sentences", "removed"};

TEST(OutputJson, EventRecordHasEveryFieldInOrder) {
  const Document doc = MakeDoc();
  const std::vector<std::string> lines = Lines(WriteJsonl(doc));
  ASSERT_EQ(lines.size(), 1u);
  const Json j(lines[0]);
  EXPECT_EQ(Keys(j.root), kEventKeys);
  EXPECT_EQ(Keys(j["evidence"]), kEvidenceKeys);

  EXPECT_EQ(Str(j["type"]), "event");
  EXPECT_EQ(Int(j["schema_version"]), 1);
  EXPECT_EQ(Str(j["event_id"]), EventId(doc, doc.events[0]));
  EXPECT_EQ(Str(j["doc_id"]), "reuters-1");
  EXPECT_EQ(Str(j["outlet"]), "Reuters");
  EXPECT_EQ(Str(j["url"]), "https://example.com/a");
  EXPECT_EQ(Int(j["sentence"]), 1);
  EXPECT_EQ(Str(j["date"]), "2022-01-07");
  EXPECT_EQ(Str(j["date_precision"]), "day");
  EXPECT_EQ(j["historical"].get_bool().value(), false);
  EXPECT_EQ(Str(j["mode"]), "asserted");
  EXPECT_EQ(Str(j["source"]), "CHN");
  EXPECT_EQ(Str(j["target"]), "JPN");
  EXPECT_EQ(Str(j["source_name"]), "China");
  EXPECT_EQ(Str(j["target_name"]), "Japan");
  EXPECT_EQ(Str(j["source_country"]), "CHN");
  EXPECT_EQ(Str(j["target_country"]), "JPN");
  EXPECT_EQ(Str(j["source_text"]), "China");
  EXPECT_EQ(Str(j["target_text"]), "Japan");
  EXPECT_EQ(Str(j["code"]), "111");
  EXPECT_EQ(Str(j["root"]), "11");
  EXPECT_EQ(Int(j["quad_class"]), 3);
  EXPECT_EQ(j["goldstein"].get_double().value(), -2.0);
  EXPECT_EQ(Str(j["plover"]), "ACCUSE");
  EXPECT_EQ(Str(j["plover_mode"]), "disapprove");
  EXPECT_EQ(Str(j["plover_context"]), "");
  EXPECT_TRUE(j["location"].is_null());
  EXPECT_EQ(Strings(j["issues"]), std::vector<std::string>{"SECURITY"});
  EXPECT_TRUE(j["quote_id"].is_null());
  EXPECT_EQ(Strings(j["rules"]), doc.events[0].rules);
  EXPECT_EQ(Str(j["version"]), "dateline 0.1.0 dict abc123");

  const simdjson::dom::element ev = j["evidence"];
  EXPECT_EQ(Str(ev["text"]), "China criticized Japan.");
  // Sentence 1 is text [25, 48): input [32, 55), past the BOM and the entity.
  EXPECT_EQ(Int(ev["start"]), 32);
  EXPECT_EQ(Int(ev["end"]), 55);
  EXPECT_EQ(Ints(ev["source_span"]), (std::vector<int64_t>{32, 37}));
  EXPECT_EQ(Ints(ev["verb_span"]), (std::vector<int64_t>{38, 48}));
  EXPECT_EQ(Ints(ev["target_span"]), (std::vector<int64_t>{49, 54}));
}

TEST(OutputJson, OffsetsMapThroughTheOffsetMap) {
  // The input the offsets must point into.
  const std::string input = "\xEF\xBB\xBF" "Beijing &amp; Astana agreed.\nChina criticized Japan.";
  Document doc = MakeDoc();
  doc.events.clear();
  Event e = CriticizeEvent();
  e.sentence = 0;
  e.source = {"CHN", "China", "CHN", SpanOf("Beijing")};
  e.target = {"KAZ", "Kazakhstan", "KAZ", SpanOf("Astana")};
  e.verb_span = SpanOf("agreed");
  e.code = "030";
  doc.events.push_back(e);
  const Json j(Lines(WriteJsonl(doc))[0]);
  const simdjson::dom::element ev = j["evidence"];
  const auto in_input = [&](std::vector<int64_t> p) { return input.substr(p[0], p[1] - p[0]); };
  EXPECT_EQ(Int(ev["start"]), 3);
  EXPECT_EQ(Int(ev["end"]), 31);
  EXPECT_EQ(input.substr(3, 31 - 3), "Beijing &amp; Astana agreed.");
  EXPECT_EQ(in_input(Ints(ev["source_span"])), "Beijing");
  EXPECT_EQ(in_input(Ints(ev["target_span"])), "Astana");
  EXPECT_EQ(in_input(Ints(ev["verb_span"])), "agreed");
  EXPECT_EQ(Str(j["source_text"]), "Beijing");  // the words come from the text, not the input
  EXPECT_EQ(Str(ev["text"]), "Beijing & Astana agreed.");
}

TEST(OutputJson, IdentityMapWritesTextOffsets) {
  Document doc("d", std::string(kText));
  doc.sentences.push_back({SpanOf("China criticized Japan."), 0, 0, 0, false});
  Event e = CriticizeEvent();
  e.sentence = 0;
  doc.events.push_back(e);
  const Json j(Lines(WriteJsonl(doc))[0]);
  EXPECT_EQ(Int(j["evidence"]["start"]), 25);
  EXPECT_EQ(Ints(j["evidence"]["target_span"]), (std::vector<int64_t>{42, 47}));
}

TEST(OutputJson, AbsentSpansAndSidesAreEmptyOrNull) {
  Document doc = MakeDoc();
  Event& e = doc.events[0];
  e.target = ActorRef{};  // one-sided event
  e.source.span.reset();
  e.verb_span.reset();
  const Json j(Lines(WriteJsonl(doc))[0]);
  EXPECT_EQ(Str(j["target"]), "");
  EXPECT_EQ(Str(j["target_name"]), "");
  EXPECT_EQ(Str(j["target_country"]), "");
  EXPECT_EQ(Str(j["target_text"]), "");
  EXPECT_EQ(Str(j["source_text"]), "");
  EXPECT_TRUE(j["evidence"]["source_span"].is_null());
  EXPECT_TRUE(j["evidence"]["target_span"].is_null());
  EXPECT_TRUE(j["evidence"]["verb_span"].is_null());
}

TEST(OutputJson, UnknownCodePassesThroughWithNulls) {
  Document doc = MakeDoc();
  doc.events[0].code = "999";
  const std::string line = Lines(WriteJsonl(doc))[0];
  const Json j(line);
  EXPECT_EQ(Str(j["code"]), "999");
  EXPECT_EQ(Str(j["root"]), "99");
  EXPECT_TRUE(j["quad_class"].is_null());
  EXPECT_TRUE(j["goldstein"].is_null());
  EXPECT_EQ(Str(j["plover"]), "");
  EXPECT_EQ(Str(j["plover_mode"]), "");
  EXPECT_EQ(Str(j["plover_context"]), "");
  EXPECT_NE(line.find("\"quad_class\":null,\"goldstein\":null,"), std::string::npos) << line;
}

TEST(OutputJson, PassThroughCodeRootIsFirstTwoCharacters) {
  Document doc = MakeDoc();
  doc.events[0].code = "X12";  // a test dictionary's code
  const Json j(Lines(WriteJsonl(doc))[0]);
  EXPECT_EQ(Str(j["code"]), "X12");
  EXPECT_EQ(Str(j["root"]), "X1");
  EXPECT_TRUE(j["goldstein"].is_null());
}

TEST(OutputJson, CodeWithoutGoldsteinHasNullGoldsteinButQuadClass) {
  Document doc = MakeDoc();
  doc.events[0].code = "176";
  const Json j(Lines(WriteJsonl(doc))[0]);
  EXPECT_EQ(Int(j["quad_class"]), 4);
  EXPECT_TRUE(j["goldstein"].is_null());
}

TEST(OutputJson, Root01HasNoPlover) {
  Document doc = MakeDoc();
  doc.events[0].code = "010";
  const Json j(Lines(WriteJsonl(doc))[0]);
  EXPECT_EQ(Str(j["root"]), "01");
  EXPECT_EQ(Int(j["quad_class"]), 1);
  EXPECT_EQ(Str(j["plover"]), "");
}

TEST(OutputJson, PloverColumnsOfAFourDigitCode) {
  Document doc = MakeDoc();
  doc.events[0].code = "0311";
  const Json j(Lines(WriteJsonl(doc))[0]);
  EXPECT_EQ(Str(j["root"]), "03");
  EXPECT_EQ(Str(j["plover"]), "AGREE");
  EXPECT_EQ(Str(j["plover_context"]), "economic");
  EXPECT_EQ(j["goldstein"].get_double().value(), 5.2);
}

TEST(OutputJson, GoldsteinIsAlwaysWrittenWithAFraction) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"190", "\"goldstein\":-10.0,"}, {"018", "\"goldstein\":3.4,"}, {"010", "\"goldstein\":0.0,"},
      {"0874", "\"goldstein\":10.0,"}, {"011", "\"goldstein\":-0.1,"}, {"032", "\"goldstein\":4.5,"}};
  for (const auto& [code, expected] : cases) {
    Document doc = MakeDoc();
    doc.events[0].code = code;
    const std::string line = WriteJsonl(doc);
    EXPECT_NE(line.find(expected), std::string::npos) << code << ": " << line;
  }
}

TEST(OutputJson, ModesPrecisionsAndHistorical) {
  Document doc = MakeDoc();
  doc.events[0].mode = Mode::kNegated;
  doc.events[0].date_precision = DatePrecision::kMonth;
  doc.events[0].date = Date{2021, 11, 1};
  doc.events[0].historical = true;
  const Json j(Lines(WriteJsonl(doc))[0]);
  EXPECT_EQ(Str(j["mode"]), "negated");
  EXPECT_EQ(Str(j["date_precision"]), "month");
  EXPECT_EQ(Str(j["date"]), "2021-11-01");
  EXPECT_TRUE(j["historical"].get_bool().value());
}

TEST(OutputJson, DateFallsBackToPublicationDateThenNull) {
  Document doc = MakeDoc();
  doc.events[0].date = Date{};
  EXPECT_EQ(Str(Json(Lines(WriteJsonl(doc))[0])["date"]), "2022-01-10");
  doc.publication_date.reset();
  EXPECT_TRUE(Json(Lines(WriteJsonl(doc))[0])["date"].is_null());
}

TEST(OutputJson, QuoteIdNamesTheQuote) {
  Document doc = MakeDoc();
  doc.events[0].quote = 2;
  EXPECT_EQ(Str(Json(Lines(WriteJsonl(doc))[0])["quote_id"]), "reuters-1#q2");
}

TEST(OutputJson, AbsentArticleStringsAreEmpty) {
  Document doc = MakeDoc();
  doc.outlet.clear();
  doc.url.clear();
  const Json j(Lines(WriteJsonl(doc))[0]);
  EXPECT_EQ(Str(j["outlet"]), "");
  EXPECT_EQ(Str(j["url"]), "");
}

TEST(OutputJson, SentenceOutOfRangeDoesNotCrash) {
  Document doc = MakeDoc();
  doc.events[0].sentence = 7;
  const Json j(Lines(WriteJsonl(doc))[0]);
  EXPECT_EQ(Int(j["sentence"]), 7);
  EXPECT_EQ(Str(j["evidence"]["text"]), "");
}

TEST(OutputJson, EscapesStrings) {
  // Quotes, backslashes, control characters, multi-byte UTF-8, invalid UTF-8.
  const std::string text = "He said \"no\" \\ then\ttab\nline \x01\x1f caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80.";
  Document doc("id \"q\" \\", text);
  doc.sentences.push_back({{0, static_cast<uint32_t>(text.size())}, 0, 0, 0, false});
  Event e;
  e.source.code = "USA";
  e.target.code = "CHN";
  e.code = "010";
  e.rules = {"bad \xFF byte", "cut \xE4\xB8", "overlong \xC0\xAF", "surrogate \xED\xA0\x80"};
  doc.events.push_back(e);
  const std::string out = WriteJsonl(doc);
  const std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), 1u) << "a newline inside a value must not break the line";
  const Json j(lines[0]);
  EXPECT_EQ(Str(j["doc_id"]), "id \"q\" \\");
  EXPECT_EQ(Str(j["evidence"]["text"]), text);
  EXPECT_NE(out.find("\\u0001\\u001f"), std::string::npos);
  EXPECT_NE(out.find("\\ttab\\nline"), std::string::npos);
  EXPECT_NE(out.find("caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80"), std::string::npos) << "UTF-8 passes through";
  EXPECT_EQ(Strings(j["rules"]), (std::vector<std::string>{"bad \xEF\xBF\xBD byte", "cut \xEF\xBF\xBD\xEF\xBF\xBD",
                                                           "overlong \xEF\xBF\xBD\xEF\xBF\xBD",
                                                           "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}));
}

TEST(OutputJson, AppendJsonStringEscapesEveryControlCharacter) {
  for (int c = 0; c < 0x20; ++c) {
    std::string out;
    AppendJsonString(out, std::string(1, static_cast<char>(c)));
    const Json j("{\"s\":" + out + "}");
    EXPECT_EQ(Str(j["s"]), std::string(1, static_cast<char>(c))) << c;
    EXPECT_EQ(out.find_first_of(std::string("\0\x01\x1f\n", 4)), std::string::npos);
  }
  std::string out;
  AppendJsonString(out, "\x7f/");
  EXPECT_EQ(out, "\"\x7f/\"");
}

// The writer copies eight plain bytes at a time: each byte that needs care, at every position of
// such a block, escaped as a string holding it alone would have it escaped.
TEST(OutputJson, AppendJsonStringAtEveryPositionOfABlock) {
  const std::vector<std::string> specials = {"\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f",
                                             "\xC3\xA9", "\xE2\x80\x9C", "\xFF", "\xE2\x80"};
  for (const std::string& special : specials) {
    std::string alone;
    AppendJsonString(alone, special);
    const std::string escaped = alone.substr(1, alone.size() - 2);
    for (size_t before = 0; before <= 17; ++before) {
      for (size_t after : {0, 1, 7, 8, 9}) {
        const std::string head(before, 'a'), tail(after, 'z');
        std::string out;
        AppendJsonString(out, head + special + tail);
        EXPECT_EQ(out, "\"" + head + escaped + tail + "\"") << before << " " << after;
      }
    }
  }
}

TEST(OutputJson, ArticleRecordComesFirst) {
  Document doc = MakeDoc();
  doc.dateline.span = {0, 7};
  doc.dateline.place = "Beijing";
  doc.dateline.date = Date{2022, 1, 10};
  doc.dateline.agency = "Reuters";
  doc.reporters = {"Alice Liu"};
  doc.editors = {"Bob Stone", "Carol Wu"};
  doc.removed.push_back({SpanOf("Astana"), "prompt"});
  const std::vector<std::string> lines = Lines(WriteJsonl(doc, /*articles=*/true));
  ASSERT_EQ(lines.size(), 2u);
  const Json a(lines[0]);
  EXPECT_EQ(Keys(a.root), kArticleKeys);
  EXPECT_EQ(Str(a["type"]), "article");
  EXPECT_EQ(Int(a["schema_version"]), 1);
  EXPECT_EQ(Str(a["doc_id"]), "reuters-1");
  EXPECT_EQ(Str(a["title"]), "Beijing and Astana agree");
  EXPECT_EQ(Keys(a["dateline"]), (std::vector<std::string>{"place", "date", "agency"}));
  EXPECT_EQ(Str(a["dateline"]["place"]), "Beijing");
  EXPECT_EQ(Str(a["dateline"]["date"]), "2022-01-10");
  EXPECT_EQ(Str(a["dateline"]["agency"]), "Reuters");
  EXPECT_EQ(Strings(a["reporters"]), doc.reporters);
  EXPECT_EQ(Strings(a["editors"]), doc.editors);
  EXPECT_EQ(Str(a["outlet"]), "Reuters");
  EXPECT_EQ(Str(a["url"]), "https://example.com/a");
  EXPECT_EQ(Str(a["publication_date"]), "2022-01-10");
  EXPECT_EQ(Int(a["sentences"]), 2);
  simdjson::dom::array removed;
  ASSERT_EQ(a["removed"].get(removed), simdjson::SUCCESS);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(Keys(removed.at(0).value()), (std::vector<std::string>{"text", "reason"}));
  EXPECT_EQ(Str(removed.at(0)["text"].value()), "Astana");
  EXPECT_EQ(Str(removed.at(0)["reason"].value()), "prompt");
  EXPECT_EQ(Str(Json(lines[1])["type"]), "event");
}

TEST(OutputJson, ArticleWithoutDatelineOrDates) {
  Document doc("plain.txt", "Nothing happened.");
  doc.sentences.push_back({{0, 17}, 0, 0, 0, false});
  const std::vector<std::string> lines = Lines(WriteJsonl(doc, /*articles=*/true));
  ASSERT_EQ(lines.size(), 1u) << "the article record even without events";
  const Json a(lines[0]);
  EXPECT_TRUE(a["dateline"].is_null());
  EXPECT_TRUE(a["publication_date"].is_null());
  EXPECT_EQ(Str(a["title"]), "");
  EXPECT_EQ(Str(a["outlet"]), "");
  EXPECT_EQ(Strings(a["reporters"]).size(), 0u);
  EXPECT_EQ(Int(a["sentences"]), 1);

  Document dated = doc;
  dated.dateline.place = "Astana";  // a dateline without a date
  const Json b(Lines(WriteJsonl(dated, true))[0]);
  EXPECT_EQ(Str(b["dateline"]["place"]), "Astana");
  EXPECT_TRUE(b["dateline"]["date"].is_null());
}

TEST(OutputJson, NoArticleRecordWithoutTheOption) {
  Document doc = MakeDoc();
  const std::vector<std::string> lines = Lines(WriteJsonl(doc, false));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(Str(Json(lines[0])["type"]), "event");
}

TEST(OutputJson, CountsEventsAcrossDocuments) {
  std::ostringstream out;
  RecordWriter w(out, Jsonl());
  Document doc = MakeDoc();
  doc.events.push_back(CriticizeEvent());
  doc.events.back().code = "112";
  w.Write(doc);
  w.Write(Document("empty", ""));
  w.Write(MakeDoc());
  EXPECT_EQ(w.events_written(), 3u);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(Str(Json(lines[1])["code"]), "112");
  EXPECT_EQ(out.str().back(), '\n');
}

TEST(OutputFormatName, Parses) {
  EXPECT_EQ(ParseOutputFormat("jsonl"), OutputFormat::kJsonl);
  EXPECT_EQ(ParseOutputFormat("json"), OutputFormat::kJsonl);
  EXPECT_EQ(ParseOutputFormat("tsv"), OutputFormat::kTsv);
  EXPECT_EQ(ParseOutputFormat("csv"), OutputFormat::kCsv);
  EXPECT_EQ(ParseOutputFormat("xml"), std::nullopt);
  EXPECT_EQ(ParseOutputFormat(""), std::nullopt);
}

// --- event ids ---------------------------------------------------------------------------------

TEST(OutputEventId, IsSixteenHexDigitsAndDeterministic) {
  const Document doc = MakeDoc();
  const std::string id = EventId(doc, doc.events[0]);
  ASSERT_EQ(id.size(), 16u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
  EXPECT_EQ(EventId(MakeDoc(), CriticizeEvent()), id);
  EXPECT_EQ(WriteJsonl(doc), WriteJsonl(MakeDoc())) << "the whole output is deterministic";
}

TEST(OutputEventId, DependsOnExactlyItsFiveFields) {
  const Document doc = MakeDoc();
  const Event base = CriticizeEvent();
  const std::string id = EventId(doc, base);
  std::set<std::string> ids = {id};
  const auto differs = [&](const Document& d, const Event& e, const char* what) {
    const std::string other = EventId(d, e);
    EXPECT_NE(other, id) << what;
    EXPECT_TRUE(ids.insert(other).second) << what;
  };
  Document other_doc = MakeDoc();
  other_doc.id = "reuters-2";
  differs(other_doc, base, "doc_id");
  Event e = base;
  e.sentence = 0;
  differs(doc, e, "sentence");
  e = base;
  e.source.code = "CHNGOV";
  differs(doc, e, "source");
  e = base;
  e.target.code = "JPNGOV";
  differs(doc, e, "target");
  e = base;
  e.code = "112";
  differs(doc, e, "code");
  e = base;  // fields shifted between neighbours must not collide
  e.source.code = "CHNJ";
  e.target.code = "PN";
  differs(doc, e, "boundaries");

  e = base;  // the other fields do not count
  e.mode = Mode::kFuture;
  e.date = Date{2020, 1, 1};
  e.rules.clear();
  e.source.name = "PRC";
  e.verb_span.reset();
  EXPECT_EQ(EventId(doc, e), id);
}

// --- docs/event.schema.json --------------------------------------------------------------------

struct Schema {
  Schema() : parser(std::make_unique<simdjson::dom::parser>()) {
    const std::string text = testing::ReadFile(testing::SourceDir() / "docs/event.schema.json");
    EXPECT_FALSE(text.empty()) << "docs/event.schema.json missing";
    auto result = parser->parse(simdjson::padded_string(text));
    EXPECT_EQ(result.error(), simdjson::SUCCESS);
    root = result.value_unsafe();
  }
  simdjson::dom::element Def(std::string_view name) const { return root["$defs"][name].value(); }
  std::unique_ptr<simdjson::dom::parser> parser;
  simdjson::dom::element root;
};

std::set<std::string> Required(simdjson::dom::element object_schema) {
  const std::vector<std::string> v = Strings(object_schema["required"].value());
  return {v.begin(), v.end()};
}

std::set<std::string> Properties(simdjson::dom::element object_schema) {
  const std::vector<std::string> v = Keys(object_schema["properties"].value());
  return {v.begin(), v.end()};
}

std::set<std::string> KeySet(simdjson::dom::element e) {
  const std::vector<std::string> v = Keys(e);
  return {v.begin(), v.end()};
}

TEST(OutputSchema, EventKeysAreTheSchemasRequiredKeys) {
  const Schema s;
  const simdjson::dom::element event = s.Def("event");
  const simdjson::dom::element evidence = s.Def("evidence");
  Document doc = MakeDoc();
  doc.events.push_back(CriticizeEvent());
  doc.events.back().code = "999";  // nulls
  doc.events.back().quote = 1;
  doc.events.back().target = ActorRef{};
  for (const std::string& line : Lines(WriteJsonl(doc))) {
    const Json j(line);
    EXPECT_EQ(KeySet(j.root), Required(event));
    EXPECT_EQ(KeySet(j["evidence"]), Required(evidence));
  }
  EXPECT_EQ(Properties(event), Required(event)) << "every field is required";
  EXPECT_EQ(Properties(evidence), Required(evidence));
  EXPECT_FALSE(event["additionalProperties"].get_bool().value());
  EXPECT_EQ(Str(event["properties"]["type"]["const"].value()), "event");
  EXPECT_EQ(Int(event["properties"]["schema_version"]["const"].value()), kSchemaVersion);
}

TEST(OutputSchema, ArticleKeysAreTheSchemasRequiredKeys) {
  const Schema s;
  const simdjson::dom::element article = s.Def("article");
  Document doc = MakeDoc();
  doc.dateline.place = "Beijing";
  doc.removed.push_back({SpanOf("Astana"), "prompt"});
  const Json a(Lines(WriteJsonl(doc, true))[0]);
  EXPECT_EQ(KeySet(a.root), Required(article));
  EXPECT_EQ(Properties(article), Required(article));
  // dateline: oneOf [null, object]
  simdjson::dom::array dateline_choices;
  ASSERT_EQ(article["properties"]["dateline"]["oneOf"].get(dateline_choices), simdjson::SUCCESS);
  bool found = false;
  for (auto choice : dateline_choices)
    if (choice["required"].error() == simdjson::SUCCESS) {
      EXPECT_EQ(KeySet(a["dateline"]), Required(choice));
      found = true;
    }
  EXPECT_TRUE(found);
  simdjson::dom::array removed;
  ASSERT_EQ(a["removed"].get(removed), simdjson::SUCCESS);
  EXPECT_EQ(KeySet(removed.at(0).value()), Required(article["properties"]["removed"]["items"].value()));
}

TEST(OutputSchema, FlatColumnsAreTheEventLeavesInOrder) {
  // Flatten the JSON event record's keys: objects become dotted names (location from the schema,
  // since it is null), [start, end] spans become .start/.end.
  const Schema s;
  const Json j(Lines(WriteJsonl(MakeDoc()))[0]);
  std::vector<std::string> expected;
  for (const std::string& key : Keys(j.root)) {
    if (key == "location") {
      for (const char* sub : {"name", "country", "admin1", "lat", "lon", "geonames_id", "precision"}) {
        expected.push_back("location." + std::string(sub));
        EXPECT_TRUE(Properties(s.Def("location")).count(sub)) << sub;
      }
      EXPECT_EQ(Properties(s.Def("location")).size(), 7u);
    } else if (key == "evidence") {
      for (const std::string& sub : Keys(j["evidence"])) {
        if (sub.ends_with("_span")) {
          expected.push_back("evidence." + sub + ".start");
          expected.push_back("evidence." + sub + ".end");
        } else {
          expected.push_back("evidence." + sub);
        }
      }
    } else {
      expected.push_back(key);
    }
  }
  const std::vector<std::string> columns(FlatColumns().begin(), FlatColumns().end());
  EXPECT_EQ(columns, expected);
}

}  // namespace
}  // namespace dateline

// --- quote records -------------------------------------------------------------------------------

namespace dateline {
namespace {

Document QuoteDoc() {
  Document doc = MakeDoc();
  Quote q;
  q.parts = {SpanOf("China criticized"), SpanOf("Japan")};
  q.span = {SpanOf("China").begin, SpanOf("Japan.").end};
  q.sentence_begin = 1;
  q.sentence_end = 2;
  q.speaker.code = "CHNGOV";
  q.speaker.name = "Wang Yi";
  q.speaker.span = SpanOf("Astana");
  doc.quotes.push_back(q);
  doc.events.back().quote = 0;
  return doc;
}

// With --quotes, each quote comes before the document's events, in the schema's shape: the
// parts joined by a space, addressee empty but present, offsets in the input.
TEST(OutputQuotes, QuoteRecordsBeforeTheEvents) {
  const Document doc = QuoteDoc();
  std::ostringstream out;
  OutputOptions o = Jsonl();
  o.quotes = true;
  RecordWriter w(out, o);
  w.Write(doc);
  EXPECT_EQ(w.quotes_written(), 1u);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 2u);
  const Json q(lines[0]);
  EXPECT_EQ(Str(q["type"]), "quote");
  EXPECT_EQ(Str(q["quote_id"]), "reuters-1#q0");
  EXPECT_EQ(Str(q["text"]), "China criticized Japan");
  EXPECT_EQ(Str(q["speaker"]["code"].value()), "CHNGOV");
  EXPECT_EQ(Str(q["speaker"]["name"].value()), "Wang Yi");
  EXPECT_EQ(Str(q["speaker"]["text"].value()), "Astana");
  EXPECT_EQ(Str(q["addressee"]["code"].value()), "");
  EXPECT_EQ(Int(q["evidence"]["start"].value()), SpanOf("China").begin + 7);  // input offset
  const Json e(lines[1]);
  EXPECT_EQ(Str(e["quote_id"]), "reuters-1#q0");
  const Schema s;
  EXPECT_EQ(KeySet(q.root), Required(s.Def("quote")));
  EXPECT_EQ(Properties(s.Def("quote")), Required(s.Def("quote")));
  // Without --quotes: events only (their quote_id stays).
  EXPECT_EQ(Lines(WriteJsonl(doc)).size(), 1u);
}

}  // namespace
}  // namespace dateline
