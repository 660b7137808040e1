// Event clusters seen from the read side: each stored event carries its cluster's counts,
// `--one-a-day` keeps a cluster's first event, and the GDELT export writes a row per cluster with
// NumMentions / NumSources / NumArticles (tests/unit/store/data/README.md, cluster_corpus.jsonl,
// gives the hand-computed clusters).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "store/export.h"
#include "store/query.h"
#include "unit/store/store_test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

class ClusterQueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("dateline-clusters-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "events.db").string();
    const std::string corpus = testing::ReadFile(testing::SourceDir() / "tests/unit/store/data/cluster_corpus.jsonl");
    ASSERT_EQ(testing::IngestJsonl(corpus, db_, 1, 2).articles_added, 5u);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  // "doc:mentions/sources/articles" of the events a filter selects, space-separated.
  static std::string Events(const EventFilter& f) {
    Result<std::unique_ptr<EventReader>> reader = EventReader::Open(db_);
    if (!reader.ok()) return "error: " + reader.status().message();
    std::string out;
    Status s = (*reader)->ForEach(f, [&](const StoredEvent& e) {
      out += (out.empty() ? "" : " ") + e.doc_id + ":" + std::to_string(e.num_mentions) + "/" +
             std::to_string(e.num_sources) + "/" + std::to_string(e.num_articles);
      return true;
    });
    return s.ok() ? out : "error: " + s.message();
  }

  // `dateline export --format gdelt ARGS`: "url NumMentions NumSources NumArticles" per row.
  static std::string GdeltCounts(const std::string& args) {
    const fs::path out = dir_ / "out.tsv";
    const std::string cmd = std::string(DATELINE_BINARY) + " export --db " + db_ + " --format gdelt " + args +
                            " >" + out.string() + " 2>/dev/null";
    const int raw = std::system(cmd.c_str());
    if (!WIFEXITED(raw) || WEXITSTATUS(raw) != 0) return "exit " + std::to_string(WEXITSTATUS(raw));
    std::istringstream lines(testing::ReadFile(out));
    std::string line, text;
    while (std::getline(lines, line)) {
      std::vector<std::string> f;
      std::istringstream fields(line);
      std::string v;
      while (std::getline(fields, v, '\t')) f.push_back(v);
      if (f.size() != 61) return "a row of " + std::to_string(f.size()) + " columns";
      // NumMentions, NumSources, NumArticles are GDELT's columns 32-34; SOURCEURL the 61st.
      text += f[60].substr(f[60].rfind('/') + 1) + " " + f[31] + " " + f[32] + " " + f[33] + "\n";
    }
    return text;
  }

  static fs::path dir_;
  static std::string db_;
};

fs::path ClusterQueryTest::dir_;
std::string ClusterQueryTest::db_;

TEST_F(ClusterQueryTest, EveryEventCarriesItsClustersCounts) {
  EXPECT_EQ(Events({}), "c1:3/2/3 c2:3/2/3 c3:3/2/3 c4:1/1/1 c5:1/1/1");
  EventFilter f;
  f.one_a_day = true;
  EXPECT_EQ(Events(f), "c1:3/2/3 c4:1/1/1 c5:1/1/1");
  f.source = "RUS";
  EXPECT_EQ(Events(f), "c1:3/2/3 c4:1/1/1");
}

TEST_F(ClusterQueryTest, OneADayCountsEachClusterOnce) {
  Result<std::unique_ptr<EventReader>> reader = EventReader::Open(db_);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EventFilter f;
  f.one_a_day = true;
  Result<std::vector<StatsRow>> rows = (*reader)->Stats(f, StatsPeriod::kDay, StatsGroup::kNone);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].period, "2024-05-06");
  EXPECT_EQ((*rows)[0].events, 2);  // A and C; without the filter 4
  EXPECT_EQ((*rows)[1].events, 1);
  rows = (*reader)->Stats({}, StatsPeriod::kDay, StatsGroup::kNone);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].events, 4);
}

TEST_F(ClusterQueryTest, GdeltExportWritesARowPerClusterWithItsCounts) {
  EXPECT_EQ(GdeltCounts(""), "c1 3 2 3\nc4 1 1 1\nc5 1 1 1\n");
  EXPECT_EQ(GdeltCounts("--all-mentions"), "c1 3 2 3\nc2 3 2 3\nc3 3 2 3\nc4 1 1 1\nc5 1 1 1\n");
  EXPECT_EQ(GdeltCounts("--source JPN"), "c5 1 1 1\n");
  // --all-mentions belongs to the GDELT layout only.
  const std::string cmd = std::string(DATELINE_BINARY) + " export --db " + db_ +
                          " --format csv --all-mentions >/dev/null 2>&1";
  const int raw = std::system(cmd.c_str());
  EXPECT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 2);
}

}  // namespace
}  // namespace dateline
