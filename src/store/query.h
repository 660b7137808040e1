// Reading the event store: the events a filter selects, and counts per period, from either
// backend (a SQLite file, or a PostgreSQL URI: the same filters, the same results). Read-only:
// a SQLite database is opened with SQLITE_OPEN_READONLY, a PostgreSQL session is read-only, and
// nothing is written (no indexes either; a query scans the events table, which is fast enough
// for millions of rows). docs/query.md describes the commands built on it (`dateline query`,
// `stats`, `export`).
//
//   EventFilter f;
//   f.dyad_source = "CHN"; f.dyad_target = "KAZ"; f.from = "2024-01-01";
//   Result<std::unique_ptr<EventReader>> reader = EventReader::Open("events.db");
//   if (!reader.ok()) return Fail(reader.status());
//   Status s = (*reader)->ForEach(f, [&](const StoredEvent& e) { Print(e); return true; });
//   Result<std::vector<StatsRow>> rows = (*reader)->Stats(f, StatsPeriod::kWeek, StatsGroup::kDyad);
//
// Every filter value is bound as a statement parameter: no user text becomes SQL.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace dateline {

class SqlSource;  // store/sql_source.h

// Which events to read. Empty strings and nullopt select everything. Actor and code filters
// are prefixes of the CAMEO code, case-sensitive ("CHN" matches "CHNGOV"; "04" matches "043").
struct EventFilter {
  std::string actor;          // source or target starts with it
  std::string source;         // source starts with it
  std::string target;         // target starts with it
  std::string dyad_source;    // with dyad_target: source starts with the one, target with the other
  std::string dyad_target;
  bool dyad_both = false;     // the dyad in either direction
  std::string code;           // code starts with it
  std::string root;           // root equals it
  std::optional<int> quad_class;
  std::string plover;         // plover equals it (case-insensitive)
  std::string from, to;       // event date bounds, YYYY-MM-DD, inclusive
  std::string country;        // location_country equals it (case-insensitive)
  std::string place;          // location_name equals it (case-insensitive)
  std::string text;           // FTS5 query over article title and text: events of matching articles
                              // (PostgreSQL: converted to a tsquery, docs/query.md)
  bool one_a_day = false;     // only the first event of each cluster (Phoenix's one-a-day filter)
  std::optional<int64_t> limit;
};

// One row of the events table (docs/store.md), with its article's publication date and its JSON
// arrays (issues, rules) read into strings. store/export.h views it as an EventRecord.
struct StoredEvent {
  int64_t article_id = 0;
  int64_t event_index = 0;
  std::string event_id, doc_id, outlet, url;
  int64_t sentence = 0;
  std::optional<std::string> date;  // YYYY-MM-DD
  std::string date_precision;
  bool historical = false;
  std::string mode, source, target, source_name, target_name, source_country, target_country;
  std::string source_text, target_text, code, root;
  std::optional<int64_t> quad_class;
  std::optional<double> goldstein;
  std::string plover, plover_mode, plover_context;
  bool has_location = false;  // the location_* fields are meaningful only when true
  std::string location_name, location_country, location_admin1, location_precision;
  std::optional<double> location_lat, location_lon;
  std::optional<int64_t> location_geonames_id;
  std::vector<std::string> issues;  // the stored JSON array's strings
  std::optional<std::string> quote_id;
  std::string evidence_text;
  int64_t evidence_start = 0, evidence_end = 0;
  std::optional<int64_t> source_span_start, source_span_end, target_span_start, target_span_end;
  std::optional<int64_t> verb_span_start, verb_span_end;
  std::vector<std::string> rules;  // the stored JSON array's strings
  std::string version;
  std::optional<std::string> publication_date;  // the article's
  // The event's cluster (the same event in other articles, docs/store.md): its id and counts.
  // An event without a cluster (none in a current database) counts as its own: 1, 1, 1.
  std::optional<int64_t> cluster_id;
  int64_t num_mentions = 1, num_articles = 1, num_sources = 1;
};

enum class StatsPeriod { kDay, kWeek, kMonth };
enum class StatsGroup { kNone, kDyad, kQuad, kPlover, kRoot };

// Counts of one period (and group). Periods are labelled by their first day: the day itself,
// the Monday of the ISO week, or YYYY-MM for a month. Events without a date are not counted.
struct StatsRow {
  std::string period;
  std::string group;       // "" with StatsGroup::kNone; "SRC:TGT" for dyads
  int64_t events = 0;
  int64_t scored = 0;      // events with a Goldstein score
  std::optional<double> mean_goldstein;  // over the scored events; nullopt when none
};

class EventReader {
 public:
  // Opens an existing store database read-only — a SQLite file path, or a PostgreSQL URI
  // (postgresql://...) — an error when it is absent or not a store.
  static Result<std::unique_ptr<EventReader>> Open(const std::string& location);
  ~EventReader();
  EventReader(const EventReader&) = delete;
  EventReader& operator=(const EventReader&) = delete;

  // Calls `fn` for each selected event in storage order (article_id, event_index) until it
  // returns false.
  Status ForEach(const EventFilter& filter, const std::function<bool(const StoredEvent&)>& fn) const;

  // Events per period (and group), ordered by period then group; periods without events are
  // absent. `filter.limit` is ignored.
  Result<std::vector<StatsRow>> Stats(const EventFilter& filter, StatsPeriod period, StatsGroup group) const;

  // Stored articles the full-text index does not cover yet (an ingest killed before indexing
  // them; the next ingest does): a `text` filter does not find them.
  Result<int64_t> UnindexedArticles() const;

 private:
  explicit EventReader(std::unique_ptr<SqlSource> db);
  std::unique_ptr<SqlSource> db_;
};

}  // namespace dateline
