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

}  // namespace

const std::vector<Migration>& StoreMigrations() {
  static const std::vector<Migration> kMigrations = {{1, kV1}, {2, kV2}, {3, kV3}};
  return kMigrations;
}

int CurrentStoreVersion() { return StoreMigrations().back().version; }

}  // namespace dateline
