// The `dateline` program end to end: bad input is reported with its place, the run goes on,
// nothing is lost, and the exit status says only whether arguments and files were usable.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status = -1;
  std::string out, err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dateline-cli-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

  Outcome Dateline(const std::string& args, const std::string& stdin_bytes = "") {
    const fs::path in = Write("stdin.bin", stdin_bytes), out = dir_ / "out.txt", err = dir_ / "err.txt";
    const std::string cmd = std::string(DATELINE_BINARY) + " " + args + " <" + in.string() + " >" + out.string() +
                            " 2>" + err.string();
    Outcome r;
    const int raw = std::system(cmd.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = testing::ReadFile(out);
    r.err = testing::ReadFile(err);
    return r;
  }

  fs::path dir_;
};

int CountLines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

const char* kArticle =
    "France criticizes Mali over expulsion\n\n"
    "PARIS, March 3 (Reuters) - France on Monday criticized Mali for expelling its ambassador, "
    "and President Emmanuel Macron told Mali's government that Paris would review its aid.\n";

TEST_F(CliTest, CodesAPlainTextArticle) {
  const fs::path a = Write("a.txt", kArticle);
  Outcome r = Dateline("code --date 2025-03-03 " + a.string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_GE(CountLines(r.out), 1) << r.err;
  EXPECT_NE(r.out.find("\"source\":\"FRA\""), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("summary: documents 1,"), std::string::npos) << r.err;
}

TEST_F(CliTest, MalformedJsonLineIsReportedRejectedAndTheRunGoesOn) {
  const fs::path in = Write("in.jsonl",
                            std::string("{\"id\":\"a\",\"date\":\"2025-03-03\",\"text\":\"France criticized Mali.\"}\n") +
                                "{\"id\":\"b\",\"text\": oops}\n" +
                                "{\"id\":\"c\",\"date\":\"2025-03-03\",\"text\":\"Mali criticized France.\"}\n");
  const fs::path rejects = dir_ / "rejects.jsonl";
  Outcome r = Dateline("code --rejects " + rejects.string() + " " + in.string());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find(in.string() + ":2: malformed JSON line"), std::string::npos) << r.err;
  EXPECT_EQ(testing::ReadFile(rejects), "{\"id\":\"b\",\"text\": oops}\n");
  EXPECT_NE(r.out.find("\"doc_id\":\"a\""), std::string::npos);
  EXPECT_NE(r.out.find("\"doc_id\":\"c\""), std::string::npos);
  EXPECT_NE(r.err.find("rejects 1"), std::string::npos) << r.err;
}

TEST_F(CliTest, BinaryAndEmptyDocumentsWarnAndYieldNoEvents) {
  const fs::path bin = Write("b.txt", std::string("\x7F" "ELF\0\0\0\x01\x02", 9));
  const fs::path empty = Write("e.txt", "  \n\n ");
  Outcome r = Dateline("code --date 2025-01-01 " + bin.string() + " " + empty.string());
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("binary content"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("empty document"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("documents 2,"), std::string::npos) << r.err;
}

TEST_F(CliTest, InvalidUtf8IsRepairedAndCounted) {
  const fs::path a = Write("a.txt", std::string("Caf\xC3\xA9 owners: France criticized Mali \xFF today.\n"));
  Outcome r = Dateline("code --date 2025-01-01 " + a.string());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("1 invalid UTF-8 byte replaced by U+FFFD"), std::string::npos) << r.err;
  simdjson::dom::parser parser;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) EXPECT_FALSE(parser.parse(line).error()) << line;
}

TEST_F(CliTest, UnusableArgumentsAndFilesGiveNonZeroStatus) {
  EXPECT_EQ(Dateline("code --date 2025-13-01 x.txt").status, 2);
  EXPECT_EQ(Dateline("code --format xml x.txt").status, 2);
  EXPECT_EQ(Dateline("code --threads 0 x.txt").status, 2);
  EXPECT_EQ(Dateline("frobnicate").status, 2);
  const fs::path good = Write("good.txt", kArticle);
  Outcome r = Dateline("code --date 2025-03-03 " + (dir_ / "missing.txt").string() + " " + good.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("missing.txt: cannot read"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"source\":\"FRA\""), std::string::npos) << "the readable file is still coded";
}

TEST_F(CliTest, StandardInputAndFormatsTsvCsv) {
  Outcome r = Dateline("code --input-format jsonl --format tsv -",
                   "{\"id\":\"s\",\"date\":\"2025-03-03\",\"text\":\"France criticized Mali.\"}\n");
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(CountLines(r.out), 2) << r.out;
  EXPECT_EQ(r.out.rfind("type\tschema_version\tevent_id", 0), 0u) << r.out;
  r = Dateline("code --format csv -", "{\"id\":\"s\",\"date\":\"2025-03-03\",\"text\":\"France criticized Mali.\"}\n");
  EXPECT_EQ(r.out.rfind("type,schema_version,event_id", 0), 0u) << r.out;
}

TEST_F(CliTest, ThreadsGiveTheSameOutputInInputOrder) {
  std::string jsonl;
  const char* texts[] = {"France criticized Mali.", "Mali criticized France.", "Germany praised Poland.",
                         "Russia attacked Ukraine.", "China visited Kazakhstan."};
  for (int i = 0; i < 300; ++i)
    jsonl += "{\"id\":\"d" + std::to_string(i) + "\",\"date\":\"2025-03-03\",\"text\":\"" + texts[i % 5] + "\"}\n";
  const fs::path in = Write("many.jsonl", jsonl);
  Outcome one = Dateline("code --threads 1 " + in.string());
  Outcome two = Dateline("code --threads 2 " + in.string());
  EXPECT_EQ(one.status, 0);
  EXPECT_GE(CountLines(one.out), 200);
  EXPECT_EQ(one.out, two.out);
}

TEST_F(CliTest, ArticleRecordsCarryTheCleanersFindings) {
  const fs::path a = Write("a.txt", std::string(kArticle) + "\nReporting by Jean Dupont; Editing by Ann Smith\n");
  Outcome r = Dateline("code --articles --date 2025-03-03 " + a.string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"type\":\"article\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Jean Dupont"), std::string::npos) << r.out;
}

// --quotes: quote records before the document's events, counted in the summary; flat formats
// carry events only.
TEST_F(CliTest, QuoteRecordsWithQuotes) {
  const fs::path a = Write("a.txt", std::string(kArticle) +
                                        "\n\u201cMali has broken its word to the people of France,\u201d Macron said.\n");
  Outcome r = Dateline("code --quotes --date 2025-03-03 " + a.string());
  EXPECT_EQ(r.status, 0) << r.err;
  const size_t quote = r.out.find("\"type\":\"quote\"");
  ASSERT_NE(quote, std::string::npos) << r.out;
  EXPECT_LT(quote, r.out.find("\"type\":\"event\"")) << r.out;
  EXPECT_NE(r.out.find("\"speaker\":{\"code\":\"FRAGOV\",\"name\":\"Emmanuel Macron\",\"text\":\"Macron\"}"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("quotes 1,"), std::string::npos) << r.err;
  Outcome plain = Dateline("code --date 2025-03-03 " + a.string());
  EXPECT_EQ(plain.out.find("\"type\":\"quote\""), std::string::npos);
  EXPECT_NE(plain.err.find("quotes 0,"), std::string::npos) << plain.err;
  Outcome tsv = Dateline("code --quotes --format tsv --date 2025-03-03 " + a.string());
  EXPECT_EQ(tsv.out.find("\tquote\t"), std::string::npos);
}

// `dict lint` and `dict stats` (cli/dict_command.h).
TEST_F(CliTest, DictDefaultDictionariesLintWithoutErrors) {
  Outcome r = Dateline("dict lint");
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("lint: 0 errors"), std::string::npos) << r.out;
}

TEST_F(CliTest, DictLintReportsEachFindingWithItsPlaceAndFailsOnAnError) {
  const std::string actors = Write("a.dl",
                                   "actor  FRA    | Gaul            | kind=country\n"
                                   "actor  ITA    | Gaul            | kind=country\n").string();
  const std::string verbs = Write("v.dl",
                                  "verb   042    | [visit] +       |\n"
                                  "verb   042    | [visit] +       |\n").string();
  Outcome r = Dateline("dict lint --no-default-dictionaries --actors " + actors + " --verbs " + verbs);
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find(actors + ":2: error: conflict: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(verbs + ":2: warning: duplicate: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("lint: 1 errors, 1 warnings in 2 files"), std::string::npos) << r.out;

  // Warnings alone do not fail.
  r = Dateline("dict lint --no-default-dictionaries --verbs " + verbs);
  EXPECT_EQ(r.status, 0) << r.out << r.err;

  // An unreadable file is an unusable argument.
  r = Dateline("dict lint --no-default-dictionaries --verbs " + (dir_ / "missing.dl").string());
  EXPECT_EQ(r.status, 2) << r.out << r.err;
}

TEST_F(CliTest, DictStatsCountsPerFile) {
  const std::string verbs = Write("v.dl",
                                  "verb   042    | [visit] +       |\n"
                                  "verb   190    | [attack] +      |\n").string();
  Outcome r = Dateline("dict stats --no-default-dictionaries --verbs " + verbs);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(verbs), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("event codes: 2 distinct"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("CAMEO roots covered: 2/20"), std::string::npos) << r.out;

  r = Dateline("dict stats");
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("data/dict/verbs.dl"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace dateline
