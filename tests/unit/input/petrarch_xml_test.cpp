// PETRARCH XML: the tolerant XML reader, the <Sentence> reader, and ArticleSource reading
// PETRARCH files (one Document per <Sentence>).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "input/input.h"
#include "input/petrarch_xml.h"
#include "test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

std::vector<XmlItem> Items(const std::string& xml, uint64_t max_item_bytes = 64ull << 20) {
  std::istringstream in(xml);
  XmlReader reader(in, "", max_item_bytes);
  std::vector<XmlItem> items;
  while (true) {
    XmlItem item = reader.Next();
    if (item.kind == XmlItem::Kind::kEnd) break;
    items.push_back(std::move(item));
  }
  return items;
}

TEST(InputPetrarchXml, ReaderItems) {
  const std::vector<XmlItem> items =
      Items("<?xml version='1.0'?>\n<!-- c -->\n<A x=\"1\" y = 'two &amp; &quot;3&quot;'>t&lt;1 &eacute;&#233;&#x41;"
            " AT&T<![CDATA[<raw> &amp;]]></A>\n<B/><C z='' />");
  ASSERT_EQ(items.size(), 9u);
  EXPECT_EQ(items[0].kind, XmlItem::Kind::kText);  // the "\n" after the declaration
  EXPECT_EQ(items[2].kind, XmlItem::Kind::kStartTag);
  EXPECT_EQ(items[2].name, "A");
  EXPECT_EQ(items[2].line, 3u);
  ASSERT_EQ(items[2].attributes.size(), 2u);
  EXPECT_EQ(*items[2].Attribute("x"), "1");
  EXPECT_EQ(*items[2].Attribute("y"), "two & \"3\"");
  EXPECT_EQ(items[2].Attribute("z"), nullptr);
  EXPECT_EQ(items[3].text, "t<1 \xC3\xA9\xC3\xA9" "A AT&T");
  EXPECT_EQ(items[4].text, "<raw> &amp;");  // CDATA as written
  EXPECT_EQ(items[5].kind, XmlItem::Kind::kEndTag);
  EXPECT_EQ(items[5].name, "A");
  EXPECT_EQ(items[7].name, "B");
  EXPECT_TRUE(items[7].self_closing);
  EXPECT_TRUE(items[8].self_closing);
  EXPECT_EQ(*items[8].Attribute("z"), "");
  for (const XmlItem& item : items) EXPECT_TRUE(item.problem.empty()) << item.problem;
}

TEST(InputPetrarchXml, ReaderForgivesAndSays) {
  const std::vector<XmlItem> items =
      Items("<PLEvent {\"event\": \"050\", \"source\": [{\"code\": \"ARN\"}]}>\na < b\n<B x=1>\n<C\n</D x>\n<E>");
  std::vector<std::string> problems;
  for (const XmlItem& item : items)
    if (!item.problem.empty()) problems.push_back(std::to_string(item.line) + " " + item.problem);
  ASSERT_EQ(problems.size(), 5u);
  EXPECT_EQ(items[0].kind, XmlItem::Kind::kMalformed);
  EXPECT_EQ(items[0].name, "PLEvent");
  EXPECT_EQ(problems[0].substr(0, 26), "1 malformed tag <PLEvent {");
  EXPECT_EQ(problems[1], "2 '<' that starts no tag; read as text");
  EXPECT_EQ(problems[2], "3 malformed tag <B x=1>: expected a quoted value for attribute x; skipped");
  EXPECT_EQ(problems[3], "4 tag <C  not closed by '>'; skipped");
  EXPECT_EQ(problems[4], "5 malformed end tag </D x>; skipped");
  EXPECT_EQ(items.back().kind, XmlItem::Kind::kStartTag);  // reading went on
  EXPECT_EQ(items.back().name, "E");
  EXPECT_EQ(items.back().line, 6u);
}

TEST(InputPetrarchXml, ReaderUnclosedComment) {
  const std::vector<XmlItem> items = Items("<A/>\n<!-- never closed\n<B/>");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[2].kind, XmlItem::Kind::kMalformed);
  EXPECT_EQ(items[2].line, 2u);
  EXPECT_EQ(items[2].problem, "comment not closed at the end of the input");
}

TEST(InputPetrarchXml, ReaderLongTextComesInPiecesAndReferencesStayWhole) {
  // Text longer than a piece, with a reference straddling the piece boundary.
  std::string text(2 << 20, 'a');
  text.replace((1 << 20) - 3, 3, "&amp;");
  const std::vector<XmlItem> items = Items("<T>" + text + "</T>");
  std::string joined;
  size_t pieces = 0;
  for (const XmlItem& item : items)
    if (item.kind == XmlItem::Kind::kText) {
      joined += item.text;
      ++pieces;
    }
  EXPECT_GE(pieces, 2u);
  EXPECT_EQ(joined.size(), (2u << 20) - 3 + 1);
  EXPECT_EQ(joined.substr((1u << 20) - 4, 3), "a&a");
  // A tag longer than the item limit is skipped, and reading goes on.
  const std::vector<XmlItem> long_tag = Items("<A x=\"" + std::string(5000, 'v') + "\"/><B/>", 1000);
  ASSERT_EQ(long_tag.size(), 2u);
  EXPECT_EQ(long_tag[0].kind, XmlItem::Kind::kMalformed);
  EXPECT_EQ(long_tag[1].name, "B");
}

std::vector<PetrarchItem> ReadPetrarch(const std::string& xml, std::vector<std::string>* problems,
                                       uint64_t max_text_bytes = 64ull << 20) {
  std::istringstream in(xml);
  PetrarchXmlReader reader(in, "f.xml", "", max_text_bytes);
  std::vector<PetrarchItem> items;
  while (std::optional<PetrarchItem> item = reader.Next()) items.push_back(std::move(*item));
  *problems = reader.TakeProblems();
  return items;
}

TEST(InputPetrarchXml, SentencesAndSettings) {
  std::vector<std::string> problems;
  const std::vector<PetrarchItem> items = ReadPetrarch(
      "<Validation><Environment><Verbfile> v.txt </Verbfile><Config option=\"a\" value=\"b\"></Config></Environment>\n"
      "<Sentences><Config option='require_dyad' value='false'/>\n"
      "<Sentence id=\"S-1\" date=\"19950101\">\n<EventCoding sourcecode=\"A\" targetcode=\"B\" eventcode=\"010\"/>\n"
      "<Text>\n  One line\n  and two.\n</Text>\n<Parse>(ROOT (S (NP (NNP One))))</Parse>\n</Sentence>\n"
      "</Sentences></Validation>\n",
      &problems);
  EXPECT_TRUE(problems.empty()) << problems.front();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].kind, PetrarchItem::Kind::kSetting);
  EXPECT_EQ(items[0].setting.name, "Verbfile");
  EXPECT_EQ(items[0].setting.text, " v.txt ");
  EXPECT_TRUE(items[0].setting.in_environment);
  EXPECT_EQ(items[1].setting.name, "Config");
  EXPECT_TRUE(items[1].setting.in_environment);
  EXPECT_EQ(*items[2].setting.Attribute("option"), "require_dyad");
  EXPECT_FALSE(items[2].setting.in_environment);
  const PetrarchSentence& s = items[3].sentence;
  EXPECT_EQ(items[3].kind, PetrarchItem::Kind::kSentence);
  EXPECT_EQ(s.line, 3u);
  EXPECT_EQ(*s.Attribute("id"), "S-1");
  ASSERT_TRUE(s.text);
  EXPECT_EQ(*s.text, "\n  One line\n  and two.\n");
  EXPECT_EQ(s.text_line, 5u);
  EXPECT_EQ(PetrarchSentenceText(*s.text), "One line   and two.");
  ASSERT_EQ(s.event_codings.size(), 1u);
  EXPECT_TRUE(s.closed);
}

TEST(InputPetrarchXml, BrokenStructureIsRepairedAndReported) {
  std::vector<std::string> problems;
  const std::vector<PetrarchItem> items = ReadPetrarch(
      "<Sentences>\n<Sentence id=\"1\">\n<Text>First\n<Parse>(S)</Parse>\n"  // <Text> not closed
      "<Sentence id=\"2\"><Text>Second</Text></Sentence>\n"                   // "1" not closed
      "</Nothing>\n"
      "<Sentence id=\"3\"><Text>Third</Text>\n",                              // the file ends
      &problems);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(*items[0].sentence.text, "First\n");
  EXPECT_FALSE(items[0].sentence.closed);
  EXPECT_EQ(*items[1].sentence.text, "Second");
  EXPECT_TRUE(items[1].sentence.closed);
  EXPECT_EQ(*items[2].sentence.text, "Third");
  EXPECT_FALSE(items[2].sentence.closed);
  EXPECT_EQ(problems, (std::vector<std::string>{
                          "f.xml:4: <Text> at line 3 not closed before <Parse>",
                          "f.xml:5: <Sentence> at line 2 not closed before this <Sentence>",
                          "f.xml:6: </Nothing> without a start tag; ignored",
                          "f.xml:8: <Sentence> at line 7 not closed before the end of the file",
                          "f.xml:8: <Sentences> at line 1 not closed before the end of the file",
                      }));
}

TEST(InputPetrarchXml, TextLimit) {
  std::vector<std::string> problems;
  const std::vector<PetrarchItem> items =
      ReadPetrarch("<Sentence id=\"1\">\n<Text>0123456789</Text></Sentence>", &problems, 4);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(items[0].sentence.text_too_long);
  EXPECT_EQ(*items[0].sentence.text, "0123");
  EXPECT_EQ(problems, (std::vector<std::string>{"f.xml:2: <Text> longer than the limit of 4 bytes"}));
}

TEST(InputPetrarchXml, Dates) {
  EXPECT_EQ(ParsePetrarchDate("20080804"), (Date{2008, 8, 4}));
  EXPECT_EQ(ParsePetrarchDate("2008-08-04"), (Date{2008, 8, 4}));
  EXPECT_EQ(ParsePetrarchDate("20080231"), std::nullopt);
  EXPECT_EQ(ParsePetrarchDate("2008084"), std::nullopt);
  EXPECT_EQ(ParsePetrarchDate(""), std::nullopt);
}

class InputPetrarchXmlSource : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("dateline-petrarch-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, std::string_view bytes) {
    const fs::path p = dir_ / name;
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  std::vector<Document> ReadAll(std::vector<std::string> paths, InputOptions opts = {}) {
    ArticleSource source(std::move(paths), std::move(opts), log_, &rejects_);
    std::vector<Document> docs;
    while (std::optional<Document> doc = source.Next()) docs.push_back(std::move(*doc));
    counters_ = source.counters();
    return docs;
  }
  fs::path dir_;
  std::ostringstream log_, rejects_;
  InputCounters counters_;
};

constexpr std::string_view kStory =
    "<!-- # PETRARCH sample -->\n"
    "<Sentences>\n"
    "<Sentence date = \"20080804\" id =\"AFP0808020625_4\" source = \"AFP\" sentence = \"True\">\n"
    "<Text>\n"
    "The stopover came as the US leader prepared to attend the Beijing Olympics, an \n"
    "event which will test his vow. \n"
    "</Text>\n"
    "<Parse>\n( (S (NP (DT The) (NN stopover)) (. .)))\n</Parse>\n"
    "</Sentence>\n"
    "<Sentence date=\"2008080\" id=\"bad-date\"><Text>Russia &amp; China met.</Text></Sentence>\n"
    "</Sentences>\n";

TEST_F(InputPetrarchXmlSource, EachSentenceIsADocument) {
  const std::string path = Write("story.xml", kStory);
  const std::vector<Document> docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "AFP0808020625_4");
  EXPECT_EQ(docs[0].publication_date, (Date{2008, 8, 4}));
  EXPECT_EQ(docs[0].text(),
            "The stopover came as the US leader prepared to attend the Beijing Olympics, an  event which will test "
            "his vow.");
  EXPECT_EQ(docs[0].outlet, "AFP");
  EXPECT_EQ(docs[0].origin, path + ":3");
  // Entities decoded once; a bad date is a warning and the run's date stands.
  EXPECT_EQ(docs[1].text(), "Russia & China met.");
  EXPECT_EQ(docs[1].publication_date, std::nullopt);
  EXPECT_EQ(counters_.documents, 2u);
  EXPECT_EQ(counters_.rejects, 0u);
  EXPECT_EQ(counters_.warnings, 1u);
  EXPECT_EQ(log_.str(), "bad-date: warning: invalid date \"2008080\" ignored\n");
}

TEST_F(InputPetrarchXmlSource, DoubleEncodedEntitiesStayEncodedOnce) {
  const std::string path =
      Write("e.xml", "<Sentences><Sentence id=\"e\"><Text>a &amp;lt; b &amp;nbsp;</Text></Sentence></Sentences>");
  const std::vector<Document> docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text(), "a &lt; b &nbsp;");
}

TEST_F(InputPetrarchXmlSource, BadXmlIsReportedWithFileAndLineAndTheRunGoesOn) {
  const std::string bad = Write("bad.xml",
                                "<Sentences>\n"
                                "<Sentence date=\"20080801\">\n<Text>No id here.</Text>\n</Sentence>\n"
                                "<Sentence id=\"no-text\"></Sentence>\n"
                                "<Sentence id=\"broken\" date=\"20080801\">\n<Text>Kept\n"
                                "<Sentence id=\"after\"><Text>After the damage.</Text></Sentence>\n"
                                "</Sentences>\n");
  const std::string good = Write("good.xml", kStory);
  const std::vector<Document> docs = ReadAll({bad, good});
  std::vector<std::string> ids;
  for (const Document& d : docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"broken", "after", "AFP0808020625_4", "bad-date"}));
  EXPECT_EQ(docs[0].text(), "Kept");
  EXPECT_EQ(counters_.rejects, 2u);
  EXPECT_EQ(counters_.unusable_files, 0u);
  const std::string log = log_.str();
  EXPECT_NE(log.find(bad + ":2: <Sentence> without an id attribute; skipped\n"), std::string::npos) << log;
  EXPECT_NE(log.find(bad + ":5: <Sentence id=\"no-text\"> has no <Text>; skipped\n"), std::string::npos) << log;
  EXPECT_NE(log.find(bad + ":8: <Text> at line 7 not closed before <Sentence>\n"), std::string::npos) << log;
  EXPECT_NE(log.find(bad + ":8: <Sentence> at line 6 not closed before this <Sentence>\n"), std::string::npos) << log;
}

TEST_F(InputPetrarchXmlSource, ForcedFormatStdinAndEmptyFiles) {
  InputOptions opts;
  opts.format = InputFormat::kPetrarchXml;
  opts.date = Date{2020, 1, 2};
  const std::string txt = Write("sentences.txt", "<Sentence id=\"x\"><Text> X. </Text></Sentence>");
  const std::vector<Document> docs = ReadAll({txt}, opts);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text(), "X.");
  EXPECT_EQ(docs[0].publication_date, (Date{2020, 1, 2}));  // no date attribute: the run's date

  std::istringstream in("<Sentences><Sentence id=\"s\"><Text>From a pipe.</Text></Sentence></Sentences>");
  InputOptions stdin_opts;
  stdin_opts.standard_input = &in;
  const std::vector<Document> piped = ReadAll({"-"}, stdin_opts);
  ASSERT_EQ(piped.size(), 1u);
  EXPECT_EQ(piped[0].id, "s");

  log_.str("");
  const std::string none = Write("none.xml", "<Sentences>\n</Sentences>\n");
  EXPECT_TRUE(ReadAll({none}, opts).empty());
  EXPECT_EQ(log_.str(), none + ": no <Sentence> elements in this PETRARCH XML file\n");
}

TEST_F(InputPetrarchXmlSource, ManySentencesAcrossChunks) {
  std::string xml = "<Sentences>\n";
  for (int i = 0; i < 3000; ++i)
    xml += "<Sentence id=\"s" + std::to_string(i) + "\" date=\"20200101\">\n<Text>\nSentence number " +
           std::to_string(i) + " is here.\n</Text>\n<Parse>\n(ROOT (S (NP (NN x))))\n</Parse>\n</Sentence>\n";
  xml += "</Sentences>\n";
  ASSERT_GT(xml.size(), 3u * (64u << 10));
  const std::string path = Write("many.xml", xml);
  const std::vector<Document> docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 3000u);
  EXPECT_EQ(docs[2999].text(), "Sentence number 2999 is here.");
  EXPECT_EQ(docs[2999].origin, path + ":" + std::to_string(2 + 2999 * 8));
  EXPECT_TRUE(log_.str().empty()) << log_.str();
}

TEST_F(InputPetrarchXmlSource, SharedSampleAndValidationFiles) {
  const fs::path shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: PETRARCH sample files not available";
  const std::vector<Document> sample = ReadAll({(shared / "reference/text/GigaWord.sample.PETR.xml").string()});
  EXPECT_EQ(sample.size(), 76u);
  EXPECT_EQ(counters_.rejects, 0u);
  // Nine of its sentences have an empty <Text> (a parse only): documents with a warning.
  EXPECT_EQ(counters_.warnings, 9u) << log_.str();
  EXPECT_EQ(log_.str().find("TEST_1: warning: empty document\n"), 0u) << log_.str();
  ASSERT_FALSE(sample.empty());
  EXPECT_EQ(sample[0].id, "AFP0808020625_4");
  EXPECT_EQ(sample[0].publication_date, (Date{2008, 8, 4}));
  EXPECT_EQ(sample[0].text().substr(0, 40), "The stopover came as the US leader prepa");

  log_.str("");
  EXPECT_EQ(ReadAll({(shared / "reference/petrarch2-validate/PETR_Validate_records_2_02.xml").string()}).size(), 274u);
  EXPECT_EQ(counters_.rejects, 0u);
  EXPECT_TRUE(log_.str().empty()) << log_.str();
  EXPECT_EQ(ReadAll({(shared / "reference/petrarch1/PETR.UnitTest.records.xml").string()}).size(), 284u);
  EXPECT_EQ(counters_.rejects, 0u);
  EXPECT_TRUE(log_.str().empty()) << log_.str();
}

}  // namespace
}  // namespace dateline
