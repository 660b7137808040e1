// `dateline dict lint` and `dateline dict stats` end to end: the exit status says whether an
// error was found, every finding names its file:line, and the defaults lint clean.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>

#include "test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status = -1;
  std::string out, err;
};

class DictCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dateline-dict-cli-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  Outcome Dateline(const std::string& args) {
    const fs::path out = dir_ / "out.txt", err = dir_ / "err.txt";
    const std::string cmd =
        std::string(DATELINE_BINARY) + " " + args + " </dev/null >" + out.string() + " 2>" + err.string();
    Outcome r;
    const int raw = std::system(cmd.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = testing::ReadFile(out);
    r.err = testing::ReadFile(err);
    return r;
  }

  fs::path dir_;
};

TEST_F(DictCliTest, DefaultDictionariesLintWithoutErrors) {
  Outcome r = Dateline("dict lint");
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("lint: 0 errors"), std::string::npos) << r.out;
}

TEST_F(DictCliTest, LintReportsEachFindingWithItsPlaceAndFailsOnAnError) {
  const std::string actors = Write("a.dl",
                                   "actor  FRA    | Gaul            | kind=country\n"
                                   "actor  ITA    | Gaul            | kind=country\n");
  const std::string verbs = Write("v.dl",
                                  "verb   042    | [visit] +       |\n"
                                  "verb   042    | [visit] +       |\n");
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

TEST_F(DictCliTest, StatsCountsPerFile) {
  const std::string verbs = Write("v.dl",
                                  "verb   042    | [visit] +       |\n"
                                  "verb   190    | [attack] +      |\n");
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
