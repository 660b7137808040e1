#include "store/schema.h"

namespace dateline {

namespace {

// Version 1: articles, events (every field of the output contract; location and evidence
// flattened; issues and rules as JSON arrays) and quotes. No secondary indexes on events: each
// costs ingest about a tenth of its time; the commands that query add the ones they need.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE articles (
  article_id        INTEGER PRIMARY KEY,
  doc_id            TEXT NOT NULL UNIQUE,
  content_hash      TEXT NOT NULL UNIQUE,
  title             TEXT NOT NULL,
  url               TEXT NOT NULL,
  outlet            TEXT NOT NULL,
  publication_date  TEXT,
  dateline_place    TEXT,
  dateline_date     TEXT,
  dateline_agency   TEXT,
  reporters         TEXT NOT NULL,
  editors           TEXT NOT NULL,
  removed           TEXT NOT NULL,
  sentences         INTEGER NOT NULL,
  text              TEXT NOT NULL
);
CREATE TABLE events (
  article_id            INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
  event_index           INTEGER NOT NULL,
  event_id              TEXT NOT NULL,
  doc_id                TEXT NOT NULL,
  outlet                TEXT NOT NULL,
  url                   TEXT NOT NULL,
  sentence              INTEGER NOT NULL,
  date                  TEXT,
  date_precision        TEXT NOT NULL,
  historical            INTEGER NOT NULL,
  mode                  TEXT NOT NULL,
  source                TEXT NOT NULL,
  target                TEXT NOT NULL,
  source_name           TEXT NOT NULL,
  target_name           TEXT NOT NULL,
  source_country        TEXT NOT NULL,
  target_country        TEXT NOT NULL,
  source_text           TEXT NOT NULL,
  target_text           TEXT NOT NULL,
  code                  TEXT NOT NULL,
  root                  TEXT NOT NULL,
  quad_class            INTEGER,
  goldstein             REAL,
  plover                TEXT NOT NULL,
  plover_mode           TEXT NOT NULL,
  plover_context        TEXT NOT NULL,
  location_name         TEXT,
  location_country      TEXT,
  location_admin1       TEXT,
  location_lat          REAL,
  location_lon          REAL,
  location_geonames_id  INTEGER,
  location_precision    TEXT,
  issues                TEXT NOT NULL,
  quote_id              TEXT,
  evidence_text         TEXT NOT NULL,
  evidence_start        INTEGER NOT NULL,
  evidence_end          INTEGER NOT NULL,
  source_span_start     INTEGER,
  source_span_end       INTEGER,
  target_span_start     INTEGER,
  target_span_end       INTEGER,
  verb_span_start       INTEGER,
  verb_span_end         INTEGER,
  rules                 TEXT NOT NULL,
  version               TEXT NOT NULL,
  PRIMARY KEY (article_id, event_index)
) WITHOUT ROWID;
CREATE TABLE quotes (
  article_id      INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
  quote_index     INTEGER NOT NULL,
  quote_id        TEXT NOT NULL,
  doc_id          TEXT NOT NULL,
  text            TEXT NOT NULL,
  speaker_code    TEXT NOT NULL,
  speaker_name    TEXT NOT NULL,
  speaker_text    TEXT NOT NULL,
  addressee_code  TEXT NOT NULL,
  addressee_name  TEXT NOT NULL,
  addressee_text  TEXT NOT NULL,
  sentences       TEXT NOT NULL,
  evidence_start  INTEGER NOT NULL,
  evidence_end    INTEGER NOT NULL,
  PRIMARY KEY (article_id, quote_index)
) WITHOUT ROWID;
)sql";

// Version 2: the FTS5 full-text index over articles' title and cleaned text, an external-content
// index built from the articles a version-1 database already holds. Deletions and updates of
// articles reach the index by triggers. New articles are indexed by the store in the transaction
// that adds them, one INSERT ... SELECT per batch: a per-row trigger would make FTS5 write a
// segment for each article (it flushes at every statement savepoint), several times slower.
constexpr std::string_view kV2 = R"sql(
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='article_id');
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.article_id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.article_id, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.article_id, new.title, new.text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
)sql";

// Version 3: stories (near-duplicate articles grouped) and event clusters (the same event in
// several articles). Articles get their story and MinHash sketch, events their cluster; the
// view events_one_a_day keeps the first event of each cluster (Phoenix's one-a-day filter). The
// update trigger of the full-text index now fires only when the indexed columns change (the
// backfill below sets story_id and sketch of every article). The SQLite backend then fills the
// new columns and tables for the articles already stored (BackfillStoriesAndClusters), in the
// same transaction, as an ingest of those articles in article_id order would.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE stories (
  story_id          INTEGER PRIMARY KEY,
  first_article_id  INTEGER NOT NULL
);
ALTER TABLE articles ADD COLUMN story_id INTEGER;
ALTER TABLE articles ADD COLUMN sketch BLOB;
CREATE TABLE event_clusters (
  cluster_id         INTEGER PRIMARY KEY,
  date               TEXT,
  source             TEXT NOT NULL,
  target             TEXT NOT NULL,
  code               TEXT NOT NULL,
  story_id           INTEGER,
  first_article_id   INTEGER NOT NULL,
  first_event_index  INTEGER NOT NULL,
  num_mentions       INTEGER NOT NULL,
  num_articles       INTEGER NOT NULL,
  num_sources        INTEGER NOT NULL,
  article_ids        TEXT NOT NULL,
  sources            TEXT NOT NULL
);
ALTER TABLE events ADD COLUMN cluster_id INTEGER;
CREATE VIEW events_one_a_day AS
  SELECT e.* FROM events e JOIN event_clusters c
    ON c.cluster_id = e.cluster_id AND c.first_article_id = e.article_id AND c.first_event_index = e.event_index;
DROP TRIGGER articles_fts_update;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.article_id, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.article_id, new.title, new.text);
END;
)sql";

// Version 4: article sketches are one-permutation MinHash (dedupe.h), a few instructions per word
// instead of 128 hashes per word bigram. The SQLite backend recomputes every stored article's
// sketch from its text in the migration's transaction (RecomputeSketches); stories and clusters
// already assigned stay as they are, and new articles are compared with the new sketches.
// And the full-text index is filled in chunks of many batches rather than batch by batch (FTS5
// writes a segment per statement, and merges them: indexing 1,024 articles at a time cost
// about three times as much as indexing them in one go); `store_state` holds the last
// article_id the index covers ('fts_indexed_through'), advanced in the transaction that indexes.
// `stories` becomes a view: a story is its first article (story_id = article_id), so the table
// repeated what `articles` holds, at the cost of an insert per new story.
// And `articles` is rebuilt without its UNIQUE constraints on doc_id and content_hash: their
// indexes took random inserts, so every batch rewrote most of their pages (the cost of a batch
// grew with the database: 200,000 articles took twice as long to store as without them). The
// store keeps both unique itself, with in-memory tables of their 64-bit hashes checked against
// the rows by article_id (sqlite_store.cpp). The migration runs with foreign keys off, so that
// dropping the old table does not cascade to the events.
constexpr std::string_view kV4 = R"sql(
UPDATE articles SET sketch = NULL;
CREATE TABLE store_state (
  name   TEXT PRIMARY KEY,
  value  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO store_state VALUES ('fts_indexed_through', (SELECT coalesce(max(article_id), 0) FROM articles));
DROP TABLE stories;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
CREATE TABLE articles_v4 (
  article_id        INTEGER PRIMARY KEY,
  doc_id            TEXT NOT NULL,
  content_hash      TEXT NOT NULL,
  title             TEXT NOT NULL,
  url               TEXT NOT NULL,
  outlet            TEXT NOT NULL,
  publication_date  TEXT,
  dateline_place    TEXT,
  dateline_date     TEXT,
  dateline_agency   TEXT,
  reporters         TEXT NOT NULL,
  editors           TEXT NOT NULL,
  removed           TEXT NOT NULL,
  sentences         INTEGER NOT NULL,
  text              TEXT NOT NULL,
  story_id          INTEGER,
  sketch            BLOB
);
INSERT INTO articles_v4 SELECT article_id, doc_id, content_hash, title, url, outlet, publication_date,
  dateline_place, dateline_date, dateline_agency, reporters, editors, removed, sentences, text, story_id, sketch
  FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v4 RENAME TO articles;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.article_id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.article_id, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.article_id, new.title, new.text);
END;
CREATE VIEW stories AS
  SELECT article_id AS story_id, article_id AS first_article_id FROM articles WHERE story_id = article_id;
)sql";

}  // namespace

const std::vector<Migration>& StoreMigrations() {
  static const std::vector<Migration> kMigrations = {{1, kV1}, {2, kV2}, {3, kV3}, {4, kV4}};
  return kMigrations;
}

int CurrentStoreVersion() { return StoreMigrations().back().version; }

}  // namespace dateline
