// Private to src/store: the SQLite backend's migration runner, for OpenStore and the tests.
#pragma once

#include <string>

#include "core/status.h"

struct sqlite3;

namespace dateline {

// Applies the migrations (schema.h) the database `db` lacks, each in its own transaction with
// its `PRAGMA user_version`. `name` names the database in messages.
Status MigrateSqliteStore(sqlite3* db, const std::string& name);

}  // namespace dateline
