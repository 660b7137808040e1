#include "store/query.h"

#include <simdjson.h>
#include <sqlite3.h>

#include "store/pg_connection.h"
#include "store/sql_source.h"

namespace dateline {

namespace {

// The WHERE clause of a filter over `events e` and its parameters, bound in order; placeholders
// in the backend's syntax.
struct Where {
  explicit Where(const SqlSource& db) : db(db) {}
  const SqlSource& db;
  std::string sql;
  std::vector<SqlParam> params;

  void Add(std::string clause) { sql += (sql.empty() ? " WHERE " : " AND ") + clause; }
  // Adds a parameter; its placeholder.
  std::string P(SqlParam value) {
    params.push_back(std::move(value));
    return db.Param(params.size());
  }
};

// "substr(col, 1, ?) = ?": a case-sensitive prefix test that needs no escaping of LIKE's wildcards.
std::string Prefix(std::string_view column, Where& w, const std::string& prefix) {
  const std::string length = w.P(static_cast<int64_t>(prefix.size()));
  return "substr(" + std::string(column) + ", 1, " + length + ") = " + w.P(prefix);
}

Result<Where> BuildWhere(const SqlSource& db, const EventFilter& f) {
  Where w(db);
  if (!f.actor.empty()) {
    const std::string a = Prefix("e.source", w, f.actor);
    w.Add("(" + a + " OR " + Prefix("e.target", w, f.actor) + ")");
  }
  if (!f.source.empty()) w.Add(Prefix("e.source", w, f.source));
  if (!f.target.empty()) w.Add(Prefix("e.target", w, f.target));
  if (!f.dyad_source.empty() || !f.dyad_target.empty()) {
    std::string one = Prefix("e.source", w, f.dyad_source);
    one += " AND " + Prefix("e.target", w, f.dyad_target);
    if (f.dyad_both) {
      std::string other = Prefix("e.source", w, f.dyad_target);
      other += " AND " + Prefix("e.target", w, f.dyad_source);
      w.Add("((" + one + ") OR (" + other + "))");
    } else {
      w.Add("(" + one + ")");
    }
  }
  if (!f.code.empty()) w.Add(Prefix("e.code", w, f.code));
  if (!f.root.empty()) w.Add("e.root = " + w.P(f.root));
  if (f.quad_class) w.Add("e.quad_class = " + w.P(static_cast<int64_t>(*f.quad_class)));
  if (!f.plover.empty()) w.Add(db.EqualsIgnoringCase("e.plover", w.P(f.plover)));
  if (!f.from.empty()) w.Add(db.Bytewise("e.date") + " >= " + w.P(f.from));
  if (!f.to.empty()) w.Add(db.Bytewise("e.date") + " <= " + w.P(f.to));
  if (!f.country.empty()) w.Add(db.EqualsIgnoringCase("e.location_country", w.P(f.country)));
  if (!f.place.empty()) w.Add(db.EqualsIgnoringCase("e.location_name", w.P(f.place)));
  if (f.one_a_day) w.Add("c.first_article_id = e.article_id AND c.first_event_index = e.event_index");
  if (!f.text.empty()) {
    Result<std::string> value = db.TextQueryValue(f.text);
    if (!value.ok()) return value.status();
    w.Add(db.TextMatches(w.P(*value)));
  }
  return w;
}

// SQLite: a prepared statement and its rows.
class SqliteRows final : public SqlRows {
 public:
  SqliteRows(sqlite3* db, sqlite3_stmt* st, std::string name) : db_(db), st_(st), name_(std::move(name)) {}
  ~SqliteRows() override { sqlite3_finalize(st_); }
  bool Next() override {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) status_ = DataError(name_ + ": " + sqlite3_errmsg(db_));
    return false;
  }
  Status status() const override { return status_; }
  bool IsNull(int c) const override { return sqlite3_column_type(st_, c) == SQLITE_NULL; }
  std::string_view Text(int c) const override {
    const unsigned char* t = sqlite3_column_text(st_, c);
    const int n = sqlite3_column_bytes(st_, c);
    return t ? std::string_view(reinterpret_cast<const char*>(t), static_cast<size_t>(n)) : std::string_view();
  }
  int64_t Int(int c) const override { return sqlite3_column_int64(st_, c); }
  double Real(int c) const override { return sqlite3_column_double(st_, c); }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_;
  std::string name_;
  Status status_;
};

class SqliteSource final : public SqlSource {
 public:
  SqliteSource(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteSource() override { sqlite3_close(db_); }

  const std::string& name() const override { return path_; }
  Result<std::unique_ptr<SqlRows>> Query(const std::string& sql, const std::vector<SqlParam>& params) const override {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      sqlite3_finalize(st);
      return DataError(path_ + ": " + sqlite3_errmsg(db_));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const int k = static_cast<int>(i + 1);
      if (const auto* s = std::get_if<std::string>(&params[i]))
        sqlite3_bind_text(st, k, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64(st, k, std::get<int64_t>(params[i]));
    }
    return std::unique_ptr<SqlRows>(new SqliteRows(db_, st, path_));
  }
  std::string Param(size_t n) const override { return "?" + std::to_string(n); }
  std::string Bytewise(const std::string& expr) const override { return expr; }
  std::string EqualsIgnoringCase(const std::string& column, const std::string& param) const override {
    return column + " = " + param + " COLLATE NOCASE";
  }
  std::string TextMatches(const std::string& param) const override {
    return "e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH " + param + ")";
  }
  Result<std::string> TextQueryValue(const std::string& query) const override { return query; }
  // 'weekday 0' moves to the week's Sunday (or stays on it), 6 days back is Monday.
  std::string WeekStart(const std::string& expr) const override {
    return "date(" + expr + ", 'weekday 0', '-6 days')";
  }
  std::string UnindexedArticlesSql() const override {
    return "SELECT (SELECT coalesce(max(article_id), 0) FROM articles) - "
           "(SELECT value FROM store_state WHERE name = 'fts_indexed_through')";
  }

 private:
  sqlite3* db_;
  std::string path_;
};

Result<std::unique_ptr<SqlSource>> OpenSqliteSource(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string m = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return IoError(path + ": cannot open the database: " + m);
  }
  sqlite3_busy_timeout(db, 5000);
  return std::unique_ptr<SqlSource>(new SqliteSource(db, path));
}

constexpr const char* kEventColumns =
    "e.article_id, e.event_index, e.event_id, e.doc_id, e.outlet, e.url, e.sentence, e.date, e.date_precision, "
    "e.historical, e.mode, e.source, e.target, e.source_name, e.target_name, e.source_country, e.target_country, "
    "e.source_text, e.target_text, e.code, e.root, e.quad_class, e.goldstein, e.plover, e.plover_mode, "
    "e.plover_context, e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon, "
    "e.location_geonames_id, e.location_precision, e.issues, e.quote_id, e.evidence_text, e.evidence_start, "
    "e.evidence_end, e.source_span_start, e.source_span_end, e.target_span_start, e.target_span_end, "
    "e.verb_span_start, e.verb_span_end, e.rules, e.version, a.publication_date, c.cluster_id, c.num_mentions, "
    "c.num_articles, c.num_sources";

// The tables every event query reads: an event, its article and its cluster (`c`, which the
// one-a-day filter needs).
constexpr const char* kEventTables =
    " FROM events e JOIN articles a ON a.article_id = e.article_id"
    " LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id";

// Reads the columns of a row in order.
struct Row {
  const SqlRows& st;
  int i = 0;
  bool Null() const { return st.IsNull(i); }
  std::string Text() { return std::string(st.Text(i++)); }
  std::optional<std::string> OptText() {
    if (Null()) return ++i, std::nullopt;
    return Text();
  }
  int64_t Int() { return st.Int(i++); }
  std::optional<int64_t> OptInt() {
    if (Null()) return ++i, std::nullopt;
    return Int();
  }
  std::optional<double> OptReal() {
    if (Null()) return ++i, std::nullopt;
    return st.Real(i++);
  }
  // A stored JSON array of strings (issues, rules) as its strings; none for anything unreadable.
  std::vector<std::string> Strings(simdjson::dom::parser& parser) {
    const std::string_view json = st.Text(i++);
    std::vector<std::string> items;
    if (SplitPlainStrings(json, items)) return items;
    items.clear();
    simdjson::dom::array array;
    if (parser.parse(json.data(), json.size()).get_array().get(array)) return items;
    for (simdjson::dom::element el : array) {
      std::string_view s;
      if (!el.get_string().get(s)) items.emplace_back(s);
    }
    return items;
  }

  // The fast path of Strings, for the arrays the store writes, which rarely hold an escape: without
  // a backslash no string holds a quote, so ["a","b"] is split at its quotes. False (and `items`
  // unfinished) for anything else: escapes, anything that is not an array of strings.
  static bool SplitPlainStrings(std::string_view json, std::vector<std::string>& items) {
    if (json.find('\\') != std::string_view::npos) return false;
    const auto skip_space = [&](size_t k) {
      while (k < json.size() && (json[k] == ' ' || json[k] == '\t' || json[k] == '\n' || json[k] == '\r')) ++k;
      return k;
    };
    size_t k = skip_space(0);
    if (k == json.size() || json[k] != '[') return false;
    k = skip_space(k + 1);
    if (k < json.size() && json[k] == ']') return skip_space(k + 1) == json.size();
    while (k < json.size() && json[k] == '"') {
      const size_t close = json.find('"', k + 1);
      if (close == std::string_view::npos) return false;
      items.emplace_back(json.substr(k + 1, close - k - 1));
      k = skip_space(close + 1);
      if (k < json.size() && json[k] == ']') return skip_space(k + 1) == json.size();
      if (k == json.size() || json[k] != ',') return false;
      k = skip_space(k + 1);
    }
    return false;
  }
};

StoredEvent ReadEvent(const SqlRows& st, simdjson::dom::parser& parser) {
  Row r{st};
  StoredEvent e;
  e.article_id = r.Int();
  e.event_index = r.Int();
  e.event_id = r.Text();
  e.doc_id = r.Text();
  e.outlet = r.Text();
  e.url = r.Text();
  e.sentence = r.Int();
  e.date = r.OptText();
  e.date_precision = r.Text();
  e.historical = r.Int() != 0;
  e.mode = r.Text();
  e.source = r.Text();
  e.target = r.Text();
  e.source_name = r.Text();
  e.target_name = r.Text();
  e.source_country = r.Text();
  e.target_country = r.Text();
  e.source_text = r.Text();
  e.target_text = r.Text();
  e.code = r.Text();
  e.root = r.Text();
  e.quad_class = r.OptInt();
  e.goldstein = r.OptReal();
  e.plover = r.Text();
  e.plover_mode = r.Text();
  e.plover_context = r.Text();
  e.has_location = !r.Null();
  e.location_name = r.Text();
  e.location_country = r.Text();
  e.location_admin1 = r.Text();
  e.location_lat = r.OptReal();
  e.location_lon = r.OptReal();
  e.location_geonames_id = r.OptInt();
  e.location_precision = r.Text();
  e.issues = r.Strings(parser);
  e.quote_id = r.OptText();
  e.evidence_text = r.Text();
  e.evidence_start = r.Int();
  e.evidence_end = r.Int();
  e.source_span_start = r.OptInt();
  e.source_span_end = r.OptInt();
  e.target_span_start = r.OptInt();
  e.target_span_end = r.OptInt();
  e.verb_span_start = r.OptInt();
  e.verb_span_end = r.OptInt();
  e.rules = r.Strings(parser);
  e.version = r.Text();
  e.publication_date = r.OptText();
  e.cluster_id = r.OptInt();
  if (e.cluster_id) {
    e.num_mentions = r.Int();
    e.num_articles = r.Int();
    e.num_sources = r.Int();
  }
  return e;
}

}  // namespace

Result<std::unique_ptr<EventReader>> EventReader::Open(const std::string& location) {
  Result<std::unique_ptr<SqlSource>> db =
      IsPostgresLocation(location) ? OpenPgSource(location) : OpenSqliteSource(location);
  if (!db.ok()) return db.status();
  // A store database has the events table; anything else (an empty file, another database) is refused.
  Result<std::unique_ptr<SqlRows>> probe = (*db)->Query("SELECT 1 FROM events LIMIT 0", {});
  if (probe.ok()) (void)(*probe)->Next();
  if (!probe.ok() || !(*probe)->status().ok()) {
    const Status& s = probe.ok() ? (*probe)->status() : probe.status();
    return DataError((*db)->name() + ": not a dateline event database (" + s.message() + ")");
  }
  return std::unique_ptr<EventReader>(new EventReader(db.take()));
}

EventReader::EventReader(std::unique_ptr<SqlSource> db) : db_(std::move(db)) {}
EventReader::~EventReader() = default;

Status EventReader::ForEach(const EventFilter& filter, const std::function<bool(const StoredEvent&)>& fn) const {
  Result<Where> w = BuildWhere(*db_, filter);
  if (!w.ok()) return w.status();
  std::string sql = std::string("SELECT ") + kEventColumns + kEventTables + w->sql +
                    " ORDER BY e.article_id, e.event_index";
  if (filter.limit) sql += " LIMIT " + w->P(*filter.limit);
  Result<std::unique_ptr<SqlRows>> rows = db_->Query(sql, w->params);
  if (!rows.ok()) return rows.status();
  simdjson::dom::parser parser;  // one for the rows' JSON arrays
  while ((*rows)->Next())
    if (!fn(ReadEvent(**rows, parser))) return Status::Ok();
  return (*rows)->status();
}

Result<int64_t> EventReader::UnindexedArticles() const {
  Result<std::unique_ptr<SqlRows>> rows = db_->Query(db_->UnindexedArticlesSql(), {});
  if (!rows.ok()) return rows.status();
  if (!(*rows)->Next()) {
    if (Status s = (*rows)->status(); !s.ok()) return s;
    return 0;
  }
  return (*rows)->Int(0);
}

Result<std::vector<StatsRow>> EventReader::Stats(const EventFilter& filter, StatsPeriod period,
                                                 StatsGroup group) const {
  Result<Where> w = BuildWhere(*db_, filter);
  if (!w.ok()) return w.status();
  w->Add("e.date IS NOT NULL");
  const std::string period_sql = period == StatsPeriod::kDay    ? std::string("e.date")
                                 : period == StatsPeriod::kWeek ? db_->WeekStart("e.date")
                                                                : std::string("substr(e.date, 1, 7)");
  const char* group_sql = group == StatsGroup::kDyad     ? "e.source || ':' || e.target"
                          : group == StatsGroup::kQuad   ? "coalesce(CAST(e.quad_class AS TEXT), '')"
                          : group == StatsGroup::kPlover ? "e.plover"
                          : group == StatsGroup::kRoot   ? "e.root"
                                                         : "''";
  // Labels ordered byte by byte: the same order whatever the database's collation.
  const std::string sql = "SELECT " + db_->Bytewise(period_sql) + " AS period, " + db_->Bytewise(group_sql) +
                          " AS grp, COUNT(*), COUNT(e.goldstein), AVG(e.goldstein)" + kEventTables + w->sql +
                          " GROUP BY period, grp ORDER BY period, grp";
  Result<std::unique_ptr<SqlRows>> result = db_->Query(sql, w->params);
  if (!result.ok()) return result.status();
  std::vector<StatsRow> rows;
  while ((*result)->Next()) {
    Row r{**result};
    StatsRow row;
    row.period = r.Text();
    row.group = r.Text();
    row.events = r.Int();
    row.scored = r.Int();
    row.mean_goldstein = r.OptReal();
    rows.push_back(std::move(row));
  }
  if (!(*result)->status().ok()) return (*result)->status();
  return rows;
}

}  // namespace dateline
