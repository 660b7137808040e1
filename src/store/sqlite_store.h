// Private to src/store: the SQLite backend (OpenStore opens it for paths that are not
// PostgreSQL URIs) and its migration runner, for OpenStore and the tests.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "store/store.h"

struct sqlite3;

namespace dateline {

// Applies the migrations (schema.h) the database `db` lacks, each in its own transaction with
// its `PRAGMA user_version`. `name` names the database in messages.
Status MigrateSqliteStore(sqlite3* db, const std::string& name);

// Opens (creating it if absent) the SQLite database file at `path`, migrated to the current schema.
Result<std::unique_ptr<EventStore>> OpenSqliteStore(const std::string& path);

}  // namespace dateline
