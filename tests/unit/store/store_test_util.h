// Helpers of the event store's tests: a generated corpus of distinct wire-style articles, and
// table dumps that compare two databases row by row.
#pragma once

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "dict/dictionary.h"
#include "input/input.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "test_util.h"

namespace dateline::testing {

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

// Every row of a table as text, ordered by `order_by`: columns separated by '\x1f', rows by '\n'.
inline std::string DumpTable(sqlite3* db, const std::string& table, const std::string& order_by) {
  std::string out;
  sqlite3_stmt* st = nullptr;
  const std::string sql = "SELECT * FROM " + table + " ORDER BY " + order_by;
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

// The tables of a store database (articles, events, quotes, stories, event_clusters), each ordered by its key.
inline std::string DumpStore(const std::string& path) {
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
  sqlite3* db = nullptr;
  long long v = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) v = QueryInt(db, sql);
  sqlite3_close(db);
  return v;
}

// Codes `jsonl` with the default dictionaries and stores it in the database at `db`, in batches
// of `batch` documents per thread, as `dateline ingest` does; the run's log in *log_out.
inline StoreCounters IngestJsonl(const std::string& jsonl, const std::string& db, int threads = 1, size_t batch = 8,
                                 std::string* log_out = nullptr) {
  Result<std::unique_ptr<EventStore>> store = OpenStore(db);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return {};
  std::istringstream in(jsonl);
  std::ostringstream log;
  InputOptions input;
  input.format = InputFormat::kJsonl;
  input.standard_input = &in;
  ArticleSource source({"-"}, input, log, nullptr);
  StoreSink sink(**store, "dateline test", log);
  const Pipeline pipeline(DefaultDictionary(), CoderOptions{});
  RunOptions run;
  run.threads = threads;
  run.batch_documents = batch;
  RunSummary summary = RunPipeline(source, pipeline, sink, run, log);
  EXPECT_EQ(summary.sink_error, "");
  if (log_out) *log_out = log.str();
  return sink.counters();
}

}  // namespace dateline::testing
