// The SQLite backend of the event store: WAL journal, synchronous=NORMAL (a killed process loses
// no committed transaction; only a power loss may lose the last ones), one transaction per
// batch, prepared statements reused for every row.
#include <simdjson.h>
#include <sqlite3.h>
#include <xxhash.h>

#include <cmath>
#include <cstdio>
#include <span>
#include <string>
#include <vector>

#include "store/dedupe.h"
#include "store/identity.h"
#include "store/rows.h"
#include "store/schema.h"
#include "store/sqlite_store.h"
#include "store/store.h"

namespace dateline {

namespace {

// One prepared statement, reset after each use.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  Status Prepare(sqlite3* db, std::string_view sql) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                           nullptr) != SQLITE_OK)
      return DataError(std::string("sqlite: ") + sqlite3_errmsg(db) + " in: " + std::string(sql.substr(0, 60)));
    return Status::Ok();
  }
  sqlite3_stmt* get() const { return stmt_; }
  // Binds parameter i (1-based).
  // An empty view binds '' (a null data pointer would bind NULL). The bytes are not copied: they
  // must stay valid until the statement has run (Reset).
  void Text(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.empty() ? "" : s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }
  // Copies: for temporaries.
  void Copy(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.empty() ? "" : s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void CopyOrNull(int i, std::string_view s) {
    if (s.empty()) Null(i); else Copy(i, s);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Blob(int i, std::string_view b) {
    sqlite3_bind_blob(stmt_, i, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
  }
  void Real(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void Null(int i) { sqlite3_bind_null(stmt_, i); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

constexpr std::string_view kInsertArticle =
    "INSERT INTO articles (doc_id, content_hash, title, url, outlet, publication_date, dateline_place, "
    "dateline_date, dateline_agency, reporters, editors, removed, sentences, text, article_id, story_id, sketch) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";

constexpr std::string_view kInsertEvent =
    "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
    "?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, "
    "?41, ?42, ?43, ?44, ?45, ?46, ?47)";

constexpr std::string_view kInsertStory = "INSERT INTO stories (story_id, first_article_id) VALUES (?1, ?2)";

constexpr std::string_view kWriteCluster =
    "INSERT OR REPLACE INTO event_clusters (cluster_id, date, source, target, code, story_id, first_article_id, "
    "first_event_index, num_mentions, num_articles, num_sources, article_ids, sources) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

// Writes the clusters `index` changed since its last TakeDirty.
Status WriteClusters(sqlite3* db, Statement& st, ClusterIndex& index) {
  for (const EventCluster* c : index.TakeDirty()) {
    st.Int(1, c->cluster_id);
    st.CopyOrNull(2, c->key.date);
    st.Text(3, c->key.source);
    st.Text(4, c->key.target);
    st.Text(5, c->key.code);
    if (c->key.story_id) st.Int(6, c->key.story_id);
    st.Int(7, c->first_article_id);
    st.Int(8, c->first_event_index);
    st.Int(9, c->num_mentions);
    st.Int(10, static_cast<int64_t>(c->article_ids.size()));
    st.Int(11, static_cast<int64_t>(c->sources.size()));
    st.Copy(12, ClusterArticleIdsJson(*c));
    st.Copy(13, ClusterSourcesJson(*c));
    const int rc = sqlite3_step(st.get());
    st.Reset();
    if (rc != SQLITE_DONE) return IoError(std::string("storing an event cluster: ") + sqlite3_errmsg(db));
  }
  return Status::Ok();
}

std::string ColumnText(sqlite3_stmt* st, int c) {
  const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
  return t ? std::string(t, static_cast<size_t>(sqlite3_column_bytes(st, c))) : std::string();
}

// Rebuilds the in-memory indexes from the database; returns the next article id.
Result<int64_t> LoadIndexes(sqlite3* db, StoryIndex& stories, ClusterIndex& clusters, ArticleIdentity& identity) {
  stories.Clear();
  clusters.Clear();
  identity.Clear();
  int64_t next_article = 1;
  sqlite3_stmt* st = nullptr;
  auto fail = [&](const char* what) {
    sqlite3_finalize(st);
    return IoError(std::string(what) + ": " + sqlite3_errmsg(db));
  };
  // The story index holds the recent articles only (dedupe.h): those before `first` are not
  // compared with new ones.
  int64_t first = 1;
  if (sqlite3_prepare_v2(db, "SELECT coalesce(max(article_id), 0) FROM articles", -1, &st, nullptr) != SQLITE_OK ||
      sqlite3_step(st) != SQLITE_ROW)
    return fail("finding the last article");
  first = stories.FirstNeeded(sqlite3_column_int64(st, 0) + 1);
  sqlite3_finalize(st);
  st = nullptr;
  if (sqlite3_prepare_v2(db,
                         "SELECT article_id, story_id, sketch, doc_id, content_hash FROM articles ORDER BY article_id",
                         -1, &st, nullptr) != SQLITE_OK)
    return fail("loading the sketches");
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const int64_t id = sqlite3_column_int64(st, 0);
    next_article = id + 1;
    auto text = [&](int c) {
      const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
      return t ? std::string_view(t, static_cast<size_t>(sqlite3_column_bytes(st, c))) : std::string_view();
    };
    identity.Add(text(3), text(4));
    if (id < first) continue;
    Sketch sketch;
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(st, 2));
    if (blob && SketchFromBytes(std::string_view(blob, static_cast<size_t>(sqlite3_column_bytes(st, 2))), &sketch))
      stories.Insert(id, sqlite3_column_int64(st, 1), sketch);
  }
  if (rc != SQLITE_DONE) return fail("loading the sketches");
  sqlite3_finalize(st);
  st = nullptr;
  if (sqlite3_prepare_v2(db,
                         "SELECT cluster_id, date, source, target, code, story_id, first_article_id, first_event_index, "
                         "num_mentions, article_ids, sources FROM event_clusters",
                         -1, &st, nullptr) != SQLITE_OK)
    return fail("loading the event clusters");
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    EventCluster c;
    c.cluster_id = sqlite3_column_int64(st, 0);
    c.key = ClusterKey{ColumnText(st, 1), ColumnText(st, 2), ColumnText(st, 3), ColumnText(st, 4),
                       sqlite3_column_int64(st, 5)};
    c.first_article_id = sqlite3_column_int64(st, 6);
    c.first_event_index = sqlite3_column_int64(st, 7);
    c.num_mentions = sqlite3_column_int64(st, 8);
    if (Status s = ParseClusterLists(ColumnText(st, 9), ColumnText(st, 10), &c); !s.ok()) {
      sqlite3_finalize(st);
      return s;
    }
    clusters.Insert(std::move(c));
  }
  if (rc != SQLITE_DONE) return fail("loading the event clusters");
  sqlite3_finalize(st);
  return next_article;
}

constexpr std::string_view kInsertQuote =
    "INSERT INTO quotes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

class SqliteStore final : public EventStore {
 public:
  ~SqliteStore() override {
    if (in_batch_) RollbackBatch();
    sqlite3_close_v2(db_);  // closes once the statements (members, destroyed after this) are finalized
  }

  Status Open(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK)
      return IoError(path + ": cannot open the database: " + (db_ ? sqlite3_errmsg(db_) : "out of memory"));
    path_ = path;
    sqlite3_busy_timeout(db_, 10000);
    // 8 KiB pages (set before the first table; ignored for an existing database), a 64 MiB page
    // cache, and a checkpoint every 8,192 pages (64 MiB of WAL) rather than 1,000: fewer
    // checkpoints, each an fsync and a copy of the pages written since the last. Together with
    // batches of 1,024 articles a transaction, 2.85 s -> 1.3 s for 50,000 short articles.
    Status s = Exec(
        "PRAGMA page_size=8192; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; "
        "PRAGMA wal_autocheckpoint=8192; PRAGMA temp_store=MEMORY;");
    if (!s.ok()) return s;
    s = MigrateSqliteStore(db_, path);
    if (!s.ok()) return s;
    if (!(s = Exec("PRAGMA foreign_keys=ON;")).ok()) return s;
    version_ = CurrentStoreVersion();
    if (!(s = begin_.Prepare(db_, "BEGIN IMMEDIATE")).ok()) return s;
    if (!(s = commit_.Prepare(db_, "COMMIT")).ok()) return s;
    if (!(s = rollback_.Prepare(db_, "ROLLBACK")).ok()) return s;
    if (!(s = data_version_get_.Prepare(db_, "PRAGMA data_version")).ok()) return s;
    if (!(s = insert_article_.Prepare(db_, kInsertArticle)).ok()) return s;
    if (!(s = insert_event_.Prepare(db_, kInsertEvent)).ok()) return s;
    if (!(s = insert_quote_.Prepare(db_, kInsertQuote)).ok()) return s;
    if (!(s = write_cluster_.Prepare(db_, kWriteCluster)).ok()) return s;
    if (!(s = index_.Prepare(db_, "INSERT INTO articles_fts (rowid, title, text) SELECT article_id, title, text "
                                  "FROM articles WHERE article_id > ?1")).ok())
      return s;
    if (!(s = indexed_through_get_.Prepare(
              db_, "SELECT value FROM store_state WHERE name = 'fts_indexed_through'")).ok())
      return s;
    if (!(s = indexed_through_set_.Prepare(
              db_, "UPDATE store_state SET value = ?1 WHERE name = 'fts_indexed_through'")).ok())
      return s;
    if (!(s = Reload()).ok()) return s;
    // A run killed after storing articles it had not indexed yet: index them now.
    return Finish();
  }

  Status BeginBatch() override {
    Status s = Step(begin_, "BEGIN");
    if (!s.ok()) return s;
    in_batch_ = true;
    // Another process (or connection) stored articles since this one last looked: the in-memory
    // tables lack them. The write lock is held now, so nothing changes until the commit.
    Result<int64_t> version = DataVersion();
    if (!version.ok()) return version.status();
    if (*version != data_version_) s = Reload();
    if (!s.ok()) RollbackBatch();
    return s;
  }

  Status CommitBatch() override {
    // The articles not yet in the full-text index, when they make a chunk, join it in this
    // transaction.
    if (next_article_id_ - 1 - indexed_through_ >= kIndexChunk)
      if (Status s = IndexPending(); !s.ok()) return s;
    if (Status s = WriteClusters(db_, write_cluster_, clusters_); !s.ok()) return s;
    Status s = Step(commit_, "COMMIT");
    if (s.ok()) {
      in_batch_ = false;
      indexed_through_ = pending_indexed_through_;
    }
    return s;
  }

  Status Finish() override {
    if (in_batch_) return Status(StatusCode::kInternal, "Finish inside a batch");
    if (next_article_id_ - 1 <= indexed_through_) return Status::Ok();
    if (Status s = BeginBatch(); !s.ok()) return s;
    Status s = IndexPending();
    if (s.ok()) s = Step(commit_, "COMMIT");
    if (!s.ok()) {
      RollbackBatch();
      return s;
    }
    in_batch_ = false;
    indexed_through_ = pending_indexed_through_;
    return Status::Ok();
  }

  void RollbackBatch() override {
    pending_indexed_through_ = indexed_through_;
    if (!in_batch_) return;
    (void)Step(rollback_, "ROLLBACK");
    in_batch_ = false;
    (void)Reload();  // the indexes held the batch's articles and events
  }

  int schema_version() const override { return version_; }

  Result<AddOutcome> AddArticle(const Document& doc, const PreparedText& prepared, std::string_view version) override {
    if (!in_batch_) return Status(StatusCode::kInternal, "AddArticle outside a batch");
    const std::string& hash = prepared.hash;
    // Stored already (by doc_id or text)? The in-memory identity answers (identity.h): no index
    // on the two columns to keep up to date.
    if (const std::optional<AddOutcome> stored = identity_.Find(doc.id, hash)) return *stored;
    Statement& a = insert_article_;
    a.Text(1, doc.id);
    a.Text(2, hash);
    a.Text(3, ArticleTitle(doc));
    a.Text(4, doc.url);
    a.Text(5, doc.outlet);
    a.CopyOrNull(6, DateText(doc.publication_date));
    const Dateline& dl = doc.dateline;
    if (HasDateline(doc)) {
      a.Text(7, dl.place);
      a.CopyOrNull(8, DateText(dl.date));
      a.Text(9, dl.agency);
    }
    a.Copy(10, JsonArray(doc.reporters));
    a.Copy(11, JsonArray(doc.editors));
    const std::string removed = RemovedJson(doc);
    a.Text(12, removed);
    a.Int(13, static_cast<int64_t>(doc.sentences.size()));
    const std::string& text = prepared.cleaned;
    const int64_t article_id = next_article_id_;
    const Sketch sketch = prepared.sketch ? *prepared.sketch : ArticleSketch(text);
    const int64_t found = stories_.Find(sketch);
    const int64_t story_id = found != 0 ? found : article_id;
    a.Text(14, text);
    a.Int(15, article_id);
    a.Int(16, story_id);
    a.Blob(17, SketchBytes(sketch));
    int rc = sqlite3_step(a.get());
    a.Reset();
    if (rc != SQLITE_DONE) return Error("storing article " + doc.id);
    identity_.Add(doc.id, hash);
    ++next_article_id_;
    stories_.Insert(article_id, story_id, sketch);

    for (size_t i = 0; i < doc.events.size(); ++i) {
      Status s = InsertEvent(doc, doc.events[i], article_id, story_id, static_cast<int64_t>(i), version);
      if (!s.ok()) return s;
    }
    for (uint32_t q = 0; q < doc.quotes.size(); ++q) {
      Status s = InsertQuote(doc, q, article_id);
      if (!s.ok()) return s;
    }
    return AddOutcome::kAdded;
  }

 private:
  // The stored articles after indexed_through_ into the full-text index; pending_indexed_through_
  // becomes indexed_through_ when the transaction commits.
  Status IndexPending() {
    index_.Int(1, indexed_through_);
    if (Status s = Step(index_, "indexing articles for full-text search"); !s.ok()) return s;
    indexed_through_set_.Int(1, next_article_id_ - 1);
    if (Status s = Step(indexed_through_set_, "recording the full-text index's progress"); !s.ok()) return s;
    pending_indexed_through_ = next_article_id_ - 1;
    return Status::Ok();
  }

  Status Reload() {
    Result<int64_t> next = LoadIndexes(db_, stories_, clusters_, identity_);
    if (!next.ok()) return IoError(path_ + ": " + next.status().message());
    next_article_id_ = *next;
    const int rc = sqlite3_step(indexed_through_get_.get());
    indexed_through_ = rc == SQLITE_ROW ? sqlite3_column_int64(indexed_through_get_.get(), 0) : 0;
    indexed_through_get_.Reset();
    if (rc != SQLITE_ROW) return Error("reading the full-text index's progress");
    pending_indexed_through_ = indexed_through_;
    Result<int64_t> version = DataVersion();
    if (!version.ok()) return version.status();
    data_version_ = *version;
    return Status::Ok();
  }

  // PRAGMA data_version: it changes when another connection commits.
  Result<int64_t> DataVersion() {
    const int rc = sqlite3_step(data_version_get_.get());
    const int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(data_version_get_.get(), 0) : 0;
    data_version_get_.Reset();
    if (rc != SQLITE_ROW) return Error("reading the data version");
    return v;
  }

  Status Exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
      std::string m = path_ + ": " + (error ? error : "sqlite error");
      sqlite3_free(error);
      return IoError(m);
    }
    return Status::Ok();
  }

  Status Error(const std::string& what) { return IoError(path_ + ": " + what + ": " + sqlite3_errmsg(db_)); }

  Status Step(Statement& st, const char* what) {
    const int rc = sqlite3_step(st.get());
    st.Reset();
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return Error(what);
    return Status::Ok();
  }

  // The event's row: its record (output/output.h), location and evidence flattened, as
  // docs/store.md lists the columns; `dateline query` reads it back as the same record.
  Status InsertEvent(const Document& doc, const Event& e, int64_t article_id, int64_t story_id, int64_t index,
                     std::string_view version) {
    const EventRecord r = MakeEventRecord(doc, e, version, record_);
    Statement& s = insert_event_;
    const std::string date = DateText(r.date);
    const int64_t cluster = clusters_.Add(EventClusterKey(date, r, story_id), article_id, index, doc.outlet);
    s.Int(47, cluster);
    s.Int(1, article_id);
    s.Int(2, index);
    s.Text(3, r.event_id);
    s.Text(4, r.doc_id);
    s.Text(5, r.outlet);
    s.Text(6, r.url);
    s.Int(7, r.sentence);
    s.CopyOrNull(8, date);
    s.Text(9, r.date_precision);
    s.Int(10, r.historical ? 1 : 0);
    s.Text(11, r.mode);
    s.Text(12, r.source.code);
    s.Text(13, r.target.code);
    s.Text(14, r.source.name);
    s.Text(15, r.target.name);
    s.Text(16, r.source.country);
    s.Text(17, r.target.country);
    s.Text(18, r.source.text);
    s.Text(19, r.target.text);
    s.Text(20, r.code);
    s.Text(21, r.root);
    if (r.quad_class) s.Int(22, *r.quad_class);
    if (r.goldstein) s.Real(23, *r.goldstein);
    s.Text(24, r.plover);
    s.Text(25, r.plover_mode);
    s.Text(26, r.plover_context);
    if (r.location) {
      const EventRecord::Place& l = *r.location;
      s.Text(27, l.name);
      s.Text(28, l.country);
      s.Text(29, l.admin1);
      if (l.lat) s.Real(30, Coordinate(*l.lat));
      if (l.lon) s.Real(31, Coordinate(*l.lon));
      if (l.geonames_id) s.Int(32, *l.geonames_id);
      s.Text(33, l.precision);
    }
    s.Copy(34, JsonArray(r.issues.items));
    if (r.quote_id) s.Text(35, *r.quote_id);
    s.Text(36, r.evidence_text);
    s.Int(37, r.evidence.start);
    s.Int(38, r.evidence.end);
    const std::optional<EventRecord::Span>* spans[] = {&r.source_span, &r.target_span, &r.verb_span};
    for (int k = 0; k < 3; ++k)
      if (*spans[k]) {
        s.Int(39 + 2 * k, (*spans[k])->start);
        s.Int(40 + 2 * k, (*spans[k])->end);
      }
    s.Copy(45, JsonArray(r.rules.items));
    s.Text(46, r.version);
    const int rc = sqlite3_step(s.get());
    s.Reset();
    if (rc != SQLITE_DONE) return Error("storing an event of " + doc.id);
    return Status::Ok();
  }

  Status InsertQuote(const Document& doc, uint32_t index, int64_t article_id) {
    const Quote& q = doc.quotes[index];
    Statement& s = insert_quote_;
    s.Int(1, article_id);
    s.Int(2, index);
    s.Copy(3, QuoteId(doc, index));
    s.Text(4, doc.id);
    s.Copy(5, QuoteText(doc, q));
    auto words = [&](const ActorRef& a) {
      return a.span && a.span->end <= doc.text().size() ? doc.view(*a.span) : std::string_view();
    };
    s.Text(6, q.speaker.code);
    s.Text(7, q.speaker.name);
    s.Text(8, words(q.speaker));
    s.Text(9, q.addressee.code);
    s.Text(10, q.addressee.name);
    s.Text(11, words(q.addressee));
    const std::string sentences = QuoteSentencesJson(q);
    s.Text(12, sentences);
    const EventRecord::Span span = InputOffsets(doc, q.span);
    s.Int(13, span.start);
    s.Int(14, span.end);
    const int rc = sqlite3_step(s.get());
    s.Reset();
    if (rc != SQLITE_DONE) return Error("storing a quote of " + doc.id);
    return Status::Ok();
  }

  sqlite3* db_ = nullptr;
  std::string path_;
  int version_ = 0;
  bool in_batch_ = false;
  // Articles are added to the full-text index in chunks of at least this many (and by Finish):
  // FTS5 then writes a few large segments instead of one small segment per batch to be merged.
  // From 4,096 on a chunk costs about as much per article as indexing everything at once (a
  // 1,024-article chunk a third more); the chunk left at the end of a run is indexed by Finish.
  static constexpr int64_t kIndexChunk = 8192;
  int64_t indexed_through_ = 0;          // the last article_id in the full-text index (committed)
  int64_t pending_indexed_through_ = 0;  // the same, in the transaction in progress
  Statement index_, indexed_through_get_, indexed_through_set_;
  Statement begin_, commit_, rollback_, data_version_get_, insert_article_, insert_event_, insert_quote_;
  Statement write_cluster_;
  EventRecordBuffer record_;  // InsertEvent's, reused
  StoryIndex stories_;
  ClusterIndex clusters_;
  ArticleIdentity identity_;  // the stored articles' doc_ids and content hashes
  int64_t data_version_ = 0;  // PRAGMA data_version when the in-memory indexes were loaded
  int64_t next_article_id_ = 1;
};

// Schema version 3 for a database that has articles already: their sketches and stories, and
// their events' clusters, as an ingest of the same articles in article_id order assigns them.
// Runs inside the migration's transaction.
Status BackfillStoriesAndClusters(sqlite3* db) {
  auto error = [&](const char* what) { return IoError(std::string(what) + ": " + sqlite3_errmsg(db)); };
  Statement articles, set_article, insert_story, events, set_event, write_cluster;
  Status s;
  if (!(s = articles.Prepare(db, "SELECT article_id, text FROM articles ORDER BY article_id")).ok()) return s;
  if (!(s = set_article.Prepare(db, "UPDATE articles SET story_id = ?1, sketch = ?2 WHERE article_id = ?3")).ok())
    return s;
  if (!(s = insert_story.Prepare(db, kInsertStory)).ok()) return s;
  if (!(s = events.Prepare(db, "SELECT e.article_id, e.event_index, e.date, e.source, e.target, e.code, a.outlet, "
                               "a.story_id FROM events e JOIN articles a ON a.article_id = e.article_id "
                               "ORDER BY e.article_id, e.event_index")).ok())
    return s;
  if (!(s = set_event.Prepare(db, "UPDATE events SET cluster_id = ?1 WHERE article_id = ?2 AND event_index = ?3")).ok())
    return s;
  if (!(s = write_cluster.Prepare(db, kWriteCluster)).ok()) return s;

  struct Row {
    int64_t id;
    std::string text;
  };
  std::vector<Row> rows;
  int rc;
  while ((rc = sqlite3_step(articles.get())) == SQLITE_ROW)
    rows.push_back({sqlite3_column_int64(articles.get(), 0), ColumnText(articles.get(), 1)});
  articles.Reset();
  if (rc != SQLITE_DONE) return error("reading the articles");
  StoryIndex stories;
  for (const Row& r : rows) {
    const Sketch sketch = ArticleSketch(r.text);
    const int64_t story = stories.Add(r.id, sketch);
    set_article.Int(1, story);
    set_article.Blob(2, SketchBytes(sketch));
    set_article.Int(3, r.id);
    rc = sqlite3_step(set_article.get());
    set_article.Reset();
    if (rc != SQLITE_DONE) return error("setting an article's story");
    if (story == r.id) {
      insert_story.Int(1, story);
      insert_story.Int(2, r.id);
      rc = sqlite3_step(insert_story.get());
      insert_story.Reset();
      if (rc != SQLITE_DONE) return error("storing a story");
    }
  }
  rows.clear();

  struct EventRow {
    int64_t article_id, index;
    ClusterKey key;
    std::string outlet;
  };
  std::vector<EventRow> event_rows;
  while ((rc = sqlite3_step(events.get())) == SQLITE_ROW) {
    sqlite3_stmt* st = events.get();
    EventRow e{sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
               ClusterKey{ColumnText(st, 2), ColumnText(st, 3), ColumnText(st, 4), ColumnText(st, 5), 0},
               ColumnText(st, 6)};
    if (e.key.date.empty()) e.key.story_id = sqlite3_column_int64(st, 7);
    event_rows.push_back(std::move(e));
  }
  events.Reset();
  if (rc != SQLITE_DONE) return error("reading the events");
  ClusterIndex clusters;
  for (const EventRow& e : event_rows) {
    set_event.Int(1, clusters.Add(e.key, e.article_id, e.index, e.outlet));
    set_event.Int(2, e.article_id);
    set_event.Int(3, e.index);
    rc = sqlite3_step(set_event.get());
    set_event.Reset();
    if (rc != SQLITE_DONE) return error("setting an event's cluster");
  }
  return WriteClusters(db, write_cluster, clusters);
}

// Schema version 4: every stored article's sketch recomputed from its text (the sketch changed
// from 128 hash functions to one permutation). Runs inside the migration's transaction.
Status RecomputeSketches(sqlite3* db) {
  Statement articles, set_sketch;
  Status s;
  if (!(s = articles.Prepare(db, "SELECT article_id, text FROM articles ORDER BY article_id")).ok()) return s;
  if (!(s = set_sketch.Prepare(db, "UPDATE articles SET sketch = ?1 WHERE article_id = ?2")).ok()) return s;
  // Read first, then write: an UPDATE while the SELECT over the same table is open is allowed,
  // but the two-step form needs no reasoning about it.
  std::vector<std::pair<int64_t, std::string>> sketches;
  int rc;
  while ((rc = sqlite3_step(articles.get())) == SQLITE_ROW) {
    const std::string text = ColumnText(articles.get(), 1);
    sketches.emplace_back(sqlite3_column_int64(articles.get(), 0), SketchBytes(ArticleSketch(text)));
  }
  articles.Reset();
  if (rc != SQLITE_DONE) return IoError(std::string("reading the articles: ") + sqlite3_errmsg(db));
  for (const auto& [id, blob] : sketches) {
    set_sketch.Blob(1, blob);
    set_sketch.Int(2, id);
    rc = sqlite3_step(set_sketch.get());
    set_sketch.Reset();
    if (rc != SQLITE_DONE) return IoError(std::string("storing a sketch: ") + sqlite3_errmsg(db));
  }
  return Status::Ok();
}

}  // namespace

Status MigrateSqliteStore(sqlite3* db, const std::string& name) {
  auto exec = [&](const std::string& sql) -> Status {
    char* error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string m = name + ": " + (error ? error : "sqlite error");
      sqlite3_free(error);
      return DataError(m);
    }
    return Status::Ok();
  };
  // Off while migrating (it cannot change inside the migrations' transactions): a migration that
  // rebuilds a table drops the old one, which with foreign keys on would delete the rows that
  // refer to it.
  if (Status s = exec("PRAGMA foreign_keys=OFF"); !s.ok()) return s;
  int version = 0;
  {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr) != SQLITE_OK)
      return IoError(name + ": " + sqlite3_errmsg(db));
    if (sqlite3_step(st) == SQLITE_ROW) version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
  }
  if (version > CurrentStoreVersion())
    return DataError(name + ": schema version " + std::to_string(version) + " is newer than this dateline's (" +
                     std::to_string(CurrentStoreVersion()) + "); use a newer dateline");
  for (const Migration& m : StoreMigrations()) {
    if (m.version <= version) continue;
    Status s = exec("BEGIN IMMEDIATE");
    if (!s.ok()) return s;
    s = exec(std::string(m.sql) + "\nPRAGMA user_version = " + std::to_string(m.version) + ";");
    if (s.ok() && m.version == 3) s = BackfillStoriesAndClusters(db);
    if (s.ok() && m.version == 4) s = RecomputeSketches(db);
    if (!s.ok()) {
      (void)exec("ROLLBACK");
      return DataError(s.message() + " (migrating to schema version " + std::to_string(m.version) + ")");
    }
    if (!(s = exec("COMMIT")).ok()) return s;
  }
  return Status::Ok();
}

Result<std::unique_ptr<EventStore>> OpenSqliteStore(const std::string& path) {
  auto store = std::make_unique<SqliteStore>();
  Status s = store->Open(path);
  if (!s.ok()) return s;
  return std::unique_ptr<EventStore>(std::move(store));
}

std::string ContentHash(std::string_view text) {
  auto white = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= ' ' && (u == ' ' || u == '\n' || u == '\t' || u == '\r' || u == '\f' || u == '\v');
  };
  // The words joined by single spaces, copied a run at a time.
  std::string normal;
  normal.reserve(text.size());
  for (size_t i = 0, n = text.size(); i < n;) {
    while (i < n && white(text[i])) ++i;
    if (i == n) break;
    size_t j = i;
    while (j < n && !white(text[j])) ++j;
    if (!normal.empty()) normal += ' ';
    normal.append(text.data() + i, j - i);
    i = j;
  }
  const XXH128_hash_t h = XXH3_128bits(normal.data(), normal.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int k = 0; k < 16; ++k) {
    out[static_cast<size_t>(15 - k)] = kHex[(h.high64 >> (4 * k)) & 0xf];
    out[static_cast<size_t>(31 - k)] = kHex[(h.low64 >> (4 * k)) & 0xf];
  }
  return out;
}

PreparedText PrepareText(const Document& doc, bool sketch) {
  PreparedText p;
  p.hash = ContentHash(doc.text());
  p.cleaned = CleanedText(doc);
  if (sketch) p.sketch = ArticleSketch(p.cleaned);
  return p;
}

std::string CleanedText(const Document& doc) {
  std::string text;
  auto add = [&](ByteSpan s) {
    if (s.begin > s.end || s.end > doc.text().size()) return;
    if (!text.empty()) text += "\n\n";
    text += doc.view(s);
  };
  if (doc.headline) add(*doc.headline);
  for (const ByteSpan& p : doc.paragraphs) add(p);
  return text;
}

}  // namespace dateline
