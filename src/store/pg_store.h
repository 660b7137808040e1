// Private to src/store: the PostgreSQL backend of the event store, for OpenStore and the tests.
//
// The same logical schema as the SQLite backend (tables articles, events, quotes, stories,
// event_clusters, the view events_one_a_day; the same columns, values and identity rules), in
// the database a libpq connection URI names (postgresql://user@host:port/dbname). Differences:
// the schema version is the one row of the table `schema_version` (its own list of migrations,
// PgStoreMigrations), sketches are bytea, and the full-text index is a GIN index over
// dateline_fts(title, text) — to_tsvector('simple', ...) of the title and text — instead of the
// FTS5 table articles_fts.
// docs/store.md, "PostgreSQL".
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/schema.h"
#include "store/store.h"

namespace dateline {

// The PostgreSQL schema as migrations: step i takes the database from version i - 1 to i.
const std::vector<Migration>& PgStoreMigrations();
int CurrentPgStoreVersion();

// The full-text expression the GIN index is built on; a query must use the same expression.
// dateline_fts (created with the schema) is to_tsvector('simple', title || ' ' || text), the
// text alone when it starts with the title.
inline constexpr const char* kPgTextVector = "dateline_fts(title, text)";

// Connects to the database `uri` names (it must exist), creates or migrates the schema, and
// loads the in-memory state. Writers take turns batch by batch (an advisory lock per batch).
Result<std::unique_ptr<EventStore>> OpenPgStore(const std::string& uri);

}  // namespace dateline
