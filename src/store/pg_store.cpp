// The PostgreSQL backend of the event store. Deciding what happens to an article needs no round
// trip: the store keeps the stored doc_ids with their content hashes (and the hashes) in memory,
// loaded when it opens, next to the story and cluster indexes every backend keeps (dedupe.h).
// AddArticle appends the article's rows to per-table buffers in COPY's text format, the
// articles' streaming to the server as they are made (COPY articles runs through the batch);
// CommitBatch sends the rest in the same transaction — one COPY per table, the clusters stored
// before and changed by the batch upserted from a temporary table, COMMIT — a constant number of
// round trips per batch.
// Writers take turns: each batch holds an advisory lock from BeginBatch to COMMIT, and a writer
// that finds another's batches committed since it loaded its state reloads it first (a counter in
// store_state), so two ingests into one database still store each article once.
#include "store/pg_store.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <string>
#include <vector>

#include "output/output.h"
#include "store/dedupe.h"
#include "store/identity.h"
#include "store/pg_connection.h"
#include "store/rows.h"

namespace dateline {

namespace {

// Version 1: the logical schema of the SQLite backend's version 4 (docs/store.md): the same
// tables, columns (in the same order) and views (stories: a story is its first article). Dates
// stay YYYY-MM-DD text and JSON arrays text, so that every value reads back as the SQLite
// backend's does.
// - doc_id and content_hash are unique, kept so by the store (in memory, checked under the
//   writers' lock) rather than by unique indexes, as in SQLite since its version 4: their keys are random, so
//   each batch would touch most of both indexes' pages.
// - The full-text index is a GIN index over the 'simple' text search configuration (lower-cased
//   words, no stemming, no stop words: FTS5's default tokenizer's behaviour), built on
//   kPgTextVector: dateline_fts(title, text), the words of the title and the text — of the text
//   alone when it starts with the title (the headline usually is: parsing it twice cost a sixth
//   of the index's time). The index's pending list keeps PostgreSQL's default size (4 MB): a
//   64 MB one made the ingest itself a fifth faster only by leaving the merging for later (merged
//   at the end of the run, 100,000 new articles took 4.5 s instead of 3.4 s).
// - events and quotes have no foreign key to articles: PostgreSQL checks one row by row, half the
//   cost of copying the events (the store writes an article's rows together, in one
//   transaction); a statement trigger deletes an article's events and quotes with it, as
//   SQLite's ON DELETE CASCADE does.
constexpr std::string_view kPgV1 = R"sql(
CREATE TABLE articles (
  article_id        bigint PRIMARY KEY,
  doc_id            text NOT NULL,
  content_hash      text NOT NULL,
  title             text NOT NULL,
  url               text NOT NULL,
  outlet            text NOT NULL,
  publication_date  text,
  dateline_place    text,
  dateline_date     text,
  dateline_agency   text,
  reporters         text NOT NULL,
  editors           text NOT NULL,
  removed           text NOT NULL,
  sentences         integer NOT NULL,
  text              text NOT NULL,
  story_id          bigint,
  sketch            bytea
);
CREATE FUNCTION dateline_fts(title text, body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple'::regconfig, CASE WHEN starts_with(body, title) THEN body ELSE title || ' ' || body END)
$$;
CREATE INDEX articles_fts ON articles USING gin (dateline_fts(title, text));
CREATE TABLE events (
  article_id            bigint NOT NULL,
  event_index           integer NOT NULL,
  event_id              text NOT NULL,
  doc_id                text NOT NULL,
  outlet                text NOT NULL,
  url                   text NOT NULL,
  sentence              integer NOT NULL,
  date                  text,
  date_precision        text NOT NULL,
  historical            integer NOT NULL,
  mode                  text NOT NULL,
  source                text NOT NULL,
  target                text NOT NULL,
  source_name           text NOT NULL,
  target_name           text NOT NULL,
  source_country        text NOT NULL,
  target_country        text NOT NULL,
  source_text           text NOT NULL,
  target_text           text NOT NULL,
  code                  text NOT NULL,
  root                  text NOT NULL,
  quad_class            integer,
  goldstein             double precision,
  plover                text NOT NULL,
  plover_mode           text NOT NULL,
  plover_context        text NOT NULL,
  location_name         text,
  location_country      text,
  location_admin1       text,
  location_lat          double precision,
  location_lon          double precision,
  location_geonames_id  bigint,
  location_precision    text,
  issues                text NOT NULL,
  quote_id              text,
  evidence_text         text NOT NULL,
  evidence_start        bigint NOT NULL,
  evidence_end          bigint NOT NULL,
  source_span_start     bigint,
  source_span_end       bigint,
  target_span_start     bigint,
  target_span_end       bigint,
  verb_span_start       bigint,
  verb_span_end         bigint,
  rules                 text NOT NULL,
  version               text NOT NULL,
  cluster_id            bigint,
  PRIMARY KEY (article_id, event_index)
);
CREATE TABLE quotes (
  article_id      bigint NOT NULL,
  quote_index     integer NOT NULL,
  quote_id        text NOT NULL,
  doc_id          text NOT NULL,
  text            text NOT NULL,
  speaker_code    text NOT NULL,
  speaker_name    text NOT NULL,
  speaker_text    text NOT NULL,
  addressee_code  text NOT NULL,
  addressee_name  text NOT NULL,
  addressee_text  text NOT NULL,
  sentences       text NOT NULL,
  evidence_start  bigint NOT NULL,
  evidence_end    bigint NOT NULL,
  PRIMARY KEY (article_id, quote_index)
);
CREATE VIEW stories AS
  SELECT article_id AS story_id, article_id AS first_article_id FROM articles WHERE story_id = article_id;
CREATE TABLE event_clusters (
  cluster_id         bigint PRIMARY KEY,
  date               text,
  source             text NOT NULL,
  target             text NOT NULL,
  code               text NOT NULL,
  story_id           bigint,
  first_article_id   bigint NOT NULL,
  first_event_index  bigint NOT NULL,
  num_mentions       bigint NOT NULL,
  num_articles       bigint NOT NULL,
  num_sources        bigint NOT NULL,
  article_ids        text NOT NULL,
  sources            text NOT NULL
);
CREATE FUNCTION dateline_delete_article_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM events WHERE article_id IN (SELECT article_id FROM deleted_articles);
  DELETE FROM quotes WHERE article_id IN (SELECT article_id FROM deleted_articles);
  RETURN NULL;
END
$$;
CREATE TRIGGER articles_delete_rows AFTER DELETE ON articles REFERENCING OLD TABLE AS deleted_articles
  FOR EACH STATEMENT EXECUTE FUNCTION dateline_delete_article_rows();
CREATE TABLE store_state (
  name   text PRIMARY KEY,
  value  bigint NOT NULL
);
INSERT INTO store_state VALUES ('batches', 0);
CREATE VIEW events_one_a_day AS
  SELECT e.* FROM events e JOIN event_clusters c
    ON c.cluster_id = e.cluster_id AND c.first_article_id = e.article_id AND c.first_event_index = e.event_index;
)sql";

// Advisory lock keys (two int4s): the class is "dl" in ASCII; object 1 serialises migrations,
// object 2 batches (a writer holds it from BeginBatch to its commit or rollback).
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(25708, 1)";
// Starts a batch: its transaction, the writers' lock, and the count of batches committed (by any
// writer) to compare with the count the in-memory state was loaded at.
constexpr const char* kBeginBatch =
    "BEGIN; SELECT pg_advisory_xact_lock(25708, 2); SELECT value FROM store_state WHERE name = 'batches'";

void AppendInt(std::string& out, int64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// The shortest text that reads back as the same double.
void AppendReal(std::string& out, double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// Builds one row of COPY text: fields separated by tabs, the row ended by End().
class CopyRow {
 public:
  explicit CopyRow(std::string& out) : out_(out) {}
  CopyRow& Text(std::string_view v) { Sep(); AppendCopyText(out_, v); return *this; }
  CopyRow& TextOrNull(std::string_view v) { return v.empty() ? Null() : Text(v); }
  CopyRow& Int(int64_t v) { Sep(); AppendInt(out_, v); return *this; }
  CopyRow& Real(double v) { Sep(); AppendReal(out_, v); return *this; }
  CopyRow& Bytea(std::string_view v) { Sep(); AppendCopyBytea(out_, v); return *this; }
  CopyRow& Null() { Sep(); AppendCopyNull(out_); return *this; }
  template <typename T>
  CopyRow& IntOrNull(const std::optional<T>& v) { return v ? Int(static_cast<int64_t>(*v)) : Null(); }
  void End() { out_ += '\n'; }

 private:
  void Sep() {
    if (!first_) out_ += '\t';
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

Status Migrate(PgConnection& c, int* version_out) {
  const int current = CurrentPgStoreVersion();
  for (;;) {
    if (Status s = c.Exec("BEGIN", "starting a migration"); !s.ok()) return s;
    auto fail = [&](Status s) {
      (void)c.Exec("ROLLBACK", "rolling back");
      return s;
    };
    if (Status s = c.Exec(kMigrationLock, "locking the schema"); !s.ok()) return fail(s);
    if (Status s = c.Exec("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)",
                          "creating the schema_version table");
        !s.ok())
      return fail(s);
    Result<PgResult> r = c.Query("SELECT version FROM schema_version", {}, "reading the schema version");
    if (!r.ok()) return fail(r.status());
    const int rows = PQntuples(r->get());
    if (rows > 1) return fail(DataError(c.name() + ": the schema_version table has " + std::to_string(rows) + " rows"));
    const int version = rows == 0 ? 0 : std::atoi(PQgetvalue(r->get(), 0, 0));
    if (version > current)
      return fail(DataError(c.name() + ": schema version " + std::to_string(version) +
                            " is newer than this dateline's (" + std::to_string(current) + "); use a newer dateline"));
    if (version == current) {
      *version_out = version;
      return c.Exec("COMMIT", "committing");
    }
    const Migration& m = PgStoreMigrations()[static_cast<size_t>(version)];
    const std::string step = std::string(m.sql) + "\nDELETE FROM schema_version;\nINSERT INTO schema_version VALUES (" +
                             std::to_string(m.version) + ");";
    if (Status s = c.Exec(step, "migrating to schema version " + std::to_string(m.version)); !s.ok()) return fail(s);
    if (Status s = c.Exec("COMMIT", "committing the migration"); !s.ok()) return s;
  }
}

class PgStore final : public EventStore {
 public:
  explicit PgStore(std::unique_ptr<PgConnection> c) : c_(std::move(c)) {}
  ~PgStore() override {
    if (in_batch_) RollbackBatch();
  }

  Status Open() {
    // A batch waits for another writer's batch to commit (or, after a kill, for its server
    // process to notice): 60 s at most, unless the session has a lock_timeout of its own (e.g.
    // the URI's options=-c%20lock_timeout%3D...).
    Result<PgResult> timeout = c_->Query("SHOW lock_timeout", {}, "reading lock_timeout");
    if (!timeout.ok()) return timeout.status();
    const std::string own_timeout = PQgetvalue(timeout->get(), 0, 0);
    Status s = own_timeout == "0" ? c_->Exec("SET lock_timeout = '60s'", "setting lock_timeout") : Status::Ok();
    if (s.ok()) s = Migrate(*c_, &version_);
    if (!s.ok()) return s;
    // As the SQLite backend's synchronous=NORMAL: a committed batch may be lost if the server's
    // machine crashes (never consistency; a rerun adds it again), not if this process is killed.
    s = c_->Exec("SET synchronous_commit = off; CREATE TEMP TABLE cluster_rows (LIKE event_clusters) ON COMMIT DELETE ROWS",
                 "preparing the session");
    if (!s.ok()) return s;
    return Reload();
  }

  // Takes the writers' lock in the batch's transaction; when another writer has committed since
  // the in-memory state was loaded, reloads it (inside the lock, so it stays true until COMMIT).
  Status BeginBatch() override {
    if (in_batch_) return Status(StatusCode::kInternal, "BeginBatch inside a batch");
    Result<PgResult> r = c_->Run(kBeginBatch, "starting a batch (waiting for another dateline ingest's batch?)");
    if (!r.ok()) {
      (void)c_->Exec("ROLLBACK", "rolling back");
      return r.status();
    }
    in_batch_ = true;
    const int64_t batches = PQntuples(r->get()) == 1 ? std::strtoll(PQgetvalue(r->get(), 0, 0), nullptr, 10) : -1;
    if (batches != batches_seen_) {
      if (Status s = Reload(); !s.ok()) {
        RollbackBatch();
        return s;
      }
    }
    return Status::Ok();
  }

  Result<AddOutcome> AddArticle(const Document& doc, const PreparedText& prepared, std::string_view version) override {
    if (!in_batch_) return Status(StatusCode::kInternal, "AddArticle outside a batch");
    const std::string& hash = prepared.hash;
    if (const std::optional<AddOutcome> stored = identity_.Find(doc.id, hash)) return *stored;
    identity_.Add(doc.id, hash);

    const int64_t article_id = next_article_id_++;
    const std::string& text = prepared.cleaned;
    const Sketch sketch = prepared.sketch ? *prepared.sketch : ArticleSketch(text);
    const int64_t story_id = stories_.Add(article_id, sketch);

    CopyRow a(articles_);
    a.Int(article_id).Text(doc.id).Text(hash).Text(ArticleTitle(doc)).Text(doc.url).Text(doc.outlet);
    a.TextOrNull(DateText(doc.publication_date));
    if (HasDateline(doc)) {
      const Dateline& dl = doc.dateline;
      a.Text(dl.place).TextOrNull(DateText(dl.date)).Text(dl.agency);
    } else {
      a.Null().Null().Null();
    }
    a.Text(JsonArray(doc.reporters)).Text(JsonArray(doc.editors)).Text(RemovedJson(doc));
    a.Int(static_cast<int64_t>(doc.sentences.size())).Text(text).Int(story_id).Bytea(SketchBytes(sketch));
    a.End();
    // The articles' rows stream to the server as they are made (its full-text index, most of its
    // work, overlaps the making of the rest); events and quotes follow at CommitBatch.
    if (!copying_articles_) {
      if (Status s = c_->CopyStart("COPY articles FROM STDIN", "storing the batch's articles"); !s.ok()) return s;
      copying_articles_ = true;
    }
    if (articles_.size() >= kSendBytes) {
      if (Status s = c_->CopySend(articles_, "storing the batch's articles"); !s.ok()) return s;
      articles_.clear();
    }

    for (size_t i = 0; i < doc.events.size(); ++i)
      AppendEvent(doc, doc.events[i], article_id, story_id, static_cast<int64_t>(i), version);
    for (uint32_t q = 0; q < doc.quotes.size(); ++q) AppendQuote(doc, q, article_id);
    return AddOutcome::kAdded;
  }

  Status CommitBatch() override {
    if (!in_batch_) return Status(StatusCode::kInternal, "CommitBatch outside a batch");
    // New clusters are copied into event_clusters; those stored before and changed by the batch
    // (a new mention) into the temporary table, from which they replace the stored rows.
    std::string new_clusters, clusters;
    int64_t max_cluster = stored_max_cluster_;
    for (const EventCluster* cl : clusters_.TakeDirty()) {
      max_cluster = std::max(max_cluster, cl->cluster_id);
      CopyRow r(cl->cluster_id > stored_max_cluster_ ? new_clusters : clusters);
      r.Int(cl->cluster_id).TextOrNull(cl->key.date).Text(cl->key.source).Text(cl->key.target).Text(cl->key.code);
      if (cl->key.story_id) r.Int(cl->key.story_id); else r.Null();
      r.Int(cl->first_article_id).Int(cl->first_event_index).Int(cl->num_mentions);
      r.Int(static_cast<int64_t>(cl->article_ids.size())).Int(static_cast<int64_t>(cl->sources.size()));
      r.Text(ClusterArticleIdsJson(*cl)).Text(ClusterSourcesJson(*cl));
      r.End();
    }
    if (!copying_articles_ && clusters.empty() && new_clusters.empty()) {  // nothing new
      Status s = c_->Exec("COMMIT", "ending a batch");
      if (s.ok()) in_batch_ = false;
      return s;
    }
    Status s;
    if (copying_articles_) {
      s = c_->CopySend(articles_, "storing the batch's articles");
      if (s.ok()) {
        copying_articles_ = false;
        s = c_->CopyEnd("storing the batch's articles");
      }
    }
    const std::pair<const char*, std::string*> tables[] = {{"events", &events_},
                                                            {"quotes", &quotes_},
                                                            {"event_clusters", &new_clusters},
                                                            {"cluster_rows", &clusters}};
    for (const auto& [table, rows] : tables) {
      if (!s.ok() || rows->empty()) continue;
      s = c_->Copy(std::string("COPY ") + table + " FROM STDIN", *rows, std::string("storing the batch's ") + table);
    }
    if (s.ok() && !clusters.empty())
      s = c_->Exec(
          "INSERT INTO event_clusters SELECT * FROM cluster_rows ON CONFLICT (cluster_id) DO UPDATE SET "
          "num_mentions = excluded.num_mentions, num_articles = excluded.num_articles, "
          "num_sources = excluded.num_sources, article_ids = excluded.article_ids, sources = excluded.sources",
          "storing the batch's event clusters");
    if (s.ok())
      s = c_->Exec("UPDATE store_state SET value = value + 1 WHERE name = 'batches'; COMMIT", "committing a batch");
    if (!s.ok()) return s;  // the caller rolls back
    ++batches_seen_;
    stored_max_cluster_ = max_cluster;
    in_batch_ = false;
    ClearBuffers();
    return Status::Ok();
  }

  void RollbackBatch() override {
    if (copying_articles_) (void)c_->CopyEnd("cancelling the batch's articles", "the batch is rolled back");
    copying_articles_ = false;
    if (in_batch_) (void)c_->Exec("ROLLBACK", "rolling back a batch");
    in_batch_ = false;
    ClearBuffers();
    batches_seen_ = -1;  // the in-memory state holds the batch's articles: reloaded by the next batch
  }

  int schema_version() const override { return version_; }

 private:
  void ClearBuffers() {
    articles_.clear();
    events_.clear();
    quotes_.clear();
  }

  // Rebuilds the in-memory state from the database.
  Status Reload() {
    stories_.Clear();
    clusters_.Clear();
    identity_.Clear();
    next_article_id_ = 1;
    stored_max_cluster_ = 0;
    batches_seen_ = -1;
    Result<PgResult> r = c_->Query("SELECT value FROM store_state WHERE name = 'batches'", {}, "reading the store's state");
    if (!r.ok()) return r.status();
    const int64_t batches = PQntuples(r->get()) == 1 ? std::strtoll(PQgetvalue(r->get(), 0, 0), nullptr, 10) : -1;
    // The story index holds the recent articles only (dedupe.h): older sketches are not loaded.
    r = c_->Query("SELECT coalesce(max(article_id), 0) FROM articles", {}, "finding the last article");
    if (!r.ok()) return r.status();
    const int64_t first = stories_.FirstNeeded(std::strtoll(PQgetvalue(r->get(), 0, 0), nullptr, 10) + 1);
    Status s = c_->ForEachRow(
        "SELECT article_id, doc_id, content_hash, story_id, CASE WHEN article_id >= $1 THEN sketch END FROM articles "
        "ORDER BY article_id",
        {std::to_string(first)}, "loading the stored articles", [&](const PGresult* res) {
          const int64_t id = std::strtoll(PQgetvalue(res, 0, 0), nullptr, 10);
          next_article_id_ = id + 1;
          identity_.Add(std::string_view(PQgetvalue(res, 0, 1), static_cast<size_t>(PQgetlength(res, 0, 1))),
                        std::string_view(PQgetvalue(res, 0, 2), static_cast<size_t>(PQgetlength(res, 0, 2))));
          if (PQgetisnull(res, 0, 4)) return Status::Ok();
          size_t size = 0;
          unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(res, 0, 4)), &size);
          Sketch sketch;
          if (bytes && SketchFromBytes(std::string_view(reinterpret_cast<const char*>(bytes), size), &sketch))
            stories_.Insert(id, std::strtoll(PQgetvalue(res, 0, 3), nullptr, 10), sketch);
          PQfreemem(bytes);
          return Status::Ok();
        });
    if (!s.ok()) return s;
    s = c_->ForEachRow(
        "SELECT cluster_id, date, source, target, code, story_id, first_article_id, first_event_index, num_mentions, "
        "article_ids, sources FROM event_clusters",
        {}, "loading the event clusters", [&](const PGresult* res) {
          auto text = [&](int c) { return std::string(PQgetvalue(res, 0, c), static_cast<size_t>(PQgetlength(res, 0, c))); };
          auto integer = [&](int c) -> int64_t {
            return PQgetisnull(res, 0, c) ? 0 : std::strtoll(PQgetvalue(res, 0, c), nullptr, 10);
          };
          EventCluster cl;
          cl.cluster_id = integer(0);
          cl.key = ClusterKey{text(1), text(2), text(3), text(4), integer(5)};
          cl.first_article_id = integer(6);
          cl.first_event_index = integer(7);
          cl.num_mentions = integer(8);
          if (Status p = ParseClusterLists(text(9), text(10), &cl); !p.ok())
            return Status(p.code(), c_->name() + ": " + p.message());
          stored_max_cluster_ = std::max(stored_max_cluster_, cl.cluster_id);
          clusters_.Insert(std::move(cl));
          return Status::Ok();
        });
    if (!s.ok()) return s;
    batches_seen_ = batches;
    return Status::Ok();
  }

  // The event's row: its record (output/output.h), location and evidence flattened, in the
  // columns' order (docs/store.md), as the SQLite backend stores it.
  void AppendEvent(const Document& doc, const Event& e, int64_t article_id, int64_t story_id, int64_t index,
                   std::string_view version) {
    const EventRecord r = MakeEventRecord(doc, e, version, record_);
    const std::string date = DateText(r.date);
    const int64_t cluster = clusters_.Add(EventClusterKey(date, r, story_id), article_id, index, doc.outlet);
    CopyRow c(events_);
    c.Int(article_id).Int(index).Text(r.event_id).Text(r.doc_id).Text(r.outlet).Text(r.url);
    c.Int(r.sentence).TextOrNull(date).Text(r.date_precision).Int(r.historical ? 1 : 0).Text(r.mode);
    c.Text(r.source.code).Text(r.target.code).Text(r.source.name).Text(r.target.name);
    c.Text(r.source.country).Text(r.target.country).Text(r.source.text).Text(r.target.text).Text(r.code).Text(r.root);
    c.IntOrNull(r.quad_class);
    if (r.goldstein) c.Real(*r.goldstein); else c.Null();
    c.Text(r.plover).Text(r.plover_mode).Text(r.plover_context);
    if (r.location) {
      const EventRecord::Place& l = *r.location;
      c.Text(l.name).Text(l.country).Text(l.admin1);
      if (l.lat) c.Real(Coordinate(*l.lat)); else c.Null();
      if (l.lon) c.Real(Coordinate(*l.lon)); else c.Null();
      c.IntOrNull(l.geonames_id).Text(l.precision);
    } else {
      c.Null().Null().Null().Null().Null().Null().Null();
    }
    c.Text(JsonArray(r.issues.items));
    if (r.quote_id) c.Text(*r.quote_id); else c.Null();
    c.Text(r.evidence_text).Int(r.evidence.start).Int(r.evidence.end);
    for (const auto* span : {&r.source_span, &r.target_span, &r.verb_span}) {
      if (*span) c.Int((*span)->start).Int((*span)->end); else c.Null().Null();
    }
    c.Text(JsonArray(r.rules.items)).Text(r.version).Int(cluster);
    c.End();
  }

  void AppendQuote(const Document& doc, uint32_t index, int64_t article_id) {
    const Quote& q = doc.quotes[index];
    auto words = [&](const ActorRef& a) {
      return a.span && a.span->end <= doc.text().size() ? doc.view(*a.span) : std::string_view();
    };
    const EventRecord::Span span = InputOffsets(doc, q.span);
    CopyRow r(quotes_);
    r.Int(article_id).Int(index).Text(QuoteId(doc, index)).Text(doc.id).Text(QuoteText(doc, q));
    r.Text(q.speaker.code).Text(q.speaker.name).Text(words(q.speaker));
    r.Text(q.addressee.code).Text(q.addressee.name).Text(words(q.addressee));
    r.Text(QuoteSentencesJson(q)).Int(span.start).Int(span.end);
    r.End();
  }

  std::unique_ptr<PgConnection> c_;
  int version_ = 0;
  bool in_batch_ = false;  // the batch's transaction is open
  bool copying_articles_ = false;  // COPY articles is in progress (the batch has new articles)
  static constexpr size_t kSendBytes = 1 << 16;  // articles' rows are sent in pieces of about this
  // store_state's 'batches' (batches committed by all writers) when the in-memory state was
  // last known to match the database; -1: unknown, reload.
  int64_t batches_seen_ = -1;
  int64_t stored_max_cluster_ = 0;  // the largest cluster_id committed
  // The batch's rows, in COPY's text format.
  std::string articles_, events_, quotes_;
  // Stored doc_ids with their content hashes, and the hashes: the identity rules without a query.
  ArticleIdentity identity_;  // the stored articles' doc_ids and content hashes (identity.h)
  EventRecordBuffer record_;  // AppendEvent's, reused
  StoryIndex stories_;
  ClusterIndex clusters_;
  int64_t next_article_id_ = 1;
};

}  // namespace

const std::vector<Migration>& PgStoreMigrations() {
  static const std::vector<Migration> kMigrations = {{1, kPgV1}};
  return kMigrations;
}

int CurrentPgStoreVersion() { return PgStoreMigrations().back().version; }

Result<std::unique_ptr<EventStore>> OpenPgStore(const std::string& uri) {
  Result<std::unique_ptr<PgConnection>> c = PgConnection::Connect(uri);
  if (!c.ok()) return c.status();
  auto store = std::make_unique<PgStore>(c.take());
  if (Status s = store->Open(); !s.ok()) return s;
  return std::unique_ptr<EventStore>(std::move(store));
}

}  // namespace dateline
