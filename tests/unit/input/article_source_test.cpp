// ArticleSource: files, directories, stdin, format detection, JSON Lines and its rejects.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "input/input.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

class InputSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("dateline-input-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string Write(const std::string& relative, std::string_view bytes) {
    const fs::path p = dir_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }

  // Reads everything from `paths`, keeping the log and rejects.
  std::vector<Document> ReadAll(std::vector<std::string> paths, InputOptions opts = {}) {
    ArticleSource source(std::move(paths), std::move(opts), log_, &rejects_);
    std::vector<Document> docs;
    while (std::optional<Document> doc = source.Next()) docs.push_back(std::move(*doc));
    counters_ = source.counters();
    return docs;
  }

  static std::vector<std::string> Ids(const std::vector<Document>& docs) {
    std::vector<std::string> ids;
    for (const Document& d : docs) ids.push_back(d.id);
    return ids;
  }

  fs::path dir_;
  std::ostringstream log_;
  std::ostringstream rejects_;
  InputCounters counters_;
};

TEST_F(InputSourceTest, PlainTextFileIsOneArticle) {
  const std::string path = Write("story.txt", "BEIJING (Reuters) \x96 China said\r\nmore.");
  InputOptions opts;
  opts.date = Date::Parse("2022-01-10");
  const std::vector<Document> docs = ReadAll({path}, opts);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, path);
  EXPECT_EQ(docs[0].origin, path);
  EXPECT_EQ(docs[0].text(), "BEIJING (Reuters) \xE2\x80\x93 China said\nmore.");
  EXPECT_EQ(docs[0].input_offset(22), 20u);  // 'C' after the widened dash
  ASSERT_TRUE(docs[0].publication_date.has_value());
  EXPECT_EQ(docs[0].publication_date->ToString(), "2022-01-10");
  EXPECT_EQ(counters_.documents, 1u);
  EXPECT_EQ(counters_.rejects + counters_.warnings + counters_.unusable_files, 0u);
  EXPECT_EQ(log_.str(), "");
}

TEST_F(InputSourceTest, JsonLinesWithAllFields) {
  const std::string path = Write(
      "a.jsonl",
      "{\"id\":\"r1\",\"text\":\"Xi met Biden &amp; said \\u201Chi\\u201D.\\r\\nEnd\",\"date\":\"2022-01-10\","
      "\"title\":\"Talks &mdash; day 1\",\"url\":\"https://x/1\",\"outlet\":\"Reuters\",\"extra\":[1,2]}\n"
      "\n"
      "   \n"
      "{\"id\":\"r2\",\"text\":\"Second.\",\"date\":\"2022-01-11T08:30:00Z\",\"title\":null}\n");
  const std::vector<Document> docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "r1");
  EXPECT_EQ(docs[0].text(), "Xi met Biden & said \xE2\x80\x9Chi\xE2\x80\x9D.\nEnd");
  EXPECT_EQ(docs[0].title, "Talks \xE2\x80\x94 day 1");
  EXPECT_EQ(docs[0].url, "https://x/1");
  EXPECT_EQ(docs[0].outlet, "Reuters");
  EXPECT_EQ(docs[0].origin, path + ":1");
  EXPECT_EQ(docs[0].publication_date->ToString(), "2022-01-10");
  // Offsets are in the UTF-8 of the decoded `text` field: "Xi met Biden &amp; said “hi”.\r\nEnd".
  EXPECT_EQ(docs[0].input_offset(13), 13u);  // &amp;
  EXPECT_EQ(docs[0].input_offset(15), 19u);  // "said"
  EXPECT_EQ(docs[0].input_offset(30), 35u);  // "End" after \r\n
  EXPECT_EQ(docs[1].id, "r2");
  EXPECT_EQ(docs[1].origin, path + ":4");  // blank lines count
  EXPECT_EQ(docs[1].publication_date->ToString(), "2022-01-11");
  EXPECT_EQ(docs[1].title, "");
  EXPECT_EQ(counters_.documents, 2u);
  EXPECT_EQ(counters_.rejects, 0u);
  EXPECT_EQ(log_.str(), "");
  EXPECT_EQ(rejects_.str(), "");
}

TEST_F(InputSourceTest, BadJsonLinesAreRejectedAndReadingGoesOn) {
  const std::vector<std::string> bad = {
      "{\"id\":\"x\",\"text\":",          // truncated
      "{\"id\":\"x\"}",                   // no text
      "{\"text\":\"t\"}",                 // no id
      "{\"id\":7,\"text\":\"t\"}",        // id of the wrong type
      "{\"id\":\"x\",\"text\":[\"t\"]}",  // text of the wrong type
      "{\"id\":\"x\",\"text\":\"t\",\"title\":3}",
      "[1,2]",
      "not json at all",
      "{\"id\":\"\",\"text\":\"t\"}",
  };
  std::string content = "{\"id\":\"good1\",\"text\":\"One.\"}\n";
  for (const std::string& line : bad) content += line + "\n";
  content += "{\"id\":\"good2\",\"text\":\"Two.\"}";  // no final newline
  const std::string path = Write("b.jsonl", content);
  const std::vector<Document> docs = ReadAll({path});
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"good1", "good2"}));
  EXPECT_EQ(docs[1].origin, path + ":11");
  EXPECT_EQ(counters_.rejects, bad.size());
  std::string expected_rejects;
  for (const std::string& line : bad) expected_rejects += line + "\n";
  EXPECT_EQ(rejects_.str(), expected_rejects);
  const std::string log = log_.str();
  EXPECT_NE(log.find(path + ":2: malformed JSON line: "), std::string::npos) << log;
  EXPECT_NE(log.find(path + ":3: missing field text\n"), std::string::npos) << log;
  EXPECT_NE(log.find(path + ":4: missing field id\n"), std::string::npos) << log;
  EXPECT_NE(log.find(path + ":5: malformed JSON line: field id is not a string\n"), std::string::npos) << log;
  EXPECT_NE(log.find(path + ":6: malformed JSON line: field text is not a string\n"), std::string::npos) << log;
  EXPECT_NE(log.find(path + ":7: malformed JSON line: field title is not a string\n"), std::string::npos) << log;
  EXPECT_NE(log.find(path + ":8: malformed JSON line: not an object\n"), std::string::npos) << log;
  EXPECT_NE(log.find(path + ":9: malformed JSON line: "), std::string::npos) << log;
  EXPECT_NE(log.find(path + ":10: malformed JSON line: field id is empty\n"), std::string::npos) << log;
}

TEST_F(InputSourceTest, RejectsWithoutARejectStreamStillCount) {
  const std::string path = Write("c.jsonl", "{oops}\n{\"id\":\"a\",\"text\":\"b\"}\n");
  ArticleSource source({path}, {}, log_, nullptr);
  int n = 0;
  while (source.Next()) ++n;
  EXPECT_EQ(n, 1);
  EXPECT_EQ(source.counters().rejects, 1u);
}

TEST_F(InputSourceTest, InvalidDateIsAWarningAndAbsent) {
  const std::string path = Write("d.jsonl",
                                 "{\"id\":\"d1\",\"text\":\"T.\",\"date\":\"2022-02-30\"}\n"
                                 "{\"id\":\"d2\",\"text\":\"T.\",\"date\":20220101}\n"
                                 "{\"id\":\"d3\",\"text\":\"T.\"}\n");
  InputOptions opts;
  opts.date = Date::Parse("2020-05-05");
  const std::vector<Document> docs = ReadAll({path}, opts);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_FALSE(docs[0].publication_date.has_value());
  EXPECT_FALSE(docs[1].publication_date.has_value());
  EXPECT_EQ(docs[2].publication_date->ToString(), "2020-05-05");  // the default date
  EXPECT_EQ(counters_.warnings, 2u);
  EXPECT_EQ(counters_.rejects, 0u);
  EXPECT_NE(log_.str().find("d1: warning: invalid date \"2022-02-30\" ignored\n"), std::string::npos) << log_.str();
  EXPECT_NE(log_.str().find("d2: warning: invalid date 20220101 ignored\n"), std::string::npos) << log_.str();
}

TEST_F(InputSourceTest, DecodeWarningsAreLoggedAndCounted) {
  const std::string path = Write("e.jsonl",
                                 "{\"id\":\"bin\",\"text\":\"a\\u0000b\"}\n"
                                 "{\"id\":\"blank\",\"text\":\"  \\n \"}\n");
  const std::vector<Document> docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text(), "");
  EXPECT_EQ(counters_.warnings, 2u);
  EXPECT_EQ(log_.str(), "bin: warning: binary content\nblank: warning: empty document\n");
}

TEST_F(InputSourceTest, CrlfLinesAndBomInJsonLines) {
  const std::string path = Write("f.jsonl",
                                 "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"A.\"}\r\n\r\n{\"id\":\"b\",\"text\":\"B.\"}\r\n");
  const std::vector<Document> docs = ReadAll({path});
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(counters_.rejects, 0u);
}

TEST_F(InputSourceTest, Windows1252JsonLineIsDecoded) {
  const std::string path = Write("g.jsonl", "{\"id\":\"w\",\"text\":\"\x93Hi\x94 caf\xE9\"}\n");
  const std::vector<Document> docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text(), "\xE2\x80\x9CHi\xE2\x80\x9D caf\xC3\xA9");
  EXPECT_EQ(counters_.rejects, 0u);
  EXPECT_EQ(counters_.warnings, 1u);
}

TEST_F(InputSourceTest, OverlongLineIsRejectedVerbatimWithBoundedMemory) {
  const std::string long_line = "{\"id\":\"long\",\"text\":\"" + std::string(5000, 'x') + "\"}";
  const std::string path = Write("h.jsonl", long_line + "\n{\"id\":\"ok\",\"text\":\"fine\"}\n");
  InputOptions opts;
  opts.max_article_bytes = 1000;
  const std::vector<Document> docs = ReadAll({path}, opts);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"ok"}));
  EXPECT_EQ(docs[0].origin, path + ":2");
  EXPECT_EQ(counters_.rejects, 1u);
  EXPECT_EQ(rejects_.str(), long_line + "\n");
  EXPECT_NE(log_.str().find(path + ":1: malformed JSON line: longer than the limit of 1000 bytes"), std::string::npos);
}

TEST_F(InputSourceTest, LinesLongerThanTheReadBufferAreWhole) {
  std::string text;
  for (int i = 0; text.size() < 3'000'000; ++i) text += "Word" + std::to_string(i) + " ";
  const std::string path = Write("big.jsonl", "{\"id\":\"a\",\"text\":\"" + text + "\"}\n{\"id\":\"b\",\"text\":\"x\"}");
  const std::vector<Document> docs = ReadAll({path});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text(), text);
  EXPECT_EQ(docs[1].id, "b");
}

TEST_F(InputSourceTest, TextFileOverTheLimitIsUnusable) {
  const std::string path = Write("big.txt", std::string(2000, 'a'));
  InputOptions opts;
  opts.max_article_bytes = 1000;
  EXPECT_TRUE(ReadAll({path}, opts).empty());
  EXPECT_EQ(counters_.unusable_files, 1u);
  EXPECT_EQ(log_.str(), path + ": cannot read: longer than the article limit of 1000 bytes\n");
}

TEST_F(InputSourceTest, DirectoriesAreWalkedRecursivelyInSortedOrderSkippingHidden) {
  Write("in/b.txt", "B");
  Write("in/a.txt", "A");
  Write("in/sub/c.txt", "C");
  Write("in/sub/B.txt", "B2");
  Write("in/.hidden.txt", "H");
  Write("in/.git/x.txt", "X");
  Write("in/z.jsonl", "{\"id\":\"z1\",\"text\":\"Z\"}\n{\"id\":\"z2\",\"text\":\"Z\"}\n");
  Write("in/aa/d.txt", "D");
  const std::string in = (dir_ / "in").string();
  const std::string extra = Write("extra.txt", "E");
  const std::vector<Document> docs = ReadAll({extra, in});
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{extra, in + "/a.txt", in + "/aa/d.txt", in + "/b.txt",
                                                 in + "/sub/B.txt", in + "/sub/c.txt", "z1", "z2"}));
  EXPECT_EQ(counters_.unusable_files, 0u);
}

TEST_F(InputSourceTest, PathsKeepTheFormGiven) {
  Write("in/a.txt", "A");
  const std::vector<Document> docs = ReadAll({(dir_ / "in").string() + "/"});
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{(dir_ / "in").string() + "/a.txt"}));
}

TEST_F(InputSourceTest, FormatDetection) {
  const std::string sniffed = Write("articles.dat", "\n  {\"id\":\"s\",\"text\":\"S\"}\n");
  const std::string json_ext = Write("one.JSON", "{\"id\":\"j\",\"text\":\"J\"}");
  const std::string ndjson = Write("two.ndjson", "{\"id\":\"n\",\"text\":\"N\"}");
  const std::string text = Write("brace.txt.bak", "Not JSON {\"id\":1}");
  const std::string xml_text = Write("page.xml", "<html>news</html>");
  const std::string petrarch = Write("p.xml", "<?xml version=\"1.0\"?>\n<Sentences>\n<Sentence date=\"20220110\">");
  const std::vector<Document> docs = ReadAll({sniffed, json_ext, ndjson, text, xml_text, petrarch});
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"s", "j", "n", text, xml_text}));
  // The PETRARCH file is read as PETRARCH XML (petrarch_xml_test.cpp): its one sentence is broken.
  EXPECT_EQ(counters_.unusable_files, 0u);
  EXPECT_EQ(counters_.rejects, 1u);
  EXPECT_EQ(log_.str(), petrarch + ":3: <Sentence> at line 3 not closed before the end of the file\n" + petrarch +
                            ":3: <Sentences> at line 2 not closed before the end of the file\n" + petrarch +
                            ":3: <Sentence> without an id attribute; skipped\n");
}

TEST_F(InputSourceTest, ForcedFormatOverridesDetection) {
  const std::string path = Write("a.jsonl", "{\"id\":\"x\",\"text\":\"y\"}\n");
  InputOptions opts;
  opts.format = InputFormat::kText;
  const std::vector<Document> docs = ReadAll({path}, opts);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, path);
  EXPECT_EQ(docs[0].text(), "{\"id\":\"x\",\"text\":\"y\"}\n");
  EXPECT_EQ(ParseInputFormat("jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(ParseInputFormat("petrarch-xml"), InputFormat::kPetrarchXml);
  EXPECT_EQ(ParseInputFormat("csv"), std::nullopt);
}

TEST_F(InputSourceTest, MissingFileIsReportedAndReadingGoesOn) {
  const std::string missing = (dir_ / "nope.txt").string();
  const std::string good = Write("ok.txt", "fine");
  const std::vector<Document> docs = ReadAll({missing, good});
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{good}));
  EXPECT_EQ(counters_.unusable_files, 1u);
  EXPECT_EQ(log_.str(), missing + ": cannot read: No such file or directory\n");
}

TEST_F(InputSourceTest, StdinIsSniffed) {
  std::istringstream jsonl("  {\"id\":\"s1\",\"text\":\"A\"}\n{\"id\":\"s2\",\"text\":\"B\"}\n");
  InputOptions opts;
  opts.standard_input = &jsonl;
  EXPECT_EQ(Ids(ReadAll({"-"}, opts)), (std::vector<std::string>{"s1", "s2"}));

  std::istringstream text("Plain story from a pipe.\r\n");
  opts.standard_input = &text;
  const std::vector<Document> docs = ReadAll({"-"}, opts);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "-");
  EXPECT_EQ(docs[0].text(), "Plain story from a pipe.\n");

  std::istringstream xml("<Sentences><Sentence id=\"1\"><Text>From XML.</Text></Sentence>");
  opts.standard_input = &xml;
  EXPECT_EQ(Ids(ReadAll({"-"}, opts)), (std::vector<std::string>{"1"}));
  EXPECT_EQ(counters_.unusable_files, 0u);
}

}  // namespace
}  // namespace dateline
