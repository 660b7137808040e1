// The event store (src/store): schema and migrations, what is stored, idempotency, conflicts,
// and the full-text index.
#include "store/store.h"

#include <gtest/gtest.h>
#include <simdjson.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "input/input.h"
#include "pipeline/pipeline.h"
#include "store/schema.h"
#include "store/sqlite_store.h"
#include "unit/store/store_test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;
using testing::DumpStore;
using testing::QueryInt;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dateline-store-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "events.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Codes `jsonl` and stores it in db_ in batches of `batch` documents per thread.
  StoreCounters Ingest(const std::string& jsonl, int threads = 1, size_t batch = 8, std::string* log_out = nullptr) {
    return testing::IngestJsonl(jsonl, db_, threads, batch, log_out);
  }

  // The JSON Lines `code` writes for `jsonl` (with quote records).
  static std::string Code(const std::string& jsonl) {
    std::istringstream in(jsonl);
    std::ostringstream out, log;
    InputOptions input;
    input.format = InputFormat::kJsonl;
    input.standard_input = &in;
    ArticleSource source({"-"}, input, log, nullptr);
    OutputOptions o;
    o.quotes = true;
    o.version = "dateline test";
    RecordWriter writer(out, o);
    const Pipeline pipeline(DefaultDictionary(), CoderOptions{});
    (void)RunPipeline(source, pipeline, writer, RunOptions{}, log);
    return out.str();
  }

  fs::path dir_;
  std::string db_;
};

std::string Article(const std::string& id, const std::string& text, const std::string& date = "2025-03-03") {
  return "{\"id\":\"" + id + "\",\"date\":\"" + date + "\",\"outlet\":\"Reuters\",\"url\":\"https://x.org/" + id +
         "\",\"text\":\"" + text + "\"}\n";
}

TEST_F(StoreTest, ANewDatabaseHasTheCurrentSchemaInWalMode) {
  {
    Result<std::unique_ptr<EventStore>> store = OpenStore(db_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ((*store)->schema_version(), CurrentStoreVersion());
  }
  EXPECT_EQ(QueryInt(db_, "PRAGMA user_version"), CurrentStoreVersion());
  for (const char* table : {"articles", "events", "quotes", "articles_fts", "stories", "event_clusters", "events_one_a_day"})
    EXPECT_EQ(QueryInt(db_, std::string("SELECT count(*) FROM sqlite_master WHERE name = '") + table + "'"), 1)
        << table;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

// Every event `code` writes is stored, in the same order, with the same id and fields; quotes too.
TEST_F(StoreTest, StoresTheEventsAndQuotesCodeWrites) {
  const std::string corpus = testing::WireCorpus(60);
  const StoreCounters c = Ingest(corpus);
  EXPECT_EQ(c.articles_added, 60u);
  simdjson::dom::parser parser;
  std::vector<std::string> ids, codes, quote_texts;
  std::istringstream lines(Code(corpus));
  for (std::string line; std::getline(lines, line);) {
    simdjson::dom::element rec = parser.parse(line);
    const std::string_view type = rec["type"].get_string().value();
    if (type == "event") {
      ids.emplace_back(rec["event_id"].get_string().value());
      codes.emplace_back(rec["code"].get_string().value());
    } else if (type == "quote") {
      quote_texts.emplace_back(rec["text"].get_string().value());
    }
  }
  ASSERT_GT(ids.size(), 60u);
  ASSERT_GT(quote_texts.size(), 5u);
  EXPECT_EQ(c.events_added, ids.size());
  EXPECT_EQ(c.quotes_added, quote_texts.size());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  std::string stored = testing::DumpTable(db, "(SELECT event_id, code FROM events ORDER BY article_id, event_index)", "rowid");
  std::string expected;
  for (size_t i = 0; i < ids.size(); ++i) expected += ids[i] + '\x1f' + codes[i] + '\n';
  EXPECT_EQ(stored, expected);
  std::string quotes = testing::DumpTable(db, "(SELECT text FROM quotes ORDER BY article_id, quote_index)", "rowid");
  std::string expected_quotes;
  for (const std::string& q : quote_texts) expected_quotes += q + '\n';
  EXPECT_EQ(quotes, expected_quotes);
  // Every event belongs to its article (the foreign key), and the events' doc_id is the article's.
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM events e JOIN articles a USING (article_id) WHERE e.doc_id = a.doc_id"),
            static_cast<long long>(ids.size()));
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM articles WHERE publication_date IS NULL OR length(content_hash) <> 32"),
            0);
  sqlite3_close(db);
}

TEST_F(StoreTest, IngestingTheSameCorpusTwiceLeavesTheFirstRunsRows) {
  const std::string corpus = testing::WireCorpus(200);
  const StoreCounters first = Ingest(corpus, 2, 16);
  EXPECT_EQ(first.articles_added, 200u);
  const std::string once = DumpStore(db_);
  const StoreCounters second = Ingest(corpus, 1, 5);  // other batches, other thread count
  EXPECT_EQ(second.articles_added, 0u);
  EXPECT_EQ(second.articles_present, 200u);
  EXPECT_EQ(second.events_added, 0u);
  EXPECT_EQ(DumpStore(db_), once);
  // And an uninterrupted run into a fresh database gives the same rows.
  const std::string other = db_;
  db_ = (dir_ / "fresh.db").string();
  (void)Ingest(corpus, 1, 64);
  EXPECT_EQ(DumpStore(db_), once);
  db_ = other;
}

TEST_F(StoreTest, TheSameDocIdWithDifferentTextKeepsTheFirstAndIsReported) {
  (void)Ingest(Article("a", "France criticized Mali on Monday.") + Article("b", "China praised Kazakhstan."));
  std::string log;
  const StoreCounters c = Ingest(Article("a", "Germany attacked Poland on Tuesday."), 1, 8, &log);
  EXPECT_EQ(c.conflicts, 1u);
  EXPECT_EQ(c.articles_added, 0u);
  EXPECT_NE(log.find("a: already stored with different text; kept the first"), std::string::npos) << log;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM articles"), 2);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM articles WHERE doc_id = 'a' AND text LIKE '%France criticized Mali%'"), 1);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM events WHERE doc_id = 'a' AND source LIKE 'DEU%'"), 0);
  sqlite3_close(db);
}

// The same text under another doc_id (a repeated article) is not stored twice; white space does
// not make texts differ.
TEST_F(StoreTest, TheSameTextUnderAnotherDocIdIsStoredOnce) {
  const StoreCounters c = Ingest(Article("a", "France criticized Mali on Monday.") +
                                 Article("b", "France  criticized Mali\\non Monday. "));
  EXPECT_EQ(c.articles_added, 1u);
  EXPECT_EQ(c.duplicate_texts, 1u);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(ContentHash("a  b\n c "), ContentHash("a b c"));
  EXPECT_NE(ContentHash("a b c"), ContentHash("a b d"));
}

TEST_F(StoreTest, FullTextSearchFindsTheRightArticle) {
  (void)Ingest(Article("a", "France criticized Mali on Monday.") +
               Article("b", "China praised Kazakhstan for hosting the summit.") +
               Article("c", "Russia accused Ukraine of shelling."));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  const std::string hits = testing::DumpTable(
      db, "(SELECT a.doc_id FROM articles_fts JOIN articles a ON a.article_id = articles_fts.rowid "
          "WHERE articles_fts MATCH 'kazakhstan summit')",
      "doc_id");
  EXPECT_EQ(hits, "b\n");
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'shelling'"), 1);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'brazil'"), 0);
  // The external-content index agrees with its table.
  EXPECT_EQ(sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')", nullptr, nullptr,
                         nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
}

// A database at schema version 1 (before the full-text index) is migrated when opened, and
// its articles are indexed.
TEST_F(StoreTest, AVersionOneDatabaseIsMigrated) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  const Migration& v1 = StoreMigrations().front();
  ASSERT_EQ(v1.version, 1);
  ASSERT_EQ(sqlite3_exec(db, (std::string(v1.sql) + "PRAGMA user_version = 1;").c_str(), nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO articles (doc_id, content_hash, title, url, outlet, reporters, editors, removed, "
                         "sentences, text) VALUES ('old', 'h', 'Old news', '', '', '[]', '[]', '[]', 1, "
                         "'Brazil praised Argentina.')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  {
    Result<std::unique_ptr<EventStore>> store = OpenStore(db_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ((*store)->schema_version(), CurrentStoreVersion());
  }
  EXPECT_EQ(QueryInt(db_, "PRAGMA user_version"), CurrentStoreVersion());
  EXPECT_EQ(QueryInt(db_, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'argentina'"),
            QueryInt(db_, "SELECT article_id FROM articles WHERE doc_id = 'old'"));
  // New articles go on being indexed after the migration.
  (void)Ingest(Article("new", "Chile thanked Peru."));
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'peru'"), 1);
}

TEST_F(StoreTest, ADatabaseNewerThanTheProgramIsRefused) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 999;", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  Result<std::unique_ptr<EventStore>> store = OpenStore(db_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer"), std::string::npos) << store.status().message();
}

TEST_F(StoreTest, AnUnopenablePathIsAnError) {
  Result<std::unique_ptr<EventStore>> store = OpenStore((dir_ / "no-such-dir" / "x.db").string());
  EXPECT_FALSE(store.ok());
}

}  // namespace
}  // namespace dateline
