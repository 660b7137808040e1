#include "store/query.h"

#include <simdjson.h>
#include <sqlite3.h>

#include <variant>

namespace dateline {

namespace {

// The WHERE clause of a filter over `events e` and its parameters, bound in order.
struct Where {
  std::string sql;
  std::vector<std::variant<std::string, int64_t>> params;

  void Add(std::string clause) { sql += (sql.empty() ? " WHERE " : " AND ") + clause; }
};

// "substr(col, 1, ?) = ?": a case-sensitive prefix test that needs no escaping of LIKE's wildcards.
std::string Prefix(std::string_view column, Where& w, const std::string& prefix) {
  w.params.emplace_back(static_cast<int64_t>(prefix.size()));
  w.params.emplace_back(prefix);
  return "substr(" + std::string(column) + ", 1, ?) = ?";
}

Where BuildWhere(const EventFilter& f) {
  Where w;
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
  if (!f.root.empty()) {
    w.Add("e.root = ?");
    w.params.emplace_back(f.root);
  }
  if (f.quad_class) {
    w.Add("e.quad_class = ?");
    w.params.emplace_back(static_cast<int64_t>(*f.quad_class));
  }
  if (!f.plover.empty()) {
    w.Add("e.plover = ? COLLATE NOCASE");
    w.params.emplace_back(f.plover);
  }
  if (!f.from.empty()) {
    w.Add("e.date >= ?");
    w.params.emplace_back(f.from);
  }
  if (!f.to.empty()) {
    w.Add("e.date <= ?");
    w.params.emplace_back(f.to);
  }
  if (!f.country.empty()) {
    w.Add("e.location_country = ? COLLATE NOCASE");
    w.params.emplace_back(f.country);
  }
  if (!f.place.empty()) {
    w.Add("e.location_name = ? COLLATE NOCASE");
    w.params.emplace_back(f.place);
  }
  if (f.one_a_day) w.Add("c.first_article_id = e.article_id AND c.first_event_index = e.event_index");
  if (!f.text.empty()) {
    w.Add("e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
    w.params.emplace_back(f.text);
  }
  return w;
}

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr);
  }
  ~Statement() { sqlite3_finalize(st_); }
  Status status(const std::string& path) const {
    if (rc_ == SQLITE_OK) return Status::Ok();
    return DataError(path + ": " + sqlite3_errmsg(db_));
  }
  void Bind(const std::vector<std::variant<std::string, int64_t>>& params) {
    for (size_t i = 0; i < params.size(); ++i) {
      const int k = static_cast<int>(i + 1);
      if (const auto* s = std::get_if<std::string>(&params[i]))
        sqlite3_bind_text(st_, k, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64(st_, k, std::get<int64_t>(params[i]));
    }
  }
  sqlite3_stmt* get() const { return st_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
  int rc_;
};

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

struct Row {
  sqlite3_stmt* st;
  int i = 0;
  bool Null() const { return sqlite3_column_type(st, i) == SQLITE_NULL; }
  std::string Text() {
    const unsigned char* t = sqlite3_column_text(st, i);
    const int n = sqlite3_column_bytes(st, i);
    ++i;
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(n)) : std::string();
  }
  std::optional<std::string> OptText() {
    if (Null()) return ++i, std::nullopt;
    return Text();
  }
  int64_t Int() { return sqlite3_column_int64(st, i++); }
  std::optional<int64_t> OptInt() {
    if (Null()) return ++i, std::nullopt;
    return Int();
  }
  std::optional<double> OptReal() {
    if (Null()) return ++i, std::nullopt;
    return sqlite3_column_double(st, i++);
  }
  // A stored JSON array of strings (issues, rules) as its strings; none for anything unreadable.
  std::vector<std::string> Strings(simdjson::dom::parser& parser) {
    const char* t = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
    const std::string_view json(t ? t : "", static_cast<size_t>(sqlite3_column_bytes(st, i)));
    ++i;
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

StoredEvent ReadEvent(sqlite3_stmt* st, simdjson::dom::parser& parser) {
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

Result<std::unique_ptr<EventReader>> EventReader::Open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string m = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return IoError(path + ": cannot open the database: " + m);
  }
  sqlite3_busy_timeout(db, 5000);
  // A store database has the events table; anything else (an empty file, another database) is refused.
  sqlite3_stmt* st = nullptr;
  const int rc = sqlite3_prepare_v2(db, "SELECT 1 FROM events LIMIT 0", -1, &st, nullptr);
  sqlite3_finalize(st);
  if (rc != SQLITE_OK) {
    std::string m = sqlite3_errmsg(db);
    sqlite3_close(db);
    return DataError(path + ": not a dateline event database (" + m + ")");
  }
  return std::unique_ptr<EventReader>(new EventReader(db, path));
}

EventReader::~EventReader() { sqlite3_close(db_); }

Status EventReader::ForEach(const EventFilter& filter, const std::function<bool(const StoredEvent&)>& fn) const {
  Where w = BuildWhere(filter);
  std::string sql = std::string("SELECT ") + kEventColumns + kEventTables + w.sql +
                    " ORDER BY e.article_id, e.event_index";
  if (filter.limit) {
    sql += " LIMIT ?";
    w.params.emplace_back(*filter.limit);
  }
  Statement st(db_, sql);
  if (Status s = st.status(path_); !s.ok()) return s;
  st.Bind(w.params);
  simdjson::dom::parser parser;  // one for the rows' JSON arrays
  int rc;
  while ((rc = sqlite3_step(st.get())) == SQLITE_ROW)
    if (!fn(ReadEvent(st.get(), parser))) return Status::Ok();
  if (rc != SQLITE_DONE) return DataError(path_ + ": " + sqlite3_errmsg(db_));
  return Status::Ok();
}

Result<std::vector<StatsRow>> EventReader::Stats(const EventFilter& filter, StatsPeriod period,
                                                 StatsGroup group) const {
  Where w = BuildWhere(filter);
  w.Add("e.date IS NOT NULL");
  // ISO weeks start on Monday: 'weekday 0' moves to the week's Sunday (or stays on it), 6 days back is Monday.
  const char* period_sql = period == StatsPeriod::kDay    ? "e.date"
                           : period == StatsPeriod::kWeek ? "date(e.date, 'weekday 0', '-6 days')"
                                                          : "substr(e.date, 1, 7)";
  const char* group_sql = group == StatsGroup::kDyad     ? "e.source || ':' || e.target"
                          : group == StatsGroup::kQuad   ? "coalesce(CAST(e.quad_class AS TEXT), '')"
                          : group == StatsGroup::kPlover ? "e.plover"
                          : group == StatsGroup::kRoot   ? "e.root"
                                                         : "''";
  const std::string sql = std::string("SELECT ") + period_sql + " AS period, " + group_sql +
                          " AS grp, COUNT(*), COUNT(e.goldstein), AVG(e.goldstein)" + kEventTables + w.sql +
                          " GROUP BY period, grp ORDER BY period, grp";
  Statement st(db_, sql);
  if (Status s = st.status(path_); !s.ok()) return s;
  st.Bind(w.params);
  std::vector<StatsRow> rows;
  int rc;
  while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
    Row r{st.get()};
    StatsRow row;
    row.period = r.Text();
    row.group = r.Text();
    row.events = r.Int();
    row.scored = r.Int();
    row.mean_goldstein = r.OptReal();
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) return DataError(path_ + ": " + sqlite3_errmsg(db_));
  return rows;
}

}  // namespace dateline
