// The event store (src/store): schema and migrations, what is stored, idempotency, conflicts,
// and the full-text index. The tests that hold for every backend run against SQLite and
// PostgreSQL (TEST_P: .../sqlite, .../postgres); the SQLite-only ones (WAL mode, the FTS5
// table, migrating old SQLite files) use SqliteStoreTest, the PostgreSQL-only ones PgStoreTest.
#include "store/store.h"

#include <gtest/gtest.h>
#include <simdjson.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "input/input.h"
#include "pipeline/pipeline.h"
#include "store/export.h"
#include "store/pg_query.h"
#include "store/pg_store.h"
#include "store/query.h"
#include "store/schema.h"
#include "store/sqlite_store.h"
#include "unit/store/store_test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;
using testing::DumpStore;
using testing::QueryInt;

class StoreTest : public testing::BackendTest {
 protected:
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

};

class SqliteStoreTest : public StoreTest {
  testing::Backend backend() const override { return testing::Backend::kSqlite; }
};

class PgStoreTest : public StoreTest {
  testing::Backend backend() const override { return testing::Backend::kPostgres; }
};

INSTANTIATE_TEST_SUITE_P(Backend, StoreTest, testing::kBackends, testing::BackendName);

std::string Article(const std::string& id, const std::string& text, const std::string& date = "2025-03-03") {
  return "{\"id\":\"" + id + "\",\"date\":\"" + date + "\",\"outlet\":\"Reuters\",\"url\":\"https://x.org/" + id +
         "\",\"text\":\"" + text + "\"}\n";
}

TEST_F(SqliteStoreTest, ANewDatabaseHasTheCurrentSchemaInWalMode) {
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
TEST_P(StoreTest, StoresTheEventsAndQuotesCodeWrites) {
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
  const std::string stored = testing::QueryRows(db_, "SELECT event_id, code FROM events ORDER BY article_id, event_index");
  std::string expected;
  for (size_t i = 0; i < ids.size(); ++i) expected += ids[i] + '\x1f' + codes[i] + '\n';
  EXPECT_EQ(stored, expected);
  const std::string quotes = testing::QueryRows(db_, "SELECT text FROM quotes ORDER BY article_id, quote_index");
  std::string expected_quotes;
  for (const std::string& q : quote_texts) expected_quotes += q + '\n';
  EXPECT_EQ(quotes, expected_quotes);
  // Every event belongs to its article (the foreign key), and the events' doc_id is the article's.
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM events e JOIN articles a USING (article_id) WHERE e.doc_id = a.doc_id"),
            static_cast<long long>(ids.size()));
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM articles WHERE publication_date IS NULL OR length(content_hash) <> 32"),
            0);
}

TEST_P(StoreTest, IngestingTheSameCorpusTwiceLeavesTheFirstRunsRows) {
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
  db_ = NewDb("fresh.db");
  ASSERT_FALSE(db_.empty()) << skip_;
  (void)Ingest(corpus, 1, 64);
  EXPECT_EQ(DumpStore(db_), once);
  db_ = other;
}

TEST_P(StoreTest, TheSameDocIdWithDifferentTextKeepsTheFirstAndIsReported) {
  (void)Ingest(Article("a", "France criticized Mali on Monday.") + Article("b", "China praised Kazakhstan."));
  std::string log;
  const StoreCounters c = Ingest(Article("a", "Germany attacked Poland on Tuesday."), 1, 8, &log);
  EXPECT_EQ(c.conflicts, 1u);
  EXPECT_EQ(c.articles_added, 0u);
  EXPECT_NE(log.find("a: already stored with different text; kept the first"), std::string::npos) << log;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM articles"), 2);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM articles WHERE doc_id = 'a' AND text LIKE '%France criticized Mali%'"), 1);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM events WHERE doc_id = 'a' AND source LIKE 'DEU%'"), 0);
}

// The same text under another doc_id (a repeated article) is not stored twice; white space does
// not make texts differ.
TEST_P(StoreTest, TheSameTextUnderAnotherDocIdIsStoredOnce) {
  const StoreCounters c = Ingest(Article("a", "France criticized Mali on Monday.") +
                                 Article("b", "France  criticized Mali\\non Monday. "));
  EXPECT_EQ(c.articles_added, 1u);
  EXPECT_EQ(c.duplicate_texts, 1u);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(ContentHash("a  b\n c "), ContentHash("a b c"));
  EXPECT_NE(ContentHash("a b c"), ContentHash("a b d"));
}

// The full-text index through EventReader (the events of the matching articles).
TEST_P(StoreTest, FullTextSearchFindsTheRightArticle) {
  (void)Ingest(Article("a", "France criticized Mali on Monday.") +
               Article("b", "China praised Kazakhstan for hosting the summit.") +
               Article("c", "Russia accused Ukraine of shelling."));
  Result<std::unique_ptr<EventReader>> reader = EventReader::Open(db_);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  auto docs = [&](const std::string& text) {
    EventFilter f;
    f.text = text;
    std::set<std::string> ids;
    const Status s = (*reader)->ForEach(f, [&](const StoredEvent& e) { return ids.insert(e.doc_id), true; });
    std::string out = s.ok() ? "" : "error: " + s.message();
    for (const std::string& id : ids) out += id;
    return out;
  };
  EXPECT_EQ(docs("kazakhstan summit"), "b");
  EXPECT_EQ(docs("KAZAKHSTAN"), "b");  // any case
  EXPECT_EQ(docs("shelling"), "c");
  EXPECT_EQ(docs("brazil"), "");
  EXPECT_EQ(docs("shelling OR summit"), "bc");
  EXPECT_EQ(docs("\"hosting the summit\""), "b");
  EXPECT_EQ(docs("\"the hosting summit\""), "");
  EXPECT_EQ(docs("shell*"), "c");
  EXPECT_EQ(docs("monday NOT kazakhstan"), "a");
  EXPECT_EQ(docs("(china OR russia) AND ukraine"), "c");
  EXPECT_EQ(docs("(china OR russia) ukraine").rfind("error: ", 0), 0u);  // FTS5: no implicit AND next to ( )
}

// The external-content FTS5 index agrees with its table.
TEST_F(SqliteStoreTest, TheFts5IndexAgreesWithItsTable) {
  (void)Ingest(Article("a", "France criticized Mali on Monday.") +
               Article("b", "China praised Kazakhstan for hosting the summit."));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'kazakhstan summit'"), 1);
  EXPECT_EQ(sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')", nullptr, nullptr,
                         nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
}

// PostgreSQL: the schema version row, the tables and view, and the full-text GIN index, which
// the planner uses for a word query.
TEST_F(PgStoreTest, ANewDatabaseHasTheCurrentSchemaAndAFullTextIndex) {
  {
    Result<std::unique_ptr<EventStore>> store = OpenStore(db_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ((*store)->schema_version(), CurrentPgStoreVersion());
  }
  EXPECT_EQ(testing::QueryRows(db_, "SELECT version FROM schema_version"), std::to_string(CurrentPgStoreVersion()) + "\n");
  for (const char* table : {"articles", "events", "quotes", "stories", "event_clusters", "events_one_a_day", "articles_fts"})
    EXPECT_EQ(QueryInt(db_, std::string("SELECT count(*) FROM pg_class WHERE relname = '") + table + "'"), 1) << table;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM pg_indexes WHERE indexname = 'articles_fts' AND indexdef LIKE '%gin%'"), 1);
  (void)Ingest(Article("a", "France criticized Mali on Monday."));
  const std::string plan = testing::QueryRows(
      db_, std::string("SET enable_seqscan = off; EXPLAIN SELECT article_id FROM articles WHERE ") + kPgTextVector +
               " @@ to_tsquery('simple', 'mali')");
  EXPECT_NE(plan.find("articles_fts"), std::string::npos) << plan;
  // Opening it again migrates nothing and changes nothing.
  const std::string before = testing::DumpStore(db_);
  Result<std::unique_ptr<EventStore>> again = OpenStore(db_);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(testing::DumpStore(db_), before);
}

// A database at schema version 1 (before the full-text index) is migrated when opened, and
// its articles are indexed.
TEST_F(SqliteStoreTest, AVersionOneDatabaseIsMigrated) {
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

// Deleting an article deletes its events and quotes (SQLite: ON DELETE CASCADE; PostgreSQL: a
// statement trigger).
TEST_P(StoreTest, DeletingAnArticleDeletesItsEventsAndQuotes) {
  (void)Ingest(testing::WireCorpus(30));
  const long long events = QueryInt(db_, "SELECT count(*) FROM events");
  const long long of_first = QueryInt(db_, "SELECT count(*) FROM events WHERE doc_id IN ('wire-0', 'wire-1')");
  const long long quotes = QueryInt(db_, "SELECT count(*) FROM quotes");
  ASSERT_GT(of_first, 0);
  ASSERT_GT(quotes, 0);
  const std::string pragma = testing::IsPostgres(db_) ? "" : "PRAGMA foreign_keys = ON; ";
  ASSERT_EQ(testing::ExecSql(db_, pragma + "DELETE FROM articles WHERE doc_id IN ('wire-0', 'wire-1')"), "");
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM events"), events - of_first);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM events e WHERE NOT EXISTS "
                          "(SELECT 1 FROM articles a WHERE a.article_id = e.article_id)"), 0);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM quotes q WHERE NOT EXISTS "
                          "(SELECT 1 FROM articles a WHERE a.article_id = q.article_id)"), 0);
}

// PostgreSQL: writers take turns batch by batch. A second store's batch waits for the first
// one's to commit (here at most 0.2 s, set in the URI; by default 60 s), else fails with a message
// naming the database.
TEST_F(PgStoreTest, ABatchWaitsForAnotherWritersBatch) {
  Result<std::unique_ptr<EventStore>> first = OpenStore(db_);
  ASSERT_TRUE(first.ok()) << first.status().message();
  Result<std::unique_ptr<EventStore>> second = OpenStore(db_ + "?options=-c%20lock_timeout%3D200");
  ASSERT_TRUE(second.ok()) << second.status().message();
  ASSERT_TRUE((*first)->BeginBatch().ok());
  const Status waited = (*second)->BeginBatch();
  ASSERT_FALSE(waited.ok());
  EXPECT_NE(waited.message().find(StoreDisplayName(db_) + ": starting a batch (waiting for another dateline ingest"),
            std::string::npos)
      << waited.message();
  ASSERT_TRUE((*first)->CommitBatch().ok());
  ASSERT_TRUE((*second)->BeginBatch().ok());
  EXPECT_TRUE((*second)->CommitBatch().ok());
}

TEST_P(StoreTest, ADatabaseNewerThanTheProgramIsRefused) {
  if (testing::IsPostgres(db_)) {
    ASSERT_TRUE(OpenStore(db_).ok());
    ASSERT_EQ(testing::ExecSql(db_, "UPDATE schema_version SET version = 999"), "");
  } else {
    ASSERT_EQ(testing::ExecSql(db_, "PRAGMA user_version = 999;"), "");
  }
  Result<std::unique_ptr<EventStore>> store = OpenStore(db_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer"), std::string::npos) << store.status().message();
}

TEST(StoreLocation, UnopenableLocationsAreErrorsNamingTheDatabase) {
  const std::string dir = (fs::temp_directory_path() / ("dateline-no-such-dir-" + std::to_string(::getpid()))).string();
  Result<std::unique_ptr<EventStore>> store = OpenStore(dir + "/x.db");
  EXPECT_FALSE(store.ok());
  // A server that is not there: the message names it, without the password.
  store = OpenStore("postgresql://dateline:hunter2@127.0.0.1:1/events");
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("postgresql://dateline@127.0.0.1:1/events: cannot connect"), std::string::npos)
      << store.status().message();
  EXPECT_EQ(store.status().message().find("hunter2"), std::string::npos) << store.status().message();
  EXPECT_EQ(StoreDisplayName("postgres://u:pw@db.example.org:5433/ev?sslmode=require"), "postgresql://u@db.example.org:5433/ev");
  EXPECT_EQ(StoreDisplayName("events.db"), "events.db");
}

// The differential test of the two backends: the same input stored in SQLite and in PostgreSQL
// gives the same articles, stories, quotes, clusters and events (read back through EventReader
// as `code`'s records), and the same answers to filters and stats.
TEST_F(PgStoreTest, SqliteAndPostgresHoldTheSameRows) {
  const std::string corpus = testing::WireCorpus(400, 5) + Article("dup", "France criticized Mali on Monday.") +
                             Article("dup2", "France  criticized Mali on Monday.");
  const std::string sqlite = (dir_ / "same.db").string();
  (void)testing::IngestJsonl(corpus, sqlite, 2, 16);
  (void)Ingest(corpus, 1, 32);  // other batches and threads: the same rows
  const std::string articles =
      "SELECT article_id, doc_id, content_hash, title, url, outlet, publication_date, dateline_place, dateline_date, "
      "dateline_agency, reporters, editors, removed, sentences, text, story_id, ";
  EXPECT_TRUE(testing::QueryRows(sqlite, articles + "lower(hex(sketch)) FROM articles ORDER BY article_id") ==
              testing::QueryRows(db_, articles + "encode(sketch, 'hex') FROM articles ORDER BY article_id"));
  for (const char* sql : {"SELECT * FROM stories ORDER BY story_id", "SELECT * FROM quotes ORDER BY article_id, quote_index",
                          "SELECT * FROM event_clusters ORDER BY cluster_id",
                          "SELECT article_id, event_index, cluster_id FROM events_one_a_day ORDER BY article_id, event_index"}) {
    const std::string rows = testing::QueryRows(sqlite, sql);
    EXPECT_GT(rows.size(), 100u) << sql;
    EXPECT_TRUE(rows == testing::QueryRows(db_, sql)) << sql;
  }
  EXPECT_GT(QueryInt(db_, "SELECT count(*) FROM event_clusters WHERE num_articles > 1"), 0);
  EXPECT_GT(QueryInt(db_, "SELECT count(*) FROM articles WHERE story_id <> article_id"), 0);
  auto read = [](const std::string& db, const EventFilter& f) {
    Result<std::unique_ptr<EventReader>> reader = EventReader::Open(db);
    if (!reader.ok()) return "error: " + reader.status().message();
    std::string out;
    Status s = (*reader)->ForEach(f, [&](const StoredEvent& e) {
      AppendEventJson(out, MakeEventRecord(e));
      out += std::to_string(e.num_mentions) + " " + std::to_string(e.num_articles) + " " + std::to_string(e.num_sources) + "\n";
      return true;
    });
    for (StatsGroup g : {StatsGroup::kNone, StatsGroup::kDyad, StatsGroup::kQuad, StatsGroup::kPlover, StatsGroup::kRoot})
      for (StatsPeriod p : {StatsPeriod::kDay, StatsPeriod::kWeek, StatsPeriod::kMonth}) {
        Result<std::vector<StatsRow>> rows = (*reader)->Stats(f, p, g);
        if (!rows.ok()) return "error: " + rows.status().message();
        for (const StatsRow& r : *rows) {
          // The backends sum in their own ways: means agree to far more than the 3 decimals printed.
          char mean[32];
          std::snprintf(mean, sizeof mean, "%.9f", r.mean_goldstein.value_or(0) + 0.0);
          out += r.period + " " + r.group + " " + std::to_string(r.events) + " " + std::to_string(r.scored) + " " +
                 (std::string(mean) == "-0.000000000" ? "0.000000000" : mean) + "\n";
        }
      }
    return s.ok() ? out : "error: " + s.message();
  };
  std::vector<EventFilter> filters(8);
  filters[1].actor = "CHN";
  filters[2].dyad_source = "RUS", filters[2].dyad_target = "UKR", filters[2].dyad_both = true;
  filters[3].from = "2023-05-01", filters[3].to = "2024-02-29", filters[3].code = "1";
  filters[4].text = "delegates AND (china OR kenya)";
  filters[5].text = "\"foreign minister\" NOT poland";
  filters[6].one_a_day = true, filters[6].country = "fra";
  filters[7].plover = "accuse", filters[7].place = "paris", filters[7].limit = 20;
  for (size_t i = 0; i < filters.size(); ++i) {
    const std::string expected = read(sqlite, filters[i]);
    EXPECT_GT(expected.size(), 1000u) << "filter " << i;
    EXPECT_TRUE(read(db_, filters[i]) == expected) << "filter " << i;
  }
}

// FTS5 query syntax as PostgreSQL tsqueries (the PostgreSQL reader's --text).
TEST(PgFullText, Fts5QueriesBecomeTsqueries) {
  auto ts = [](const std::string& q) {
    Result<std::string> r = Fts5ToTsquery(q);
    return r.ok() ? *r : "error: " + r.status().message();
  };
  EXPECT_EQ(ts("ceasefire"), "'ceasefire'");
  EXPECT_EQ(ts("Gaza ceasefire"), "( 'gaza' & 'ceasefire' )");
  EXPECT_EQ(ts("gaza AND ceasefire"), "( 'gaza' & 'ceasefire' )");
  EXPECT_EQ(ts("sanctions OR elections"), "( 'sanctions' | 'elections' )");
  // Precedence as FTS5's: implicit AND, NOT, AND, OR.
  EXPECT_EQ(ts("a OR b c"), "( 'a' | ( 'b' & 'c' ) )");
  EXPECT_EQ(ts("a NOT b c"), "( 'a' & !( 'b' & 'c' ) )");
  EXPECT_EQ(ts("a AND b NOT c"), "( 'a' & ( 'b' & !'c' ) )");
  EXPECT_EQ(ts("a OR b AND c"), "( 'a' | ( 'b' & 'c' ) )");
  EXPECT_EQ(ts("(a OR b) AND c"), "( ( 'a' | 'b' ) & 'c' )");
  EXPECT_EQ(ts("\"border talks\""), "( 'border' <-> 'talks' )");
  EXPECT_EQ(ts("\"border-talks\""), "( 'border' <-> 'talks' )");
  EXPECT_EQ(ts("sanction*"), "'sanction':*");
  EXPECT_EQ(ts("\"peace tal\"*"), "( 'peace' <-> 'tal':* )");
  EXPECT_EQ(ts("foo_bar"), "( 'foo' <-> 'bar' )");  // '_' separates words, as in FTS5's tokenizer
  EXPECT_EQ(ts("Zürich"), "'zürich'");
  for (const char* bad : {"\"unbalanced", "a OR", "NOT a", "(a", "a)", "AND", "", "title:gaza", "NEAR(a b)", "^a",
                          "a + b", "it's",
                          "(a OR b) c", "a (b OR c)", "(a) (b)"})
    EXPECT_EQ(ts(bad).rfind("error: ", 0), 0u) << bad << " -> " << ts(bad);
}

}  // namespace
}  // namespace dateline
