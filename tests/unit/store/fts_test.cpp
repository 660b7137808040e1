// The SQLite store's full-text index is filled in chunks, not batch by batch (schema version 4):
// the articles of a run are indexed when the run finishes (or when a chunk is full), and the
// articles a killed run stored without indexing are indexed when the store is next opened. And
// the content hash keeps the values stored databases hold.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/query.h"
#include "unit/store/store_test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

class FullTextIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dateline-fts-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "events.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  long long Matches(const std::string& words) {
    return testing::QueryInt(db_, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '" + words + "'");
  }
  long long IndexedThrough() {
    return testing::QueryInt(db_, "SELECT value FROM store_state WHERE name = 'fts_indexed_through'");
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(FullTextIndexTest, ARunsArticlesAreIndexedWhenItFinishes) {
  Result<std::unique_ptr<EventStore>> store = OpenStore(db_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  std::ostringstream log;
  StoreSink sink(**store, "dateline test", log);
  (void)testing::RunJsonl(testing::WireCorpus(300), sink, log, 1, 16);
  ASSERT_TRUE(sink.status().ok());
  EXPECT_EQ(testing::QueryInt(db_, "SELECT count(*) FROM articles"), 300);
  EXPECT_EQ(Matches("delegates"), 0);  // stored, committed, not indexed yet
  EXPECT_EQ(IndexedThrough(), 0);
  ASSERT_TRUE(sink.Finish().ok());
  EXPECT_EQ(Matches("delegates"), 300);
  EXPECT_EQ(IndexedThrough(), 300);
  EXPECT_TRUE(sink.Finish().ok());  // twice is harmless
}

TEST_F(FullTextIndexTest, ArticlesAKilledRunLeftUnindexedAreIndexedOnOpen) {
  (void)testing::IngestJsonl(testing::WireCorpus(200), db_, 1, 16);
  ASSERT_EQ(Matches("delegates"), 200);
  // What a run killed after storing articles 101-200 and before indexing them leaves.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO articles_fts(articles_fts) VALUES ('delete-all');"
                         "INSERT INTO articles_fts(rowid, title, text) SELECT article_id, title, text FROM articles "
                         "WHERE article_id <= 100;"
                         "UPDATE store_state SET value = 100 WHERE name = 'fts_indexed_through';",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  ASSERT_EQ(Matches("delegates"), 100);
  // Readers can tell (`query --text` says so on stderr).
  auto unindexed = [&] {
    Result<std::unique_ptr<EventReader>> reader = EventReader::Open(db_);
    if (!reader.ok()) return int64_t{-1};
    Result<int64_t> n = (*reader)->UnindexedArticles();
    return n.ok() ? *n : int64_t{-2};
  };
  EXPECT_EQ(unindexed(), 100);
  const fs::path err = dir_ / "err.txt";
  const std::string cmd = std::string(DATELINE_BINARY) + " query --db " + db_ + " --text delegates --format jsonl" +
                          " >/dev/null 2>" + err.string();
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_NE(testing::ReadFile(err).find("100 stored articles are not in the full-text index yet"), std::string::npos)
      << testing::ReadFile(err);
  {
    Result<std::unique_ptr<EventStore>> store = OpenStore(db_);
    ASSERT_TRUE(store.ok()) << store.status().message();
  }
  EXPECT_EQ(Matches("delegates"), 200);
  EXPECT_EQ(IndexedThrough(), 200);
  EXPECT_EQ(unindexed(), 0);
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')", nullptr, nullptr,
                         nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

// Stored databases hold content hashes: the function must keep its values (these are XXH3-128
// of "China praised Kazakhstan." and of the empty text, as 32 hex digits).
TEST(ContentHash, KeepsTheValuesStoredDatabasesHold) {
  EXPECT_EQ(ContentHash(" China  praised\n\nKazakhstan.\t"), "2c872cd3f400cc7cd93d657c0ea14e10");
  EXPECT_EQ(ContentHash("China praised Kazakhstan."), "2c872cd3f400cc7cd93d657c0ea14e10");
  EXPECT_EQ(ContentHash(" \n "), "99aa06d3014798d86001c324468d497f");
  EXPECT_EQ(ContentHash(""), "99aa06d3014798d86001c324468d497f");
}

}  // namespace
}  // namespace dateline
