// Helpers of the event store's tests: a generated corpus of distinct wire-style articles, fresh
// databases of either backend, and table dumps that compare two databases row by row.
//
// Tests that hold for every backend are parameterised by Backend (TEST_P, instantiated with
// kBackends): NewDatabase gives each test a fresh SQLite file or PostgreSQL database, and
// DumpStore, QueryInt and QueryRows read either by its location.
#pragma once

#include <libpq-fe.h>
#include <sqlite3.h>

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "dict/dictionary.h"
#include "input/input.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "test_util.h"
#include "unit/store/pg_test_server.h"

namespace dateline::testing {

enum class Backend { kSqlite, kPostgres };
inline const auto kBackends = ::testing::Values(Backend::kSqlite, Backend::kPostgres);
// Test name suffixes: /sqlite, /postgres.
inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgres";
}

// A fresh, empty database for a test: the file `dir`/`name` (SQLite, not created yet) or a new
// database on this process's throw-away PostgreSQL server (its URI). "" when PostgreSQL is not
// available, the reason in *skip: the caller skips the test.
inline std::string NewDatabase(Backend backend, const std::filesystem::path& dir, const std::string& name,
                               std::string* skip) {
  if (backend == Backend::kSqlite) return (dir / name).string();
  PgTestServer* server = PgTestServer::Get(skip);
  return server ? server->CreateDatabase(skip) : "";
}

// The base of the store tests' fixtures: a temporary directory and a fresh database (db_) of
// the test's backend for each test; the test is skipped when that backend is unavailable.
// Fixtures of SQLite-only tests override backend().
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  virtual Backend backend() const { return GetParam(); }
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');
    dir_ = std::filesystem::temp_directory_path() / ("dateline-store-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = NewDb("events.db");
    if (db_.empty()) GTEST_SKIP() << skip_;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  // Another fresh database of the test's backend ("" if it cannot be made: skip_ says why).
  std::string NewDb(const std::string& name) { return NewDatabase(backend(), dir_, name, &skip_); }

  std::filesystem::path dir_;
  std::string db_;
  std::string skip_;
};

inline bool IsPostgres(const std::string& location) { return location.rfind("postgresql://", 0) == 0; }

// `n` distinct wire-style articles as JSON Lines (ids "wire-0", "wire-1", ...): a headline, a
// dateline, two to four sentences in which countries act on each other with verbs the default
// dictionaries code, sometimes a direct quotation, dates over two years. The same seed gives
// the same corpus.
inline std::string WireCorpus(int n, uint32_t seed = 7) {
  static const char* kCountries[] = {"France", "Germany", "China", "Russia", "Japan", "India", "Brazil", "Kenya",
                                     "Egypt", "Turkey", "Iran", "Mexico", "Canada", "Poland", "Ukraine",
                                     "Kazakhstan", "Nigeria", "Israel", "Pakistan", "Australia"};
  static const char* kCities[] = {"PARIS", "BERLIN", "BEIJING", "MOSCOW", "TOKYO", "NEW DELHI", "NAIROBI",
                                  "CAIRO", "ANKARA", "OTTAWA"};
  static const char* kVerbs[] = {"criticized", "accused", "praised", "condemned", "threatened",
                                 "met with", "urged", "thanked", "warned", "signed an agreement with"};
  static const char* kOutlets[] = {"Reuters", "AFP", "AP", "Xinhua", "TASS"};
  std::mt19937 rng(seed);
  auto pick = [&](auto& array) { return array[rng() % (sizeof array / sizeof array[0])]; };
  std::string out;
  for (int i = 0; i < n; ++i) {
    const int month = 1 + static_cast<int>(rng() % 12), day = 1 + static_cast<int>(rng() % 28);
    const int year = 2023 + static_cast<int>(rng() % 2);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
    const char* a = pick(kCountries);
    const char* b = pick(kCountries);
    while (b == a) b = pick(kCountries);
    const char* outlet = pick(kOutlets);
    std::string text = std::string(a) + " " + pick(kVerbs) + " " + b + " over talks\\n\\n" + pick(kCities) +
                       " (" + outlet + ") - " + a + " " + pick(kVerbs) + " " + b + " on Monday after " +
                       std::to_string(10 + i) + " delegates left the talks.";
    const int more = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < more; ++k)
      text += std::string(" ") + pick(kCountries) + " " + pick(kVerbs) + " " + pick(kCountries) + ".";
    if (rng() % 3 == 0)
      text += std::string("\\n\\n\\\"We will not accept this,\\\" said the foreign minister of ") + b + ".";
    out += "{\"id\":\"wire-" + std::to_string(i) + "\",\"date\":\"" + date + "\",\"outlet\":\"" + outlet +
           "\",\"url\":\"https://example.org/" + std::to_string(i) + "\",\"text\":\"" + text + "\"}\n";
  }
  return out;
}

// The rows of a query as text: columns separated by '\x1f', rows by '\n', NULL as <null>.
inline std::string SqliteRows(sqlite3* db, const std::string& sql) {
  std::string out;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return "error: " + std::string(sqlite3_errmsg(db));
  while (sqlite3_step(st) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      if (c) out += '\x1f';
      if (sqlite3_column_type(st, c) == SQLITE_NULL) {
        out += "<null>";
      } else {
        const unsigned char* t = sqlite3_column_text(st, c);
        if (t) out.append(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(st, c)));
      }
    }
    out += '\n';
  }
  sqlite3_finalize(st);
  return out;
}

// Every row of a table as text, ordered by `order_by`.
inline std::string DumpTable(sqlite3* db, const std::string& table, const std::string& order_by) {
  return SqliteRows(db, "SELECT * FROM " + table + " ORDER BY " + order_by);
}

// A PostgreSQL query's rows in DumpTable's form, or "error: ...".
inline std::string PgRows(const std::string& uri, const std::string& sql) {
  PGconn* c = PQconnectdb(uri.c_str());
  std::string out;
  if (PQstatus(c) != CONNECTION_OK) {
    out = "error: " + std::string(PQerrorMessage(c));
  } else {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK && PQresultStatus(r) != PGRES_COMMAND_OK) {
      out = "error: " + std::string(PQresultErrorMessage(r));
    } else {
      for (int i = 0; i < PQntuples(r); ++i) {
        for (int c = 0; c < PQnfields(r); ++c) {
          if (c) out += '\x1f';
          out += PQgetisnull(r, i, c) ? "<null>" : std::string(PQgetvalue(r, i, c), PQgetlength(r, i, c));
        }
        out += '\n';
      }
    }
    PQclear(r);
  }
  PQfinish(c);
  return out;
}

// The rows of a query, as DumpTable writes them, from a database of either backend.
inline std::string QueryRows(const std::string& location, const std::string& sql) {
  if (IsPostgres(location)) return PgRows(location, sql);
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(location.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK)
    out = SqliteRows(db, sql);
  else
    out = "cannot open " + location;
  sqlite3_close(db);
  return out;
}

// Runs a statement that returns no rows (either backend); "" or the error.
inline std::string ExecSql(const std::string& location, const std::string& sql) {
  if (IsPostgres(location)) {
    const std::string r = PgRows(location, sql);
    return r.rfind("error: ", 0) == 0 ? r : "";
  }
  sqlite3* db = nullptr;
  std::string error;
  if (sqlite3_open(location.c_str(), &db) != SQLITE_OK || sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
    error = "error: " + std::string(sqlite3_errmsg(db));
  sqlite3_close(db);
  return error;
}

// The tables of a store database (articles, events, quotes, stories, event_clusters), each
// ordered by its key; either backend (PostgreSQL writes values in its own text form: compare
// dumps of the same backend).
inline std::string DumpStore(const std::string& path) {
  if (IsPostgres(path)) {
    std::string out;
    for (const auto& [table, order] : {std::pair<const char*, const char*>{"articles", "doc_id"},
                                       {"events", "doc_id, event_index"},
                                       {"quotes", "doc_id, quote_index"},
                                       {"stories", "story_id"},
                                       {"event_clusters", "cluster_id"}})
      out += std::string(table) + "\n" + PgRows(path, std::string("SELECT * FROM ") + table + " ORDER BY " + order);
    return out;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open " + path;
  }
  std::string out = "articles\n" + DumpTable(db, "articles", "doc_id") + "events\n" +
                    DumpTable(db, "events", "doc_id, event_index") + "quotes\n" +
                    DumpTable(db, "quotes", "doc_id, quote_index") + "stories\n" +
                    DumpTable(db, "stories", "story_id") + "event_clusters\n" +
                    DumpTable(db, "event_clusters", "cluster_id");
  sqlite3_close(db);
  return out;
}

// The single integer a query returns (-1 on error).
inline long long QueryInt(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  long long v = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

inline long long QueryInt(const std::string& path, const std::string& sql) {
  if (IsPostgres(path)) {
    const std::string rows = PgRows(path, sql);
    return rows.empty() || rows.rfind("error: ", 0) == 0 ? -1 : std::atoll(rows.c_str());
  }
  sqlite3* db = nullptr;
  long long v = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) v = QueryInt(db, sql);
  sqlite3_close(db);
  return v;
}

// Codes `jsonl` with the default dictionaries into `sink`, in batches of `batch` documents per
// thread, as `dateline ingest` does (without finishing the sink); the log goes to `log`.
inline RunSummary RunJsonl(const std::string& jsonl, RecordSink& sink, std::ostream& log, int threads = 1,
                           size_t batch = 8) {
  std::istringstream in(jsonl);
  InputOptions input;
  input.format = InputFormat::kJsonl;
  input.standard_input = &in;
  ArticleSource source({"-"}, input, log, nullptr);
  const Pipeline pipeline(DefaultDictionary(), CoderOptions{});
  RunOptions run;
  run.threads = threads;
  run.batch_documents = batch;
  return RunPipeline(source, pipeline, sink, run, log);
}

// Codes `jsonl` and stores it in the database at `db` (RunJsonl into a StoreSink); the run's log
// in *log_out.
inline StoreCounters IngestJsonl(const std::string& jsonl, const std::string& db, int threads = 1, size_t batch = 8,
                                 std::string* log_out = nullptr) {
  Result<std::unique_ptr<EventStore>> store = OpenStore(db);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return {};
  std::ostringstream log;
  StoreSink sink(**store, "dateline test", log);
  RunSummary summary = RunJsonl(jsonl, sink, log, threads, batch);
  EXPECT_EQ(summary.sink_error, "");
  if (log_out) *log_out = log.str();
  return sink.counters();
}

}  // namespace dateline::testing
